//! Lesson text and community posts: Markdown (CommonMark with tables and
//! strikethrough) to HTML, then sanitised with ammonia, so whatever an
//! author, an educator or an imported file wrote — a script, an event handler, a `javascript:` link — cannot
//! run in a reader's browser.
//!
//! Headings move so the lesson's top level is `h2` (the page's own `h1` is
//! the lesson title) and none is skipped on the way down.
//!
//! Images load by themselves when a page is read, so an `<img>` is kept
//! only when its address is `https://` (Lyceum has no uploads of its own
//! for lessons or posts): any other would let a post make every reader's
//! browser ask for an address of the writer's choosing — this site's own
//! pages, a plain-http tracker, a `data:` blob. A Markdown image with any
//! other address becomes a link (its words, or its address), and a written
//! `<img>` loses its address.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, LazyLock, RwLock};

/// The sanitiser, built once: a fresh `ammonia::Builder` allocates and
/// hashes its whole allow-list, which cost more than the Markdown itself
/// on a topic page of twenty posts.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.rm_tags(["h1"])
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("img", "src") if !loads_safely(value) => None,
            _ => Some(value.into()),
        });
    b
});

/// May a page load this image address by itself? Only over https.
fn loads_safely(src: &str) -> bool {
    src.trim()
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
}

/// Markdown images whose address may not load by itself become links:
/// the image's words are the link's text, or, with none, its address.
fn images_as_links<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    // One entry per open image: (made a link?, its address, words seen?).
    let mut open: Vec<(bool, pulldown_cmark::CowStr<'a>, bool)> = Vec::new();
    events.flat_map(move |e| -> Vec<Event<'a>> {
        match e {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if !loads_safely(&dest_url) => {
                open.push((true, dest_url.clone(), false));
                vec![Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })]
            }
            Event::Start(Tag::Image { .. }) => {
                open.push((false, "".into(), false));
                vec![e]
            }
            Event::End(TagEnd::Image) => match open.pop() {
                Some((true, dest, false)) => vec![Event::Text(dest), Event::End(TagEnd::Link)],
                Some((true, _, true)) => vec![Event::End(TagEnd::Link)],
                _ => vec![e],
            },
            other => {
                if let Some(top) = open.last_mut() {
                    top.2 = true;
                }
                vec![other]
            }
        }
    })
}

/// A person mention, `@[Name](user:12)` (see `lyceum_domain::mentions`),
/// links to that person's posts (`/spaces/search?author=12`, which any
/// signed-in reader may open; it lists only posts they may read). Only an
/// `@` right before it makes a link a mention: any other `user:` link is
/// left to the sanitiser, which drops an address of that scheme. The name
/// shown is the one Lyceum wrote when the post was saved.
fn mention_links<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut after_at = false;
    events.map(move |e| {
        let was_after_at = after_at;
        after_at = matches!(&e, Event::Text(t) if t.ends_with('@'));
        match e {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if was_after_at => {
                let person = dest_url
                    .strip_prefix("user:")
                    .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                let dest_url = match person {
                    Some(n) => format!("/spaces/search?author={n}").into(),
                    None => dest_url,
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            other => other,
        }
    })
}

const LEVELS: [HeadingLevel; 6] = [
    HeadingLevel::H1,
    HeadingLevel::H2,
    HeadingLevel::H3,
    HeadingLevel::H4,
    HeadingLevel::H5,
    HeadingLevel::H6,
];

fn number(level: HeadingLevel) -> usize {
    LEVELS.iter().position(|l| *l == level).unwrap_or(5) + 1
}

/// `level` moved by `shift`, kept within h2..h6.
fn moved(level: HeadingLevel, shift: isize) -> HeadingLevel {
    let n = (number(level) as isize + shift).clamp(2, 6) as usize;
    LEVELS[n - 1]
}

/// Safe HTML for a lesson's Markdown.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let top = Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(number(level)),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let shift = 2 - top as isize;
    let events =
        mention_links(images_as_links(Parser::new_ext(markdown, options))).map(|e| match e {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: moved(level, shift),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(moved(level, shift))),
            other => other,
        });
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events);
    SANITISER.clean(&raw).to_string()
}

/// Rendered Markdown kept in memory, for text read far more often than it
/// changes (community posts). Entries are keyed by the text's owner *and* a
/// hash of the text itself, so an edit on any node is never served stale:
/// the new text simply misses. Past `capacity` entries the cache starts
/// again, which bounds its memory without bookkeeping on every read.
pub struct Rendered {
    entries: RwLock<HashMap<(i64, u64), Arc<str>>>,
    capacity: usize,
}

impl Rendered {
    pub fn new(capacity: usize) -> Self {
        Rendered {
            entries: RwLock::new(HashMap::new()),
            capacity,
        }
    }

    /// `to_html(markdown)`, from the cache when owner `id` last had this text.
    pub fn html(&self, id: i64, markdown: &str) -> Arc<str> {
        let mut h = DefaultHasher::new();
        markdown.hash(&mut h);
        let key = (id, h.finish());
        if let Some(html) = self.entries.read().ok().and_then(|m| m.get(&key).cloned()) {
            return html;
        }
        let html: Arc<str> = to_html(markdown).into();
        if let Ok(mut m) = self.entries.write() {
            if m.len() >= self.capacity {
                m.clear();
            }
            m.insert(key, html.clone());
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html_with_the_top_heading_at_h2() {
        let html = to_html(
            "# Title\n\n### Part\n\nSome *text* and a [link](https://example.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<h4>Part</h4>"), "{html}");
        let sections = to_html("## One\n\n### Two\n");
        assert!(
            sections.contains("<h2>One</h2>") && sections.contains("<h3>Two</h3>"),
            "{sections}"
        );
        assert!(html.contains("<em>text</em>"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">link</a>"),
            "{html}"
        );
        assert!(html.contains("<table>"), "{html}");
    }

    #[test]
    fn scripts_handlers_and_script_links_are_removed() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[click](javascript:alert(3))\n\n<a href=\"#\" onclick=\"alert(4)\">x</a>\n\n<iframe src=\"https://evil.example\"></iframe>",
        );
        for bad in [
            "<script",
            "alert(1)",
            "onerror",
            "javascript:",
            "onclick",
            "<iframe",
        ] {
            assert!(!html.contains(bad), "{bad} left in {html}");
        }
    }

    /// Images load by themselves when the page is read, so only those over
    /// https are kept (Lyceum has no uploads of its own for posts): any other
    /// becomes a link to click, or its text, and nothing is fetched.
    #[test]
    fn images_only_over_https() {
        let kept = to_html("![A chart](https://example.org/chart.png \"Results\")");
        assert!(
            kept.contains("<img src=\"https://example.org/chart.png\" alt=\"A chart\""),
            "{kept}"
        );
        assert!(to_html("![x](HTTPS://example.org/a.png)").contains("<img src="));
        for src in [
            "http://example.org/pixel.png",
            "data:image/png;base64,iVBORw0KGgo=",
            "//example.org/pixel.png",
            "javascript:alert(1)",
            "/sso/example/start",
            "pixel.png",
            "../account/delete",
            "ftp://example.org/a.png",
        ] {
            for markdown in [
                format!("![the picture]({src})"),
                format!("Look: <img src=\"{src}\" alt=\"the picture\">"),
                format!("<p><img src='{src}'></p>"),
                format!("![]({src})"),
            ] {
                let html = to_html(&markdown);
                assert!(
                    !html.contains(&format!("src=\"{src}")) && !html.contains("src="),
                    "{markdown} kept its image:\n{html}"
                );
                assert!(
                    !html.contains("=\"javascript:") && !html.contains("=\"data:"),
                    "{html}"
                );
            }
            // A Markdown image becomes a link with its text (or its address).
            let html = to_html(&format!("![the picture]({src})"));
            assert!(!html.contains("<img"), "{html}");
            assert!(html.contains(">the picture</a>"), "{html}");
        }
        let html = to_html("![](http://example.org/pixel.png)");
        assert!(
            html.contains(">http://example.org/pixel.png</a>"),
            "an image without words shows its address: {html}"
        );
        // An image inside a link stays a link.
        let html = to_html("[![logo](http://example.org/l.png)](https://example.org)");
        assert!(!html.contains("<img") && html.contains("logo"), "{html}");
    }

    #[test]
    fn person_mentions_link_to_their_posts_and_other_user_links_do_not() {
        let html = to_html("Thanks @[Sam Rivera](user:12)!");
        assert!(
            html.contains(
                "@<a href=\"/spaces/search?author=12\" rel=\"noopener noreferrer\">Sam Rivera</a>!"
            ),
            "{html}"
        );
        for not_one in ["[Sam](user:12)", "@[Sam](user:12x)", "`@[Sam](user:12)`"] {
            let html = to_html(not_one);
            assert!(!html.contains("href"), "{not_one}: {html}");
        }
    }

    #[test]
    fn rendered_text_is_cached_per_owner_and_text_and_an_edit_misses() {
        let cache = Rendered::new(2);
        let first = cache.html(1, "*one*");
        assert_eq!(&*first, "<p><em>one</em></p>\n");
        assert!(
            Arc::ptr_eq(&first, &cache.html(1, "*one*")),
            "a second read is the cached one"
        );
        assert_eq!(&*cache.html(1, "*edited*"), "<p><em>edited</em></p>\n");
        assert_eq!(&*cache.html(2, "*one*"), "<p><em>one</em></p>\n");
        // Full: it starts again, and still answers right.
        assert_eq!(&*cache.html(3, "<script>x</script>"), "");
        assert!(!Arc::ptr_eq(&first, &cache.html(1, "*one*")));
    }
}
