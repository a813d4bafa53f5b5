//! Mentions in a post, as written and as stored.
//!
//! Someone types `@` and a name: `@Sam`, `@Sam Rivera`, `@sam.rivera` —
//! any part of the name, a word or more (dots, hyphens and underscores
//! count as spaces). When the post is saved, each is looked for among the
//! people who may see the space and written into the text as a *person
//! mention*, `@[Sam Rivera](user:12)`: the name as it is now and the
//! person's id, which Markdown reads as a link (rendered to their posts,
//! see `web::markdown`) and a person can still read in the source. A
//! suggestion picked while typing inserts that form directly, which is
//! also how two people with the same name are told apart.
//!
//! A bare mention takes as many of the words after it (at most
//! [`MAX_WORDS`]) as name someone: `@Sam said hi` is Sam. An `@` inside a
//! word (an email address), a path or code is not a mention.

use crate::search::words;

/// The most words after an `@` that may be a name.
pub const MAX_WORDS: usize = 4;
/// The most people one post may mention (each is a look-up).
pub const MAX_MENTIONS: usize = 20;

/// A mention as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// `@[Name](user:12)`: a person, by id (the name as written).
    Person { id: i64, name: String },
    /// `@Sam Rivera …`: the text after `@` up to the end of its first,
    /// second… word (at most [`MAX_WORDS`]), shortest first.
    Words(Vec<String>),
}

/// Where a mention is in the text (byte offsets of the `@` and, for a
/// person mention, the end of its `)`; for words, `start + 1 +` the length
/// of the words taken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub written: Written,
}

/// A mention's words as a name may hold them: `sam.rivera` is
/// `["sam", "rivera"]`.
pub fn name_words(typed: &str) -> Vec<String> {
    words(typed)
}

/// Whether `typed` (folded words) is a run of the words of `name`:
/// "sam", "rivera" and "sam rivera" all name "Sam Rivera"; "sa" does not.
pub fn names(typed: &[String], name: &str) -> bool {
    let all = words(name);
    !typed.is_empty() && all.windows(typed.len()).any(|w| w == typed)
}

/// A person mention as stored, its name escaped for Markdown (each mark
/// that means something inside a link's words: a name shows as typed,
/// never as emphasis, code or HTML).
pub fn person(id: i64, name: &str) -> String {
    let mut out = String::from("@[");
    for c in name.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '!'
        ) {
            out.push('\\');
        }
        if c != '\n' && c != '\r' {
            out.push(c);
        }
    }
    out.push_str(&format!("](user:{id})"));
    out
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '-' | '_')
}

/// The end of the word starting at `from` (trailing `.`, `-`, `'` are
/// punctuation after it, and a possessive `'s` is not part of a name).
fn word_end(text: &str, from: usize) -> usize {
    let end = text[from..]
        .char_indices()
        .find(|(_, c)| !word_char(*c))
        .map_or(text.len(), |(i, _)| from + i);
    let word = &text[from..end];
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    from + word.trim_end_matches(|c: char| !c.is_alphanumeric()).len()
}

/// `@[Name](user:12)` at `at` (the `@`): (end, id, name).
fn person_at(text: &str, at: usize) -> Option<(usize, i64, String)> {
    let rest = text.get(at + 2..)?;
    if !text[at + 1..].starts_with('[') {
        return None;
    }
    let mut name = String::new();
    let mut chars = rest.char_indices();
    let close = loop {
        match chars.next()? {
            (_, '\\') => name.push(chars.next()?.1),
            (i, ']') => break i,
            (_, '\n') => return None,
            (_, c) => name.push(c),
        }
    };
    let after = rest[close + 1..].strip_prefix("(user:")?;
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let id: i64 = after[..digits].parse().ok()?;
    after[digits..].strip_prefix(')')?;
    let end = at + 2 + close + 1 + "(user:".len() + digits + 1;
    Some((end, id, name.trim().to_string()))
}

/// Every mention in `text`, in order, outside code (fenced blocks and
/// backtick spans).
pub fn find(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut fence: Option<String> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        let marker: String = trimmed
            .chars()
            .take_while(|c| *c == '`' || *c == '~')
            .collect();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str()) {
                fence = None;
            }
            continue;
        }
        if marker.len() >= 3 && line.len() - trimmed.len() <= 3 {
            fence = Some(marker);
            continue;
        }
        in_line(line, start, &mut out);
    }
    out
}

fn in_line(line: &str, base: usize, out: &mut Vec<Mention>) {
    let mut code = 0;
    let mut i = 0;
    let bytes = line.as_bytes();
    while i < line.len() {
        if bytes[i] == b'`' {
            let run = line[i..].bytes().take_while(|b| *b == b'`').count();
            code = match code {
                0 => run,
                n if n == run => 0,
                n => n,
            };
            i += run;
            continue;
        }
        if code != 0 || bytes[i] != b'@' {
            i += 1;
            continue;
        }
        let before = line[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '/' | '.' | '_' | '-')) {
            i += 1;
            continue;
        }
        if let Some((end, id, name)) = person_at(line, i) {
            out.push(Mention {
                start: base + i,
                end: base + end,
                written: Written::Person { id, name },
            });
            i = end;
            continue;
        }
        let first = i + 1;
        if !line[first..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
        {
            i += 1;
            continue;
        }
        let mut taken = Vec::new();
        let mut end = word_end(line, first);
        taken.push(line[first..end].to_string());
        while taken.len() < MAX_WORDS {
            let Some(next) = line[end..].strip_prefix(' ') else {
                break;
            };
            if !next.chars().next().is_some_and(char::is_alphanumeric) {
                break;
            }
            end = word_end(line, end + 1);
            taken.push(line[first..end].to_string());
        }
        let first_end = first + taken[0].len();
        out.push(Mention {
            start: base + i,
            end: base + first_end,
            written: Written::Words(taken),
        });
        i = first_end;
    }
}

/// The people a stored post mentions (its person mentions), each once, in
/// order.
pub fn people(text: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for m in find(text) {
        if let Written::Person { id, .. } = m.written
            && !ids.contains(&id)
        {
            ids.push(id);
        }
    }
    ids
}

/// `text` with each of `replace` — (start, end, new text), in order and
/// not overlapping — put in.
pub fn rewrite(text: &str, replace: &[(usize, usize, String)]) -> String {
    let mut out = String::with_capacity(text.len() + replace.len() * 16);
    let mut at = 0;
    for (start, end, new) in replace {
        out.push_str(&text[at..*start]);
        out.push_str(new);
        at = *end;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` as words are found in it: a person mention counts as its name.
pub fn plain(text: &str) -> String {
    let replace: Vec<(usize, usize, String)> = find(text)
        .into_iter()
        .filter_map(|m| match m.written {
            Written::Person { name, .. } => Some((m.start, m.end, format!("@{name}"))),
            Written::Words(_) => None,
        })
        .collect();
    rewrite(text, &replace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<Vec<String>> {
        find(text)
            .into_iter()
            .filter_map(|m| match m.written {
                Written::Words(w) => Some(w),
                Written::Person { .. } => None,
            })
            .collect()
    }

    #[test]
    fn bare_mentions_take_up_to_four_words_and_skip_emails_paths_and_code() {
        assert_eq!(
            words_of("Thanks @Sam Rivera, and @sam.rivera."),
            [
                vec!["Sam".to_string(), "Sam Rivera".to_string()],
                vec!["sam.rivera".to_string()]
            ]
        );
        assert_eq!(
            words_of("@Ana said it works for me")[0],
            ["Ana", "Ana said", "Ana said it", "Ana said it works"]
        );
        assert_eq!(words_of("@Sam's idea, @O'Neil’s too")[0], ["Sam"]);
        assert_eq!(words_of("@Sam's idea, @O'Neil’s too")[1], ["O'Neil"]);
        assert!(words_of("mail ana@x.org or see https://x.org/@ana").is_empty());
        assert!(words_of("`@ana` and\n```\n@bo\n```\n@ 2 @3").is_empty());
        assert_eq!(words_of("```\ncode\n```\nhi @Bo")[0], ["Bo"]);
        let m = &find("hi @Bo!")[0];
        assert_eq!((m.start, m.end), (3, 6));
    }

    #[test]
    fn person_mentions_round_trip_and_are_the_people_told() {
        let stored = person(12, "Ana [the] Rivera");
        assert_eq!(stored, "@[Ana \\[the\\] Rivera](user:12)");
        let text = format!("Hi {stored} and @[Bo](user:3), @[Ana](user:12)");
        let found = find(&text);
        assert_eq!(
            found[0].written,
            Written::Person {
                id: 12,
                name: "Ana [the] Rivera".into()
            }
        );
        assert_eq!(&text[found[0].start..found[0].end], stored);
        assert_eq!(people(&text), [12, 3]);
        assert_eq!(plain(&text), "Hi @Ana [the] Rivera and @Bo, @Ana");
        // Not a person mention: the link is not `user:<digits>`.
        assert!(people("@[Bo](user:x) @[Bo](https://x.org)").is_empty());
        let odd = person(4, "<b>*O'Neil*</b>");
        assert_eq!(odd, "@[\\<b\\>\\*O'Neil\\*\\</b\\>](user:4)");
        assert_eq!(
            find(&odd)[0].written,
            Written::Person {
                id: 4,
                name: "<b>*O'Neil*</b>".into()
            }
        );
    }

    #[test]
    fn a_mention_names_a_run_of_the_words_of_a_name() {
        let w = |s: &str| name_words(s);
        assert!(names(&w("sam"), "Sam Rivera"));
        assert!(names(&w("rivera"), "Sam Rivera"));
        assert!(names(&w("sam.rivera"), "Sam Rivera"));
        assert!(names(&w("José"), "José López"));
        assert!(names(&w("lopez"), "José López"));
        assert!(!names(&w("sa"), "Sam Rivera"));
        assert!(!names(&w("rivera sam"), "Sam Rivera"));
        assert!(!names(&[], "Sam Rivera"));
        assert_eq!(
            rewrite("hi @Sam!", &[(3, 7, person(1, "Sam Rivera"))]),
            "hi @[Sam Rivera](user:1)!"
        );
    }
}
