//! The AI tool registry on pages, a module per job: the list (`list`), a
//! tool's page with its spread of ratings and its reviews a page at a time,
//! and their CSV (`tool`), one's review, written or withdrawn (`review`),
//! an organisation's status (`status`), and adding and editing tools
//! (`edit`). What pages and API share is `registry_actions`'.

mod edit;
mod list;
mod review;
mod status;
mod tool;

use crate::gate::Access::SignedIn;
use crate::routes::{GET, POST, Routes};

pub fn routes(r: Routes) -> Routes {
    r.add(GET, "/tools", SignedIn, list::list)
        // Programme admins only, decided by the handlers
        // (`registry_actions::edits_registry`, asked again in the write).
        .add(GET, "/tools/new", SignedIn, edit::new_form)
        .add(POST, "/tools/new", SignedIn, edit::create)
        .add(GET, "/tools/{tool_id}", SignedIn, tool::show)
        .add(GET, "/tools/{tool_id}/edit", SignedIn, edit::edit_form)
        .add(POST, "/tools/{tool_id}/edit", SignedIn, edit::edit)
        .add(GET, "/tools/{tool_id}/review", SignedIn, review::form)
        .add(POST, "/tools/{tool_id}/review", SignedIn, review::save)
        // One's own review, taken back: asked first on its own page.
        .add(
            GET,
            "/tools/{tool_id}/review/withdraw",
            SignedIn,
            review::withdraw_form,
        )
        .add(
            POST,
            "/tools/{tool_id}/review/withdraw",
            SignedIn,
            review::withdraw,
        )
        // Everyone signed in; reviewers named only for the programme team.
        .add(
            GET,
            "/tools/{tool_id}/reviews.csv",
            SignedIn,
            tool::reviews_csv,
        )
        // Org admins, for the organisations they administer: asked of the
        // chosen organisation inside the write.
        .add(GET, "/tools/{tool_id}/status", SignedIn, status::form)
        .add(POST, "/tools/{tool_id}/status", SignedIn, status::save)
}
