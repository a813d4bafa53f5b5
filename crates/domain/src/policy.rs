//! The one authorisation policy. Every route and every API call asks here.
//!
//! A person holds roles at nodes of the organisation tree ([`Grant`]); a role
//! held at a node covers that node and everything below it, nothing else.

use crate::ids::UserId;
use crate::org::OrgPath;
use crate::role::Role;

/// One role at one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub role: Role,
    pub scope: OrgPath,
}

/// The signed-in person as the policy sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub grants: Vec<Grant>,
}

/// What someone may try to do to an organisation (and what lies below it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Edit details, create child organisations, set registration rules,
    /// join codes and invitations.
    AdministerOrg,
    /// See the people who belong to the organisation or below it.
    ViewPeople,
    /// Give someone this role at the organisation.
    GrantRole(Role),
    /// See the learning work (practice tasks, reflections) of people who
    /// belong to the organisation or below it, and review their tasks.
    ReviewLearning,
    /// Moderate the community spaces of the organisation and below it.
    Moderate,
}

impl Actor {
    fn holds(&self, role: Role, target: &OrgPath) -> bool {
        self.grants
            .iter()
            .any(|g| g.role == role && g.scope.contains(target))
    }

    pub fn is_programme_admin(&self) -> bool {
        self.grants.iter().any(|g| g.role == Role::ProgrammeAdmin)
    }

    /// Writes courses, and reviews other authors' drafts: an author, or a
    /// programme admin.
    pub fn authors(&self) -> bool {
        self.grants
            .iter()
            .any(|g| matches!(g.role, Role::Author | Role::ProgrammeAdmin))
    }

    /// True when this person administers some organisation.
    pub fn administers_anything(&self) -> bool {
        self.grants
            .iter()
            .any(|g| matches!(g.role, Role::OrgAdmin | Role::ProgrammeAdmin))
    }

    /// The nodes at which this person holds any of `roles`.
    fn scopes(&self, roles: &[Role]) -> Vec<OrgPath> {
        self.grants
            .iter()
            .filter(|g| roles.contains(&g.role))
            .map(|g| g.scope.clone())
            .collect()
    }

    /// Where this person reviews learners' work: the nodes at which they
    /// facilitate or administer.
    pub fn review_scopes(&self) -> Vec<OrgPath> {
        self.scopes(&[Role::Facilitator, Role::OrgAdmin, Role::ProgrammeAdmin])
    }

    /// Where this person moderates spaces: the nodes at which they
    /// moderate or administer.
    pub fn moderation_scopes(&self) -> Vec<OrgPath> {
        self.scopes(&[Role::Moderator, Role::OrgAdmin, Role::ProgrammeAdmin])
    }

    /// In the audience of a space for the organisation at `space`: they
    /// belong somewhere in its subtree.
    pub fn in_audience(&self, space: &OrgPath) -> bool {
        self.grants.iter().any(|g| space.contains(&g.scope))
    }

    /// May read a space: an open one, anyone signed in; a members-only one,
    /// its audience and its moderators.
    pub fn reads_space(&self, space: &OrgPath, visibility: crate::community::Visibility) -> bool {
        visibility == crate::community::Visibility::Open
            || self.in_audience(space)
            || self.can(Action::Moderate, space)
    }

    /// May start topics and reply in a space: its audience, and its
    /// moderators.
    pub fn posts_in_space(&self, space: &OrgPath) -> bool {
        self.in_audience(space) || self.can(Action::Moderate, space)
    }

    /// May this person do `action` to the organisation at `target`?
    pub fn can(&self, action: Action, target: &OrgPath) -> bool {
        let admin = self.is_programme_admin() || self.holds(Role::OrgAdmin, target);
        match action {
            Action::AdministerOrg | Action::ViewPeople => admin,
            Action::GrantRole(role) if role.programme_wide() => self.is_programme_admin(),
            Action::GrantRole(_) => admin,
            Action::ReviewLearning => admin || self.holds(Role::Facilitator, target),
            Action::Moderate => admin || self.holds(Role::Moderator, target),
        }
    }
}

/// May a roster imported for the organisation at `scope` link an existing
/// account that holds `grants`? Only one the importing organisation fully
/// governs (security rule 4): every role it holds is educator, held inside
/// `scope` and below the programme itself. Any other role (facilitator,
/// author, moderator, admin, researcher) or a role elsewhere means the
/// person answers to someone else, so the roster may not take the account
/// in. An account with no role at all could belong anywhere: only the
/// source that created it may link it again (`created_by_this_source`).
pub fn roster_may_link(grants: &[Grant], scope: &OrgPath, created_by_this_source: bool) -> bool {
    let governed =
        |g: &Grant| g.role == Role::Educator && scope.contains(&g.scope) && g.scope.depth() > 1;
    if grants.is_empty() {
        created_by_this_source
    } else {
        grants.iter().all(governed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::OrgId;

    /// The tree the table speaks of: root 1 → state 2 → district 3 → school 4,
    /// and a sibling district 5 under the same state.
    fn path(name: &str) -> OrgPath {
        let ids: &[i64] = match name {
            "root" => &[1],
            "state" => &[1, 2],
            "district" => &[1, 2, 3],
            "school" => &[1, 2, 3, 4],
            "other" => &[1, 2, 5],
            _ => unreachable!(),
        };
        let mut p = OrgPath::root(OrgId(ids[0]));
        for id in &ids[1..] {
            p = p.child(OrgId(*id));
        }
        p
    }

    fn actor(role: Role, at: &str) -> Actor {
        Actor {
            user_id: UserId(9),
            grants: vec![Grant {
                role,
                scope: path(at),
            }],
        }
    }

    /// role held, where, action, target, allowed — written out by hand.
    #[test]
    fn role_scope_action_table() {
        use Action::*;
        use Role::*;
        let table: &[(Role, &str, Action, &str, bool)] = &[
            // An org admin administers its own node and below, not above or beside.
            (OrgAdmin, "district", AdministerOrg, "district", true),
            (OrgAdmin, "district", AdministerOrg, "school", true),
            (OrgAdmin, "district", AdministerOrg, "state", false),
            (OrgAdmin, "district", AdministerOrg, "root", false),
            (OrgAdmin, "district", AdministerOrg, "other", false),
            (OrgAdmin, "district", ViewPeople, "school", true),
            (OrgAdmin, "district", ViewPeople, "other", false),
            (OrgAdmin, "district", GrantRole(Educator), "school", true),
            (OrgAdmin, "district", GrantRole(OrgAdmin), "district", true),
            (OrgAdmin, "district", GrantRole(OrgAdmin), "state", false),
            (
                OrgAdmin,
                "district",
                GrantRole(ProgrammeAdmin),
                "district",
                false,
            ),
            (
                OrgAdmin,
                "district",
                GrantRole(Researcher),
                "district",
                false,
            ),
            (OrgAdmin, "school", AdministerOrg, "district", false),
            // The programme admin sees everything.
            (ProgrammeAdmin, "root", AdministerOrg, "other", true),
            (ProgrammeAdmin, "root", ViewPeople, "school", true),
            (ProgrammeAdmin, "root", GrantRole(Researcher), "root", true),
            (
                ProgrammeAdmin,
                "root",
                GrantRole(ProgrammeAdmin),
                "root",
                true,
            ),
            // Nobody else administers or lists people, even at their own node.
            (Educator, "school", AdministerOrg, "school", false),
            (Educator, "school", ViewPeople, "school", false),
            (Educator, "school", GrantRole(Educator), "school", false),
            (Facilitator, "district", ViewPeople, "school", false),
            // Facilitators and admins review learners' work in their subtree.
            (Facilitator, "district", ReviewLearning, "school", true),
            (Facilitator, "school", ReviewLearning, "district", false),
            (Facilitator, "district", ReviewLearning, "other", false),
            (OrgAdmin, "state", ReviewLearning, "school", true),
            (ProgrammeAdmin, "root", ReviewLearning, "other", true),
            (Educator, "school", ReviewLearning, "school", false),
            (Author, "root", ReviewLearning, "school", false),
            // Moderators moderate their subtree's spaces; admins too.
            (Moderator, "district", Moderate, "school", true),
            (Moderator, "district", Moderate, "other", false),
            (OrgAdmin, "district", Moderate, "district", true),
            (Educator, "school", Moderate, "school", false),
            (Author, "root", AdministerOrg, "school", false),
            (Moderator, "state", ViewPeople, "district", false),
            (Researcher, "root", ViewPeople, "school", false),
            (Researcher, "root", AdministerOrg, "root", false),
        ];
        for (role, at, action, target, allowed) in table {
            assert_eq!(
                actor(*role, at).can(*action, &path(target)),
                *allowed,
                "{role} at {at} doing {action:?} to {target}"
            );
        }
    }

    #[test]
    fn grants_add_up() {
        let a = Actor {
            user_id: UserId(1),
            grants: vec![
                Grant {
                    role: Role::Educator,
                    scope: path("school"),
                },
                Grant {
                    role: Role::OrgAdmin,
                    scope: path("other"),
                },
            ],
        };
        assert!(a.can(Action::ViewPeople, &path("other")));
        // In the audience of spaces at or above where they belong, not below or beside.
        assert!(a.in_audience(&path("district")) && a.in_audience(&path("school")));
        assert!(!a.in_audience(&path("root").child(OrgId(99))));
        use crate::community::Visibility::{Members, Open};
        let beside = path("state").child(OrgId(77));
        assert!(a.reads_space(&beside, Open) && !a.reads_space(&beside, Members));
        assert!(!a.posts_in_space(&beside));
        assert!(!a.can(Action::ViewPeople, &path("school")));
        assert!(a.administers_anything());
    }

    #[test]
    fn a_roster_links_only_educators_it_governs() {
        const ALLOWED: bool = true;
        const REFUSED: bool = false;
        let grant = |role, at| Grant {
            role,
            scope: path(at),
        };
        let district = path("district");
        let table: &[(&[Grant], bool, bool)] = &[
            (&[grant(Role::Educator, "school")], false, ALLOWED),
            (&[grant(Role::Educator, "district")], false, ALLOWED),
            (
                &[
                    grant(Role::Educator, "school"),
                    grant(Role::Educator, "district"),
                ],
                false,
                ALLOWED,
            ),
            // A role elsewhere, above, or at the programme.
            (
                &[
                    grant(Role::Educator, "school"),
                    grant(Role::Educator, "other"),
                ],
                false,
                REFUSED,
            ),
            (&[grant(Role::Educator, "state")], false, REFUSED),
            (&[grant(Role::Educator, "root")], false, REFUSED),
            // Any role beyond educator, even inside.
            (&[grant(Role::Facilitator, "school")], false, REFUSED),
            (&[grant(Role::Author, "school")], false, REFUSED),
            (&[grant(Role::Moderator, "district")], false, REFUSED),
            (&[grant(Role::OrgAdmin, "school")], false, REFUSED),
            (&[grant(Role::ProgrammeAdmin, "root")], true, REFUSED),
            (&[grant(Role::Researcher, "root")], false, REFUSED),
            // No role at all: only the source that made the account.
            (&[], false, REFUSED),
            (&[], true, ALLOWED),
        ];
        for (grants, created, expected) in table {
            assert_eq!(
                roster_may_link(grants, &district, *created),
                *expected,
                "{grants:?} created by this source: {created}"
            );
        }
        // A roster for the programme itself still may not take a programme-level account.
        assert_eq!(
            roster_may_link(&[grant(Role::Educator, "root")], &path("root"), false),
            REFUSED
        );
    }
}
