//! PD credit for the educator (the transcript, as a printable page and as
//! CSV) and certificates for anyone (the public verification page).

use super::courses::course_path;
use crate::certificate_doc;
use crate::context::Ctx;
use crate::credit_actions as actions;
use crate::error::AppError;
use crate::flash::{Flash, redirect_with};
use crate::forms::HtmlForm;
use crate::gate::ScopedOrg;
use crate::page::{FormErrors, Page, human_date, human_datetime, render, render_invalid};
use crate::ratelimit::ClientIp;
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use lyceum_db::credit::{self, CertificateRow, LedgerRow};
use lyceum_domain::course::hours_in;
use lyceum_domain::i18n::Lang;
use lyceum_domain::paths;
use lyceum_domain::pd::{Source, school_year_label};
use lyceum_domain::time::TimeZone;
use serde::Deserialize;

// ---- The transcript ----

/// One line of the transcript, borrowing the ledger row's title and the
/// page's label of its source.
pub struct Entry<'a> {
    pub date: String,
    pub title: &'a str,
    pub source: &'a str,
    pub hours: String,
    /// The certificate it came with: its page, and that page's full
    /// address for the printed transcript.
    pub certificate: Option<(String, String)>,
}

pub struct Year<'a> {
    pub label: String,
    pub hours: String,
    pub entries: Vec<Entry<'a>>,
}

pub struct RequestLine {
    pub title: String,
    pub hours: String,
    pub status: String,
    pub comment: Option<String>,
    pub evidence_href: Option<String>,
}

#[derive(Template)]
#[template(path = "transcript.html")]
pub struct TranscriptPage<'a> {
    page: Page,
    name: String,
    /// For print: where they work, the day printed, and where certificates
    /// are checked.
    school: Option<String>,
    district: Option<(String, String)>,
    printed_on: String,
    verify_base: String,
    total: String,
    years: Vec<Year<'a>>,
    requests: Vec<RequestLine>,
}

/// `YYYY-MM-DD` on the calendar of `zone`.
pub(super) fn date(micros: i64, zone: &TimeZone) -> String {
    actions::date(micros, zone)
}

/// The label of each source, looked up once for the page rather than once a
/// row (a transcript may have hundreds).
fn source_labels(page: &Page) -> Vec<(Source, String)> {
    Source::ALL
        .iter()
        .map(|s| (*s, page.t(&s.label_key())))
        .collect()
}

/// School years, newest first, each with its entries and total.
fn by_year<'a>(
    rows: &'a [(LedgerRow, Option<String>)],
    sources: &'a [(Source, String)],
    page: &Page,
    link: impl Fn(&str) -> String,
) -> Vec<Year<'a>> {
    let source = |code: Source| {
        sources
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(code.as_str(), |(_, label)| label.as_str())
    };
    actions::school_years(rows, |(r, _)| r)
        .into_iter()
        .map(|y| Year {
            label: school_year_label(y.start),
            hours: hours_in(y.quarter_hours, page.lang),
            entries: y
                .entries
                .iter()
                .map(|(row, code)| Entry {
                    date: page.date(&row.earned_at),
                    title: &row.title,
                    source: source(row.source),
                    hours: hours_in(row.hours(), page.lang),
                    certificate: code.as_deref().map(|c| {
                        let path = paths::certificate(c);
                        let full = link(&path);
                        (path, full)
                    }),
                })
                .collect(),
        })
        .collect()
}

/// `GET /transcript`
pub async fn transcript(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let actions::Transcript {
        lines: rows,
        requests: asked,
        school,
        district,
    } = actions::transcript(&state, user.user.id()).await?;
    let page = Page::new(&ctx, "transcript-title");
    let total: u32 = rows.iter().map(|(r, _)| r.hours()).sum();
    let requests = asked
        .into_iter()
        .map(|r| RequestLine {
            hours: hours_in(r.hours(), page.lang),
            status: page.t(&r.status.label_key()),
            evidence_href: r
                .evidence_name
                .as_ref()
                .map(|_| format!("/transcript/outside/{}/evidence", r.id)),
            comment: r.review_comment,
            title: r.title,
        })
        .collect();
    let sources = source_labels(&page);
    let link = |path: &str| state.config.link(path);
    Ok(render(&TranscriptPage {
        name: user.user.display_name.clone(),
        school,
        district: district.map(|(kind, name)| (page.t(&kind.label_key()), name)),
        printed_on: human_date(state.clock.now().micros(), &ctx.zone(), page.lang),
        verify_base: link(&paths::certificate("")),
        total: hours_in(total, page.lang),
        years: by_year(&rows, &sources, &page, link),
        requests,
        page,
    }))
}

/// `GET /transcript.csv`: the same entries, one a line (RFC 4180).
pub async fn transcript_csv(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let id = ctx.require_user()?.user.id();
    let rows = state.db.read(move |c| credit::ledger_of(c, id)).await?;
    let page = Page::new(&ctx, "transcript-title");
    Ok(actions::transcript_csv(&rows, &ctx.zone(), |k| page.t(k)))
}

// ---- Certificates ----

pub struct CompetencyLine {
    pub name: String,
    pub level: Option<String>,
}

#[derive(Template)]
#[template(path = "certificate.html")]
pub struct CertificatePage {
    page: Page,
    c: CertificateRow,
    /// The course title's language, when it is not the page's.
    lang: Option<&'static str>,
    course_href: Option<String>,
    issued_on: String,
    /// The last day it is valid, for one that expires.
    expires_on: Option<String>,
    hours: String,
    competencies: Vec<CompetencyLine>,
    /// `valid`, `revoked` or `expired`.
    status: &'static str,
    revoked_on: Option<String>,
    /// For an admin of an organisation the holder belongs to: where the
    /// revocation form posts.
    revoke_action: Option<String>,
    errors: FormErrors,
    reason: String,
    /// Its full verification address, to share, print and scan.
    url: String,
    /// The QR code of `url`, an inline SVG made by us.
    qr: String,
    pdf_href: String,
}

/// The certificate page; `errors` and `reason` when a revocation was refused.
async fn certificate_page(
    state: &AppState,
    ctx: &Ctx,
    code: String,
    errors: FormErrors,
    reason: String,
) -> Result<CertificatePage, AppError> {
    let actions::Verified {
        cert,
        slug,
        revoke_org,
        zone,
    } = actions::verify(state, ctx.user.as_ref().map(|u| &u.actor), code).await?;
    let page = Page::new(ctx, "certificate-title").with_errors(&errors);
    let status = actions::status(&cert, state.clock.now());
    let competencies = cert
        .competencies()?
        .into_iter()
        .map(|k| CompetencyLine {
            name: actions::pick(page.lang, &k.name_en, &k.name_es).unwrap_or(k.id),
            level: actions::pick(page.lang, &k.level_en, &k.level_es),
        })
        .collect();
    let course_lang = Lang::parse(&cert.course_language).unwrap_or(Lang::En);
    let url = state.config.link(&paths::certificate(&cert.code));
    let qr = certificate_doc::qr_svg(&url, &page.t1("certificate-qr", "url", &url));
    Ok(CertificatePage {
        pdf_href: paths::certificate_pdf(&cert.code),
        url,
        qr,
        lang: (course_lang != page.lang).then(|| course_lang.as_str()),
        course_href: slug.map(|s| course_path(&s)),
        issued_on: human_datetime(cert.issued_at, &zone, page.lang),
        expires_on: cert
            .expires_at
            .map(|at| human_datetime(at, &zone, page.lang)),
        hours: hours_in(cert.hours(), page.lang),
        competencies,
        status,
        revoked_on: cert
            .revoked_at
            .map(|at| human_datetime(at, &zone, page.lang)),
        revoke_action: revoke_org
            .filter(|_| cert.revoked_at.is_none())
            .map(|org| format!("/orgs/{}/admin/certificates/{}/revoke", org.0, cert.code)),
        errors,
        reason,
        c: cert,
        page,
    })
}

/// `GET /certificates/{code}`: for anyone — an employer, a district, the
/// holder — to check a certificate.
pub async fn certificate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    Ok(render(
        &certificate_page(&state, &ctx, code, FormErrors::none(), String::new()).await?,
    ))
}

/// `GET /certificates/{code}/pdf`: the same certificate as a one-page PDF,
/// for anyone, in the page's language.
pub async fn certificate_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let v = actions::verify(&state, None, code).await?;
    actions::certificate_pdf(&state, ip, &v, ctx.lang).await
}

#[derive(Debug, Default, Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    reason: String,
}

/// `POST /orgs/{org_id}/admin/certificates/{code}/revoke`: an admin of an
/// organisation the holder belongs to revokes it, saying why.
pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Extension(scope): Extension<ScopedOrg>,
    Path((_, code)): Path<(i64, String)>,
    HtmlForm(form): HtmlForm<RevokeForm>,
) -> Result<Response, AppError> {
    let actor = ctx.require_user()?.user.id();
    if let Err(invalid) = actions::revoke(&state, actor, &scope, &code, &form.reason).await? {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        return Ok(render_invalid(
            &certificate_page(&state, &ctx, code, errors, form.reason).await?,
        ));
    }
    Ok(redirect_with(
        &paths::certificate(&code),
        Flash::CertificateRevoked,
        state.config.secure_cookies(),
    ))
}
