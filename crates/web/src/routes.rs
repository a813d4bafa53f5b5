//! The route table: every route Lyceum serves, with who may reach it.
//!
//! Routes are registered only through [`Routes::add`], which puts the
//! [`gate`] in front of each handler and records a [`RouteSpec`]; the
//! access-matrix test walks those specs, so no route escapes it.

use crate::gate::{Access, gate};
use crate::state::AppState;
use axum::Router;
use axum::handler::Handler;
use axum::http::Uri;
use axum::middleware::from_fn_with_state;
use axum::response::Redirect;
use axum::routing::{MethodFilter, get, on};

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

    /// Pages only: a form that posts to an address of its own (`…/quiz`,
    /// `…/decide`) leaves the browser there when the post is refused and the
    /// form shown again with its errors. Reloading that address, switching
    /// the page's language or opening it from history then asks for it with
    /// a GET — so each such address also answers GET by sending the browser
    /// to the nearest page above it, the one that holds the form.
    ///
    /// The target is the request's own path cut short: nothing is read and
    /// nowhere else can be named, and the page there has its own gate. So
    /// these are not in the specs, which list what each route lets people do.
    pub fn with_form_pages_for_gets(mut self) -> Self {
        let gets: Vec<&str> = self
            .specs
            .iter()
            .filter(|s| s.method == "GET")
            .map(|s| s.path.as_str())
            .collect();
        let mut returns = Vec::new();
        for spec in self.specs.iter().filter(|s| s.method == "POST") {
            if gets.contains(&spec.path.as_str()) || returns.iter().any(|(p, _)| *p == spec.path) {
                continue;
            }
            let segments: Vec<&str> = spec.path.split('/').skip(1).collect();
            let keep = (1..segments.len())
                .rev()
                .find(|&n| gets.contains(&format!("/{}", segments[..n].join("/")).as_str()))
                .unwrap_or(0);
            returns.push((spec.path.clone(), keep));
        }
        for (path, keep) in returns {
            let to_form =
                move |uri: Uri| async move { Redirect::to(&leading_segments(uri.path(), keep)) };
            self.router = self.router.route(&path, get(to_form));
        }
        self
    }

    pub fn finish(self) -> (Router<AppState>, Vec<RouteSpec>) {
        (self.router, self.specs)
    }
}

/// The first `keep` segments of `path`, as a path (`/` for none).
fn leading_segments(path: &str, keep: usize) -> String {
    let kept: Vec<&str> = path.split('/').skip(1).take(keep).collect();
    format!("/{}", kept.join("/"))
}

#[cfg(test)]
mod tests {
    use super::leading_segments;

    #[test]
    fn a_path_cut_short_stays_on_this_site() {
        assert_eq!(
            leading_segments("/courses/a/lessons/b/quiz", 4),
            "/courses/a/lessons/b"
        );
        assert_eq!(leading_segments("/sign-out", 0), "/");
        assert_eq!(leading_segments("/review/7", 1), "/review");
    }
}
