//! An organisation's status for a tool, and how it is inherited.
//!
//! Each organisation may decide a tool's status for its people — approved,
//! under review, not approved — with a note, the date it was decided, and
//! whether it has signed the vendor's data-privacy agreement. A decision
//! holds for the organisation and everything below it, unless a lower
//! organisation decides its own: the effective status at a node is the
//! deepest decision on its path ([`effective`]). A decision of a sibling or
//! of a node below never applies (power never flows up or sideways).
//!
//! Who may decide: the admins of that organisation and above it
//! (`policy::Action::DecideToolStatus`).

use super::text;
use crate::ids::OrgId;
use crate::org::OrgPath;
use crate::time::Date;
use crate::validation::{Invalid, required_paragraphs};

/// The longest note on a decision.
pub const MAX_NOTE: usize = 500;

crate::code_enum! {
    /// An organisation's status for a tool.
    pub enum ToolStatus: "tool-status" {
        Approved = "approved",
        UnderReview = "under_review",
        NotApproved = "not_approved",
    }
}

/// A decision as a form or the API sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    pub status: String,
    /// May be empty.
    pub note: String,
    /// `YYYY-MM-DD`.
    pub decided_on: String,
    pub privacy_agreement_signed: bool,
}

/// A decision, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub status: ToolStatus,
    /// Empty when none was written.
    pub note: String,
    pub decided_on: Date,
    /// This organisation has signed the vendor's data-privacy agreement.
    pub privacy_agreement_signed: bool,
}

/// Checks a decision (`status`, `note`, `decided_on` — a real date, not
/// after `today`); every problem, by field.
pub fn check(input: &DecisionInput, today: Date) -> Result<Decision, Invalid> {
    let mut errors = Invalid::new();
    let status = match input.status.trim() {
        "" => {
            errors.add("status", "choose-one");
            None
        }
        s => {
            let found = ToolStatus::parse(s);
            if found.is_none() {
                errors.push(
                    crate::validation::FieldError::new("status", "unknown-choice")
                        .with_arg("value", s),
                );
            }
            found
        }
    };
    let note = if input.note.trim().is_empty() {
        Some(String::new())
    } else {
        text(
            &mut errors,
            "note",
            required_paragraphs(&input.note, MAX_NOTE),
            MAX_NOTE,
        )
    };
    let decided_on = match input.decided_on.trim() {
        "" => {
            errors.add("decided_on", "required");
            None
        }
        d => match Date::parse(d) {
            Some(d) if d > today => {
                errors.add("decided_on", "date-future");
                None
            }
            Some(d) => Some(d),
            None => {
                errors.add("decided_on", "date-invalid");
                None
            }
        },
    };
    match (status, note, decided_on) {
        (Some(status), Some(note), Some(decided_on)) if errors.is_empty() => Ok(Decision {
            status,
            note,
            decided_on,
            privacy_agreement_signed: input.privacy_agreement_signed,
        }),
        _ => Err(errors),
    }
}

/// The decision in force at the node `at`, of those made (`decided`:
/// organisation and its decision, in any order): the deepest one on `at`'s
/// path, root first — `at`'s own, else its parent's, and so up to the
/// root. Decisions of organisations off the path (siblings, children) are
/// never it. `None` when no organisation on the path decided.
pub fn effective<'a, D>(at: &OrgPath, decided: &'a [(OrgId, D)]) -> Option<&'a (OrgId, D)> {
    at.ids()
        .into_iter()
        .rev()
        .find_map(|node| decided.iter().find(|(org, _)| *org == node))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn input(status: &str) -> DecisionInput {
        DecisionInput {
            status: status.into(),
            note: " Signed DPA on file. ".into(),
            decided_on: "2026-09-01".into(),
            privacy_agreement_signed: true,
        }
    }

    #[test]
    fn a_decision_is_checked_by_field() {
        let today = day("2026-12-01");
        let d = check(&input("approved"), today).unwrap();
        assert_eq!(d.status, ToolStatus::Approved);
        assert_eq!(d.note, "Signed DPA on file.");
        assert_eq!(d.decided_on, day("2026-09-01"));
        assert!(d.privacy_agreement_signed);
        let blank = check(
            &DecisionInput {
                note: "  ".into(),
                ..input("under_review")
            },
            today,
        )
        .unwrap();
        assert_eq!(blank.note, "");
        let e = check(&DecisionInput::default(), today).unwrap_err();
        assert!(
            e.has("status") && e.has("decided_on") && !e.has("note"),
            "{e}"
        );
        let e = check(
            &DecisionInput {
                note: "x".repeat(MAX_NOTE + 1),
                decided_on: "2026-02-30".into(),
                ..input("banned")
            },
            today,
        )
        .unwrap_err();
        assert!(
            e.0.iter()
                .any(|f| f.field == "status" && f.code == "unknown-choice")
        );
        assert!(
            e.0.iter()
                .any(|f| f.field == "note" && f.code == "too-long")
        );
        assert!(
            e.0.iter()
                .any(|f| f.field == "decided_on" && f.code == "date-invalid")
        );
        let e = check(
            &DecisionInput {
                decided_on: "2026-12-02".into(),
                ..input("not_approved")
            },
            today,
        )
        .unwrap_err();
        assert!(e.is_only("decided_on", "date-future"));
        assert!(
            check(
                &DecisionInput {
                    decided_on: "2026-12-01".into(),
                    ..input("not_approved")
                },
                today
            )
            .is_ok()
        );
    }

    /// The tree: root 1 → state 2 → district 3 → school 4; a sibling
    /// school 5 in the district, and another district 6.
    fn path(ids: &[i64]) -> OrgPath {
        let mut p = OrgPath::root(OrgId(ids[0]));
        for id in &ids[1..] {
            p = p.child(OrgId(*id));
        }
        p
    }

    #[test]
    fn the_deepest_decision_on_the_path_is_in_force() {
        let school = path(&[1, 2, 3, 4]);
        let sibling = path(&[1, 2, 3, 5]);
        let district = path(&[1, 2, 3]);
        let other = path(&[1, 2, 6]);
        let from = |at: &OrgPath, decided: &[(OrgId, &'static str)]| {
            effective(at, decided).map(|(o, d)| (o.0, *d))
        };
        // Nobody decided: nothing in force.
        assert_eq!(from(&school, &[]), None);
        // The district's decision reaches its schools, not another district.
        let by_district = [(OrgId(3), "approved")];
        assert_eq!(from(&school, &by_district), Some((3, "approved")));
        assert_eq!(from(&district, &by_district), Some((3, "approved")));
        assert_eq!(from(&other, &by_district), None);
        // The school's own overrides the district's and the state's,
        // whatever order they come in; its sibling keeps the district's.
        let all = [
            (OrgId(4), "not_approved"),
            (OrgId(2), "under_review"),
            (OrgId(3), "approved"),
        ];
        assert_eq!(from(&school, &all), Some((4, "not_approved")));
        assert_eq!(from(&sibling, &all), Some((3, "approved")));
        assert_eq!(from(&other, &all), Some((2, "under_review")));
        // A school's decision never reaches up to its district.
        assert_eq!(from(&district, &[(OrgId(4), "approved")]), None);
        // Cleared at the school: the district's is in force again.
        assert_eq!(from(&school, &all[1..]), Some((3, "approved")));
    }
}
