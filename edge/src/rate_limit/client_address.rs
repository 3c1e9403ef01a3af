//! Which address a request comes from. The TCP peer, unless the peer is one of our own proxies
//! (`MK_TRUSTED_PROXIES`): then the last address in `X-Forwarded-For` that is not a trusted
//! proxy. Anyone can write `X-Forwarded-For`, so a client talking to the edge directly cannot
//! pick its own address, and a client behind our proxy can only add entries to the left of the
//! one the proxy appended.
//!
//! A limit counts an IPv4 client per address but an IPv6 client per /64 ([`counted_network`]):
//! one subscriber is routinely given a whole /64 (2^64 addresses), so counting per address would
//! give each of them unlimited counters.

use std::net::IpAddr;
use std::str::FromStr;

use axum::http::HeaderMap;
use ipnet::{IpNet, Ipv4Net, Ipv6Net};

const FORWARDED_FOR: &str = "x-forwarded-for";

/// The proxies whose `X-Forwarded-For` we believe: addresses or CIDR networks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

#[derive(Debug, thiserror::Error)]
#[error("not an address or network: {0:?}")]
pub struct BadProxy(String);

impl FromStr for TrustedProxies {
    type Err = BadProxy;

    fn from_str(s: &str) -> Result<Self, BadProxy> {
        s.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| BadProxy(entry.to_owned()))
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }
}

impl<'de> serde::Deserialize<'de> for TrustedProxies {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl TrustedProxies {
    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client's address for a request from `peer` with `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let forwarded = headers
            .get_all(FORWARDED_FOR)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        // From the right: each trusted hop names the one before it.
        for entry in forwarded.iter().rev() {
            match entry.parse::<IpAddr>() {
                Ok(address) if self.trusts(address) => continue,
                Ok(address) => return address,
                // A malformed entry: nothing to its left can be believed.
                Err(_) => break,
            }
        }
        peer
    }
}

/// The smallest network one client can be assumed to hold all of: its IPv4 address, or its
/// IPv6 address's /64. An IPv4 address written as IPv6 (`::ffff:203.0.113.9`, what a dual-stack
/// socket reports) is the IPv4 address, or every IPv4 client would share one /64.
pub fn counted_network(address: IpAddr) -> IpNet {
    match address.to_canonical() {
        IpAddr::V4(v4) => IpNet::V4(Ipv4Net::from(v4)),
        IpAddr::V6(v6) => IpNet::V6(
            Ipv6Net::new(v6, IPV6_CLIENT_PREFIX)
                .expect("a valid prefix length")
                .trunc(),
        ),
    }
}

/// The prefix length of the IPv6 network one subscriber gets at least.
const IPV6_CLIENT_PREFIX: u8 = 64;

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(forwarded: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(FORWARDED_FOR, forwarded.parse().unwrap());
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_direct_client_cannot_choose_its_address() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("203.0.113.9"), &headers("198.51.100.1")),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_trusted_proxies_the_last_untrusted_hop_is_the_client() {
        let proxies: TrustedProxies = "10.0.0.0/8, 192.168.1.5".parse().unwrap();
        // The client forged an entry; our proxy appended the real address.
        let forwarded = headers("1.2.3.4, 203.0.113.9, 10.1.1.1");
        assert_eq!(
            proxies.client(ip("192.168.1.5"), &forwarded),
            ip("203.0.113.9")
        );
        // No header: the proxy itself.
        assert_eq!(
            proxies.client(ip("10.2.2.2"), &HeaderMap::new()),
            ip("10.2.2.2")
        );
        // Garbage in the chain: fall back to the peer.
        assert_eq!(
            proxies.client(ip("10.2.2.2"), &headers("not-an-ip")),
            ip("10.2.2.2")
        );
    }

    #[test]
    fn bad_entries_are_refused() {
        assert!("10.0.0.0/8,example.com".parse::<TrustedProxies>().is_err());
        assert_eq!(
            "".parse::<TrustedProxies>().unwrap(),
            TrustedProxies::default()
        );
    }

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        let one = counted_network(ip("2001:db8:1:2::1"));
        // Another address of the same /64, however far away, is the same client.
        assert_eq!(counted_network(ip("2001:db8:1:2:ffff:ffff:ffff:fffe")), one);
        assert_eq!(one.to_string(), "2001:db8:1:2::/64");
        // The neighbouring /64 is another client.
        assert_ne!(counted_network(ip("2001:db8:1:3::1")), one);
    }

    #[test]
    fn ipv4_clients_are_counted_per_address_even_when_written_as_ipv6() {
        let v4 = counted_network(ip("203.0.113.9"));
        assert_eq!(v4.to_string(), "203.0.113.9/32");
        assert_eq!(counted_network(ip("::ffff:203.0.113.9")), v4);
        assert_ne!(counted_network(ip("::ffff:203.0.113.10")), v4);
    }
}
