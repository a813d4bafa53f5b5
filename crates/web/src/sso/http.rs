//! The HTTP client single sign-on talks to providers with, handed to the
//! `openidconnect` crate as its [`AsyncHttpClient`]: the crate speaks the
//! protocol, this decides where we may connect. Only to public addresses
//! (checked on the URL, on every address a name resolves to, and on the
//! peer actually connected), no proxy, no redirects, a timeout, and
//! answers no larger than [`MAX_BODY`].

use super::SsoError;
use lyceum_domain::sso::{address_is_allowed, url_is_allowed};
use openidconnect::{AsyncHttpClient, HttpRequest, HttpResponse};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

const HTTP_TIMEOUT: Duration = Duration::from_secs(10);
/// Larger answers from a provider are refused, unread.
const MAX_BODY: usize = 512 * 1024;

pub struct ProviderHttp {
    client: Result<reqwest::Client, String>,
    /// Providers on loopback over plain HTTP are allowed (development, tests).
    local: bool,
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

impl ProviderHttp {
    /// `local`: also talk to providers on loopback over plain HTTP.
    pub fn new(local: bool) -> Self {
        let client = reqwest::Client::builder()
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
        ProviderHttp { client, local }
    }

    /// Every URL is checked before a connection is made: an address in it
    /// (`https://127.1`) never goes through the resolver, and providers
    /// stored before a rule was tightened are held to it all the same.
    pub fn check_url(&self, url: &str) -> Result<(), SsoError> {
        if url_is_allowed(url, self.local) {
            Ok(())
        } else {
            Err(SsoError::provider(format!(
                "{url:?} is not an https URL on a public address"
            )))
        }
    }

    /// Sends one request the crate made; any status comes back as an
    /// answer (the crate reads the provider's errors from it).
    pub async fn send(&self, request: HttpRequest) -> Result<HttpResponse, SsoError> {
        let what = format!("{} {}", request.method(), request.uri());
        self.check_url(&request.uri().to_string())?;
        let client = self
            .client
            .as_ref()
            .map_err(|e| SsoError::unavailable(format!("no HTTP client: {e}")))?;
        let request = reqwest::Request::try_from(request)
            .map_err(|e| SsoError::provider(format!("{what}: {e}")))?;
        let response = client
            .execute(request)
            .await
            .map_err(|e| SsoError::unavailable(format!("{what}: {e}")))?;
        check_peer(&response, self.local)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = read_limited(response).await?;
        let mut answer = HttpResponse::new(body);
        *answer.status_mut() = status;
        *answer.headers_mut() = headers;
        Ok(answer)
    }
}

impl<'c> AsyncHttpClient<'c> for ProviderHttp {
    type Error = SsoError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, SsoError>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(self.send(request))
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
    use lyceum_domain::sso::SignInRefusal;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn get(url: &str) -> HttpRequest {
        openidconnect::http::Request::get(url)
            .body(Vec::new())
            .unwrap()
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
        let e = ProviderHttp::new(false)
            .send(get("https://localhost:9/x"))
            .await
            .unwrap_err();
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
        let hits = Arc::new(AtomicUsize::new(0));
        let counted = hits.clone();
        let app = axum::Router::new().route(
            "/x",
            axum::routing::get(move || {
                counted.fetch_add(1, Ordering::SeqCst);
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
        let client = ProviderHttp::new(false);
        for url in [
            format!("http://127.1:{}/x", addr.port()),
            format!("https://127.1:{}/x", addr.port()),
            format!("https://0x7f.1:{}/x", addr.port()),
            format!("https://2130706433:{}/x", addr.port()),
            format!("https://[::ffff:127.0.0.1]:{}/x", addr.port()),
        ] {
            let e = client.send(get(&url)).await.unwrap_err();
            assert_eq!(e.refusal, SignInRefusal::Provider, "{url}: {}", e.detail);
        }
        assert_eq!(hits.load(Ordering::SeqCst), 1);
        // In development, loopback is fine.
        let answer = ProviderHttp::new(true)
            .send(get(&format!("http://127.1:{}/x", addr.port())))
            .await
            .unwrap();
        assert_eq!(answer.body(), b"{}");
        assert_eq!(hits.load(Ordering::SeqCst), 2);
        server.abort();
    }

    #[tokio::test]
    async fn answers_larger_than_the_limit_are_refused() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = axum::Router::new().route(
            "/big",
            axum::routing::get(|| async { "x".repeat(MAX_BODY + 1) }),
        );
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let e = ProviderHttp::new(true)
            .send(get(&format!("http://{addr}/big")))
            .await
            .unwrap_err();
        assert_eq!(e.detail, "answer too large");
        server.abort();
    }
}
