//! The practice library in the API: practices, drafts, review and follows
//! (`practices`), browsing and search (`browse`), trial reports and the
//! researchers' export (`trials`), evidence tiers (`tiers`), resources
//! (`resources`) and the resources linked from practices and lessons
//! (`links`). Each module keeps its own OpenAPI list (`Doc`), merged
//! into the document by `openapi::spec`.

mod browse;
mod links;
mod practices;
mod resources;
mod tiers;
mod trials;

use crate::routes::Routes;
use utoipa::OpenApi;

/// Registered relative to `/api`, like the rest of the API.
pub fn routes(r: Routes) -> Routes {
    let r = browse::routes(r);
    let r = practices::routes(r);
    let r = trials::routes(r);
    let r = tiers::routes(r);
    let r = resources::routes(r);
    links::routes(r)
}

pub fn docs() -> Vec<utoipa::openapi::OpenApi> {
    vec![
        browse::Doc::openapi(),
        practices::Doc::openapi(),
        trials::Doc::openapi(),
        tiers::Doc::openapi(),
        resources::Doc::openapi(),
        links::Doc::openapi(),
    ]
}
