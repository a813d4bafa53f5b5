//! The roles a person can hold at a node of the organisation tree.

crate::code_enum! {
    /// A role held at one organisation; it covers that organisation's subtree.
    pub enum Role: "role" {
        Educator = "educator",
        Facilitator = "facilitator",
        Author = "author",
        Moderator = "moderator",
        OrgAdmin = "org_admin",
        ProgrammeAdmin = "programme_admin",
        Researcher = "researcher",
    }
}

impl Role {
    /// Roles that only make sense at the programme root.
    pub fn programme_wide(self) -> bool {
        matches!(self, Role::ProgrammeAdmin | Role::Researcher)
    }
}
