//! Attendance for pages and the API alike: the roster (and its CSV), a
//! session's marking sheet and saving it, and self check-in with its
//! limits. Who may do what is `workshop_access`'s: the roster and marks are
//! for those who lead the offering; check-in is for the person.

use crate::context::CurrentUser;
use crate::csv::csv_line;
use crate::error::AppError;
use crate::ratelimit::{Attempt, wait_error};
use crate::state::AppState;
use crate::workshop_access::{self, OfferingView};
use axum::body::Body;
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::Response;
use lyceum_db::DbError;
use lyceum_db::workshops::SessionRow;
use lyceum_db::workshops::attendance::{self, CheckedIn, Refused, Roster, Saved, SheetLine};
use lyceum_domain::i18n::{Lang, catalogue, human_datetime};
use lyceum_domain::time::TimeZone;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::workshop::{Mark, RegistrationStatus};
use lyceum_domain::{OfferingId, SessionId, UserId};
use std::net::IpAddr;

/// The offering (for those who lead it) and its roster.
pub async fn roster(
    state: &AppState,
    user: &CurrentUser,
    id: OfferingId,
) -> Result<(OfferingView, Roster), AppError> {
    let view = workshop_access::load_led(state, user, id).await?;
    let roster = state.db.read(move |c| attendance::roster(c, id)).await?;
    Ok((view, roster))
}

/// The offering (for those who lead it), one of its sessions and the
/// people to mark there.
pub async fn sheet(
    state: &AppState,
    user: &CurrentUser,
    id: OfferingId,
    session: SessionId,
) -> Result<(OfferingView, SessionRow, Vec<SheetLine>), AppError> {
    let view = workshop_access::load_led(state, user, id).await?;
    let (row, lines) = state
        .db
        .read(move |c| attendance::sheet(c, id, session))
        .await?;
    Ok((view, row, lines))
}

/// The session's place in its offering, counted from 1.
pub fn session_number(view: &OfferingView, session: SessionId) -> usize {
    view.standing
        .offering
        .sessions
        .iter()
        .position(|s| s.id == session)
        .map_or(0, |i| i + 1)
}

/// Reads marks as typed (`mark-<user id>` = a mark's code): each field
/// names its person; an unknown mark is refused on its field.
pub fn parse_marks<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<(UserId, Mark)>, Invalid> {
    let mut marks = Vec::new();
    let mut invalid = Invalid::new();
    for (name, value) in fields {
        let Some(id) = name.strip_prefix("mark-") else {
            continue;
        };
        let Ok(user) = id.parse::<i64>() else {
            invalid.push(FieldError::new(name, "attendance-mark-invalid"));
            continue;
        };
        match Mark::parse(value.trim()) {
            Some(m) => marks.push((UserId(user), m)),
            None => invalid.push(FieldError::new(name, "attendance-mark-invalid")),
        }
    }
    if invalid.is_empty() {
        Ok(marks)
    } else {
        Err(invalid)
    }
}

/// Saves marks at a session, as `user` (who must lead the offering): all
/// of them or, on any error, none.
pub async fn save_marks(
    state: &AppState,
    user: &CurrentUser,
    id: OfferingId,
    session: SessionId,
    marks: Vec<(UserId, Mark)>,
) -> Result<Result<Saved, Invalid>, AppError> {
    workshop_access::load_led(state, user, id).await?;
    let (me, now) = (user.actor.user_id, state.clock.now());
    let result = state
        .db
        .write(move |c| attendance::set_marks(c, id, session, me, &marks, now))
        .await;
    match result {
        Ok(saved) => Ok(Ok(saved)),
        Err(DbError::Invalid(i)) => Ok(Err(i)),
        Err(e) => Err(e.into()),
    }
}

/// Checks the signed-in person in with the code they typed. Every try
/// counts against them and their network (in the database, so the limit
/// holds across servers) before the code is looked at; a right one clears
/// them. Refusals name the `code` field, in the reader's words.
#[allow(clippy::too_many_arguments)]
pub async fn check_in(
    state: &AppState,
    user: &CurrentUser,
    ip: IpAddr,
    id: OfferingId,
    session: Option<SessionId>,
    typed: String,
    zone: &TimeZone,
    lang: Lang,
) -> Result<Result<CheckedIn, Invalid>, AppError> {
    workshop_access::load(state, user, id).await?;
    if typed.trim().is_empty() {
        return Ok(Err(Invalid::one("code", "checkin-code-required")));
    }
    let (me, now) = (user.actor.user_id, state.clock.now());
    let attempt = Attempt::checkin_code(me, ip);
    if let Err(until) = attempt.claim(state, now).await? {
        return Ok(Err(wait_error("code", "checkin-wait", now, until)));
    }
    let result = state
        .db
        .write(move |c| {
            let r = attendance::check_in(c, id, session, me, &typed, now)?;
            if r.is_ok() {
                attempt.succeeded(c)?;
            }
            Ok(r)
        })
        .await?;
    Ok(result.map_err(|refused| refusal(refused, zone, lang)))
}

fn refusal(refused: Refused, zone: &TimeZone, lang: Lang) -> Invalid {
    let error = match refused {
        Refused::NotRegistered => FieldError::new("code", "checkin-not-registered"),
        Refused::WrongCode => FieldError::new("code", "checkin-wrong-code"),
        Refused::OtherSession => FieldError::new("code", "checkin-other-session"),
        Refused::NotYet(at) => FieldError::new("code", "checkin-not-open")
            .with_arg("when", human_datetime(at.micros(), zone, lang)),
        Refused::Over => FieldError::new("code", "checkin-over"),
        Refused::Cancelled => FieldError::new("code", "checkin-cancelled"),
    };
    Invalid(vec![error])
}

/// The roster as CSV, one person a line with their mark at each session
/// (headings in the reader's language; fields defused for spreadsheets).
pub fn roster_csv(view: &OfferingView, roster: &Roster, zone: &TimeZone, lang: Lang) -> Response {
    let t = |k: &str| catalogue().text(lang, k);
    let mut head = vec![
        t("workshop-roster-name"),
        t("workshop-roster-email"),
        t("workshop-roster-status"),
        t("workshop-roster-position"),
    ];
    head.extend(
        roster
            .sessions
            .iter()
            .map(|s| human_datetime(s.starts_at, zone, lang)),
    );
    head.push(t("workshop-roster-credit"));
    let mut out = csv_line(&head);
    for p in &roster.people {
        let mut line = vec![
            p.name.clone(),
            p.email.clone().unwrap_or_default(),
            p.status.as_str().to_string(),
            if p.status == RegistrationStatus::Confirmed {
                String::new()
            } else {
                p.position.to_string()
            },
        ];
        line.extend(
            p.marks
                .iter()
                .map(|m| m.map(|m| m.as_str().to_string()).unwrap_or_default()),
        );
        line.push(if p.credited { "yes" } else { "no" }.to_string());
        out.push_str(&csv_line(&line));
    }
    let mut r = Response::new(Body::from(out));
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let name = format!(
        "attachment; filename=\"roster-{}.csv\"",
        view.standing.offering.offering.id.0
    );
    if let Ok(v) = HeaderValue::from_str(&name) {
        r.headers_mut().insert(CONTENT_DISPOSITION, v);
    }
    r
}
