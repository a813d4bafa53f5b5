//! Lyceum's domain: the types, rules and validation every other crate shares.
//!
//! Invariant: nothing here knows SQL, HTTP, HTML or does IO (beyond asking the
//! operating system for random bytes). Every other crate may depend on this one.

#[macro_use]
mod codes;
pub mod analytics;
pub mod api_token;
pub mod community;
pub mod competency;
pub mod course;
pub mod disclosure;

pub mod domain_proof;
pub mod email;
pub mod error_chain;
pub mod evidence;
pub mod i18n;
pub mod ids;
pub mod invitation_list;
pub mod jobs;
pub mod json_input;
pub mod library;
pub mod mentions;
pub mod oneroster;
pub mod org;
pub mod outbound;
pub mod password;
pub mod paths;
pub mod pd;
pub mod personal_data;
pub mod policy;
pub mod profile;
pub mod radar;
pub mod registry;
pub mod role;
pub mod search;
pub mod secrets;
pub mod sso;
pub mod throttle;
pub mod time;
pub mod token;
pub mod us_states;
pub mod validation;
pub mod workshop;
pub mod xapi;

pub use ids::ChallengeId;
pub use ids::{
    CourseId, HandInId, LibraryFileId, OfferingId, OrgId, PostId, PracticeId, ResourceId,
    SessionId, SpaceId, ToolId, TopicId, TrialReportId, UserId,
};
pub use time::{Clock, Timestamp};
