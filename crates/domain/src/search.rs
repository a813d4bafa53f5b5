//! Words for searching people: lower-cased, accents folded, split on
//! anything that is not a letter or digit, so "López" finds "Lopez" and an
//! email address is searchable by its parts. Both backends index the text
//! this module makes, so they find the same people.

/// The searchable text of a person: their name and email, folded.
pub fn person_text(name: &str, email: &str) -> String {
    let mut all = words(name);
    all.extend(words(email));
    all.join(" ")
}

/// The words of `text`, folded, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(f) => current.push_str(f),
            None if c.is_alphanumeric() => current.push(c),
            None => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A search typed by a person as at most `max` word prefixes, each at least
/// one character; every word must match the start of a word of the person.
pub fn query_words(input: &str, max: usize) -> Vec<String> {
    let mut w = words(input);
    w.truncate(max);
    w
}

/// The unaccented form of the accented Latin letters names use.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'ē' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ī' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => "o",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => "u",
        'ñ' => "n",
        'ç' => "c",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_splits() {
        assert_eq!(
            person_text("María José López-Núñez", "mj.lopez@district.k12.nm.us"),
            "maria jose lopez nunez mj lopez district k12 nm us"
        );
        assert_eq!(query_words("  López, A. ", 5), ["lopez", "a"]);
        assert_eq!(query_words("a b c d e f g", 3), ["a", "b", "c"]);
        assert!(query_words("''\"*()", 5).is_empty());
    }
}
