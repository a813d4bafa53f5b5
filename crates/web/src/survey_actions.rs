//! Surveys after workshop sessions, for pages and the API alike: a
//! session's survey as one person may answer it, answering it, the results
//! for those who lead the offering, and changing its questions for those
//! who manage it. Who may see the offering is `workshop_access`'s; who may
//! answer is decided inside the write (`db::workshops::surveys::answer`).

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use crate::workshop_access::{self, OfferingView};
use lyceum_db::workshops::SessionRow;
use lyceum_db::workshops::surveys;
use lyceum_domain::workshop::survey::{self, Questions, QuestionsInput, Refusal, Results};
use lyceum_domain::{OfferingId, SessionId};

use crate::error::{Outcome, refused};

/// One session's survey as the reader stands to it.
pub struct SessionSurvey {
    pub view: OfferingView,
    pub session: SessionRow,
    pub questions: Questions,
    /// Why they may not answer now; `None`: they may.
    pub refusal: Option<Refusal>,
}

/// The session of an offering the reader may see (404 for a session of
/// another offering, or one they may not see).
fn session_of(view: &OfferingView, id: SessionId) -> Result<SessionRow, AppError> {
    view.standing
        .offering
        .sessions
        .iter()
        .find(|s| s.id == id)
        .cloned()
        .ok_or(AppError::NotFound)
}

pub async fn session_survey(
    state: &AppState,
    me: &CurrentUser,
    offering: OfferingId,
    session: SessionId,
) -> Result<SessionSurvey, AppError> {
    let view = workshop_access::load(state, me, offering).await?;
    let place = session_of(&view, session)?;
    let (user, now) = (me.user.id(), state.clock.now());
    let row = view.standing.offering.offering.clone();
    let s = place.clone();
    let (questions, standing) = state
        .db
        .read_brief(move |c| {
            lyceum_db::snapshot(c, |c| {
                Ok((
                    surveys::questions(c, offering)?,
                    surveys::standing(c, &row, &s, user, now)?,
                ))
            })
        })
        .await?;
    Ok(SessionSurvey {
        view,
        session: place,
        questions,
        refusal: survey::may_answer(standing).err(),
    })
}

/// Records the reader's answer: refused (field `survey`) when they may not
/// answer now, or per field when it does not rate every statement.
pub async fn answer(
    state: &AppState,
    me: &CurrentUser,
    offering: OfferingId,
    session: SessionId,
    ratings: Vec<Option<String>>,
    comment: String,
) -> Outcome<()> {
    let view = workshop_access::load(state, me, offering).await?;
    session_of(&view, session)?;
    let (user, now) = (me.user.id(), state.clock.now());
    refused(
        state
            .db
            .write(move |c| {
                let ratings: Vec<Option<&str>> = ratings.iter().map(|r| r.as_deref()).collect();
                surveys::answer(c, offering, session, user, &ratings, &comment, now)
            })
            .await,
    )
}

/// The results of an offering's surveys, for those who lead it.
pub struct SurveyResults {
    pub view: OfferingView,
    pub questions: Questions,
    /// Each session (in order) with its own results.
    pub sessions: Vec<(SessionRow, Results)>,
    /// Over the sessions whose results are shown.
    pub overall: Results,
    /// Anyone answered: the questions may no longer change.
    pub locked: bool,
}

pub async fn results(
    state: &AppState,
    me: &CurrentUser,
    offering: OfferingId,
) -> Result<SurveyResults, AppError> {
    let view = workshop_access::load_led(state, me, offering).await?;
    let (questions, answers) = state
        .db
        .read(move |c| {
            lyceum_db::snapshot(c, |c| {
                Ok((
                    surveys::questions(c, offering)?,
                    surveys::answers_of(c, offering)?,
                ))
            })
        })
        .await?;
    let items = questions.item_count();
    let per_session: Vec<Vec<&survey::Answer>> =
        answers.iter().map(|(_, a)| a.iter().collect()).collect();
    let overall = survey::overall(&per_session, items);
    let locked = answers.iter().any(|(_, a)| !a.is_empty());
    let sessions = view
        .standing
        .offering
        .sessions
        .iter()
        .zip(&per_session)
        .map(|(s, a)| (s.clone(), survey::tally(a, items)))
        .collect();
    Ok(SurveyResults {
        view,
        questions,
        sessions,
        overall,
        locked,
    })
}

/// Replaces the offering's questions (those who manage it): refused per
/// field, and once anyone answered (`item-1`, `survey-locked`).
pub async fn set_questions(
    state: &AppState,
    me: &CurrentUser,
    offering: OfferingId,
    input: &QuestionsInput,
) -> Outcome<()> {
    workshop_access::load_managed(state, me, offering).await?;
    let questions = match input.validate() {
        Ok(q) => q,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let (by, now) = (me.user.id(), state.clock.now());
    refused(
        state
            .db
            .write(move |c| surveys::set_questions(c, offering, &questions, by, now))
            .await,
    )
}

/// The link to an offering's community space, for its page: for those who
/// may read it (the policy decides, as for any space); `None` otherwise.
pub async fn space_link(
    state: &AppState,
    me: &CurrentUser,
    offering: OfferingId,
) -> Result<Option<String>, AppError> {
    let Some(space) = state
        .db
        .read_brief(move |c| lyceum_db::community::space_of_offering(c, offering))
        .await?
    else {
        return Ok(None);
    };
    match crate::spaces::readable(state, me, space).await {
        Ok(s) => Ok(Some(format!("/spaces/{}", s.row.id))),
        Err(AppError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}
