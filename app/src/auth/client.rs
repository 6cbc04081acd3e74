//! Who is on the other end: the TCP peer, or, when the peer is a reverse proxy
//! named in `PORTAL_TRUSTED_PROXIES`, the client the proxy says it forwarded.
//! Behind a proxy every request comes from the proxy's address; without this,
//! the per-address log-in limit would count the whole country as one client.

use crate::state::AppState;
use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::Response,
};
use http::HeaderMap;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// The client's address, put on every request by `resolve`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// The client's address as the trusted proxies tell it: walking the forwarded
/// chain from the right (the hop nearest the portal), the first address that is
/// not itself a trusted proxy. Anything a client wrote further left is ignored,
/// so a client cannot choose its own address by sending the header itself.
pub fn client_addr(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    // A portal listening on [::] sees IPv4 peers as ::ffff:a.b.c.d; the settings name them as IPv4.
    let peer = peer.to_canonical();
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(&ip.to_canonical()));
    if !is_trusted(&peer) {
        return peer;
    }
    let chain = forwarded_chain(headers);
    let mut client = peer;
    for hop in chain.iter().rev() {
        match hop {
            Some(ip) => {
                client = ip.to_canonical();
                if !is_trusted(ip) {
                    break;
                }
            }
            // A hop the proxy could not name (`unknown`, a garbled value): nothing to its left can be believed.
            None => break,
        }
    }
    client
}

/// Every hop of `X-Forwarded-For`, or else of `Forwarded`'s `for=`, left to right.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &str| -> Vec<String> {
        headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect()
    };
    let xff = values("x-forwarded-for");
    if !xff.is_empty() {
        return xff.iter().flat_map(|v| v.split(',')).map(|hop| parse_hop(hop.trim())).collect();
    }
    values("forwarded")
        .iter()
        .flat_map(|v| v.split(','))
        .filter_map(|element| {
            element.split(';').map(str::trim).find_map(|pair| {
                let (key, value) = pair.split_once('=')?;
                key.trim().eq_ignore_ascii_case("for").then(|| parse_hop(value.trim().trim_matches('"')))
            })
        })
        .collect()
}

/// "192.0.2.1", "192.0.2.1:4711", "2001:db8::1", "[2001:db8::1]:4711".
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| hop.strip_prefix('[').and_then(|h| h.strip_suffix(']')).and_then(|h| h.parse().ok()))
}

/// The key a client's requests are counted under: its address, or for IPv6 its /64,
/// which one household or host is commonly given whole.
pub fn limit_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            ipnet::Ipv6Net::new(v6, 64).map(|net| net.trunc().to_string()).unwrap_or_else(|_| v6.to_string())
        }
        v4 => v4.to_string(),
    }
}

/// Middleware: names the client for everything after it (the log-in throttle).
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let trusted = &state.settings.trusted_proxies;
        if request.headers().contains_key("x-forwarded-for")
            && !trusted.iter().any(|n| n.contains(&peer.ip().to_canonical()))
        {
            warn_untrusted_proxy_once();
        }
        let client = client_addr(peer.ip(), request.headers(), trusted);
        request.extensions_mut().insert(ClientAddr(client));
    }
    next.run(request).await
}

/// Behind a proxy that is not named in the settings, every visitor has the proxy's address,
/// and the limits per client count them all as one: said once in the log, for the operator.
fn warn_untrusted_proxy_once() {
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| {
        tracing::warn!(
            "a request carried X-Forwarded-For from a peer not in PORTAL_TRUSTED_PROXIES: behind a reverse proxy, \
             name it there, or every visitor counts as the proxy in the limits per client"
        );
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_it_says() {
        let h = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(client_addr(ip("198.51.100.7"), &h, &[]), ip("198.51.100.7"));
        assert_eq!(client_addr(ip("198.51.100.7"), &h, &nets(&["127.0.0.1/32"])), ip("198.51.100.7"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_forwarded_client_counts() {
        let trusted = nets(&["127.0.0.1/32", "10.0.0.0/8"]);
        let h = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        // Two proxies in a row: the hop nearest the portal that is not a proxy.
        let h = headers(&[("x-forwarded-for", "203.0.113.9, 10.1.1.1")]);
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        let h = headers(&[("forwarded", "for=\"[2001:db8::1]:4711\";proto=https")]);
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &trusted), ip("2001:db8::1"));
        assert_eq!(client_addr(ip("127.0.0.1"), &HeaderMap::new(), &trusted), ip("127.0.0.1"));
    }

    #[test]
    fn ipv4_mapped_peers_match_ipv4_settings_and_ipv6_clients_count_by_64() {
        let trusted = nets(&["127.0.0.1/32"]);
        let h = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(client_addr(ip("::ffff:127.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), limit_key(ip("2001:db8:1:2:bbbb::2")));
        assert_ne!(limit_key(ip("2001:db8:1:2::1")), limit_key(ip("2001:db8:1:3::1")));
        assert_eq!(limit_key(ip("::ffff:198.51.100.7")), "198.51.100.7");
    }

    #[test]
    fn a_client_cannot_choose_its_address_by_sending_the_header_itself() {
        let trusted = nets(&["127.0.0.1/32"]);
        // The proxy appends the real peer; what the client sent stays on the left.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9")]);
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        let h = headers(&[("x-forwarded-for", "1.2.3.4, unknown")]);
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &trusted), ip("127.0.0.1"));
    }
}
