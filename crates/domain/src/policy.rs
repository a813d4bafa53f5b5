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
    /// Approve the email domains organisations at and below it claim, as
    /// theirs without a DNS record: the programme team's call, since a
    /// domain lets people in and lets a provider speak for them.
    ApproveDomains,
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
            Action::ApproveDomains => self.is_programme_admin(),
        }
    }
}

/// Whether a sign-in provider of the organisation at `provider_org` may
/// sign in (or link) an existing account that holds `grants`: only someone
/// who belongs there and nowhere else, with no role beyond educator.
///
/// Whoever runs a provider decides whom it vouches for, so its word is
/// worth what its organisation's admin could already do to the account.
/// An account with no roles could belong anywhere (refused); a role outside
/// the organisation answers to someone else; a role that carries power
/// (facilitator, author, moderator, admin, anything programme-wide) must
/// not be one admin's provider away. Everyone refused signs in with their
/// password.
pub fn provider_may_sign_in(provider_org: &OrgPath, grants: &[Grant]) -> bool {
    !grants.is_empty()
        && grants
            .iter()
            .all(|g| g.role == Role::Educator && provider_org.contains(&g.scope))
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
            // Only the programme team approves domains, wherever claimed.
            (ProgrammeAdmin, "root", ApproveDomains, "school", true),
            (OrgAdmin, "district", ApproveDomains, "school", false),
            (OrgAdmin, "root", ApproveDomains, "root", false),
            (Researcher, "root", ApproveDomains, "root", false),
        ];
        for (role, at, action, target, allowed) in table {
            assert_eq!(
                actor(*role, at).can(*action, &path(target)),
                *allowed,
                "{role} at {at} doing {action:?} to {target}"
            );
        }
    }

    /// A district's provider: who it may sign in, by the roles they hold.
    #[test]
    fn whom_a_provider_may_sign_in() {
        use Role::*;
        let g = |role: Role, at: &str| Grant {
            role,
            scope: path(at),
        };
        let district = path("district");
        let table: Vec<(Vec<Grant>, bool)> = vec![
            (vec![g(Educator, "district")], true),
            (vec![g(Educator, "school")], true),
            (vec![g(Educator, "school"), g(Educator, "district")], true),
            // No roles: nobody answers for them.
            (vec![], false),
            // A role beside or above the district.
            (vec![g(Educator, "other")], false),
            (vec![g(Educator, "school"), g(Educator, "other")], false),
            (vec![g(Educator, "state")], false),
            // Roles with power, even inside the district.
            (vec![g(Facilitator, "district")], false),
            (vec![g(Author, "school")], false),
            (vec![g(Moderator, "school")], false),
            (vec![g(OrgAdmin, "school")], false),
            (vec![g(Educator, "school"), g(Facilitator, "school")], false),
            (vec![g(ProgrammeAdmin, "root")], false),
            (vec![g(Researcher, "root")], false),
            (vec![g(Author, "root")], false),
        ];
        for (grants, allowed) in table {
            assert_eq!(
                provider_may_sign_in(&district, &grants),
                allowed,
                "{grants:?}"
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
}
