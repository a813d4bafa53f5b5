//! Learning events as xAPI statements (xAPI 1.0.3, which 2.0 also reads):
//! every event a learner causes — enrolling, finishing a lesson, finishing a
//! course — is kept as one statement in one learning-record table, so a
//! later issue can serve them from a conformant LRS without a migration.
//!
//! Actors are identified by an account on this deployment (`homePage` is
//! the public URL, `name` the user id), never by email: a statement can be
//! shared without disclosing who the person is.

use crate::Timestamp;
use serde_json::{Value, json};

/// The xAPI version statements are written in.
pub const VERSION: &str = "1.0.3";

crate::code_enum! {
    /// What happened, by its ADL verb.
    pub enum Verb: "xapi-verb" {
        /// Enrolled in a course.
        Registered = "registered",
        /// Finished a lesson (all its activities) or a whole course.
        Completed = "completed",
        /// Reached a quiz's pass mark.
        Passed = "passed",
        /// Tried a quiz and fell short of its pass mark.
        Failed = "failed",
        /// Handed in a reflection or a practice task's artefact.
        Submitted = "submitted",
        /// Reviewed a learner's practice task (the facilitator is the actor;
        /// success says whether it was accepted).
        Reviewed = "reviewed",
    }
}

impl Verb {
    pub fn iri(self) -> &'static str {
        match self {
            Verb::Registered => "http://adlnet.gov/expapi/verbs/registered",
            Verb::Completed => "http://adlnet.gov/expapi/verbs/completed",
            Verb::Passed => "http://adlnet.gov/expapi/verbs/passed",
            Verb::Failed => "http://adlnet.gov/expapi/verbs/failed",
            // Not in ADL's core set; both are in the xAPI registry.
            Verb::Submitted => "http://activitystrea.ms/schema/1.0/submit",
            Verb::Reviewed => "http://id.tincanapi.com/verb/reviewed",
        }
    }
}

/// What the statement is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// An IRI on this deployment, e.g. `https://lyceum.example.org/courses/x`.
    pub id: String,
    /// `course` or `lesson` (ADL activity types).
    pub kind: ActivityType,
    pub name: String,
    /// The language `name` is in (`en`, `es`).
    pub lang: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityType {
    Course,
    Lesson,
}

impl ActivityType {
    fn iri(self) -> &'static str {
        match self {
            ActivityType::Course => "http://adlnet.gov/expapi/activities/course",
            ActivityType::Lesson => "http://adlnet.gov/expapi/activities/lesson",
        }
    }
}

/// One learning event.
#[derive(Debug, Clone)]
pub struct Statement {
    pub id: String,
    /// The deployment's public URL and the learner's user id.
    pub home_page: String,
    pub user: i64,
    pub verb: Verb,
    pub object: Activity,
    /// The course a lesson belongs to, and the version being followed.
    pub parent: Option<Activity>,
    pub course_version: Option<i32>,
    /// A score in percent and whether it passed (quizzes).
    pub result: Option<(u32, bool)>,
    pub timestamp: Timestamp,
}

impl Statement {
    /// The statement as JSON, as an LRS would store and return it.
    pub fn to_json(&self) -> Value {
        let activity = |a: &Activity| {
            json!({
                "objectType": "Activity",
                "id": a.id,
                "definition": {
                    "type": a.kind.iri(),
                    "name": { a.lang: a.name },
                },
            })
        };
        let mut statement = json!({
            "id": self.id,
            "version": VERSION,
            "actor": {
                "objectType": "Agent",
                "account": { "homePage": self.home_page, "name": self.user.to_string() },
            },
            "verb": {
                "id": self.verb.iri(),
                "display": { "en-US": self.verb.as_str() },
            },
            "object": activity(&self.object),
            "timestamp": self.timestamp.to_rfc3339(),
            "stored": self.timestamp.to_rfc3339(),
        });
        let mut context = serde_json::Map::new();
        if let Some(parent) = &self.parent {
            context.insert(
                "contextActivities".into(),
                json!({ "parent": [activity(parent)] }),
            );
        }
        if let Some(version) = self.course_version {
            context.insert(
                "extensions".into(),
                json!({ format!("{}/xapi/course-version", self.home_page): version }),
            );
        }
        if !context.is_empty() {
            statement["context"] = Value::Object(context);
        }
        if let Some((percent, success)) = self.result {
            statement["result"] = json!({
                "score": { "scaled": f64::from(percent) / 100.0, "raw": percent, "min": 0, "max": 100 },
                "success": success,
            });
        }
        statement
    }
}

/// A random (version 4) UUID for a statement's id.
pub fn statement_id() -> Result<String, getrandom::Error> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b)?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_have_the_shape_an_lrs_expects() {
        let id = statement_id().unwrap();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4", "version 4: {id}");
        assert!(
            matches!(&id[19..20], "8" | "9" | "a" | "b"),
            "variant: {id}"
        );
        assert_ne!(id, statement_id().unwrap());

        let course = Activity {
            id: "https://l.example.org/courses/c".into(),
            kind: ActivityType::Course,
            name: "C".into(),
            lang: "en",
        };
        let s = Statement {
            id: id.clone(),
            home_page: "https://l.example.org".into(),
            user: 42,
            verb: Verb::Completed,
            object: Activity {
                id: "https://l.example.org/courses/c/lessons/l".into(),
                kind: ActivityType::Lesson,
                name: "L".into(),
                lang: "en",
            },
            parent: Some(course),
            course_version: Some(2),
            result: Some((80, true)),
            timestamp: Timestamp::from_micros(1_790_000_000_000_000),
        }
        .to_json();
        assert_eq!(s["id"], id.as_str());
        assert_eq!(s["actor"]["account"]["name"], "42");
        assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
        assert_eq!(
            s["object"]["definition"]["type"],
            "http://adlnet.gov/expapi/activities/lesson"
        );
        assert_eq!(
            s["context"]["contextActivities"]["parent"][0]["id"],
            "https://l.example.org/courses/c"
        );
        assert_eq!(
            s["context"]["extensions"]["https://l.example.org/xapi/course-version"],
            2
        );
        assert!(
            s["timestamp"].as_str().unwrap().starts_with("2026-"),
            "{}",
            s["timestamp"]
        );
    }
}
