//! The OpenAPI 3.1 description of `/api/v1`, generated from the handlers.

use axum::Json;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityRequirement, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Lyceum API",
        description = "Teacher-led AI professional learning. Authenticate with a personal access \
                       token (Account → API tokens) sent as `Authorization: Bearer lyc_…`. Errors \
                       are JSON with a stable `code`; messages follow `Accept-Language` (en, es)."
    ),
    paths(
        super::me::show,
        super::me::update_profile,
        super::me::export,
        super::my_learning::show,
        super::orgs::show,
        super::orgs::update,
        super::orgs::children,
        super::orgs::create_child,
        super::orgs::people,
        super::orgs::grant,
        super::orgs::revoke,
        super::orgs::invite,
        super::admin::overview,
        super::admin::person,
        super::admin::decided,
        super::admin::resend,
        super::community::spaces,
        super::community::follow,
        super::community::topics,
        super::community::start,
        super::community::mentionable,
        super::community::posts,
        super::community::reply,
        super::community::notifications,
        super::community::notification_settings,
        super::community::set_notification_settings,
        super::community::flag,
        super::community::search_posts,
        super::competencies::list,
        super::competencies::show,
        super::competencies::competency,
        super::courses::catalogue,
        super::courses::show,
        super::courses::lesson,
        super::drafts::show,
        super::drafts::replace,
        super::learning::enrol,
        super::learning::show_progress,
        super::learning::enrolments,
        super::learning::finish,
        super::learning::move_to_current,
        super::learning::switch_language,
        super::learning::attempts,
        super::learning::attempt,
        super::practice::reflect,
        super::practice::hand_ins,
        super::practice::hand_in,
        super::practice::queue,
        super::practice::review,
        super::literacy::show,
        super::literacy::assess,
        super::credit::transcript,
        super::credit::transcript_csv,
        super::credit::submit,
        super::credit::mine,
        super::credit::queue,
        super::credit::decide,
        super::credit::own_evidence,
        super::credit::evidence,
        super::credit::certificates,
        super::credit::verify,
        super::credit::verify_pdf,
        super::credit::revoke,
    ),
    tags((name = "me", description = "Your own account"), (name = "orgs", description = "Organisations and their people"),
          (name = "community", description = "Spaces, topics, posts and notifications"),
          (name = "learning", description = "Competencies, the catalogue, courses, enrolment, quizzes, progress, reflections and practice tasks"),
          (name = "credit", description = "The PD transcript, outside PD requests and certificates"),
          (name = "authoring", description = "Course drafts as course files (lyceum-course/1)"),
          (name = "workshops", description = "Workshop offerings, their sessions, registrations, attendance, calendars and surveys"),
          (name = "library", description = "The practice library: classroom practices, trial reports, evidence tiers and resources"))
)]
pub struct ApiDoc;

/// The bearer scheme with its scopes, and each operation's scope: `read`
/// for GET, `write` for anything that changes something (as
/// `context::api_context` enforces).
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description = Some(
            "A personal access token (`lyc_…`) made on Account → API tokens with your \
             password. Each token has scopes: `read` allows GET requests; `write` (shown \
             as “Read and change”) also allows POST, PUT and DELETE. A request without \
             the scope it needs gets 403 `insufficient_scope`. Tokens stop working after \
             30, 90 or 365 days, when revoked, and when the password is reset."
                .into(),
        );
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("bearer", SecurityScheme::Http(scheme));
        for item in openapi.paths.paths.values_mut() {
            let with_scope = |op: &mut Option<Operation>, scope: &str| {
                if let Some(op) = op.as_mut().filter(|o| o.security.is_some()) {
                    // An operation that also answers without a token (the
                    // radar, while published) keeps its empty requirement.
                    let optional = op
                        .security
                        .as_ref()
                        .is_some_and(|s| s.contains(&SecurityRequirement::default()));
                    let bearer = SecurityRequirement::new("bearer", [scope]);
                    op.security = Some(if optional {
                        vec![SecurityRequirement::default(), bearer]
                    } else {
                        vec![bearer]
                    });
                }
            };
            with_scope(&mut item.get, "read");
            with_scope(&mut item.head, "read");
            for op in [
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ] {
                with_scope(op, "write");
            }
        }
    }
}

/// The whole document: the operations above, those of the areas that keep
/// their own list (workshops, the library), and each operation's scope.
pub fn spec() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    for part in super::workshops::docs()
        .into_iter()
        .chain(super::library::docs())
        .chain(std::iter::once(super::radar::Doc::openapi()))
        .chain(std::iter::once(super::registry::Doc::openapi()))
        .chain(std::iter::once(super::programme::Doc::openapi()))
        .chain(std::iter::once(super::analytics::Doc::openapi()))
    {
        doc.merge(part);
    }
    Bearer.modify(&mut doc);
    doc
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(spec())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use utoipa::OpenApi;

    /// `OpenApi::merge` keeps the first schema of a name and silently drops
    /// the rest, so two parts that each define, say, `DraftDto` would
    /// publish one part's answers under the other's schema. Every name must
    /// mean one schema across all the parts.
    #[test]
    fn no_two_parts_define_a_schema_under_one_name() {
        let parts = std::iter::once(super::ApiDoc::openapi())
            .chain(super::super::workshops::docs())
            .chain(super::super::library::docs())
            .chain(std::iter::once(super::super::radar::Doc::openapi()))
            .chain(std::iter::once(super::super::registry::Doc::openapi()))
            .chain(std::iter::once(super::super::programme::Doc::openapi()))
            .chain(std::iter::once(super::super::analytics::Doc::openapi()));
        let mut seen: BTreeMap<String, serde_json::Value> = BTreeMap::new();
        let mut clashes = Vec::new();
        for part in parts {
            let Some(components) = part.components else {
                continue;
            };
            for (name, schema) in components.schemas {
                let schema = serde_json::to_value(schema).expect("a schema serialises");
                match seen.get(&name) {
                    Some(earlier) if *earlier != schema => clashes.push(name),
                    Some(_) => {}
                    None => {
                        seen.insert(name, schema);
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "schemas defined twice: {clashes:?}");
    }
}
