//! The OpenID Connect client side of single sign-on: provider discovery and
//! key sets (fetched over HTTP(S), cached in memory), the authorization
//! request, the code exchange at the token endpoint, and ID token checks.
//!
//! The rules that need no network (claims, PKCE, which URLs are allowed)
//! live in `lyceum_domain::sso`; sign-ins under way live in the database
//! (`lyceum_db::sso`), so nothing here has to survive a restart or be shared
//! between app servers — the caches only save round trips.

use jsonwebtoken::jwk::{Jwk, KeyAlgorithm, PublicKeyUse};
use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey, Validation};
use lyceum_db::sso::ProviderRow;
use lyceum_domain::secrets::Secret;
use lyceum_domain::sso::{
    ClaimProblem, Expected, IdClaims, SignInRefusal, address_is_allowed, check_claims,
    discovery_url, url_is_allowed,
};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long a discovery document is believed.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// How long a key set is believed when it knows the key asked for.
const JWKS_TTL: Duration = Duration::from_secs(3600);
/// A token signed with a key we do not know makes us fetch the key set again
/// (the provider may have rotated its keys), but not more often than this.
const JWKS_REFETCH_AFTER: Duration = Duration::from_secs(30);
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);
/// Larger answers from a provider are refused, unread.
const MAX_BODY: usize = 512 * 1024;

/// The scopes asked for: who (openid), their address and their name.
pub const SCOPES: &str = "openid email profile";

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

/// What a provider's discovery document says that we use.
#[derive(Debug, Clone, Deserialize)]
pub struct Metadata {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub token_endpoint_auth_methods_supported: Vec<String>,
}

/// How the client authenticates at the token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientAuth {
    /// HTTP Basic with the URL-encoded id and secret (RFC 6749 §2.3.1).
    Basic,
    /// `client_id` and `client_secret` in the form body.
    Post,
}

impl Metadata {
    /// `client_secret_basic` unless the provider says it takes only
    /// `client_secret_post` (the default, per OpenID Connect Discovery, is basic).
    pub fn client_auth(&self) -> ClientAuth {
        let m = &self.token_endpoint_auth_methods_supported;
        if !m.iter().any(|s| s == "client_secret_basic")
            && m.iter().any(|s| s == "client_secret_post")
        {
            ClientAuth::Post
        } else {
            ClientAuth::Basic
        }
    }
}

struct Cached<T> {
    value: Arc<T>,
    fetched: Instant,
}

/// The keys of a provider's key set that we can read.
#[derive(Debug, Default)]
pub struct KeySet {
    keys: Vec<Jwk>,
}

impl KeySet {
    fn find(&self, kid: Option<&str>, alg: Algorithm) -> Option<&Jwk> {
        let usable = |k: &&Jwk| {
            k.common.public_key_use != Some(PublicKeyUse::Encryption)
                && k.common
                    .key_algorithm
                    .is_none_or(|ka| key_algorithm_is(ka, alg))
        };
        match kid {
            Some(kid) => self
                .keys
                .iter()
                .filter(usable)
                .find(|k| k.common.key_id.as_deref() == Some(kid)),
            // No kid: only if exactly one key could have signed it.
            None => {
                let mut candidates =
                    self.keys.iter().filter(usable).filter(|k| {
                        DecodingKey::from_jwk(k).is_ok_and(|d| d.family() == family(alg))
                    });
                let first = candidates.next();
                if candidates.next().is_some() {
                    None
                } else {
                    first
                }
            }
        }
    }
}

fn family(alg: Algorithm) -> AlgorithmFamily {
    match alg {
        Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => AlgorithmFamily::Hmac,
        Algorithm::ES256 | Algorithm::ES384 => AlgorithmFamily::Ec,
        Algorithm::EdDSA => AlgorithmFamily::Ed,
        _ => AlgorithmFamily::Rsa,
    }
}

fn key_algorithm_is(ka: KeyAlgorithm, alg: Algorithm) -> bool {
    ka.to_string() == format!("{alg:?}")
}

/// Algorithms an ID token may be signed with: asymmetric ones only, so a
/// token "signed" with the public key as an HMAC secret, or not at all, fails.
const ALLOWED: &[Algorithm] = &[
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
];

/// The HTTP client and the caches; one per app server.
pub struct SsoClient {
    http: Result<reqwest::Client, String>,
    /// Providers on loopback over plain HTTP are allowed (development, tests).
    local: bool,
    discovery: RwLock<HashMap<String, Cached<Metadata>>>,
    jwks: RwLock<HashMap<String, Cached<KeySet>>>,
}

/// Resolves names as the system does, then drops every address that is not
/// on the public internet (unless `local`), so a provider's name cannot lead
/// Lyceum into its own network — not even by changing what it resolves to
/// after the URL was checked.
struct PublicOnly {
    local: bool,
}

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let local = self.local;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let found = tokio::net::lookup_host((host.as_str(), 0)).await?;
            let allowed: Vec<std::net::SocketAddr> = found
                .filter(|a| address_is_allowed(a.ip(), local))
                .collect();
            if allowed.is_empty() {
                return Err(format!("{host} resolves to no public address").into());
            }
            Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

impl SsoClient {
    /// `local`: also talk to providers on loopback over plain HTTP
    /// (`server.sso_local_providers`, for development and tests).
    pub fn new(local: bool) -> Self {
        let http = reqwest::Client::builder()
            .dns_resolver(PublicOnly { local })
            // HTTP(S)_PROXY in the environment would decide where we connect,
            // and the proxy's address is not the provider's.
            .no_proxy()
            .timeout(HTTP_TIMEOUT)
            .connect_timeout(HTTP_TIMEOUT)
            // A provider's endpoints are named exactly; following redirects
            // would let an answer come from somewhere else.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("lyceum/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| e.to_string());
        SsoClient {
            http,
            local,
            discovery: RwLock::new(HashMap::new()),
            jwks: RwLock::new(HashMap::new()),
        }
    }

    /// Every URL is checked before a connection is made: an address in it
    /// (`https://127.1`) never goes through the resolver, and providers
    /// stored before a rule was tightened are held to it all the same.
    fn check_url(&self, url: &str) -> Result<(), SsoError> {
        if url_is_allowed(url, self.local) {
            Ok(())
        } else {
            Err(SsoError::provider(format!(
                "{url:?} is not an https URL on a public address"
            )))
        }
    }

    fn http(&self) -> Result<&reqwest::Client, SsoError> {
        self.http
            .as_ref()
            .map_err(|e| SsoError::unavailable(format!("no HTTP client: {e}")))
    }

    /// The provider's discovery document, from the cache or its issuer.
    pub async fn metadata(&self, issuer: &str) -> Result<Arc<Metadata>, SsoError> {
        if let Some(m) = fresh(&self.discovery, issuer, DISCOVERY_TTL) {
            return Ok(m);
        }
        let url = discovery_url(issuer);
        let body = self.get(&url).await?;
        let meta: Metadata = serde_json::from_slice(&body)
            .map_err(|e| SsoError::provider(format!("discovery document {url}: {e}")))?;
        // OpenID Connect Discovery §4.3: it must name the issuer we asked.
        if meta.issuer != issuer {
            return Err(SsoError::provider(format!(
                "discovery at {url} names issuer {:?}, not {issuer:?}",
                meta.issuer
            )));
        }
        for (what, u) in [
            ("authorization_endpoint", &meta.authorization_endpoint),
            ("token_endpoint", &meta.token_endpoint),
            ("jwks_uri", &meta.jwks_uri),
        ] {
            if !url_is_allowed(u, self.local) {
                return Err(SsoError::provider(format!(
                    "discovery at {url}: {what} {u:?} is not an https URL"
                )));
            }
        }
        let meta = Arc::new(meta);
        store(&self.discovery, issuer, meta.clone());
        Ok(meta)
    }

    async fn keys(&self, jwks_uri: &str, max_age: Duration) -> Result<Arc<KeySet>, SsoError> {
        if let Some(k) = fresh(&self.jwks, jwks_uri, max_age) {
            return Ok(k);
        }
        let body = self.get(jwks_uri).await?;
        #[derive(Deserialize)]
        struct RawSet {
            keys: Vec<serde_json::Value>,
        }
        let raw: RawSet = serde_json::from_slice(&body)
            .map_err(|e| SsoError::provider(format!("key set {jwks_uri}: {e}")))?;
        // Keys of kinds we do not know are skipped, not fatal.
        let keys = raw
            .keys
            .into_iter()
            .filter_map(|k| serde_json::from_value::<Jwk>(k).ok())
            .collect();
        let set = Arc::new(KeySet { keys });
        store(&self.jwks, jwks_uri, set.clone());
        Ok(set)
    }

    async fn get(&self, url: &str) -> Result<Vec<u8>, SsoError> {
        self.check_url(url)?;
        let response = self
            .http()?
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| SsoError::unavailable(format!("GET {url}: {e}")))?;
        check_peer(&response, self.local)?;
        let status = response.status();
        let body = read_limited(response).await?;
        if !status.is_success() {
            return Err(SsoError::provider(format!("GET {url}: status {status}")));
        }
        Ok(body)
    }

    /// Where to send the browser to sign in (the authorization request, with
    /// PKCE S256, state and nonce).
    pub fn authorization_url(
        meta: &Metadata,
        provider: &ProviderRow,
        redirect_uri: &str,
        state: &str,
        nonce: &str,
        code_challenge: &str,
    ) -> Result<String, SsoError> {
        let mut url = reqwest::Url::parse(&meta.authorization_endpoint).map_err(|e| {
            SsoError::provider(format!(
                "authorization_endpoint {:?}: {e}",
                meta.authorization_endpoint
            ))
        })?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &provider.client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("scope", SCOPES)
            .append_pair("state", state)
            .append_pair("nonce", nonce)
            .append_pair("code_challenge", code_challenge)
            .append_pair("code_challenge_method", "S256");
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
        self.check_url(&meta.token_endpoint)?;
        let mut form: Vec<(&str, &str)> = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("code_verifier", verifier),
            ("client_id", &provider.client_id),
        ];
        let mut request = self
            .http()?
            .post(&meta.token_endpoint)
            .header(reqwest::header::ACCEPT, "application/json");
        match meta.client_auth() {
            ClientAuth::Basic => {
                use base64::Engine;
                let pair = format!(
                    "{}:{}",
                    utf8_percent_encode(&provider.client_id, NON_ALPHANUMERIC),
                    utf8_percent_encode(client_secret.expose(), NON_ALPHANUMERIC)
                );
                let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
                request =
                    request.header(reqwest::header::AUTHORIZATION, format!("Basic {encoded}"));
            }
            ClientAuth::Post => form.push(("client_secret", client_secret.expose())),
        }
        let response = request
            .form(&form)
            .send()
            .await
            .map_err(|e| SsoError::unavailable(format!("token endpoint: {e}")))?;
        check_peer(&response, self.local)?;
        let status = response.status();
        let body = read_limited(response).await?;
        #[derive(Deserialize)]
        struct TokenResponse {
            id_token: Option<String>,
            error: Option<String>,
        }
        let parsed: Option<TokenResponse> = serde_json::from_slice(&body).ok();
        if !status.is_success() {
            let error = parsed.and_then(|p| p.error).unwrap_or_default();
            return Err(SsoError::provider(format!(
                "token endpoint: status {status} {error}"
            )));
        }
        parsed
            .and_then(|p| p.id_token)
            .ok_or_else(|| SsoError::provider("token endpoint: no id_token in the answer"))
    }

    /// Checks the ID token's signature against the provider's key set, then
    /// its claims; returns them.
    pub async fn verify(
        &self,
        meta: &Metadata,
        id_token: &str,
        expected: &Expected<'_>,
    ) -> Result<IdClaims, SsoError> {
        let header = jsonwebtoken::decode_header(id_token)
            .map_err(|e| SsoError::token(format!("header: {e}")))?;
        if !ALLOWED.contains(&header.alg) {
            return Err(SsoError::token(format!(
                "algorithm {:?} not allowed",
                header.alg
            )));
        }
        let kid = header.kid.as_deref();
        let mut set = self.keys(&meta.jwks_uri, JWKS_TTL).await?;
        if set.find(kid, header.alg).is_none() {
            // Perhaps the keys were rotated since we fetched them.
            set = self.keys(&meta.jwks_uri, JWKS_REFETCH_AFTER).await?;
        }
        let jwk = set.find(kid, header.alg).ok_or_else(|| {
            SsoError::token(format!(
                "no key {kid:?} for {:?} in the key set",
                header.alg
            ))
        })?;
        let key = DecodingKey::from_jwk(jwk).map_err(|e| SsoError::token(format!("key: {e}")))?;
        // The signature here; the claims below, by our own clock.
        let mut validation = Validation::new(header.alg);
        validation.required_spec_claims = HashSet::new();
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.validate_aud = false;
        let data = jsonwebtoken::decode::<IdClaims>(id_token, &key, &validation)
            .map_err(|e| SsoError::token(format!("signature: {e}")))?;
        check_claims(&data.claims, expected)
            .map_err(|p: ClaimProblem| SsoError::new(p.refusal(), format!("claims: {p:?}")))?;
        Ok(data.claims)
    }
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

/// The address we are actually talking to must be one we may talk to,
/// whatever led there (a resolver's answer, a cached connection): if not,
/// the answer is refused unread.
fn check_peer(response: &reqwest::Response, local: bool) -> Result<(), SsoError> {
    match response.remote_addr() {
        Some(peer) if address_is_allowed(peer.ip(), local) => Ok(()),
        peer => Err(SsoError::unavailable(format!(
            "{}: connected to {peer:?}, not a public address",
            response.url()
        ))),
    }
}

async fn read_limited(mut response: reqwest::Response) -> Result<Vec<u8>, SsoError> {
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BODY as u64)
    {
        return Err(SsoError::provider("answer too large"));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| SsoError::unavailable(format!("reading the answer: {e}")))?
    {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(SsoError::provider("answer too large"));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(methods: &[&str]) -> Metadata {
        Metadata {
            issuer: "https://id.example.org".into(),
            authorization_endpoint: "https://id.example.org/auth?tenant=x".into(),
            token_endpoint: "https://id.example.org/token".into(),
            jwks_uri: "https://id.example.org/jwks".into(),
            token_endpoint_auth_methods_supported: methods.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[tokio::test]
    async fn names_that_lead_into_our_network_do_not_resolve() {
        use reqwest::dns::Resolve;
        let name = |n: &str| n.parse::<reqwest::dns::Name>().unwrap();
        let refused = PublicOnly { local: false }.resolve(name("localhost")).await;
        assert!(refused.is_err(), "loopback refused outside development");
        let allowed = PublicOnly { local: true }.resolve(name("localhost")).await;
        assert!(allowed.unwrap().all(|a| a.ip().is_loopback()));
        // And the client checks the URL first: a loopback name is refused
        // before any connection is made.
        let client = SsoClient::new(false);
        let e = client.get("https://localhost:9/x").await.unwrap_err();
        assert!(
            e.detail.contains("not an https URL on a public address"),
            "{}",
            e.detail
        );
        assert_eq!(e.refusal, SignInRefusal::Provider);
    }

    /// Whatever led to a connection, an answer from an address we may not
    /// talk to is refused unread; the URL is checked before connecting.
    #[tokio::test]
    async fn the_connected_peer_is_checked() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let hits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = hits.clone();
        let app = axum::Router::new().route(
            "/x",
            axum::routing::get(move || {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                async { "{}" }
            }),
        );
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        // A response from loopback, as a resolver that let it through would give.
        let plain = reqwest::Client::builder().no_proxy().build().unwrap();
        let response = plain.get(format!("http://{addr}/x")).send().await.unwrap();
        let refused = check_peer(&response, false).unwrap_err();
        assert_eq!(refused.refusal, SignInRefusal::Unavailable);
        assert!(
            refused.detail.contains("not a public address"),
            "{}",
            refused.detail
        );
        assert!(check_peer(&response, true).is_ok());
        // Our client, outside development: `127.1` is 127.0.0.1, refused
        // before any connection, as is every other spelling of it.
        let client = SsoClient::new(false);
        for url in [
            format!("http://127.1:{}/x", addr.port()),
            format!("https://127.1:{}/x", addr.port()),
            format!("https://0x7f.1:{}/x", addr.port()),
            format!("https://2130706433:{}/x", addr.port()),
            format!("https://[::ffff:127.0.0.1]:{}/x", addr.port()),
        ] {
            let e = client.get(&url).await.unwrap_err();
            assert_eq!(e.refusal, SignInRefusal::Provider, "{url}: {}", e.detail);
        }
        assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 1);
        // In development, loopback is fine.
        assert!(
            SsoClient::new(true)
                .get(&format!("http://127.1:{}/x", addr.port()))
                .await
                .is_ok()
        );
        assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 2);
        server.abort();
    }

    #[test]
    fn client_authentication_follows_the_provider() {
        assert_eq!(meta(&[]).client_auth(), ClientAuth::Basic);
        assert_eq!(
            meta(&["client_secret_post", "client_secret_basic"]).client_auth(),
            ClientAuth::Basic
        );
        assert_eq!(
            meta(&["client_secret_post"]).client_auth(),
            ClientAuth::Post
        );
        assert_eq!(meta(&["private_key_jwt"]).client_auth(), ClientAuth::Basic);
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
        let url = SsoClient::authorization_url(
            &meta(&[]),
            &provider,
            "https://lyceum.example.org/sign-in/sso/callback",
            "st",
            "no",
            "ch",
        )
        .unwrap();
        assert!(url.starts_with("https://id.example.org/auth?tenant=x&response_type=code&client_id=lyceum+app&redirect_uri=https%3A%2F%2Flyceum.example.org%2Fsign-in%2Fsso%2Fcallback&scope=openid+email+profile&state=st&nonce=no&code_challenge=ch&code_challenge_method=S256"), "{url}");
    }
}
