//! The org tree of a package: parents that exist, no cycles, shapes Lyceum's
//! tree allows, and departments folded into the org above them.

use super::fast_hash::FastMap;
use super::fields::SourcedIds;
use super::manifest::Mode;
use super::orgs::{FILE, OrgRecord, OrgRow, OrgsRead};
use super::problem::{Problem, Problems, code};
use super::table::Col;
use super::vocab::OrgType;

/// Answers "which org does this sourcedId mean?" for references from users
/// and roles.
#[derive(Debug, Default)]
pub(crate) struct OrgLookup {
    /// Every org sourcedId in the package.
    known: SourcedIds,
    /// Department → the nearest org above it that is not a department.
    folded: FastMap<String, String>,
    /// `orgs.csv` is bulk and was read whole: an org it does not list does
    /// not exist.
    complete: bool,
}

/// What an org reference turns out to mean.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OrgRef<'a> {
    /// As written: an org in the package, or one the importer must find.
    AsWritten,
    /// A department, read as this org above it.
    Folded(&'a str),
    /// Not in a bulk `orgs.csv`.
    Unknown,
}

impl OrgLookup {
    pub(crate) fn resolve(&self, id: &str) -> OrgRef<'_> {
        if let Some(above) = self.folded.get(id) {
            OrgRef::Folded(above)
        } else if self.complete && !self.known.contains(id) {
            OrgRef::Unknown
        } else {
            OrgRef::AsWritten
        }
    }
}

/// The orgs Lyceum keeps (departments folded away), the lookup for
/// references, and how many departments were folded.
pub(crate) struct Tree {
    pub orgs: Vec<OrgRecord>,
    pub lookup: OrgLookup,
    pub folded_departments: usize,
}

impl Tree {
    /// For a package without `orgs.csv`: every org reference is left to the
    /// importer.
    pub(crate) fn empty() -> Self {
        Self {
            orgs: Vec::new(),
            lookup: OrgLookup::default(),
            folded_departments: 0,
        }
    }
}

pub(crate) fn build(read: OrgsRead, mode: Mode, problems: &mut Problems) -> Tree {
    let OrgsRead {
        rows,
        ids,
        ids_complete,
        parent_col,
    } = read;
    // Only a bulk file read whole lists every org there is.
    let complete = mode == Mode::Bulk && ids_complete;
    // Parents are placed first whatever the order; a child listed before
    // its parent is only told.
    let position: std::collections::HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.sourced_id.as_str(), i))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        if let Some(parent) = row.parent_sourced_id.as_deref()
            && position.get(parent).is_some_and(|at| *at > i)
        {
            problems.count(FILE, row.line, code::ORG_BEFORE_PARENT);
        }
    }
    let folded = {
        let graph = Graph::new(&rows, parent_col);
        if complete {
            graph.report_unknown_parents(&ids, problems);
        }
        let in_cycle = graph.find_cycles(problems);
        let folded = graph.fold_departments(&in_cycle, problems);
        graph.check_shapes(&in_cycle, &folded, problems);
        folded
    };
    let folded_departments = rows
        .iter()
        .filter(|r| r.org_type == OrgType::Department)
        .count();
    let orgs = rows
        .into_iter()
        .filter_map(|row| {
            let OrgType::Kind(kind) = row.org_type else {
                return None;
            };
            let parent_sourced_id = row
                .parent_sourced_id
                .map(|p| folded.get(&p).cloned().unwrap_or(p));
            Some(OrgRecord {
                line: row.line,
                sourced_id: row.sourced_id,
                status: row.lifecycle.status,
                date_last_modified: row.lifecycle.date_last_modified,
                name: row.name,
                kind,
                identifier: row.identifier,
                parent_sourced_id,
            })
        })
        .collect();
    Tree {
        orgs,
        lookup: OrgLookup {
            known: ids,
            folded,
            complete,
        },
        folded_departments,
    }
}

/// The rows of `orgs.csv` as a graph of parent links.
struct Graph<'a> {
    rows: &'a [OrgRow],
    index: FastMap<&'a str, usize>,
    parent_col: Col,
}

impl<'a> Graph<'a> {
    fn new(rows: &'a [OrgRow], parent_col: Col) -> Self {
        let index = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.sourced_id.as_str(), i))
            .collect();
        Self {
            rows,
            index,
            parent_col,
        }
    }

    /// The parent of row `i`, if it is in the package.
    fn parent_of(&self, i: usize) -> Option<usize> {
        let parent = self.rows.get(i)?.parent_sourced_id.as_deref()?;
        self.index.get(parent).copied()
    }

    fn at(&self, row: &OrgRow, code: &'static str) -> Problem {
        Problem::new(FILE, row.line, code).at(self.parent_col)
    }

    /// In a bulk file every parent must be in the file. `ids` includes rows
    /// with problems, which are reported for themselves.
    fn report_unknown_parents(&self, ids: &SourcedIds, problems: &mut Problems) {
        for row in self.rows {
            if let Some(parent) = row.parent_sourced_id.as_deref()
                && !ids.contains(parent)
            {
                problems.push(self.at(row, code::UNKNOWN_ORG).with("value", parent));
            }
        }
    }

    /// Marks every org on a cycle of parents and reports each cycle once, at
    /// the line of its first org in the file.
    fn find_cycles(&self, problems: &mut Problems) -> Vec<bool> {
        #[derive(Clone, Copy, PartialEq)]
        enum Seen {
            Not,
            OnPath,
            Done,
        }
        let mut seen = vec![Seen::Not; self.rows.len()];
        let mut in_cycle = vec![false; self.rows.len()];
        let mut path = Vec::new();
        for start in 0..self.rows.len() {
            path.clear();
            let mut current = Some(start);
            while let Some(i) = current {
                match seen.get(i).copied() {
                    Some(Seen::Not) => {
                        seen[i] = Seen::OnPath;
                        path.push(i);
                        current = self.parent_of(i);
                    }
                    Some(Seen::OnPath) => {
                        let from = path.iter().position(|&p| p == i).unwrap_or(0);
                        let cycle = path.get(from..).unwrap_or_default();
                        for &member in cycle {
                            in_cycle[member] = true;
                        }
                        report_cycle(self.rows, cycle, problems, self.parent_col);
                        break;
                    }
                    _ => break,
                }
            }
            for &i in &path {
                seen[i] = Seen::Done;
            }
        }
        in_cycle
    }

    /// Each department (off cycles) → the first org above it that is not a
    /// department, possibly one sent earlier (delta).
    fn fold_departments(
        &self,
        in_cycle: &[bool],
        problems: &mut Problems,
    ) -> FastMap<String, String> {
        let is_department =
            |i: usize| self.rows.get(i).map(|r| r.org_type) == Some(OrgType::Department);
        let mut folded = FastMap::default();
        for (i, row) in self.rows.iter().enumerate() {
            if !is_department(i) || in_cycle[i] {
                continue;
            }
            let mut current = row;
            let above = loop {
                let Some(parent) = current.parent_sourced_id.as_deref() else {
                    // Reported once, by the department that has no parent.
                    if std::ptr::eq(current, row) {
                        problems.push(self.at(row, code::DEPARTMENT_WITHOUT_PARENT));
                    }
                    break None;
                };
                match self.index.get(parent).copied() {
                    Some(p) if is_department(p) => match self.rows.get(p) {
                        Some(next) if !in_cycle[p] => current = next,
                        _ => break None,
                    },
                    _ => break Some(parent),
                }
            };
            if let Some(above) = above {
                folded.insert(row.sourced_id.clone(), above.to_owned());
            }
        }
        folded
    }

    /// Lyceum's tree allows only some kinds under others
    /// ([`OrgKind::child_kinds`](crate::org::OrgKind::child_kinds)); checked
    /// where both orgs are in the package.
    fn check_shapes(
        &self,
        in_cycle: &[bool],
        folded: &FastMap<String, String>,
        problems: &mut Problems,
    ) {
        for (i, row) in self.rows.iter().enumerate() {
            let (OrgType::Kind(kind), Some(parent), false) =
                (row.org_type, &row.parent_sourced_id, in_cycle[i])
            else {
                continue;
            };
            let parent = folded.get(parent).unwrap_or(parent);
            let Some(parent_row) = self
                .index
                .get(parent.as_str())
                .and_then(|&p| self.rows.get(p))
            else {
                continue;
            };
            if let OrgType::Kind(parent_kind) = parent_row.org_type
                && !parent_kind.child_kinds().contains(&kind)
            {
                problems.push(
                    self.at(row, code::BAD_ORG_PARENT)
                        .with("type", row.org_type.as_str())
                        .with("parent_type", parent_row.org_type.as_str())
                        .with("parent", parent),
                );
            }
        }
    }
}

/// `a > b > c > a`, starting from the member that comes first in the file.
fn report_cycle(rows: &[OrgRow], cycle: &[usize], problems: &mut Problems, parent_col: Col) {
    let Some((first, _)) = cycle.iter().enumerate().min_by_key(|(_, i)| **i) else {
        return;
    };
    let ids: Vec<&str> = cycle[first..]
        .iter()
        .chain(&cycle[..=first])
        .filter_map(|&i| rows.get(i).map(|r| r.sourced_id.as_str()))
        .collect();
    if let Some(row) = rows.get(cycle[first]) {
        problems.push(
            Problem::new(FILE, row.line, code::ORG_CYCLE)
                .at(parent_col)
                .with("cycle", ids.join(" > ")),
        );
    }
}
