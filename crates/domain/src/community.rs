//! Community: spaces where educators ask, share and argue, with topics and
//! replies written in Markdown (rendered and sanitised by the web layer).
//!
//! A space belongs to an organisation: its audience is everyone in that
//! organisation's subtree (the programme root: everyone). Its audience may
//! post; an `open` space can be read by anyone signed in, a `members` one
//! only by its audience — nothing of it may leak elsewhere.

use crate::validation::{FieldError, Invalid, required_paragraphs, required_text};

pub const MAX_TITLE: usize = 200;
pub const MAX_DESCRIPTION: usize = 2_000;
/// Longest post, in characters.
pub const MAX_BODY: usize = 20_000;
/// Replies on one page of a topic, and topics on one page of a space.
pub const PAGE_SIZE: i64 = 20;

crate::code_enum! {
    /// Who may read a space.
    pub enum Visibility: "space-visibility" {
        /// Anyone signed in reads; its audience posts.
        Open = "open",
        /// Only its audience reads and posts.
        Members = "members",
        /// A workshop offering's own space, made with it: the people holding
        /// a seat and its facilitators read and post; its facilitators
        /// moderate. Never chosen on the space form.
        Offering = "offering",
    }
}

/// Where one reader stands in the offering an `offering` space belongs
/// to (read for that reader; `Outside` for every other space).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Circle {
    #[default]
    Outside,
    /// Holds a seat (a confirmed registration).
    Member,
    Facilitator,
}

/// An offering's space turns read-only this long after its last session.
pub const OFFERING_SPACE_ARCHIVES_AFTER: std::time::Duration =
    std::time::Duration::from_secs(30 * 86_400);

crate::code_enum! {
    /// What a topic is for.
    pub enum TopicKind: "topic-kind" {
        Discussion = "discussion",
        /// Its author may accept one reply as the answer.
        Question = "question",
    }
}

/// The space form, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct SpaceInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub visibility: String,
}

/// A checked space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpaceDraft {
    pub title: String,
    pub description: String,
    pub visibility: Visibility,
}

impl SpaceInput {
    pub fn validate(&self) -> Result<SpaceDraft, Invalid> {
        let mut errors = Invalid::new();
        let title = errors.check("title", required_text(&self.title, MAX_TITLE));
        let description = match self.description.trim() {
            d if d.chars().count() > MAX_DESCRIPTION => {
                errors.push(
                    FieldError::new("description", "too-long").with_arg("max", MAX_DESCRIPTION),
                );
                None
            }
            d => Some(d.to_string()),
        };
        // An offering's space comes only with its offering.
        let visibility =
            Visibility::parse(self.visibility.trim()).filter(|v| *v != Visibility::Offering);
        if visibility.is_none() {
            errors.add("visibility", "choose-one");
        }
        errors.into_result()?;
        match (title, description, visibility) {
            (Some(title), Some(description), Some(visibility)) => Ok(SpaceDraft {
                title,
                description,
                visibility,
            }),
            _ => Err(Invalid::one("title", "required")),
        }
    }
}

/// A post's text: required, at most [`MAX_BODY`] characters.
pub fn body(input: &str) -> Result<String, FieldError> {
    required_paragraphs(input, MAX_BODY)
        .map_err(|code| FieldError::new("body", code).with_arg("max", MAX_BODY))
}

crate::code_enum! {
    /// Why someone is notified.
    pub enum NotificationKind: "notification" {
        /// Someone replied to a topic they started.
        Reply = "reply",
        /// Someone mentioned them (`@Name`) in a post.
        Mention = "mention",
        /// Their reply was accepted as the answer.
        Accepted = "accepted",
        /// A moderator hid their post (the note says why).
        Hidden = "hidden",
        /// A moderator restored their post.
        Restored = "restored",
        /// A moderator locked their topic: it takes no more replies.
        Locked = "locked",
        /// A moderator unlocked their topic.
        Unlocked = "unlocked",
        /// A moderator pinned their topic to the top of its space.
        Pinned = "pinned",
        /// A moderator unpinned their topic.
        Unpinned = "unpinned",
        /// A moderator moved their topic to another space.
        Moved = "moved",
        /// Someone started a topic in a space they follow (and did not mute).
        NewTopic = "new-topic",
        /// A facilitator sent their practice task back, with comments.
        TaskReturned = "task-returned",
        /// A facilitator accepted their practice task.
        TaskAccepted = "task-accepted",
        /// That acceptance completed the course (the certificate it issued
        /// is the notification's extra link).
        CourseCompleted = "course-completed",
        /// An admin approved their outside PD request.
        PdApproved = "pd-approved",
        /// An admin sent their outside PD request back to be corrected.
        PdReturned = "pd-returned",
        /// An admin rejected their outside PD request.
        PdRejected = "pd-rejected",
        /// A learner they may review handed in a practice task.
        HandInWaiting = "hand-in-waiting",
        /// An outside PD request waits for them to decide it.
        PdRequestWaiting = "pd-request-waiting",
        /// A roster import they ran finished.
        RosterImported = "roster-imported",
        /// A classroom practice waits for them, a curator, to publish or return.
        PracticeWaiting = "practice-waiting",
        /// A curator returned their practice with comments.
        PracticeReturned = "practice-returned",
        /// A curator published their practice.
        PracticePublished = "practice-published",
        /// Someone filed a trial report of a practice they wrote or follow.
        TrialReported = "trial-reported",
        /// A curator confirmed or set the evidence tier of their practice.
        TierDecided = "tier-decided",
        /// A challenge report they filed was addressed (the actor is the
        /// reporter themselves: nobody is named, whoever triaged it).
        ChallengeAddressed = "challenge-addressed",
    }
}

impl NotificationKind {
    /// About a decision or work waiting (not a community post): emailed as
    /// the person chose ([`DecisionEmail`]), linking to its page.
    pub fn is_decision(self) -> bool {
        !matches!(
            self,
            NotificationKind::Reply
                | NotificationKind::Mention
                | NotificationKind::Accepted
                | NotificationKind::Hidden
                | NotificationKind::Restored
                | NotificationKind::Locked
                | NotificationKind::Unlocked
                | NotificationKind::Pinned
                | NotificationKind::Unpinned
                | NotificationKind::Moved
                | NotificationKind::NewTopic
        )
    }
}

crate::code_enum! {
    /// The reactions a post can get: a small fixed set, no scores.
    pub enum Reaction: "reaction" {
        Helpful = "helpful",
        Thanks = "thanks",
        Insightful = "insightful",
    }
}

/// An account this young is new: it posts less often and with fewer links
/// (the usual spam defences).
pub const NEW_ACCOUNT: std::time::Duration = std::time::Duration::from_secs(7 * 86_400);
/// Posts (topics and replies) an account may make in an hour.
pub const POSTS_PER_HOUR: i64 = 120;
pub const NEW_ACCOUNT_POSTS_PER_HOUR: i64 = 10;
/// Links a new account may put in one post.
pub const NEW_ACCOUNT_LINKS: usize = 2;
/// Edits one post may take; later ones are refused (every earlier text is
/// kept for moderators, so the history stays whole and bounded).
pub const MAX_POST_EDITS: i64 = 50;

/// How many web addresses a post holds, written out or behind a link:
/// each `scheme://` and each `www.` that does not follow one.
pub fn links_in(text: &str) -> usize {
    let lower = text.to_lowercase();
    let schemes = lower.matches("://").count();
    let bare = lower
        .match_indices("www.")
        .filter(|(at, _)| !lower[..*at].ends_with("://"))
        .count();
    schemes + bare
}

/// Whether someone may post now: refused (field `body`) when over the
/// hourly limit for their account's age, or, for a new account, with too
/// many links. `posted_last_hour` counts every write: posts and edits.
pub fn posting_allowed(
    new_account: bool,
    posted_last_hour: i64,
    body: &str,
) -> Result<(), FieldError> {
    let per_hour = if new_account {
        NEW_ACCOUNT_POSTS_PER_HOUR
    } else {
        POSTS_PER_HOUR
    };
    if posted_last_hour >= per_hour {
        return Err(FieldError::new("body", "posting-too-fast").with_arg("max", per_hour));
    }
    if new_account && links_in(body) > NEW_ACCOUNT_LINKS {
        return Err(FieldError::new("body", "too-many-links").with_arg("max", NEW_ACCOUNT_LINKS));
    }
    Ok(())
}

crate::code_enum! {
    /// How often someone wants an email of their unread notifications.
    pub enum DigestFrequency: "digest" {
        Off = "off",
        Daily = "daily",
        Weekly = "weekly",
    }
}

impl DigestFrequency {
    /// The default, for someone who never chose.
    pub const DEFAULT: DigestFrequency = DigestFrequency::Weekly;

    /// At least this long between two digests; None when off.
    pub fn period(self) -> Option<std::time::Duration> {
        match self {
            DigestFrequency::Off => None,
            DigestFrequency::Daily => Some(std::time::Duration::from_secs(86_400)),
            DigestFrequency::Weekly => Some(std::time::Duration::from_secs(7 * 86_400)),
        }
    }
}

crate::code_enum! {
    /// How someone wants notifications of decisions and work waiting for
    /// them emailed.
    pub enum DecisionEmail: "decision-email" {
        /// An email for each, as it happens.
        AtOnce = "at-once",
        /// Listed in their digest (at its frequency).
        Digest = "digest",
        Never = "never",
    }
}

impl DecisionEmail {
    /// The default, for someone who never chose.
    pub const DEFAULT: DecisionEmail = DecisionEmail::AtOnce;
}

/// Longest flag reason or moderator's note.
pub const MAX_REASON: usize = 500;
/// Longest suspension, in days.
pub const MAX_SUSPENSION_DAYS: u32 = 365;

/// A reason as typed in field `why` (flag, hide, suspend): required, at
/// most [`MAX_REASON`].
pub fn reason(input: &str) -> Result<String, FieldError> {
    required_paragraphs(input, MAX_REASON)
        .map_err(|code| FieldError::new("why", code).with_arg("max", MAX_REASON))
}

crate::code_enum! {
    /// What a report says is wrong with a post.
    pub enum FlagCategory: "flag-category" {
        Spam = "spam",
        Harassment = "harassment",
        /// Private information about a student (a name with a grade, a
        /// photo, a record): the queue shows these first.
        StudentPrivacy = "student-privacy",
        OffTopic = "off-topic",
        Other = "other",
    }
}

impl FlagCategory {
    /// Whether moderators should look at it first: the longer a student's
    /// private information shows, the more people see it.
    pub fn urgent(self) -> bool {
        matches!(self, FlagCategory::StudentPrivacy)
    }
}

/// A report as sent: its category (field `category`) and the reporter's
/// words (field `why`), which only "other" must have — the category says
/// the rest.
pub fn flag_report(category: &str, why: &str) -> Result<(FlagCategory, String), Invalid> {
    let mut errors = Invalid::new();
    let category = FlagCategory::parse(category.trim());
    if category.is_none() {
        errors.add("category", "choose-one");
    }
    let why = if why.trim().is_empty() && category != Some(FlagCategory::Other) {
        Ok(String::new())
    } else {
        reason(why)
    };
    let why = why.map_err(|e| errors.push(e)).ok();
    errors.into_result()?;
    match (category, why) {
        (Some(c), Some(w)) => Ok((c, w)),
        _ => Err(Invalid::one("category", "choose-one")),
    }
}

crate::code_enum! {
    /// What a moderator may decide about a topic.
    pub enum TopicDecision: "topic-decision" {
        Lock = "lock",
        Unlock = "unlock",
        Pin = "pin",
        Unpin = "unpin",
        /// To another space the moderator moderates too.
        Move = "move",
    }
}

impl TopicDecision {
    /// The moderator's reason as typed in field `why`, told to the author.
    /// Locking and moving take something from the author, so they need
    /// one; the others may give one.
    pub fn reason(self, input: &str) -> Result<Option<String>, FieldError> {
        let required = matches!(self, TopicDecision::Lock | TopicDecision::Move);
        if !required && input.trim().is_empty() {
            return Ok(None);
        }
        reason(input).map(Some)
    }
}

crate::code_enum! {
    /// What a moderator may decide about a flagged post.
    pub enum PostDecision: "post-decision" {
        /// Only moderators see it; its author is told why.
        Hide = "hide",
        Restore = "restore",
        /// Nothing wrong with it: its open flags are closed.
        Dismiss = "dismiss",
    }
}

crate::code_enum! {
    /// How a flag was closed (`flags.decision`).
    pub enum FlagDecision: "flag-decision" {
        Hidden = "hidden",
        Dismissed = "dismissed",
    }
}

/// Days of suspension as typed: 1 to [`MAX_SUSPENSION_DAYS`].
pub fn suspension_days(input: &str) -> Result<u32, FieldError> {
    match input.trim().parse::<u32>() {
        Ok(d) if (1..=MAX_SUSPENSION_DAYS).contains(&d) => Ok(d),
        _ => Err(FieldError::new("days", "days-invalid").with_arg("max", MAX_SUSPENSION_DAYS)),
    }
}

/// The words a post is found by: its text, and for a topic's first post
/// the topic's title, folded as [`crate::search::words`] folds them (a
/// person mention counts as its name).
pub fn search_text(title: Option<&str>, body: &str) -> String {
    let mut words = title.map(crate::search::words).unwrap_or_default();
    words.extend(crate::search::words(&crate::mentions::plain(body)));
    words.join(" ")
}

/// The new-topic form, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct TopicInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub body: String,
    /// Optional tags: a subject code, a grade band code and a
    /// competency's id.
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub grade_band: String,
    #[serde(default)]
    pub competency: String,
}

/// A checked new topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicDraft {
    pub title: String,
    pub kind: TopicKind,
    pub body: String,
    /// `subject:<code>`, `grade-band:<code>`, `competency:<id>`.
    pub tags: Vec<String>,
}

/// A tag as stored: `subject:math`, `grade-band:6-8`,
/// `competency:<competency id>`.
pub fn tag(kind: &str, code: &str) -> String {
    format!("{kind}:{code}")
}

impl TopicInput {
    /// Checks the topic; `is_competency` says whether an id is a competency
    /// one may tag with (the caller knows the frameworks).
    pub fn validate(&self, is_competency: impl Fn(&str) -> bool) -> Result<TopicDraft, Invalid> {
        let mut errors = Invalid::new();
        let title = errors.check("title", required_text(&self.title, MAX_TITLE));
        let kind = TopicKind::parse(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "choose-one");
        }
        let body = match body(&self.body) {
            Ok(b) => Some(b),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let mut tags = Vec::new();
        match self.subject.trim() {
            "" => {}
            s => match crate::profile::Subject::parse(s) {
                Some(s) => tags.push(tag("subject", s.as_str())),
                None => errors.add("subject", "choose-one"),
            },
        }
        match self.grade_band.trim() {
            "" => {}
            g => match crate::profile::GradeBand::parse(g) {
                Some(g) => tags.push(tag("grade-band", g.as_str())),
                None => errors.add("grade_band", "choose-one"),
            },
        }
        match self.competency.trim() {
            "" => {}
            c if is_competency(c) => tags.push(tag("competency", c)),
            _ => errors.add("competency", "choose-one"),
        }
        errors.into_result()?;
        match (title, kind, body) {
            (Some(title), Some(kind), Some(body)) => Ok(TopicDraft {
                title,
                kind,
                body,
                tags,
            }),
            _ => Err(Invalid::one("title", "required")),
        }
    }
}

/// Where a page of a long list starts: after this (time, id) in the list's
/// order. Written in URLs as `<time>.<id>`; anything else is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub at: i64,
    pub id: i64,
}

impl Cursor {
    pub fn parse(s: &str) -> Option<Cursor> {
        let (at, id) = s.split_once('.')?;
        Some(Cursor {
            at: at.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.at, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_needs_its_kind_and_words_only_for_something_else() {
        let codes = |r: Result<(FlagCategory, String), Invalid>| -> Vec<(String, &'static str)> {
            r.unwrap_err()
                .0
                .into_iter()
                .map(|e| (e.field, e.code))
                .collect()
        };
        assert_eq!(
            flag_report("student-privacy", " "),
            Ok((FlagCategory::StudentPrivacy, String::new()))
        );
        assert!(FlagCategory::StudentPrivacy.urgent() && !FlagCategory::Spam.urgent());
        assert_eq!(
            flag_report("spam", " Sells essays "),
            Ok((FlagCategory::Spam, "Sells essays".to_string()))
        );
        assert_eq!(
            codes(flag_report("other", "")),
            [("why".to_string(), "required")]
        );
        assert_eq!(
            codes(flag_report("", "")),
            [("category".to_string(), "choose-one")]
        );
        assert_eq!(
            codes(flag_report("rude", &"x".repeat(MAX_REASON + 1))),
            [
                ("category".to_string(), "choose-one"),
                ("why".to_string(), "too-long")
            ]
        );
    }

    #[test]
    fn spaces_topics_and_cursors_are_checked() {
        let ok = SpaceInput {
            title: " Grade 8 science ".into(),
            description: String::new(),
            visibility: "members".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(
            (ok.title.as_str(), ok.visibility),
            ("Grade 8 science", Visibility::Members)
        );
        let bad = SpaceInput {
            visibility: "secret".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<&str> = bad.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "visibility"]);

        let long = "x".repeat(MAX_BODY + 1);
        let bad = TopicInput {
            title: "Q".into(),
            kind: "rant".into(),
            body: long,
            subject: "alchemy".into(),
            competency: "unesco/nothing".into(),
            ..Default::default()
        }
        .validate(|c| c == "unesco/ethics")
        .unwrap_err();
        let codes: Vec<(&str, &str)> = bad.0.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            codes,
            [
                ("kind", "choose-one"),
                ("body", "too-long"),
                ("subject", "choose-one"),
                ("competency", "choose-one")
            ]
        );
        let tagged = TopicInput {
            title: "Q".into(),
            kind: "question".into(),
            body: "B".into(),
            subject: "math".into(),
            grade_band: "6-8".into(),
            competency: "unesco/ethics".into(),
        }
        .validate(|c| c == "unesco/ethics")
        .unwrap();
        assert_eq!(
            tagged.tags,
            ["subject:math", "grade-band:6-8", "competency:unesco/ethics"]
        );

        assert_eq!(
            links_in("See [a](https://a.org), https://www.b.org and www.c.org."),
            3
        );
        assert_eq!(links_in("Nothing here."), 0);
        assert_eq!(
            body("Two\r\nlines\twith a tab ").unwrap(),
            "Two\nlines\twith a tab"
        );
        assert_eq!(body("bell\u{7}").unwrap_err().code, "control-characters");
        assert!(posting_allowed(true, 3, "https://a.org https://b.org").is_ok());
        assert_eq!(
            posting_allowed(true, 3, "[a](https://a) [b](https://b) [c](https://c)")
                .unwrap_err()
                .code,
            "too-many-links"
        );
        assert_eq!(
            posting_allowed(true, 10, "hi").unwrap_err().code,
            "posting-too-fast"
        );
        assert!(posting_allowed(false, 10, "[a](https://a) [b](https://b) [c](https://c)").is_ok());

        let c = Cursor::parse("1790000000000000.42").unwrap();
        assert_eq!(c.to_string(), "1790000000000000.42");
        for bad in ["", "12", "a.b", "1.2.3", "1.x"] {
            assert_eq!(Cursor::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn locking_and_moving_need_a_reason_the_rest_may_give_one() {
        for needs in [TopicDecision::Lock, TopicDecision::Move] {
            let e = needs.reason("  ").unwrap_err();
            assert_eq!((e.field.as_str(), e.code), ("why", "required"));
            assert_eq!(
                needs.reason(" Off topic ").unwrap().as_deref(),
                Some("Off topic")
            );
        }
        for may in [
            TopicDecision::Unlock,
            TopicDecision::Pin,
            TopicDecision::Unpin,
        ] {
            assert_eq!(may.reason(" ").unwrap(), None);
            assert_eq!(
                may.reason("Useful to all").unwrap().as_deref(),
                Some("Useful to all")
            );
            assert_eq!(
                may.reason(&"x".repeat(MAX_REASON + 1)).unwrap_err().code,
                "too-long"
            );
        }
    }
}
