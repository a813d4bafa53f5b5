//! Typed identifiers, so a user id is never passed where an organisation id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($name:ident) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(UserId);
id_type!(OrgId);
// Community: a topic id is never taken for a post's, nor a space's.
id_type!(SpaceId);
id_type!(TopicId);
id_type!(PostId);
// Learning: a course, and a hand-in of a practice task.
id_type!(CourseId);
id_type!(HandInId);
// Workshops: an offering and one of its sessions.
id_type!(OfferingId);
id_type!(SessionId);
// The practice library: a classroom practice, a trial report of one, a
// resource, and a file of the library.
id_type!(PracticeId);
id_type!(TrialReportId);
id_type!(ResourceId);
id_type!(LibraryFileId);
// The AI tool registry: a tool.
id_type!(ToolId);
// The challenge radar: a challenge report.
id_type!(ChallengeId);
