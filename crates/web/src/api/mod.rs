//! The JSON API under `/api/v1`, for the same entities as the pages.
//! Authenticated by personal access tokens (`Authorization: Bearer lyc_…`);
//! errors are `{"error": {"code", "message", "fields"?, "detail"?}}` with
//! stable codes. Described by the OpenAPI document at `/api/openapi.json`.

mod community;
mod dto;
mod me;
pub mod openapi;
mod orgs;

use crate::gate::Access::{Org, Public, SignedIn};
use crate::routes::{DELETE, GET, POST, PUT, Routes};
use lyceum_domain::policy::Action::{AdministerOrg, ViewPeople};

/// Registered relative to `/api`, where the router is nested.
pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/openapi.json", Public, openapi::document)
        .add(GET, "/v1/me", SignedIn, me::show)
        .add(PUT, "/v1/me/profile", SignedIn, me::update_profile)
        .add(GET, "/v1/me/export", SignedIn, me::export)
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
}
