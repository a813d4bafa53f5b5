//! Lyceum's HTTP edge: pages (askama, working without JavaScript), the JSON
//! API, sessions, the authorisation gate and operations endpoints.
//!
//! Invariants:
//! - Knows no SQL dialect: all data comes through `lyceum_db` functions, run
//!   with `Db::read` / `Db::write` (never blocking an async thread).
//! - Every route is registered through [`routes::Routes`], which puts the
//!   [`gate`] (asking `lyceum_domain::policy`) in front of it.
//! - Every word on a page comes from the Fluent catalogue.

pub mod admin_views;
pub mod analytics_actions;
pub mod api;
pub mod assets;
pub mod attendance_actions;
pub mod calendar_actions;
pub mod catalogue;
pub mod catalogue_facets;
pub mod certificate_doc;
pub mod charts;
pub mod classroom_practice_actions;
pub mod community_actions;
pub mod context;
pub mod cookies;
pub mod course_access;
pub mod credit_actions;
pub mod csrf;
pub mod csv;
pub mod directory;
pub mod dns;
pub mod draft_actions;
pub mod error;
pub mod flash;
pub mod forms;
pub mod gate;
pub mod highlight;
pub mod kept;
pub mod learning_actions;
pub mod library_access;
pub mod library_browse;
pub mod literacy_actions;
pub mod markdown;
pub mod mentions;
pub mod metrics;
pub mod my_learning;
pub mod notices;
pub mod ops;
pub mod org_actions;
pub mod page;
pub mod pages;
pub mod passwords;
pub mod personal_export;
pub mod practice_actions;
pub mod programme_settings_actions;
pub mod radar_actions;
pub mod ratelimit;
pub mod registry_actions;
pub mod resource_actions;
pub mod routes;
pub mod security;
pub mod session;
pub mod spaces;
pub mod sso;
pub mod state;
pub mod survey_actions;
mod template_check;
pub mod tier_actions;
pub mod tool_links;
pub mod trial_actions;
pub mod workshop_access;
pub mod workshop_actions;
pub mod workshop_manage_actions;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn, from_fn_with_state};
use gate::Access;
use routes::{GET, RouteSpec, Routes};
pub use state::{AppState, WebConfig};

/// The whole web application and the list of its routes.
pub struct WebApp {
    pub router: Router,
    pub routes: Vec<RouteSpec>,
}

/// Largest request body accepted (forms and JSON; uploads will get their own limit).
const BODY_LIMIT: usize = 1024 * 1024;

pub fn build(state: AppState) -> WebApp {
    let (ops, ops_specs) = Routes::new(state.clone(), "")
        .add(GET, "/healthz", Access::Public, ops::healthz)
        .add(GET, "/readyz", Access::Public, ops::readyz)
        .add(GET, "/metrics", Access::Public, ops::metrics)
        .add(GET, "/static/{file}", Access::Public, assets::serve)
        .finish();

    let (pages, page_specs) = pages::routes(Routes::new(state.clone(), ""))
        .with_form_pages_for_gets()
        .finish();
    let pages = pages
        .fallback(|| async { error::AppError::NotFound })
        .layer(from_fn_with_state(state.clone(), csrf::same_origin_only))
        .layer(from_fn(error::render_page_errors))
        .layer(from_fn_with_state(state.clone(), context::page_context));

    let (api, api_specs) = api::routes(Routes::new(state.clone(), "/api")).finish();
    let api = api
        .fallback(|| async { error::AppError::NotFound })
        .layer(from_fn(error::render_api_errors))
        .layer(from_fn_with_state(state.clone(), context::api_context));

    let router = pages
        .nest("/api", api)
        .merge(ops)
        .route_layer(from_fn_with_state(state.clone(), metrics::record))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state.clone());
    let router = security::layers(router, &state.config);

    let mut routes = ops_specs;
    routes.extend(page_specs);
    routes.extend(api_specs);
    WebApp { router, routes }
}
