//! People's accounts and profiles.

use crate::schema::{user_grade_bands, user_subjects, users};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::profile::{GradeBand, Profile, SchoolRole, Subject};
use lyceum_domain::search::person_text;
use lyceum_domain::{Timestamp, UserId};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub email: Option<String>,
    pub email_verified_at: Option<i64>,
    pub password_hash: Option<String>,
    pub display_name: String,
    pub preferred_language: String,
    pub years_experience: Option<i32>,
    pub school_role: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub deleted_at: Option<i64>,
    pub deactivated_at: Option<i64>,
    pub search_text: String,
}

impl UserRow {
    pub fn id(&self) -> UserId {
        UserId(self.id)
    }

    pub fn lang(&self) -> Lang {
        Lang::parse(&self.preferred_language).unwrap_or(Lang::En)
    }

    pub fn is_verified(&self) -> bool {
        self.email_verified_at.is_some()
    }

    pub fn is_deleted(&self) -> bool {
        self.deleted_at.is_some()
    }

    /// Taken away by a roster: kept, but may not sign in.
    pub fn is_deactivated(&self) -> bool {
        self.deactivated_at.is_some()
    }

    pub fn email(&self) -> &str {
        self.email.as_deref().unwrap_or("")
    }
}

/// A new account.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub email: &'a EmailAddress,
    pub display_name: &'a str,
    pub password_hash: Option<&'a str>,
    pub lang: Lang,
    pub verified: bool,
}

pub fn by_id(conn: &mut DbConn, id: UserId) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .find(id.0)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_email(conn: &mut DbConn, email: &EmailAddress) -> Result<Option<UserRow>, DbError> {
    Ok(users::table
        .filter(users::email.eq(email.as_str()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// Inserts the account; an address already in use is the `email-taken` error.
pub fn insert(conn: &mut DbConn, new: &NewUser<'_>, now: Timestamp) -> Result<UserId, DbError> {
    if by_email(conn, new.email)?.is_some() {
        return Err(DbError::invalid("email", "email-taken"));
    }
    let id: i64 = diesel::insert_into(users::table)
        .values((
            users::email.eq(new.email.as_str()),
            users::email_verified_at.eq(new.verified.then_some(now.micros())),
            users::password_hash.eq(new.password_hash),
            users::display_name.eq(new.display_name),
            users::preferred_language.eq(new.lang.as_str()),
            users::created_at.eq(now.micros()),
            users::updated_at.eq(now.micros()),
            users::search_text.eq(person_text(new.display_name, new.email.as_str())),
        ))
        .returning(users::id)
        .get_result(conn)
        .map_err(|e| match DbError::from(e) {
            e if e.is_unique_violation() => DbError::invalid("email", "email-taken"),
            e => e,
        })?;
    Ok(UserId(id))
}

pub fn set_password(
    conn: &mut DbConn,
    id: UserId,
    password_hash: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id.0))
        .set((
            users::password_hash.eq(password_hash),
            users::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn mark_verified(conn: &mut DbConn, id: UserId, now: Timestamp) -> Result<(), DbError> {
    diesel::update(
        users::table
            .find(id.0)
            .filter(users::email_verified_at.is_null()),
    )
    .set(users::email_verified_at.eq(now.micros()))
    .execute(conn)?;
    Ok(())
}

pub fn set_email(
    conn: &mut DbConn,
    id: UserId,
    email: &EmailAddress,
    now: Timestamp,
) -> Result<(), DbError> {
    let name: String = users::table
        .find(id.0)
        .select(users::display_name)
        .first(conn)?;
    diesel::update(users::table.find(id.0))
        .set((
            users::email.eq(email.as_str()),
            users::search_text.eq(person_text(&name, email.as_str())),
            users::email_verified_at.eq(now.micros()),
            users::updated_at.eq(now.micros()),
        ))
        .execute(conn)
        .map_err(|e| match DbError::from(e) {
            e if e.is_unique_violation() => DbError::invalid("email", "email-taken"),
            e => e,
        })?;
    Ok(())
}

pub fn set_language(conn: &mut DbConn, id: UserId, lang: Lang) -> Result<(), DbError> {
    diesel::update(users::table.find(id.0))
        .set(users::preferred_language.eq(lang.as_str()))
        .execute(conn)?;
    Ok(())
}

/// Replaces the whole profile, lists included.
pub fn save_profile(
    conn: &mut DbConn,
    id: UserId,
    profile: &Profile,
    now: Timestamp,
) -> Result<(), DbError> {
    let email: Option<String> = users::table.find(id.0).select(users::email).first(conn)?;
    diesel::update(users::table.find(id.0))
        .set((
            users::display_name.eq(&profile.display_name),
            users::search_text.eq(person_text(
                &profile.display_name,
                email.as_deref().unwrap_or(""),
            )),
            users::preferred_language.eq(profile.preferred_language.as_str()),
            users::years_experience.eq(profile.years_experience),
            users::school_role.eq(profile.school_role.map(|r| r.as_str())),
            users::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    diesel::delete(user_subjects::table.filter(user_subjects::user_id.eq(id.0))).execute(conn)?;
    diesel::delete(user_grade_bands::table.filter(user_grade_bands::user_id.eq(id.0)))
        .execute(conn)?;
    // One row at a time: MultiConnection has no batch insert, and the lists are short.
    for subject in &profile.subjects {
        diesel::insert_into(user_subjects::table)
            .values((
                user_subjects::user_id.eq(id.0),
                user_subjects::subject.eq(subject.as_str()),
            ))
            .execute(conn)?;
    }
    for band in &profile.grade_bands {
        diesel::insert_into(user_grade_bands::table)
            .values((
                user_grade_bands::user_id.eq(id.0),
                user_grade_bands::grade_band.eq(band.as_str()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The profile as stored.
pub fn profile(conn: &mut DbConn, user: &UserRow) -> Result<Profile, DbError> {
    // Subjects and grade bands in one statement (one round trip on
    // PostgreSQL), each line marked with the table it came from.
    let lines: Vec<(bool, String)> = crate::on_backend!(conn, |c| user_subjects::table
        .filter(user_subjects::user_id.eq(user.id))
        .select((true.into_sql::<Bool>(), user_subjects::subject))
        .union_all(
            user_grade_bands::table
                .filter(user_grade_bands::user_id.eq(user.id))
                .select((false.into_sql::<Bool>(), user_grade_bands::grade_band)),
        )
        .load(c))?;
    let (subjects, bands): (Vec<_>, Vec<_>) = lines.into_iter().partition(|(subject, _)| *subject);
    let mut subjects: Vec<Subject> = subjects
        .iter()
        .filter_map(|(_, s)| Subject::parse(s))
        .collect();
    let mut grade_bands: Vec<GradeBand> = bands
        .iter()
        .filter_map(|(_, s)| GradeBand::parse(s))
        .collect();
    subjects.sort();
    grade_bands.sort();
    Ok(Profile {
        display_name: user.display_name.clone(),
        preferred_language: user.lang(),
        subjects,
        grade_bands,
        years_experience: user.years_experience,
        school_role: user.school_role.as_deref().and_then(SchoolRole::parse),
    })
}

/// Removes what identifies the person and keeps an empty row, so that
/// records which point at the account (the audit log) stay consistent.
pub fn anonymise(conn: &mut DbConn, id: UserId, now: Timestamp) -> Result<(), DbError> {
    diesel::update(users::table.find(id.0))
        .set((
            users::email.eq(None::<String>),
            users::email_verified_at.eq(None::<i64>),
            users::password_hash.eq(None::<String>),
            users::display_name.eq(""),
            users::search_text.eq(""),
            users::years_experience.eq(None::<i32>),
            users::school_role.eq(None::<String>),
            users::updated_at.eq(now.micros()),
            users::deleted_at.eq(now.micros()),
        ))
        .execute(conn)?;
    diesel::delete(user_subjects::table.filter(user_subjects::user_id.eq(id.0))).execute(conn)?;
    diesel::delete(user_grade_bands::table.filter(user_grade_bands::user_id.eq(id.0)))
        .execute(conn)?;
    // What they wrote and handed in is theirs; their completions stay.
    use crate::schema::{reflections, task_submissions};
    diesel::delete(reflections::table.filter(reflections::user_id.eq(id.0))).execute(conn)?;
    diesel::update(task_submissions::table.filter(task_submissions::user_id.eq(id.0)))
        .set((
            task_submissions::artefact_text.eq(None::<String>),
            task_submissions::file_name.eq(None::<String>),
            task_submissions::file_type.eq(None::<String>),
            task_submissions::file.eq(None::<Vec<u8>>),
        ))
        .execute(conn)?;
    // Evidence sent with outside PD requests goes too; the request (title,
    // hours, decision) stays as the organisation's record of what it credited.
    use crate::schema::{certificates, pd_requests};
    diesel::update(pd_requests::table.filter(pd_requests::user_id.eq(id.0)))
        .set((
            pd_requests::evidence_url.eq(None::<String>),
            pd_requests::evidence_name.eq(None::<String>),
            pd_requests::evidence_type.eq(None::<String>),
            pd_requests::evidence.eq(None::<Vec<u8>>),
        ))
        .execute(conn)?;
    // Certificates stay verifiable by code, without the name (see
    // `CertificateRow::recipient`).
    diesel::update(certificates::table.filter(certificates::user_id.eq(id.0)))
        .set(certificates::recipient_name.eq(""))
        .execute(conn)?;
    Ok(())
}
