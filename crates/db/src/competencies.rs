//! Competency frameworks as stored: saving a checked framework (a new one,
//! or a new version of one), and loading it back for pages.
//!
//! Item ids are stable. Saving a new version updates items in place and
//! retires those it no longer has (kept, marked), so anything that refers
//! to a competency keeps its meaning.

use crate::schema::{competencies, competency_frameworks, competency_levels};
use crate::{DbConn, DbError};
use diesel::prelude::*;
use lyceum_domain::Timestamp;
use lyceum_domain::competency::{
    self, DEFAULT_FRAMEWORK, Framework, Item, Level, Problem, Source, Text,
};
use std::collections::HashMap;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = competency_frameworks)]
pub struct FrameworkRow {
    pub id: String,
    pub title_en: Option<String>,
    pub title_es: Option<String>,
    pub publisher: String,
    pub attribution: String,
    pub source: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl FrameworkRow {
    pub fn title(&self) -> Text {
        Text {
            en: self.title_en.clone(),
            es: self.title_es.clone(),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = competency_levels)]
struct LevelRow {
    framework_id: String,
    key: String,
    name_en: Option<String>,
    name_es: Option<String>,
    summary_en: Option<String>,
    summary_es: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = competencies, treat_none_as_null = true)]
struct ItemRow {
    id: String,
    framework_id: String,
    parent_id: Option<String>,
    kind: String,
    code: Option<String>,
    level_key: Option<String>,
    position: i32,
    name_en: Option<String>,
    name_es: Option<String>,
    summary_en: Option<String>,
    summary_es: Option<String>,
    retired_at: Option<i64>,
}

impl ItemRow {
    fn of(framework: &str, position: usize, item: &Item) -> Self {
        ItemRow {
            id: item.id.clone(),
            framework_id: framework.to_string(),
            parent_id: item.parent.clone(),
            kind: item.kind.clone(),
            code: item.code.clone(),
            level_key: item.level.clone(),
            // At most competency::MAX_ITEMS, so it fits.
            position: i32::try_from(position).unwrap_or(i32::MAX),
            name_en: item.name.en.clone(),
            name_es: item.name.es.clone(),
            summary_en: item.summary.en.clone(),
            summary_es: item.summary.es.clone(),
            retired_at: None,
        }
    }

    fn item(self) -> Item {
        Item {
            id: self.id,
            parent: self.parent_id,
            kind: self.kind,
            code: self.code,
            level: self.level_key,
            name: Text {
                en: self.name_en,
                es: self.name_es,
            },
            summary: Text {
                en: self.summary_en,
                es: self.summary_es,
            },
        }
    }
}

/// What [`save`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Saved {
    /// The framework was not there before.
    pub new_framework: bool,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Items the new version no longer has.
    pub retired: usize,
}

/// Problems the database finds with a framework: item ids that belong to
/// another framework. Empty if it can be saved.
pub fn conflicts(conn: &mut DbConn, f: &Framework) -> Result<Vec<Problem>, DbError> {
    let ids: Vec<&str> = f.items.iter().map(|i| i.id.as_str()).collect();
    let elsewhere: Vec<(String, String)> = competencies::table
        .filter(competencies::id.eq_any(&ids))
        .filter(competencies::framework_id.ne(&f.id))
        .select((competencies::id, competencies::framework_id))
        .load(conn)?;
    Ok(elsewhere
        .into_iter()
        .map(|(id, other)| {
            Problem::new(
                format!("item {id}"),
                format!("this id belongs to the framework {other}"),
            )
        })
        .collect())
}

/// Saves a framework, or a new version of one with the same id. Refused
/// (with nothing written) if there are [`conflicts`].
pub fn save(conn: &mut DbConn, f: &Framework, now: Timestamp) -> Result<Saved, DbError> {
    let problems = conflicts(conn, f)?;
    if !problems.is_empty() {
        return Err(DbError::Framework(problems));
    }

    let exists = competency_frameworks::table
        .find(&f.id)
        .count()
        .get_result::<i64>(conn)?
        > 0;
    let values = (
        competency_frameworks::title_en.eq(&f.title.en),
        competency_frameworks::title_es.eq(&f.title.es),
        competency_frameworks::publisher.eq(&f.publisher),
        competency_frameworks::attribution.eq(&f.attribution),
        competency_frameworks::source.eq(f.source.as_str()),
        competency_frameworks::updated_at.eq(now.micros()),
    );
    if exists {
        diesel::update(competency_frameworks::table.find(&f.id))
            .set(values)
            .execute(conn)?;
    } else {
        diesel::insert_into(competency_frameworks::table)
            .values((
                competency_frameworks::id.eq(&f.id),
                values,
                competency_frameworks::created_at.eq(now.micros()),
            ))
            .execute(conn)?;
    }

    diesel::delete(competency_levels::table.filter(competency_levels::framework_id.eq(&f.id)))
        .execute(conn)?;
    for (position, level) in f.levels.iter().enumerate() {
        diesel::insert_into(competency_levels::table)
            .values((
                competency_levels::framework_id.eq(&f.id),
                competency_levels::key.eq(&level.key),
                competency_levels::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                competency_levels::name_en.eq(&level.name.en),
                competency_levels::name_es.eq(&level.name.es),
                competency_levels::summary_en.eq(&level.summary.en),
                competency_levels::summary_es.eq(&level.summary.es),
            ))
            .execute(conn)?;
    }

    let mut saved = Saved {
        new_framework: !exists,
        ..Saved::default()
    };
    let mut stored: HashMap<String, ItemRow> = competencies::table
        .filter(competencies::framework_id.eq(&f.id))
        .select(ItemRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    for (position, item) in f.items.iter().enumerate() {
        let row = ItemRow::of(&f.id, position, item);
        match stored.remove(&item.id) {
            Some(old) if old == row => saved.unchanged += 1,
            Some(_) => {
                // The id is the key, so it is not among what is set.
                diesel::update(competencies::table.find(&row.id))
                    .set(&row)
                    .execute(conn)?;
                saved.updated += 1;
            }
            None => {
                diesel::insert_into(competencies::table)
                    .values(&row)
                    .execute(conn)?;
                saved.created += 1;
            }
        }
    }
    let gone: Vec<String> = stored
        .into_values()
        .filter(|r| r.retired_at.is_none())
        .map(|r| r.id)
        .collect();
    saved.retired = diesel::update(competencies::table.filter(competencies::id.eq_any(&gone)))
        .set(competencies::retired_at.eq(now.micros()))
        .execute(conn)?;
    Ok(saved)
}

/// Loads the built-in default framework if it is not there yet (on a new
/// database, or one made before frameworks existed). True if it did.
pub fn ensure_default(conn: &mut DbConn, now: Timestamp) -> Result<bool, DbError> {
    let there = competency_frameworks::table
        .find(DEFAULT_FRAMEWORK)
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if !there {
        save(conn, &competency::unesco::default_framework(), now)?;
    }
    Ok(!there)
}

/// Every framework, the default first, then by id.
pub fn list(conn: &mut DbConn) -> Result<Vec<FrameworkRow>, DbError> {
    let mut all: Vec<FrameworkRow> = competency_frameworks::table
        .order(competency_frameworks::id)
        .select(FrameworkRow::as_select())
        .load(conn)?;
    all.sort_by_key(|f| f.id != DEFAULT_FRAMEWORK);
    Ok(all)
}

/// A framework's competencies in order, (id, name): what is needed to
/// choose one (catalogue filters, topic tags), in one small query.
pub fn named(conn: &mut DbConn, framework: &str) -> Result<Vec<(String, Text)>, DbError> {
    Ok(competencies::table
        .filter(competencies::framework_id.eq(framework))
        .filter(competencies::kind.eq("competency"))
        .filter(competencies::retired_at.is_null())
        .order(competencies::position)
        .select((
            competencies::id,
            competencies::name_en,
            competencies::name_es,
        ))
        .load::<(String, Option<String>, Option<String>)>(conn)?
        .into_iter()
        .map(|(id, en, es)| (id, Text { en, es }))
        .collect())
}

/// A framework as it is now (retired items left out), or None.
pub fn load(conn: &mut DbConn, id: &str) -> Result<Option<Framework>, DbError> {
    let Some(row) = competency_frameworks::table
        .find(id)
        .select(FrameworkRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let levels = competency_levels::table
        .filter(competency_levels::framework_id.eq(id))
        .order(competency_levels::position)
        .select(LevelRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|l| Level {
            key: l.key,
            name: Text {
                en: l.name_en,
                es: l.name_es,
            },
            summary: Text {
                en: l.summary_en,
                es: l.summary_es,
            },
        })
        .collect();
    let items = competencies::table
        .filter(competencies::framework_id.eq(id))
        .filter(competencies::retired_at.is_null())
        .order(competencies::position)
        .select(ItemRow::as_select())
        .load(conn)?
        .into_iter()
        .map(ItemRow::item)
        .collect();
    let source = Source::parse(&row.source)
        .ok_or_else(|| DbError::Corrupt(format!("framework {id} has source {:?}", row.source)))?;
    Ok(Some(Framework {
        title: row.title(),
        id: row.id,
        publisher: row.publisher,
        attribution: row.attribution,
        source,
        levels,
        items,
    }))
}

/// A competency a course builds, with the words to show for it.
#[derive(Debug, Clone)]
pub struct Described {
    pub id: String,
    pub framework_id: String,
    pub name: Text,
    /// The level's name, when a level is given.
    pub level: Option<Text>,
}

/// Names for competencies and levels (those not found are left out).
pub fn describe(
    conn: &mut DbConn,
    builds: &[lyceum_domain::course::Builds],
) -> Result<Vec<Described>, DbError> {
    // Two queries for the whole list: this is on the course page.
    let ids: Vec<&str> = builds.iter().map(|b| b.competency.as_str()).collect();
    let found: HashMap<String, (String, Option<String>, Option<String>)> = competencies::table
        .filter(competencies::id.eq_any(&ids))
        .select((
            competencies::id,
            competencies::framework_id,
            competencies::name_en,
            competencies::name_es,
        ))
        .load::<(String, String, Option<String>, Option<String>)>(conn)?
        .into_iter()
        .map(|(id, framework, en, es)| (id, (framework, en, es)))
        .collect();
    let frameworks: Vec<&str> = found.values().map(|(f, _, _)| f.as_str()).collect();
    let levels: HashMap<(String, String), Text> = competency_levels::table
        .filter(competency_levels::framework_id.eq_any(&frameworks))
        .select(LevelRow::as_select())
        .load::<LevelRow>(conn)?
        .into_iter()
        .map(|l| {
            let (en, es) = (l.name_en, l.name_es);
            ((l.framework_id, l.key), Text { en, es })
        })
        .collect();
    Ok(builds
        .iter()
        .filter_map(|b| {
            let (framework_id, en, es) = found.get(&b.competency)?.clone();
            let level = b
                .level
                .as_ref()
                .and_then(|k| levels.get(&(framework_id.clone(), k.clone())).cloned());
            Some(Described {
                id: b.competency.clone(),
                framework_id,
                name: Text { en, es },
                level,
            })
        })
        .collect())
}
