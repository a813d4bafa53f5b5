//! The AI-literacy picture and self-assessment, for pages and the API
//! alike: where an educator stands on each aspect of the default framework
//! (their own word beside what completed courses show), the courses that
//! build their weakest aspects next, and saving a self-assessment.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::courses::CourseRow;
use lyceum_db::{competencies, literacy, users};
use lyceum_domain::UserId;
use lyceum_domain::competency::standing::{self, Standing};
use lyceum_domain::competency::{DEFAULT_FRAMEWORK, Framework, Item};
use lyceum_domain::i18n::Lang;
use lyceum_domain::policy::Actor;
use lyceum_domain::profile::Profile;
use lyceum_domain::validation::Invalid;
use std::collections::HashMap;

/// Most courses suggested.
const SUGGESTIONS: usize = 6;

/// A course that builds an aspect at the level the educator needs next.
pub struct Suggested {
    pub course: CourseRow,
    /// The aspect's item id and the level's key.
    pub aspect: String,
    pub level: String,
}

/// Where one educator stands.
pub struct Picture {
    pub framework: Framework,
    /// Their self-assessment: level key per aspect id.
    pub assessed: HashMap<String, String>,
    /// The evidence: (competency id, level the course builds it to) of each
    /// completed course.
    pub built: Vec<(String, Option<String>)>,
    /// Per aspect, in the framework's order.
    pub standings: Vec<Standing>,
    pub profile: Profile,
    pub suggestions: Vec<Suggested>,
}

impl Picture {
    /// A level's key from its place (1-based; 0, "not yet", has none).
    pub fn level_key(&self, n: usize) -> Option<&str> {
        n.checked_sub(1)
            .and_then(|i| self.framework.levels.get(i))
            .map(|l| l.key.as_str())
    }
}

/// The default framework (404 if it was never loaded).
pub async fn framework(state: &AppState) -> Result<Framework, AppError> {
    state
        .db
        .read(|c| competencies::load(c, DEFAULT_FRAMEWORK))
        .await?
        .ok_or(AppError::NotFound)
}

/// `me`'s picture, its suggestions in `lang` where a course has it.
pub async fn picture(state: &AppState, me: &CurrentUser, lang: Lang) -> Result<Picture, AppError> {
    let (id, row) = (me.user.id(), me.user.clone());
    let (framework, assessed, built, profile) = state
        .db
        .read(move |c| {
            let framework = competencies::load(c, DEFAULT_FRAMEWORK)?;
            Ok((
                framework,
                literacy::assessed(c, id, DEFAULT_FRAMEWORK)?,
                literacy::built(c, id)?,
                users::profile(c, &row)?,
            ))
        })
        .await?;
    let framework = framework.ok_or(AppError::NotFound)?;
    let standings = standing::standings(&framework, &assessed, &built);
    let suggestions = suggest(state, &me.actor, &framework, &standings, &profile, lang).await?;
    Ok(Picture {
        framework,
        assessed,
        built,
        standings,
        profile,
        suggestions,
    })
}

/// Courses that build the weakest aspects at their next level, ranked for
/// the educator: those in `lang` before the other language's, then those
/// for their subjects and grade bands (a course that names none suits
/// everyone) before the rest, then most completed first; a course in two
/// languages once, in `lang` where it has it. A filled-in profile only
/// reorders: what one teaches never empties the list.
async fn suggest(
    state: &AppState,
    viewer: &Actor,
    f: &Framework,
    standings: &[Standing],
    profile: &Profile,
    lang: Lang,
) -> Result<Vec<Suggested>, AppError> {
    let next = standing::next_levels(f, standings);
    let wanted: Vec<String> = f
        .items
        .iter()
        .filter(|i| {
            i.parent
                .as_deref()
                .is_some_and(|p| next.iter().any(|(a, _)| *a == p))
        })
        .map(|i| i.id.clone())
        .collect();
    let viewer = viewer.clone();
    let candidates = state
        .db
        .read(move |c| literacy::candidates(c, &viewer, &wanted, lang))
        .await?;
    let subjects: Vec<&str> = profile.subjects.iter().map(|s| s.as_str()).collect();
    let bands: Vec<&str> = profile.grade_bands.iter().map(|b| b.as_str()).collect();
    // In the aspects' order, each course once, for the level it builds.
    let mut found: Vec<(&literacy::Candidate, &str, &str)> = Vec::new();
    for (aspect, level) in &next {
        for c in &candidates {
            let builds = standing::built_level(f, &c.competency, c.level.as_deref());
            if builds == Some((aspect, level))
                && !found.iter().any(|(s, _, _)| s.course.id == c.course.id)
            {
                found.push((c, aspect, level));
            }
        }
    }
    // A stable sort: within a rank, the aspects' order and completions stay.
    found.sort_by_key(|(c, _, _)| {
        (
            c.course.lang() != lang,
            !suits(&c.subjects, &subjects),
            !suits(&c.grade_bands, &bands),
        )
    });
    Ok(found
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(c, aspect, level)| Suggested {
            course: c.course.clone(),
            aspect: aspect.to_string(),
            level: level.to_string(),
        })
        .collect())
}

/// Whether a course listing `listed` (subjects or grade bands) is for
/// someone with `mine`: it lists none, or one of theirs. Someone who gave
/// none is suited by every course, so ranks nothing above another.
pub fn suits(listed: &[String], mine: &[&str]) -> bool {
    listed.is_empty() || mine.is_empty() || listed.iter().any(|l| mine.contains(&l.as_str()))
}

/// Saves a self-assessment: for each aspect (in the framework's order),
/// `pick` gives the field that holds it and the level key chosen (`None`
/// or empty: "not yet"). `Err(Invalid)` inside names each field holding a
/// level the framework does not have; nothing changed then.
pub async fn assess(
    state: &AppState,
    user: UserId,
    f: &Framework,
    pick: impl Fn(usize, &Item) -> (String, Option<String>),
) -> Result<Result<(), Invalid>, AppError> {
    let mut invalid = Invalid::new();
    let mut levels = Vec::new();
    for (i, aspect) in standing::aspects(f).iter().enumerate() {
        let (field, chosen) = pick(i, aspect);
        match chosen.as_deref() {
            None | Some("") => {}
            Some(level) if f.levels.iter().any(|l| l.key == level) => {
                levels.push((aspect.id.clone(), level.to_string()));
            }
            Some(_) => invalid.add(field, "choose-one"),
        }
    }
    if !invalid.is_empty() {
        return Ok(Err(invalid));
    }
    let now = state.clock.now();
    state
        .db
        .write(move |c| literacy::assess(c, user, DEFAULT_FRAMEWORK, &levels, now))
        .await?;
    Ok(Ok(()))
}
