use super::FieldError;

/// An e-mail address, trimmed and lower-cased, with one `@` and a dotted domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err("field.required");
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err("field.email_invalid");
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.chars().all(|c| {
                !c.is_whitespace()
                    && !super::text::is_forbidden(c, false)
                    && c != '@'
                    && c != '<'
                    && c != '>'
            });
        if value.len() > 254 || !domain_ok || !local_ok {
            return Err("field.email_invalid");
        }
        Ok(Email(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn normalises_and_refuses() {
        assert_eq!(
            Email::parse("  A.B@Example.KZ ").unwrap().as_str(),
            "a.b@example.kz"
        );
        for bad in [
            "", "ab", "a@b", "@b.kz", "a b@c.kz", "a@.kz", "a@b..kz", "a@b.kz.",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
    }
}
