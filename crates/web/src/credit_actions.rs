//! PD credit, for pages and the API alike: the transcript (by school year,
//! and as CSV), outside PD requests (sending one, the admins' queue, a
//! decision — never on one's own), and certificates (one's own, verifying
//! one by its code, revoking one). Handlers turn the outcomes into pages or
//! JSON.

use crate::csv::csv_line;
use crate::error::AppError;
use crate::forms::Upload;
use crate::gate::ScopedOrg;
use crate::org_actions::record;
use crate::state::AppState;
use axum::body::Body;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::Response;
use lyceum_db::credit::{self, CertificateRow, LedgerRow};
use lyceum_db::pd_requests::{self, RequestRow, Waiting};
use lyceum_db::{DbError, courses, memberships};
use lyceum_domain::course::hours_in;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::OrgKind;
use lyceum_domain::pd::{OutsideInput, RequestStatus, school_year_label};
use lyceum_domain::policy::{Action, Actor};
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::{Invalid, required_text};
use lyceum_domain::{OrgId, Timestamp, UserId, paths};
use serde_json::json;
use std::net::IpAddr;

// ---- The transcript ----

/// A person's transcript as read for its page and the API.
pub struct Transcript {
    /// The ledger, newest first, each entry with the code of the
    /// certificate it came with, if any.
    pub lines: Vec<(LedgerRow, Option<String>)>,
    /// The outside PD they asked for.
    pub requests: Vec<RequestRow>,
    /// Their school's name, as a printed transcript carries it.
    pub school: Option<String>,
    /// The district (or union local) above it, by kind and name.
    pub district: Option<(OrgKind, String)>,
}

/// The person's ledger (newest first, with its certificates), the outside
/// PD they asked for, and where they work.
pub async fn transcript(state: &AppState, user: UserId) -> Result<Transcript, AppError> {
    // Brief: one person's ledger by its index, a few hundred rows at most.
    Ok(state
        .db
        .read_brief(move |c| {
            let lines = credit::ledger_with_certificates_of(c, user)?;
            let requests = pd_requests::of_user(c, user)?;
            let at = memberships::school_and_district(c, user)?;
            Ok(Transcript {
                lines,
                requests,
                school: at.school,
                district: at.district,
            })
        })
        .await?)
}

/// One school year of the ledger: its start, its quarter hours, and its
/// entries (a run of the ledger, which is newest first).
pub struct SchoolYear<'a, T> {
    pub start: i32,
    pub quarter_hours: u32,
    pub entries: &'a [T],
}

/// The ledger cut into school years, newest first (`row`: the ledger entry
/// of each line).
pub fn school_years<T>(rows: &[T], row: impl Fn(&T) -> &LedgerRow) -> Vec<SchoolYear<'_, T>> {
    rows.chunk_by(|a, b| row(a).school_year == row(b).school_year)
        .map(|run| SchoolYear {
            start: row(&run[0]).school_year,
            quarter_hours: run.iter().map(|r| row(r).hours()).sum(),
            entries: run,
        })
        .collect()
}

/// `YYYY-MM-DD` on the calendar of `zone`.
pub fn date(micros: i64, zone: &TimeZone) -> String {
    Timestamp::from_micros(micros).date_in(zone).to_string()
}

/// The transcript as CSV (RFC 4180), headed in the reader's language:
/// school year, date (on `zone`'s calendar), activity, source, hours.
pub fn transcript_csv<'a>(
    rows: impl IntoIterator<Item = &'a LedgerRow>,
    zone: &TimeZone,
    t: impl Fn(&str) -> String,
) -> Response {
    let mut out = csv_line(&[
        t("transcript-school-year"),
        t("transcript-date"),
        t("transcript-activity"),
        t("transcript-source"),
        t("transcript-hours"),
    ]);
    for row in rows {
        out.push_str(&csv_line(&[
            school_year_label(row.school_year),
            date(row.earned_at, zone),
            row.title.clone(),
            row.source.as_str().to_string(),
            // Machine-readable: a dot, whatever the language.
            hours_in(row.hours(), Lang::En),
        ]));
    }
    let mut r = Response::new(Body::from(out));
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    r.headers_mut().insert(
        CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"pd-transcript.csv\""),
    );
    r
}

// ---- Outside PD requests ----

/// An outside PD request as the page's form sends it (multipart: the
/// evidence file, if any, is read separately as `evidence_file`).
pub fn outside_input(form: &Upload) -> OutsideInput {
    OutsideInput {
        title: form.text("title"),
        description: form.text("description"),
        hours: form.text("hours"),
        completed_on: form.text("completed_on"),
        evidence_url: form.text("evidence_url"),
        org: form.text("org"),
    }
}

/// Sends an outside PD request (`file`: the evidence's name and bytes).
/// `Err(Invalid)` inside: refused, fields named as the page's form names
/// them, and nothing changed. "Not in the future" is on `zone`'s calendar,
/// the educator's own.
pub async fn submit(
    state: &AppState,
    user: UserId,
    zone: &TimeZone,
    input: &OutsideInput,
    file: Option<(&str, &[u8])>,
) -> Result<Result<i64, Invalid>, AppError> {
    let today = state.clock.now().date_in(zone);
    let draft = match input.validate(today, file) {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    let now = state.clock.now();
    let base = state.config.public_origin().to_string();
    match state
        .db
        .write(move |c| pd_requests::submit(c, user, &draft, &base, now))
        .await
    {
        Ok(id) => Ok(Ok(id)),
        Err(DbError::Invalid(e)) => Ok(Err(e)),
        Err(e) => Err(e.into()),
    }
}

/// The person's requests, newest first, each with the zone of the
/// organisation it was asked of (its completion date is a day there).
pub async fn requests_of(
    state: &AppState,
    user: UserId,
) -> Result<Vec<(RequestRow, TimeZone)>, AppError> {
    Ok(state
        .db
        .read(move |c| {
            let mut zones: Vec<(i64, TimeZone)> = Vec::new();
            let mut out = Vec::new();
            for r in pd_requests::of_user(c, user)? {
                let zone = match zones.iter().find(|(o, _)| *o == r.org_id) {
                    Some((_, z)) => z.clone(),
                    None => {
                        let org = lyceum_db::orgs::get(c, OrgId(r.org_id))?;
                        let z = lyceum_db::orgs::zone_of(c, &org.org_path()?)?;
                        zones.push((r.org_id, z.clone()));
                        z
                    }
                };
                out.push((r, zone));
            }
            Ok(out)
        })
        .await?)
}

/// An evidence file as a download.
pub fn evidence_response(name: String, kind: String, bytes: Vec<u8>) -> Result<Response, AppError> {
    let mut r = Response::new(Body::from(bytes));
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_str(&kind).map_err(AppError::internal)?,
    );
    // Always a download, never shown inline on our origin.
    let safe: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    let header = format!(
        "attachment; filename=\"{}\"",
        if safe.is_empty() { "evidence" } else { &safe }
    );
    r.headers_mut().insert(
        CONTENT_DISPOSITION,
        HeaderValue::from_str(&header).map_err(AppError::internal)?,
    );
    Ok(r)
}

/// The person's own evidence file for request `id` (404 for anyone else's).
pub async fn own_evidence(state: &AppState, user: UserId, id: i64) -> Result<Response, AppError> {
    let found = state
        .db
        .read(move |c| {
            if pd_requests::of_user(c, user)?.iter().any(|r| r.id == id) {
                pd_requests::evidence(c, id)
            } else {
                Ok(None)
            }
        })
        .await?;
    let (name, kind, bytes) = found.ok_or(AppError::NotFound)?;
    evidence_response(name, kind, bytes)
}

/// The evidence file of request `id`, for the admins of `scope` it went to
/// (or above): 404 when it went elsewhere.
pub async fn scoped_evidence(
    state: &AppState,
    scope: &ScopedOrg,
    id: i64,
) -> Result<Response, AppError> {
    let path = scope.path.clone();
    let found = state
        .db
        .read(move |c| match pd_requests::in_scope(c, &path, id)? {
            Some(_) => pd_requests::evidence(c, id),
            None => Ok(None),
        })
        .await?;
    let (name, kind, bytes) = found.ok_or(AppError::NotFound)?;
    evidence_response(name, kind, bytes)
}

/// Requests waiting in `scope` (or below) that `me` may decide, oldest
/// first, each with the zone of the organisation it was asked of (its
/// completion date is a day on that calendar).
pub async fn queue(
    state: &AppState,
    me: &Actor,
    scope: &ScopedOrg,
) -> Result<Vec<(Waiting, TimeZone)>, AppError> {
    let (me, path) = (me.clone(), scope.path.clone());
    Ok(state
        .db
        .read(move |c| {
            let mut out = Vec::new();
            for w in pd_requests::pending_in(c, &me, &path)? {
                let org = lyceum_db::orgs::get(c, OrgId(w.request.org_id))?;
                let zone = lyceum_db::orgs::zone_of(c, &org.org_path()?)?;
                out.push((w, zone));
            }
            Ok(out)
        })
        .await?)
}

/// Longest comment on a decision.
const MAX_COMMENT: usize = 1_000;

/// Decides request `id` in `scope`: `decision` is approved, returned or
/// rejected; the last two need a comment. 404 when it is not there (or no
/// longer pending), 403 when it is not `me`'s to decide (their own, or one
/// that goes above them: `policy::pd_request_deciders`). `Err(Invalid)`
/// inside on `decision` or `comment`: nothing changed.
pub async fn decide(
    state: &AppState,
    me: &Actor,
    scope: &ScopedOrg,
    id: i64,
    decision: &str,
    comment: &str,
) -> Result<Result<RequestRow, Invalid>, AppError> {
    let (path, who) = (scope.path.clone(), me.clone());
    match state
        .db
        .read(move |c| pd_requests::decidable(c, &who, &path, id))
        .await?
    {
        None => return Err(AppError::NotFound),
        Some(false) => return Err(AppError::Forbidden),
        Some(true) => {}
    }
    let decision = match RequestStatus::parse(decision) {
        Some(d) if d != RequestStatus::Pending => d,
        _ => return Ok(Err(Invalid::one("decision", "choose-one"))),
    };
    let comment = match (decision, required_text(comment, MAX_COMMENT)) {
        (RequestStatus::Approved, Ok(c)) => Some(c),
        (RequestStatus::Approved, Err(_)) => None,
        (_, Ok(c)) => Some(c),
        (_, Err(problem)) => return Ok(Err(Invalid::one("comment", problem))),
    };
    let now = state.clock.now();
    let (org, path, me) = (scope.id, scope.path.clone(), me.clone());
    let base = state.config.public_origin().to_string();
    Ok(Ok(state
        .db
        .write(move |c| {
            let r =
                pd_requests::decide(c, &path, id, decision, comment.as_deref(), &me, &base, now)?;
            record(
                c,
                now,
                me.user_id,
                "pd.request_decided",
                org,
                Some(UserId(r.user_id)),
                json!({ "request": id, "decision": decision.as_str(), "hours": r.hours() }),
            )?;
            Ok(pd_requests::in_scope(c, &path, id)?.unwrap_or(r))
        })
        .await?))
}

// ---- Certificates ----

/// `valid`, `revoked` or `expired`, at `now`.
pub fn status(cert: &CertificateRow, now: Timestamp) -> &'static str {
    if cert.revoked_at.is_some() {
        "revoked"
    } else if cert.expires_at.is_some_and(|e| e <= now.micros()) {
        "expired"
    } else {
        "valid"
    }
}

/// A certificate found by its code, for anyone to check.
pub struct Verified {
    pub cert: CertificateRow,
    /// The course's slug, while the course is there.
    pub slug: Option<String>,
    /// An organisation the viewer administers that holds the person: where
    /// they may revoke it (the page shows the form).
    pub revoke_org: Option<OrgId>,
    /// The holder's zone: the document says the same to an employer in
    /// another zone. (The holder's school's, or the programme's once the
    /// account is deleted.)
    pub zone: TimeZone,
}

/// The certificate with this code (404 when there is none).
pub async fn verify(
    state: &AppState,
    viewer: Option<&Actor>,
    code: String,
) -> Result<Verified, AppError> {
    let viewer = viewer.cloned();
    state
        .db
        .read(move |c| {
            let Some(cert) = credit::by_code(c, &code)? else {
                return Ok(None);
            };
            // A workshop's certificate links no course.
            let slug = match cert.course_id {
                Some(course) => courses::slug_of(c, course)?,
                None => None,
            };
            let revoke_org = match &viewer {
                Some(actor) if actor.administers_anything() => {
                    memberships::grants_of(c, UserId(cert.user_id))?
                        .into_iter()
                        .find(|g| actor.can(Action::AdministerOrg, &g.scope))
                        .and_then(|g| g.scope.ids().last().copied())
                }
                _ => None,
            };
            let zone = lyceum_db::orgs::zone_of_user(c, UserId(cert.user_id))?;
            Ok(Some(Verified {
                cert,
                slug,
                revoke_org,
                zone,
            }))
        })
        .await?
        .ok_or(AppError::NotFound)
}

/// `en` or `es` text of a competency named as it was on the certificate,
/// in `lang` if it was given, else the other.
pub fn pick(lang: Lang, en: &Option<String>, es: &Option<String>) -> Option<String> {
    match lang {
        Lang::En => en.clone().or_else(|| es.clone()),
        Lang::Es => es.clone().or_else(|| en.clone()),
    }
}

/// The certificate as a one-page PDF in `lang`: who, what course, hours,
/// competencies, the day issued (on the holder's calendar, as the page
/// says it), issuer, whether it still holds (revoked: when and why), and
/// the verification address with its QR code. A download named by its
/// code; never cached as final, since it may be revoked later. Laying out
/// the page and subsetting its font is CPU work, done on the blocking pool
/// so the server's other requests do not wait behind it.
pub async fn certificate_pdf(
    state: &AppState,
    ip: IpAddr,
    v: &Verified,
    lang: Lang,
) -> Result<Response, AppError> {
    if !state.limits.allow_document(ip) {
        return Err(AppError::RateLimited);
    }
    let cat = lyceum_domain::i18n::catalogue();
    let t = |k: &str| cat.text(lang, k);
    let cert = &v.cert;
    let day = |at: i64| crate::page::human_date(at, &v.zone, lang);
    let status_lines = match status(cert, state.clock.now()) {
        "revoked" => {
            let mut lines = vec![match cert.revoked_at {
                Some(at) => format!("{} ({})", t("certificate-revoked"), day(at)),
                None => t("certificate-revoked"),
            }];
            if let Some(why) = &cert.revoked_reason {
                lines.push(format!("{} {why}", t("certificate-revoked-reason")));
            }
            lines
        }
        "expired" => vec![t("certificate-expired")],
        _ => vec![t("certificate-valid")],
    };
    let hours = hours_in(cert.hours(), lang);
    let mut fields = vec![
        (
            t("certificate-recipient"),
            vec![
                cert.recipient()
                    .map_or_else(|| t("certificate-recipient-deleted"), str::to_string),
            ],
        ),
        (
            // A workshop's certificate names the offering, as its page does.
            t(if cert.offering_id.is_some() {
                "certificate-workshop"
            } else {
                "certificate-course"
            }),
            vec![cert.course_title.clone()],
        ),
        (
            t("course-pd-hours"),
            vec![cat.text_with(
                lang,
                "course-hours",
                &[("hours", lyceum_domain::i18n::Arg::Str(&hours))],
            )],
        ),
    ];
    let competencies: Vec<String> = cert
        .competencies()?
        .into_iter()
        .map(|k| {
            let name = pick(lang, &k.name_en, &k.name_es).unwrap_or(k.id);
            match pick(lang, &k.level_en, &k.level_es) {
                Some(level) => format!("{name} · {level}"),
                None => name,
            }
        })
        .collect();
    if !competencies.is_empty() {
        fields.push((t("course-builds"), competencies));
    }
    fields.push((t("certificate-issued"), vec![day(cert.issued_at)]));
    if let Some(until) = cert.expires_at {
        fields.push((t("certificate-expires"), vec![day(until)]));
    }
    fields.push((t("certificate-issuer"), vec![cert.issuer.clone()]));
    let url = state.config.link(&paths::certificate(&cert.code));
    let doc = crate::certificate_doc::CertificateDoc {
        lang,
        title: t("certificate-title"),
        status: status_lines,
        fields,
        verify_label: t("certificate-check-at"),
        url: url.clone(),
        about: t("certificate-about-pdf"),
        qr_label: cat.text_with(
            lang,
            "certificate-qr",
            &[("url", lyceum_domain::i18n::Arg::Str(&url))],
        ),
    };
    let bytes = tokio::task::spawn_blocking(move || crate::certificate_doc::pdf(&doc))
        .await
        .map_err(AppError::internal)??;
    let mut r = Response::new(Body::from(bytes));
    let h = r.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    let safe: String = cert
        .code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    h.insert(
        CONTENT_DISPOSITION,
        HeaderValue::from_str(&format!("attachment; filename=\"certificate-{safe}.pdf\""))
            .map_err(AppError::internal)?,
    );
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(r)
}

/// The person's certificates, newest first.
pub async fn mine(state: &AppState, user: UserId) -> Result<Vec<CertificateRow>, AppError> {
    Ok(state
        .db
        .read(move |c| credit::certificates_of(c, user))
        .await?)
}

/// Longest reason for a revocation.
const MAX_REASON: usize = 500;

/// An admin of `scope` revokes the certificate of someone in it, saying
/// why. 404 for a certificate of nobody there. Revoking one revoked
/// already changes nothing. `Err(Invalid)` inside on `reason`.
pub async fn revoke(
    state: &AppState,
    actor: UserId,
    scope: &ScopedOrg,
    code: &str,
    reason: &str,
) -> Result<Result<(), Invalid>, AppError> {
    let reason = match required_text(reason, MAX_REASON) {
        Ok(r) => r,
        Err(problem) => return Ok(Err(Invalid::one("reason", problem))),
    };
    let now = state.clock.now();
    let (org, path, code) = (scope.id, scope.path.clone(), code.to_string());
    state
        .db
        .write(move |conn| {
            let cert = credit::by_code(conn, &code)?.ok_or(DbError::NotFound)?;
            let holder = UserId(cert.user_id);
            // Only a certificate of someone in this organisation.
            if !memberships::grants_of(conn, holder)?
                .iter()
                .any(|g| path.contains(&g.scope))
            {
                return Err(DbError::NotFound);
            }
            if credit::revoke(conn, &code, &reason, now)? {
                record(
                    conn,
                    now,
                    actor,
                    "certificate.revoked",
                    org,
                    Some(holder),
                    json!({ "certificate": code, "reason": reason }),
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(Ok(()))
}
