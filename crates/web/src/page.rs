//! What every page template gets: the reader's language, who they are, the
//! flash message, and the translation methods templates call.

use crate::assets;
use crate::context::Ctx;
use crate::error::AppError;
use crate::flash::Flash;
use askama::Template;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use lyceum_domain::i18n::{Arg, Lang, catalogue};
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::Invalid;

/// The signed-in person as the layout shows them.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub name: String,
    pub administers: bool,
    /// Reads some organisation's analytics: a link in the menu.
    pub reads_analytics: bool,
    /// Unread notifications (the header's count).
    pub unread: i64,
}

/// Shared by every page template, as its `page` field.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    /// The page's title, its `h1` and `<title>`, in the reader's language.
    pub title: String,
    /// What the page is about, when the title alone does not say (the
    /// organisation an admin page manages); added to `<title>`.
    pub about: Option<String>,
    pub viewer: Option<Viewer>,
    pub flash: Option<Flash>,
    pub here: String,
    /// Set when the page shows a form with errors: the title then starts with "Error:".
    pub has_errors: bool,
    /// The zone dates and times are shown in: the reader's school's.
    pub zone: TimeZone,
}

impl Page {
    pub fn new(ctx: &Ctx, title_key: &'static str) -> Self {
        Page {
            lang: ctx.lang,
            title: catalogue().text(ctx.lang, title_key),
            about: None,
            viewer: ctx.user.as_ref().map(|u| Viewer {
                name: u.user.display_name.clone(),
                administers: u.actor.administers_anything(),
                reads_analytics: !u.actor.analytics_scopes().is_empty(),
                unread: u.unread,
            }),
            flash: ctx.flash,
            here: ctx.here.clone(),
            has_errors: false,
            zone: ctx.zone(),
        }
    }

    /// A title that is data (an organisation's name), not a message.
    pub fn with_title(mut self, title: &str) -> Self {
        self.title = title.to_string();
        self
    }

    pub fn about(mut self, subject: &str) -> Self {
        self.about = Some(subject.to_string());
        self
    }

    pub fn with_errors(mut self, errors: &FormErrors) -> Self {
        self.has_errors = !errors.is_empty();
        self
    }

    /// A message in the reader's language.
    pub fn t(&self, key: &str) -> String {
        catalogue().text(self.lang, key)
    }

    /// A message with one named value.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        catalogue().text_with(self.lang, key, &[(name, Arg::Str(value))])
    }

    /// A message with two named values.
    pub fn t2(&self, key: &str, n1: &str, v1: &str, n2: &str, v2: &str) -> String {
        catalogue().text_with(self.lang, key, &[(n1, Arg::Str(v1)), (n2, Arg::Str(v2))])
    }

    /// A message with three named values.
    pub fn t3(&self, key: &str, a: (&str, &str), b: (&str, &str), c: (&str, &str)) -> String {
        catalogue().text_with(
            self.lang,
            key,
            &[
                (a.0, Arg::Str(a.1)),
                (b.0, Arg::Str(b.1)),
                (c.0, Arg::Str(c.1)),
            ],
        )
    }

    /// A message with a count (plural forms).
    pub fn tn(&self, key: &str, count: i64) -> String {
        catalogue().text_with(self.lang, key, &[("count", Arg::Num(count))])
    }

    /// A message with a count (plural forms) and one named value.
    pub fn tn1(&self, key: &str, count: i64, name: &str, value: &str) -> String {
        catalogue().text_with(
            self.lang,
            key,
            &[("count", Arg::Num(count)), (name, Arg::Str(value))],
        )
    }

    /// The label of a code from one of the closed lists (role, subject, …).
    pub fn label(&self, prefix: &str, code: &str) -> String {
        catalogue().text(self.lang, &format!("{prefix}-{code}"))
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.as_str()
    }

    /// The language the switch in the header offers.
    pub fn other_lang(&self) -> Lang {
        match self.lang {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        }
    }

    pub fn flash_text(&self) -> Option<String> {
        self.flash.map(|f| self.t(&f.label_key()))
    }

    /// The flash tells of something not done yet (see [`Flash::is_notice`]).
    pub fn flash_is_notice(&self) -> bool {
        self.flash.is_some_and(Flash::is_notice)
    }

    /// The page was reached by checking a quiz: it lands on the result.
    pub fn after_quiz(&self) -> bool {
        self.flash.is_some_and(Flash::is_quiz_result)
    }

    /// A date for people, on the reader's calendar: `25 Nov 2026` / `25 nov 2026`.
    pub fn date(&self, micros: &i64) -> String {
        human_date(*micros, &self.zone, self.lang)
    }

    /// A date and time for people with the zone named:
    /// `30 Jun 2026, 8:00 pm PDT` / `30 jun 2026, 20:00 PDT`.
    pub fn datetime(&self, micros: &i64) -> String {
        human_datetime(*micros, &self.zone, self.lang)
    }

    /// "Dates are in the America/Los_Angeles time zone.", under tables of dates.
    pub fn zone_note(&self) -> String {
        self.t1("dates-in-zone", "zone", self.zone.name())
    }

    /// The header's notifications link as a screen reader reads it:
    /// "Notifications, 3 unread".
    pub fn notifications_label(&self) -> String {
        self.tn(
            "nav-notifications",
            self.viewer.as_ref().map_or(0, |v| v.unread),
        )
    }

    /// The number beside the header's bell, when there is one: at most "99+".
    pub fn unread_shown(&self) -> Option<String> {
        match self.viewer.as_ref().map_or(0, |v| v.unread) {
            ..=0 => None,
            n @ 1..=99 => Some(n.to_string()),
            _ => Some("99+".to_string()),
        }
    }

    pub fn favicon(&self) -> &'static str {
        assets::url("favicon.svg")
    }

    pub fn css(&self) -> &'static str {
        assets::url("lyceum.css")
    }

    pub fn js(&self) -> &'static str {
        assets::url("lyceum.js")
    }

    pub fn htmx(&self) -> &'static str {
        assets::url("htmx.min.js")
    }
}

pub use lyceum_domain::i18n::{human_date, human_datetime};

/// Field errors in the reader's language, in the order of the form.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    items: Vec<(String, String)>,
}

impl FormErrors {
    pub fn none() -> Self {
        Self::default()
    }

    pub fn from_invalid(invalid: &Invalid, lang: Lang) -> Self {
        let items = invalid
            .0
            .iter()
            .map(|e| (e.field.clone(), e.message(lang)))
            .collect();
        FormErrors { items }
    }

    /// For a form repeated on one page, once per item: the same messages,
    /// on fields named `<field>-<item>`.
    pub fn for_item(mut self, item: impl std::fmt::Display) -> Self {
        for (field, _) in &mut self.items {
            *field = format!("{field}-{item}");
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn has(&self, field: &str) -> bool {
        self.items.iter().any(|(f, _)| f == field)
    }

    /// The first message for `field`.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn items(&self) -> &[(String, String)] {
        &self.items
    }
}

/// Renders a template as a complete HTML response (200).
pub fn render<T: Template>(template: &T) -> Response {
    match template.render() {
        Ok(html) => {
            let mut r = html.into_response();
            r.headers_mut().insert(
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            // Pages hold personal data: never store them in shared caches.
            r.headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(e) => AppError::internal(e).into_response(),
    }
}

/// Renders a form page again with its errors (422), values kept.
pub fn render_invalid<T: Template>(template: &T) -> Response {
    let mut r = render(template);
    if r.status() == StatusCode::OK {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    r
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: Page,
    pub heading_key: &'static str,
    pub body_key: &'static str,
    pub status: u16,
    pub fields: FormErrors,
}

impl ErrorPage {
    pub fn new(mut page: Page, error: &AppError) -> Self {
        let (heading_key, body_key) = match error {
            AppError::NotFound => ("error-404-title", "error-404-body"),
            AppError::Forbidden | AppError::MissingScope(_) => {
                ("error-403-title", "error-403-body")
            }
            AppError::Unauthenticated | AppError::BadToken => ("error-401-title", "error-401-body"),
            AppError::BadRequest(_) => ("error-400-title", "error-400-body"),
            AppError::Invalid(_) => ("error-422-title", "error-422-body"),
            AppError::MethodNotAllowed => ("error-405-title", "error-405-body"),
            AppError::RateLimited => ("error-429-title", "error-429-body"),
            AppError::Internal(_) => ("error-500-title", "error-500-body"),
        };
        page.title = page.t(heading_key);
        let fields = match error {
            AppError::Invalid(i) => FormErrors::from_invalid(i, page.lang),
            _ => FormErrors::none(),
        };
        ErrorPage {
            page,
            heading_key,
            body_key,
            status: error.status().as_u16(),
            fields,
        }
    }
}
