//! Per-client-IP limits on the routes people could hammer (sign-in,
//! registration, recovery). Per-account lockout lives in the database
//! (`lyceum_db::throttle`), so it holds across app servers; these limits are
//! per server, which is enough to blunt a flood.

use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;

pub struct RateLimits {
    auth: DefaultKeyedRateLimiter<IpAddr>,
}

impl RateLimits {
    pub fn new(per_minute: u32) -> Self {
        let n = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        RateLimits {
            auth: RateLimiter::keyed(Quota::per_minute(n)),
        }
    }

    /// True if this client may make one more sign-in-like attempt now.
    pub fn allow_auth(&self, ip: IpAddr) -> bool {
        self.auth.check_key(&ip).is_ok()
    }
}

/// The client's address: the peer, unless the peer is a trusted proxy, in
/// which case the nearest untrusted address in `X-Forwarded-For`.
pub fn client_ip(
    peer: Option<&ConnectInfo<SocketAddr>>,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> IpAddr {
    let peer_ip = peer.map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    if !trusted.contains(&peer_ip) {
        return peer_ip;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer_ip)
}

/// The client's IP address, as [`client_ip`] decides it.
pub struct ClientIp(pub IpAddr);

impl axum::extract::FromRequestParts<crate::state::AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &crate::state::AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>();
        Ok(ClientIp(client_ip(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn trusts_only_configured_proxies() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("6.6.6.6, 203.0.113.9"),
        );
        let from_proxy = ConnectInfo(SocketAddr::new(proxy, 4000));
        let direct = ConnectInfo(SocketAddr::new("198.51.100.1".parse().unwrap(), 4000));
        assert_eq!(
            client_ip(Some(&from_proxy), &h, &[proxy]),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            client_ip(Some(&direct), &h, &[proxy]),
            "198.51.100.1".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(Some(&from_proxy), &h, &[]), proxy);
    }

    #[test]
    fn limits_per_ip() {
        let limits = RateLimits::new(3);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!((0..3).all(|_| limits.allow_auth(a)));
        assert!(!limits.allow_auth(a));
        assert!(limits.allow_auth(b));
    }
}
