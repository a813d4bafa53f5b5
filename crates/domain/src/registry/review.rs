//! An educator's review of a tool: every criterion of the rubric rated,
//! each with an optional comment. One review per person per tool (a second
//! edits the first: `db::registry`). A tool's page shows each criterion's
//! spread of ratings, never one score.

use super::text;
use crate::validation::{FieldError, Invalid, required_paragraphs};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest comment on one criterion.
pub const MAX_COMMENT: usize = 1_000;

crate::code_enum! {
    /// The rubric's criteria, in the order the review form asks them.
    /// Codes are stable: stored reviews and tallies name them.
    pub enum Criterion: "tool-criterion" {
        /// What data the tool collects.
        DataCollected = "data_collected",
        /// How long it keeps data, and deleting it.
        RetentionDeletion = "retention_deletion",
        /// Whether student or teacher data trains its models.
        ModelTraining = "model_training",
        /// A data-privacy agreement.
        PrivacyAgreement = "privacy_agreement",
        /// Age suitability and terms of service.
        AgeAndTerms = "age_and_terms",
        /// Bias seen in its outputs.
        Bias = "bias",
        /// Transparency: AI output labelled; the educator can review and
        /// override it.
        Transparency = "transparency",
        /// Accessibility: WCAG, languages.
        Accessibility = "accessibility",
        /// Cost and equity of access.
        CostAndEquity = "cost_and_equity",
    }
}

crate::code_enum! {
    /// A rating of one criterion. "Don't know" is a rating: a reviewer
    /// rates every criterion, saying so where they cannot tell.
    pub enum Rating: "tool-rating" {
        DoesNotMeet = "does_not_meet",
        MeetsWithReservations = "meets_with_reservations",
        Meets = "meets",
        DontKnow = "dont_know",
    }
}

/// The number of criteria.
pub const CRITERIA: usize = 9;

/// A review as a form or the API sends it: criterion code → rating code,
/// and criterion code → comment (missing or blank: none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ReviewInput {
    pub ratings: BTreeMap<String, String>,
    pub comments: BTreeMap<String, String>,
}

/// A review, checked: a rating for every criterion, comments for some.
/// Stored as it serialises (two JSON objects keyed by criterion code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    ratings: BTreeMap<Criterion, Rating>,
    comments: BTreeMap<Criterion, String>,
}

impl Review {
    /// The rating of `c` (every criterion has one).
    pub fn rating(&self, c: Criterion) -> Rating {
        self.ratings.get(&c).copied().unwrap_or(Rating::DontKnow)
    }

    pub fn comment(&self, c: Criterion) -> Option<&str> {
        self.comments.get(&c).map(String::as_str)
    }

    /// Every criterion with its rating, in the rubric's order.
    pub fn ratings(&self) -> impl Iterator<Item = (Criterion, Rating)> + '_ {
        self.ratings.iter().map(|(c, r)| (*c, *r))
    }

    /// The comments given, in the rubric's order.
    pub fn comments(&self) -> impl Iterator<Item = (Criterion, &str)> + '_ {
        self.comments.iter().map(|(c, t)| (*c, t.as_str()))
    }

    /// The form's values for this review, to edit it.
    pub fn to_input(&self) -> ReviewInput {
        ReviewInput {
            ratings: self
                .ratings()
                .map(|(c, r)| (c.as_str().to_string(), r.as_str().to_string()))
                .collect(),
            comments: self
                .comments()
                .map(|(c, t)| (c.as_str().to_string(), t.to_string()))
                .collect(),
        }
    }

    /// The ratings as stored: JSON, criterion code → rating code.
    pub fn ratings_json(&self) -> String {
        serde_json::to_string(&self.ratings).unwrap_or_default()
    }

    /// The comments as stored: JSON, criterion code → text.
    pub fn comments_json(&self) -> String {
        serde_json::to_string(&self.comments).unwrap_or_default()
    }

    /// A review read back from its stored form; `None` unless every
    /// criterion is rated and every code known.
    pub fn from_stored(ratings: &str, comments: &str) -> Option<Review> {
        let ratings: BTreeMap<Criterion, Rating> = serde_json::from_str(ratings).ok()?;
        let comments: BTreeMap<Criterion, String> = serde_json::from_str(comments).ok()?;
        (ratings.len() == CRITERIA).then_some(Review { ratings, comments })
    }
}

/// Checks a review: each criterion rated (`ratings-<criterion>`:
/// `choose-one` when missing, `unknown-choice` for a rating outside the
/// scale), each comment at most [`MAX_COMMENT`] characters
/// (`comments-<criterion>`). A criterion the rubric does not have is
/// refused on `ratings` or `comments`.
pub fn check(input: &ReviewInput) -> Result<Review, Invalid> {
    let mut errors = Invalid::new();
    for (field, given) in [("ratings", &input.ratings), ("comments", &input.comments)] {
        for key in given.keys().filter(|k| Criterion::parse(k).is_none()) {
            errors.push(FieldError::new(field, "unknown-choice").with_arg("value", key));
        }
    }
    let mut ratings = BTreeMap::new();
    let mut comments = BTreeMap::new();
    for c in Criterion::ALL.iter().copied() {
        let field = format!("ratings-{c}");
        match input.ratings.get(c.as_str()).map(|r| r.trim()) {
            None | Some("") => errors.add(field, "choose-one"),
            Some(r) => match Rating::parse(r) {
                Some(r) => {
                    ratings.insert(c, r);
                }
                None => errors.push(FieldError::new(field, "unknown-choice").with_arg("value", r)),
            },
        }
        let comment = input.comments.get(c.as_str()).map_or("", |t| t.as_str());
        if !comment.trim().is_empty()
            && let Some(t) = text(
                &mut errors,
                &format!("comments-{c}"),
                required_paragraphs(comment, MAX_COMMENT),
                MAX_COMMENT,
            )
        {
            comments.insert(c, t);
        }
    }
    errors.into_result()?;
    Ok(Review { ratings, comments })
}

/// Each criterion's spread of ratings over a tool's reviews: how many
/// rated it each way. Kept per tool as reviews are written (`db`), never
/// counted per view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tallies(BTreeMap<(Criterion, Rating), i64>);

impl Tallies {
    /// How many rated `c` as `r`.
    pub fn n(&self, c: Criterion, r: Rating) -> i64 {
        self.0.get(&(c, r)).copied().unwrap_or(0)
    }

    pub fn set(&mut self, c: Criterion, r: Rating, n: i64) {
        self.0.insert((c, r), n);
    }

    /// `c`'s spread, in the scale's order.
    pub fn spread(&self, c: Criterion) -> Vec<(Rating, i64)> {
        Rating::ALL.iter().map(|r| (*r, self.n(c, *r))).collect()
    }

    /// Reviews that rated `c` (every review rates every criterion).
    pub fn total(&self, c: Criterion) -> i64 {
        Rating::ALL.iter().map(|r| self.n(c, *r)).sum()
    }

    /// Counts `review` once more (`by` 1) or once less (`by` -1).
    pub fn add(&mut self, review: &Review, by: i64) {
        for (c, r) in review.ratings() {
            *self.0.entry((c, r)).or_default() += by;
        }
    }

    /// The tallies of these reviews.
    pub fn of<'a>(reviews: impl IntoIterator<Item = &'a Review>) -> Tallies {
        let mut t = Tallies::default();
        for r in reviews {
            t.add(r, 1);
        }
        t
    }

    /// What replacing `old` (none: a new review) with `new` changes: each
    /// (criterion, rating) whose count moves, with how much, in the
    /// rubric's and the scale's order (so writers lock counters in one
    /// order).
    pub fn change(old: Option<&Review>, new: &Review) -> Vec<(Criterion, Rating, i64)> {
        let mut d = Tallies::default();
        if let Some(old) = old {
            d.add(old, -1);
        }
        d.add(new, 1);
        d.changes()
    }

    /// These tallies read as a change: each (criterion, rating) not zero,
    /// with its count, in the rubric's and the scale's order.
    pub fn changes(&self) -> Vec<(Criterion, Rating, i64)> {
        self.0
            .iter()
            .filter(|(_, n)| **n != 0)
            .map(|((c, r), n)| (*c, *r, *n))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(rating: &str) -> ReviewInput {
        ReviewInput {
            ratings: Criterion::ALL
                .iter()
                .map(|c| (c.as_str().to_string(), rating.to_string()))
                .collect(),
            comments: BTreeMap::new(),
        }
    }

    #[test]
    fn the_rubric_is_the_issues_nine_criteria_in_order() {
        assert_eq!(Criterion::ALL.len(), CRITERIA);
        let codes: Vec<&str> = Criterion::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            codes,
            [
                "data_collected",
                "retention_deletion",
                "model_training",
                "privacy_agreement",
                "age_and_terms",
                "bias",
                "transparency",
                "accessibility",
                "cost_and_equity"
            ]
        );
        let scale: Vec<&str> = Rating::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(
            scale,
            [
                "does_not_meet",
                "meets_with_reservations",
                "meets",
                "dont_know"
            ]
        );
    }

    #[test]
    fn every_criterion_must_be_rated_and_dont_know_is_a_rating() {
        let r = check(&all("dont_know")).unwrap();
        assert!(r.ratings().all(|(_, r)| r == Rating::DontKnow));
        let mut partial = all("meets");
        partial.ratings.remove("bias");
        partial.ratings.insert("transparency".into(), " ".into());
        let e = check(&partial).unwrap_err();
        assert_eq!(e.0.len(), 2, "{e}");
        assert!(
            e.0.iter()
                .any(|f| f.field == "ratings-bias" && f.code == "choose-one")
        );
        assert!(
            e.0.iter()
                .any(|f| f.field == "ratings-transparency" && f.code == "choose-one")
        );
    }

    #[test]
    fn a_rating_outside_the_scale_is_refused_by_its_field() {
        let mut input = all("meets");
        input.ratings.insert("bias".into(), "5".into());
        let e = check(&input).unwrap_err();
        assert!(e.is_only("ratings-bias", "unknown-choice"), "{e}");
        let mut input = all("meets");
        input.ratings.insert("vibes".into(), "meets".into());
        input.comments.insert("price".into(), "Cheap.".into());
        let e = check(&input).unwrap_err();
        assert!(
            e.0.iter()
                .any(|f| f.field == "ratings" && f.code == "unknown-choice")
        );
        assert!(
            e.0.iter()
                .any(|f| f.field == "comments" && f.code == "unknown-choice")
        );
    }

    #[test]
    fn comments_are_optional_trimmed_and_limited() {
        let mut input = all("meets_with_reservations");
        input
            .comments
            .insert("bias".into(), "  Stereotyped names in stories. \r\n".into());
        input.comments.insert("accessibility".into(), "   ".into());
        let r = check(&input).unwrap();
        assert_eq!(
            r.comment(Criterion::Bias),
            Some("Stereotyped names in stories.")
        );
        assert_eq!(r.comment(Criterion::Accessibility), None);
        assert_eq!(r.comments().count(), 1);
        input
            .comments
            .insert("bias".into(), "x".repeat(MAX_COMMENT + 1));
        let e = check(&input).unwrap_err();
        assert!(e.is_only("comments-bias", "too-long"));
        assert_eq!(e.0[0].args, vec![("max", MAX_COMMENT.to_string())]);
        input
            .comments
            .insert("bias".into(), "x".repeat(MAX_COMMENT));
        assert!(check(&input).is_ok());
    }

    #[test]
    fn stored_and_read_back() {
        let mut input = all("meets");
        input.ratings.insert("bias".into(), "does_not_meet".into());
        input
            .comments
            .insert("bias".into(), "Saw \"stereotypes\".".into());
        let r = check(&input).unwrap();
        let back = Review::from_stored(&r.ratings_json(), &r.comments_json()).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.rating(Criterion::Bias), Rating::DoesNotMeet);
        assert_eq!(check(&r.to_input()).unwrap(), r);
        assert!(
            r.ratings_json()
                .starts_with("{\"data_collected\":\"meets\"")
        );
        // A stored review missing a criterion, or with an unknown code, is
        // not a review.
        assert!(Review::from_stored("{\"bias\":\"meets\"}", "{}").is_none());
        assert!(
            Review::from_stored(&r.ratings_json().replace("meets\"", "great\""), "{}").is_none()
        );
    }

    #[test]
    fn tallies_move_from_old_ratings_to_new() {
        let meets = check(&all("meets")).unwrap();
        let mut input = all("meets");
        input.ratings.insert("bias".into(), "does_not_meet".into());
        let edited = check(&input).unwrap();
        // A new review counts each of its ratings once.
        let new = Tallies::change(None, &meets);
        assert_eq!(new.len(), CRITERIA);
        assert!(new.iter().all(|(_, r, n)| *r == Rating::Meets && *n == 1));
        // An edit moves only what changed; the same review again, nothing.
        assert_eq!(
            Tallies::change(Some(&meets), &edited),
            vec![
                (Criterion::Bias, Rating::DoesNotMeet, 1),
                (Criterion::Bias, Rating::Meets, -1)
            ]
        );
        assert!(Tallies::change(Some(&edited), &edited).is_empty());
        let t = Tallies::of([&meets, &edited]);
        assert_eq!(t.n(Criterion::Bias, Rating::Meets), 1);
        assert_eq!(t.n(Criterion::Bias, Rating::DoesNotMeet), 1);
        assert_eq!(t.n(Criterion::Transparency, Rating::Meets), 2);
        assert_eq!(t.total(Criterion::Bias), 2);
        assert_eq!(
            t.spread(Criterion::Bias),
            vec![
                (Rating::DoesNotMeet, 1),
                (Rating::MeetsWithReservations, 0),
                (Rating::Meets, 1),
                (Rating::DontKnow, 0)
            ]
        );
    }
}
