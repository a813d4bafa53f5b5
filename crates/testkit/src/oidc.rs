//! A small OpenID provider for the single sign-on tests, speaking the real
//! protocol over HTTP on 127.0.0.1: a discovery document, a key set (JWKS),
//! an authorization endpoint that signs the configured test person in at
//! once and redirects back with a code, and a token endpoint that checks the
//! code, the PKCE verifier, the client's id and secret and the redirect URI,
//! then returns an ID token signed with the keys in `keys/`.
//!
//! Each test configures it, and can make it misbehave ([`Misbehaviour`]).

use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

const RSA_KEY: &[u8] = include_bytes!("../keys/rsa-signing.pem");
const EC_KEY: &[u8] = include_bytes!("../keys/ec-signing.pem");
const ROGUE_KEY: &[u8] = include_bytes!("../keys/rsa-rogue.pem");
const JWKS: &str = include_str!("../keys/jwks.json");

pub const CLIENT_ID: &str = "lyceum-test-client";
pub const CLIENT_SECRET: &str = "s3cret: with spaces & symbols/+=";

/// The person the provider signs in.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub sub: String,
    pub email: Option<String>,
    /// None: the claim is left out.
    pub email_verified: Option<bool>,
    pub name: Option<String>,
}

impl TestUser {
    pub fn new(sub: &str, email: &str, name: &str) -> Self {
        TestUser {
            sub: sub.into(),
            email: Some(email.into()),
            email_verified: Some(true),
            name: Some(name.into()),
        }
    }
}

/// Ways the provider can be wrong, each of which Lyceum must refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Misbehaviour {
    #[default]
    None,
    /// The token's claims are changed after signing (another `sub`).
    TamperedToken,
    /// `aud` names another client.
    WrongAudience,
    /// Issued an hour ago, expired half an hour ago.
    Expired,
    /// `iss` is not the issuer Lyceum was configured with.
    WrongIssuer,
    /// `nonce` is not the one Lyceum sent.
    WrongNonce,
    /// Signed with a key the key set does not hold.
    UnknownKey,
    /// The person said no at the provider.
    Deny,
}

/// How the token endpoint was asked, for assertions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRequest {
    /// `basic` or `post`.
    pub client_auth: String,
    /// Whether the request passed every check.
    pub accepted: bool,
}

struct Config {
    user: TestUser,
    misbehaviour: Misbehaviour,
    es256: bool,
    /// What discovery advertises and the token endpoint accepts.
    auth_methods: Vec<String>,
}

struct Grant {
    redirect_uri: String,
    challenge: String,
    nonce: String,
    user: TestUser,
}

struct Inner {
    issuer: String,
    config: Mutex<Config>,
    codes: Mutex<HashMap<String, Grant>>,
    token_requests: Mutex<Vec<TokenRequest>>,
    discovery_fetches: Mutex<usize>,
}

/// The running provider; stops when dropped.
pub struct OidcProvider {
    pub issuer: String,
    inner: Arc<Inner>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl OidcProvider {
    /// Starts on a free port of 127.0.0.1, signing in `user`.
    pub async fn start(user: TestUser) -> OidcProvider {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let issuer = format!("http://{}", listener.local_addr().unwrap());
        let inner = Arc::new(Inner {
            issuer: issuer.clone(),
            config: Mutex::new(Config {
                user,
                misbehaviour: Misbehaviour::None,
                es256: false,
                auth_methods: vec!["client_secret_basic".into(), "client_secret_post".into()],
            }),
            codes: Mutex::default(),
            token_requests: Mutex::default(),
            discovery_fetches: Mutex::default(),
        });
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .with_state(inner.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        OidcProvider {
            issuer,
            inner,
            task,
        }
    }

    /// The person signed in from now on.
    pub fn set_user(&self, user: TestUser) {
        self.inner.config.lock().unwrap().user = user;
    }

    pub fn misbehave(&self, m: Misbehaviour) {
        self.inner.config.lock().unwrap().misbehaviour = m;
    }

    /// Sign with the EC key (ES256) instead of RSA (RS256).
    pub fn use_es256(&self, on: bool) {
        self.inner.config.lock().unwrap().es256 = on;
    }

    /// Advertise and accept only these client authentication methods.
    pub fn auth_methods(&self, methods: &[&str]) {
        self.inner.config.lock().unwrap().auth_methods =
            methods.iter().map(|m| m.to_string()).collect();
    }

    pub fn token_requests(&self) -> Vec<TokenRequest> {
        self.inner.token_requests.lock().unwrap().clone()
    }

    pub fn discovery_fetches(&self) -> usize {
        *self.inner.discovery_fetches.lock().unwrap()
    }
}

async fn discovery(State(p): State<Arc<Inner>>) -> Response {
    *p.discovery_fetches.lock().unwrap() += 1;
    let methods = p.config.lock().unwrap().auth_methods.clone();
    let i = &p.issuer;
    axum::Json(json!({
        "issuer": i,
        "authorization_endpoint": format!("{i}/authorize"),
        "token_endpoint": format!("{i}/token"),
        "jwks_uri": format!("{i}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": methods,
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": ["sub", "email", "email_verified", "name"],
    }))
    .into_response()
}

async fn jwks() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], JWKS).into_response()
}

fn bad(what: &str) -> Response {
    (StatusCode::BAD_REQUEST, what.to_string()).into_response()
}

async fn authorize(
    State(p): State<Arc<Inner>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    if get("response_type") != "code" {
        return bad("response_type must be code");
    }
    if get("client_id") != CLIENT_ID {
        return bad("unknown client");
    }
    if !get("scope").split(' ').any(|s| s == "openid") {
        return bad("scope must include openid");
    }
    if get("code_challenge_method") != "S256" || get("code_challenge").is_empty() {
        return bad("PKCE S256 required");
    }
    let (state, nonce, redirect_uri) = (get("state"), get("nonce"), get("redirect_uri"));
    if state.is_empty() || nonce.is_empty() || !redirect_uri.starts_with("http://127.0.0.1:") {
        return bad("state, nonce and a redirect_uri are required");
    }
    let (misbehaviour, user) = {
        let c = p.config.lock().unwrap();
        (c.misbehaviour, c.user.clone())
    };
    let back = |params: &[(&str, &str)]| {
        let query: Vec<String> = params
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        Redirect::to(&format!("{redirect_uri}?{}", query.join("&"))).into_response()
    };
    if misbehaviour == Misbehaviour::Deny {
        return back(&[("error", "access_denied"), ("state", &state)]);
    }
    let code = lyceum_domain::token::new_token().unwrap().0;
    p.codes.lock().unwrap().insert(
        code.clone(),
        Grant {
            redirect_uri: redirect_uri.clone(),
            challenge: get("code_challenge"),
            nonce,
            user,
        },
    );
    back(&[("code", &code), ("state", &state)])
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    grant_type: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    redirect_uri: String,
    #[serde(default)]
    code_verifier: String,
    #[serde(default)]
    client_id: Option<String>,
    #[serde(default)]
    client_secret: Option<String>,
}

fn oauth_error(status: StatusCode, error: &str) -> Response {
    (status, axum::Json(json!({ "error": error }))).into_response()
}

async fn token(
    State(p): State<Arc<Inner>>,
    headers: HeaderMap,
    Form(f): Form<TokenForm>,
) -> Response {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            let (id, secret) = s.split_once(':')?;
            Some((decode(id), decode(secret)))
        });
    let (method, client) = match (&basic, &f.client_secret) {
        (Some(pair), None) => ("basic", Some(pair.clone())),
        (None, Some(secret)) => (
            "post",
            Some((f.client_id.clone().unwrap_or_default(), secret.clone())),
        ),
        _ => ("none", None),
    };
    let log = |accepted: bool| {
        p.token_requests.lock().unwrap().push(TokenRequest {
            client_auth: method.to_string(),
            accepted,
        });
    };
    let (config_methods, misbehaviour, es256) = {
        let c = p.config.lock().unwrap();
        (c.auth_methods.clone(), c.misbehaviour, c.es256)
    };
    let method_ok = config_methods
        .iter()
        .any(|m| m == &format!("client_secret_{method}"));
    let client_ok = client.as_ref().is_some_and(|(id, secret)| {
        id == CLIENT_ID
            && secret == CLIENT_SECRET
            && f.client_id.as_deref().is_none_or(|c| c == CLIENT_ID)
    });
    if !method_ok || !client_ok {
        log(false);
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
    }
    if f.grant_type != "authorization_code" {
        log(false);
        return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type");
    }
    // A code works once, whatever happens next.
    let Some(grant) = p.codes.lock().unwrap().remove(&f.code) else {
        log(false);
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    };
    if grant.redirect_uri != f.redirect_uri
        || lyceum_domain::sso::pkce_challenge(&f.code_verifier) != grant.challenge
    {
        log(false);
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    }
    log(true);
    let id_token = id_token(&p.issuer, &grant, misbehaviour, es256);
    axum::Json(json!({
        "access_token": lyceum_domain::token::new_token().unwrap().0,
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": id_token,
    }))
    .into_response()
}

fn id_token(issuer: &str, grant: &Grant, m: Misbehaviour, es256: bool) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let (iat, exp) = if m == Misbehaviour::Expired {
        (now - 3600, now - 1800)
    } else {
        (now, now + 300)
    };
    let mut claims = json!({
        "iss": if m == Misbehaviour::WrongIssuer { format!("{issuer}/elsewhere") } else { issuer.to_string() },
        "sub": grant.user.sub,
        "aud": if m == Misbehaviour::WrongAudience { "another-client" } else { CLIENT_ID },
        "iat": iat,
        "exp": exp,
        "auth_time": iat,
        "nonce": if m == Misbehaviour::WrongNonce { "not-the-nonce".to_string() } else { grant.nonce.clone() },
    });
    if let Some(email) = &grant.user.email {
        claims["email"] = json!(email);
    }
    if let Some(v) = grant.user.email_verified {
        claims["email_verified"] = json!(v);
    }
    if let Some(name) = &grant.user.name {
        claims["name"] = json!(name);
    }
    let (alg, kid, key) = match (m, es256) {
        (Misbehaviour::UnknownKey, _) => (
            Algorithm::RS256,
            "test-rsa-rogue",
            EncodingKey::from_rsa_pem(ROGUE_KEY).unwrap(),
        ),
        (_, true) => (
            Algorithm::ES256,
            "test-ec-1",
            EncodingKey::from_ec_pem(EC_KEY).unwrap(),
        ),
        (_, false) => (
            Algorithm::RS256,
            "test-rsa-1",
            EncodingKey::from_rsa_pem(RSA_KEY).unwrap(),
        ),
    };
    let mut header = Header::new(alg);
    header.kid = Some(kid.into());
    let token = jsonwebtoken::encode(&header, &claims, &key).unwrap();
    if m == Misbehaviour::TamperedToken {
        // Someone between the provider and us makes themselves another person.
        let parts: Vec<&str> = token.split('.').collect();
        let mut payload: Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        payload["sub"] = json!("someone-else");
        payload["email"] = json!("someone-else@example.org");
        let forged = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&payload).unwrap());
        return format!("{}.{forged}.{}", parts[0], parts[2]);
    }
    token
}

/// Percent-encodes everything but unreserved characters.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space).
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
