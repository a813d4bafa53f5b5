//! Pages about Lyceum itself, linked from every page's footer: help, the
//! privacy notice and the accessibility statement. Public, the same for
//! everyone, every word in the catalogue.

use crate::context::Ctx;
use crate::page::{Page, render};
use askama::Template;
use axum::response::Response;

#[derive(Template)]
#[template(path = "help.html")]
pub struct HelpPage {
    page: Page,
}

#[derive(Template)]
#[template(path = "privacy.html")]
pub struct PrivacyPage {
    page: Page,
}

#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct AccessibilityPage {
    page: Page,
}

/// `GET /help`: where things are, and whom to ask.
pub async fn help(ctx: Ctx) -> Response {
    render(&HelpPage {
        page: Page::new(&ctx, "help-title"),
    })
}

/// `GET /privacy`: what Lyceum keeps, who sees it, taking it away, deleting it.
pub async fn privacy(ctx: Ctx) -> Response {
    render(&PrivacyPage {
        page: Page::new(&ctx, "privacy-title"),
    })
}

/// `GET /accessibility`: the standard, how it is tested, known limits, reporting.
pub async fn accessibility(ctx: Ctx) -> Response {
    render(&AccessibilityPage {
        page: Page::new(&ctx, "a11y-title"),
    })
}
