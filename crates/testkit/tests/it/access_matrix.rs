//! Role × scope × route: every route the app serves, every kind of person,
//! every place in the tree — refused or let through exactly as written here.
//!
//! The expectations are written out by hand (not computed with the policy
//! under test), and the route list must equal the app's own, so a new route
//! fails this test until someone decides who may use it.
//!
//! Then the cases a route table cannot show: the same route, the same
//! role, but one's own object ("self" cases: nobody decides their own PD
//! request, reviews their own hand-in or publishes their own draft:
//! `policy::own_case`), authoring asked of the course's owning organisation,
//! who sees a course (its owner says), and the community's objects (who
//! moderates which space, `Actor::moderates_space` and `Actor::moves_topic`;
//! one's own posts and questions, `policy::edits_post` and
//! `policy::accepts_answer`).

use lyceum_db::{api_tokens, sessions};
use lyceum_domain::token::{hash_token, new_token};
use lyceum_domain::{OrgId, UserId};
use lyceum_testkit::{Browser, OutsidePd, PASSWORD, Seed, TestApp};
use reqwest::multipart::{Form, Part};
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    /// Everyone, signed in or not.
    Anyone,
    /// Anyone signed in.
    SignedIn,
    /// Admins whose scope covers the route's organisation.
    Admins,
    /// Those who write courses: authors and programme admins.
    Authors,
    /// Operators holding `server.metrics_token` (none of the people here;
    /// `ops::metrics_require_their_token` lets the token through).
    Operators,
    /// The programme team alone (approving email domains), wherever.
    ProgrammeAdmins,
    /// Researchers and the programme team (de-identified exports).
    Researchers,
    /// Those who read analytics: org admins (their subtrees, suppressed),
    /// researchers (the programme and its states, suppressed) and the
    /// programme team (exactly); 403 for everyone else.
    Analysts,
}
use Who::*;

/// Every route, by hand.
const ROUTES: &[(&str, &str, Who)] = &[
    ("GET", "/healthz", Anyone),
    ("GET", "/readyz", Anyone),
    ("GET", "/metrics", Operators),
    ("GET", "/static/{file}", Anyone),
    ("GET", "/", Anyone),
    ("GET", "/sign-in", Anyone),
    ("POST", "/sign-in", Anyone),
    ("POST", "/sign-out", Anyone),
    ("GET", "/sign-in/sso", Anyone),
    ("GET", "/sign-in/sso/start/{provider_id}", Anyone),
    ("POST", "/sign-in/sso/start/{provider_id}", Anyone),
    ("GET", "/sign-in/sso/callback/{provider_id}", Anyone),
    ("GET", "/help", Anyone),
    ("GET", "/privacy", Anyone),
    ("GET", "/accessibility", Anyone),
    ("GET", "/competencies", Anyone),
    ("GET", "/competencies/{framework_id}", Anyone),
    ("GET", "/courses", Anyone),
    ("GET", "/courses/{slug}", Anyone),
    ("GET", "/courses/{slug}/lessons/{lesson_key}", Anyone),
    ("POST", "/courses/{slug}/enrol", SignedIn),
    ("POST", "/courses/{slug}/move", SignedIn),
    ("POST", "/courses/{slug}/switch", SignedIn),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/quiz",
        SignedIn,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/reflection",
        SignedIn,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/task",
        SignedIn,
    ),
    ("GET", "/authoring", Authors),
    ("POST", "/authoring", Authors),
    ("GET", "/authoring/{draft_id}", Authors),
    ("POST", "/authoring/{draft_id}", Authors),
    ("POST", "/authoring/{draft_id}/review", Authors),
    ("POST", "/authoring/new", Authors),
    ("GET", "/authoring/{draft_id}/edit", Authors),
    ("POST", "/authoring/{draft_id}/edit", Authors),
    ("GET", "/authoring/{draft_id}/lessons/{lesson_key}", Authors),
    (
        "POST",
        "/authoring/{draft_id}/lessons/{lesson_key}",
        Authors,
    ),
    ("GET", "/api/v1/drafts/{draft_id}", Authors),
    ("PUT", "/api/v1/drafts/{draft_id}", Authors),
    ("GET", "/api/v1/frameworks", SignedIn),
    ("GET", "/api/v1/frameworks/{framework_id}", SignedIn),
    (
        "GET",
        "/api/v1/frameworks/{framework_id}/competencies/{competency_id}",
        SignedIn,
    ),
    ("GET", "/api/v1/courses", SignedIn),
    ("GET", "/api/v1/courses/{slug}", SignedIn),
    (
        "GET",
        "/api/v1/courses/{slug}/lessons/{lesson_key}",
        SignedIn,
    ),
    ("POST", "/api/v1/courses/{slug}/enrol", SignedIn),
    ("GET", "/api/v1/courses/{slug}/progress", SignedIn),
    ("POST", "/api/v1/courses/{slug}/move", SignedIn),
    ("POST", "/api/v1/courses/{slug}/switch", SignedIn),
    (
        "POST",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/finish",
        SignedIn,
    ),
    (
        "GET",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/attempts",
        SignedIn,
    ),
    (
        "POST",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/attempts",
        SignedIn,
    ),
    ("GET", "/api/v1/enrolments", SignedIn),
    (
        "POST",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/reflection",
        SignedIn,
    ),
    (
        "GET",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/hand-ins",
        SignedIn,
    ),
    (
        "POST",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/hand-ins",
        SignedIn,
    ),
    ("GET", "/api/v1/review", SignedIn),
    ("POST", "/api/v1/review/{submission_id}", SignedIn),
    ("GET", "/api/v1/spaces", SignedIn),
    ("GET", "/api/v1/spaces/{space_id}/topics", SignedIn),
    ("POST", "/api/v1/spaces/{space_id}/topics", SignedIn),
    ("GET", "/api/v1/spaces/{space_id}/mentionable", SignedIn),
    ("GET", "/api/v1/topics/{topic_id}/posts", SignedIn),
    ("POST", "/api/v1/topics/{topic_id}/replies", SignedIn),
    ("GET", "/api/v1/notifications", SignedIn),
    ("GET", "/api/v1/notifications/settings", SignedIn),
    ("PUT", "/api/v1/notifications/settings", SignedIn),
    ("POST", "/api/v1/posts/{post_id}/flags", SignedIn),
    ("GET", "/api/v1/search/posts", SignedIn),
    ("GET", "/spaces", SignedIn),
    ("GET", "/spaces/search", SignedIn),
    ("GET", "/spaces/{space_id}", SignedIn),
    ("POST", "/spaces/{space_id}/follow", SignedIn),
    ("POST", "/spaces/{space_id}/mute", SignedIn),
    ("GET", "/spaces/{space_id}/mentionable", SignedIn),
    ("POST", "/spaces/{space_id}/topics", SignedIn),
    ("GET", "/topics/{topic_id}", SignedIn),
    ("POST", "/topics/{topic_id}/replies", SignedIn),
    ("POST", "/topics/{topic_id}/moderate", SignedIn),
    ("POST", "/topics/{topic_id}/accept", SignedIn),
    ("GET", "/notifications", SignedIn),
    ("POST", "/notifications/read", SignedIn),
    ("POST", "/notifications/digest", SignedIn),
    ("GET", "/digest/unsubscribe", Anyone),
    ("GET", "/posts/{post_id}/edit", SignedIn),
    ("POST", "/posts/{post_id}/edit", SignedIn),
    ("GET", "/posts/{post_id}/delete", SignedIn),
    ("POST", "/posts/{post_id}/delete", SignedIn),
    ("POST", "/posts/{post_id}/react", SignedIn),
    ("GET", "/posts/{post_id}/flag", SignedIn),
    ("POST", "/posts/{post_id}/flag", SignedIn),
    ("GET", "/moderation", SignedIn),
    ("POST", "/moderation/posts/{post_id}", SignedIn),
    (
        "POST",
        "/moderation/posts/{post_id}/suspend-author",
        SignedIn,
    ),
    ("GET", "/orgs/{org_id}/admin/spaces", Admins),
    // Workshops for admins: the offering's own routes answer 404/403 by
    // its organisation (`workshops_manage.rs`).
    ("GET", "/orgs/{org_id}/admin/offerings", Admins),
    ("GET", "/orgs/{org_id}/admin/offerings/new", Admins),
    ("POST", "/orgs/{org_id}/admin/offerings/new", Admins),
    ("GET", "/offerings/{offering_id}/manage", SignedIn),
    ("POST", "/offerings/{offering_id}/manage", SignedIn),
    ("GET", "/offerings/{offering_id}/manage/copy", SignedIn),
    ("POST", "/offerings/{offering_id}/manage/copy", SignedIn),
    ("GET", "/offerings/{offering_id}/manage/cancel", SignedIn),
    ("POST", "/offerings/{offering_id}/manage/cancel", SignedIn),
    (
        "GET",
        "/offerings/{offering_id}/manage/registrations",
        SignedIn,
    ),
    (
        "POST",
        "/offerings/{offering_id}/manage/registrations",
        SignedIn,
    ),
    (
        "POST",
        "/offerings/{offering_id}/manage/registrations/{user_id}/decide",
        SignedIn,
    ),
    ("POST", "/orgs/{org_id}/admin/spaces", Admins),
    ("GET", "/learning", SignedIn),
    // Workshops for educators: an offering the reader may not see is 404
    // (workshops_find tests who sees which).
    ("GET", "/offerings", SignedIn),
    ("GET", "/offerings/mine", SignedIn),
    ("GET", "/offerings/{offering_id}", SignedIn),
    ("POST", "/offerings/{offering_id}/registration", SignedIn),
    (
        "POST",
        "/offerings/{offering_id}/registration/cancel",
        SignedIn,
    ),
    ("GET", "/literacy", SignedIn),
    ("POST", "/literacy", SignedIn),
    ("GET", "/review", SignedIn),
    ("POST", "/review/{submission_id}", SignedIn),
    ("GET", "/review/{submission_id}/file", SignedIn),
    ("GET", "/offerings/{offering_id}/roster", SignedIn),
    ("GET", "/offerings/{offering_id}/roster.csv", SignedIn),
    (
        "GET",
        "/offerings/{offering_id}/sessions/{session_id}/attendance",
        SignedIn,
    ),
    (
        "POST",
        "/offerings/{offering_id}/sessions/{session_id}/attendance",
        SignedIn,
    ),
    ("GET", "/offerings/{offering_id}/check-in", SignedIn),
    ("POST", "/offerings/{offering_id}/check-in", SignedIn),
    ("GET", "/api/v1/offerings/{offering_id}/roster", SignedIn),
    (
        "GET",
        "/api/v1/offerings/{offering_id}/sessions/{session_id}/attendance",
        SignedIn,
    ),
    (
        "PUT",
        "/api/v1/offerings/{offering_id}/sessions/{session_id}/attendance",
        SignedIn,
    ),
    (
        "POST",
        "/api/v1/offerings/{offering_id}/sessions/{session_id}/check-in",
        SignedIn,
    ),
    ("GET", "/transcript", SignedIn),
    ("GET", "/transcript.csv", SignedIn),
    ("GET", "/transcript/outside", SignedIn),
    ("POST", "/transcript/outside", SignedIn),
    ("GET", "/transcript/outside/{request_id}/evidence", SignedIn),
    ("GET", "/orgs/{org_id}/admin/pd-requests", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/pd-requests/{request_id}/decide",
        Admins,
    ),
    (
        "GET",
        "/orgs/{org_id}/admin/pd-requests/{request_id}/evidence",
        Admins,
    ),
    ("GET", "/certificates/{code}", Anyone),
    ("GET", "/certificates/{code}/pdf", Anyone),
    (
        "POST",
        "/orgs/{org_id}/admin/certificates/{code}/revoke",
        Admins,
    ),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/finish",
        SignedIn,
    ),
    ("GET", "/register", Anyone),
    ("POST", "/register", Anyone),
    ("GET", "/verify-email", Anyone),
    ("GET", "/resend-verification", Anyone),
    ("POST", "/resend-verification", Anyone),
    ("GET", "/forgot-password", Anyone),
    ("POST", "/forgot-password", Anyone),
    ("GET", "/reset-password", Anyone),
    ("POST", "/reset-password", Anyone),
    ("GET", "/confirm-email", Anyone),
    ("POST", "/language", Anyone),
    ("GET", "/invitations/{token}", Anyone),
    ("POST", "/invitations/{token}/register", Anyone),
    ("POST", "/invitations/{token}/accept", SignedIn),
    ("GET", "/join", SignedIn),
    ("POST", "/join", SignedIn),
    ("GET", "/welcome", SignedIn),
    ("POST", "/welcome", SignedIn),
    ("GET", "/profile", SignedIn),
    ("POST", "/profile", SignedIn),
    ("GET", "/account", SignedIn),
    ("GET", "/account/email", SignedIn),
    ("POST", "/account/email", SignedIn),
    ("GET", "/account/password", SignedIn),
    ("POST", "/account/password", SignedIn),
    ("GET", "/account/export", SignedIn),
    ("GET", "/account/delete", SignedIn),
    ("POST", "/account/delete", SignedIn),
    ("GET", "/account/tokens", SignedIn),
    ("POST", "/account/tokens", SignedIn),
    ("POST", "/account/tokens/{token_id}/revoke", SignedIn),
    // Workshop calendars: files for those who see the offering (404 for
    // the rest, the handler's), one's feed address, and the feed itself,
    // whose secret token is the credential.
    ("GET", "/offerings/{offering_id}/calendar.ics", SignedIn),
    (
        "GET",
        "/offerings/{offering_id}/sessions/{session_id}/calendar.ics",
        SignedIn,
    ),
    ("GET", "/calendar", SignedIn),
    ("POST", "/calendar/reset", SignedIn),
    ("GET", "/calendar/{token}", Anyone),
    ("GET", "/api/v1/me/calendar", SignedIn),
    ("POST", "/api/v1/me/calendar/reset", SignedIn),
    (
        "GET",
        "/api/v1/offerings/{offering_id}/calendar.ics",
        SignedIn,
    ),
    ("GET", "/orgs", SignedIn),
    ("GET", "/orgs/{org_id}", SignedIn),
    ("GET", "/orgs/{org_id}/people", Admins),
    ("GET", "/orgs/{org_id}/people.csv", Admins),
    ("GET", "/orgs/{org_id}/people/{user_id}", Admins),
    ("GET", "/orgs/{org_id}/admin/overview", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/invitations/{invitation_id}/resend",
        Admins,
    ),
    ("GET", "/orgs/{org_id}/admin", Admins),
    ("POST", "/orgs/{org_id}/admin", Admins),
    ("GET", "/orgs/{org_id}/admin/new", Admins),
    ("POST", "/orgs/{org_id}/admin/new", Admins),
    ("GET", "/orgs/{org_id}/admin/joining", Admins),
    ("POST", "/orgs/{org_id}/admin/domains", Admins),
    ("POST", "/orgs/{org_id}/admin/domains/remove", Admins),
    ("GET", "/orgs/{org_id}/admin/domains/{domain_id}", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/domains/{domain_id}/check",
        Admins,
    ),
    (
        "POST",
        "/orgs/{org_id}/admin/domains/{domain_id}/approve",
        ProgrammeAdmins,
    ),
    (
        "GET",
        "/orgs/{org_id}/admin/domain-approvals",
        ProgrammeAdmins,
    ),
    ("POST", "/orgs/{org_id}/admin/join-codes", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/join-codes/{code_id}/revoke",
        Admins,
    ),
    ("GET", "/orgs/{org_id}/admin/invitations", Admins),
    ("POST", "/orgs/{org_id}/admin/invitations", Admins),
    ("POST", "/orgs/{org_id}/admin/invitations/list", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/invitations/{invitation_id}/revoke",
        Admins,
    ),
    ("GET", "/orgs/{org_id}/admin/import", Admins),
    ("POST", "/orgs/{org_id}/admin/import", Admins),
    ("POST", "/orgs/{org_id}/admin/import/checked", Admins),
    ("GET", "/orgs/{org_id}/admin/import/template/{file}", Admins),
    ("GET", "/orgs/{org_id}/admin/roles", Admins),
    ("POST", "/orgs/{org_id}/admin/roles", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/roles/{membership_id}/remove",
        Admins,
    ),
    ("GET", "/orgs/{org_id}/admin/sso", Admins),
    ("POST", "/orgs/{org_id}/admin/sso", Admins),
    ("GET", "/orgs/{org_id}/admin/sso/{provider_id}", Admins),
    ("POST", "/orgs/{org_id}/admin/sso/{provider_id}", Admins),
    (
        "POST",
        "/orgs/{org_id}/admin/sso/{provider_id}/remove",
        Admins,
    ),
    ("GET", "/api/openapi.json", Anyone),
    ("GET", "/api/v1/me", SignedIn),
    ("PUT", "/api/v1/me/profile", SignedIn),
    ("GET", "/api/v1/me/export", SignedIn),
    ("GET", "/api/v1/me/learning", SignedIn),
    ("GET", "/api/v1/me/offerings", SignedIn),
    ("GET", "/api/v1/offerings", SignedIn),
    ("GET", "/api/v1/offerings/{offering_id}", SignedIn),
    (
        "POST",
        "/api/v1/offerings/{offering_id}/registration",
        SignedIn,
    ),
    (
        "DELETE",
        "/api/v1/offerings/{offering_id}/registration",
        SignedIn,
    ),
    ("PUT", "/api/v1/spaces/{space_id}/follow", SignedIn),
    ("GET", "/api/v1/orgs/{org_id}", SignedIn),
    ("PUT", "/api/v1/orgs/{org_id}", Admins),
    ("GET", "/api/v1/orgs/{org_id}/children", SignedIn),
    ("POST", "/api/v1/orgs/{org_id}/children", Admins),
    ("GET", "/api/v1/orgs/{org_id}/people", Admins),
    ("POST", "/api/v1/orgs/{org_id}/memberships", Admins),
    (
        "DELETE",
        "/api/v1/orgs/{org_id}/memberships/{membership_id}",
        Admins,
    ),
    ("POST", "/api/v1/orgs/{org_id}/invitations", Admins),
    (
        "POST",
        "/api/v1/orgs/{org_id}/invitations/{invitation_id}/resend",
        Admins,
    ),
    ("GET", "/api/v1/orgs/{org_id}/overview", Admins),
    ("GET", "/api/v1/orgs/{org_id}/people/{user_id}", Admins),
    ("GET", "/api/v1/orgs/{org_id}/pd-requests/decided", Admins),
    ("POST", "/api/v1/orgs/{org_id}/offerings", Admins),
    ("PUT", "/api/v1/offerings/{offering_id}", SignedIn),
    ("POST", "/api/v1/offerings/{offering_id}/copy", SignedIn),
    ("POST", "/api/v1/offerings/{offering_id}/cancel", SignedIn),
    (
        "POST",
        "/api/v1/offerings/{offering_id}/register-others",
        SignedIn,
    ),
    (
        "POST",
        "/api/v1/offerings/{offering_id}/approvals/{user_id}",
        SignedIn,
    ),
    ("GET", "/api/v1/literacy", SignedIn),
    ("PUT", "/api/v1/literacy/self-assessment", SignedIn),
    ("GET", "/api/v1/transcript", SignedIn),
    ("GET", "/api/v1/transcript.csv", SignedIn),
    ("GET", "/api/v1/pd-requests", SignedIn),
    ("POST", "/api/v1/pd-requests", SignedIn),
    ("GET", "/api/v1/orgs/{org_id}/pd-requests", Admins),
    (
        "POST",
        "/api/v1/orgs/{org_id}/pd-requests/{request_id}/decision",
        Admins,
    ),
    ("GET", "/api/v1/pd-requests/{request_id}/evidence", SignedIn),
    (
        "GET",
        "/api/v1/orgs/{org_id}/pd-requests/{request_id}/evidence",
        Admins,
    ),
    ("GET", "/api/v1/certificates", SignedIn),
    ("GET", "/api/v1/certificates/{code}", Anyone),
    ("GET", "/api/v1/certificates/{code}/pdf", Anyone),
    (
        "POST",
        "/api/v1/orgs/{org_id}/certificates/{code}/revoke",
        Admins,
    ),
    // Workshops — surveys after sessions (who may is `workshop_access`'s).
    (
        "GET",
        "/offerings/{offering_id}/sessions/{session_id}/survey",
        SignedIn,
    ),
    (
        "POST",
        "/offerings/{offering_id}/sessions/{session_id}/survey",
        SignedIn,
    ),
    ("GET", "/offerings/{offering_id}/survey-results", SignedIn),
    (
        "POST",
        "/offerings/{offering_id}/survey-questions",
        SignedIn,
    ),
    (
        "GET",
        "/api/v1/offerings/{offering_id}/sessions/{session_id}/survey",
        SignedIn,
    ),
    (
        "POST",
        "/api/v1/offerings/{offering_id}/sessions/{session_id}/survey",
        SignedIn,
    ),
    (
        "GET",
        "/api/v1/offerings/{offering_id}/survey-results",
        SignedIn,
    ),
    // Practice library: trial reports (the export's 403 for others is in library_trials).
    ("GET", "/practices/trials.csv", Researchers),
    ("GET", "/practices/trials-summary.csv", Researchers),
    ("GET", "/practices/{practice_id}/trials", SignedIn),
    ("GET", "/practices/{practice_id}/trials/new", SignedIn),
    ("POST", "/practices/{practice_id}/trials/new", SignedIn),
    ("GET", "/api/v1/practices/{practice_id}/trials", SignedIn),
    (
        "GET",
        "/api/v1/practices/{practice_id}/trials/summary",
        SignedIn,
    ),
    (
        "GET",
        "/api/v1/practices/{practice_id}/trials/mine",
        SignedIn,
    ),
    (
        "PUT",
        "/api/v1/practices/{practice_id}/trials/mine",
        SignedIn,
    ),
    ("GET", "/practices", SignedIn),
    ("GET", "/api/v1/practices", SignedIn),
    // The resource library: everyone signed in reads, rates and comments;
    // adding, editing, featuring and hiding are asked of the resource's
    // owner by the handler (`library_resources.rs` has the cases).
    ("GET", "/resources", SignedIn),
    ("GET", "/resources/new", Authors),
    ("POST", "/resources/new", Authors),
    ("GET", "/resources/{resource_id}", SignedIn),
    ("GET", "/resources/{resource_id}/edit", SignedIn),
    ("POST", "/resources/{resource_id}/edit", SignedIn),
    ("GET", "/resources/{resource_id}/file", SignedIn),
    ("POST", "/resources/{resource_id}/rating", SignedIn),
    ("POST", "/resources/{resource_id}/comments", SignedIn),
    (
        "POST",
        "/resources/{resource_id}/comments/{comment_id}/hide",
        SignedIn,
    ),
    ("POST", "/resources/{resource_id}/feature", SignedIn),
    ("POST", "/resources/{resource_id}/unfeature", SignedIn),
    ("POST", "/practices/{practice_id}/resources", SignedIn),
    (
        "POST",
        "/courses/{slug}/lessons/{lesson_key}/resources",
        SignedIn,
    ),
    ("GET", "/api/v1/resources", SignedIn),
    ("POST", "/api/v1/resources", SignedIn),
    ("POST", "/api/v1/resources/file", SignedIn),
    ("GET", "/api/v1/resources/{resource_id}", SignedIn),
    ("PUT", "/api/v1/resources/{resource_id}/rating", SignedIn),
    ("GET", "/api/v1/resources/{resource_id}/comments", SignedIn),
    ("POST", "/api/v1/resources/{resource_id}/comments", SignedIn),
    ("PUT", "/api/v1/resources/{resource_id}/feature", SignedIn),
    ("GET", "/api/v1/practices/{practice_id}/resources", SignedIn),
    ("GET", "/api/v1/practices/{practice_id}/tools", SignedIn),
    (
        "PUT",
        "/api/v1/practices/{practice_id}/tools/{tool_id}",
        SignedIn,
    ),
    (
        "DELETE",
        "/api/v1/practices/{practice_id}/tools/{tool_id}",
        SignedIn,
    ),
    ("POST", "/practices/{practice_id}/tools", SignedIn),
    (
        "PUT",
        "/api/v1/practices/{practice_id}/resources/{resource_id}",
        SignedIn,
    ),
    (
        "DELETE",
        "/api/v1/practices/{practice_id}/resources/{resource_id}",
        SignedIn,
    ),
    (
        "GET",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/resources",
        SignedIn,
    ),
    (
        "PUT",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/resources/{resource_id}",
        SignedIn,
    ),
    (
        "DELETE",
        "/api/v1/courses/{slug}/lessons/{lesson_key}/resources/{resource_id}",
        SignedIn,
    ),
    (
        "DELETE",
        "/api/v1/resources/{resource_id}/feature",
        SignedIn,
    ),
    // Practice library: evidence tiers (the queue is for curators: authors
    // and programme admins; a practice's curators are checked in
    // library_tiers.rs, self and outside-scope cases included).
    ("GET", "/practices/evidence-queue", Authors),
    ("GET", "/practices/{practice_id}/evidence", SignedIn),
    ("POST", "/practices/{practice_id}/evidence", SignedIn),
    ("GET", "/api/v1/practices/evidence-queue", Authors),
    ("GET", "/api/v1/practices/{practice_id}/evidence", SignedIn),
    ("POST", "/api/v1/practices/{practice_id}/evidence", SignedIn),
    // Practice library: classroom practices (writing, review, the page).
    ("GET", "/practices/new", SignedIn),
    ("POST", "/practices/new", SignedIn),
    ("GET", "/practices/mine", SignedIn),
    // The queue: 403 for people who curate nowhere (authors, programme admins curate).
    ("GET", "/practices/review", Authors),
    ("GET", "/practices/{practice_id}", SignedIn),
    (
        "GET",
        "/practices/{practice_id}/versions/{version}",
        SignedIn,
    ),
    ("POST", "/practices/{practice_id}/follow", SignedIn),
    ("POST", "/practices/{practice_id}/unfollow", SignedIn),
    ("GET", "/practices/{practice_id}/files/{file_id}", SignedIn),
    ("GET", "/practices/{practice_id}/edit", SignedIn),
    ("POST", "/practices/{practice_id}/edit", SignedIn),
    ("POST", "/practices/{practice_id}/submit", SignedIn),
    ("POST", "/practices/{practice_id}/withdraw", SignedIn),
    ("GET", "/practices/{practice_id}/review", SignedIn),
    ("POST", "/practices/{practice_id}/publish", SignedIn),
    ("POST", "/practices/{practice_id}/return", SignedIn),
    ("POST", "/api/v1/practices", SignedIn),
    ("GET", "/api/v1/practices/review", Authors),
    ("GET", "/api/v1/practices/{practice_id}", SignedIn),
    (
        "GET",
        "/api/v1/practices/{practice_id}/versions/{version}",
        SignedIn,
    ),
    ("GET", "/api/v1/practices/{practice_id}/draft", SignedIn),
    ("PUT", "/api/v1/practices/{practice_id}/draft", SignedIn),
    ("POST", "/api/v1/practices/{practice_id}/submit", SignedIn),
    ("POST", "/api/v1/practices/{practice_id}/withdraw", SignedIn),
    ("GET", "/api/v1/practices/{practice_id}/review", SignedIn),
    ("POST", "/api/v1/practices/{practice_id}/publish", SignedIn),
    ("POST", "/api/v1/practices/{practice_id}/return", SignedIn),
    ("PUT", "/api/v1/practices/{practice_id}/follow", SignedIn),
    ("DELETE", "/api/v1/practices/{practice_id}/follow", SignedIn),
    ("GET", "/api/v1/me/practices", SignedIn),
    // AI tool registry: everyone signed in reads and reviews; tools are
    // added and edited by programme admins (asked before the tool is looked
    // for); an organisation's status by its admins and those above it —
    // on the pages asked of the organisation chosen, after the tool is
    // found (registry.rs has the school, district and sideways cases).
    ("GET", "/tools", SignedIn),
    ("GET", "/tools/new", ProgrammeAdmins),
    ("POST", "/tools/new", ProgrammeAdmins),
    ("GET", "/tools/{tool_id}", SignedIn),
    ("GET", "/tools/{tool_id}/edit", ProgrammeAdmins),
    ("POST", "/tools/{tool_id}/edit", ProgrammeAdmins),
    ("GET", "/tools/{tool_id}/review", SignedIn),
    ("POST", "/tools/{tool_id}/review", SignedIn),
    // One's own review withdrawn; the reviews' CSV names reviewers only for
    // the programme team (decided by the handler, not the gate).
    ("GET", "/tools/{tool_id}/review/withdraw", SignedIn),
    ("POST", "/tools/{tool_id}/review/withdraw", SignedIn),
    ("GET", "/tools/{tool_id}/reviews.csv", SignedIn),
    ("GET", "/tools/{tool_id}/status", SignedIn),
    ("POST", "/tools/{tool_id}/status", SignedIn),
    ("GET", "/api/v1/tools", SignedIn),
    ("POST", "/api/v1/tools", ProgrammeAdmins),
    ("GET", "/api/v1/tools/{tool_id}", SignedIn),
    ("PUT", "/api/v1/tools/{tool_id}", ProgrammeAdmins),
    ("GET", "/api/v1/tools/{tool_id}/review", SignedIn),
    ("PUT", "/api/v1/tools/{tool_id}/review", SignedIn),
    ("DELETE", "/api/v1/tools/{tool_id}/review", SignedIn),
    ("GET", "/api/v1/tools/{tool_id}/reviews.csv", SignedIn),
    (
        "PUT",
        "/api/v1/orgs/{org_id}/tools/{tool_id}/status",
        Admins,
    ),
    (
        "DELETE",
        "/api/v1/orgs/{org_id}/tools/{tool_id}/status",
        Admins,
    ),
    // Challenge radar: everyone signed in reports and reads the radar
    // (suppressed outside the programme team); a report is its reporter's
    // and its triagers' (404 for everyone else, checked in radar.rs); the
    // queue is empty for those who triage nowhere.
    ("GET", "/challenges/new", SignedIn),
    ("POST", "/challenges/new", SignedIn),
    ("GET", "/challenges/mine", SignedIn),
    ("GET", "/challenges/triage", SignedIn),
    ("GET", "/challenges/{challenge_id}", SignedIn),
    ("POST", "/challenges/{challenge_id}/triage", SignedIn),
    ("POST", "/challenges/{challenge_id}/merge", SignedIn),
    // The radar is everyone's as well once a programme admin publishes it
    // (off here, as by default; programme_settings.rs turns it on).
    ("GET", "/radar", SignedIn),
    ("GET", "/radar.csv", SignedIn),
    ("POST", "/api/v1/challenges", SignedIn),
    ("GET", "/api/v1/challenges/mine", SignedIn),
    ("GET", "/api/v1/challenges/triage", SignedIn),
    ("GET", "/api/v1/challenges/{challenge_id}", SignedIn),
    ("POST", "/api/v1/challenges/{challenge_id}/triage", SignedIn),
    ("POST", "/api/v1/challenges/{challenge_id}/merge", SignedIn),
    ("GET", "/api/v1/radar", SignedIn),
    ("GET", "/api/v1/radar.csv", SignedIn),
    // The programme's settings: its admins alone (403 for everyone else,
    // asked by the handler and again in the write).
    ("GET", "/admin/programme", ProgrammeAdmins),
    ("POST", "/admin/programme", ProgrammeAdmins),
    ("GET", "/api/v1/programme/settings", ProgrammeAdmins),
    ("PUT", "/api/v1/programme/settings", ProgrammeAdmins),
    // Programme analytics: each reader's own scope by default (an
    // organisation outside it is refused on `org`, analytics.rs); the goal
    // is read by every analyst and set by the programme team alone.
    ("GET", "/analytics", Analysts),
    ("GET", "/analytics.csv", Analysts),
    ("GET", "/analytics/goal", ProgrammeAdmins),
    ("POST", "/analytics/goal", ProgrammeAdmins),
    ("GET", "/api/v1/analytics", Analysts),
    ("GET", "/api/v1/analytics.csv", Analysts),
    ("GET", "/api/v1/analytics/goal", Analysts),
    ("PUT", "/api/v1/analytics/goal", ProgrammeAdmins),
];

/// The people of the seed (None: not signed in).
const ACTORS: &[Option<&str>] = &[
    None,
    Some("educator"),
    Some("facilitator"),
    Some("author"),
    Some("moderator"),
    Some("researcher"),
    Some("dadmin"),
    Some("ladmin"),
    Some("admin"),
];

/// Where each admin's scope reaches, by hand (see the tree in lyceum_testkit::seed).
fn administers(actor: &str, target: &str) -> bool {
    match actor {
        "admin" => true,
        "dadmin" => matches!(target, "district" | "school_a"),
        "ladmin" => matches!(target, "local" | "school_b"),
        _ => false,
    }
}

fn org(seed: &Seed, name: &str) -> OrgId {
    match name {
        "root" => seed.root,
        "state" => seed.state,
        "district" => seed.district,
        "school_a" => seed.school_a,
        "local" => seed.local,
        _ => seed.school_b,
    }
}

const TARGETS: &[&str] = &["root", "state", "district", "school_a", "local", "school_b"];

#[tokio::test]
async fn every_route_for_every_role_and_scope() {
    let app = TestApp::start().await;
    let seed = app.seed().await;

    let served: BTreeSet<String> = app
        .app()
        .routes
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    let listed: BTreeSet<String> = ROUTES.iter().map(|(m, p, _)| format!("{m} {p}")).collect();
    assert_eq!(
        served, listed,
        "the app's routes and this table differ: decide who may use each new route"
    );

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (method, path, who) in ROUTES {
        let targets: &[&str] = if path.contains("{org_id}") {
            TARGETS
        } else {
            &["-"]
        };
        for target in targets {
            let url = path
                .replace("{org_id}", &org(&seed, target).0.to_string())
                .replace("{file}", "missing.css")
                .replace("{token}", "not-a-real-token")
                .replace("{token_id}", "999999")
                .replace("{code_id}", "999999")
                .replace("{invitation_id}", "999999")
                .replace("{membership_id}", "999999")
                .replace("{user_id}", "999999")
                .replace("{provider_id}", "999999")
                .replace("{domain_id}", "999999")
                .replace("{framework_id}", "no-such-framework")
                .replace("{competency_id}", "no-such-competency")
                .replace("{slug}", "no-such-course")
                .replace("{lesson_key}", "no-such-lesson")
                .replace("{code}", "no-such-certificate")
                .replace("{request_id}", "999999")
                .replace("{submission_id}", "999999")
                .replace("{draft_id}", "999999")
                .replace("{space_id}", "999999")
                .replace("{topic_id}", "999999")
                .replace("{post_id}", "999999")
                .replace("{offering_id}", "999999")
                .replace("{session_id}", "999999")
                .replace("{practice_id}", "999999")
                .replace("{tool_id}", "999999")
                .replace("{challenge_id}", "999999");
            for actor in ACTORS {
                let allowed = match (who, actor) {
                    (Anyone, _) => true,
                    (Operators, _) => false,
                    (_, None) => false,
                    (SignedIn, Some(_)) => true,
                    (Admins, Some(a)) => administers(a, target),
                    (Authors, Some(a)) => matches!(*a, "author" | "admin"),
                    (ProgrammeAdmins, Some(a)) => *a == "admin",
                    (Researchers, Some(a)) => matches!(*a, "researcher" | "admin"),
                    (Analysts, Some(a)) => {
                        matches!(*a, "researcher" | "dadmin" | "ladmin" | "admin")
                    }
                };
                let api = path.starts_with("/api/");
                let mut req = client.request(method.parse().unwrap(), format!("{}{url}", app.url));
                if let Some(a) = actor {
                    let secret = credential(&app, seed.user(a), api).await;
                    req = if api {
                        req.bearer_auth(secret)
                    } else {
                        req.header("cookie", format!("lyceum_session={secret}"))
                    };
                }
                req = match (*method, api) {
                    ("GET", _) => req,
                    (_, true) => req.header("content-type", "application/json").body("{}"),
                    (_, false) => req
                        .header("origin", app.url.clone())
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body(""),
                };
                let r = req.send().await.unwrap();
                let status = r.status().as_u16();
                let to_sign_in = r
                    .headers()
                    .get("location")
                    .is_some_and(|l| l.to_str().unwrap_or("").starts_with("/sign-in"));
                let refused = status == 401 || status == 403 || to_sign_in;
                if refused == allowed || status >= 500 {
                    failures.push(format!(
                        "{method} {path} [{target}] as {}: got {status}{}, expected {}",
                        actor.unwrap_or("anonymous"),
                        if to_sign_in { " (to sign-in)" } else { "" },
                        if allowed { "allowed" } else { "refused" }
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 1000);
}

/// A fresh session id (pages) or API token (API) for the person, made in the
/// database directly so that each request starts from a clean session.
async fn credential(app: &TestApp, user: UserId, api: bool) -> String {
    let (secret, _) = new_token().unwrap();
    let secret = if api { format!("lyc_{secret}") } else { secret };
    let hash = hash_token(&secret);
    let now = app.clock.now();
    app.db
        .write(move |c| {
            if api {
                api_tokens::create(
                    c,
                    user,
                    "matrix",
                    &hash,
                    lyceum_domain::api_token::Scopes::READ_WRITE,
                    now,
                    now.plus(Duration::from_secs(86_400)),
                )
                .map(|_| ())
            } else {
                sessions::create(c, &hash, user, now, now.plus(Duration::from_secs(3600)))
            }
        })
        .await
        .unwrap();
    secret
}

// ---- Nobody decides their own case; authoring follows the course's owner ----

/// What is being decided, and by whom it was made.
#[derive(Debug, Clone, Copy)]
enum Object {
    /// An outside PD request by this person (to where they hold their role).
    PdRequest(&'static str),
    /// A practice-task hand-in by this person.
    HandIn(&'static str),
    /// A draft of a new course by this author, sent for review (owned where
    /// they are an author).
    Draft(&'static str),
    /// Starting a new version of a published course owned by this organisation.
    VersionOf(&'static str),
}

/// (object, who tries to decide it or write it, allowed) — by hand. Authors
/// in this test: `author` at the root; `dadmin` and `facilitator` at the
/// district; `ladmin` at the local, beside it.
const SELF_CASES: &[(Object, &str, bool)] = &[
    // Deciding an outside PD request (`Actor::decides_pd_request`): never
    // one's own (`policy::own_case`); an admin's goes above them.
    (Object::PdRequest("educator"), "dadmin", true),
    (Object::PdRequest("dadmin"), "dadmin", false),
    (Object::PdRequest("dadmin"), "ladmin", false),
    (Object::PdRequest("dadmin"), "admin", true),
    (Object::PdRequest("admin"), "admin", false),
    // Reviewing a hand-in (`Actor::reviews_work_of`): never one's own, even as its facilitator.
    (Object::HandIn("facilitator"), "facilitator", false),
    (Object::HandIn("facilitator"), "dadmin", true),
    (Object::HandIn("educator"), "facilitator", true),
    // Publishing a draft (`Actor::reviews_draft`): never one's own; only
    // inside one's authoring scope.
    (Object::Draft("dadmin"), "dadmin", false),
    (Object::Draft("dadmin"), "ladmin", false),
    (Object::Draft("dadmin"), "facilitator", true),
    (Object::Draft("dadmin"), "author", true),
    (Object::Draft("author"), "author", false),
    (Object::Draft("author"), "facilitator", false),
    (Object::Draft("author"), "admin", true),
    // Writing a version: the course's owner decides who may.
    (Object::VersionOf("root"), "facilitator", false),
    (Object::VersionOf("root"), "dadmin", false),
    (Object::VersionOf("root"), "author", true),
    (Object::VersionOf("district"), "facilitator", true),
    (Object::VersionOf("district"), "ladmin", false),
    (Object::VersionOf("district"), "author", true),
];

/// Where each admin decides PD requests (the organisation they administer).
fn admin_org(seed: &Seed, who: &str) -> OrgId {
    match who {
        "admin" => seed.root,
        "ladmin" => seed.local,
        _ => seed.district,
    }
}

/// Where each person asks for PD hours (where they hold their role).
fn home_org(seed: &Seed, who: &str) -> OrgId {
    match who {
        "admin" => seed.root,
        "educator" => seed.school_a,
        _ => seed.district,
    }
}

fn task_course() -> serde_json::Value {
    serde_json::json!({
        "format": "lyceum-course/1", "slug": "own-work", "language": "en",
        "title": "Own work", "summary": "A task to hand in.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "Practice", "lessons": ["task"] }],
        "lessons": { "task": { "title": "Hand something in", "markdown": "Do it.",
            "task": { "instructions": "Write it.", "rubric": [{ "key": "done", "text": "Done" }],
                      "artefacts": ["text"] } } },
    })
}

fn new_course(slug: &str) -> serde_json::Value {
    serde_json::json!({
        "format": "lyceum-course/1", "slug": slug, "language": "en",
        "title": format!("Course {slug}"), "summary": "A course.", "pd_hours": 1,
        "delivery": "self-paced", "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": "One", "markdown": "Read this." } },
    })
}

#[tokio::test]
async fn nobody_decides_their_own_case_and_authoring_follows_the_owner() {
    let app = TestApp::start().await;
    let seed = app.seed().await;
    let mut people: HashMap<&str, Browser> = HashMap::new();
    for who in [
        "educator",
        "facilitator",
        "author",
        "dadmin",
        "ladmin",
        "admin",
    ] {
        let b = app.browser();
        b.sign_in(seed.email(who), PASSWORD).await;
        people.insert(who, b);
    }
    // Authors made by the admins, each in their own organisation.
    for (admin, who, org) in [
        ("dadmin", "dadmin", seed.district),
        ("dadmin", "facilitator", seed.district),
        ("ladmin", "ladmin", seed.local),
    ] {
        people[admin]
            .post(
                &format!("/orgs/{}/admin/roles", org.0),
                &[("email", seed.email(who)), ("role", "author")],
            )
            .await
            .expect("The role was given.");
    }
    app.import_course(&task_course(), None).await;
    app.import_course(&new_course("the-programmes"), None).await;
    app.import_course(&new_course("the-districts"), Some(seed.district))
        .await;

    let mut hand_ins: HashMap<&str, i64> = HashMap::new();
    let mut failures = Vec::new();
    for (n, (object, actor, allowed)) in SELF_CASES.iter().enumerate() {
        let b = &people[actor];
        let status = match object {
            Object::PdRequest(by) => {
                let title = format!("Request {n}");
                let form = OutsidePd::new(home_org(&seed, by), &title).form();
                people[by].post_multipart("/transcript/outside", form).await;
                let id = request_id(&app, title).await;
                let url = format!(
                    "/orgs/{}/admin/pd-requests/{id}/decide",
                    admin_org(&seed, actor).0
                );
                b.post(&url, &[("decision", "approved")]).await.status
            }
            Object::HandIn(by) => {
                let id = match hand_ins.get(by) {
                    Some(id) => *id,
                    None => {
                        let learner = &people[by];
                        learner.post("/courses/own-work/enrol", &[]).await;
                        let form = Form::new()
                            .text("artefact_text", format!("Work by {by}"))
                            .text("artefact_url", "")
                            .part("artefact_file", Part::bytes(Vec::new()).file_name(""));
                        learner
                            .post_multipart("/courses/own-work/lessons/task/task", form)
                            .await;
                        let id = hand_in_id(&app, seed.user(by)).await;
                        hand_ins.insert(by, id);
                        id
                    }
                };
                b.post(
                    &format!("/review/{id}"),
                    &[("decision", "accepted"), ("met", "done")],
                )
                .await
                .status
            }
            Object::Draft(by) => {
                let doc = new_course(&format!("draft-{n}")).to_string();
                let form = Form::new().part(
                    "file",
                    Part::bytes(doc.clone().into_bytes()).file_name("c.json"),
                );
                let draft = people[by].post_multipart("/authoring", form).await;
                assert_eq!(draft.status, 200, "{by} starts a draft");
                let path = draft.path;
                people[by]
                    .post(&path, &[("document", &doc), ("action", "submit")])
                    .await
                    .expect("Sent for review.");
                b.post(&format!("{path}/review"), &[("decision", "publish")])
                    .await
                    .status
            }
            Object::VersionOf(owner) => {
                let slug = if *owner == "root" {
                    "the-programmes"
                } else {
                    "the-districts"
                };
                b.post_multipart("/authoring", Form::new().text("from", slug))
                    .await
                    .status
            }
        };
        let refused = matches!(status, 403 | 404 | 422);
        if refused == *allowed || status >= 500 {
            failures.push(format!(
                "{object:?} by {actor}: got {status}, expected {}",
                if *allowed { "allowed" } else { "refused" }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- Community objects: who moderates which space; one's own posts ----

/// What is tried on a topic (started by the space's educator: `educator`
/// in the district's space, `moderator` in the local's).
#[derive(Debug, Clone, Copy)]
enum OnTopic {
    /// Locking it, in the space of this organisation (`Actor::moderates_space`).
    Lock(&'static str),
    /// Moving it from the first organisation's space to the second's
    /// (`Actor::moves_topic`: a moderator of both).
    Move(&'static str, &'static str),
    /// Editing its first post (`policy::edits_post`: only its author).
    Edit(&'static str),
    /// Accepting a reply as the answer to the question (`policy::accepts_answer`).
    Accept(&'static str),
}

/// (what, who, allowed) — by hand. `moderator` moderates the local;
/// `dadmin` administers the district; `admin` the programme.
const COMMUNITY_CASES: &[(OnTopic, &str, bool)] = &[
    (OnTopic::Lock("district"), "dadmin", true),
    (OnTopic::Lock("district"), "moderator", false),
    (OnTopic::Lock("district"), "educator", false),
    (OnTopic::Lock("local"), "moderator", true),
    (OnTopic::Lock("local"), "dadmin", false),
    (OnTopic::Lock("local"), "admin", true),
    (OnTopic::Move("local", "district"), "moderator", false),
    (OnTopic::Move("district", "local"), "dadmin", false),
    (OnTopic::Move("local", "district"), "admin", true),
    (OnTopic::Edit("district"), "educator", true),
    (OnTopic::Edit("district"), "dadmin", false),
    (OnTopic::Edit("local"), "admin", false),
    (OnTopic::Accept("district"), "educator", true),
    (OnTopic::Accept("district"), "dadmin", false),
    (OnTopic::Accept("local"), "moderator", true),
    (OnTopic::Accept("local"), "admin", false),
];

#[tokio::test]
async fn community_objects_answer_to_their_moderators_and_authors() {
    let app = TestApp::start().await;
    let seed = app.seed().await;
    // Past the new-account posting limit: every case posts.
    app.clock.advance(Duration::from_secs(8 * 86_400));
    let mut people: HashMap<&str, Browser> = HashMap::new();
    for who in ["educator", "moderator", "dadmin", "ladmin", "admin"] {
        let b = app.browser();
        b.sign_in(seed.email(who), PASSWORD).await;
        people.insert(who, b);
    }
    // An open space for each organisation, made by its admin.
    let mut spaces: HashMap<&str, String> = HashMap::new();
    for (admin, at, org) in [
        ("dadmin", "district", seed.district),
        ("ladmin", "local", seed.local),
    ] {
        let made = people[admin]
            .post(
                &format!("/orgs/{}/admin/spaces", org.0),
                &[
                    ("title", &format!("Space of the {at}")),
                    ("visibility", "open"),
                ],
            )
            .await;
        made.expect("Space created.");
        spaces.insert(at, made.path.clone());
    }
    let mut failures = Vec::new();
    for (n, (what, actor, allowed)) in COMMUNITY_CASES.iter().enumerate() {
        let at = match what {
            OnTopic::Lock(at) | OnTopic::Edit(at) | OnTopic::Accept(at) => *at,
            OnTopic::Move(from, _) => *from,
        };
        // A fresh question with one reply, by the space's own member.
        let asker = &people[if at == "district" {
            "educator"
        } else {
            "moderator"
        }];
        let topic = asker
            .post(
                &format!("{}/topics", spaces[at]),
                &[
                    ("title", &format!("Question {n}")),
                    ("kind", "question"),
                    ("body", "What works?"),
                ],
            )
            .await
            .path
            .clone();
        let topic_id: i64 = topic.trim_start_matches("/topics/").parse().unwrap();
        let replier = &people["admin"];
        replier
            .post(&format!("{topic}/replies"), &[("body", "This does.")])
            .await;
        let (first, reply) = post_ids(&app, topic_id).await;
        let b = &people[actor];
        let status = match what {
            OnTopic::Lock(_) => {
                b.post(
                    &format!("{topic}/moderate"),
                    &[("action", "lock"), ("why", "Settled.")],
                )
                .await
                .status
            }
            OnTopic::Move(_, to) => {
                let to = spaces[to].trim_start_matches("/spaces/").to_string();
                b.post(
                    &format!("{topic}/moderate"),
                    &[("action", "move"), ("to", &to), ("why", "Belongs there.")],
                )
                .await
                .status
            }
            OnTopic::Edit(_) => {
                b.post(&format!("/posts/{first}/edit"), &[("body", "Edited.")])
                    .await
                    .status
            }
            OnTopic::Accept(_) => {
                b.post(&format!("{topic}/accept"), &[("post", &reply.to_string())])
                    .await
                    .status
            }
        };
        let refused = matches!(status, 403 | 404 | 422);
        if refused == *allowed || status >= 500 {
            failures.push(format!(
                "{what:?} by {actor}: got {status}, expected {}",
                if *allowed { "allowed" } else { "refused" }
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A topic's first post and its last (the reply).
async fn post_ids(app: &TestApp, topic: i64) -> (i64, i64) {
    use diesel::prelude::*;
    use lyceum_db::schema::posts;
    let ids: Vec<i64> = app
        .db
        .read(move |c| {
            Ok(posts::table
                .filter(posts::topic_id.eq(topic))
                .order(posts::id)
                .select(posts::id)
                .load(c)?)
        })
        .await
        .unwrap();
    (ids[0], ids[ids.len() - 1])
}

/// Roster linking, person × the organisation a roster is imported for: may
/// a roster naming this person's email take their account in? Only an
/// educator whose every role lies inside the import's organisation
/// (security rule 4), written out by hand.
fn roster_may_link(person: &str, import_for: &str) -> bool {
    match person {
        // An educator at School A only.
        "educator" => matches!(import_for, "root" | "state" | "district" | "school_a"),
        // Facilitators, authors, moderators, admins, researchers: nowhere.
        // An account with no role at all: nowhere (it could belong anywhere).
        _ => false,
    }
}

#[tokio::test]
async fn roster_linking_for_every_person_and_import_scope() {
    use lyceum_db::DbError;
    use lyceum_db::roster::{self, Target};
    use lyceum_domain::oneroster::read_package;

    let app = TestApp::start().await;
    let seed = app.seed().await;
    let now = app.clock.now();
    app.db
        .write(move |c| {
            let email = lyceum_domain::email::EmailAddress::parse("nobody@example.org").unwrap();
            lyceum_db::users::insert(
                c,
                &lyceum_db::users::NewUser {
                    email: &email,
                    display_name: "Test nobody",
                    password_hash: None,
                    lang: lyceum_domain::i18n::Lang::En,
                    verified: true,
                },
                now,
            )
        })
        .await
        .unwrap();
    let people = [
        "educator",
        "facilitator",
        "author",
        "moderator",
        "researcher",
        "dadmin",
        "ladmin",
        "admin",
        "nobody",
    ];
    let mut failures = Vec::new();
    for person in people {
        for import_for in TARGETS {
            let files = std::collections::BTreeMap::from([
                (
                    "manifest.csv".to_string(),
                    b"propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.users,bulk\n".to_vec(),
                ),
                (
                    "users.csv".to_string(),
                    format!(
                        "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\nu1,,,true,x,Test,{person},{person}@example.org\n"
                    )
                    .into_bytes(),
                ),
            ]);
            let package = read_package(&files).unwrap();
            let target = Target {
                source: format!("matrix-{import_for}"),
                org: org(&seed, import_for),
                actor: None,
            };
            let linked = match roster::import(&app.db, package, target, true, now, |_| {}).await {
                Ok(summary) => summary.linked == 1,
                Err(DbError::Roster(p)) if p.iter().all(|p| p.code == "account-not-linkable") => {
                    false
                }
                Err(e) => panic!("{person} for {import_for}: {e}"),
            };
            if linked != roster_may_link(person, import_for) {
                failures.push(format!(
                    "{person} by a roster for {import_for}: {}",
                    if linked { "linked" } else { "refused" }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---- Courses exist for whom their owner says ----

/// (who — None: not signed in — sees the course)
type Sees = &'static [(Option<&'static str>, bool)];

/// (the course's owner, who, sees it) — by hand. A course the programme
/// owns is everyone's; another is there for those who belong at or below its
/// owner, its authors (`author` at the root) and the admins and facilitators
/// above it; for
/// everyone else it does not exist (404), like a members-only space.
const COURSE_CASES: &[(&str, Sees)] = &[
    (
        "root",
        &[
            (None, true),
            (Some("educator"), true),
            (Some("facilitator"), true),
            (Some("author"), true),
            (Some("moderator"), true),
            (Some("researcher"), true),
            (Some("dadmin"), true),
            (Some("ladmin"), true),
            (Some("admin"), true),
        ],
    ),
    (
        "state",
        &[
            (None, false),
            (Some("educator"), true),
            (Some("facilitator"), true),
            (Some("author"), true),
            (Some("moderator"), true),
            (Some("researcher"), false),
            (Some("dadmin"), true),
            (Some("ladmin"), true),
            (Some("admin"), true),
        ],
    ),
    (
        "district",
        &[
            (None, false),
            (Some("educator"), true),
            (Some("facilitator"), true),
            (Some("author"), true),
            (Some("moderator"), false),
            (Some("researcher"), false),
            (Some("dadmin"), true),
            (Some("ladmin"), false),
            (Some("admin"), true),
        ],
    ),
    (
        "school_a",
        &[
            (None, false),
            (Some("educator"), true),
            // Above the school: facilitators review its learners' work.
            (Some("facilitator"), true),
            (Some("author"), true),
            (Some("moderator"), false),
            (Some("researcher"), false),
            (Some("dadmin"), true),
            (Some("ladmin"), false),
            (Some("admin"), true),
        ],
    ),
    (
        "local",
        &[
            (None, false),
            (Some("educator"), false),
            (Some("facilitator"), false),
            (Some("author"), true),
            (Some("moderator"), true),
            (Some("researcher"), false),
            (Some("dadmin"), false),
            (Some("ladmin"), true),
            (Some("admin"), true),
        ],
    ),
];

#[tokio::test]
async fn courses_exist_for_whom_their_owner_says() {
    let app = TestApp::start().await;
    let seed = app.seed().await;
    for (owner, _) in COURSE_CASES {
        let org = (*owner != "root").then(|| org(&seed, owner));
        let slug = format!("owned-by-{}", owner.replace('_', "-"));
        app.import_course(&new_course(&slug), org).await;
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let mut failures = Vec::new();
    for (owner, cases) in COURSE_CASES {
        let course = format!("/courses/owned-by-{}", owner.replace('_', "-"));
        for (actor, sees) in *cases {
            let cookie = match actor {
                Some(a) => Some(format!(
                    "lyceum_session={}",
                    credential(&app, seed.user(a), false).await
                )),
                None => None,
            };
            let mut tried = vec![
                ("GET", course.clone()),
                ("GET", format!("{course}/lessons/one")),
            ];
            if actor.is_some() {
                tried.push(("POST", format!("{course}/enrol")));
            }
            for (method, url) in tried {
                let mut req = client.request(method.parse().unwrap(), format!("{}{url}", app.url));
                if let Some(cookie) = &cookie {
                    req = req.header("cookie", cookie);
                }
                if method == "POST" {
                    req = req
                        .header("origin", app.url.clone())
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body("");
                }
                let status = req.send().await.unwrap().status().as_u16();
                let ok = if *sees {
                    matches!(status, 200 | 303)
                } else {
                    status == 404
                };
                if !ok {
                    failures.push(format!(
                        "{method} {url} as {}: got {status}, expected {}",
                        actor.unwrap_or("anonymous"),
                        if *sees { "the course" } else { "404" }
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn request_id(app: &TestApp, title: String) -> i64 {
    use diesel::prelude::*;
    use lyceum_db::schema::pd_requests;
    app.db
        .read(move |c| {
            Ok(pd_requests::table
                .filter(pd_requests::title.eq(title))
                .select(pd_requests::id)
                .first::<i64>(c)?)
        })
        .await
        .unwrap()
}

async fn hand_in_id(app: &TestApp, learner: UserId) -> i64 {
    use diesel::prelude::*;
    use lyceum_db::schema::task_submissions;
    app.db
        .read(move |c| {
            Ok(task_submissions::table
                .filter(task_submissions::user_id.eq(learner.0))
                .select(task_submissions::id)
                .first::<i64>(c)?)
        })
        .await
        .unwrap()
}
