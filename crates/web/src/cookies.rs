//! The few cookies Lyceum sets, read and written by hand (no crate needed).
//!
//! Over https (a `public_url` starting `https://`) every cookie is `Secure`
//! and its name carries the `__Host-` prefix: browsers then accept it only
//! from this very host, over https, for the whole site, so neither a
//! sibling subdomain nor someone on the network can plant one.

use axum::http::HeaderMap;
use axum::http::header::{COOKIE, SET_COOKIE};

/// A cookie Lyceum uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cookie {
    Session,
    Lang,
    Flash,
    /// The `state` of the single sign-on this browser started.
    SsoState,
}

impl Cookie {
    /// Its name: with `__Host-` in front when cookies are `Secure`.
    pub fn name(self, secure: bool) -> &'static str {
        match (self, secure) {
            (Cookie::Session, false) => "lyceum_session",
            (Cookie::Session, true) => "__Host-lyceum_session",
            (Cookie::Lang, false) => "lyceum_lang",
            (Cookie::Lang, true) => "__Host-lyceum_lang",
            (Cookie::Flash, false) => "lyceum_flash",
            (Cookie::Flash, true) => "__Host-lyceum_flash",
            (Cookie::SsoState, false) => "lyceum_sso",
            (Cookie::SsoState, true) => "__Host-lyceum_sso",
        }
    }
}

/// The value of `cookie` in the request, if any.
pub fn get(headers: &HeaderMap, cookie: Cookie, secure: bool) -> Option<&str> {
    let name = cookie.name(secure);
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// True when a response's headers already set (or delete) `cookie`.
pub fn is_set(headers: &HeaderMap, cookie: Cookie, secure: bool) -> bool {
    let name = cookie.name(secure);
    headers.get_all(SET_COOKIE).iter().any(|v| {
        v.as_bytes()
            .strip_prefix(name.as_bytes())
            .is_some_and(|rest| rest.starts_with(b"="))
    })
}

/// A `Set-Cookie` value. `max_age` None makes a cookie that ends with the
/// browser session; Some(0) deletes it.
pub fn build(cookie: Cookie, value: &str, max_age: Option<u64>, secure: bool) -> String {
    let mut c = format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax",
        cookie.name(secure)
    );
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

pub fn delete(cookie: Cookie, secure: bool) -> String {
    build(cookie, "", Some(0), secure)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn reads_and_builds() {
        let mut h = HeaderMap::new();
        h.append(COOKIE, HeaderValue::from_static("a=1; lyceum_lang=es"));
        h.append(COOKIE, HeaderValue::from_static("lyceum_session=abc"));
        assert_eq!(get(&h, Cookie::Lang, false), Some("es"));
        assert_eq!(get(&h, Cookie::Session, false), Some("abc"));
        assert_eq!(get(&h, Cookie::Flash, false), None);
        // Over https only the prefixed name counts.
        assert_eq!(get(&h, Cookie::Session, true), None);
        assert_eq!(
            build(Cookie::Lang, "es", Some(60), false),
            "lyceum_lang=es; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"
        );
        assert_eq!(
            build(Cookie::Session, "x", None, true),
            "__Host-lyceum_session=x; Path=/; HttpOnly; SameSite=Lax; Secure"
        );
    }

    #[test]
    fn knows_what_a_response_sets() {
        let mut h = HeaderMap::new();
        h.append(
            SET_COOKIE,
            HeaderValue::from_static("lyceum_session_other=1; Path=/"),
        );
        assert!(!is_set(&h, Cookie::Session, false));
        h.append(
            SET_COOKIE,
            HeaderValue::from_static("lyceum_session=2; Path=/"),
        );
        assert!(is_set(&h, Cookie::Session, false));
        assert!(!is_set(&h, Cookie::Session, true));
    }
}
