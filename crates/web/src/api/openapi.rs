//! The OpenAPI 3.1 description of `/api/v1`, generated from the handlers.

use axum::Json;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
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
        super::orgs::show,
        super::orgs::update,
        super::orgs::children,
        super::orgs::create_child,
        super::orgs::people,
        super::orgs::grant,
        super::orgs::revoke,
        super::orgs::invite,
        super::community::spaces,
        super::community::topics,
        super::community::start,
        super::community::posts,
        super::community::reply,
        super::community::notifications,
    ),
    modifiers(&Bearer),
    tags((name = "me", description = "Your own account"), (name = "orgs", description = "Organisations and their people"),
          (name = "community", description = "Spaces, topics, posts and notifications"))
)]
pub struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "bearer",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
            );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
