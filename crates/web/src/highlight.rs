//! Search results: a short extract of a post around the first word that
//! matched, with each matching word in `<mark>`. The post's Markdown is
//! reduced to its text, and every piece of it is HTML-escaped before any
//! `<mark>` is added, so nothing a poster wrote can become markup.

use pulldown_cmark::{Event, Parser};

/// Words shown around the first match.
const AROUND: usize = 16;

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The text of some Markdown, without its markup.
fn plain(markdown: &str) -> String {
    let mut out = String::new();
    for e in Parser::new(markdown) {
        match e {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Safe HTML: an extract of `markdown` around the first word starting with
/// one of `words` (folded as the search folds them), matches marked.
pub fn snippet(markdown: &str, words: &[String]) -> String {
    let text = plain(markdown);
    // Runs of letters and digits (words) and of everything else.
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut alnum = None;
    for (i, c) in text.char_indices() {
        let a = c.is_alphanumeric();
        if alnum.is_some_and(|prev| prev != a) {
            runs.push((&text[start..i], alnum == Some(true)));
            start = i;
        }
        alnum = Some(a);
    }
    if start < text.len() {
        runs.push((&text[start..], alnum == Some(true)));
    }
    let hit = |run: &str| {
        lyceum_domain::search::words(run)
            .first()
            .is_some_and(|w| words.iter().any(|q| w.starts_with(q.as_str())))
    };
    let first = runs
        .iter()
        .position(|(r, word)| *word && hit(r))
        .unwrap_or(0);
    let from = first.saturating_sub(AROUND);
    let to = (first + 2 * AROUND).min(runs.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    for (run, word) in &runs[from..to] {
        if *word && hit(run) {
            out.push_str("<mark>");
            escape(run, &mut out);
            out.push_str("</mark>");
        } else {
            escape(run, &mut out);
        }
    }
    if to < runs.len() {
        out.push('…');
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_marked_and_nothing_else_is_markup() {
        let w = vec!["lab".to_string(), "evalu".to_string()];
        let s = snippet(
            "Grade the **lab** notebook <script>alert(1)</script> & <b>Évaluez</b> it",
            &w,
        );
        assert!(s.starts_with("Grade the <mark>lab</mark>"), "{s}");
        assert!(
            s.contains("&amp;") && s.contains("<mark>Évaluez</mark>"),
            "{s}"
        );
        // Only our own markup: the post's tags are gone, never live.
        assert_eq!(s.matches('<').count(), 4, "{s}");
        let s = snippet("`<img src=x onerror=alert(1)>` lab", &w);
        assert!(s.starts_with("&lt;img src=x onerror=alert(1)&gt;"), "{s}");
        let long = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(40));
        let s = snippet(&long, &["needle".to_string()]);
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("<mark>needle</mark>"));
    }
}
