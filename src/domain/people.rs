use super::FieldError;

crate::text_enum! {
    /// What a user may do (DESIGN.md, "Who may do what").
    Role {
        Admin => "admin",
        Registrar => "registrar",
        Analyst => "analyst",
        Reviewer => "reviewer",
        Certifier => "certifier",
        Exporter => "exporter",
        Inspector => "inspector",
        Auditor => "auditor",
    }
}

impl Role {
    /// Lab roles belong to exactly one side; the others to none.
    pub fn has_side(self) -> bool {
        matches!(
            self,
            Role::Registrar | Role::Analyst | Role::Reviewer | Role::Certifier | Role::Auditor
        )
    }
}

crate::text_enum! {
    /// The Kazakh or the Chinese side of the joint laboratory.
    Side {
        Kz => "kz",
        Cn => "cn",
    }
}

impl Side {
    /// The other lab.
    pub fn other(self) -> Side {
        match self {
            Side::Kz => Side::Cn,
            Side::Cn => Side::Kz,
        }
    }

    /// The zone a side's staff see times in by default.
    pub fn time_zone(self) -> TimeZone {
        match self {
            Side::Kz => TimeZone::Almaty,
            Side::Cn => TimeZone::Beijing,
        }
    }
}

crate::text_enum! {
    /// The zones jointlab's users live in: Kazakhstan (UTC+5) and China (UTC+8).
    TimeZone {
        Almaty => "almaty",
        Beijing => "beijing",
    }
}

impl TimeZone {
    pub fn offset(self) -> chrono::FixedOffset {
        let hours = match self {
            TimeZone::Almaty => 5,
            TimeZone::Beijing => 8,
        };
        chrono::FixedOffset::east_opt(hours * 3600).expect("offset within a day")
    }

    pub fn utc_label(self) -> &'static str {
        match self {
            TimeZone::Almaty => "UTC+5",
            TimeZone::Beijing => "UTC+8",
        }
    }
}

/// A person's name as shown in lists and the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim();
        if value.is_empty() {
            return Err("field.required");
        }
        if value.chars().count() > 100 {
            return Err("field.too_long");
        }
        super::text::single_line(value)?;
        Ok(DisplayName(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whose password it is: what the new password must not contain.
pub struct PasswordOwner<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
}

/// A password someone chose (NIST SP 800-63B §5.1.1.2): 12 to 128 characters, not all the same
/// few characters, not on the common-password list, and not built on the owner's e-mail or
/// name. Whether it repeats the current password needs the stored hash, so the caller checks.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 12;

    pub fn parse(
        input: &str,
        confirmation: &str,
        owner: &PasswordOwner<'_>,
    ) -> Result<Self, FieldError> {
        let chars = input.chars().count();
        if chars < Self::MIN_CHARS {
            return Err("field.password_short");
        }
        if chars > 128 {
            return Err("field.too_long");
        }
        let mut distinct: Vec<char> = input.chars().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < 4 {
            return Err("field.password_weak");
        }
        if super::common_passwords::is_common(input) {
            return Err("field.password_common");
        }
        if built_on(input, owner) {
            return Err("field.password_personal");
        }
        if input != confirmation {
            return Err("field.password_mismatch");
        }
        Ok(NewPassword(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Whether `input` contains the e-mail's local part, the display name, or one of the name's
/// words (ignoring case; parts shorter than three or four letters are too short to matter).
fn built_on(input: &str, owner: &PasswordOwner<'_>) -> bool {
    let lower = input.to_lowercase();
    let local = owner
        .email
        .split('@')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let name = owner.display_name.to_lowercase();
    let long_enough = |part: &&str, min: usize| part.chars().count() >= min;
    std::iter::once(local.as_str())
        .chain(std::iter::once(name.as_str()))
        .filter(|part| long_enough(part, 3))
        .chain(
            name.split(|c: char| !c.is_alphanumeric())
                .filter(|word| long_enough(word, 4)),
        )
        .any(|part| lower.contains(part))
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_sides() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(*role));
        }
        assert!(Role::Reviewer.has_side() && Role::Auditor.has_side());
        assert!(
            !Role::Admin.has_side() && !Role::Exporter.has_side() && !Role::Inspector.has_side()
        );
    }

    const OWNER: PasswordOwner<'static> = PasswordOwner {
        email: "aigerim.n@lab.kz",
        display_name: "Aigerim Nurlanovna",
    };

    #[test]
    fn password_rules() {
        let parse = |p: &str, c: &str| NewPassword::parse(p, c, &OWNER).map(|_| ()).unwrap_err();
        assert_eq!(parse("short", "short"), "field.password_short");
        assert_eq!(parse("abcdefghij1", "abcdefghij1"), "field.password_short");
        assert_eq!(parse("aaaaaaaaaaaa", "aaaaaaaaaaaa"), "field.password_weak");
        assert_eq!(
            parse("password1234", "password1234"),
            "field.password_common"
        );
        assert_eq!(
            parse("1234567890ab", "1234567890ab"),
            "field.password_common"
        );
        assert_eq!(
            parse("aigerim.n-2026", "aigerim.n-2026"),
            "field.password_personal"
        );
        assert_eq!(
            parse("my-NURLANOVNA-77", "my-NURLANOVNA-77"),
            "field.password_personal"
        );
        assert_eq!(
            parse("Zhetysu-2026!", "Zhetysu-2026?"),
            "field.password_mismatch"
        );
        assert!(NewPassword::parse("Zhetysu-2026!", "Zhetysu-2026!", &OWNER).is_ok());
    }
}
