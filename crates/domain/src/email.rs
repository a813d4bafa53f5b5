//! Email addresses, normalised so that one person has one account.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically plausible address, trimmed and lower-cased.
///
/// Lower-casing the local part is not what RFC 5321 promises, but every
/// provider schools use treats it case-insensitively, and two accounts that
/// differ only by case are always a mistake.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

pub const MAX_EMAIL_LEN: usize = 254;

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let s = input.trim().to_lowercase();
        if s.is_empty() {
            return Err("email-missing");
        }
        if s.len() > MAX_EMAIL_LEN {
            return Err("email-too-long");
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err("email-invalid");
        };
        let domain_ok = domain_is_valid(domain);
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
        if domain_ok && local_ok {
            Ok(Self(s))
        } else {
            Err("email-invalid")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

/// A DNS name with at least two labels, e.g. `district.k12.oh.us`.
pub fn domain_is_valid(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Normalises an email domain typed by an admin (`@Example.org` → `example.org`).
///
/// An organisation can hold a domain only if it is its own: public mailbox
/// providers, whose addresses anyone can have, are refused (holding a domain
/// lets its people in and lets the organisation's sign-in provider speak
/// for them).
pub fn parse_domain(input: &str) -> Result<String, &'static str> {
    let d = input.trim().trim_start_matches('@').to_lowercase();
    if d.is_empty() {
        Err("required")
    } else if !domain_is_valid(&d) {
        Err("domain-invalid")
    } else if PUBLIC_MAIL_DOMAINS.contains(&d.as_str()) {
        Err("domain-public-mail")
    } else {
        Ok(d)
    }
}

/// Mailbox providers anyone can sign up with (the largest in the US and
/// Latin America): no organisation owns these.
pub const PUBLIC_MAIL_DOMAINS: &[&str] = &[
    "aol.com",
    "gmail.com",
    "gmx.com",
    "googlemail.com",
    "hotmail.com",
    "icloud.com",
    "live.com",
    "mail.com",
    "me.com",
    "msn.com",
    "outlook.com",
    "proton.me",
    "protonmail.com",
    "yahoo.com",
    "yahoo.com.mx",
    "hotmail.es",
    "outlook.es",
    "yandex.com",
    "zoho.com",
];

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_rejects() {
        let e = EmailAddress::parse("  Ana.Lopez@Lincoln-HS.k12.OH.us ").unwrap();
        assert_eq!(e.as_str(), "ana.lopez@lincoln-hs.k12.oh.us");
        assert_eq!(e.domain(), "lincoln-hs.k12.oh.us");
        for (bad, code) in [
            ("", "email-missing"),
            ("   ", "email-missing"),
            ("no-at-sign", "email-invalid"),
            ("a@b", "email-invalid"),
            ("a@@b.org", "email-invalid"),
            ("a b@c.org", "email-invalid"),
            (".a@c.org", "email-invalid"),
            ("a@-c.org", "email-invalid"),
            ("<script>@c.org", "email-invalid"),
        ] {
            assert_eq!(EmailAddress::parse(bad), Err(code), "{bad:?}");
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(EmailAddress::parse(&long), Err("email-too-long"));
    }

    #[test]
    fn domains() {
        assert_eq!(
            parse_domain(" @Schools.Example.ORG").unwrap(),
            "schools.example.org"
        );
        assert_eq!(parse_domain("localhost"), Err("domain-invalid"));
        assert_eq!(parse_domain("@Gmail.com"), Err("domain-public-mail"));
        assert_eq!(parse_domain(""), Err("required"));
    }
}
