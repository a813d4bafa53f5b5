//! The few cookies Lyceum sets, read and written by hand (no crate needed).

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

pub const SESSION: &str = "lyceum_session";
pub const LANG: &str = "lyceum_lang";
pub const FLASH: &str = "lyceum_flash";

/// The value of cookie `name` in the request, if any.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value. `max_age` None makes a cookie that ends with the
/// browser session; Some(0) deletes it.
pub fn build(name: &str, value: &str, max_age: Option<u64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

pub fn delete(name: &str, secure: bool) -> String {
    build(name, "", Some(0), secure)
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
        assert_eq!(get(&h, LANG), Some("es"));
        assert_eq!(get(&h, SESSION), Some("abc"));
        assert_eq!(get(&h, FLASH), None);
        assert_eq!(
            build(LANG, "es", Some(60), true),
            "lyceum_lang=es; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"
        );
    }
}
