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

/// A password someone chose: 10 to 128 characters, not all the same character.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 10;

    pub fn parse(input: &str, confirmation: &str) -> Result<Self, FieldError> {
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
        if input != confirmation {
            return Err("field.password_mismatch");
        }
        Ok(NewPassword(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
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

    #[test]
    fn password_rules() {
        assert_eq!(
            NewPassword::parse("short", "short").unwrap_err(),
            "field.password_short"
        );
        assert_eq!(
            NewPassword::parse("aaaaaaaaaaaa", "aaaaaaaaaaaa").unwrap_err(),
            "field.password_weak"
        );
        assert_eq!(
            NewPassword::parse("Zhetysu-2026!", "Zhetysu-2026?").unwrap_err(),
            "field.password_mismatch"
        );
        assert!(NewPassword::parse("Zhetysu-2026!", "Zhetysu-2026!").is_ok());
    }
}
