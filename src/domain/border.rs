//! Border checks: what an inspector decides at his post, the warnings that must stop him
//! before he decides, and his form as a validated value.

use super::FieldError;
use super::certificate::Standing;
use super::intake::Transport;
use crate::db::ids::BorderPostId;

crate::text_enum! {
    /// The border decision (GLOSSARY: released, held, refused).
    Outcome {
        Released => "released",
        Held => "held",
        Refused => "refused",
    }
}

crate::text_enum! {
    /// Something the inspector must have read before he records a check: already released
    /// (at another post or at his), revoked, replaced, expired, a non-conformity notice,
    /// another post or another transport mode than the consignment declared.
    Warning {
        ReleasedElsewhere => "released_elsewhere",
        ReleasedHere => "released_here",
        Revoked => "revoked",
        Replaced => "replaced",
        Expired => "expired",
        Notice => "notice",
        OtherPost => "other_post",
        OtherTransport => "other_transport",
    }
}

/// What the warnings are computed from.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    pub standing: Standing,
    pub notice: bool,
    /// Where the certificate was released, if it was.
    pub released_at: Option<BorderPostId>,
    /// The inspector's post.
    pub here: BorderPostId,
    pub declared_post: BorderPostId,
    pub declared_transport: Transport,
}

impl Facts {
    /// The warnings of a check at `self.here` of a consignment seen on `observed` transport,
    /// the gravest first.
    pub fn warnings(&self, observed: Transport) -> Vec<Warning> {
        let mut out = Vec::new();
        match self.released_at {
            Some(post) if post == self.here => out.push(Warning::ReleasedHere),
            Some(_) => out.push(Warning::ReleasedElsewhere),
            None => {}
        }
        match self.standing {
            Standing::Revoked => out.push(Warning::Revoked),
            Standing::Replaced => out.push(Warning::Replaced),
            Standing::Expired => out.push(Warning::Expired),
            _ => {}
        }
        if self.notice {
            out.push(Warning::Notice);
        }
        if self.declared_post != self.here {
            out.push(Warning::OtherPost);
        }
        if self.declared_transport != observed {
            out.push(Warning::OtherTransport);
        }
        out
    }
}

/// Warnings as stored: codes joined by commas.
pub fn join(warnings: &[Warning]) -> String {
    warnings
        .iter()
        .map(Warning::as_str)
        .collect::<Vec<_>>()
        .join(",")
}

/// Stored or submitted warning codes; unknown ones are dropped.
pub fn split(text: &str) -> Vec<Warning> {
    text.split(',')
        .filter_map(|code| Warning::parse(code.trim()))
        .collect()
}

/// The longest note kept.
pub const NOTE_MAX: usize = 1000;

/// The border-check form, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckEntry {
    pub outcome: Outcome,
    /// Required when holding or refusing; may be empty for a release.
    pub note: String,
    pub observed: Transport,
    /// "I have read the warnings" was ticked.
    pub acknowledged: bool,
    /// The warnings the page showed beside that box.
    pub shown: Vec<Warning>,
    /// How many checks of the certificate the page showed: another check recorded since
    /// makes the form stale.
    pub seen_checks: i64,
}

/// Why the border-check form was sent back, field by field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckErrors {
    pub outcome: Option<FieldError>,
    pub note: Option<FieldError>,
    pub observed: Option<FieldError>,
}

/// The border-check form as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CheckForm {
    pub outcome: String,
    pub note: String,
    pub observed_transport: String,
    pub acknowledged: String,
    pub shown: String,
    pub seen_checks: String,
}

impl CheckForm {
    /// The number of checks the page showed; a form without it was not made by the page.
    pub fn seen_checks(&self) -> Option<i64> {
        self.seen_checks.trim().parse().ok().filter(|n| *n >= 0)
    }
}

impl TryFrom<&CheckForm> for CheckEntry {
    type Error = CheckErrors;

    fn try_from(form: &CheckForm) -> Result<Self, CheckErrors> {
        let mut errors = CheckErrors::default();
        let outcome = Outcome::parse(form.outcome.trim());
        if outcome.is_none() {
            errors.outcome = Some("border.outcome_required");
        }
        let observed = Transport::parse(form.observed_transport.trim());
        if observed.is_none() {
            errors.observed = Some("border.transport_required");
        }
        let note = form.note.trim();
        let note = if note.is_empty() {
            if matches!(outcome, Some(Outcome::Held | Outcome::Refused)) {
                errors.note = Some("border.note_required");
            }
            Some(String::new())
        } else {
            match super::intake::required_paragraph(note, NOTE_MAX) {
                Ok(n) => Some(n),
                Err(e) => {
                    errors.note = Some(e);
                    None
                }
            }
        };
        match (outcome, observed, note, form.seen_checks()) {
            (Some(outcome), Some(observed), Some(note), Some(seen_checks))
                if errors == CheckErrors::default() =>
            {
                Ok(CheckEntry {
                    outcome,
                    note,
                    observed,
                    acknowledged: form.acknowledged == "yes",
                    shown: split(&form.shown),
                    seen_checks,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(n: u128) -> BorderPostId {
        BorderPostId(uuid::Uuid::from_u128(n))
    }

    fn facts() -> Facts {
        Facts {
            standing: Standing::Valid,
            notice: false,
            released_at: None,
            here: post(1),
            declared_post: post(1),
            declared_transport: Transport::Rail,
        }
    }

    #[test]
    fn a_valid_certificate_at_its_declared_post_and_mode_warns_of_nothing() {
        assert!(facts().warnings(Transport::Rail).is_empty());
    }

    #[test]
    fn every_mismatch_and_every_withdrawal_warns() {
        let f = Facts {
            standing: Standing::Revoked,
            released_at: Some(post(2)),
            declared_post: post(2),
            ..facts()
        };
        assert_eq!(
            f.warnings(Transport::Road),
            [
                Warning::ReleasedElsewhere,
                Warning::Revoked,
                Warning::OtherPost,
                Warning::OtherTransport
            ]
        );
        let here = Facts {
            released_at: Some(post(1)),
            standing: Standing::Expired,
            ..facts()
        };
        assert_eq!(
            here.warnings(Transport::Rail),
            [Warning::ReleasedHere, Warning::Expired]
        );
    }

    #[test]
    fn codes_round_trip_and_unknown_ones_are_dropped() {
        let list = [Warning::Replaced, Warning::OtherTransport];
        assert_eq!(split(&join(&list)), list);
        assert_eq!(split("x,expired,,<b>"), [Warning::Expired]);
        assert_eq!(join(&[]), "");
    }

    fn form(outcome: &str, note: &str) -> CheckForm {
        CheckForm {
            outcome: outcome.into(),
            note: note.into(),
            observed_transport: "rail".into(),
            acknowledged: String::new(),
            shown: String::new(),
            seen_checks: "0".into(),
        }
    }

    #[test]
    fn holding_or_refusing_needs_a_note_and_releasing_does_not() {
        assert!(CheckEntry::try_from(&form("released", "")).is_ok());
        for outcome in ["held", "refused"] {
            let errors = CheckEntry::try_from(&form(outcome, "  ")).unwrap_err();
            assert_eq!(errors.note, Some("border.note_required"));
            assert!(CheckEntry::try_from(&form(outcome, "Seal broken")).is_ok());
        }
        let bad = CheckEntry::try_from(&form("opened", "a\u{202E}b")).unwrap_err();
        assert_eq!(bad.outcome, Some("border.outcome_required"));
        assert_eq!(bad.note, Some("field.unsafe_characters"));
    }
}
