//! Reading what the worker wrote to the outbox folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    /// The decoded text/plain part.
    pub text: String,
    /// The decoded text/html part.
    pub html: String,
}

impl Mail {
    /// The first link in the text that contains `fragment`.
    pub fn link(&self, fragment: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(fragment))
            .unwrap_or_else(|| panic!("no link with {fragment:?} in:\n{}", self.text))
            .to_string()
    }

    /// The link's path and query, to follow it against any server.
    pub fn link_path(&self, fragment: &str) -> String {
        let link = self.link(fragment);
        let after_scheme = link.find("://").map_or(0, |i| i + 3);
        link[after_scheme..]
            .find('/')
            .map_or(link.clone(), |i| link[after_scheme + i..].to_string())
    }
}

/// The oldest mail to exactly `to` not yet in `seen`, waiting for the worker.
pub async fn next_to(
    dir: &Path,
    to: &str,
    seen: &Mutex<HashSet<PathBuf>>,
    limit: Duration,
) -> Mail {
    let start = Instant::now();
    loop {
        for (path, mail) in all(dir) {
            if mail.to == to && seen.lock().unwrap().insert(path) {
                return mail;
            }
        }
        assert!(
            start.elapsed() < limit,
            "no new mail to {to} in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Every mail in the folder, oldest first.
pub fn all(dir: &Path) -> Vec<(PathBuf, Mail)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "eml"));
    files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    files
        .into_iter()
        .filter_map(|p| {
            let mail = parse(&std::fs::read_to_string(&p).ok()?)?;
            Some((p, mail))
        })
        .collect()
}

/// A header's value, its folded lines (long subjects) joined.
fn header(head: &str, name: &str) -> Option<String> {
    let prefix = format!("{}:", name.to_ascii_lowercase());
    let mut lines = head
        .lines()
        .skip_while(|l| !l.to_ascii_lowercase().starts_with(&prefix));
    let first = lines.next()?;
    let mut value = first[name.len() + 1..].trim().to_string();
    for more in lines.take_while(|l| l.starts_with([' ', '\t'])) {
        value.push(' ');
        value.push_str(more.trim());
    }
    Some(value)
}

/// Just enough MIME for the mail Lyceum writes: two alternative parts,
/// each quoted-printable, base64 or plain.
fn parse(raw: &str) -> Option<Mail> {
    let raw = raw.replace("\r\n", "\n");
    let (head, body) = raw.split_once("\n\n")?;
    let to = header(head, "To")?;
    // `Name <addr>` or `addr`.
    let to = to
        .rsplit_once('<')
        .map_or(to.as_str(), |(_, a)| a.trim_end_matches('>'))
        .to_string();
    let subject = decode_header(&header(head, "Subject")?);
    let boundary = head
        .split("boundary=")
        .nth(1)?
        .trim_matches(|c| c == '"' || c == '\n' || c == ' ')
        .split(['"', '\n', ';'])
        .next()?
        .to_string();
    let mut text = String::new();
    let mut html = String::new();
    for part in body.split(&format!("--{boundary}")) {
        let Some((phead, pbody)) = part.trim_start_matches('\n').split_once("\n\n") else {
            continue;
        };
        let encoding = header(phead, "Content-Transfer-Encoding")
            .unwrap_or_else(|| "7bit".into())
            .to_ascii_lowercase();
        let decoded = match encoding.as_str() {
            "quoted-printable" => quoted_printable(pbody),
            "base64" => base64(pbody),
            _ => pbody.to_string(),
        };
        let ctype = header(phead, "Content-Type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if ctype.starts_with("text/plain") {
            text = decoded;
        } else if ctype.starts_with("text/html") {
            html = decoded;
        }
    }
    Some(Mail {
        to,
        subject,
        text,
        html,
    })
}

fn quoted_printable(s: &str) -> String {
    let s = s.replace("=\n", "");
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 3 <= bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn base64(s: &str) -> String {
    String::from_utf8_lossy(&base64_bytes(s)).into_owned()
}

fn base64_bytes(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let Some(v) = ALPHABET.iter().position(|a| *a == c) else {
            continue;
        };
        bits = (bits << 6) | v as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

/// Decodes RFC 2047 `=?utf-8?b?…?=` / `=?utf-8?q?…?=` words; the space
/// between two encoded words is not part of the text.
fn decode_header(v: &str) -> String {
    // Adjacent encoded words are decoded together: a character may be
    // split between two of them.
    let mut out = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut previous_encoded = false;
    for word in v.split_whitespace() {
        let encoded = word
            .strip_prefix("=?")
            .and_then(|w| w.strip_suffix("?="))
            .map(|inner| inner.splitn(3, '?').collect::<Vec<_>>())
            .filter(|parts| parts.len() == 3);
        match &encoded {
            Some(parts) => {
                if !previous_encoded && !out.is_empty() {
                    out.push(' ');
                }
                if parts[1].eq_ignore_ascii_case("b") {
                    pending.extend(base64_bytes(parts[2]));
                } else {
                    pending.extend(quoted_printable(&parts[2].replace('_', " ")).into_bytes());
                }
            }
            None => {
                out.push_str(&String::from_utf8_lossy(&std::mem::take(&mut pending)));
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
        previous_encoded = encoded.is_some();
    }
    out.push_str(&String::from_utf8_lossy(&pending));
    out
}
