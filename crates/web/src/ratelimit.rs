//! Per-client limits on the routes people could hammer (sign-in,
//! registration, recovery): a flood from one network is blunted on each
//! server. Attempts that must hold across servers (a password guessed, a
//! join code tried) are counted in the database (`lyceum_db::throttle`).

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use lyceum_db::{DbConn, DbError, throttle};
use lyceum_domain::throttle::{Delays, network, wait_in_words};
use lyceum_domain::validation::{FieldError, Invalid};
use lyceum_domain::{Timestamp, UserId};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// Checks between two sweeps of the per-network state.
const PRUNE_EVERY: u32 = 4096;

/// Certificate PDFs one network may have made a minute: laying one out is
/// real CPU work, and anyone may ask for any certificate's.
const DOCUMENTS_PER_MINUTE: u32 = 30;

type PerNetwork<C> =
    RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, C, NoOpMiddleware<<C as Clock>::Instant>>;

pub struct RateLimits<C: Clock = DefaultClock> {
    auth: PerNetwork<C>,
    documents: PerNetwork<C>,
    checks: AtomicU32,
}

impl RateLimits {
    pub fn new(per_minute: u32) -> Self {
        Self::with_clock(per_minute, DefaultClock::default())
    }
}

impl<C: Clock + Clone> RateLimits<C> {
    fn with_clock(per_minute: u32, clock: C) -> Self {
        let limiter = |per_minute: u32| {
            let n = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
            RateLimiter::new(
                Quota::per_minute(n),
                DefaultKeyedStateStore::default(),
                clock.clone(),
            )
        };
        RateLimits {
            auth: limiter(per_minute),
            documents: limiter(DOCUMENTS_PER_MINUTE),
            checks: AtomicU32::new(0),
        }
    }

    /// True if this client may make one more sign-in-like attempt now.
    /// Counted per network (an IPv6 /64 is one client: one household or
    /// school holds all of it).
    pub fn allow_auth(&self, ip: IpAddr) -> bool {
        self.allow(&self.auth, ip)
    }

    /// True if this client may have one more certificate PDF made now.
    pub fn allow_document(&self, ip: IpAddr) -> bool {
        self.allow(&self.documents, ip)
    }

    fn allow(&self, limiter: &PerNetwork<C>, ip: IpAddr) -> bool {
        // Networks seen once would stay in memory for ever: now and then,
        // forget those whose allowance has filled up again.
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            for l in [&self.auth, &self.documents] {
                l.retain_recent();
                l.shrink_to_fit();
            }
        }
        limiter.check_key(&network(ip)).is_ok()
    }

    /// How many networks are remembered now.
    pub fn remembered(&self) -> usize {
        self.auth.len()
    }
}

/// One try at something guessable (a password, a join code), counted
/// before it is made, against what it targets (an account; none for a
/// code typed while registering) and against the client's network.
#[derive(Debug, Clone)]
pub struct Attempt {
    target: Option<(String, Delays)>,
    network: (String, Delays),
}

impl Attempt {
    /// Signing in to the account of `email`.
    pub fn sign_in(email: &str, ip: IpAddr) -> Self {
        Attempt {
            target: Some((format!("sign-in:{email}"), Delays::ACCOUNT)),
            network: (format!("sign-in-from:{}", network(ip)), Delays::CLIENT),
        }
    }

    /// A join code typed by `user`, or by someone registering (None).
    pub fn join_code(user: Option<UserId>, ip: IpAddr) -> Self {
        Attempt {
            target: user.map(|u| (format!("join-code:{u}"), Delays::JOIN_CODE)),
            network: (format!("join-code-from:{}", network(ip)), Delays::JOIN_CODE),
        }
    }

    /// A workshop check-in code typed by `user`: codes are short, so
    /// guesses are limited like join codes.
    pub fn checkin_code(user: UserId, ip: IpAddr) -> Self {
        Attempt {
            target: Some((format!("checkin-code:{user}"), Delays::JOIN_CODE)),
            network: (
                format!("checkin-code-from:{}", network(ip)),
                Delays::JOIN_CODE,
            ),
        }
    }

    /// Claims the try in a write of its own, so that it counts even when
    /// the write that follows fails: `Err(when)` if it must wait.
    pub async fn claim(
        &self,
        state: &AppState,
        now: Timestamp,
    ) -> Result<Result<(), Timestamp>, AppError> {
        let this = self.clone();
        Ok(state
            .db
            .write(move |c| {
                let (key, delays) = &this.network;
                if let Err(until) = throttle::claim(c, key, now, *delays)? {
                    return Ok(Err(until));
                }
                match &this.target {
                    Some((key, delays)) => throttle::claim(c, key, now, *delays),
                    None => Ok(Ok(())),
                }
            })
            .await?)
    }

    /// The try was right: its target starts afresh, and it no longer
    /// counts against the network (a school's teachers share one address).
    /// Call inside the write that records the success.
    pub fn succeeded(&self, c: &mut DbConn) -> Result<(), DbError> {
        if let Some((key, _)) = &self.target {
            throttle::clear(c, key)?;
        }
        throttle::release(c, &self.network.0)
    }
}

/// "Wait … and try again" as the error `code` on `field`, for a wait from
/// `now` until `until`.
pub fn wait_error(field: &str, code: &'static str, now: Timestamp, until: Timestamp) -> Invalid {
    let wait = Duration::from_micros(u64::try_from(until.micros() - now.micros()).unwrap_or(0));
    let (unit, count) = wait_in_words(wait);
    let mut i = Invalid::new();
    i.push(
        FieldError::new(field, code)
            .with_arg("unit", unit)
            .with_arg("count", count),
    );
    i
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
    fn limits_per_network() {
        let limits = RateLimits::new(3);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!((0..3).all(|_| limits.allow_auth(a)));
        assert!(!limits.allow_auth(a));
        assert!(limits.allow_auth(b));
        // Every address of one IPv6 /64 is the same client.
        let six = |i: u16| IpAddr::from([0x2001, 0xdb8, 0, 7, i, i, i, i]);
        assert!((1..=3).all(|i| limits.allow_auth(six(i))));
        assert!(!limits.allow_auth(six(4)));
        assert!(limits.allow_auth(IpAddr::from([0x2001, 0xdb8, 0, 8, 0, 0, 0, 1])));
    }

    #[test]
    fn documents_have_their_own_allowance() {
        let limits = RateLimits::new(1);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        assert!(limits.allow_auth(a));
        assert!(!limits.allow_auth(a));
        let n = DOCUMENTS_PER_MINUTE as usize;
        assert_eq!((0..n + 5).filter(|_| limits.allow_document(a)).count(), n);
        assert!(limits.allow_document("192.0.2.2".parse().unwrap()));
    }

    #[test]
    fn forgets_networks_whose_allowance_is_back() {
        let clock = governor::clock::FakeRelativeClock::default();
        let limits = RateLimits::with_clock(60, clock.clone());
        for i in 0..=u8::MAX {
            limits.allow_auth(IpAddr::from([198, 51, 100, i]));
        }
        assert_eq!(limits.remembered(), 256);
        // A minute later every allowance is whole again; the next sweep forgets them.
        clock.advance(Duration::from_secs(60));
        let me = IpAddr::from([192, 0, 2, 1]);
        for _ in 0..PRUNE_EVERY {
            limits.allow_auth(me);
        }
        assert!(limits.remembered() <= 1, "{}", limits.remembered());
    }
}
