//! Who is on the other end of the connection, as far as throttling is concerned: the peer's
//! address, or — when the peer is a configured trusted proxy — the address its
//! `X-Forwarded-For` names. IPv6 clients count per /64, the block one subscriber is given.

use std::net::{IpAddr, Ipv6Addr};

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use super::AppState;
use crate::error::AppError;

/// The address failed sign-ins are counted against, in its text form (`203.0.113.7`,
/// `2001:db8:1:2::/64`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);

impl ClientAddress {
    /// The client of a request whose peer is `peer`, believing `forwarded_for` (the
    /// `X-Forwarded-For` values, in order) only as far as the proxies in `trusted` go.
    pub fn resolve(peer: Option<IpAddr>, forwarded_for: &[&str], trusted: &[IpAddr]) -> Self {
        let Some(mut client) = peer else {
            return ClientAddress("unknown".into());
        };
        // Walk back from the nearest hop while it is a trusted proxy: the first address that
        // is not one is the client (what lies further left, anyone may have written).
        let mut hops = forwarded_for
            .iter()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rev();
        while trusted.contains(&client.to_canonical()) {
            match hops.next().and_then(|h| h.parse::<IpAddr>().ok()) {
                Some(ip) => client = ip,
                None => break,
            }
        }
        ClientAddress(key(client))
    }
}

pub(crate) fn key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let net = Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
            format!("{net}/64")
        }
    }
}

impl FromRequest for ClientAddress {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let trusted = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.settings.server.trusted_proxies.as_slice())
            .unwrap_or_default();
        let forwarded: Vec<&str> = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .collect();
        let peer = req.peer_addr().map(|a| a.ip());
        std::future::ready(Ok(ClientAddress::resolve(peer, &forwarded, trusted)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn resolve(peer: &str, forwarded: &[&str], trusted: &[&str]) -> String {
        let trusted: Vec<IpAddr> = trusted.iter().map(|t| ip(t)).collect();
        ClientAddress::resolve(Some(ip(peer)), forwarded, &trusted).0
    }

    #[test]
    fn the_peer_is_the_client_unless_it_is_a_trusted_proxy() {
        // No trusted proxy: a forged header changes nothing.
        assert_eq!(
            resolve("203.0.113.7", &["198.51.100.1"], &[]),
            "203.0.113.7"
        );
        // Behind a trusted proxy, the address it adds.
        assert_eq!(
            resolve("10.0.0.2", &["198.51.100.1, 203.0.113.7"], &["10.0.0.2"]),
            "203.0.113.7"
        );
        // Two trusted hops; what the client wrote itself (leftmost) is not believed.
        assert_eq!(
            resolve(
                "10.0.0.2",
                &["6.6.6.6, 203.0.113.7", "10.0.0.3"],
                &["10.0.0.2", "10.0.0.3"]
            ),
            "203.0.113.7"
        );
        // A trusted proxy that names nobody (or nonsense) is the client.
        assert_eq!(resolve("10.0.0.2", &[], &["10.0.0.2"]), "10.0.0.2");
        assert_eq!(resolve("10.0.0.2", &["junk"], &["10.0.0.2"]), "10.0.0.2");
    }

    #[test]
    fn ipv6_clients_count_per_64_and_mapped_ipv4_as_ipv4() {
        assert_eq!(
            resolve("2001:db8:1:2:aaaa::1", &[], &[]),
            "2001:db8:1:2::/64"
        );
        assert_eq!(
            resolve("2001:db8:1:2:bbbb::9", &[], &[]),
            "2001:db8:1:2::/64"
        );
        assert_eq!(resolve("::ffff:203.0.113.7", &[], &[]), "203.0.113.7");
        assert_eq!(
            ClientAddress::resolve(None, &[], &[]).0,
            "unknown",
            "no peer address (a test request)"
        );
    }
}
