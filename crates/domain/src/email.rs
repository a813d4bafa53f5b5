//! Email addresses, normalised so that one person has one account.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

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
/// for them). Proving the domain is the organisation's comes after.
pub fn parse_domain(input: &str) -> Result<String, &'static str> {
    let d = input
        .trim()
        .trim_start_matches('@')
        .trim_end_matches('.')
        .to_lowercase();
    if d.is_empty() {
        Err("required")
    } else if !domain_is_valid(&d) {
        Err("domain-invalid")
    } else if is_public_mail_domain(&d) {
        Err("domain-public-mail")
    } else {
        Ok(d)
    }
}

/// The maintained list of free and public mailbox services (see
/// `data/README.md` for its source and how to update it), with ours.
const PUBLIC_MAIL_LIST: &str = include_str!("../data/public-mail-domains.txt");
const PUBLIC_MAIL_LOCAL: &str = include_str!("../data/public-mail-domains.local.txt");

static PUBLIC_MAIL_DOMAINS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    PUBLIC_MAIL_LIST
        .lines()
        .chain(PUBLIC_MAIL_LOCAL.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `domain` (lower case), or a domain it lies under, is a mailbox
/// service anyone can sign up with: no organisation owns those.
pub fn is_public_mail_domain(domain: &str) -> bool {
    let mut rest = domain;
    loop {
        if PUBLIC_MAIL_DOMAINS.contains(rest) {
            return true;
        }
        match rest.split_once('.') {
            Some((_, parent)) if parent.contains('.') => rest = parent,
            _ => return false,
        }
    }
}

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

    /// Known public mailbox services, from the list and ours: every one is
    /// refused; a district's domain is not.
    #[test]
    fn public_mailbox_services_are_nobodys_domain() {
        let known = "gmail.com googlemail.com yahoo.com yahoo.com.mx yahoo.com.ar yahoo.com.br \
            yahoo.co.uk yahoo.fr yahoo.de yahoo.es yahoo.it yahoo.co.jp yahoo.ca ymail.com \
            rocketmail.com hotmail.com hotmail.es hotmail.co.uk hotmail.fr hotmail.it \
            hotmail.de live.com live.com.mx live.co.uk live.fr msn.com outlook.com outlook.es \
            outlook.fr outlook.de aol.com aim.com icloud.com me.com mac.com \
            mail.com email.com gmx.com gmx.de gmx.net gmx.at gmx.ch web.de freenet.de t-online.de \
            arcor.de proton.me protonmail.com protonmail.ch pm.me tutanota.com tutanota.de tuta.io \
            tuta.com yandex.com yandex.ru ya.ru mail.ru inbox.ru list.ru bk.ru rambler.ru \
            zoho.com zohomail.com fastmail.com fastmail.fm hushmail.com qq.com 163.com 126.com \
            sina.com sohu.com naver.com daum.net hanmail.net rediffmail.com \
            uol.com.br bol.com.br terra.com.br ig.com.br \
            libero.it virgilio.it tiscali.it laposte.net orange.fr wanadoo.fr free.fr sfr.fr \
            seznam.cz centrum.cz wp.pl onet.pl interia.pl o2.pl ukr.net \
            comcast.net att.net verizon.net sbcglobal.net bellsouth.net cox.net charter.net \
            earthlink.net juno.com netzero.net optonline.net btinternet.com sky.com \
            prodigy.net.mx infinitummail.com hey.com duck.com mailinator.com guerrillamail.com \
            10minutemail.com temp-mail.org yopmail.com trashmail.com sharklasers.com";
        let known: Vec<&str> = known.split_whitespace().collect();
        assert!(known.len() >= 115, "{}", known.len());
        for d in &known {
            assert_eq!(parse_domain(d), Err("domain-public-mail"), "{d}");
        }
        // And a few hundred more, read from the list itself.
        let listed: Vec<&str> = PUBLIC_MAIL_LIST.lines().step_by(40).collect();
        assert!(listed.len() > 300, "{}", listed.len());
        for d in listed {
            assert!(is_public_mail_domain(d), "{d}");
        }
        assert!(PUBLIC_MAIL_DOMAINS.len() > 14_000);
        // Under a public service is no one's either; beside it is.
        assert!(is_public_mail_domain("sub.gmail.com"));
        assert!(!is_public_mail_domain("gmail.com.district.example.org"));
        for district in [
            "columbus.k12.oh.us",
            "district.example.org",
            "lausd.net",
            "nyc.gov",
            "sep.gob.mx",
            "schools.nyc.gov",
        ] {
            assert_eq!(
                parse_domain(district),
                Ok(district.to_string()),
                "{district}"
            );
        }
    }
}
