//! Personal access tokens for the JSON API: what one may do (its scopes)
//! and how long it lives. A token acts as its owner, so it is made only
//! with the owner's password, never lives for ever, and may be limited to
//! reading.

use crate::validation::{Invalid, required_text};
use std::time::Duration;

crate::code_enum! {
    /// What a token may do: `read` (safe requests: GET, HEAD) or `write`
    /// (anything that changes something: POST, PUT, PATCH, DELETE).
    pub enum Scope: "token-scope" {
        Read = "read",
        Write = "write",
    }
}

/// A token's scopes, stored as their codes separated by spaces
/// (`read write`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scopes {
    pub read: bool,
    pub write: bool,
}

impl Scopes {
    pub const READ: Scopes = Scopes {
        read: true,
        write: false,
    };
    pub const READ_WRITE: Scopes = Scopes {
        read: true,
        write: true,
    };

    /// The stored form; an unknown code grants nothing.
    pub fn parse(stored: &str) -> Scopes {
        let has = |s: Scope| stored.split_whitespace().any(|c| c == s.as_str());
        Scopes {
            read: has(Scope::Read),
            write: has(Scope::Write),
        }
    }

    pub fn as_str(self) -> &'static str {
        match (self.read, self.write) {
            (true, true) => "read write",
            (true, false) => "read",
            (false, true) => "write",
            (false, false) => "",
        }
    }

    /// The scope a request needs that this token lacks, if any: a safe
    /// method (one that changes nothing) needs `read`, any other `write`.
    pub fn missing_for(self, safe_method: bool) -> Option<Scope> {
        match safe_method {
            true if !self.read => Some(Scope::Read),
            false if !self.write => Some(Scope::Write),
            _ => None,
        }
    }
}

/// The lifetimes a person may choose, in days; there is no "never".
pub const EXPIRY_DAYS: [u64; 3] = [30, 90, 365];
/// The one chosen unless the person picks another.
pub const DEFAULT_EXPIRY_DAYS: u64 = 90;
/// Longest name of a token.
pub const MAX_TOKEN_NAME: usize = 80;

/// A new token as asked for on the tokens page.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct NewTokenInput {
    #[serde(default)]
    pub name: String,
    /// `read` (read only) or `write` (read and write).
    #[serde(default)]
    pub scope: String,
    /// One of [`EXPIRY_DAYS`].
    #[serde(default)]
    pub expires_in_days: String,
}

/// A checked new token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken {
    pub name: String,
    pub scopes: Scopes,
    pub lifetime: Duration,
}

impl NewTokenInput {
    pub fn validate(&self) -> Result<NewToken, Invalid> {
        let mut invalid = Invalid::new();
        let name = invalid.check(
            "name",
            required_text(&self.name, MAX_TOKEN_NAME).map_err(|_| "token-name"),
        );
        let scopes = match Scope::parse(self.scope.trim()) {
            Some(Scope::Read) => Some(Scopes::READ),
            Some(Scope::Write) => Some(Scopes::READ_WRITE),
            None => {
                invalid.add("scope", "choose-one");
                None
            }
        };
        let days = match self.expires_in_days.trim().parse::<u64>() {
            Ok(d) if EXPIRY_DAYS.contains(&d) => Some(d),
            _ => {
                invalid.add("expires_in_days", "choose-one");
                None
            }
        };
        match (name, scopes, days) {
            (Some(name), Some(scopes), Some(days)) if invalid.is_empty() => Ok(NewToken {
                name,
                scopes,
                lifetime: Duration::from_secs(days * 86_400),
            }),
            _ => Err(invalid),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_decide_by_method() {
        assert_eq!(Scopes::READ.missing_for(true), None);
        assert_eq!(Scopes::READ.missing_for(false), Some(Scope::Write));
        assert_eq!(Scopes::READ_WRITE.missing_for(false), None);
        assert_eq!(Scopes::parse("write").missing_for(true), Some(Scope::Read));
        assert_eq!(Scopes::parse("read write"), Scopes::READ_WRITE);
        assert_eq!(Scopes::parse(Scopes::READ.as_str()), Scopes::READ);
        assert_eq!(Scopes::parse("admin"), Scopes::parse(""));
        assert_eq!(Scopes::parse("").missing_for(true), Some(Scope::Read));
    }

    #[test]
    fn a_new_token_has_a_name_a_scope_and_a_lifetime_from_the_list() {
        let ok = NewTokenInput {
            name: " script ".into(),
            scope: "read".into(),
            expires_in_days: "30".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(ok.name, "script");
        assert_eq!(ok.scopes, Scopes::READ);
        assert_eq!(ok.lifetime, Duration::from_secs(30 * 86_400));
        for days in ["", "never", "0", "7", "366", "-30"] {
            let e = NewTokenInput {
                name: "x".into(),
                scope: "write".into(),
                expires_in_days: days.into(),
            }
            .validate()
            .unwrap_err();
            assert!(e.has("expires_in_days"), "{days:?}");
        }
        let e = NewTokenInput::default().validate().unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["name", "scope", "expires_in_days"]);
    }
}
