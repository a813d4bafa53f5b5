//! The OpenID Connect client side of single sign-on. The protocol —
//! discovery, the authorization request with PKCE and nonce, the code
//! exchange, ID token signatures — is the `openidconnect` crate's, spoken
//! over our own HTTP client ([`http`]); here are the caches it does not
//! keep (discovery and key sets, with a refetch when keys rotate) and the
//! glue to our rules.
//!
//! The rules that need no network (claims, which URLs are allowed) live in
//! `lyceum_domain::sso` and are applied after the crate's own checks; sign-ins
//! under way live in the database (`lyceum_db::sso`), so nothing here has
//! to survive a restart or be shared between app servers — the caches only
//! save round trips.

mod http;

use self::http::ProviderHttp;
use chrono::{DateTime, Utc};
use lyceum_db::sso::ProviderRow;
use lyceum_domain::secrets::Secret;
use lyceum_domain::sso::{
    ClaimProblem, Expected, IdClaims, LEEWAY_SECS, SignInRefusal, check_claims,
};
use lyceum_domain::token::hash_token;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreClientAuthMethod, CoreGenderClaim, CoreIdTokenVerifier,
    CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreProviderMetadata,
};
use openidconnect::{
    AdditionalClaims, AuthType, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret,
    CsrfToken, DiscoveryError, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdToken,
    IdTokenClaims, IssuerUrl, JsonWebKeySet, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, RequestTokenError, Scope, SignatureVerificationError, TokenResponse,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a discovery document is believed.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// How long a key set is believed when it knows the key asked for.
const JWKS_TTL: Duration = Duration::from_secs(3600);
/// A token signed with a key we do not know makes us fetch the key set again
/// (the provider may have rotated its keys), but not more often than this.
const JWKS_REFETCH_AFTER: Duration = Duration::from_secs(30);

/// Why a step with the provider failed: what people are told, and what the
/// log records.
#[derive(Debug, Clone)]
pub struct SsoError {
    pub refusal: SignInRefusal,
    pub detail: String,
}

impl SsoError {
    pub fn new(refusal: SignInRefusal, detail: impl Into<String>) -> Self {
        Self {
            refusal,
            detail: detail.into(),
        }
    }
    fn unavailable(detail: impl Into<String>) -> Self {
        Self::new(SignInRefusal::Unavailable, detail)
    }
    fn provider(detail: impl Into<String>) -> Self {
        Self::new(SignInRefusal::Provider, detail)
    }
    fn token(detail: impl Into<String>) -> Self {
        Self::new(SignInRefusal::Token, detail)
    }
}

// The error of our HTTP client, as the crate wants one.
impl std::fmt::Display for SsoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.refusal, self.detail)
    }
}

impl std::error::Error for SsoError {}

/// A provider's discovery document (its key set is kept apart, in
/// [`SsoClient::keys`], to be fetched again on its own when keys rotate).
pub type Metadata = CoreProviderMetadata;

/// The client the crate makes from a discovery document.
type ProviderClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// `client_secret_basic` unless the provider says it takes only
/// `client_secret_post` (the default, per OpenID Connect Discovery, is basic).
pub fn client_auth(meta: &Metadata) -> AuthType {
    let methods = meta
        .token_endpoint_auth_methods_supported()
        .map(Vec::as_slice)
        .unwrap_or_default();
    if !methods.contains(&CoreClientAuthMethod::ClientSecretBasic)
        && methods.contains(&CoreClientAuthMethod::ClientSecretPost)
    {
        AuthType::RequestBody
    } else {
        AuthType::BasicAuth
    }
}

/// Algorithms an ID token may be signed with: asymmetric ones only, so a
/// token "signed" with the public key as an HMAC secret, or not at all, fails.
const ALLOWED: &[CoreJwsSigningAlgorithm] = &[
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha384,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha512,
    CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    CoreJwsSigningAlgorithm::RsaSsaPssSha384,
    CoreJwsSigningAlgorithm::RsaSsaPssSha512,
    CoreJwsSigningAlgorithm::EcdsaP256Sha256,
    CoreJwsSigningAlgorithm::EcdsaP384Sha384,
];

/// The one claim we read that the crate's ID token does not: `nbf`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
struct NotBefore {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nbf: Option<i64>,
}

impl AdditionalClaims for NotBefore {}

type Claims = IdTokenClaims<NotBefore, CoreGenderClaim>;
type ProviderIdToken =
    IdToken<NotBefore, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

struct Cached<T> {
    value: Arc<T>,
    fetched: Instant,
}

/// The HTTP client and the caches; one per app server.
pub struct SsoClient {
    http: ProviderHttp,
    discovery: RwLock<HashMap<String, Cached<Metadata>>>,
    jwks: RwLock<HashMap<String, Cached<CoreJsonWebKeySet>>>,
}

impl SsoClient {
    /// `local`: also talk to providers on loopback over plain HTTP
    /// (`server.sso_local_providers`, for development and tests).
    pub fn new(local: bool) -> Self {
        SsoClient {
            http: ProviderHttp::new(local),
            discovery: RwLock::new(HashMap::new()),
            jwks: RwLock::new(HashMap::new()),
        }
    }

    /// The provider's discovery document, from the cache or its issuer. The
    /// crate checks it names the issuer we asked (Discovery §4.3) and fetches
    /// the key set with it, which starts that cache too.
    pub async fn metadata(&self, issuer: &str) -> Result<Arc<Metadata>, SsoError> {
        if let Some(m) = fresh(&self.discovery, issuer, DISCOVERY_TTL) {
            return Ok(m);
        }
        let issuer_url = IssuerUrl::new(issuer.to_string())
            .map_err(|e| SsoError::provider(format!("issuer {issuer:?}: {e}")))?;
        let meta = CoreProviderMetadata::discover_async(issuer_url, &self.http)
            .await
            .map_err(|e| match e {
                DiscoveryError::Request(e) => e,
                e => SsoError::provider(format!("discovery for {issuer}: {}", chain(&e))),
            })?;
        // Checked now for a clear message; every request is checked anyway.
        for (what, url) in [
            (
                "authorization_endpoint",
                meta.authorization_endpoint().as_str(),
            ),
            ("jwks_uri", meta.jwks_uri().as_str()),
        ]
        .into_iter()
        .chain(
            meta.token_endpoint()
                .map(|u| ("token_endpoint", u.as_str())),
        ) {
            self.http.check_url(url).map_err(|_| {
                SsoError::provider(format!(
                    "discovery for {issuer}: {what} {url:?} is not allowed"
                ))
            })?;
        }
        let keys = meta.jwks().clone();
        store(&self.jwks, meta.jwks_uri().as_str(), Arc::new(keys));
        let meta = Arc::new(meta.set_jwks(JsonWebKeySet::default()));
        store(&self.discovery, issuer, meta.clone());
        Ok(meta)
    }

    async fn keys(
        &self,
        meta: &Metadata,
        max_age: Duration,
    ) -> Result<Arc<CoreJsonWebKeySet>, SsoError> {
        let uri = meta.jwks_uri();
        if let Some(k) = fresh(&self.jwks, uri.as_str(), max_age) {
            return Ok(k);
        }
        let set = JsonWebKeySet::fetch_async(uri, &self.http)
            .await
            .map_err(|e| match e {
                DiscoveryError::Request(e) => e,
                e => SsoError::provider(format!("key set {}: {}", uri.as_str(), chain(&e))),
            })?;
        let set = Arc::new(set);
        store(&self.jwks, uri.as_str(), set.clone());
        Ok(set)
    }

    fn client(
        meta: &Metadata,
        client_id: &str,
        redirect_uri: &str,
    ) -> Result<ProviderClient, SsoError> {
        let redirect = RedirectUrl::new(redirect_uri.to_string())
            .map_err(|e| SsoError::provider(format!("redirect_uri {redirect_uri:?}: {e}")))?;
        Ok(CoreClient::from_provider_metadata(
            meta.clone(),
            ClientId::new(client_id.to_string()),
            None,
        )
        .set_redirect_uri(redirect))
    }

    /// Where to send the browser to sign in (the authorization request, with
    /// PKCE S256 from `verifier`, state and nonce).
    pub fn authorization_url(
        meta: &Metadata,
        provider: &ProviderRow,
        redirect_uri: &str,
        state: &str,
        nonce: &str,
        verifier: &str,
    ) -> Result<String, SsoError> {
        let verifier = PkceCodeVerifier::new(verifier.to_string());
        // The crate asserts RFC 7636's lengths; say so rather than panic.
        if !(43..=128).contains(&verifier.secret().len()) {
            return Err(SsoError::provider("PKCE verifier of the wrong length"));
        }
        let (url, _, _) = Self::client(meta, &provider.client_id, redirect_uri)?
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                {
                    let state = CsrfToken::new(state.to_string());
                    move || state
                },
                {
                    let nonce = Nonce::new(nonce.to_string());
                    move || nonce
                },
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(PkceCodeChallenge::from_code_verifier_sha256(&verifier))
            .url();
        Ok(url.into())
    }

    /// Trades the authorization code for tokens; returns the ID token.
    /// `client_secret` is the provider's, decrypted.
    pub async fn exchange(
        &self,
        meta: &Metadata,
        provider: &ProviderRow,
        client_secret: &Secret,
        code: &str,
        verifier: &str,
        redirect_uri: &str,
    ) -> Result<String, SsoError> {
        let client = Self::client(meta, &provider.client_id, redirect_uri)?
            .set_client_secret(ClientSecret::new(client_secret.expose().to_string()))
            .set_auth_type(client_auth(meta));
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(|e| SsoError::provider(format!("token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(verifier.to_string()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::Request(e) => e,
                RequestTokenError::ServerResponse(r) => {
                    SsoError::provider(format!("token endpoint: {r}"))
                }
                e => SsoError::provider(format!("token endpoint: {}", chain(&e))),
            })?;
        response
            .id_token()
            .map(|t| t.to_string())
            .ok_or_else(|| SsoError::provider("token endpoint: no id_token in the answer"))
    }

    /// Checks the ID token's signature against the provider's key set (the
    /// crate), then its claims (the crate's checks, then ours); returns them.
    pub async fn verify(
        &self,
        meta: &Metadata,
        id_token: &str,
        expected: &Expected<'_>,
    ) -> Result<IdClaims, SsoError> {
        let token: ProviderIdToken = id_token
            .parse()
            .map_err(|e| SsoError::token(format!("ID token: {e}")))?;
        let keys = self.keys(meta, JWKS_TTL).await?;
        let claims = match signed_claims(&token, &keys, expected) {
            Err(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            )) => {
                // Perhaps the keys were rotated since we fetched them.
                let keys = self.keys(meta, JWKS_REFETCH_AFTER).await?;
                signed_claims(&token, &keys, expected)
            }
            checked => checked,
        }
        .map_err(|e| match e {
            ClaimsVerificationError::Expired(_) => {
                SsoError::new(SignInRefusal::Expired, format!("claims: {e}"))
            }
            e => SsoError::token(chain(&e)),
        })?;
        let claims = id_claims(&claims);
        check_claims(&claims, expected)
            .map_err(|p: ClaimProblem| SsoError::new(p.refusal(), format!("claims: {p:?}")))?;
        Ok(claims)
    }
}

/// The crate's checks: signature with one of [`ALLOWED`] by a key of the
/// set, issuer, audience, expiry (by our clock, with our leeway) and nonce
/// (we keep only its hash). What it leaves out (`azp`, `nbf`, `iat`) is
/// [`check_claims`]'s, which repeats the rest.
fn signed_claims(
    token: &ProviderIdToken,
    keys: &CoreJsonWebKeySet,
    expected: &Expected<'_>,
) -> Result<Claims, ClaimsVerificationError> {
    let issuer = IssuerUrl::new(expected.issuer.to_string())
        .map_err(|e| ClaimsVerificationError::Other(format!("issuer: {e}")))?;
    let leeway_now = DateTime::<Utc>::from_timestamp(expected.now - LEEWAY_SECS, 0)
        .ok_or_else(|| ClaimsVerificationError::Other("clock out of range".into()))?;
    let verifier = CoreIdTokenVerifier::new_public_client(
        ClientId::new(expected.client_id.to_string()),
        issuer,
        keys.clone(),
    )
    .set_allowed_algs(ALLOWED.iter().cloned())
    // Several audiences are fine when `azp` names us: check_claims decides.
    .set_other_audience_verifier_fn(|_| true)
    .set_time_fn(move || leeway_now);
    let nonce_hash = expected.nonce_hash;
    token
        .claims(&verifier, |nonce: Option<&Nonce>| match nonce {
            Some(n) if hash_token(n.secret()) == nonce_hash => Ok(()),
            _ => Err("nonce is not the one sent".to_string()),
        })
        .cloned()
}

/// The claims as our rules read them.
fn id_claims(c: &Claims) -> IdClaims {
    let text = |s: Option<&String>| s.cloned();
    IdClaims {
        iss: c.issuer().to_string(),
        sub: c.subject().to_string(),
        aud: c.audiences().iter().map(|a| a.to_string()).collect(),
        azp: c.authorized_party().map(|a| a.to_string()),
        exp: Some(c.expiration().timestamp()),
        iat: Some(c.issue_time().timestamp()),
        nbf: c.additional_claims().nbf,
        nonce: c.nonce().map(|n| n.secret().clone()),
        email: c.email().map(|e| e.to_string()),
        email_verified: c.email_verified(),
        name: text(c.name().and_then(|n| n.get(None)).map(|n| &**n)),
        given_name: text(c.given_name().and_then(|n| n.get(None)).map(|n| &**n)),
        family_name: text(c.family_name().and_then(|n| n.get(None)).map(|n| &**n)),
    }
}

/// An error and its causes, for the log.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

fn fresh<T>(
    cache: &RwLock<HashMap<String, Cached<T>>>,
    key: &str,
    max_age: Duration,
) -> Option<Arc<T>> {
    let map = cache.read().ok()?;
    map.get(key)
        .filter(|c| c.fetched.elapsed() < max_age)
        .map(|c| c.value.clone())
}

fn store<T>(cache: &RwLock<HashMap<String, Cached<T>>>, key: &str, value: Arc<T>) {
    if let Ok(mut map) = cache.write() {
        map.insert(
            key.to_string(),
            Cached {
                value,
                fetched: Instant::now(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openidconnect::core::{CoreResponseType, CoreSubjectIdentifierType};
    use openidconnect::{AuthUrl, JsonWebKeySetUrl, ResponseTypes, TokenUrl};

    fn meta(methods: &[CoreClientAuthMethod]) -> Metadata {
        CoreProviderMetadata::new(
            IssuerUrl::new("https://id.example.org".into()).unwrap(),
            AuthUrl::new("https://id.example.org/auth?tenant=x".into()).unwrap(),
            JsonWebKeySetUrl::new("https://id.example.org/jwks".into()).unwrap(),
            vec![ResponseTypes::new(vec![CoreResponseType::Code])],
            vec![CoreSubjectIdentifierType::Public],
            vec![CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256],
            Default::default(),
        )
        .set_token_endpoint(Some(
            TokenUrl::new("https://id.example.org/token".into()).unwrap(),
        ))
        .set_token_endpoint_auth_methods_supported(Some(methods.to_vec()))
    }

    #[test]
    fn client_authentication_follows_the_provider() {
        use CoreClientAuthMethod::*;
        let basic = |m: &Metadata| matches!(client_auth(m), AuthType::BasicAuth);
        assert!(basic(&meta(&[])));
        assert!(basic(&meta(&[ClientSecretPost, ClientSecretBasic])));
        assert!(!basic(&meta(&[ClientSecretPost])));
        assert!(basic(&meta(&[PrivateKeyJwt])));
        assert!(basic(
            &meta(&[]).set_token_endpoint_auth_methods_supported(Option::None)
        ));
    }

    #[test]
    fn authorization_request_carries_pkce_state_and_nonce() {
        let provider = ProviderRow {
            id: 1,
            org_id: 1,
            name: "P".into(),
            issuer: "https://id.example.org".into(),
            client_id: "lyceum app".into(),
            client_secret: "s".into(),
            created_at: 0,
            updated_at: 0,
        };
        let verifier = "v".repeat(43);
        let url = SsoClient::authorization_url(
            &meta(&[]),
            &provider,
            "https://lyceum.example.org/sign-in/sso/callback",
            "st",
            "no",
            &verifier,
        )
        .unwrap();
        let url = reqwest::Url::parse(&url).unwrap();
        assert_eq!(url.path(), "/auth");
        let mut pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        pairs.sort();
        let challenge = lyceum_domain::sso::pkce_challenge(&verifier);
        let mut want = vec![
            ("client_id", "lyceum app"),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
            ("nonce", "no"),
            (
                "redirect_uri",
                "https://lyceum.example.org/sign-in/sso/callback",
            ),
            ("response_type", "code"),
            ("scope", "openid email profile"),
            ("state", "st"),
            ("tenant", "x"),
        ];
        want.sort();
        let want: Vec<(String, String)> = want
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(pairs, want);
        // A verifier RFC 7636 would not take is refused, not a panic.
        assert!(
            SsoClient::authorization_url(
                &meta(&[]),
                &provider,
                "https://l.example.org/cb",
                "st",
                "no",
                "short"
            )
            .is_err()
        );
    }
}
