//! Learning events as xAPI statements (xAPI 1.0.3, which 2.0 also reads):
//! every event a learner causes — enrolling, finishing a lesson, finishing a
//! course — is kept as one statement in one learning-record table, so a
//! later issue can serve them from a conformant LRS without a migration.
//!
//! Actors are identified by an account on this deployment (`homePage` is
//! the public URL, `name` the user id), never by email: a statement can be
//! shared without disclosing who the person is.
//!
//! Every statement of an enrolment carries `context.registration`, the
//! enrolment as a UUID ([`registration`]); `validate` holds what xAPI 1.0.3
//! requires of the parts we write, and every statement is checked by it
//! before it is stored.

mod validate;

pub use validate::{Problem, validate};

use crate::Timestamp;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

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
        /// A learner's practice task was reviewed: the learner is the actor
        /// (the result is theirs; success says whether it was accepted) and
        /// the reviewer is `context.instructor`.
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
    /// Who taught or reviewed (a user id on the same deployment), as
    /// `context.instructor`: the facilitator of a "reviewed" statement.
    pub instructor: Option<i64>,
    /// The enrolment the statement belongs to ([`registration`]); filled in
    /// where the statement is stored, from the enrolment row.
    pub registration: Option<String>,
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
        let agent = |user: i64| {
            json!({
                "objectType": "Agent",
                "account": { "homePage": self.home_page, "name": user.to_string() },
            })
        };
        let mut statement = json!({
            "id": self.id,
            "version": VERSION,
            "actor": agent(self.user),
            "verb": {
                "id": self.verb.iri(),
                "display": { "en-US": self.verb.as_str() },
            },
            "object": activity(&self.object),
            "timestamp": self.timestamp.to_rfc3339(),
            "stored": self.timestamp.to_rfc3339(),
        });
        let mut context = serde_json::Map::new();
        if let Some(registration) = &self.registration {
            context.insert("registration".into(), json!(registration));
        }
        if let Some(instructor) = self.instructor {
            context.insert("instructor".into(), agent(instructor));
        }
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

/// The registration of an enrolment: a name-based UUID (version 8, RFC
/// 9562 §5.8: the first 128 bits of SHA-256 over a fixed namespace, the
/// learner, the course and the instant they enrolled). Derived, not stored:
/// every server and export computes the same one from the enrolment row
/// (statements stored before registrations existed are given theirs when
/// read, by `lyceum_db::learning::with_registration`), and it does not
/// change if the public URL does;
/// the enrolment instant makes enrolling again after one was removed a new
/// registration.
pub fn registration(user: i64, course: i64, enrolled_at: Timestamp) -> String {
    let mut hash = Sha256::new();
    hash.update(b"lyceum:xapi:registration:1\0");
    hash.update(user.to_be_bytes());
    hash.update(course.to_be_bytes());
    hash.update(enrolled_at.micros().to_be_bytes());
    let digest = hash.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    uuid_text(&b)
}

fn uuid_text(b: &[u8; 16]) -> String {
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A random (version 4) UUID for a statement's id.
pub fn statement_id() -> Result<String, getrandom::Error> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b)?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    Ok(uuid_text(&b))
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
            instructor: None,
            registration: None,
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

    const HOME: &str = "https://l.example.org";

    fn course() -> Activity {
        Activity {
            id: format!("{HOME}/courses/c"),
            kind: ActivityType::Course,
            name: "Diseñar una tarea".into(),
            lang: "es",
        }
    }

    fn lesson() -> Activity {
        Activity {
            id: format!("{HOME}/courses/c/lessons/l"),
            kind: ActivityType::Lesson,
            name: "Práctica".into(),
            lang: "es",
        }
    }

    /// A statement as the app builds it (`web::pages::learning::statement`)
    /// and `db::learning::record` completes it.
    fn written(verb: Verb, object: Activity, parent: Option<Activity>) -> Statement {
        Statement {
            id: statement_id().unwrap(),
            home_page: HOME.into(),
            user: 7,
            instructor: None,
            registration: Some(registration(
                7,
                3,
                Timestamp::from_micros(1_790_000_000_000_000),
            )),
            verb,
            object,
            parent,
            course_version: Some(1),
            result: None,
            timestamp: Timestamp::from_micros(1_790_000_000_000_000),
        }
    }

    /// Every kind of statement Lyceum writes.
    fn every_kind() -> Vec<(&'static str, Statement)> {
        let quiz = |verb, percent, passed| {
            let mut s = written(verb, lesson(), Some(course()));
            s.result = Some((percent, passed));
            s
        };
        let mut reviewed = written(Verb::Reviewed, lesson(), Some(course()));
        reviewed.result = Some((67, false));
        reviewed.instructor = Some(9);
        vec![
            ("registered", written(Verb::Registered, course(), None)),
            (
                "lesson completed",
                written(Verb::Completed, lesson(), Some(course())),
            ),
            ("course completed", written(Verb::Completed, course(), None)),
            ("quiz passed", quiz(Verb::Passed, 100, true)),
            ("quiz failed", quiz(Verb::Failed, 0, false)),
            (
                "submitted",
                written(Verb::Submitted, lesson(), Some(course())),
            ),
            ("reviewed", reviewed),
        ]
    }

    #[test]
    fn every_kind_of_statement_we_write_is_valid_xapi() {
        for (kind, s) in every_kind() {
            let json = s.to_json();
            assert_eq!(validate(&json), vec![], "{kind}: {json:#}");
            assert_eq!(
                json["context"]["registration"],
                registration(7, 3, Timestamp::from_micros(1_790_000_000_000_000)),
                "{kind}"
            );
        }
    }

    #[test]
    fn a_review_names_the_learner_as_actor_and_the_reviewer_as_instructor() {
        let (_, reviewed) = every_kind().pop().unwrap();
        let json = reviewed.to_json();
        assert_eq!(json["actor"]["account"]["name"], "7");
        assert_eq!(json["context"]["instructor"]["account"]["name"], "9");
        assert_eq!(json["context"]["instructor"]["account"]["homePage"], HOME);
        assert_eq!(json["result"]["score"]["scaled"], 0.67);
    }

    #[test]
    fn registrations_are_stable_name_based_uuids() {
        let at = Timestamp::from_micros(1_790_000_000_000_000);
        let r = registration(7, 3, at);
        assert_eq!(
            r,
            registration(7, 3, at),
            "the same enrolment, the same UUID"
        );
        assert_eq!(&r[14..15], "8", "version 8: {r}");
        assert!(matches!(&r[19..20], "8" | "9" | "a" | "b"), "variant: {r}");
        assert_ne!(r, registration(3, 7, at));
        assert_ne!(r, registration(7, 4, at));
        // Enrolling again later is a new registration.
        assert_ne!(
            r,
            registration(7, 3, Timestamp::from_micros(1_790_000_000_000_001))
        );
    }

    /// Each statement broken one way, and the rule it breaks.
    #[test]
    fn broken_statements_are_refused_at_the_part_that_breaks_the_rule() {
        let base = || written(Verb::Passed, lesson(), Some(course())).to_json();
        type Break = fn(&mut Value);
        let cases: Vec<(&str, Break, &str, &str)> = vec![
            (
                "no actor",
                |s| {
                    s.as_object_mut().unwrap().remove("actor");
                },
                "actor",
                "required",
            ),
            (
                "two identifiers",
                |s| s["actor"]["mbox"] = json!("mailto:a@example.org"),
                "actor",
                "not-exactly-one-identifier",
            ),
            (
                "no identifier",
                |s| {
                    s["actor"].as_object_mut().unwrap().remove("account");
                },
                "actor",
                "not-exactly-one-identifier",
            ),
            (
                "mbox without mailto",
                |s| s["actor"] = json!({ "mbox": "a@example.org" }),
                "actor.mbox",
                "not-a-mailto-iri",
            ),
            (
                "short sha1",
                |s| s["actor"] = json!({ "mbox_sha1sum": "abc" }),
                "actor.mbox_sha1sum",
                "not-a-sha1-hex",
            ),
            (
                "openid not an IRI",
                |s| s["actor"] = json!({ "openid": "me" }),
                "actor.openid",
                "not-an-iri",
            ),
            (
                "account without name",
                |s| {
                    s["actor"]["account"]
                        .as_object_mut()
                        .unwrap()
                        .remove("name");
                },
                "actor.account.name",
                "required",
            ),
            (
                "account name a number",
                |s| s["actor"]["account"]["name"] = json!(7),
                "actor.account.name",
                "not-a-string",
            ),
            (
                "account homePage relative",
                |s| s["actor"]["account"]["homePage"] = json!("/home"),
                "actor.account.homePage",
                "not-an-iri",
            ),
            (
                "anonymous group without members",
                |s| s["actor"] = json!({ "objectType": "Group" }),
                "actor.member",
                "required",
            ),
            (
                "verb id not an IRI",
                |s| s["verb"]["id"] = json!("passed"),
                "verb.id",
                "not-an-iri",
            ),
            (
                "verb display a string",
                |s| s["verb"]["display"] = json!("passed"),
                "verb.display",
                "not-a-language-map",
            ),
            (
                "display key not a tag",
                |s| s["verb"]["display"] = json!({ "en_US": "passed" }),
                "verb.display.en_US",
                "not-a-language-tag",
            ),
            (
                "object id relative",
                |s| s["object"]["id"] = json!("/courses/c"),
                "object.id",
                "not-an-iri",
            ),
            (
                "name not a language map",
                |s| s["object"]["definition"]["name"] = json!("L"),
                "object.definition.name",
                "not-a-language-map",
            ),
            (
                "description key not a tag",
                |s| s["object"]["definition"]["description"] = json!({ "es_ES": "x" }),
                "object.definition.description.es_ES",
                "not-a-language-tag",
            ),
            (
                "scaled above 1",
                |s| s["result"] = json!({ "score": { "scaled": 1.5 } }),
                "result.score.scaled",
                "out-of-range",
            ),
            (
                "scaled below -1",
                |s| s["result"] = json!({ "score": { "scaled": -1.01 } }),
                "result.score.scaled",
                "out-of-range",
            ),
            (
                "raw above max",
                |s| s["result"] = json!({ "score": { "raw": 101, "min": 0, "max": 100 } }),
                "result.score.raw",
                "out-of-range",
            ),
            (
                "raw below min",
                |s| s["result"] = json!({ "score": { "raw": -1, "min": 0 } }),
                "result.score.raw",
                "out-of-range",
            ),
            (
                "min not below max",
                |s| s["result"] = json!({ "score": { "min": 5, "max": 5 } }),
                "result.score.min",
                "not-below-max",
            ),
            (
                "duration in minutes",
                |s| s["result"] = json!({ "duration": "90 minutes" }),
                "result.duration",
                "not-an-iso-8601-duration",
            ),
            (
                "success a string",
                |s| s["result"] = json!({ "success": "yes" }),
                "result.success",
                "not-a-boolean",
            ),
            (
                "registration not a UUID",
                |s| s["context"]["registration"] = json!("enrolment-7-3"),
                "context.registration",
                "not-a-uuid",
            ),
            (
                "instructor without identifier",
                |s| s["context"]["instructor"] = json!({ "name": "F" }),
                "context.instructor",
                "not-exactly-one-identifier",
            ),
            (
                "extension key not an IRI",
                |s| s["context"]["extensions"] = json!({ "course-version": 1 }),
                "context.extensions.course-version",
                "not-an-iri",
            ),
            (
                "parent without id",
                |s| {
                    s["context"]["contextActivities"]["parent"] =
                        json!([{ "objectType": "Activity" }])
                },
                "context.contextActivities.parent[0].id",
                "required",
            ),
            (
                "platform about an agent",
                |s| {
                    s["object"] = json!({ "objectType": "Agent", "account": { "homePage": HOME, "name": "9" } });
                    s["context"]["platform"] = json!("Lyceum");
                },
                "context.platform",
                "only-with-an-activity",
            ),
            (
                "revision about a statement",
                |s| {
                    s["object"] =
                        json!({ "objectType": "StatementRef", "id": statement_id().unwrap() });
                    s["context"]["revision"] = json!("2");
                },
                "context.revision",
                "only-with-an-activity",
            ),
            (
                "context language not a tag",
                |s| s["context"]["language"] = json!("es_MX"),
                "context.language",
                "not-a-language-tag",
            ),
            (
                "timestamp without a zone",
                |s| s["timestamp"] = json!("2026-09-21T12:00:00"),
                "timestamp",
                "not-an-iso-8601-timestamp",
            ),
            (
                "timestamp as a number",
                |s| s["timestamp"] = json!(1_790_000_000),
                "timestamp",
                "not-an-iso-8601-timestamp",
            ),
            (
                "id not a UUID",
                |s| s["id"] = json!("42"),
                "id",
                "not-a-uuid",
            ),
            (
                "version 2.0 in a 1.0.3 statement",
                |s| s["version"] = json!("2.0.0"),
                "version",
                "not-a-1.0-version",
            ),
            (
                "a property xAPI does not have",
                |s| s["learner"] = json!("7"),
                "learner",
                "unknown-property",
            ),
            (
                "unknown object type",
                |s| s["object"]["objectType"] = json!("Course"),
                "object.objectType",
                "unknown-object-type",
            ),
        ];
        assert_eq!(validate(&base()), vec![], "the base is valid");
        for (case, break_it, path, rule) in cases {
            let mut s = base();
            break_it(&mut s);
            let problems = validate(&s);
            assert!(
                problems.iter().any(|p| p.path == path && p.rule == rule),
                "{case}: expected {path}: {rule}, got {problems:?}"
            );
        }
    }

    #[test]
    fn platform_and_revision_are_fine_about_an_activity() {
        let mut s = written(Verb::Completed, course(), None).to_json();
        s["context"]["platform"] = json!("Lyceum");
        s["context"]["revision"] = json!("3");
        assert_eq!(validate(&s), vec![]);
    }
}
