//! Courses as stored: saving a checked course (a new one, or a new version
//! of one with the same slug), and reading it back for the catalogue, the
//! course page and the lesson page.
//!
//! A version's modules and lessons are never changed once saved: a new
//! version adds rows, so a learner who started an older one can finish it.
//! The `courses` row carries the details of the version learners now start.

use crate::codes::Code;
use crate::ids::Id;
use crate::schema::{
    competencies, competency_levels, course_competencies, course_grade_bands, course_modules,
    course_prerequisites, course_subjects, course_translations, courses, lessons,
};
use crate::{DbConn, DbError, orgs};
use diesel::prelude::*;
use lyceum_domain::course::{ActivityKind, Builds, Course, Delivery, Lesson, Module};
use lyceum_domain::i18n::Lang;
use lyceum_domain::json_input::Problem;
use lyceum_domain::org::OrgPath;
use lyceum_domain::policy::{Action, Actor, SeenOwners};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{CourseId, OrgId, Timestamp};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = courses)]
pub struct CourseRow {
    #[diesel(deserialize_as = Id<CourseId>)]
    pub id: CourseId,
    pub slug: String,
    pub version: i32,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub pd_quarter_hours: i32,
    #[diesel(deserialize_as = Code<Delivery>)]
    pub delivery: Delivery,
    pub licence: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub certificate_months: Option<i32>,
    /// The organisation that owns the course: its authors write it.
    pub org_id: i64,
}

impl CourseRow {
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.language).unwrap_or(Lang::En)
    }

    pub fn hours(&self) -> u32 {
        u32::try_from(self.pd_quarter_hours).unwrap_or(0)
    }
}

/// What [`save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub id: CourseId,
    pub version: i32,
    pub new_course: bool,
    /// The file was the same as the version learners start now: nothing written.
    pub unchanged: bool,
}

fn position(i: usize) -> i32 {
    // Lists are bounded far below i32::MAX by the course rules.
    i32::try_from(i).unwrap_or(i32::MAX)
}

/// What only the database can check: the competencies exist (and are not
/// retired), their levels are their framework's, the prerequisites are
/// courses here (and not this one).
pub fn problems(conn: &mut DbConn, c: &Course) -> Result<Vec<Problem>, DbError> {
    let mut problems = Vec::new();
    for (i, b) in c.builds.iter().enumerate() {
        let at = format!("competencies[{i}]");
        let found: Option<(String, Option<i64>)> = competencies::table
            .find(&b.competency)
            .select((competencies::framework_id, competencies::retired_at))
            .first(conn)
            .optional()?;
        match found {
            None => problems.push(Problem::new(
                format!("{at}.id"),
                format!("no competency {} in this deployment", b.competency),
            )),
            Some((_, Some(_))) => problems.push(Problem::new(
                format!("{at}.id"),
                format!(
                    "the competency {} was retired from its framework",
                    b.competency
                ),
            )),
            Some((framework, None)) => {
                if let Some(level) = &b.level {
                    let known = competency_levels::table
                        .find((&framework, level))
                        .count()
                        .get_result::<i64>(conn)?
                        > 0;
                    if !known {
                        problems.push(Problem::new(
                            format!("{at}.level"),
                            format!("{level:?} is not a level of the framework {framework}"),
                        ));
                    }
                }
            }
        }
    }
    for (i, slug) in c.prerequisites.iter().enumerate() {
        let at = format!("prerequisites[{i}]");
        if slug == &c.slug {
            problems.push(Problem::new(at, "a course cannot be its own prerequisite"));
        } else if by_slug(conn, slug)?.is_none() {
            problems.push(Problem::new(
                at,
                format!("no course {slug} here: import it first"),
            ));
        }
    }
    translation_problems(conn, c, &mut problems)?;
    Ok(problems)
}

/// A translation names an original that is here, not itself a translation
/// nor translated already, whose lessons correspond to its own
/// (`course::translation`); an original's new version must still
/// correspond to its translation.
fn translation_problems(
    conn: &mut DbConn,
    c: &Course,
    problems: &mut Vec<Problem>,
) -> Result<(), DbError> {
    use lyceum_domain::course::translation::mismatches;
    let existing = by_slug(conn, &c.slug)?;
    let translated_by = match &existing {
        Some(row) => course_translations::table
            .filter(course_translations::original_id.eq(row.id.0))
            .select(course_translations::course_id)
            .first::<i64>(conn)
            .optional()?,
        None => None,
    };
    if let Some(original) = &c.translation_of {
        let at = "translation_of";
        match current(conn, original)? {
            None => problems.push(Problem::new(
                at,
                format!("no course {original} here: import it first"),
            )),
            Some((_, o)) if o.translation_of.is_some() => problems.push(Problem::new(
                at,
                format!(
                    "{original} is itself a translation of {}: name that course",
                    o.translation_of.as_deref().unwrap_or_default()
                ),
            )),
            Some((row, o)) => {
                let other = course_translations::table
                    .filter(course_translations::original_id.eq(row.id.0))
                    .inner_join(courses::table.on(courses::id.eq(course_translations::course_id)))
                    .select(courses::slug)
                    .first::<String>(conn)
                    .optional()?;
                match other {
                    Some(other) if other != c.slug => problems.push(Problem::new(
                        at,
                        format!("{original} already has a translation, {other}"),
                    )),
                    _ if translated_by.is_some() => problems.push(Problem::new(
                        at,
                        format!("{} has a translation itself: a course is translated once, from its original", c.slug),
                    )),
                    _ => problems.extend(mismatches(c, &o)),
                }
            }
        }
    }
    if let Some(id) = translated_by
        && let Some(row) = by_id(conn, CourseId(id))?
        && let Some(t) = load_version(conn, &row, row.version)?
    {
        for p in mismatches(&t, c) {
            problems.push(Problem::new(
                "modules",
                format!(
                    "its translation {} would no longer correspond: {}",
                    t.slug, p.message
                ),
            ));
        }
    }
    Ok(())
}

/// The same course in its other language: its translation, or the original
/// it translates.
pub fn translation(conn: &mut DbConn, id: CourseId) -> Result<Option<CourseRow>, DbError> {
    let other: Option<i64> = course_translations::table
        .filter(
            course_translations::course_id
                .eq(id.0)
                .or(course_translations::original_id.eq(id.0)),
        )
        .select((
            course_translations::course_id,
            course_translations::original_id,
        ))
        .first::<(i64, i64)>(conn)
        .optional()?
        .map(|(t, o)| if t == id.0 { o } else { t });
    match other {
        Some(o) => by_id(conn, CourseId(o)),
        None => Ok(None),
    }
}

/// The other language of each of `ids` that has one (id → that course's
/// row), in two reads whatever the number: what the catalogue's cards say.
/// (Pairs are few — a programme translates some of its hundreds of
/// courses — so all are read and matched here rather than with a long `IN`.)
pub fn translations_of(
    conn: &mut DbConn,
    ids: &[CourseId],
) -> Result<std::collections::HashMap<CourseId, CourseRow>, DbError> {
    let asked: std::collections::HashSet<CourseId> = ids.iter().copied().collect();
    let pairs: Vec<(CourseId, CourseId)> = course_translations::table
        .select((
            course_translations::course_id,
            course_translations::original_id,
        ))
        .load::<(Id<CourseId>, Id<CourseId>)>(conn)?
        .into_iter()
        .map(|(t, o)| (t.into(), o.into()))
        .filter(|(t, o)| asked.contains(t) || asked.contains(o))
        .collect();
    if pairs.is_empty() {
        return Ok(Default::default());
    }
    let wanted: Vec<i64> = pairs.iter().flat_map(|(a, b)| [a.0, b.0]).collect();
    let rows: std::collections::HashMap<CourseId, CourseRow> = courses::table
        .filter(courses::id.eq_any(&wanted))
        .select(CourseRow::as_select())
        .load::<CourseRow>(conn)?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let mut out = std::collections::HashMap::new();
    for (t, o) in pairs {
        if let (Some(tr), Some(or)) = (rows.get(&t), rows.get(&o)) {
            out.insert(t, or.clone());
            out.insert(o, tr.clone());
        }
    }
    Ok(out)
}

/// One card per course in two languages: of a course and its translation
/// both in `rows`, the one not in `lang` is left out (a course whose other
/// language was not found stays, whatever its language).
pub fn one_per_translation<R: std::borrow::Borrow<CourseRow>>(
    rows: Vec<R>,
    others: &std::collections::HashMap<CourseId, CourseRow>,
    lang: Lang,
) -> Vec<R> {
    let found: std::collections::HashSet<CourseId> = rows.iter().map(|r| r.borrow().id).collect();
    rows.into_iter()
        .filter(|r| {
            let r = r.borrow();
            r.lang() == lang
                || others
                    .get(&r.id)
                    .is_none_or(|o| !found.contains(&o.id) || o.lang() != lang)
        })
        .collect()
}

/// The owner of the programme's own courses: its root, or — before a
/// programme exists — 0, which [`owner`] reads as the programme once it does.
pub fn programme_owner(conn: &mut DbConn) -> Result<OrgId, DbError> {
    Ok(orgs::root(conn)?.map_or(OrgId(0), |r| r.id()))
}

/// Who owns a course an operator imports (`lyceum import course`): an
/// existing course keeps its owner (refused on field `org` if `wanted` is
/// another); a new one belongs to `wanted`, else to the programme.
pub fn import_owner(
    conn: &mut DbConn,
    slug: &str,
    wanted: Option<OrgId>,
) -> Result<OrgId, DbError> {
    match (by_slug(conn, slug)?, wanted) {
        (Some(row), Some(w)) if !same_owner(conn, OrgId(row.org_id), w)? => {
            let name = owner(conn, OrgId(row.org_id))?.2;
            Err(DbError::Invalid(Invalid(vec![
                FieldError::new("org", "course-not-yours").with_arg("org", name),
            ])))
        }
        (Some(row), _) => Ok(OrgId(row.org_id)),
        (None, Some(w)) => Ok(w),
        (None, None) => programme_owner(conn),
    }
}

fn same_owner(conn: &mut DbConn, a: OrgId, b: OrgId) -> Result<bool, DbError> {
    if a == b {
        return Ok(true);
    }
    Ok(owner(conn, a)?.0 == owner(conn, b)?.0)
}

/// An owning organisation as (id, path, name). An owner that names no
/// organisation (0: imported before a programme existed) is the programme.
pub fn owner(conn: &mut DbConn, org: OrgId) -> Result<(OrgId, OrgPath, String), DbError> {
    let row = match orgs::by_id(conn, org)? {
        Some(row) => row,
        None => orgs::root(conn)?.ok_or(DbError::NotFound)?,
    };
    let path = OrgPath::parse(&row.path).ok_or_else(|| {
        DbError::Corrupt(format!("organisation {} has path {:?}", row.id, row.path))
    })?;
    Ok((row.id(), path, row.name))
}

/// The courses `author` may write new versions of (`Action::WriteCourse`
/// on each one's owner), by title.
pub fn writable_by(conn: &mut DbConn, author: &Actor) -> Result<Vec<CourseRow>, DbError> {
    let root = orgs::root(conn)?.and_then(|r| OrgPath::parse(&r.path));
    let rows: Vec<(CourseRow, Option<String>)> = courses::table
        .left_join(crate::schema::orgs::table.on(crate::schema::orgs::id.eq(courses::org_id)))
        .order((courses::title, courses::id))
        .select((CourseRow::as_select(), crate::schema::orgs::path.nullable()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, path)| {
            // Owner 0 (from before a programme existed): the programme's.
            let owner = path.as_deref().and_then(OrgPath::parse).or(root.clone());
            owner.is_some_and(|p| author.can(Action::WriteCourse, &p))
        })
        .map(|(row, _)| row)
        .collect())
}

/// Saves a course: a new one, owned by `owner`, or a new version of the one
/// with its slug (unless it is the same as the current version), which must
/// be `owner`'s — a version never moves a course to another organisation.
/// Refused, with nothing written, if there are [`problems`].
pub fn save(conn: &mut DbConn, c: &Course, owner: OrgId, now: Timestamp) -> Result<Saved, DbError> {
    let found = problems(conn, c)?;
    if !found.is_empty() {
        return Err(DbError::Course(found));
    }
    let existing = by_slug(conn, &c.slug)?;
    if let Some(row) = &existing
        && !same_owner(conn, OrgId(row.org_id), owner)?
    {
        let name = self::owner(conn, OrgId(row.org_id))?.2;
        return Err(DbError::Invalid(Invalid(vec![
            FieldError::new("org", "course-not-yours").with_arg("org", name),
        ])));
    }
    if let Some(original) = &c.translation_of
        && let Some(o) = by_slug(conn, original)?
        && !same_owner(conn, OrgId(o.org_id), owner)?
    {
        return Err(DbError::Course(vec![Problem::new(
            "translation_of",
            format!(
                "{original} belongs to another organisation: a course and its translation have one owner"
            ),
        )]));
    }
    if let Some(row) = &existing
        && load_version(conn, row, row.version)?.as_ref() == Some(c)
    {
        return Ok(Saved {
            id: row.id,
            version: row.version,
            new_course: false,
            unchanged: true,
        });
    }
    let details = (
        courses::language.eq(c.language.as_str()),
        courses::title.eq(&c.title),
        courses::summary.eq(&c.summary),
        courses::pd_quarter_hours.eq(i32::try_from(c.pd_quarter_hours).unwrap_or(i32::MAX)),
        courses::delivery.eq(c.delivery.as_str()),
        courses::licence.eq(&c.licence),
        courses::certificate_months.eq(c.certificate_months.and_then(|m| i32::try_from(m).ok())),
        courses::updated_at.eq(now.micros()),
        courses::search_text.eq(c.search_text()),
    );
    let (id, version) = match &existing {
        Some(row) => {
            let version = row.version + 1;
            diesel::update(courses::table.find(row.id.0))
                .set((courses::version.eq(version), details))
                .execute(conn)?;
            (row.id, version)
        }
        None => {
            let id: i64 = diesel::insert_into(courses::table)
                .values((
                    courses::slug.eq(&c.slug),
                    courses::org_id.eq(owner.0),
                    courses::version.eq(1),
                    details,
                    courses::created_at.eq(now.micros()),
                ))
                .returning(courses::id)
                .get_result(conn)?;
            (CourseId(id), 1)
        }
    };

    // What the catalogue filters on: the current version's.
    diesel::delete(course_subjects::table.filter(course_subjects::course_id.eq(id.0)))
        .execute(conn)?;
    for s in &c.subjects {
        diesel::insert_into(course_subjects::table)
            .values((
                course_subjects::course_id.eq(id.0),
                course_subjects::subject.eq(s.as_str()),
            ))
            .execute(conn)?;
    }
    diesel::delete(course_grade_bands::table.filter(course_grade_bands::course_id.eq(id.0)))
        .execute(conn)?;
    for g in &c.grade_bands {
        diesel::insert_into(course_grade_bands::table)
            .values((
                course_grade_bands::course_id.eq(id.0),
                course_grade_bands::grade_band.eq(g.as_str()),
            ))
            .execute(conn)?;
    }
    diesel::delete(course_competencies::table.filter(course_competencies::course_id.eq(id.0)))
        .execute(conn)?;
    for (i, b) in c.builds.iter().enumerate() {
        diesel::insert_into(course_competencies::table)
            .values((
                course_competencies::course_id.eq(id.0),
                course_competencies::competency_id.eq(&b.competency),
                course_competencies::level_key.eq(&b.level),
                course_competencies::position.eq(position(i)),
            ))
            .execute(conn)?;
    }
    diesel::delete(course_prerequisites::table.filter(course_prerequisites::course_id.eq(id.0)))
        .execute(conn)?;
    for (i, slug) in c.prerequisites.iter().enumerate() {
        let other = by_slug(conn, slug)?.ok_or(DbError::NotFound)?;
        diesel::insert_into(course_prerequisites::table)
            .values((
                course_prerequisites::course_id.eq(id.0),
                course_prerequisites::prerequisite_id.eq(other.id.0),
                course_prerequisites::position.eq(position(i)),
            ))
            .execute(conn)?;
    }

    diesel::delete(course_translations::table.filter(course_translations::course_id.eq(id.0)))
        .execute(conn)?;
    if let Some(original) = &c.translation_of {
        let o = by_slug(conn, original)?.ok_or(DbError::NotFound)?;
        diesel::insert_into(course_translations::table)
            .values((
                course_translations::course_id.eq(id.0),
                course_translations::original_id.eq(o.id.0),
            ))
            .execute(conn)?;
    }

    // The version's content: added, never changed.
    for (m, module) in c.modules.iter().enumerate() {
        diesel::insert_into(course_modules::table)
            .values((
                course_modules::course_id.eq(id.0),
                course_modules::version.eq(version),
                course_modules::position.eq(position(m)),
                course_modules::title.eq(&module.title),
            ))
            .execute(conn)?;
        for (l, lesson) in module.lessons.iter().enumerate() {
            let activities: Vec<&str> = lesson.activities.iter().map(|a| a.as_str()).collect();
            let quiz = to_json(&lesson.quiz)?;
            let reflection = to_json(&lesson.reflection)?;
            let task = to_json(&lesson.task)?;
            diesel::insert_into(lessons::table)
                .values((
                    lessons::course_id.eq(id.0),
                    lessons::version.eq(version),
                    lessons::module_position.eq(position(m)),
                    lessons::position.eq(position(l)),
                    lessons::key.eq(&lesson.key),
                    lessons::title.eq(&lesson.title),
                    lessons::markdown.eq(&lesson.markdown),
                    lessons::activities.eq(activities.join(" ")),
                    lessons::quiz.eq(quiz),
                    lessons::reflection.eq(reflection),
                    lessons::task.eq(task),
                ))
                .execute(conn)?;
        }
    }
    Ok(Saved {
        id,
        version,
        new_course: existing.is_none(),
        unchanged: false,
    })
}

pub fn by_slug(conn: &mut DbConn, slug: &str) -> Result<Option<CourseRow>, DbError> {
    Ok(courses::table
        .filter(courses::slug.eq(slug))
        .select(CourseRow::as_select())
        .first(conn)
        .optional()?)
}

type Backend = <DbConn as diesel::Connection>::Backend;

/// A condition on `courses` rows.
type Seen = Box<dyn BoxableExpression<courses::table, Backend, SqlType = diesel::sql_types::Bool>>;

/// Who is looking at a list of courses (`None`: someone not signed in).
/// Lists of courses ask this, and only this, which courses to leave out
/// (`policy::Actor::sees_course`): the catalogue, its search and facets,
/// the "what next" suggestions — and the API that will list them.
///
/// `None` means every course. Otherwise the owner is the programme (its
/// root, or 0: from before a programme existed), one of a handful of ids
/// (the nodes from the root to each of the viewer's memberships), or
/// inside a subtree the viewer authors or administers — an `IN` list on
/// `courses_org` and a range on `orgs.path`: the cost does not grow with the
/// number of people or organisations.
fn seen_by(conn: &mut DbConn, viewer: Option<&Actor>) -> Result<Option<Seen>, DbError> {
    let seen = viewer.map_or_else(SeenOwners::anonymous, Actor::seen_course_owners);
    let SeenOwners::Some { ids, subtrees } = seen else {
        return Ok(None);
    };
    let mut owners: Vec<i64> = ids.iter().map(|id| id.0).collect();
    if owners.is_empty() {
        // (Every membership's path starts at the root: only someone who
        // belongs nowhere needs it looked up.)
        owners.push(programme_owner(conn)?.0);
    }
    owners.push(0);
    owners.sort_unstable();
    owners.dedup();
    let mut seen: Seen = Box::new(courses::org_id.eq_any(owners));
    for tree in subtrees {
        let inside = crate::schema::orgs::table
            .filter(crate::schema::orgs::path.ge(tree.as_str().to_string()))
            .filter(crate::schema::orgs::path.lt(tree.subtree_end()))
            .select(crate::schema::orgs::id);
        seen = Box::new(seen.or(courses::org_id.eq_any(inside)));
    }
    Ok(Some(seen))
}

/// The courses `viewer` sees, by title.
pub fn list(conn: &mut DbConn, viewer: Option<&Actor>) -> Result<Vec<CourseRow>, DbError> {
    let mut q = courses::table
        .order((courses::title, courses::id))
        .select(CourseRow::as_select())
        .into_boxed();
    if let Some(seen) = seen_by(conn, viewer)? {
        q = q.filter(seen);
    }
    Ok(q.load(conn)?)
}

/// Of the courses `ids`, those `viewer` sees (for lists that start
/// elsewhere: suggestions, prerequisites).
pub fn seen_among(
    conn: &mut DbConn,
    viewer: Option<&Actor>,
    ids: &[CourseId],
) -> Result<std::collections::HashSet<CourseId>, DbError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let mut q = courses::table
        .filter(courses::id.eq_any(ids))
        .select(courses::id)
        .into_boxed();
    if let Some(seen) = seen_by(conn, viewer)? {
        q = q.filter(seen);
    }
    Ok(q.load::<Id<CourseId>>(conn)?
        .into_iter()
        .map(CourseId::from)
        .collect())
}

/// A lesson's optional part (quiz, reflection, task) as the JSON stored.
fn to_json<T: serde::Serialize>(part: &Option<T>) -> Result<Option<String>, DbError> {
    part.as_ref()
        .map(|p| serde_json::to_string(p).map_err(|e| DbError::task_from("course JSON", e)))
        .transpose()
}

fn from_json<T: serde::de::DeserializeOwned>(
    json: &Option<String>,
) -> Result<Option<T>, serde_json::Error> {
    json.as_deref().map(serde_json::from_str).transpose()
}

fn codes<T>(text: &str, parse: fn(&str) -> Option<T>) -> Result<Vec<T>, DbError> {
    text.split_whitespace()
        .map(|c| parse(c).ok_or_else(|| DbError::Corrupt(format!("unknown code {c:?}"))))
        .collect()
}

/// One version of a course, whole, as it was saved (lesson text included).
pub fn load_version(
    conn: &mut DbConn,
    row: &CourseRow,
    version: i32,
) -> Result<Option<Course>, DbError> {
    let modules: Vec<(i32, String)> = course_modules::table
        .filter(course_modules::course_id.eq(row.id.0))
        .filter(course_modules::version.eq(version))
        .order(course_modules::position)
        .select((course_modules::position, course_modules::title))
        .load(conn)?;
    if modules.is_empty() {
        return Ok(None);
    }
    type LessonCols = (
        i32,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let all: Vec<LessonCols> = lessons::table
        .filter(lessons::course_id.eq(row.id.0))
        .filter(lessons::version.eq(version))
        .order((lessons::module_position, lessons::position))
        .select((
            lessons::module_position,
            lessons::key,
            lessons::title,
            lessons::markdown,
            lessons::activities,
            lessons::quiz,
            lessons::reflection,
            lessons::task,
        ))
        .load(conn)?;
    let mut out_modules = Vec::with_capacity(modules.len());
    for (pos, title) in modules {
        let mut module_lessons = Vec::new();
        for (_, key, title, markdown, activities, quiz, reflection, task) in
            all.iter().filter(|l| l.0 == pos)
        {
            let part = |what: &str, json: &Option<String>| {
                DbError::Corrupt(format!("course {} lesson {key} {what}: {json:?}", row.id))
            };
            module_lessons.push(Lesson {
                key: key.clone(),
                title: title.clone(),
                markdown: markdown.clone(),
                activities: codes(activities, ActivityKind::parse)?,
                quiz: from_json(quiz).map_err(|_| part("quiz", quiz))?,
                reflection: from_json(reflection).map_err(|_| part("reflection", reflection))?,
                task: from_json(task).map_err(|_| part("task", task))?,
            });
        }
        out_modules.push(Module {
            title,
            lessons: module_lessons,
        });
    }
    let subjects: Vec<String> = course_subjects::table
        .filter(course_subjects::course_id.eq(row.id.0))
        .select(course_subjects::subject)
        .load(conn)?;
    let bands: Vec<String> = course_grade_bands::table
        .filter(course_grade_bands::course_id.eq(row.id.0))
        .select(course_grade_bands::grade_band)
        .load(conn)?;
    let builds: Vec<(String, Option<String>)> = course_competencies::table
        .filter(course_competencies::course_id.eq(row.id.0))
        .order(course_competencies::position)
        .select((
            course_competencies::competency_id,
            course_competencies::level_key,
        ))
        .load(conn)?;
    let prerequisites: Vec<String> = course_prerequisites::table
        .inner_join(courses::table.on(courses::id.eq(course_prerequisites::prerequisite_id)))
        .filter(course_prerequisites::course_id.eq(row.id.0))
        .order(course_prerequisites::position)
        .select(courses::slug)
        .load(conn)?;
    let translation_of: Option<String> = course_translations::table
        .inner_join(courses::table.on(courses::id.eq(course_translations::original_id)))
        .filter(course_translations::course_id.eq(row.id.0))
        .select(courses::slug)
        .first(conn)
        .optional()?;
    // Subjects and grade bands in the order the rules list them.
    let mut subjects: Vec<Subject> = codes(&subjects.join(" "), Subject::parse)?;
    subjects.sort();
    let mut grade_bands: Vec<GradeBand> = codes(&bands.join(" "), GradeBand::parse)?;
    grade_bands.sort();
    Ok(Some(Course {
        slug: row.slug.clone(),
        language: row.lang(),
        title: row.title.clone(),
        summary: row.summary.clone(),
        pd_quarter_hours: row.hours(),
        delivery: row.delivery,
        subjects,
        grade_bands,
        builds: builds
            .into_iter()
            .map(|(competency, level)| Builds { competency, level })
            .collect(),
        prerequisites,
        translation_of,
        licence: row.licence.clone(),
        certificate_months: row.certificate_months.and_then(|m| u32::try_from(m).ok()),
        modules: out_modules,
    }))
}

/// The course as learners start it now.
pub fn current(conn: &mut DbConn, slug: &str) -> Result<Option<(CourseRow, Course)>, DbError> {
    let Some(row) = by_slug(conn, slug)? else {
        return Ok(None);
    };
    let version = row.version;
    Ok(load_version(conn, &row, version)?.map(|c| (row, c)))
}

pub fn by_id(conn: &mut DbConn, id: CourseId) -> Result<Option<CourseRow>, DbError> {
    Ok(courses::table
        .find(id.0)
        .select(CourseRow::as_select())
        .first(conn)
        .optional()?)
}

/// A course's slug, by id.
pub fn slug_of(conn: &mut DbConn, id: CourseId) -> Result<Option<String>, DbError> {
    Ok(courses::table
        .find(id.0)
        .select(courses::slug)
        .first(conn)
        .optional()?)
}

/// Counts one more learner who completed the course (for sorting).
pub fn count_completion(conn: &mut DbConn, course: CourseId) -> Result<(), DbError> {
    diesel::update(courses::table.find(course.0))
        .set(courses::completions.eq(courses::completions + 1))
        .execute(conn)?;
    Ok(())
}

/// How the catalogue is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first (with words; by title without).
    #[default]
    Relevance,
    Newest,
    MostCompleted,
}

/// What the catalogue is asked for; every part narrows.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// Folded words, each the start of a word of the course.
    pub words: Vec<String>,
    pub subject: Option<Subject>,
    pub grade_band: Option<GradeBand>,
    pub competency: Option<String>,
    pub delivery: Option<Delivery>,
    pub language: Option<Lang>,
    /// PD hours, in quarter hours, from and to (inclusive).
    pub hours: Option<(u32, u32)>,
    pub sort: Sort,
}

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// Courses whose words match, best first (FTS5 rank / ts_rank).
fn matching(conn: &mut DbConn, words: &[String]) -> Result<Vec<i64>, DbError> {
    use diesel::sql_types::Text;
    let hits: Vec<Hit> = match conn {
        DbConn::Sqlite(c) => {
            // Quoted, so no word is read as FTS5 syntax; * makes it a prefix.
            let m: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
            diesel::sql_query(
                "SELECT rowid AS id FROM courses_fts WHERE courses_fts MATCH ? ORDER BY rank, rowid",
            )
            .bind::<Text, _>(m.join(" "))
            .load(c)?
        }
        DbConn::Pg(c) => {
            let m: Vec<String> = words.iter().map(|w| format!("{w}:*")).collect();
            diesel::sql_query(
                "SELECT id FROM courses_fts, to_tsquery('simple', $1) q \
                 WHERE vector @@ q ORDER BY ts_rank(vector, q) DESC, id",
            )
            .bind::<Text, _>(m.join(" & "))
            .load(c)?
        }
    };
    Ok(hits.into_iter().map(|h| h.id).collect())
}

/// The catalogue as `viewer` sees it (`None`: not signed in): every course
/// they may see that matches, in the order asked for. (A programme has
/// hundreds of courses, not millions: the facets are applied to the list,
/// each from its own index.)
pub fn find(
    conn: &mut DbConn,
    viewer: Option<&Actor>,
    f: &Catalogue,
) -> Result<Vec<CourseRow>, DbError> {
    let mut rows = list(conn, viewer)?;
    let keep = |rows: &mut Vec<CourseRow>, ids: Vec<i64>| {
        let ids: std::collections::HashSet<i64> = ids.into_iter().collect();
        rows.retain(|r| ids.contains(&r.id.0));
    };
    if let Some(s) = f.subject {
        let ids = course_subjects::table
            .filter(course_subjects::subject.eq(s.as_str()))
            .select(course_subjects::course_id)
            .load(conn)?;
        keep(&mut rows, ids);
    }
    if let Some(g) = f.grade_band {
        let ids = course_grade_bands::table
            .filter(course_grade_bands::grade_band.eq(g.as_str()))
            .select(course_grade_bands::course_id)
            .load(conn)?;
        keep(&mut rows, ids);
    }
    if let Some(c) = &f.competency {
        let ids = course_competencies::table
            .filter(course_competencies::competency_id.eq(c))
            .select(course_competencies::course_id)
            .load(conn)?;
        keep(&mut rows, ids);
    }
    rows.retain(|r| {
        f.delivery.is_none_or(|d| r.delivery == d)
            && f.language.is_none_or(|l| r.language == l.as_str())
            && f.hours
                .is_none_or(|(from, to)| (from..=to).contains(&r.hours()))
    });
    if !f.words.is_empty() {
        let ranked = matching(conn, &f.words)?;
        let rank: std::collections::HashMap<i64, usize> =
            ranked.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        rows.retain(|r| rank.contains_key(&r.id.0));
        if f.sort == Sort::Relevance {
            rows.sort_by_key(|r| rank[&r.id.0]);
        }
    }
    let completions: std::collections::HashMap<i64, i64> = if f.sort == Sort::MostCompleted {
        courses::table
            .select((courses::id, courses::completions))
            .load::<(i64, i64)>(conn)?
            .into_iter()
            .collect()
    } else {
        Default::default()
    };
    match f.sort {
        Sort::Relevance => {}
        Sort::Newest => rows.sort_by_key(|r| std::cmp::Reverse((r.created_at, r.id))),
        Sort::MostCompleted => {
            rows.sort_by_key(|r| std::cmp::Reverse(completions.get(&r.id.0).copied().unwrap_or(0)))
        }
    }
    Ok(rows)
}
