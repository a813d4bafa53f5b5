//! The one authorisation policy. Every route and every API call asks here.
//!
//! A person holds roles at nodes of the organisation tree ([`Grant`]); a role
//! held at a node covers that node and everything below it, nothing else.

use crate::community::{Circle, Visibility};
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
    /// Write drafts of courses the organisation (or one below it) owns:
    /// new courses it will own, and new versions of its courses.
    WriteCourse,
    /// Publish or return drafts of courses the organisation (or one below
    /// it) owns — never one's own (see [`Actor::reviews_draft`]). A course
    /// the programme owns therefore needs a programme-level reviewer.
    PublishCourse,
    /// Approve the email domains organisations at and below it claim, as
    /// theirs without a DNS record: the programme team's call, since a
    /// domain lets people in and lets a provider speak for them.
    ApproveDomains,
    /// Create, edit, copy and cancel the organisation's workshop offerings,
    /// register others for them and decide registrations waiting for
    /// approval (never one's own: the caller checks).
    ManageOfferings,
    /// Curate the practice library for what the organisation (or one below
    /// it) owns: publish or return classroom practices, confirm or set
    /// their evidence tier (never for one's own practice: see
    /// [`Actor::curates_practice`]), add and feature resources.
    CurateLibrary,
    /// Decide the organisation's status for an AI tool of the registry
    /// (approved, under review, not approved), which its people and those
    /// below inherit unless a lower organisation decides its own: its
    /// admins and those above it, never a sibling's or a child's.
    DecideToolStatus,
    /// Add and edit the tools of the AI tool registry: the programme's
    /// admins only (a tool is the programme's, not an organisation's), and
    /// never a vendor — no vendor holds an account that can reach it.
    EditToolRegistry,
    /// Triage the challenge reports filed from the organisation or below
    /// it (the reporter's school when they filed): its admins and those
    /// above it, programme admins for everything; never one's own report
    /// (see [`Actor::triages_challenge`]). Who reported an anonymous one is
    /// never theirs to learn: that is programme admins' alone
    /// ([`Actor::sees_challenge_reporters`]).
    TriageChallenges,
    /// Change the programme's own settings (such as publishing the
    /// challenge radar's summaries to everyone, without sign-in): the
    /// programme's admins only, wherever else one administers.
    ManageProgrammeSettings,
}

/// Roles a join code may carry. Whoever holds the code gets the role, so
/// never one that governs other people (admin, moderator, researcher) or
/// what everyone learns (author).
pub fn join_code_may_carry(role: Role) -> bool {
    matches!(role, Role::Educator | Role::Facilitator)
}

/// A join code works for this many days unless its admin chooses another
/// number, up to [`JOIN_CODE_MAX_DAYS`]: a code on an old slide stops.
pub const JOIN_CODE_DEFAULT_DAYS: u32 = 30;
pub const JOIN_CODE_MAX_DAYS: u32 = 90;
/// A join code lets this many people in unless its admin chooses another
/// number, up to [`JOIN_CODE_MAX_USES`]: a leaked code lets few in.
pub const JOIN_CODE_DEFAULT_USES: u32 = 200;
pub const JOIN_CODE_MAX_USES: u32 = 1000;

/// Roles an invitation may carry: anything its sender may grant except
/// admin rights and programme-wide roles, which are given to an existing
/// account by name (`Action::GrantRole`), never through a link.
pub fn invitation_may_carry(role: Role) -> bool {
    !matches!(role, Role::OrgAdmin | Role::ProgrammeAdmin) && !role.programme_wide()
}

/// How someone reads the analytics (see [`Actor::reads_analytics`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalyticsView {
    /// Every count as it is: the programme team.
    Exact,
    /// Every count under ten "<10", with complementary suppression.
    Suppressed,
}

/// Who decides an outside PD request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deciders {
    /// Admins of this organisation or above it.
    AdminsOf(OrgPath),
    /// Programme admins only.
    ProgrammeAdmins,
}

/// Who decides `requester`'s request to the organisation at `org`: its
/// admins; but if the requester administers `org` (holds `org_admin` at it
/// or above), the admins of the parent of the highest such node — so no
/// admin decides their own request, nor do their fellow admins there. A
/// programme admin's request goes to the other programme admins.
pub fn pd_request_deciders(org: &OrgPath, requester: &Actor) -> Deciders {
    if requester.is_programme_admin() {
        return Deciders::ProgrammeAdmins;
    }
    let highest = requester
        .grants
        .iter()
        .filter(|g| g.role == Role::OrgAdmin && g.scope.contains(org))
        .map(|g| &g.scope)
        .min_by_key(|scope| scope.depth());
    match highest {
        None => Deciders::AdminsOf(org.clone()),
        Some(scope) => scope
            .parent()
            .map_or(Deciders::ProgrammeAdmins, Deciders::AdminsOf),
    }
}

/// A course the programme owns (its root) is everyone's, signed in or not;
/// a course owned lower down is not (see [`Actor::sees_course`]).
pub fn anyone_sees_course(owner: &OrgPath) -> bool {
    owner.parent().is_none()
}

/// May `viewer` (`None`: not signed in) see the course owned at `owner`?
pub fn sees_course(viewer: Option<&Actor>, owner: &OrgPath) -> bool {
    viewer.map_or_else(|| anyone_sees_course(owner), |a| a.sees_course(owner))
}

/// The owners of the courses someone sees, as a query can ask for them
/// cheaply: the catalogue filters by this, and it answers as
/// [`Actor::sees_course`] does for every owner (a test holds them equal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeenOwners {
    /// Every course: a programme admin, or an author or admin at the root.
    All,
    /// The programme's courses, those owned at one of `ids`, and those
    /// owned inside one of `subtrees`.
    Some {
        /// The nodes from the root down to each place the person belongs:
        /// a handful, whatever the tree's size.
        ids: Vec<crate::ids::OrgId>,
        /// Where the person authors or administers.
        subtrees: Vec<OrgPath>,
    },
}

impl SeenOwners {
    /// Someone not signed in: the programme's courses only.
    pub fn anonymous() -> Self {
        SeenOwners::Some {
            ids: Vec::new(),
            subtrees: Vec::new(),
        }
    }

    /// Whether a course owned at `owner` is among them.
    pub fn admits(&self, owner: &OrgPath) -> bool {
        match self {
            SeenOwners::All => true,
            SeenOwners::Some { ids, subtrees } => {
                anyone_sees_course(owner)
                    || owner.ids().last().is_some_and(|id| ids.contains(id))
                    || subtrees.iter().any(|s| s.contains(owner))
            }
        }
    }
}

/// Is the case `decider` would decide their own — made by, or about, them?
/// Nobody decides their own case: not their PD request, a review of their
/// own work or draft, nor a suspension of themselves.
pub fn own_case(decider: UserId, subject: UserId) -> bool {
    decider == subject
}

/// May `editor` edit or delete a post written by `author`? Only its author:
/// moderators hide a post (with a reason, told to the author), never
/// rewrite it.
pub fn edits_post(editor: UserId, author: UserId) -> bool {
    editor == author
}

/// May `by` accept a reply as the answer to a question asked by `asker`?
/// Only the person who asked.
pub fn accepts_answer(by: UserId, asker: UserId) -> bool {
    by == asker
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

    /// Reaches the authoring pages: an author somewhere, or a programme
    /// admin. Which courses they write and review is decided per course, on
    /// the organisation that owns it (`Action::WriteCourse`,
    /// [`Actor::reviews_draft`]).
    pub fn authors(&self) -> bool {
        !self.authoring_scopes().is_empty()
    }

    /// Where this person writes and reviews courses: the nodes at which they
    /// are an author, and the programme root for a programme admin.
    pub fn authoring_scopes(&self) -> Vec<OrgPath> {
        self.scopes(&[Role::Author, Role::ProgrammeAdmin])
    }

    /// May publish or return a draft written by `author` of a course owned
    /// at `owner`: a reviewer there, and never the draft's own author.
    pub fn reviews_draft(&self, owner: &OrgPath, author: UserId) -> bool {
        !own_case(self.user_id, author) && self.can(Action::PublishCourse, owner)
    }

    /// May publish or return a classroom practice owned at `owner` and
    /// written by `author`, or confirm its evidence tier: a curator there,
    /// and never the practice's own author.
    pub fn curates_practice(&self, owner: &OrgPath, author: Option<UserId>) -> bool {
        author.is_none_or(|a| !own_case(self.user_id, a)) && self.can(Action::CurateLibrary, owner)
    }

    /// Where this person curates the library: the nodes at which they are
    /// an author, and the programme root for a programme admin.
    pub fn curating_scopes(&self) -> Vec<OrgPath> {
        self.authoring_scopes()
    }

    /// May review the practice work of `learner`, who belongs at
    /// `learner_orgs`: a facilitator or admin of one of those, and never
    /// the learner themselves.
    pub fn reviews_work_of(&self, learner: UserId, learner_orgs: &[OrgPath]) -> bool {
        !own_case(self.user_id, learner)
            && learner_orgs
                .iter()
                .any(|p| self.can(Action::ReviewLearning, p))
    }

    /// May decide `requester`'s outside PD request to the organisation at
    /// `org` (see [`pd_request_deciders`]); never one's own.
    pub fn decides_pd_request(&self, org: &OrgPath, requester: &Actor) -> bool {
        if own_case(self.user_id, requester.user_id) {
            return false;
        }
        match pd_request_deciders(org, requester) {
            Deciders::AdminsOf(at) => self.can(Action::AdministerOrg, &at),
            Deciders::ProgrammeAdmins => self.is_programme_admin(),
        }
    }

    /// May triage a challenge report filed from `from` (the reporter's
    /// school, or their organisation, when they filed) by `reporter`:
    /// programme admins, admins of that organisation or above it, and
    /// never the reporter themselves.
    pub fn triages_challenge(&self, from: &OrgPath, reporter: Option<UserId>) -> bool {
        reporter.is_none_or(|r| !own_case(self.user_id, r))
            && self.can(Action::TriageChallenges, from)
    }

    /// May learn who filed an anonymous challenge report: programme admins
    /// only (security rule 8).
    pub fn sees_challenge_reporters(&self) -> bool {
        self.is_programme_admin()
    }

    /// Where this person triages challenge reports: the nodes at which
    /// they administer (the root, for a programme admin).
    pub fn triage_scopes(&self) -> Vec<OrgPath> {
        self.scopes(&[Role::OrgAdmin, Role::ProgrammeAdmin])
    }

    /// How this person may read the analytics of the subtree at `target`:
    /// programme admins exactly, anywhere; an organisation's admins (and
    /// those above) its subtree, with small counts suppressed; researchers
    /// de-identified aggregates only — suppressed, and of the programme and
    /// its states alone, so that no chain of views down the tree lets a
    /// count be worked out. Nobody else.
    pub fn reads_analytics(&self, target: &OrgPath) -> Option<AnalyticsView> {
        if self.is_programme_admin() {
            Some(AnalyticsView::Exact)
        } else if self.holds(Role::OrgAdmin, target)
            || (self.holds(Role::Researcher, target) && target.depth() <= 2)
        {
            Some(AnalyticsView::Suppressed)
        } else {
            None
        }
    }

    /// Where this person reads analytics from: the nodes at which they
    /// administer or research (the root, for programme staff).
    pub fn analytics_scopes(&self) -> Vec<OrgPath> {
        self.scopes(&[Role::OrgAdmin, Role::ProgrammeAdmin, Role::Researcher])
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
    /// its audience and its moderators; an offering's, the people holding a
    /// seat in it, its facilitators (`circle`, read for this reader) and the
    /// organisation's moderators.
    pub fn reads_space(&self, space: &OrgPath, visibility: Visibility, circle: Circle) -> bool {
        match visibility {
            Visibility::Open => true,
            Visibility::Members => self.in_audience(space) || self.moderates_space(space),
            Visibility::Offering => circle != Circle::Outside || self.moderates_space(space),
        }
    }

    /// Moderates the spaces of the organisation at `space` (lock, pin, move
    /// topics; hide and restore posts; see their flags): its moderators and
    /// admins, and those of any organisation above it.
    pub fn moderates_space(&self, space: &OrgPath) -> bool {
        self.can(Action::Moderate, space)
    }

    /// Moderates this one space: as [`Self::moderates_space`], and an
    /// offering's facilitators moderate its space.
    pub fn moderates_in(&self, space: &OrgPath, circle: Circle) -> bool {
        circle == Circle::Facilitator || self.moderates_space(space)
    }

    /// May move a topic from the space at `from` to the one at `to`: a
    /// moderator of both, so no topic leaves a moderator's reach into
    /// another's, nor arrives from one.
    pub fn moves_topic(&self, from: &OrgPath, to: &OrgPath) -> bool {
        self.moderates_space(from) && self.moderates_space(to)
    }

    /// May start topics and reply in a space: its audience (an offering's:
    /// its people holding a seat and its facilitators), and its moderators.
    pub fn posts_in_space(&self, space: &OrgPath, visibility: Visibility, circle: Circle) -> bool {
        let audience = match visibility {
            Visibility::Open | Visibility::Members => self.in_audience(space),
            Visibility::Offering => circle != Circle::Outside,
        };
        audience || self.moderates_space(space)
    }

    /// Where a suspension this person sets, for a post in a space at
    /// `space`, applies: the broadest node covering the space at which they
    /// moderate (a district moderator's reaches the district's schools).
    /// None when they do not moderate the space.
    pub fn suspension_scope(&self, space: &OrgPath) -> Option<OrgPath> {
        self.moderation_scopes()
            .into_iter()
            .filter(|scope| scope.contains(space))
            .min_by_key(OrgPath::depth)
    }

    /// May this person suspend `target` from posting in the spaces at or
    /// below `scope`? Only where they moderate, never themselves, and
    /// never someone above them (security rule 3): every role the target
    /// holds beyond educator must lie strictly below one of this person's
    /// moderating grants, or at the same node under a grant that outranks
    /// it (an org admin over the org's moderator). So a school's moderator
    /// cannot suspend the district's moderator, nor one moderator a peer.
    pub fn may_suspend(&self, target: &Actor, scope: &OrgPath) -> bool {
        if own_case(self.user_id, target.user_id) || !self.moderates_space(scope) {
            return false;
        }
        let mine: Vec<&Grant> = self
            .grants
            .iter()
            .filter(|g| {
                matches!(
                    g.role,
                    Role::Moderator | Role::OrgAdmin | Role::ProgrammeAdmin
                )
            })
            .collect();
        target
            .grants
            .iter()
            .filter(|g| g.role != Role::Educator)
            .all(|theirs| {
                mine.iter().any(|m| {
                    m.scope.contains(&theirs.scope)
                        && (m.scope != theirs.scope || rank(m.role) > rank(theirs.role))
                })
            })
    }

    /// May see the course owned at `owner` — in the catalogue, on its
    /// pages, and enrol in it: a programme course, anyone; any other, those
    /// who belong at or below its owner (as a members-only space's
    /// audience), those who may write it, and admins and facilitators whose
    /// scope covers it (they review its learners' work).
    /// To everyone else it does not exist. (Someone already enrolled keeps
    /// their enrolment: that is the caller's to allow.)
    pub fn sees_course(&self, owner: &OrgPath) -> bool {
        anyone_sees_course(owner)
            || self.in_audience(owner)
            || self.can(Action::WriteCourse, owner)
            || self.can(Action::AdministerOrg, owner)
            // Facilitators above it review its learners' work.
            || self.can(Action::ReviewLearning, owner)
    }

    /// [`Actor::sees_course`] for every owner at once, in the form a
    /// catalogue query filters by.
    pub fn seen_course_owners(&self) -> SeenOwners {
        let subtrees = self.scopes(&[Role::Author, Role::OrgAdmin, Role::Facilitator]);
        if self.is_programme_admin() || subtrees.iter().any(anyone_sees_course) {
            return SeenOwners::All;
        }
        let mut ids: Vec<crate::ids::OrgId> =
            self.grants.iter().flat_map(|g| g.scope.ids()).collect();
        ids.sort_by_key(|id| id.0);
        ids.dedup();
        SeenOwners::Some { ids, subtrees }
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
            // Authoring follows the author role alone: an org admin who
            // writes courses is given the role in their own organisation.
            Action::WriteCourse | Action::PublishCourse => {
                self.is_programme_admin() || self.holds(Role::Author, target)
            }
            Action::ApproveDomains => self.is_programme_admin(),
            Action::ManageOfferings => admin,
            // As for courses: programme admins, and authors for what their
            // organisation owns.
            Action::CurateLibrary => self.is_programme_admin() || self.holds(Role::Author, target),
            Action::DecideToolStatus => admin,
            Action::EditToolRegistry => self.is_programme_admin(),
            Action::TriageChallenges => admin,
            Action::ManageProgrammeSettings => self.is_programme_admin(),
        }
    }
}

/// How far a role reaches over others at the same node, for
/// [`Actor::may_suspend`].
fn rank(role: Role) -> u8 {
    match role {
        Role::Educator => 0,
        Role::Facilitator | Role::Author | Role::Moderator | Role::Researcher => 1,
        Role::OrgAdmin => 2,
        Role::ProgrammeAdmin => 3,
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

    #[test]
    fn analytics_power_never_flows_up_or_sideways() {
        use AnalyticsView::{Exact, Suppressed};
        let cases = [
            (Role::ProgrammeAdmin, "root", "school", Some(Exact)),
            (Role::OrgAdmin, "district", "district", Some(Suppressed)),
            (Role::OrgAdmin, "district", "school", Some(Suppressed)),
            (Role::OrgAdmin, "district", "state", None),
            (Role::OrgAdmin, "district", "other", None),
            (Role::Researcher, "root", "root", Some(Suppressed)),
            (Role::Researcher, "root", "state", Some(Suppressed)),
            (Role::Researcher, "root", "district", None),
            (Role::Educator, "district", "district", None),
            (Role::Facilitator, "root", "state", None),
        ];
        for (role, at, target, want) in cases {
            assert_eq!(
                actor(role, at).reads_analytics(&path(target)),
                want,
                "{role} at {at} reading {target}"
            );
        }
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
            // Authors write and publish the courses their node owns, and
            // those below it; a programme-owned course needs the root.
            (Author, "root", WriteCourse, "root", true),
            (Author, "root", PublishCourse, "school", true),
            (Author, "district", WriteCourse, "district", true),
            (Author, "district", PublishCourse, "school", true),
            (Author, "district", WriteCourse, "root", false),
            (Author, "district", PublishCourse, "root", false),
            (Author, "district", WriteCourse, "state", false),
            (Author, "district", PublishCourse, "other", false),
            (Author, "school", WriteCourse, "district", false),
            (ProgrammeAdmin, "root", WriteCourse, "root", true),
            (ProgrammeAdmin, "root", PublishCourse, "other", true),
            // Administering is not authoring, not even at one's own node.
            (OrgAdmin, "district", WriteCourse, "district", false),
            (OrgAdmin, "state", PublishCourse, "school", false),
            (Educator, "school", WriteCourse, "school", false),
            (Facilitator, "district", PublishCourse, "district", false),
            (Moderator, "root", WriteCourse, "school", false),
            (Researcher, "root", PublishCourse, "root", false),
            // Only the programme team approves domains, wherever claimed.
            (ProgrammeAdmin, "root", ApproveDomains, "school", true),
            (OrgAdmin, "district", ApproveDomains, "school", false),
            (OrgAdmin, "root", ApproveDomains, "root", false),
            (Researcher, "root", ApproveDomains, "root", false),
            // A tool's status: admins of the organisation or above it,
            // never beside or below it, and nobody else.
            (OrgAdmin, "district", DecideToolStatus, "district", true),
            (OrgAdmin, "district", DecideToolStatus, "school", true),
            (OrgAdmin, "state", DecideToolStatus, "school", true),
            (OrgAdmin, "school", DecideToolStatus, "district", false),
            (OrgAdmin, "other", DecideToolStatus, "district", false),
            (OrgAdmin, "other", DecideToolStatus, "school", false),
            (ProgrammeAdmin, "root", DecideToolStatus, "school", true),
            (Educator, "school", DecideToolStatus, "school", false),
            (Author, "district", DecideToolStatus, "district", false),
            (Facilitator, "district", DecideToolStatus, "school", false),
            (Moderator, "district", DecideToolStatus, "district", false),
            // The registry's tools: the programme's admins only.
            (ProgrammeAdmin, "root", EditToolRegistry, "root", true),
            (OrgAdmin, "root", EditToolRegistry, "root", false),
            (OrgAdmin, "district", EditToolRegistry, "district", false),
            (Author, "root", EditToolRegistry, "root", false),
            (Educator, "school", EditToolRegistry, "school", false),
            // Challenge reports: admins for reports from their subtree,
            // never from above or beside it.
            (OrgAdmin, "district", TriageChallenges, "school", true),
            (OrgAdmin, "school", TriageChallenges, "school", true),
            (OrgAdmin, "school", TriageChallenges, "district", false),
            (OrgAdmin, "other", TriageChallenges, "school", false),
            (ProgrammeAdmin, "root", TriageChallenges, "school", true),
            (Moderator, "district", TriageChallenges, "school", false),
            (Facilitator, "district", TriageChallenges, "school", false),
            (Educator, "school", TriageChallenges, "school", false),
            (Researcher, "root", TriageChallenges, "school", false),
            // The programme's settings: its admins only, never an org
            // admin, even at the root.
            (
                ProgrammeAdmin,
                "root",
                ManageProgrammeSettings,
                "root",
                true,
            ),
            (OrgAdmin, "root", ManageProgrammeSettings, "root", false),
            (
                OrgAdmin,
                "district",
                ManageProgrammeSettings,
                "district",
                false,
            ),
            (Researcher, "root", ManageProgrammeSettings, "root", false),
            (Educator, "school", ManageProgrammeSettings, "school", false),
        ];
        for (role, at, action, target, allowed) in table {
            assert_eq!(
                actor(*role, at).can(*action, &path(target)),
                *allowed,
                "{role} at {at} doing {action:?} to {target}"
            );
        }
    }

    fn person(id: i64, grants: &[(Role, &str)]) -> Actor {
        Actor {
            user_id: UserId(id),
            grants: grants
                .iter()
                .map(|(role, at)| Grant {
                    role: *role,
                    scope: path(at),
                })
                .collect(),
        }
    }

    /// Nobody publishes their own draft, whatever their scope.
    #[test]
    fn reviewing_a_draft() {
        use Role::*;
        // reviewer (id, role, at), draft author id, course owner, allowed
        let table: &[(i64, Role, &str, i64, &str, bool)] = &[
            (1, Author, "district", 2, "district", true),
            (1, Author, "district", 2, "school", true),
            (1, Author, "district", 1, "district", false),
            (1, Author, "district", 2, "root", false),
            (1, Author, "district", 2, "other", false),
            (1, Author, "school", 2, "district", false),
            (1, Author, "root", 2, "root", true),
            (1, Author, "root", 1, "root", false),
            (1, ProgrammeAdmin, "root", 2, "root", true),
            (1, ProgrammeAdmin, "root", 1, "school", false),
            (1, OrgAdmin, "root", 2, "school", false),
        ];
        for (me, role, at, author, owner, allowed) in table {
            assert_eq!(
                person(*me, &[(*role, at)]).reviews_draft(&path(owner), UserId(*author)),
                *allowed,
                "{role} at {at} (user {me}) reviewing user {author}'s draft of a course owned at {owner}"
            );
        }
        // Where authoring pages open, and which nodes they may choose.
        let both = person(
            1,
            &[(Author, "district"), (Author, "other"), (OrgAdmin, "root")],
        );
        assert!(both.authors());
        assert_eq!(
            both.authoring_scopes(),
            vec![path("district"), path("other")]
        );
        assert_eq!(
            person(1, &[(ProgrammeAdmin, "root")]).authoring_scopes(),
            vec![path("root")]
        );
        assert!(!person(1, &[(OrgAdmin, "root"), (Facilitator, "school")]).authors());
    }

    /// Who triages a challenge report filed from where, by whom; and who
    /// may learn an anonymous reporter.
    #[test]
    fn triaging_a_challenge() {
        use Role::*;
        // triager (id, role, at), reporter id, filed from, allowed
        let table: &[(i64, Role, &str, i64, &str, bool)] = &[
            (1, OrgAdmin, "district", 2, "school", true),
            (1, OrgAdmin, "district", 1, "school", false),
            (1, OrgAdmin, "other", 2, "school", false),
            (1, OrgAdmin, "school", 2, "district", false),
            (1, ProgrammeAdmin, "root", 2, "school", true),
            (1, ProgrammeAdmin, "root", 1, "school", false),
            (1, Facilitator, "district", 2, "school", false),
        ];
        for (me, role, at, reporter, from, allowed) in table {
            assert_eq!(
                person(*me, &[(*role, at)]).triages_challenge(&path(from), Some(UserId(*reporter))),
                *allowed,
                "{role} at {at} (user {me}) triaging user {reporter}'s report from {from}"
            );
        }
        // A reporter whose account is gone: nobody's own case.
        assert!(person(1, &[(OrgAdmin, "school")]).triages_challenge(&path("school"), None));
        assert!(person(1, &[(ProgrammeAdmin, "root")]).sees_challenge_reporters());
        assert!(!person(1, &[(OrgAdmin, "root")]).sees_challenge_reporters());
        assert!(!person(1, &[(OrgAdmin, "district")]).sees_challenge_reporters());
        assert_eq!(
            person(1, &[(OrgAdmin, "district"), (Author, "other")]).triage_scopes(),
            vec![path("district")]
        );
    }

    /// Who sees a course owned where — by hand; and the catalogue's form
    /// of the rule ([`SeenOwners`]) answers the same for every owner.
    #[test]
    fn seeing_a_course() {
        use Role::*;
        type Grants = &'static [(Role, &'static str)];
        // grants (None: not signed in), the course's owner, sees it
        let table: &[(Option<Grants>, &str, bool)] = &[
            // The programme's courses are everyone's.
            (None, "root", true),
            (Some(&[]), "root", true),
            (Some(&[(Educator, "other")]), "root", true),
            // Anyone else's, nobody's who is not signed in.
            (None, "state", false),
            (None, "school", false),
            // Those who belong at or below the owner see it.
            (Some(&[(Educator, "school")]), "school", true),
            (Some(&[(Educator, "school")]), "district", true),
            (Some(&[(Educator, "school")]), "state", true),
            (Some(&[(Facilitator, "district")]), "district", true),
            (Some(&[(Moderator, "district")]), "state", true),
            // Not those above it (unless they write, administer or
            // facilitate there: facilitators review its learners' work)…
            (Some(&[(Educator, "district")]), "school", false),
            (Some(&[(Facilitator, "district")]), "school", true),
            (Some(&[(Facilitator, "other")]), "school", false),
            (Some(&[(Moderator, "state")]), "school", false),
            (Some(&[(Researcher, "root")]), "school", false),
            // …nor beside it.
            (Some(&[(Educator, "other")]), "district", false),
            (Some(&[(Educator, "other")]), "school", false),
            (Some(&[(OrgAdmin, "other")]), "school", false),
            (Some(&[(Author, "other")]), "district", false),
            // Its authors and admins, at or above it.
            (Some(&[(Author, "district")]), "school", true),
            (Some(&[(Author, "school")]), "district", true),
            (Some(&[(OrgAdmin, "district")]), "school", true),
            (Some(&[(OrgAdmin, "state")]), "school", true),
            (Some(&[(OrgAdmin, "root")]), "school", true),
            (Some(&[(Author, "root")]), "other", true),
            (Some(&[(ProgrammeAdmin, "root")]), "school", true),
            // Roles add up.
            (
                Some(&[(Educator, "school"), (OrgAdmin, "other")]),
                "other",
                true,
            ),
            (
                Some(&[(Educator, "school"), (OrgAdmin, "other")]),
                "district",
                true,
            ),
        ];
        for (grants, owner, sees) in table {
            let actor = grants.map(|g| person(1, g));
            assert_eq!(
                sees_course(actor.as_ref(), &path(owner)),
                *sees,
                "{grants:?} seeing a course owned at {owner}"
            );
        }
        // The catalogue's form of the rule agrees everywhere.
        let everywhere = ["root", "state", "district", "school", "other"];
        let mut viewers: Vec<Option<Actor>> = vec![None];
        for role in Role::ALL {
            for at in everywhere {
                viewers.push(Some(person(1, &[(*role, at)])));
                viewers.push(Some(person(1, &[(*role, at), (Educator, "school")])));
            }
        }
        for viewer in &viewers {
            let seen = viewer
                .as_ref()
                .map_or_else(SeenOwners::anonymous, Actor::seen_course_owners);
            for owner in everywhere {
                assert_eq!(
                    seen.admits(&path(owner)),
                    sees_course(viewer.as_ref(), &path(owner)),
                    "{viewer:?} and a course owned at {owner}: {seen:?}"
                );
            }
        }
        // A handful of ids, not the tree.
        assert_eq!(
            person(1, &[(Educator, "school"), (Educator, "other")]).seen_course_owners(),
            SeenOwners::Some {
                ids: vec![OrgId(1), OrgId(2), OrgId(3), OrgId(4), OrgId(5)],
                subtrees: vec![],
            }
        );
        assert_eq!(
            person(1, &[(OrgAdmin, "root")]).seen_course_owners(),
            SeenOwners::All
        );
    }

    /// A facilitator who is also a learner never reviews their own work.
    #[test]
    fn reviewing_practice_work() {
        use Role::*;
        let facilitator = person(1, &[(Facilitator, "district"), (Educator, "district")]);
        let in_school = [path("school")];
        assert!(facilitator.reviews_work_of(UserId(2), &in_school));
        assert!(!facilitator.reviews_work_of(UserId(1), &in_school));
        assert!(!facilitator.reviews_work_of(UserId(1), &[path("district")]));
        assert!(!facilitator.reviews_work_of(UserId(2), &[path("other")]));
        let admin = person(3, &[(ProgrammeAdmin, "root")]);
        assert!(admin.reviews_work_of(UserId(1), &[path("district")]));
        assert!(!admin.reviews_work_of(UserId(3), &[path("root")]));
    }

    /// requester's grants, the request's organisation → who decides it.
    #[test]
    fn who_decides_a_pd_request() {
        use Deciders::*;
        use Role::*;
        type Grants = &'static [(Role, &'static str)];
        let table: &[(Grants, &str, Deciders)] = &[
            (&[(Educator, "school")], "school", AdminsOf(path("school"))),
            (
                &[(Facilitator, "district")],
                "district",
                AdminsOf(path("district")),
            ),
            // An admin's own request goes to the parent of where they administer it.
            (
                &[(OrgAdmin, "district")],
                "district",
                AdminsOf(path("state")),
            ),
            (
                &[(OrgAdmin, "district"), (Educator, "school")],
                "school",
                AdminsOf(path("state")),
            ),
            (
                &[(OrgAdmin, "school"), (OrgAdmin, "state")],
                "school",
                AdminsOf(path("root")),
            ),
            // Administering elsewhere changes nothing.
            (
                &[(OrgAdmin, "other"), (Educator, "school")],
                "school",
                AdminsOf(path("school")),
            ),
            (
                &[(OrgAdmin, "school")],
                "district",
                AdminsOf(path("district")),
            ),
            (&[(OrgAdmin, "root")], "school", ProgrammeAdmins),
            (&[(ProgrammeAdmin, "root")], "root", ProgrammeAdmins),
        ];
        for (grants, org, deciders) in table {
            assert_eq!(
                pd_request_deciders(&path(org), &person(1, grants)),
                *deciders,
                "{grants:?} asking {org}"
            );
        }
    }

    /// decider's grants, requester's grants, the request's org → allowed.
    #[test]
    fn deciding_a_pd_request() {
        use Role::*;
        type Grants = &'static [(Role, &'static str)];
        let table: &[(i64, Grants, i64, Grants, &str, bool)] = &[
            (
                1,
                &[(OrgAdmin, "district")],
                2,
                &[(Educator, "school")],
                "school",
                true,
            ),
            (
                1,
                &[(OrgAdmin, "other")],
                2,
                &[(Educator, "school")],
                "school",
                false,
            ),
            // Nobody decides their own, whatever they hold.
            (
                1,
                &[(OrgAdmin, "district")],
                1,
                &[(Educator, "school")],
                "school",
                false,
            ),
            (1, &[(ProgrammeAdmin, "root")], 1, &[], "root", false),
            // A district admin's request: not the district's admins, the state's.
            (
                1,
                &[(OrgAdmin, "district")],
                2,
                &[(OrgAdmin, "district")],
                "district",
                false,
            ),
            (
                1,
                &[(OrgAdmin, "state")],
                2,
                &[(OrgAdmin, "district")],
                "district",
                true,
            ),
            (
                1,
                &[(ProgrammeAdmin, "root")],
                2,
                &[(OrgAdmin, "district")],
                "district",
                true,
            ),
            // A programme admin's: another programme admin only.
            (
                1,
                &[(OrgAdmin, "root")],
                2,
                &[(ProgrammeAdmin, "root")],
                "root",
                false,
            ),
            (
                1,
                &[(ProgrammeAdmin, "root")],
                2,
                &[(ProgrammeAdmin, "root")],
                "root",
                true,
            ),
        ];
        for (me, mine, them, theirs, org, allowed) in table {
            assert_eq!(
                person(*me, mine).decides_pd_request(&path(org), &person(*them, theirs)),
                *allowed,
                "{mine:?} (user {me}) deciding user {them}'s request ({theirs:?}) to {org}"
            );
        }
    }

    #[test]
    fn what_codes_and_invitations_carry() {
        use Role::*;
        // role, by join code, by invitation
        let table = [
            (Educator, true, true),
            (Facilitator, true, true),
            (Author, false, true),
            (Moderator, false, true),
            (OrgAdmin, false, false),
            (ProgrammeAdmin, false, false),
            (Researcher, false, false),
        ];
        assert_eq!(table.len(), Role::ALL.len());
        for (role, code, invitation) in table {
            assert_eq!(join_code_may_carry(role), code, "{role} by code");
            assert_eq!(
                invitation_may_carry(role),
                invitation,
                "{role} by invitation"
            );
        }
    }

    /// Who may suspend whom, and for where: (moderator's role and node,
    /// target's role and node, allowed) — for a post in a school space.
    #[test]
    fn suspensions_never_reach_up_or_sideways() {
        use Role::*;
        let table: &[(Role, &str, Role, &str, bool)] = &[
            // A school's moderator: its educators, not the district's people.
            (Moderator, "school", Educator, "school", true),
            (Moderator, "school", Educator, "district", true),
            (Moderator, "school", Moderator, "district", false),
            (Moderator, "school", OrgAdmin, "district", false),
            (Moderator, "school", Facilitator, "district", false),
            (Moderator, "school", Moderator, "school", false),
            (Moderator, "school", Facilitator, "school", false),
            // A district's moderator: the schools' staff, not a peer or above.
            (Moderator, "district", Moderator, "school", true),
            (Moderator, "district", Facilitator, "school", true),
            (Moderator, "district", OrgAdmin, "school", true),
            (Moderator, "district", Moderator, "district", false),
            (Moderator, "district", Facilitator, "district", false),
            (Moderator, "district", OrgAdmin, "district", false),
            (Moderator, "district", Moderator, "other", false),
            (Moderator, "district", Author, "root", false),
            (Moderator, "district", ProgrammeAdmin, "root", false),
            // An org admin outranks the org's own moderators and facilitators.
            (OrgAdmin, "district", Moderator, "district", true),
            (OrgAdmin, "district", Facilitator, "district", true),
            (OrgAdmin, "district", OrgAdmin, "district", false),
            (OrgAdmin, "district", Moderator, "state", false),
            // The programme admin: everyone but another programme admin.
            (ProgrammeAdmin, "root", OrgAdmin, "state", true),
            (ProgrammeAdmin, "root", Author, "root", true),
            (ProgrammeAdmin, "root", ProgrammeAdmin, "root", false),
            // Not a moderator of the space: nobody.
            (Facilitator, "district", Educator, "school", false),
            (Moderator, "other", Educator, "school", false),
        ];
        let school = path("school");
        for (role, at, their_role, their_at, allowed) in table {
            let me = actor(*role, at);
            let them = Actor {
                user_id: UserId(10),
                grants: vec![
                    Grant {
                        role: Educator,
                        scope: path("school"),
                    },
                    Grant {
                        role: *their_role,
                        scope: path(their_at),
                    },
                ],
            };
            let allowed_here = me
                .suspension_scope(&school)
                .is_some_and(|scope| me.may_suspend(&them, &scope));
            assert_eq!(
                allowed_here, *allowed,
                "{role} at {at} suspending a {their_role} at {their_at}"
            );
        }
        // Nobody suspends themselves.
        let me = actor(Moderator, "district");
        assert!(!me.may_suspend(&me, &path("district")));
    }

    #[test]
    fn a_suspension_belongs_to_the_moderators_broadest_covering_node() {
        let both = Actor {
            user_id: UserId(1),
            grants: vec![
                Grant {
                    role: Role::Moderator,
                    scope: path("school"),
                },
                Grant {
                    role: Role::Moderator,
                    scope: path("district"),
                },
                Grant {
                    role: Role::OrgAdmin,
                    scope: path("other"),
                },
                Grant {
                    role: Role::Facilitator,
                    scope: path("state"),
                },
            ],
        };
        assert_eq!(
            both.suspension_scope(&path("school")),
            Some(path("district"))
        );
        assert_eq!(both.suspension_scope(&path("other")), Some(path("other")));
        assert_eq!(both.suspension_scope(&path("state")), None);
        assert_eq!(
            actor(Role::Moderator, "school").suspension_scope(&path("district")),
            None
        );
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
        use crate::community::Visibility::{Members, Offering, Open};
        let beside = path("state").child(OrgId(77));
        let out = Circle::Outside;
        assert!(a.reads_space(&beside, Open, out) && !a.reads_space(&beside, Members, out));
        assert!(!a.posts_in_space(&beside, Open, out));
        // An offering's space: its circle reads and posts, whatever their grants.
        assert!(!a.reads_space(&path("school"), Offering, out));
        assert!(!a.posts_in_space(&path("school"), Offering, out));
        assert!(a.reads_space(&beside, Offering, Circle::Member));
        assert!(a.posts_in_space(&beside, Offering, Circle::Member));
        assert!(!a.moderates_in(&beside, Circle::Member));
        assert!(a.moderates_in(&beside, Circle::Facilitator));
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

    /// Who moderates what: a space's moderators and admins, and those
    /// above it; never a space beside or above them. A move needs both ends.
    #[test]
    fn who_moderates_which_space() {
        use Role::*;
        // (role, at, the space's organisation, moderates it) — by hand.
        let table = [
            (Moderator, "school", "school", true),
            (Moderator, "district", "school", true),
            (Moderator, "school", "district", false),
            (Moderator, "district", "other", false),
            (OrgAdmin, "district", "school", true),
            (OrgAdmin, "school", "district", false),
            (ProgrammeAdmin, "root", "other", true),
            (Educator, "school", "school", false),
            (Facilitator, "district", "school", false),
            (Author, "root", "school", false),
            (Researcher, "root", "school", false),
        ];
        for (role, at, space, moderates) in table {
            assert_eq!(
                actor(role, at).moderates_space(&path(space)),
                moderates,
                "{role} at {at} moderating {space}"
            );
        }
        let district = actor(Moderator, "district");
        assert!(district.moves_topic(&path("school"), &path("district")));
        assert!(!district.moves_topic(&path("school"), &path("other")));
        assert!(!district.moves_topic(&path("other"), &path("school")));
        assert!(!actor(Moderator, "school").moves_topic(&path("school"), &path("state")));
    }

    /// Nobody decides their own case; one's own posts are one's own to
    /// edit, one's own questions one's own to answer.
    #[test]
    fn ones_own_objects() {
        let (me, you) = (UserId(1), UserId(2));
        assert!(own_case(me, me));
        assert!(!own_case(me, you));
        assert!(edits_post(me, me));
        assert!(!edits_post(me, you));
        assert!(accepts_answer(you, you));
        assert!(!accepts_answer(me, you));
        // A moderator above the author still does not edit their post.
        let moderator = person(1, &[(Role::ProgrammeAdmin, "root")]);
        assert!(!edits_post(moderator.user_id, you));
    }
}
