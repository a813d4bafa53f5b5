//! The directory's query string, shared by the page, its CSV export and the
//! API: checked here once into `lyceum_db::directory::Filters`.

use crate::error::AppError;
use crate::gate::ScopedOrg;
use crate::state::AppState;
use lyceum_db::directory::Filters;
use lyceum_db::orgs::{self, OrgRow};
use lyceum_domain::profile::{GradeBand, Subject};
use lyceum_domain::role::Role;
use lyceum_domain::search::query_words;
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{OrgId, UserId};
use serde::Deserialize;
use utoipa::IntoParams;

/// Longest search accepted, and how many of its words count.
const MAX_QUERY_CHARS: usize = 100;
const MAX_QUERY_WORDS: usize = 5;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PeopleQuery {
    /// Words that start a name or an email address, e.g. `ana riv`.
    #[serde(default)]
    pub q: String,
    /// A role code, e.g. `facilitator`.
    #[serde(default)]
    pub role: String,
    /// A subject code, e.g. `math`.
    #[serde(default)]
    pub subject: String,
    /// `k-2`, `3-5`, `6-8` or `9-12`.
    #[serde(default)]
    pub grade_band: String,
    /// Narrow to an organisation below this one (its id).
    pub org: Option<i64>,
    /// The `next_after` of the previous page.
    pub after: Option<i64>,
    /// 1 to 500 (the API; pages show 50).
    pub limit: Option<i64>,
}

impl PeopleQuery {
    /// The filters, and the organisation they search (the scope, or `org` below it).
    pub async fn filters(
        &self,
        state: &AppState,
        scope: &ScopedOrg,
        limit: i64,
    ) -> Result<(Filters, OrgRow), AppError> {
        let mut invalid = Invalid::new();
        if self.q.chars().count() > MAX_QUERY_CHARS {
            invalid.push(FieldError::new("q", "too-long").with_arg("max", MAX_QUERY_CHARS));
        }
        let role = code(&mut invalid, "role", &self.role, Role::parse);
        let subject = code(&mut invalid, "subject", &self.subject, Subject::parse);
        let grade_band = code(
            &mut invalid,
            "grade_band",
            &self.grade_band,
            GradeBand::parse,
        );
        if !invalid.is_empty() {
            return Err(AppError::Invalid(invalid));
        }
        let target = OrgId(self.org.unwrap_or(scope.id.0));
        let org = state.db.read(move |c| orgs::get(c, target)).await?;
        let path = org.org_path()?;
        if !scope.path.contains(&path) {
            return Err(AppError::Invalid(Invalid::one("org", "choose-one")));
        }
        let filters = Filters {
            scope: path,
            words: query_words(&self.q, MAX_QUERY_WORDS),
            role,
            subject,
            grade_band,
            after: self.after.map(UserId),
            limit,
        };
        Ok((filters, org))
    }

    /// This query as a query string, with another `after` (for "next page").
    pub fn with_after(&self, after: Option<i64>) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("q", &self.q),
            ("role", &self.role),
            ("subject", &self.subject),
            ("grade_band", &self.grade_band),
        ] {
            if !v.is_empty() {
                pairs.push((k, v.clone()));
            }
        }
        if let Some(org) = self.org {
            pairs.push(("org", org.to_string()));
        }
        if let Some(a) = after {
            pairs.push(("after", a.to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| {
                format!(
                    "{k}={}",
                    percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC)
                )
            })
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn code<T>(
    invalid: &mut Invalid,
    field: &str,
    input: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let input = input.trim();
    if input.is_empty() {
        return None;
    }
    let parsed = parse(input);
    if parsed.is_none() {
        invalid.add(field, "choose-one");
    }
    parsed
}
