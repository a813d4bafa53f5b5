//! Mentions, for pages and the API alike: a post's mentions found among
//! the people who may see its space (`lyceum_db::mentionable`) and written
//! as person mentions before it is saved, and the suggestions offered as
//! someone types a name. The syntax is `lyceum_domain::mentions`.

use crate::context::CurrentUser;
use crate::error::AppError;
use crate::spaces::readable;
use crate::state::AppState;
use lyceum_db::community::Space;
use lyceum_db::mentionable::{in_scope, named, scope_of};
use lyceum_domain::SpaceId;
use lyceum_domain::mentions::{MAX_MENTIONS, Written, find, name_words, names, person, rewrite};
use lyceum_domain::search::query_words;
use lyceum_domain::validation::{FieldError, Invalid};

/// Suggestions offered at most.
pub const SUGGESTIONS: usize = 8;
/// People looked at for one mention's name: those whose words start so.
const POOL: i64 = 50;

/// `body` with each mention written as a person mention (the name as it is
/// now), or refused, field `body`: a name no one who may see the space has
/// (`mention-unknown`, naming it), one several have (`mention-ambiguous`,
/// naming them), a person mention of someone who may not see it
/// (`mention-unknown`), or more than `MAX_MENTIONS` mentions.
pub async fn resolve(
    state: &AppState,
    space: &Space,
    body: String,
) -> Result<Result<String, Invalid>, AppError> {
    let found = find(&body);
    if found.is_empty() {
        return Ok(Ok(body));
    }
    if found.len() > MAX_MENTIONS {
        return Ok(Err(Invalid(vec![
            FieldError::new("body", "mentions-too-many").with_arg("max", MAX_MENTIONS),
        ])));
    }
    let scope = scope_of(space);
    // An offering's space: only its own people may be mentioned.
    let offering = space.row.offering_id;
    Ok(state
        .db
        .read(move |c| {
            let ids: Vec<i64> = found
                .iter()
                .filter_map(|m| match m.written {
                    Written::Person { id, .. } => Some(id),
                    Written::Words(_) => None,
                })
                .collect();
            let mut known = in_scope(c, &scope, &ids)?;
            if let Some(offering) = offering {
                let people = lyceum_db::community::offering_people(c, offering)?;
                known.retain(|(id, _)| people.contains(id));
            }
            let mut errors = Invalid::new();
            let mut replace = Vec::new();
            for m in &found {
                match &m.written {
                    Written::Person { id, name } => match known.iter().find(|(k, _)| k == id) {
                        Some((_, now)) => replace.push((m.start, m.end, person(*id, now))),
                        None => errors.push(unknown(name)),
                    },
                    Written::Words(runs) => {
                        let pool = named(c, &scope, &name_words(&runs[0]), POOL)?;
                        let full = pool.len() as i64 >= POOL;
                        let mut outcome = None;
                        for typed in runs.iter().rev() {
                            let w = name_words(typed);
                            let looked = match full && w.len() > 1 {
                                true => named(c, &scope, &w, POOL)?,
                                false => pool.clone(),
                            };
                            let matches: Vec<(i64, String)> =
                                looked.into_iter().filter(|(_, n)| names(&w, n)).collect();
                            if !matches.is_empty() {
                                outcome = Some((typed, matches));
                                break;
                            }
                        }
                        match outcome {
                            None => errors.push(unknown(&runs[0])),
                            Some((typed, one)) if one.len() == 1 => replace.push((
                                m.start,
                                m.start + 1 + typed.len(),
                                person(one[0].0, &one[0].1),
                            )),
                            Some((typed, many)) => errors.push(ambiguous(typed, &many)),
                        }
                    }
                }
            }
            Ok(match errors.is_empty() {
                true => Ok(rewrite(&body, &replace)),
                false => Err(errors),
            })
        })
        .await?)
}

fn unknown(name: &str) -> FieldError {
    FieldError::new("body", "mention-unknown").with_arg("name", name)
}

/// Several people the name fits: each by name, or, where two share one,
/// as the person mention that tells them apart.
fn ambiguous(typed: &str, many: &[(i64, String)]) -> FieldError {
    let choices: Vec<String> = many
        .iter()
        .take(SUGGESTIONS)
        .map(
            |(id, n)| match many.iter().filter(|(_, o)| o == n).count() {
                1 => n.clone(),
                _ => person(*id, n),
            },
        )
        .collect();
    FieldError::new("body", "mention-ambiguous")
        .with_arg("name", typed)
        .with_arg("choices", choices.join(", "))
}

/// A person one may mention in a space, as suggested.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Mentionable {
    pub id: i64,
    pub name: String,
    /// What to write to mention them: `@[Name](user:<id>)`.
    pub mention: String,
}

/// Up to [`SUGGESTIONS`] people who may see a space `me` may read, with a
/// word of their name starting with each word of `q` (nothing for no
/// words). A space `me` may not read does not exist.
pub async fn suggest(
    state: &AppState,
    me: &CurrentUser,
    space: SpaceId,
    q: &str,
) -> Result<Vec<Mentionable>, AppError> {
    let space = readable(state, me, space).await?;
    let words = query_words(q, 4);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let scope = scope_of(&space);
    let w = words.clone();
    let offering = space.row.offering_id;
    let found = state
        .db
        .read(move |c| {
            let mut found = named(c, &scope, &w, POOL)?;
            if let Some(offering) = offering {
                let people = lyceum_db::community::offering_people(c, offering)?;
                found.retain(|(id, _)| people.contains(id));
            }
            Ok(found)
        })
        .await?;
    Ok(found
        .into_iter()
        // The directory matches emails too; a suggestion is by name.
        .filter(|(_, n)| {
            let name = name_words(n);
            words
                .iter()
                .all(|w| name.iter().any(|part| part.starts_with(w.as_str())))
        })
        .take(SUGGESTIONS)
        .map(|(id, name)| Mentionable {
            mention: person(id, &name),
            id,
            name,
        })
        .collect())
}
