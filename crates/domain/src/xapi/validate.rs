//! What xAPI 1.0.3 (Data, section 2.4) requires of a statement, for the
//! parts Lyceum writes: actor, verb, object (an Activity, Agent, Group or
//! StatementRef), result, context, timestamp, stored, version. Each rule
//! broken is one [`Problem`] at its JSON path; an LRS would refuse the
//! statement for any of them.
//!
//! Not checked here (we never write them): attachments, authority and
//! SubStatements; interaction-activity definitions.

use serde_json::{Map, Value};

/// One broken rule: where (`actor.account.homePage`) and which (a stable
/// code, e.g. `not-an-iri`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub rule: &'static str,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.rule)
    }
}

/// Every rule the statement breaks; empty when it is valid.
pub fn validate(statement: &Value) -> Vec<Problem> {
    let mut c = Check::default();
    c.statement(statement);
    c.problems
}

#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
}

impl Check {
    fn fail(&mut self, path: &str, rule: &'static str) {
        self.problems.push(Problem {
            path: path.to_string(),
            rule,
        });
    }

    /// The value as an object with only the `allowed` keys, or a problem.
    fn object<'v>(
        &mut self,
        path: &str,
        v: &'v Value,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = v.as_object() else {
            self.fail(path, "not-an-object");
            return None;
        };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                self.fail(&join(path, key), "unknown-property");
            }
        }
        Some(map)
    }

    fn statement(&mut self, v: &Value) {
        const KEYS: &[&str] = &[
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments",
        ];
        let Some(s) = self.object("", v, KEYS) else {
            return;
        };
        if let Some(id) = s.get("id") {
            self.uuid("id", id);
        }
        match s.get("actor") {
            Some(actor) => self.actor("actor", actor),
            None => self.fail("actor", "required"),
        }
        match s.get("verb") {
            Some(verb) => self.verb("verb", verb),
            None => self.fail("verb", "required"),
        }
        let object_is_activity = match s.get("object") {
            Some(object) => self.statement_object("object", object),
            None => {
                self.fail("object", "required");
                false
            }
        };
        if let Some(result) = s.get("result") {
            self.result("result", result);
        }
        if let Some(context) = s.get("context") {
            self.context("context", context, object_is_activity);
        }
        for key in ["timestamp", "stored"] {
            if let Some(t) = s.get(key) {
                self.timestamp(key, t);
            }
        }
        if let Some(version) = s.get("version") {
            let ok = version
                .as_str()
                .is_some_and(|v| v == "1.0" || v.starts_with("1.0."));
            if !ok {
                self.fail("version", "not-a-1.0-version");
            }
        }
    }

    /// An Agent (`objectType` absent or "Agent") or a Group.
    fn actor(&mut self, path: &str, v: &Value) {
        if v.get("objectType").and_then(Value::as_str) == Some("Group") {
            self.group(path, v);
        } else {
            self.agent(path, v);
        }
    }

    fn agent(&mut self, path: &str, v: &Value) {
        const KEYS: &[&str] = &[
            "objectType",
            "name",
            "mbox",
            "mbox_sha1sum",
            "openid",
            "account",
        ];
        let Some(a) = self.object(path, v, KEYS) else {
            return;
        };
        if let Some(t) = a.get("objectType")
            && t != "Agent"
        {
            self.fail(&join(path, "objectType"), "not-an-agent");
        }
        self.optional_string(path, a, "name");
        if self.identifiers(path, a) != 1 {
            self.fail(path, "not-exactly-one-identifier");
        }
    }

    fn group(&mut self, path: &str, v: &Value) {
        const KEYS: &[&str] = &[
            "objectType",
            "name",
            "member",
            "mbox",
            "mbox_sha1sum",
            "openid",
            "account",
        ];
        let Some(g) = self.object(path, v, KEYS) else {
            return;
        };
        self.optional_string(path, g, "name");
        let identifiers = self.identifiers(path, g);
        if identifiers > 1 {
            self.fail(path, "not-exactly-one-identifier");
        }
        match g.get("member") {
            Some(Value::Array(members)) => {
                for (i, m) in members.iter().enumerate() {
                    let at = format!("{}[{i}]", join(path, "member"));
                    if m.get("objectType").and_then(Value::as_str) == Some("Group") {
                        self.fail(&at, "group-in-group");
                    } else {
                        self.agent(&at, m);
                    }
                }
            }
            Some(_) => self.fail(&join(path, "member"), "not-an-array"),
            // An anonymous group is known only by its members.
            None if identifiers == 0 => self.fail(&join(path, "member"), "required"),
            None => {}
        }
    }

    /// Checks the inverse functional identifiers present; returns how many.
    fn identifiers(&mut self, path: &str, a: &Map<String, Value>) -> usize {
        let mut count = 0;
        if let Some(mbox) = a.get("mbox") {
            count += 1;
            let ok = mbox
                .as_str()
                .and_then(|m| m.strip_prefix("mailto:"))
                .is_some_and(is_email);
            if !ok {
                self.fail(&join(path, "mbox"), "not-a-mailto-iri");
            }
        }
        if let Some(sum) = a.get("mbox_sha1sum") {
            count += 1;
            let ok = sum
                .as_str()
                .is_some_and(|s| s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit()));
            if !ok {
                self.fail(&join(path, "mbox_sha1sum"), "not-a-sha1-hex");
            }
        }
        if let Some(openid) = a.get("openid") {
            count += 1;
            self.iri(&join(path, "openid"), openid);
        }
        if let Some(account) = a.get("account") {
            count += 1;
            let at = join(path, "account");
            if let Some(acc) = self.object(&at, account, &["homePage", "name"]) {
                match acc.get("homePage") {
                    Some(home) => self.iri(&join(&at, "homePage"), home),
                    None => self.fail(&join(&at, "homePage"), "required"),
                }
                match acc.get("name") {
                    Some(Value::String(_)) => {}
                    Some(_) => self.fail(&join(&at, "name"), "not-a-string"),
                    None => self.fail(&join(&at, "name"), "required"),
                }
            }
        }
        count
    }

    fn verb(&mut self, path: &str, v: &Value) {
        let Some(verb) = self.object(path, v, &["id", "display"]) else {
            return;
        };
        match verb.get("id") {
            Some(id) => self.iri(&join(path, "id"), id),
            None => self.fail(&join(path, "id"), "required"),
        }
        if let Some(display) = verb.get("display") {
            self.language_map(&join(path, "display"), display);
        }
    }

    /// The statement's object; true if it is an Activity.
    fn statement_object(&mut self, path: &str, v: &Value) -> bool {
        match v.get("objectType").and_then(Value::as_str) {
            None | Some("Activity") => {
                self.activity(path, v);
                true
            }
            Some("Agent") => {
                self.agent(path, v);
                false
            }
            Some("Group") => {
                self.group(path, v);
                false
            }
            Some("StatementRef") => {
                if let Some(r) = self.object(path, v, &["objectType", "id"]) {
                    match r.get("id") {
                        Some(id) => self.uuid(&join(path, "id"), id),
                        None => self.fail(&join(path, "id"), "required"),
                    }
                }
                false
            }
            Some(_) => {
                self.fail(&join(path, "objectType"), "unknown-object-type");
                false
            }
        }
    }

    fn activity(&mut self, path: &str, v: &Value) {
        let Some(a) = self.object(path, v, &["objectType", "id", "definition"]) else {
            return;
        };
        if let Some(t) = a.get("objectType")
            && t != "Activity"
        {
            self.fail(&join(path, "objectType"), "not-an-activity");
        }
        match a.get("id") {
            Some(id) => self.iri(&join(path, "id"), id),
            None => self.fail(&join(path, "id"), "required"),
        }
        let Some(definition) = a.get("definition") else {
            return;
        };
        let at = join(path, "definition");
        const KEYS: &[&str] = &["name", "description", "type", "moreInfo", "extensions"];
        let Some(d) = self.object(&at, definition, KEYS) else {
            return;
        };
        for key in ["name", "description"] {
            if let Some(map) = d.get(key) {
                self.language_map(&join(&at, key), map);
            }
        }
        for key in ["type", "moreInfo"] {
            if let Some(iri) = d.get(key) {
                self.iri(&join(&at, key), iri);
            }
        }
        if let Some(ext) = d.get("extensions") {
            self.extensions(&join(&at, "extensions"), ext);
        }
    }

    fn result(&mut self, path: &str, v: &Value) {
        const KEYS: &[&str] = &[
            "score",
            "success",
            "completion",
            "response",
            "duration",
            "extensions",
        ];
        let Some(r) = self.object(path, v, KEYS) else {
            return;
        };
        for key in ["success", "completion"] {
            if let Some(b) = r.get(key)
                && !b.is_boolean()
            {
                self.fail(&join(path, key), "not-a-boolean");
            }
        }
        self.optional_string(path, r, "response");
        if let Some(d) = r.get("duration")
            && !d.as_str().is_some_and(is_duration)
        {
            self.fail(&join(path, "duration"), "not-an-iso-8601-duration");
        }
        if let Some(ext) = r.get("extensions") {
            self.extensions(&join(path, "extensions"), ext);
        }
        if let Some(score) = r.get("score") {
            self.score(&join(path, "score"), score);
        }
    }

    fn score(&mut self, path: &str, v: &Value) {
        let Some(s) = self.object(path, v, &["scaled", "raw", "min", "max"]) else {
            return;
        };
        let mut number = |key: &str| -> Option<f64> {
            let n = s.get(key)?;
            let value = n.as_f64();
            if value.is_none() {
                self.fail(&join(path, key), "not-a-number");
            }
            value
        };
        let (scaled, raw, min, max) = (
            number("scaled"),
            number("raw"),
            number("min"),
            number("max"),
        );
        if scaled.is_some_and(|x| !(-1.0..=1.0).contains(&x)) {
            self.fail(&join(path, "scaled"), "out-of-range");
        }
        if let (Some(min), Some(max)) = (min, max)
            && min >= max
        {
            self.fail(&join(path, "min"), "not-below-max");
        }
        if let Some(raw) = raw
            && (min.is_some_and(|min| raw < min) || max.is_some_and(|max| raw > max))
        {
            self.fail(&join(path, "raw"), "out-of-range");
        }
    }

    fn context(&mut self, path: &str, v: &Value, object_is_activity: bool) {
        const KEYS: &[&str] = &[
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions",
        ];
        let Some(c) = self.object(path, v, KEYS) else {
            return;
        };
        if let Some(r) = c.get("registration") {
            self.uuid(&join(path, "registration"), r);
        }
        if let Some(instructor) = c.get("instructor") {
            self.actor(&join(path, "instructor"), instructor);
        }
        if let Some(team) = c.get("team") {
            let at = join(path, "team");
            if team.get("objectType").and_then(Value::as_str) == Some("Group") {
                self.group(&at, team);
            } else {
                self.fail(&join(&at, "objectType"), "not-a-group");
            }
        }
        for key in ["revision", "platform"] {
            if c.contains_key(key) {
                self.optional_string(path, c, key);
                // Both describe an activity: meaningless about a person.
                if !object_is_activity {
                    self.fail(&join(path, key), "only-with-an-activity");
                }
            }
        }
        if let Some(lang) = c.get("language")
            && !lang.as_str().is_some_and(is_language_tag)
        {
            self.fail(&join(path, "language"), "not-a-language-tag");
        }
        if let Some(statement) = c.get("statement") {
            let at = join(path, "statement");
            if let Some(r) = self.object(&at, statement, &["objectType", "id"]) {
                if r.get("objectType").and_then(Value::as_str) != Some("StatementRef") {
                    self.fail(&join(&at, "objectType"), "not-a-statement-ref");
                }
                match r.get("id") {
                    Some(id) => self.uuid(&join(&at, "id"), id),
                    None => self.fail(&join(&at, "id"), "required"),
                }
            }
        }
        if let Some(ext) = c.get("extensions") {
            self.extensions(&join(path, "extensions"), ext);
        }
        if let Some(activities) = c.get("contextActivities") {
            let at = join(path, "contextActivities");
            let keys = &["parent", "grouping", "category", "other"];
            if let Some(ca) = self.object(&at, activities, keys) {
                for (key, value) in ca {
                    let here = join(&at, key);
                    match value {
                        Value::Array(list) => {
                            for (i, a) in list.iter().enumerate() {
                                self.activity(&format!("{here}[{i}]"), a);
                            }
                        }
                        single => self.activity(&here, single),
                    }
                }
            }
        }
    }

    fn optional_string(&mut self, path: &str, map: &Map<String, Value>, key: &str) {
        if let Some(v) = map.get(key)
            && !v.is_string()
        {
            self.fail(&join(path, key), "not-a-string");
        }
    }

    fn iri(&mut self, path: &str, v: &Value) {
        if !v.as_str().is_some_and(is_iri) {
            self.fail(path, "not-an-iri");
        }
    }

    fn uuid(&mut self, path: &str, v: &Value) {
        if !v.as_str().is_some_and(is_uuid) {
            self.fail(path, "not-a-uuid");
        }
    }

    fn timestamp(&mut self, path: &str, v: &Value) {
        if !v.as_str().is_some_and(is_timestamp) {
            self.fail(path, "not-an-iso-8601-timestamp");
        }
    }

    fn language_map(&mut self, path: &str, v: &Value) {
        let Some(map) = v.as_object() else {
            self.fail(path, "not-a-language-map");
            return;
        };
        for (tag, text) in map {
            if !is_language_tag(tag) {
                self.fail(&join(path, tag), "not-a-language-tag");
            }
            if !text.is_string() {
                self.fail(&join(path, tag), "not-a-string");
            }
        }
    }

    fn extensions(&mut self, path: &str, v: &Value) {
        let Some(map) = v.as_object() else {
            self.fail(path, "not-an-object");
            return;
        };
        for key in map.keys() {
            if !is_iri(key) {
                self.fail(&join(path, key), "not-an-iri");
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An absolute IRI (RFC 3987): a scheme, a colon, and no spaces, controls
/// or characters IRIs leave out.
fn is_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !s.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        })
}

fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// 8-4-4-4-12 hexadecimal digits (any version: xAPI requires only a UUID).
fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// An ISO 8601 combined date and time, as xAPI uses it (RFC 3339's
/// profile): `YYYY-MM-DDThh:mm:ss`, optional fraction, and `Z` or an
/// offset.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let number = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(99);
    if b.len() < 20
        || !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        || !(b[10] == b'T' || b[10] == b't')
        || !(digits(11..13) && b[13] == b':' && digits(14..16) && b[16] == b':' && digits(17..19))
    {
        return false;
    }
    let (month, day) = (number(5..7), number(8..10));
    let (hour, minute, second) = (number(11..13), number(14..16), number(17..19));
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit())
                && (*h1 - b'0') * 10 + (*h2 - b'0') <= 23
                && (*m1 - b'0') * 10 + (*m2 - b'0') <= 59
        }
        _ => false,
    }
}

/// An ISO 8601 duration: `P`, then years, months, weeks, days, and after
/// `T` hours, minutes and seconds (the last part may have a fraction).
fn is_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let parts = |text: &str, units: &[char]| -> Option<usize> {
        let mut count = 0;
        let mut next_unit = 0;
        let mut number = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let at = units[next_unit..].iter().position(|u| *u == c)? + next_unit;
            if number.is_empty() || number.parse::<f64>().is_err() {
                return None;
            }
            number.clear();
            next_unit = at + 1;
            count += 1;
        }
        number.is_empty().then_some(count)
    };
    let Some(date_parts) = parts(date, &['Y', 'M', 'W', 'D']) else {
        return false;
    };
    match time {
        Some(t) => parts(t, &['H', 'M', 'S']).is_some_and(|n| n > 0),
        None => date_parts > 0,
    }
}

/// A language tag by RFC 5646's syntax: language (with extended subtags),
/// script, region, variants, extensions and private use — or a private-use
/// tag alone.
fn is_language_tag(tag: &str) -> bool {
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    let subtags: Vec<&str> = tag.split('-').collect();
    if subtags
        .iter()
        .any(|s| s.is_empty() || s.len() > 8 || !alnum(s))
    {
        return false;
    }
    let private = |rest: &[&str]| !rest.is_empty() && rest.iter().all(|s| !s.is_empty());
    if subtags[0].eq_ignore_ascii_case("x") {
        return private(&subtags[1..]);
    }
    let mut i = 0;
    let language = subtags[0];
    if !(alpha(language) && (2..=8).contains(&language.len())) {
        return false;
    }
    i += 1;
    if language.len() <= 3 {
        // Up to three extended language subtags.
        let mut n = 0;
        while n < 3 && subtags.get(i).is_some_and(|s| s.len() == 3 && alpha(s)) {
            i += 1;
            n += 1;
        }
    }
    if subtags.get(i).is_some_and(|s| s.len() == 4 && alpha(s)) {
        i += 1;
    }
    if subtags
        .get(i)
        .is_some_and(|s| (s.len() == 2 && alpha(s)) || (s.len() == 3 && digit(s)))
    {
        i += 1;
    }
    while subtags.get(i).is_some_and(|s| {
        (5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit())
    }) {
        i += 1;
    }
    // Extensions: a singleton (not x) and subtags of 2 to 8 characters.
    while let Some(s) = subtags.get(i)
        && s.len() == 1
        && !s.eq_ignore_ascii_case("x")
    {
        i += 1;
        let start = i;
        while subtags.get(i).is_some_and(|s| s.len() >= 2) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if subtags.get(i).is_some_and(|s| s.eq_ignore_ascii_case("x")) {
        return private(&subtags[i + 1..]);
    }
    i == subtags.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for good in [
            "en",
            "en-US",
            "es-419",
            "zh-Hant-TW",
            "sl-rozaj-biske",
            "de-CH-1901",
            "en-a-bbb-x-a-ccc",
            "x-whatever",
            "zh-yue-HK",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "e",
            "en_US",
            "en-",
            "english-language-too-long",
            "en-US-",
            "1en",
            "en-a",
            "en-x",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn timestamps_and_durations() {
        for good in [
            "2026-06-30T20:00:00Z",
            "2026-06-30T20:00:00.123-07:00",
            "2026-12-31T23:59:60+00:00",
        ] {
            assert!(is_timestamp(good), "{good}");
        }
        for bad in [
            "2026-06-30",
            "2026-06-30 20:00:00Z",
            "2026-13-30T20:00:00Z",
            "2026-06-30T20:00:00",
            "2026-06-30T20:00:00.Z",
            "2026-06-30T25:00:00Z",
            "2026-06-30T20:00:00+7",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
        for good in ["PT1H30M", "P1D", "P1Y2M3DT4H5M6.5S", "PT0S", "P2W"] {
            assert!(is_duration(good), "{good}");
        }
        for bad in [
            "", "P", "PT", "1H", "PT1H30", "PM1Y", "P1DT", "PT1.2.3S", "PT-1S",
        ] {
            assert!(!is_duration(bad), "{bad}");
        }
    }

    #[test]
    fn iris_and_uuids() {
        assert!(is_iri("https://l.example.org/courses/c"));
        assert!(is_iri("urn:uuid:1d9e6a12-0000-4000-8000-000000000000"));
        assert!(is_iri("https://example.org/cursos/educación"));
        for bad in [
            "",
            "courses/c",
            "https://l.example.org/a b",
            "1http://x",
            ":x",
            "http:",
        ] {
            assert!(!is_iri(bad), "{bad}");
        }
        assert!(is_uuid("1d9e6a12-0000-4000-8000-00000000000a"));
        assert!(!is_uuid("1d9e6a12000040008000000000000000"));
        assert!(!is_uuid("1d9e6a12-0000-4000-8000-00000000000g"));
    }
}
