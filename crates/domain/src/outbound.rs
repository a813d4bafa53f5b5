//! Where Lyceum may send a request of its own (a sign-in provider's
//! discovery document, key set and token endpoint): `https` on the public
//! internet, never into the network Lyceum runs in, where an admin who
//! names an address could reach what only Lyceum can (cloud metadata at
//! 169.254.169.254, databases, the app itself).
//!
//! URLs are read by the parser reqwest uses (`url`, WHATWG rules), so the
//! host checked is the host connected to: `127.1`, `0x7f.1` and
//! `2130706433` are all 127.0.0.1 to it, as to us. Addresses are allowed
//! from a short list (IPv4 outside the special-purpose ranges; IPv6 global
//! unicast outside them), not refused from one, so a range forgotten is
//! refused. The web crate checks names again as they resolve, and the
//! address actually connected to.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use url::{Host, Url};

/// Whether Lyceum may fetch `url`: an `https` URL with no credentials and
/// no fragment whose host is a public address or a name (not `localhost`).
/// With `local` (development and tests), also `http` or `https` on
/// loopback — and nothing else that is not public.
pub fn url_is_allowed(url: &str, local: bool) -> bool {
    // The parser quietly drops tabs and new lines and reads `\` as `/`:
    // what we check must be what was typed.
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return false;
    }
    let Ok(parsed) = Url::parse(url) else {
        return false;
    };
    let secure = match parsed.scheme() {
        "https" => true,
        "http" => false,
        _ => return false,
    };
    if !parsed.username().is_empty() || parsed.password().is_some() || parsed.fragment().is_some() {
        return false;
    }
    let loopback = match parsed.host() {
        Some(Host::Ipv4(v4)) => v4.is_loopback(),
        Some(Host::Ipv6(v6)) => v6.is_loopback(),
        Some(Host::Domain(name)) => is_loopback_name(name),
        None => return false,
    };
    if loopback {
        return local;
    }
    if !secure {
        return false;
    }
    match parsed.host() {
        Some(Host::Ipv4(v4)) => ip_is_public(IpAddr::V4(v4)),
        Some(Host::Ipv6(v6)) => ip_is_public(IpAddr::V6(v6)),
        Some(Host::Domain(name)) => {
            crate::email::domain_is_valid(name.trim_end_matches('.').to_ascii_lowercase().as_str())
        }
        None => false,
    }
}

/// `localhost` and names under it (RFC 6761: they are this machine).
fn is_loopback_name(name: &str) -> bool {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    n == "localhost" || n.ends_with(".localhost")
}

/// Whether Lyceum may connect to `ip`: a public address, or (with `local`,
/// for development and tests) loopback.
pub fn address_is_allowed(ip: IpAddr, local: bool) -> bool {
    ip_is_public(ip) || (local && ip.to_canonical().is_loopback())
}

/// Whether an address is on the public internet.
pub fn ip_is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4_is_public(v4),
        IpAddr::V6(v6) => v6_is_public(v6),
    }
}

/// IPv4 outside every range of the IANA special-purpose registry that is
/// not globally reachable (RFC 6890 and after).
fn v4_is_public(v4: Ipv4Addr) -> bool {
    let [a, b, c, _] = v4.octets();
    !(a == 0 // "this network"
        || a == 10 // private
        || a == 127 // loopback
        || (a == 100 && (64..128).contains(&b)) // shared (carrier-grade NAT)
        || (a == 169 && b == 254) // link-local, cloud metadata
        || (a == 172 && (16..32).contains(&b)) // private
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2) // documentation
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || (a == 192 && b == 168) // private
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || (a == 198 && b == 51 && c == 100) // documentation
        || (a == 203 && b == 0 && c == 113) // documentation
        || a >= 224) // multicast, reserved, broadcast
}

/// IPv6 global unicast (2000::/3) outside the special-purpose ranges in
/// it; IPv4-mapped and -compatible addresses as the IPv4 inside them.
/// Everything else — loopback, unspecified, unique-local, link-local,
/// site-local, multicast, NAT64 (64:ff9b::/96, 64:ff9b:1::/48) — lies
/// outside 2000::/3 and is refused.
fn v6_is_public(v6: Ipv6Addr) -> bool {
    let s = v6.segments();
    // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated).
    if s[..5] == [0; 5] && (s[5] == 0xffff || (s[5] == 0 && (s[6] != 0 || s[7] > 1))) {
        let [a, b] = s[6].to_be_bytes();
        let [c, d] = s[7].to_be_bytes();
        return v4_is_public(Ipv4Addr::new(a, b, c, d));
    }
    (s[0] & 0xe000) == 0x2000 // global unicast
        && !(s[0] == 0x2001 && s[1] < 0x0200) // IETF protocol assignments, Teredo (2001::/32)
        && !(s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        && s[0] != 0x2002 // 6to4: an IPv4 address behind it
        && (s[0] & 0xfff0) != 0x3ff0 // documentation (3fff::/20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        for public in ["8.8.8.8", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8"] {
            assert!(ip_is_public(public.parse().unwrap()), "{public}");
        }
        for private in [
            "127.0.0.1",
            "169.254.169.254",
            "64:ff9b::808:808",
            "2002:808:808::1",
            "2001:0:4136:e378::1",
            "fec0::1",
            "::ffff:10.0.0.1",
            "::",
            "::1",
        ] {
            assert!(!ip_is_public(private.parse().unwrap()), "{private}");
        }
        let lo: IpAddr = "127.0.0.1".parse().unwrap();
        assert!(address_is_allowed(lo, true));
        assert!(!address_is_allowed(lo, false));
        let mapped_lo: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert!(address_is_allowed(mapped_lo, true));
        let private: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(!address_is_allowed(private, true));
    }
}
