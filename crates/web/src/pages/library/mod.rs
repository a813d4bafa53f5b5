//! The practice library on pages, a module per job: a practice's page and
//! following it (`practice`), writing and submitting one (`editor`), the
//! curators' queue, returning and publishing (`review`), browsing and
//! search (`browse`), trial reports (`trials`), the evidence tier
//! (`tiers`) and the resource library (`resources`). Who may see what is
//! `library_access`'s.

mod browse;
mod editor;
mod practice;
mod resources;
mod review;
mod tiers;
mod trials;

use crate::routes::Routes;

pub fn routes(r: Routes) -> Routes {
    let r = browse::routes(r);
    let r = practice::routes(r);
    let r = editor::routes(r);
    let r = review::routes(r);
    let r = trials::routes(r);
    let r = tiers::routes(r);
    resources::routes(r)
}
