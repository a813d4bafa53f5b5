//! The JSON API under `/api/v1`, for the same entities as the pages.
//! Authenticated by personal access tokens (`Authorization: Bearer lyc_…`);
//! errors are `{"error": {"code", "message", "fields"?, "detail"?}}` with
//! stable codes. Described by the OpenAPI document at `/api/openapi.json`.

mod admin;
mod analytics;
mod community;
mod competencies;
mod courses;
mod credit;
mod drafts;
mod dto;
mod learning;
mod library;
mod literacy;
mod me;
mod my_learning;
pub mod openapi;
mod orgs;
mod practice;
mod programme;
mod radar;
mod registry;
mod workshops;

use crate::gate::Access::{Authors, Org, Public, SignedIn};
use crate::routes::{DELETE, GET, POST, PUT, Routes};
use lyceum_domain::policy::Action::{AdministerOrg, ViewPeople};

/// Registered relative to `/api`, where the router is nested.
pub fn routes(r: Routes) -> Routes {
    let r = registry::routes(radar::routes(library::routes(workshops::routes(r))));
    analytics::routes(programme::routes(r))
        .add(GET, "/openapi.json", Public, openapi::document)
        .add(GET, "/v1/me", SignedIn, me::show)
        .add(PUT, "/v1/me/profile", SignedIn, me::update_profile)
        .add(GET, "/v1/me/export", SignedIn, me::export)
        .add(GET, "/v1/me/learning", SignedIn, my_learning::show)
        .add(GET, "/v1/frameworks", SignedIn, competencies::list)
        .add(
            GET,
            "/v1/frameworks/{framework_id}",
            SignedIn,
            competencies::show,
        )
        .add(
            GET,
            "/v1/frameworks/{framework_id}/competencies/{competency_id}",
            SignedIn,
            competencies::competency,
        )
        .add(GET, "/v1/drafts/{draft_id}", Authors, drafts::show)
        .add_upload(
            PUT,
            "/v1/drafts/{draft_id}",
            Authors,
            drafts::replace,
            crate::draft_actions::MAX_DOCUMENT,
        )
        .add(GET, "/v1/courses", SignedIn, courses::catalogue)
        .add(GET, "/v1/courses/{slug}", SignedIn, courses::show)
        .add(
            GET,
            "/v1/courses/{slug}/lessons/{lesson_key}",
            SignedIn,
            courses::lesson,
        )
        .add(POST, "/v1/courses/{slug}/enrol", SignedIn, learning::enrol)
        .add(
            GET,
            "/v1/courses/{slug}/progress",
            SignedIn,
            learning::show_progress,
        )
        .add(
            POST,
            "/v1/courses/{slug}/move",
            SignedIn,
            learning::move_to_current,
        )
        .add(
            POST,
            "/v1/courses/{slug}/switch",
            SignedIn,
            learning::switch_language,
        )
        .add(
            POST,
            "/v1/courses/{slug}/lessons/{lesson_key}/finish",
            SignedIn,
            learning::finish,
        )
        .add(
            GET,
            "/v1/courses/{slug}/lessons/{lesson_key}/attempts",
            SignedIn,
            learning::attempts,
        )
        .add(
            POST,
            "/v1/courses/{slug}/lessons/{lesson_key}/attempts",
            SignedIn,
            learning::attempt,
        )
        .add(GET, "/v1/enrolments", SignedIn, learning::enrolments)
        .add(
            POST,
            "/v1/courses/{slug}/lessons/{lesson_key}/reflection",
            SignedIn,
            practice::reflect,
        )
        .add(
            GET,
            "/v1/courses/{slug}/lessons/{lesson_key}/hand-ins",
            SignedIn,
            practice::hand_ins,
        )
        .add_upload(
            POST,
            "/v1/courses/{slug}/lessons/{lesson_key}/hand-ins",
            SignedIn,
            practice::hand_in,
            // The file and the form around it, as the page's.
            lyceum_domain::evidence::MAX_EVIDENCE_BYTES + 64 * 1024,
        )
        .add(GET, "/v1/review", SignedIn, practice::queue)
        .add(
            POST,
            "/v1/review/{submission_id}",
            SignedIn,
            practice::review,
        )
        .add(GET, "/v1/literacy", SignedIn, literacy::show)
        .add(
            PUT,
            "/v1/literacy/self-assessment",
            SignedIn,
            literacy::assess,
        )
        .add(GET, "/v1/transcript", SignedIn, credit::transcript)
        .add(GET, "/v1/transcript.csv", SignedIn, credit::transcript_csv)
        .add(GET, "/v1/pd-requests", SignedIn, credit::mine)
        .add_upload(
            POST,
            "/v1/pd-requests",
            SignedIn,
            credit::submit,
            // The file and the form around it, as the page's.
            lyceum_domain::evidence::MAX_EVIDENCE_BYTES + 64 * 1024,
        )
        .add(
            GET,
            "/v1/orgs/{org_id}/pd-requests",
            Org(AdministerOrg),
            credit::queue,
        )
        .add(
            POST,
            "/v1/orgs/{org_id}/pd-requests/{request_id}/decision",
            Org(AdministerOrg),
            credit::decide,
        )
        .add(
            GET,
            "/v1/pd-requests/{request_id}/evidence",
            SignedIn,
            credit::own_evidence,
        )
        .add(
            GET,
            "/v1/orgs/{org_id}/pd-requests/{request_id}/evidence",
            Org(AdministerOrg),
            credit::evidence,
        )
        .add(GET, "/v1/certificates", SignedIn, credit::certificates)
        .add(GET, "/v1/certificates/{code}", Public, credit::verify)
        .add(
            GET,
            "/v1/certificates/{code}/pdf",
            Public,
            credit::verify_pdf,
        )
        .add(
            POST,
            "/v1/orgs/{org_id}/certificates/{code}/revoke",
            Org(AdministerOrg),
            credit::revoke,
        )
        .add(GET, "/v1/spaces", SignedIn, community::spaces)
        .add(
            PUT,
            "/v1/spaces/{space_id}/follow",
            SignedIn,
            community::follow,
        )
        .add(
            GET,
            "/v1/spaces/{space_id}/topics",
            SignedIn,
            community::topics,
        )
        .add(
            POST,
            "/v1/spaces/{space_id}/topics",
            SignedIn,
            community::start,
        )
        .add(
            GET,
            "/v1/spaces/{space_id}/mentionable",
            SignedIn,
            community::mentionable,
        )
        .add(
            GET,
            "/v1/topics/{topic_id}/posts",
            SignedIn,
            community::posts,
        )
        .add(
            POST,
            "/v1/topics/{topic_id}/replies",
            SignedIn,
            community::reply,
        )
        .add(GET, "/v1/notifications", SignedIn, community::notifications)
        .add(
            GET,
            "/v1/notifications/settings",
            SignedIn,
            community::notification_settings,
        )
        .add(
            PUT,
            "/v1/notifications/settings",
            SignedIn,
            community::set_notification_settings,
        )
        .add(POST, "/v1/posts/{post_id}/flags", SignedIn, community::flag)
        .add(GET, "/v1/search/posts", SignedIn, community::search_posts)
        .add(GET, "/v1/orgs/{org_id}", SignedIn, orgs::show)
        .add(PUT, "/v1/orgs/{org_id}", Org(AdministerOrg), orgs::update)
        .add(GET, "/v1/orgs/{org_id}/children", SignedIn, orgs::children)
        .add(
            POST,
            "/v1/orgs/{org_id}/children",
            Org(AdministerOrg),
            orgs::create_child,
        )
        .add(
            GET,
            "/v1/orgs/{org_id}/people",
            Org(ViewPeople),
            orgs::people,
        )
        .add(
            POST,
            "/v1/orgs/{org_id}/memberships",
            Org(AdministerOrg),
            orgs::grant,
        )
        .add(
            DELETE,
            "/v1/orgs/{org_id}/memberships/{membership_id}",
            Org(AdministerOrg),
            orgs::revoke,
        )
        .add(
            POST,
            "/v1/orgs/{org_id}/invitations",
            Org(AdministerOrg),
            orgs::invite,
        )
        .add(
            POST,
            "/v1/orgs/{org_id}/invitations/{invitation_id}/resend",
            Org(AdministerOrg),
            admin::resend,
        )
        .add(
            GET,
            "/v1/orgs/{org_id}/overview",
            Org(AdministerOrg),
            admin::overview,
        )
        .add(
            GET,
            "/v1/orgs/{org_id}/people/{user_id}",
            Org(ViewPeople),
            admin::person,
        )
        .add(
            GET,
            "/v1/orgs/{org_id}/pd-requests/decided",
            Org(AdministerOrg),
            admin::decided,
        )
}
