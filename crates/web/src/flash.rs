//! The one-line confirmation shown on the page after an action ("Your
//! profile was saved"). Carried across the redirect in a short cookie that
//! holds only a code from this list, never text.

use crate::context::append_cookie;
use crate::cookies::{self, Cookie};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

lyceum_domain::code_enum! {
    pub enum Flash: "flash" {
        SignedIn = "signed-in",
        SignedOut = "signed-out",
        Registered = "registered",
        Verified = "verified",
        VerificationSent = "verification-sent",
        ResetSent = "reset-sent",
        PasswordReset = "password-reset",
        PasswordChanged = "password-changed",
        ProfileSaved = "profile-saved",
        EmailChangeSent = "email-change-sent",
        EmailChanged = "email-changed",
        AccountDeleted = "account-deleted",
        OrgSaved = "org-saved",
        OrgCreated = "org-created",
        DomainAdded = "domain-added",
        DomainRemoved = "domain-removed",
        DomainProven = "domain-proven",
        JoinCodeRevoked = "join-code-revoked",
        InvitationSent = "invitation-sent",
        InvitationsSent = "invitations-sent",
        InvitationRevoked = "invitation-revoked",
        InvitationResent = "invitation-resent",
        InvitationAccepted = "invitation-accepted",
        RoleGranted = "role-granted",
        RoleRemoved = "role-removed",
        Joined = "joined",
        TokenRevoked = "token-revoked",
        SsoProviderAdded = "sso-provider-added",
        SsoProviderSaved = "sso-provider-saved",
        SsoProviderRemoved = "sso-provider-removed",
        Enrolled = "enrolled",
        LessonFinished = "lesson-finished",
        CourseCompleted = "course-completed",
        CertificateRevoked = "certificate-revoked",
        PdRequestSent = "pd-request-sent",
        PdRequestDecided = "pd-request-decided",
        AttendanceSaved = "attendance-saved",
        CheckedIn = "checked-in",
        QuizPassed = "quiz-passed",
        QuizFailed = "quiz-failed",
        ReflectionSaved = "reflection-saved",
        TaskSubmitted = "task-submitted",
        TaskReviewed = "task-reviewed",
        SelfAssessmentSaved = "self-assessment-saved",
        MovedToNewVersion = "moved-to-new-version",
        SwitchedLanguage = "switched-language",
        DraftCreated = "draft-created",
        DraftSaved = "draft-saved",
        DraftSubmitted = "draft-submitted",
        DraftPublished = "draft-published",
        DraftReturned = "draft-returned",
        LessonSaved = "lesson-saved",
        SpaceCreated = "space-created",
        SpaceFollowed = "space-followed",
        SpaceUnfollowed = "space-unfollowed",
        SpaceMuted = "space-muted",
        SpaceUnmuted = "space-unmuted",
        TopicStarted = "topic-started",
        ReplyPosted = "reply-posted",
        TopicModerated = "topic-moderated",
        PostEdited = "post-edited",
        PostDeleted = "post-deleted",
        AnswerAccepted = "answer-accepted",
        NotificationsRead = "notifications-read",
        PostFlagged = "post-flagged",
        ModerationDone = "moderation-done",
        AuthorSuspended = "author-suspended",
        DigestSaved = "digest-saved",
        // Workshops: running offerings.
        OfferingCreated = "offering-created",
        OfferingSaved = "offering-saved",
        OfferingCopied = "offering-copied",
        OfferingCancelled = "offering-cancelled",
        RegistrationDecided = "registration-decided",
        // Workshops: registering and leaving.
        OfferingSeatTaken = "offering-seat-taken",
        OfferingWaitlisted = "offering-waitlisted",
        OfferingAwaitingApproval = "offering-awaiting-approval",
        OfferingLeft = "offering-left",
        // Workshops: surveys.
        SurveyAnswered = "survey-answered",
        SurveyQuestionsSaved = "survey-questions-saved",
        // Practice library: trial reports.
        TrialFiled = "trial-filed",
        TrialUpdated = "trial-updated",
        // Practice library: evidence tiers.
        TierDecided = "tier-decided",
        // Practice library: writing, review, following.
        PracticeSaved = "practice-saved",
        PracticeSubmitted = "practice-submitted",
        PracticeWithdrawn = "practice-withdrawn",
        PracticeNotWaiting = "practice-not-waiting",
        PracticePublished = "practice-published",
        PracticeReturned = "practice-returned",
        PracticeAlreadyDecided = "practice-already-decided",
        PracticeFollowed = "practice-followed",
        PracticeUnfollowed = "practice-unfollowed",
        // The AI tool registry.
        ToolReviewWithdrawn = "tool-review-withdrawn",
        // The challenge radar.
        ChallengeTriaged = "challenge-triaged",
        ChallengeMerged = "challenge-merged",
        // The programme's settings.
        ProgrammeSettingsSaved = "programme-settings-saved",
        // Analytics.
        GoalSaved = "goal-saved",
    }
}

impl Flash {
    /// Whether it tells of something not done yet (a quiz not passed yet):
    /// shown as a notice, never in the colours of success.
    pub fn is_notice(self) -> bool {
        matches!(self, Flash::QuizFailed)
    }

    /// Whether it answers checking a quiz, so the page lands on the result.
    pub fn is_quiz_result(self) -> bool {
        matches!(self, Flash::QuizPassed | Flash::QuizFailed)
    }
}

/// 303 See Other to `to`, showing `flash` on arrival.
pub fn redirect_with(to: &str, flash: Flash, secure: bool) -> Response {
    let mut r = redirect(to);
    append_cookie(
        r.headers_mut(),
        &cookies::build(Cookie::Flash, flash.as_str(), Some(60), secure),
    );
    r
}

/// 303 See Other: after a POST, the browser GETs the next page.
pub fn redirect(to: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(LOCATION, v);
    }
    r
}

/// `next` if it is a path on this site, else `fallback`: never an open redirect.
pub fn local_path<'a>(next: &'a str, fallback: &'a str) -> &'a str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\');
    if ok { next } else { fallback }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths() {
        assert_eq!(local_path("/orgs/1?x=2", "/"), "/orgs/1?x=2");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(local_path(bad, "/"), "/", "{bad}");
        }
    }
}
