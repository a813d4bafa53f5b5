//! Surveys after sessions as stored: an offering's own questions
//! (`offering_surveys`; none means the defaults), answers with no person
//! and no time under a random key (`survey_answers`), and who answered
//! which session (`survey_answered`), which refuses a second answer. The
//! two are never joined: nothing here reads an answer with a person.

use super::{OfferingRow, SessionRow};
use crate::codes::Code;
use crate::schema::{
    attendance, offering_sessions, offering_surveys, survey_answered, survey_answers,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::token::new_public_id;
use lyceum_domain::workshop::survey::{self, Answer, Questions, Refusal, Standing};
use lyceum_domain::workshop::{Mark, RegistrationStatus};
use lyceum_domain::{OfferingId, SessionId, Timestamp, UserId};

/// The offering's questions: its own, or the defaults.
pub fn questions(conn: &mut DbConn, offering: OfferingId) -> Result<Questions, DbError> {
    let own: Option<(String, String)> = offering_surveys::table
        .find(offering.0)
        .select((offering_surveys::items, offering_surveys::free_text))
        .first(conn)
        .optional()?;
    Ok(match own {
        None => Questions::Default,
        Some((items, free_text)) => Questions::Own {
            items: items.lines().map(str::to_string).collect(),
            free_text,
        },
    })
}

/// Whether anyone answered a survey of the offering's sessions.
pub fn answered_any(conn: &mut DbConn, offering: OfferingId) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        survey_answers::table
            .inner_join(offering_sessions::table)
            .filter(offering_sessions::offering_id.eq(offering.0)),
    ))
    .get_result(conn)?)
}

/// Replaces the offering's questions. Refused (`item-1`, `survey-locked`)
/// once anyone answered: the answers' points follow the statements by
/// position, so changing them would change what the answers say.
pub fn set_questions(
    conn: &mut DbConn,
    offering: OfferingId,
    questions: &Questions,
    by: UserId,
    now: Timestamp,
) -> Result<(), DbError> {
    if answered_any(conn, offering)? {
        return Err(DbError::invalid("item-1", "survey-locked"));
    }
    let (items, free_text) = match questions {
        Questions::Default => {
            diesel::delete(offering_surveys::table.find(offering.0)).execute(conn)?;
            return Ok(());
        }
        Questions::Own { items, free_text } => (items.join("\n"), free_text.clone()),
    };
    diesel::delete(offering_surveys::table.find(offering.0)).execute(conn)?;
    diesel::insert_into(offering_surveys::table)
        .values((
            offering_surveys::offering_id.eq(offering.0),
            offering_surveys::items.eq(items),
            offering_surveys::free_text.eq(free_text),
            offering_surveys::updated_by.eq(by.0),
            offering_surveys::updated_at.eq(now.micros()),
        ))
        .execute(conn)?;
    Ok(())
}

/// What decides whether `user` may answer the survey of `session` now.
pub fn standing(
    conn: &mut DbConn,
    offering: &OfferingRow,
    session: &SessionRow,
    user: UserId,
    now: Timestamp,
) -> Result<Standing, DbError> {
    let registration = super::registrations::of(conn, offering.id, user)?;
    let attendance_taken: bool = diesel::select(diesel::dsl::exists(
        attendance::table.filter(attendance::session_id.eq(session.id.0)),
    ))
    .get_result(conn)?;
    let mark: Option<Code<Mark>> = attendance::table
        .find((session.id.0, user.0))
        .select(attendance::mark)
        .first(conn)
        .optional()?;
    Ok(Standing {
        cancelled: offering.cancelled_at.is_some() || session.cancelled_at.is_some(),
        ended: now.micros() >= session.ends_at,
        confirmed: registration.is_some_and(|r| r.status == RegistrationStatus::Confirmed),
        attendance_taken,
        mark: mark.map(Mark::from),
        answered: answered(conn, session.id, user)?,
    })
}

/// Whether `user` answered the survey of `session`.
pub fn answered(conn: &mut DbConn, session: SessionId, user: UserId) -> Result<bool, DbError> {
    Ok(survey_answered::table
        .find((session.0, user.0))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

/// Records `user`'s answer to the survey of `session` (of `offering`):
/// refused (field `survey`) unless they may answer now (see
/// `survey::may_answer`), and (per field) when the answer does not rate
/// every statement. The person is written to one table, the answer to
/// another with a random key, in one transaction.
pub fn answer(
    conn: &mut DbConn,
    offering: OfferingId,
    session: SessionId,
    user: UserId,
    ratings: &[Option<&str>],
    comment: &str,
    now: Timestamp,
) -> Result<(), DbError> {
    let row = super::find(conn, offering)?.ok_or(DbError::NotFound)?;
    let place = super::session(conn, session)?
        .filter(|s| s.offering_id == offering)
        .ok_or(DbError::NotFound)?;
    let questions = questions(conn, offering)?;
    survey::may_answer(standing(conn, &row, &place, user, now)?).map_err(refused)?;
    let answer = survey::answer(ratings, comment, questions.item_count())?;
    let marked = diesel::insert_into(survey_answered::table)
        .values((
            survey_answered::session_id.eq(session.0),
            survey_answered::user_id.eq(user.0),
        ))
        .execute(conn);
    if let Err(e) = marked.map_err(DbError::from) {
        // Two answers at once: the key lets one through.
        return Err(match e.is_unique_violation() {
            true => refused(Refusal::Answered),
            false => e,
        });
    }
    let id = new_public_id().map_err(|e| DbError::task_from("no random numbers", e))?;
    let point = |n: usize| answer.ratings.get(n).map(|p| i32::from(*p));
    diesel::insert_into(survey_answers::table)
        .values((
            survey_answers::id.eq(id),
            survey_answers::session_id.eq(session.0),
            survey_answers::rating_1.eq(point(0)),
            survey_answers::rating_2.eq(point(1)),
            survey_answers::rating_3.eq(point(2)),
            survey_answers::rating_4.eq(point(3)),
            survey_answers::rating_5.eq(point(4)),
            survey_answers::comment.eq(&answer.comment),
        ))
        .execute(conn)?;
    Ok(())
}

fn refused(r: Refusal) -> DbError {
    DbError::Invalid(r.invalid())
}

type Ratings = (
    i64,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    String,
);

/// Every answer to the offering's surveys, by session (in session order,
/// sessions with none too); within one, in the order of their random keys.
pub fn answers_of(
    conn: &mut DbConn,
    offering: OfferingId,
) -> Result<Vec<(SessionId, Vec<Answer>)>, DbError> {
    let mut out: Vec<(SessionId, Vec<Answer>)> = super::sessions_of(conn, offering)?
        .into_iter()
        .map(|s| (s.id, Vec::new()))
        .collect();
    let rows: Vec<Ratings> = survey_answers::table
        .inner_join(offering_sessions::table)
        .filter(offering_sessions::offering_id.eq(offering.0))
        .order(survey_answers::id)
        .select((
            survey_answers::session_id,
            survey_answers::rating_1,
            survey_answers::rating_2,
            survey_answers::rating_3,
            survey_answers::rating_4,
            survey_answers::rating_5,
            survey_answers::comment,
        ))
        .load(conn)?;
    for (session, r1, r2, r3, r4, r5, comment) in rows {
        let ratings = [r1, r2, r3, r4, r5]
            .into_iter()
            .map_while(|r| r.and_then(|p| u8::try_from(p).ok()))
            .collect();
        if let Some((_, list)) = out.iter_mut().find(|(s, _)| s.0 == session) {
            list.push(Answer { ratings, comment });
        }
    }
    Ok(out)
}
