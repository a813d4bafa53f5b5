//! The pages: server-rendered HTML that works without JavaScript.

mod account;
mod admin_overview;
mod analytics;
mod auth;
mod authoring;
mod choices;
mod community;
mod competencies;
mod course_editor;
mod courses;
mod credit;
mod domains;
mod home;
mod info;
mod invitations;
mod join;
mod language;
mod learning;
mod library;
mod literacy;
mod moderation;
mod my_learning;
mod org_admin;
mod orgs;
mod pd_requests;
mod people;
mod person_record;
mod practice;
mod profile;
mod programme_settings;
mod radar;
mod recovery;
mod register;
mod registry;
mod roster_import;
mod sso;
mod sso_admin;
mod tokens;
mod welcome;
mod workshops;

pub use choices::Choice;
pub use competencies::named_competencies;

use crate::gate::Access::{Authors, Org, Public, SignedIn};
use crate::routes::{GET, POST, Routes};
use lyceum_domain::paths;
use lyceum_domain::policy::Action::{AdministerOrg, ApproveDomains, ViewPeople};

pub fn routes(r: Routes) -> Routes {
    analytics::routes(registry::routes(radar::routes(library::routes(
        workshops::routes(r),
    ))))
    .add(GET, "/", Public, home::show)
    .add(GET, "/sign-in", Public, auth::sign_in_form)
    .add(POST, "/sign-in", Public, auth::sign_in)
    .add(POST, "/sign-out", Public, auth::sign_out)
    .add(GET, "/sign-in/sso", Public, sso::find)
    .add(GET, "/sign-in/sso/start/{provider_id}", Public, sso::start)
    .add(
        POST,
        "/sign-in/sso/start/{provider_id}",
        Public,
        sso::start_post,
    )
    .add(
        GET,
        "/sign-in/sso/callback/{provider_id}",
        Public,
        sso::callback,
    )
    .add(GET, "/help", Public, info::help)
    .add(GET, "/privacy", Public, info::privacy)
    .add(GET, "/accessibility", Public, info::accessibility)
    .add(GET, "/competencies", Public, competencies::list)
    .add(
        GET,
        "/competencies/{framework_id}",
        Public,
        competencies::show,
    )
    .add(GET, "/courses", Public, courses::catalogue)
    .add(GET, "/courses/{slug}", Public, courses::show)
    .add(
        GET,
        "/courses/{slug}/lessons/{lesson_key}",
        Public,
        courses::lesson,
    )
    .add(POST, "/courses/{slug}/enrol", SignedIn, learning::enrol)
    .add(
        POST,
        "/courses/{slug}/move",
        SignedIn,
        learning::move_to_current,
    )
    .add(
        POST,
        "/courses/{slug}/switch",
        SignedIn,
        learning::switch_language,
    )
    .add(
        POST,
        "/courses/{slug}/lessons/{lesson_key}/quiz",
        SignedIn,
        learning::quiz,
    )
    .add(
        POST,
        "/courses/{slug}/lessons/{lesson_key}/reflection",
        SignedIn,
        practice::reflect,
    )
    .add_upload(
        POST,
        "/courses/{slug}/lessons/{lesson_key}/task",
        SignedIn,
        practice::hand_in,
        practice::MAX_UPLOAD,
    )
    .add(GET, "/authoring", Authors, authoring::list)
    .add_upload(
        POST,
        "/authoring",
        Authors,
        authoring::create,
        authoring::MAX_DOCUMENT,
    )
    .add(GET, "/authoring/{draft_id}", Authors, authoring::show)
    .add_upload(
        POST,
        "/authoring/{draft_id}",
        Authors,
        authoring::save,
        authoring::MAX_DOCUMENT,
    )
    .add(
        POST,
        "/authoring/{draft_id}/review",
        Authors,
        authoring::review,
    )
    .add(POST, "/authoring/new", Authors, course_editor::start)
    .add(
        GET,
        "/authoring/{draft_id}/edit",
        Authors,
        course_editor::outline,
    )
    .add(
        POST,
        "/authoring/{draft_id}/edit",
        Authors,
        course_editor::edit,
    )
    .add(
        GET,
        "/authoring/{draft_id}/lessons/{lesson_key}",
        Authors,
        course_editor::lesson,
    )
    .add_upload(
        POST,
        "/authoring/{draft_id}/lessons/{lesson_key}",
        Authors,
        course_editor::edit_lesson,
        course_editor::MAX_LESSON_FORM,
    )
    .add(GET, "/spaces", SignedIn, community::list)
    .add(GET, "/spaces/search", SignedIn, community::search)
    .add(GET, "/spaces/{space_id}", SignedIn, community::show)
    .add(
        POST,
        "/spaces/{space_id}/follow",
        SignedIn,
        community::follow,
    )
    .add(POST, "/spaces/{space_id}/mute", SignedIn, community::mute)
    .add(
        GET,
        "/spaces/{space_id}/mentionable",
        SignedIn,
        community::mentionable,
    )
    .add(
        POST,
        "/spaces/{space_id}/topics",
        SignedIn,
        community::start,
    )
    .add(GET, "/topics/{topic_id}", SignedIn, community::topic)
    .add(
        POST,
        "/topics/{topic_id}/replies",
        SignedIn,
        community::reply,
    )
    .add(
        POST,
        "/topics/{topic_id}/moderate",
        SignedIn,
        community::moderate,
    )
    .add(
        POST,
        "/topics/{topic_id}/accept",
        SignedIn,
        community::accept,
    )
    .add(
        GET,
        paths::NOTIFICATIONS,
        SignedIn,
        community::notifications,
    )
    .add(POST, "/notifications/read", SignedIn, community::mark_read)
    .add(POST, "/notifications/digest", SignedIn, community::digest)
    .add(
        GET,
        paths::DIGEST_UNSUBSCRIBE,
        Public,
        community::unsubscribe,
    )
    .add(GET, "/posts/{post_id}/edit", SignedIn, community::edit_form)
    .add(POST, "/posts/{post_id}/edit", SignedIn, community::edit)
    .add(
        GET,
        "/posts/{post_id}/delete",
        SignedIn,
        community::delete_form,
    )
    .add(POST, "/posts/{post_id}/delete", SignedIn, community::delete)
    .add(
        GET,
        "/posts/{post_id}/flag",
        SignedIn,
        moderation::flag_form,
    )
    .add(POST, "/posts/{post_id}/flag", SignedIn, moderation::flag)
    .add(POST, "/posts/{post_id}/react", SignedIn, community::react)
    .add(GET, "/moderation", SignedIn, moderation::queue)
    .add(
        POST,
        "/moderation/posts/{post_id}",
        SignedIn,
        moderation::decide,
    )
    .add(
        POST,
        "/moderation/posts/{post_id}/suspend-author",
        SignedIn,
        moderation::suspend_author,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/spaces",
        Org(AdministerOrg),
        community::admin_list,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/spaces",
        Org(AdministerOrg),
        community::admin_create,
    )
    .add(GET, "/learning", SignedIn, my_learning::show)
    .add(GET, "/literacy", SignedIn, literacy::show)
    .add(POST, "/literacy", SignedIn, literacy::assess)
    .add(GET, "/review", SignedIn, practice::queue)
    .add(POST, "/review/{submission_id}", SignedIn, practice::decide)
    .add(
        GET,
        "/review/{submission_id}/file",
        SignedIn,
        practice::file,
    )
    .add(GET, "/transcript", SignedIn, credit::transcript)
    .add(GET, "/transcript.csv", SignedIn, credit::transcript_csv)
    .add(GET, "/transcript/outside", SignedIn, pd_requests::form)
    .add_upload(
        POST,
        "/transcript/outside",
        SignedIn,
        pd_requests::submit,
        pd_requests::MAX_UPLOAD,
    )
    .add(
        GET,
        "/transcript/outside/{request_id}/evidence",
        SignedIn,
        pd_requests::own_evidence,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/pd-requests",
        Org(AdministerOrg),
        pd_requests::list,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/pd-requests/{request_id}/decide",
        Org(AdministerOrg),
        pd_requests::decide,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/pd-requests/{request_id}/evidence",
        Org(AdministerOrg),
        pd_requests::evidence,
    )
    .add(GET, paths::CERTIFICATE, Public, credit::certificate)
    .add(GET, paths::CERTIFICATE_PDF, Public, credit::certificate_pdf)
    .add(
        POST,
        "/orgs/{org_id}/admin/certificates/{code}/revoke",
        Org(AdministerOrg),
        credit::revoke,
    )
    .add(
        POST,
        "/courses/{slug}/lessons/{lesson_key}/finish",
        SignedIn,
        learning::finish,
    )
    .add(GET, "/register", Public, register::form)
    .add(POST, "/register", Public, register::submit)
    .add(GET, "/verify-email", Public, recovery::verify_email)
    .add(GET, "/resend-verification", Public, recovery::resend_form)
    .add(POST, "/resend-verification", Public, recovery::resend)
    .add(GET, "/forgot-password", Public, recovery::forgot_form)
    .add(POST, "/forgot-password", Public, recovery::forgot)
    .add(GET, "/reset-password", Public, recovery::reset_form)
    .add(POST, "/reset-password", Public, recovery::reset)
    .add(GET, "/confirm-email", Public, account::confirm_email)
    .add(POST, "/language", Public, language::switch)
    .add(GET, "/invitations/{token}", Public, invitations::show)
    .add(
        POST,
        "/invitations/{token}/register",
        Public,
        invitations::register,
    )
    .add(
        POST,
        "/invitations/{token}/accept",
        SignedIn,
        invitations::accept,
    )
    .add(GET, "/join", SignedIn, join::form)
    .add(POST, "/join", SignedIn, join::submit)
    .add(GET, "/welcome", SignedIn, welcome::form)
    .add(POST, "/welcome", SignedIn, welcome::save)
    .add(GET, "/profile", SignedIn, profile::form)
    .add(POST, "/profile", SignedIn, profile::save)
    .add(GET, "/account", SignedIn, account::overview)
    .add(GET, "/account/email", SignedIn, account::email_form)
    .add(POST, "/account/email", SignedIn, account::change_email)
    .add(GET, "/account/password", SignedIn, account::password_form)
    .add(
        POST,
        "/account/password",
        SignedIn,
        account::change_password,
    )
    .add(GET, "/account/export", SignedIn, account::export)
    .add(GET, "/account/delete", SignedIn, account::delete_form)
    .add(POST, "/account/delete", SignedIn, account::delete)
    .add(GET, "/account/tokens", SignedIn, tokens::list)
    .add(POST, "/account/tokens", SignedIn, tokens::create)
    .add(
        POST,
        "/account/tokens/{token_id}/revoke",
        SignedIn,
        tokens::revoke,
    )
    // The programme's settings: its admins only, asked by the handler
    // (`programme_settings_actions::require_manager`) and again in the write.
    .add(GET, "/admin/programme", SignedIn, programme_settings::show)
    .add(POST, "/admin/programme", SignedIn, programme_settings::save)
    .add(GET, "/orgs", SignedIn, orgs::index)
    .add(GET, "/orgs/{org_id}", SignedIn, orgs::show)
    .add(GET, "/orgs/{org_id}/people", Org(ViewPeople), people::list)
    .add(
        GET,
        "/orgs/{org_id}/people.csv",
        Org(ViewPeople),
        people::export,
    )
    .add(
        GET,
        "/orgs/{org_id}/people/{user_id}",
        Org(ViewPeople),
        person_record::show,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/overview",
        Org(AdministerOrg),
        admin_overview::show,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin",
        Org(AdministerOrg),
        org_admin::details_form,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin",
        Org(AdministerOrg),
        org_admin::save_details,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/new",
        Org(AdministerOrg),
        org_admin::new_child_form,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/new",
        Org(AdministerOrg),
        org_admin::create_child,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/joining",
        Org(AdministerOrg),
        org_admin::joining,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/domains",
        Org(AdministerOrg),
        org_admin::add_domain,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/domains/remove",
        Org(AdministerOrg),
        org_admin::remove_domain,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/domains/{domain_id}",
        Org(AdministerOrg),
        domains::show,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/domains/{domain_id}/check",
        Org(AdministerOrg),
        domains::check,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/domains/{domain_id}/approve",
        Org(ApproveDomains),
        domains::approve,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/domain-approvals",
        Org(ApproveDomains),
        domains::queue,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/join-codes",
        Org(AdministerOrg),
        org_admin::create_join_code,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/join-codes/{code_id}/revoke",
        Org(AdministerOrg),
        org_admin::revoke_join_code,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/invitations",
        Org(AdministerOrg),
        org_admin::invitations,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/invitations",
        Org(AdministerOrg),
        org_admin::invite,
    )
    .add_upload(
        POST,
        "/orgs/{org_id}/admin/invitations/list",
        Org(AdministerOrg),
        org_admin::invite_list,
        1024 * 1024,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/invitations/{invitation_id}/revoke",
        Org(AdministerOrg),
        org_admin::revoke_invitation,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/invitations/{invitation_id}/resend",
        Org(AdministerOrg),
        org_admin::resend_invitation,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/import",
        Org(AdministerOrg),
        roster_import::form,
    )
    .add_upload(
        POST,
        "/orgs/{org_id}/admin/import",
        Org(AdministerOrg),
        roster_import::upload,
        roster_import::MAX_UPLOAD,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/import/checked",
        Org(AdministerOrg),
        roster_import::import_checked,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/import/template/{file}",
        Org(AdministerOrg),
        roster_import::template,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/roles",
        Org(AdministerOrg),
        org_admin::roles,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/roles",
        Org(AdministerOrg),
        org_admin::grant_role,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/roles/{membership_id}/remove",
        Org(AdministerOrg),
        org_admin::remove_role,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/sso",
        Org(AdministerOrg),
        sso_admin::list,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/sso",
        Org(AdministerOrg),
        sso_admin::create,
    )
    .add(
        GET,
        "/orgs/{org_id}/admin/sso/{provider_id}",
        Org(AdministerOrg),
        sso_admin::edit_form,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/sso/{provider_id}",
        Org(AdministerOrg),
        sso_admin::save,
    )
    .add(
        POST,
        "/orgs/{org_id}/admin/sso/{provider_id}/remove",
        Org(AdministerOrg),
        sso_admin::remove,
    )
}
