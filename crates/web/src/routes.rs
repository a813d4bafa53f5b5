//! The route table: every route Lyceum serves, with who may reach it.
//!
//! Routes are registered only through [`Routes::add`], which puts the
//! [`gate`] in front of each handler and records a [`RouteSpec`]; the
//! access-matrix test walks those specs, so no route escapes it.

use crate::gate::{Access, gate};
use crate::state::AppState;
use axum::Router;
use axum::handler::Handler;
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodFilter, on};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: String,
    pub access: Access,
}

pub struct Routes {
    state: AppState,
    /// Where this group is nested, for the specs (e.g. `/api`).
    prefix: &'static str,
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
}

pub const GET: MethodFilter = MethodFilter::GET;
pub const POST: MethodFilter = MethodFilter::POST;
pub const PUT: MethodFilter = MethodFilter::PUT;
pub const DELETE: MethodFilter = MethodFilter::DELETE;

fn method_name(m: MethodFilter) -> &'static str {
    if m == GET {
        "GET"
    } else if m == POST {
        "POST"
    } else if m == PUT {
        "PUT"
    } else {
        "DELETE"
    }
}

impl Routes {
    pub fn new(state: AppState, prefix: &'static str) -> Self {
        Routes {
            state,
            prefix,
            router: Router::new(),
            specs: Vec::new(),
        }
    }

    pub fn add<H, T>(
        self,
        method: MethodFilter,
        path: &'static str,
        access: Access,
        handler: H,
    ) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add_route(method, path, access, on(method, handler))
    }

    /// A route that takes a body larger than the usual limit (an upload).
    pub fn add_upload<H, T>(
        self,
        method: MethodFilter,
        path: &'static str,
        access: Access,
        handler: H,
        max_bytes: usize,
    ) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let route = on(method, handler).layer(axum::extract::DefaultBodyLimit::max(max_bytes));
        self.add_route(method, path, access, route)
    }

    fn add_route(
        mut self,
        method: MethodFilter,
        path: &'static str,
        access: Access,
        route: axum::routing::MethodRouter<AppState>,
    ) -> Self {
        let route = match access {
            // Public routes need no gate (and the operations routes have no context).
            Access::Public => route,
            _ => route.route_layer(from_fn_with_state((self.state.clone(), access), gate)),
        };
        self.router = self.router.route(path, route);
        self.specs.push(RouteSpec {
            method: method_name(method),
            path: format!("{}{}", self.prefix, path),
            access,
        });
        self
    }

    pub fn finish(self) -> (Router<AppState>, Vec<RouteSpec>) {
        (self.router, self.specs)
    }
}
