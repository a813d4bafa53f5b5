//! Notifications as their reader reads them, for pages and the API alike:
//! what each says, in the reader's language, and where it leads.

use lyceum_db::notices::Line;
use lyceum_domain::TopicId;
use lyceum_domain::i18n::{Arg, Lang, catalogue};

/// A topic's page (as `pages::community::topic_path`).
fn topic_path(id: TopicId) -> String {
    format!("/topics/{id}")
}

/// A notification as its reader reads it (in their language), and where it
/// leads: (text, link).
pub fn said(lang: Lang, n: &Line) -> (String, String) {
    let text = catalogue().text_with(
        lang,
        &n.kind.label_key(),
        &[("name", Arg::Str(&n.actor)), ("topic", Arg::Str(n.about()))],
    );
    let href = match (&n.topic, n.post_id, &n.link) {
        (Some((t, _)), Some(p), _) => format!("{}#post-{p}", topic_path(*t)),
        (Some((t, _)), None, _) => topic_path(*t),
        (None, _, Some(link)) => link.clone(),
        (None, _, None) => lyceum_domain::paths::NOTIFICATIONS.to_string(),
    };
    (text, href)
}
