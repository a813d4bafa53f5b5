//! What the AI-literacy picture reads and writes: an educator's
//! self-assessment per aspect, the competencies their completed courses
//! build, and the courses that could come next. The picture itself is
//! computed in `lyceum_domain::competency::standing`.

use crate::courses::CourseRow;
use crate::schema::{
    course_competencies, course_grade_bands, course_subjects, courses, enrolments, self_assessments,
};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::i18n::Lang;
use lyceum_domain::policy::Actor;
use lyceum_domain::{CourseId, Timestamp, UserId};
use std::collections::{HashMap, HashSet};

/// The level the educator gave themselves, by aspect id.
pub fn assessed(
    conn: &mut DbConn,
    user: UserId,
    framework: &str,
) -> Result<HashMap<String, String>, DbError> {
    Ok(self_assessments::table
        .filter(self_assessments::user_id.eq(user.0))
        .filter(self_assessments::framework_id.eq(framework))
        .select((self_assessments::aspect_id, self_assessments::level_key))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Replaces the educator's self-assessment on `framework`: (aspect id,
/// level key) for each aspect they placed themselves on.
pub fn assess(
    conn: &mut DbConn,
    user: UserId,
    framework: &str,
    levels: &[(String, String)],
    now: Timestamp,
) -> Result<(), DbError> {
    diesel::delete(
        self_assessments::table
            .filter(self_assessments::user_id.eq(user.0))
            .filter(self_assessments::framework_id.eq(framework)),
    )
    .execute(conn)?;
    for (aspect, level) in levels {
        diesel::insert_into(self_assessments::table)
            .values((
                self_assessments::user_id.eq(user.0),
                self_assessments::framework_id.eq(framework),
                self_assessments::aspect_id.eq(aspect),
                self_assessments::level_key.eq(level),
                self_assessments::updated_at.eq(now.micros()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// (competency id, level the course builds it to) for every course the
/// educator completed.
pub fn built(conn: &mut DbConn, user: UserId) -> Result<Vec<(String, Option<String>)>, DbError> {
    Ok(enrolments::table
        .inner_join(
            course_competencies::table.on(course_competencies::course_id.eq(enrolments::course_id)),
        )
        .filter(enrolments::user_id.eq(user.0))
        .filter(enrolments::completed_at.is_not_null())
        .select((
            course_competencies::competency_id,
            course_competencies::level_key,
        ))
        .load(conn)?)
}

/// A course that builds some competency, with what it is for.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub course: CourseRow,
    pub competency: String,
    pub level: Option<String>,
    pub subjects: Vec<String>,
    pub grade_bands: Vec<String>,
}

/// Courses that build any of `competencies`, that `viewer` sees and has
/// not enrolled in (in either language), with their subjects and grade
/// bands; of a course in two languages, one: the one in `lang` (the
/// reader's) where both are found.
pub fn candidates(
    conn: &mut DbConn,
    viewer: &Actor,
    competencies: &[String],
    lang: Lang,
) -> Result<Vec<Candidate>, DbError> {
    let enrolled = enrolments::table
        .filter(enrolments::user_id.eq(viewer.user_id.0))
        .select(enrolments::course_id);
    let mut rows: Vec<(CourseRow, String, Option<String>)> = courses::table
        .inner_join(course_competencies::table)
        .filter(course_competencies::competency_id.eq_any(competencies))
        .filter(courses::id.ne_all(enrolled))
        .order((courses::completions.desc(), courses::id))
        .select((
            CourseRow::as_select(),
            course_competencies::competency_id,
            course_competencies::level_key,
        ))
        .load(conn)?;
    let ids: Vec<CourseId> = rows.iter().map(|(c, _, _)| c.id).collect();
    let seen = crate::courses::seen_among(conn, Some(viewer), &ids)?;
    rows.retain(|(c, _, _)| seen.contains(&c.id));
    let ids: Vec<CourseId> = rows.iter().map(|(c, _, _)| c.id).collect();
    let others = crate::courses::translations_of(conn, &ids)?;
    if !others.is_empty() {
        // Taken in one language is taken.
        let taken: HashSet<CourseId> = enrolments::table
            .filter(enrolments::user_id.eq(viewer.user_id.0))
            .select(enrolments::course_id)
            .load::<i64>(conn)?
            .into_iter()
            .map(CourseId)
            .collect();
        rows.retain(|(c, _, _)| others.get(&c.id).is_none_or(|o| !taken.contains(&o.id)));
        let kept: HashSet<CourseId> = crate::courses::one_per_translation(
            rows.iter().map(|(c, _, _)| c).collect::<Vec<&CourseRow>>(),
            &others,
            lang,
        )
        .into_iter()
        .map(|c| c.id)
        .collect();
        rows.retain(|(c, _, _)| kept.contains(&c.id));
    }
    let ids: Vec<i64> = rows.iter().map(|(c, _, _)| c.id.0).collect();
    let mut subjects: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, s) in course_subjects::table
        .filter(course_subjects::course_id.eq_any(&ids))
        .select((course_subjects::course_id, course_subjects::subject))
        .load::<(i64, String)>(conn)?
    {
        subjects.entry(id).or_default().push(s);
    }
    let mut bands: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, b) in course_grade_bands::table
        .filter(course_grade_bands::course_id.eq_any(&ids))
        .select((
            course_grade_bands::course_id,
            course_grade_bands::grade_band,
        ))
        .load::<(i64, String)>(conn)?
    {
        bands.entry(id).or_default().push(b);
    }
    Ok(rows
        .into_iter()
        .map(|(course, competency, level)| Candidate {
            subjects: subjects.get(&course.id.0).cloned().unwrap_or_default(),
            grade_bands: bands.get(&course.id.0).cloned().unwrap_or_default(),
            course,
            competency,
            level,
        })
        .collect())
}
