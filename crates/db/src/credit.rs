//! PD credit and certificates. Completing a course adds its hours to the
//! learner's ledger and issues a certificate that records what was achieved
//! as it was then (name, course, hours, competencies, issuer), so the
//! public page at its code shows the same thing years later, with whether
//! it still holds.

use crate::codes::Code;
use crate::competencies;
use crate::ids::Id;
use crate::schema::{certificates, pd_ledger};
use crate::{DbConn, DbError, orgs, users};
use diesel::prelude::*;
use lyceum_domain::course::Course;
use lyceum_domain::i18n::Lang;
use lyceum_domain::jobs::{Email, EmailMessage, Job};
use lyceum_domain::pd::{Source, school_year};
use lyceum_domain::token::new_public_id;
use lyceum_domain::{CourseId, OfferingId, Timestamp, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = pd_ledger)]
pub struct LedgerRow {
    pub id: i64,
    pub user_id: i64,
    #[diesel(deserialize_as = Code<Source>)]
    pub source: Source,
    #[diesel(deserialize_as = Id<Option<CourseId>>)]
    pub course_id: Option<CourseId>,
    pub title: String,
    pub quarter_hours: i32,
    pub earned_at: i64,
    pub school_year: i32,
    pub created_at: i64,
    /// A workshop's entry: the offering whose credit rule was met.
    #[diesel(deserialize_as = Id<Option<OfferingId>>)]
    pub offering_id: Option<OfferingId>,
}

impl LedgerRow {
    pub fn hours(&self) -> u32 {
        u32::try_from(self.quarter_hours).unwrap_or(0)
    }
}

/// A competency on a certificate, named as it was when issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertifiedCompetency {
    pub id: String,
    pub name_en: Option<String>,
    pub name_es: Option<String>,
    pub level_en: Option<String>,
    pub level_es: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = certificates)]
pub struct CertificateRow {
    pub id: i64,
    pub code: String,
    pub user_id: i64,
    /// A course's certificate; `None` for a workshop's (`offering_id`).
    #[diesel(deserialize_as = Id<Option<CourseId>>)]
    pub course_id: Option<CourseId>,
    pub course_version: i32,
    pub recipient_name: String,
    pub course_title: String,
    pub course_language: String,
    pub quarter_hours: i32,
    pub competencies: String,
    pub issuer: String,
    pub issued_at: i64,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub revoked_reason: Option<String>,
    #[diesel(deserialize_as = Id<Option<OfferingId>>)]
    pub offering_id: Option<OfferingId>,
}

impl CertificateRow {
    /// Whom it was issued to; `None` when that account has since been
    /// deleted (the name goes with it, the certificate stays verifiable).
    pub fn recipient(&self) -> Option<&str> {
        Some(self.recipient_name.as_str()).filter(|n| !n.is_empty())
    }

    pub fn competencies(&self) -> Result<Vec<CertifiedCompetency>, DbError> {
        serde_json::from_str(&self.competencies)
            .map_err(|e| DbError::Corrupt(format!("certificate {}: {e}", self.id)))
    }

    pub fn hours(&self) -> u32 {
        u32::try_from(self.quarter_hours).unwrap_or(0)
    }
}

/// The ledger, newest first.
pub fn ledger_of(conn: &mut DbConn, user: UserId) -> Result<Vec<LedgerRow>, DbError> {
    Ok(pd_ledger::table
        .filter(pd_ledger::user_id.eq(user.0))
        .order((pd_ledger::earned_at.desc(), pd_ledger::id.desc()))
        .select(LedgerRow::as_select())
        .load(conn)?)
}

/// The person's ledger as [`ledger_of`] lists it, each entry with the code
/// of the certificate its course (or its workshop: the standing one)
/// issued, if it did — in the same statement,
/// for the transcript page, which links each certificate.
pub fn ledger_with_certificates_of(
    conn: &mut DbConn,
    user: UserId,
) -> Result<Vec<(LedgerRow, Option<String>)>, DbError> {
    Ok(crate::on_backend!(conn, |c| pd_ledger::table
        .left_join(
            certificates::table.on(certificates::user_id.eq(pd_ledger::user_id).and(
                certificates::course_id
                    .eq(pd_ledger::course_id)
                    .or(certificates::offering_id
                        .eq(pd_ledger::offering_id)
                        .and(certificates::revoked_at.is_null()))
            )),
        )
        .filter(pd_ledger::user_id.eq(user.0))
        .order((pd_ledger::earned_at.desc(), pd_ledger::id.desc()))
        .select((LedgerRow::as_select(), certificates::code.nullable()))
        .load(c))?)
}

/// One entry for the ledger.
pub struct NewEntry<'a> {
    pub source: Source,
    pub course: Option<CourseId>,
    /// A workshop's entry: one per person and offering (a unique index).
    pub offering: Option<OfferingId>,
    pub title: &'a str,
    pub quarter_hours: u32,
    pub earned_at: Timestamp,
}

/// Adds a ledger entry, in the school year it falls in on the calendar of
/// the person's school (`orgs::zone_of_user`).
pub fn add_entry(
    conn: &mut DbConn,
    user: UserId,
    e: &NewEntry<'_>,
    now: Timestamp,
) -> Result<(), DbError> {
    let zone = orgs::zone_of_user(conn, user)?;
    diesel::insert_into(pd_ledger::table)
        .values((
            pd_ledger::user_id.eq(user.0),
            pd_ledger::source.eq(e.source.as_str()),
            pd_ledger::course_id.eq(e.course.map(|c| c.0)),
            pd_ledger::offering_id.eq(e.offering.map(|o| o.0)),
            pd_ledger::title.eq(e.title),
            pd_ledger::quarter_hours.eq(i32::try_from(e.quarter_hours).unwrap_or(i32::MAX)),
            pd_ledger::earned_at.eq(e.earned_at.micros()),
            pd_ledger::school_year.eq(school_year(e.earned_at, &zone)),
            pd_ledger::created_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// What completing `course` (version `version`) earns: its hours in the
/// ledger and a certificate. Returns the certificate's code.
pub fn on_completion(
    conn: &mut DbConn,
    user: UserId,
    course_id: CourseId,
    version: i32,
    course: &Course,
    now: Timestamp,
) -> Result<String, DbError> {
    add_entry(
        conn,
        user,
        &NewEntry {
            source: Source::Course,
            course: Some(course_id),
            offering: None,
            title: &course.title,
            quarter_hours: course.pd_quarter_hours,
            earned_at: now,
        },
        now,
    )?;
    let person = users::by_id(conn, user)?.ok_or(DbError::NotFound)?;
    // Expiry keeps the wall-clock time of issue in the holder's zone.
    let zone = orgs::zone_of_user(conn, user)?;
    let issuer = issuer(conn)?;
    let json = certified_competencies(conn, &course.builds)?;
    let code = new_public_id().map_err(|e| DbError::task_from("certificate code", e))?;
    diesel::insert_into(certificates::table)
        .values((
            certificates::code.eq(&code),
            certificates::user_id.eq(user.0),
            certificates::course_id.eq(course_id.0),
            certificates::course_version.eq(version),
            certificates::recipient_name.eq(&person.display_name),
            certificates::course_title.eq(&course.title),
            certificates::course_language.eq(course.language.as_str()),
            certificates::quarter_hours
                .eq(i32::try_from(course.pd_quarter_hours).unwrap_or(i32::MAX)),
            certificates::competencies.eq(json),
            certificates::issuer.eq(issuer),
            certificates::issued_at.eq(now.micros()),
            certificates::expires_at.eq(course
                .certificate_months
                .map(|m| now.plus_months(m, &zone).micros())),
        ))
        .execute(conn)?;
    Ok(code)
}

/// Who issues certificates: the programme (the root organisation).
pub(crate) fn issuer(conn: &mut DbConn) -> Result<String, DbError> {
    Ok(orgs::root(conn)?.map_or_else(|| "Lyceum".to_string(), |r| r.name))
}

/// The competencies a certificate records, named as they are now, as JSON.
pub(crate) fn certified_competencies(
    conn: &mut DbConn,
    builds: &[lyceum_domain::course::Builds],
) -> Result<String, DbError> {
    let named: Vec<CertifiedCompetency> = competencies::describe(conn, builds)?
        .into_iter()
        .map(|d| CertifiedCompetency {
            id: d.id,
            name_en: d.name.en,
            name_es: d.name.es,
            level_en: d.level.as_ref().and_then(|l| l.en.clone()),
            level_es: d.level.and_then(|l| l.es),
        })
        .collect();
    serde_json::to_string(&named).map_err(|e| DbError::task_from("certificate JSON", e))
}

/// How long before a certificate expires its holder is reminded.
pub const REMIND_BEFORE: std::time::Duration = std::time::Duration::from_secs(30 * 86_400);

/// Reminds the holders of certificates that expire within
/// [`REMIND_BEFORE`] — not revoked, not reminded before, held by someone
/// with an email address — by enqueueing an email each, and marks them
/// reminded in the same transaction. `link` makes a certificate's public
/// address from its code. Safe to run on any number of workers at once: a
/// certificate is marked by exactly one of them. Returns how many.
pub fn remind_expiring(
    conn: &mut DbConn,
    now: Timestamp,
    link: &dyn Fn(&str) -> String,
) -> Result<usize, DbError> {
    use crate::schema::users as u;
    type Due = (
        i64,
        i64,
        String,
        String,
        i64,
        Option<String>,
        String,
        String,
    );
    let due: Vec<Due> = certificates::table
        .inner_join(u::table.on(u::id.eq(certificates::user_id)))
        .filter(certificates::expires_at.gt(now.micros()))
        .filter(certificates::expires_at.le(now.plus(REMIND_BEFORE).micros()))
        .filter(certificates::reminded_at.is_null())
        .filter(certificates::revoked_at.is_null())
        .filter(u::deleted_at.is_null())
        .order(certificates::expires_at)
        .limit(1_000)
        .select((
            certificates::id,
            certificates::user_id,
            certificates::code,
            certificates::course_title,
            certificates::expires_at.assume_not_null(),
            u::email,
            u::display_name,
            u::preferred_language,
        ))
        .load(conn)?;
    let mut sent = 0;
    for (id, holder, code, course, expires_at, email, name, lang) in due {
        let marked = diesel::update(
            certificates::table
                .find(id)
                .filter(certificates::reminded_at.is_null()),
        )
        .set(certificates::reminded_at.eq(now.micros()))
        .execute(conn)?;
        let Some(to) = email.filter(|_| marked == 1) else {
            continue;
        };
        // The expiry date as the holder's calendar has it.
        let zone = orgs::zone_of_user(conn, UserId(holder))?;
        let job = Job::SendEmail(Email {
            to,
            lang: Lang::parse(&lang).unwrap_or(Lang::En),
            message: EmailMessage::CertificateExpiring {
                name,
                course,
                expires_on: Timestamp::from_micros(expires_at)
                    .date_in(&zone)
                    .to_string(),
                link: link(&code),
            },
        });
        crate::jobs::enqueue(conn, &job, now)?;
        sent += 1;
    }
    Ok(sent)
}

pub fn by_code(conn: &mut DbConn, code: &str) -> Result<Option<CertificateRow>, DbError> {
    Ok(certificates::table
        .filter(certificates::code.eq(code))
        .select(CertificateRow::as_select())
        .first(conn)
        .optional()?)
}

/// The person's certificates, newest first.
pub fn certificates_of(conn: &mut DbConn, user: UserId) -> Result<Vec<CertificateRow>, DbError> {
    Ok(certificates::table
        .filter(certificates::user_id.eq(user.0))
        .order((certificates::issued_at.desc(), certificates::id.desc()))
        .select(CertificateRow::as_select())
        .load(conn)?)
}

/// The certificate a person holds for a course, if any — earned in either
/// of its languages: one is issued for the two, by whichever was completed
/// first (`learning::complete_if_all_done`).
pub fn for_course(
    conn: &mut DbConn,
    user: UserId,
    course: CourseId,
) -> Result<Option<CertificateRow>, DbError> {
    use crate::schema::course_translations as ct;
    let original = ct::table
        .filter(ct::course_id.eq(course.0))
        .select(ct::original_id.nullable());
    let translation = ct::table
        .filter(ct::original_id.eq(course.0))
        .select(ct::course_id.nullable());
    Ok(certificates::table
        .filter(certificates::user_id.eq(user.0))
        .filter(
            certificates::course_id
                .eq(course.0)
                .or(certificates::course_id.eq_any(original))
                .or(certificates::course_id.eq_any(translation)),
        )
        .order((certificates::issued_at, certificates::id))
        .select(CertificateRow::as_select())
        .first(conn)
        .optional()?)
}

/// Revokes a certificate (with why, shown on its page). False if it was
/// revoked already; nothing changes then.
pub fn revoke(
    conn: &mut DbConn,
    code: &str,
    reason: &str,
    now: Timestamp,
) -> Result<bool, DbError> {
    let n = diesel::update(
        certificates::table
            .filter(certificates::code.eq(code))
            .filter(certificates::revoked_at.is_null()),
    )
    .set((
        certificates::revoked_at.eq(now.micros()),
        certificates::revoked_reason.eq(reason),
    ))
    .execute(conn)?;
    Ok(n > 0)
}
