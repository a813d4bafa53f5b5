//! Community: the spaces a person may read (following some: "my spaces"),
//! a space's topics, a topic's posts, replying, editing and deleting one's
//! own posts, locking by moderators, and creating spaces (org admins, for
//! their organisation's subtree). A space a person may not read does not
//! exist for them: every route answers 404, never a hint. What the API
//! does too is `crate::community_actions`.

mod admin;
mod follows;
mod mentionable;
mod moderate;
mod notifications;
mod own_posts;
mod reactions;
mod search;
mod space;
mod spaces;
mod topic;

use lyceum_domain::{SpaceId, TopicId};

pub use admin::{admin_create, admin_list};
pub use follows::{follow, mute};
pub use mentionable::mentionable;
pub use moderate::moderate;
pub use notifications::{digest, mark_read, notifications, unsubscribe};
pub use own_posts::{delete, delete_form, edit, edit_form};
pub use reactions::{accept, react};
pub use search::search;
pub use space::{show, start};
pub use spaces::list;
pub use topic::{reply, topic};

pub fn space_path(id: SpaceId) -> String {
    format!("/spaces/{id}")
}

pub fn topic_path(id: TopicId) -> String {
    format!("/topics/{id}")
}
