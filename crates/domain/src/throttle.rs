//! How repeated attempts slow down (signing in, trying join codes): a few
//! are free, then each further one waits twice as long as the last, up to
//! a cap. Never a hard lock: a stranger typing wrong passwords into someone
//! else's account delays its owner by seconds, not a quarter of an hour,
//! while a guesser soon waits minutes per guess.
//!
//! Counted per *key*: an account, and separately the client's network (an
//! IPv4 address, or an IPv6 /64, which one household or school is given
//! whole — keying single IPv6 addresses would give a guesser 2^64 keys).

use std::net::IpAddr;
use std::time::Duration;

/// How long a key is kept once its window has begun: no window is longer.
pub const KEPT_FOR: Duration = Duration::from_secs(24 * 3600);

/// The shape of the slowing-down for one kind of key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delays {
    /// Attempts that never wait.
    pub free: u32,
    /// The wait after the last free attempt; it doubles with each one after.
    pub first: Duration,
    /// The longest wait.
    pub cap: Duration,
    /// Attempts are counted within a window this long; a key whose window
    /// has passed starts again from nothing.
    pub window: Duration,
}

const SECOND: Duration = Duration::from_secs(1);
const MINUTE: Duration = Duration::from_secs(60);
const HOUR: Duration = Duration::from_secs(3600);

impl Delays {
    /// Signing in to one account, from anywhere: five tries, then 1 s,
    /// 2 s, 4 s … at most five minutes (about 300 guesses a day once
    /// ramped up, against passwords of at least ten characters).
    pub const ACCOUNT: Delays = Delays {
        free: 5,
        first: SECOND,
        cap: Duration::from_secs(5 * 60),
        window: Duration::from_secs(24 * 3600),
    };

    /// Failed sign-ins from one network, on any accounts: a school behind
    /// one address has room for its teachers' typos; a guesser working
    /// through many accounts soon waits a quarter of an hour per guess.
    pub const CLIENT: Delays = Delays {
        free: 50,
        first: SECOND,
        cap: Duration::from_secs(15 * 60),
        window: HOUR,
    };

    /// Join codes tried by one account, or from one network: a person
    /// mistyping a code from a slide has room; guessing does not pay.
    pub const JOIN_CODE: Delays = Delays {
        free: 10,
        first: SECOND,
        cap: Duration::from_secs(15 * 60),
        window: HOUR,
    };

    /// How long the next attempt waits after `attempts` counted ones.
    pub fn wait_after(&self, attempts: u32) -> Duration {
        if attempts < self.free {
            return Duration::ZERO;
        }
        let doublings = (attempts - self.free).min(30);
        self.first.saturating_mul(1 << doublings).min(self.cap)
    }
}

/// The network a client's address counts under: an IPv4 address itself
/// (IPv4-mapped IPv6 included), an IPv6 address's /64.
pub fn network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// A wait as a person reads it: whole seconds under two minutes, else
/// whole minutes, rounded up (never "0 seconds").
pub fn wait_in_words(wait: Duration) -> (&'static str, u64) {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    if seconds < 2 * MINUTE.as_secs() {
        ("seconds", seconds.max(1))
    } else {
        ("minutes", seconds.div_ceil(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_attempts_up_to_the_cap() {
        let d = Delays::ACCOUNT;
        let waits: Vec<u64> = (0..16).map(|n| d.wait_after(n).as_secs()).collect();
        assert_eq!(
            waits,
            [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
        );
        assert_eq!(d.wait_after(u32::MAX), d.cap);
        assert_eq!(Delays::CLIENT.wait_after(49), Duration::ZERO);
        assert_eq!(Delays::CLIENT.wait_after(50), SECOND);
    }

    #[test]
    fn no_window_outlives_the_kept_keys() {
        for d in [Delays::ACCOUNT, Delays::CLIENT, Delays::JOIN_CODE] {
            assert!(d.window <= KEPT_FOR, "{d:?}");
        }
    }

    #[test]
    fn ipv6_counts_by_its_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff:1:2:3".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(network(a), network(b));
        assert_ne!(network(a), network(c));
        assert_eq!(network(a).to_string(), "2001:db8:1:2::");
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(network(mapped), v4);
        assert_eq!(network(v4), v4);
    }

    #[test]
    fn waits_read_in_seconds_then_minutes() {
        assert_eq!(wait_in_words(Duration::from_millis(300)), ("seconds", 1));
        assert_eq!(wait_in_words(Duration::from_secs(64)), ("seconds", 64));
        assert_eq!(wait_in_words(Duration::from_secs(128)), ("minutes", 3));
        assert_eq!(wait_in_words(Duration::from_secs(900)), ("minutes", 15));
    }
}
