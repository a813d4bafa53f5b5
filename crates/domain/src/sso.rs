//! Single sign-on with OpenID Connect: the rules, without the network.
//!
//! What an organisation may configure (a provider's issuer, client and email
//! domains), when an email address a provider vouches for is trusted, PKCE,
//! and the checks an ID token's claims must pass once its signature is known
//! to be good. The web layer does the HTTP and the signature.

use crate::email::parse_domain;
use crate::secrets::Secret;
use crate::validation::{Invalid, required_text};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Deserializer};
use sha2::{Digest, Sha256};

pub const MAX_PROVIDER_NAME: usize = 200;
pub const MAX_URL: usize = 500;
pub const MAX_CLIENT_ID: usize = 500;
pub const MAX_CLIENT_SECRET: usize = 2000;
pub const MAX_DOMAINS: usize = 50;

/// Seconds of clock difference tolerated between us and a provider.
pub const LEEWAY_SECS: i64 = 60;

crate::code_enum! {
    /// Why a sign-in with a provider did not go ahead, as people are told.
    pub enum SignInRefusal: "sso-refused" {
        /// The sign-in is unknown, was used already, or is too old.
        State = "state",
        /// The person (or the provider) cancelled at the provider.
        Cancelled = "cancelled",
        /// The provider answered with an error, or not as the protocol says.
        Provider = "provider",
        /// The provider could not be reached.
        Unavailable = "unavailable",
        /// The ID token's signature or claims are not right.
        Token = "token",
        /// The ID token has expired (or the clocks disagree).
        Expired = "expired",
        /// The provider did not vouch for the email address.
        EmailUnverified = "email-unverified",
        /// No email address came with a person we do not know yet.
        NoEmail = "no-email",
        /// The address is outside the provider's email domains.
        DomainNotAllowed = "domain-not-allowed",
        /// The account was deleted or deactivated.
        AccountClosed = "account-closed",
        /// The address belongs to an account with roles beyond the
        /// provider's organisation, or admin roles: it signs in with its
        /// password, never by a provider's word alone.
        LinkNeedsPassword = "link-needs-password",
    }
}

/// Raw input of the provider form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProviderInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub client_id: String,
    /// Empty when editing: keep the secret stored.
    #[serde(default)]
    pub client_secret: Secret,
    /// Separated by commas, spaces or new lines.
    #[serde(default)]
    pub domains: String,
}

/// A validated provider configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderDraft {
    pub name: String,
    pub issuer: String,
    pub client_id: String,
    /// None: keep the one stored (only when editing).
    pub client_secret: Option<Secret>,
    /// Lower case, without duplicates, sorted.
    pub domains: Vec<String>,
}

impl ProviderInput {
    /// Validates a new provider (`creating`: a client secret is required)
    /// or new settings for an existing one; `local` as for [`parse_issuer`].
    pub fn validate(&self, creating: bool, local: bool) -> Result<ProviderDraft, Invalid> {
        let mut errors = Invalid::new();
        let name = errors
            .check("name", required_text(&self.name, MAX_PROVIDER_NAME))
            .unwrap_or_default();
        let issuer = errors
            .check("issuer", parse_issuer(&self.issuer, local))
            .unwrap_or_default();
        let client_id = errors
            .check("client_id", required_text(&self.client_id, MAX_CLIENT_ID))
            .unwrap_or_default();
        let secret = self.client_secret.expose();
        let client_secret = if secret.trim().is_empty() && !creating {
            None
        } else {
            errors
                .check("client_secret", required_text(secret, MAX_CLIENT_SECRET))
                .map(Secret::new)
        };
        let domains = errors
            .check("domains", parse_domains(&self.domains))
            .unwrap_or_default();
        errors.into_result()?;
        Ok(ProviderDraft {
            name,
            issuer,
            client_id,
            client_secret,
            domains,
        })
    }
}

/// The email domains of a provider, as typed: `@a.org, b.org` → `[a.org, b.org]`.
/// At least one: a provider speaks only for the domains its organisation
/// holds, never for everyone its issuer knows.
pub fn parse_domains(input: &str) -> Result<Vec<String>, &'static str> {
    let mut out = Vec::new();
    for part in input
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        out.push(parse_domain(part)?);
    }
    out.sort();
    out.dedup();
    if out.is_empty() {
        return Err("required");
    }
    if out.len() > MAX_DOMAINS {
        return Err("too-many-domains");
    }
    Ok(out)
}

/// An issuer identifier as OpenID Connect wants it: an `https` URL with no
/// query or fragment, kept exactly as typed (tokens must name it exactly).
/// With `local` (development and tests only), plain `http` on this
/// machine's loopback address too.
pub fn parse_issuer(input: &str, local: bool) -> Result<String, &'static str> {
    let url = input.trim();
    if url.is_empty() {
        return Err("required");
    }
    if url.len() > MAX_URL || url.contains('?') || !url_is_allowed(url, local) {
        return Err("issuer-invalid");
    }
    Ok(url.to_string())
}

pub use crate::outbound::{address_is_allowed, ip_is_public, url_is_allowed};

/// What a provider's client secret is sealed for: its issuer (see
/// [`crate::secrets`]). A secret left behind by a change of issuer does not
/// open, so it cannot be sent to the new one.
pub fn secret_context(issuer: &str) -> String {
    format!("lyceum sso client secret\n{issuer}")
}

/// Whether an email address a provider vouches for may be trusted: only
/// when it said `email_verified: true`. Saying nothing is not vouching —
/// anyone can type any address into some providers' profiles — so an
/// address whose token leaves the claim out links and makes no account.
pub fn email_is_trusted(email_verified: Option<bool>) -> bool {
    email_verified == Some(true)
}

/// The PKCE `code_challenge` for a verifier, method S256 (RFC 7636 §4.2).
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// The claims of an ID token that Lyceum reads.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IdClaims {
    #[serde(default)]
    pub iss: String,
    #[serde(default)]
    pub sub: String,
    #[serde(default, deserialize_with = "one_or_many")]
    pub aud: Vec<String>,
    #[serde(default)]
    pub azp: Option<String>,
    #[serde(default)]
    pub exp: Option<i64>,
    #[serde(default)]
    pub iat: Option<i64>,
    #[serde(default)]
    pub nbf: Option<i64>,
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "loose_bool")]
    pub email_verified: Option<bool>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub given_name: Option<String>,
    #[serde(default)]
    pub family_name: Option<String>,
}

/// `aud` may be one string or a list of them.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    })
}

/// Some providers send `email_verified` as the string `"true"`.
fn loose_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Loose {
        Bool(bool),
        Text(String),
    }
    Ok(match Option::<Loose>::deserialize(d)? {
        None => None,
        Some(Loose::Bool(b)) => Some(b),
        Some(Loose::Text(s)) => match s.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
    })
}

/// What a token must say to be for us, now.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    /// SHA-256 (hex) of the nonce sent with this sign-in.
    pub nonce_hash: &'a str,
    /// Now, in seconds since the epoch.
    pub now: i64,
}

/// Which check an ID token failed, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimProblem {
    Issuer,
    Audience,
    AuthorizedParty,
    NoSubject,
    NoExpiry,
    Expired,
    NoIssuedAt,
    IssuedInFuture,
    NotYetValid,
    Nonce,
}

impl ClaimProblem {
    pub fn refusal(self) -> SignInRefusal {
        match self {
            ClaimProblem::Expired => SignInRefusal::Expired,
            _ => SignInRefusal::Token,
        }
    }
}

/// The checks of OpenID Connect Core §3.1.3.7 that follow the signature:
/// issuer, audience (and `azp` when there are several audiences, or when
/// present), expiry and issue time with [`LEEWAY_SECS`], and the nonce.
pub fn check_claims(c: &IdClaims, e: &Expected<'_>) -> Result<(), ClaimProblem> {
    if c.iss != e.issuer {
        return Err(ClaimProblem::Issuer);
    }
    if !c.aud.iter().any(|a| a == e.client_id) {
        return Err(ClaimProblem::Audience);
    }
    match &c.azp {
        Some(azp) if azp != e.client_id => return Err(ClaimProblem::AuthorizedParty),
        None if c.aud.len() > 1 => return Err(ClaimProblem::AuthorizedParty),
        _ => {}
    }
    if c.sub.is_empty() || c.sub.len() > 255 {
        return Err(ClaimProblem::NoSubject);
    }
    let exp = c.exp.ok_or(ClaimProblem::NoExpiry)?;
    if exp + LEEWAY_SECS <= e.now {
        return Err(ClaimProblem::Expired);
    }
    let iat = c.iat.ok_or(ClaimProblem::NoIssuedAt)?;
    if iat > e.now + LEEWAY_SECS {
        return Err(ClaimProblem::IssuedInFuture);
    }
    if c.nbf.is_some_and(|nbf| nbf > e.now + LEEWAY_SECS) {
        return Err(ClaimProblem::NotYetValid);
    }
    let nonce_ok = c
        .nonce
        .as_deref()
        .is_some_and(|n| crate::token::hash_token(n) == e.nonce_hash);
    if !nonce_ok {
        return Err(ClaimProblem::Nonce);
    }
    Ok(())
}

/// The name a new account gets: `name`, else given and family names, else
/// the part of the email address before the @.
pub fn display_name(c: &IdClaims) -> String {
    let joined = [c.given_name.as_deref(), c.family_name.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let candidates = [
        c.name.clone().unwrap_or_default(),
        joined,
        c.email
            .as_deref()
            .and_then(|e| e.split('@').next())
            .unwrap_or_default()
            .to_string(),
    ];
    candidates
        .iter()
        // Without invisible formatting characters, which could make one
        // name pass for another (a provider's word is not checked by a form).
        .find_map(|s| crate::profile::clean_name(s).map(|(name, _)| name))
        .unwrap_or_else(|| "?".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::hash_token;

    fn claims() -> IdClaims {
        IdClaims {
            iss: "https://id.example.org".into(),
            sub: "abc".into(),
            aud: vec!["lyceum".into()],
            exp: Some(1_000_300),
            iat: Some(1_000_000),
            nonce: Some("n0nce".into()),
            ..Default::default()
        }
    }

    fn expected(nonce_hash: &str) -> Expected<'_> {
        Expected {
            issuer: "https://id.example.org",
            client_id: "lyceum",
            nonce_hash,
            now: 1_000_010,
        }
    }

    #[test]
    fn good_claims_pass_and_each_check_bites() {
        let h = hash_token("n0nce");
        let e = expected(&h);
        assert_eq!(check_claims(&claims(), &e), Ok(()));
        let cases: Vec<(IdClaims, ClaimProblem)> = vec![
            (
                IdClaims {
                    iss: "https://id.example.org/".into(),
                    ..claims()
                },
                ClaimProblem::Issuer,
            ),
            (
                IdClaims {
                    aud: vec!["other".into()],
                    ..claims()
                },
                ClaimProblem::Audience,
            ),
            (
                IdClaims {
                    aud: vec!["lyceum".into(), "other".into()],
                    ..claims()
                },
                ClaimProblem::AuthorizedParty,
            ),
            (
                IdClaims {
                    azp: Some("other".into()),
                    ..claims()
                },
                ClaimProblem::AuthorizedParty,
            ),
            (
                IdClaims {
                    exp: Some(1_000_010 - LEEWAY_SECS),
                    ..claims()
                },
                ClaimProblem::Expired,
            ),
            (
                IdClaims {
                    iat: Some(1_000_010 + LEEWAY_SECS + 1),
                    ..claims()
                },
                ClaimProblem::IssuedInFuture,
            ),
            (
                IdClaims {
                    nbf: Some(1_000_010 + LEEWAY_SECS + 1),
                    ..claims()
                },
                ClaimProblem::NotYetValid,
            ),
            (
                IdClaims {
                    nonce: Some("other".into()),
                    ..claims()
                },
                ClaimProblem::Nonce,
            ),
            (
                IdClaims {
                    nonce: None,
                    ..claims()
                },
                ClaimProblem::Nonce,
            ),
            (
                IdClaims {
                    sub: String::new(),
                    ..claims()
                },
                ClaimProblem::NoSubject,
            ),
        ];
        for (c, problem) in cases {
            assert_eq!(check_claims(&c, &e), Err(problem), "{c:?}");
        }
        // Several audiences are fine when azp names us.
        let several = IdClaims {
            aud: vec!["lyceum".into(), "other".into()],
            azp: Some("lyceum".into()),
            ..claims()
        };
        assert_eq!(check_claims(&several, &e), Ok(()));
        // Within the leeway.
        let just = IdClaims {
            exp: Some(1_000_000),
            ..claims()
        };
        assert_eq!(check_claims(&just, &e), Ok(()));
    }

    #[test]
    fn claims_parse_loosely_where_providers_differ() {
        let c: IdClaims = serde_json::from_str(
            r#"{"iss":"i","sub":"s","aud":"one","email_verified":"true","exp":5,"iat":1}"#,
        )
        .unwrap();
        assert_eq!(c.aud, vec!["one"]);
        assert_eq!(c.email_verified, Some(true));
        let c: IdClaims =
            serde_json::from_str(r#"{"aud":["a","b"],"email_verified":false}"#).unwrap();
        assert_eq!(c.aud, vec!["a", "b"]);
        assert_eq!(c.email_verified, Some(false));
        let c: IdClaims = serde_json::from_str(r#"{}"#).unwrap();
        assert_eq!(c.email_verified, None);
    }

    #[test]
    fn trust_in_an_email_address() {
        assert!(email_is_trusted(Some(true)));
        assert!(!email_is_trusted(Some(false)));
        assert!(!email_is_trusted(None), "silence is not vouching");
    }

    #[test]
    fn pkce_matches_rfc_7636_appendix_b() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn issuers_and_endpoints() {
        for ok in [
            "https://accounts.google.com",
            "https://login.microsoftonline.com/abc/v2.0",
            "https://8.8.8.8/idp",
        ] {
            assert_eq!(parse_issuer(ok, false), Ok(ok.to_string()), "{ok}");
        }
        // Loopback only when running locally (development, tests).
        for local in [
            "http://127.0.0.1:4000",
            "http://localhost:8080/realms/x",
            "https://[::1]:9000",
        ] {
            assert_eq!(parse_issuer(local, true), Ok(local.to_string()), "{local}");
            assert_eq!(parse_issuer(local, false), Err("issuer-invalid"), "{local}");
        }
        for bad in [
            "http://idp.example.org",
            "ftp://idp.example.org",
            "https://",
            "https://user@idp.example.org",
            "https://idp.example.org/#x",
            "https://idp example.org",
            "https://idp.example.org/?tenant=x",
            "idp.example.org",
            "https://idp.example.org:99999",
            // Inside the network: private, link-local (metadata), shared, mapped.
            "https://10.0.0.8",
            "https://169.254.169.254/latest",
            "https://100.64.1.1",
            "https://[fd00::1]",
            "https://[::ffff:192.168.1.1]",
            "https://0.0.0.0",
            // Not loopback, whatever it starts with.
            "http://127.0.0.1.attacker.example",
        ] {
            assert_eq!(parse_issuer(bad, true), Err("issuer-invalid"), "{bad}");
        }
        assert_eq!(parse_issuer("  ", false), Err("required"));
    }

    /// Every address the security review got past the filter, and the
    /// rest of the special-purpose ranges: none is a provider.
    #[test]
    fn no_url_leads_into_our_network() {
        for bad in [
            // Spellings of IPv4 that the URL parser (reqwest's) normalises.
            "https://127.1",
            "https://0x7f.1",
            "https://0177.0.0.1",
            "https://2130706433",
            "https://169.254.43518/latest",
            "https://10.1",
            "https://192.168.1",
            // IPv4: loopback, private, link-local, shared, this network,
            // broadcast, documentation, benchmarking, multicast, reserved,
            // IETF protocol assignments, 6to4 relay.
            "https://127.0.0.1",
            "https://10.0.0.8",
            "https://172.16.0.1",
            "https://172.31.255.255",
            "https://192.168.0.1",
            "https://169.254.169.254",
            "https://100.64.0.1",
            "https://100.127.255.254",
            "https://0.0.0.0",
            "https://0.1.2.3",
            "https://255.255.255.255",
            "https://192.0.2.1",
            "https://198.51.100.1",
            "https://203.0.113.1",
            "https://198.18.0.1",
            "https://198.19.255.1",
            "https://224.0.0.1",
            "https://239.255.255.250",
            "https://240.0.0.1",
            "https://192.0.0.8",
            "https://192.88.99.1",
            // IPv6: loopback, unspecified, unique-local, link-local,
            // site-local, multicast, documentation.
            "https://[::1]",
            "https://[::]",
            "https://[fd00::1]",
            "https://[fc00::1]",
            "https://[fe80::1]",
            "https://[fec0::1]",
            "https://[feff::1]",
            "https://[ff02::1]",
            "https://[2001:db8::1]",
            "https://[3fff::1]",
            // Translation and tunnels that reach IPv4 (or anything) behind them.
            "https://[64:ff9b::7f00:1]",
            "https://[64:ff9b::a9fe:a9fe]",
            "https://[64:ff9b:1::a00:1]",
            "https://[2002:7f00:1::1]",
            "https://[2002:a9fe:a9fe::1]",
            "https://[2001::1]",
            "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
            // IPv4-mapped and -compatible: the IPv4 inside decides.
            "https://[::ffff:127.0.0.1]",
            "https://[::ffff:7f00:1]",
            "https://[::ffff:192.168.1.1]",
            "https://[::127.0.0.1]",
            "https://[::a9fe:a9fe]",
            // Names of this machine.
            "https://localhost",
            "https://LOCALHOST.",
            "https://app.localhost",
        ] {
            assert!(!url_is_allowed(bad, false), "{bad} must be refused");
            assert_eq!(parse_issuer(bad, false), Err("issuer-invalid"), "{bad}");
        }
        for ok in [
            "https://8.8.8.8",
            "https://[2606:4700::1111]",
            "https://[::ffff:8.8.8.8]",
            "https://accounts.google.com",
            "https://login.microsoftonline.com/tenant/v2.0",
            "https://idp.example.org:8443/realms/district",
        ] {
            assert!(url_is_allowed(ok, false), "{ok} must be allowed");
        }
        // Development and tests: loopback, and nothing else.
        for local in [
            "http://127.1:4000",
            "http://[::1]:9000",
            "http://localhost:80",
        ] {
            assert!(url_is_allowed(local, true), "{local}");
            assert!(!url_is_allowed(local, false), "{local}");
        }
        for still_bad in ["http://10.1", "https://169.254.43518", "http://[fec0::1]"] {
            assert!(!url_is_allowed(still_bad, true), "{still_bad}");
        }
    }

    #[test]
    fn provider_form() {
        let input = ProviderInput {
            name: " Google Workspace ".into(),
            issuer: "https://accounts.google.com".into(),
            client_id: "cid".into(),
            client_secret: Secret::default(),
            domains: "@Schools.org, b.org\nschools.org".into(),
        };
        let draft = input.validate(false, false).unwrap();
        assert_eq!(draft.name, "Google Workspace");
        assert_eq!(draft.client_secret, None);
        assert_eq!(draft.domains, vec!["b.org", "schools.org"]);
        let err = input.validate(true, false).unwrap_err();
        assert!(err.has("client_secret"));
        let bad = ProviderInput {
            domains: "not a domain".into(),
            ..ProviderInput::default()
        };
        let err = bad.validate(true, false).unwrap_err();
        assert_eq!(
            ProviderInput {
                domains: " , ".into(),
                ..input.clone()
            }
            .validate(false, false)
            .unwrap_err()
            .0[0]
                .code,
            "required"
        );
        for f in ["name", "issuer", "client_id", "client_secret", "domains"] {
            assert!(err.has(f), "{f}");
        }
    }

    #[test]
    fn names_for_new_accounts() {
        let mut c = IdClaims {
            email: Some("ana.rivera@schools.org".into()),
            ..Default::default()
        };
        assert_eq!(display_name(&c), "ana.rivera");
        c.given_name = Some("Ana".into());
        c.family_name = Some("Rivera".into());
        assert_eq!(display_name(&c), "Ana Rivera");
        c.name = Some("Ana María Rivera".into());
        assert_eq!(display_name(&c), "Ana María Rivera");
        // A provider's name loses what could make it pass for another's.
        c.name = Some("Ana\u{202E}\u{200B} Rivera".into());
        assert_eq!(display_name(&c), "Ana Rivera");
        c.name = Some("\u{2066}\u{2069}".into());
        assert_eq!(display_name(&c), "Ana Rivera");
    }
}
