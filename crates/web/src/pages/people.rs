//! The people directory of an organisation, for its admins: search, filter,
//! page through, export as CSV.

use crate::context::Ctx;
use crate::csv::{csv_field, csv_line};
use crate::directory::PeopleQuery;
use crate::error::AppError;
use crate::forms::HtmlQuery;
use crate::gate::ScopedOrg;
use crate::page::{FormErrors, Page, render, render_invalid};
use crate::pages::Choice;
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::Response;
use futures_util::StreamExt;
use lyceum_db::directory::{self, Filters, Person};
use lyceum_db::orgs::{self, OrgRow};
use lyceum_domain::UserId;
use lyceum_domain::i18n::{Lang, catalogue};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::role::Role;

pub const PAGE_SIZE: i64 = 50;

#[derive(Template)]
#[template(path = "people.html")]
pub struct PeoplePage {
    page: Page,
    errors: FormErrors,
    /// The organisation whose directory this is.
    scope: OrgRow,
    query: PeopleQuery,
    places: Vec<Choice>,
    roles: Vec<Choice>,
    subjects: Vec<Choice>,
    grade_bands: Vec<Choice>,
    people: Vec<Person>,
    next_page: Option<String>,
    first_page: bool,
    export_query: String,
}

impl PeoplePage {
    fn labels(&self, prefix: &str, codes: &[&str]) -> String {
        codes
            .iter()
            .map(|c| self.page.label(prefix, c))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn subject_labels(&self, p: &Person) -> String {
        self.labels(
            "subject",
            &p.subjects.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        )
    }

    fn band_labels(&self, p: &Person) -> String {
        self.labels(
            "grade-band",
            &p.grade_bands.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        )
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlQuery(query): HtmlQuery<PeopleQuery>,
) -> Result<Response, AppError> {
    let id = scope.id;
    let (scope_org, children) = state
        .db
        .read(move |c| Ok((orgs::get(c, id)?, orgs::children(c, id)?)))
        .await?;
    let found = match query.filters(&state, &scope, PAGE_SIZE + 1).await {
        Ok((filters, _)) => Ok(state
            .db
            .read(move |c| directory::search(c, &filters))
            .await?),
        Err(AppError::Invalid(invalid)) => Err(invalid),
        Err(e) => return Err(e),
    };
    let errors = match &found {
        Err(invalid) => FormErrors::from_invalid(invalid, ctx.lang),
        Ok(_) => FormErrors::none(),
    };
    let page = Page::new(&ctx, "people-title")
        .about(&scope_org.name)
        .with_errors(&errors);
    let mut people = found.as_ref().cloned().unwrap_or_default();
    let more = people.len() as i64 > PAGE_SIZE;
    people.truncate(PAGE_SIZE as usize);
    let org_value = query.org.map(|o| o.to_string()).unwrap_or_default();
    let mut places = vec![Choice {
        value: String::new(),
        label: page.t1("people-everywhere", "org", &scope_org.name),
        selected: org_value.is_empty(),
    }];
    places.extend(children.iter().map(|c| Choice {
        value: c.id.to_string(),
        label: c.name.clone(),
        selected: org_value == c.id.to_string(),
    }));
    let view = PeoplePage {
        roles: Choice::list(
            &page,
            "role",
            Role::ALL.iter().map(|r| r.as_str()),
            &[query.role.as_str()],
        ),
        subjects: Choice::list(
            &page,
            "subject",
            Subject::ALL.iter().map(|r| r.as_str()),
            &[query.subject.as_str()],
        ),
        grade_bands: Choice::list(
            &page,
            "grade-band",
            GradeBand::ALL.iter().map(|r| r.as_str()),
            &[query.grade_band.as_str()],
        ),
        next_page: if more {
            Some(query.with_after(people.last().map(|p| p.id)))
        } else {
            None
        },
        first_page: query.after.is_none(),
        export_query: query.with_after(None),
        page,
        errors,
        scope: scope_org,
        places,
        query,
        people,
    };
    Ok(if found.is_err() {
        render_invalid(&view)
    } else {
        render(&view)
    })
}

/// Rows fetched per round trip while exporting.
const EXPORT_BATCH: i64 = 1_000;

/// Everyone the filters match, as CSV (RFC 4180), streamed a batch at a
/// time so that a programme-wide export never sits in memory whole.
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    HtmlQuery(mut query): HtmlQuery<PeopleQuery>,
) -> Result<Response, AppError> {
    query.after = None;
    let (filters, org) = query.filters(&state, &scope, EXPORT_BATCH).await?;
    let lang = ctx.lang;
    let header = csv_header(lang);
    let stream = futures_util::stream::unfold(
        (Some(header), Some(filters), state),
        move |(header, filters, state)| async move {
            if let Some(h) = header {
                return Some((
                    Ok::<Bytes, std::io::Error>(Bytes::from(h)),
                    (None, filters, state),
                ));
            }
            let filters = filters?;
            let batch = {
                let f = filters.clone();
                state.db.read(move |c| directory::search(c, &f)).await
            };
            match batch {
                Ok(people) if !people.is_empty() => {
                    let next = Filters {
                        after: people.last().map(|p| UserId(p.id)),
                        ..filters
                    };
                    let more = people.len() as i64 == next.limit;
                    let chunk: String = people.iter().map(|p| csv_row(p, lang)).collect();
                    Some((Ok(Bytes::from(chunk)), (None, more.then_some(next), state)))
                }
                Ok(_) => None,
                Err(e) => Some((
                    Err(std::io::Error::other(e.to_string())),
                    (None, None, state),
                )),
            }
        },
    );
    // Fused: the compression layer polls a body once more after its end,
    // and `unfold` panics when polled past `None`.
    let mut r = Response::new(Body::from_stream(stream.fuse()));
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let filename = format!("attachment; filename=\"people-{}.csv\"", org.id);
    if let Ok(v) = HeaderValue::from_str(&filename) {
        r.headers_mut().insert(CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

fn csv_header(lang: Lang) -> String {
    let c = catalogue();
    let cols = [
        "csv-id",
        "field-display-name",
        "field-email",
        "people-roles",
        "field-subjects",
        "field-grade-bands",
        "csv-status",
    ];
    let mut line: Vec<String> = cols.iter().map(|k| csv_field(&c.text(lang, k))).collect();
    line[0] = "id".into();
    format!("{}\r\n", line.join(","))
}

fn csv_row(p: &Person, lang: Lang) -> String {
    let c = catalogue();
    let roles: Vec<String> = p
        .roles
        .iter()
        .map(|r| format!("{} · {}", c.text(lang, &r.role.label_key()), r.org_name))
        .collect();
    let subjects: Vec<String> = p
        .subjects
        .iter()
        .map(|s| c.text(lang, &s.label_key()))
        .collect();
    let bands: Vec<String> = p
        .grade_bands
        .iter()
        .map(|s| c.text(lang, &s.label_key()))
        .collect();
    let status = c.text(
        lang,
        if p.deactivated {
            "csv-deactivated"
        } else {
            "csv-active"
        },
    );
    let fields = [
        p.id.to_string(),
        p.display_name.clone(),
        p.email.clone(),
        roles.join("; "),
        subjects.join("; "),
        bands.join("; "),
        status,
    ];
    csv_line(&fields)
}
