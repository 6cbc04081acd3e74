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
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let chain = forwarded_chain(headers);
    let mut client = peer;
    for hop in chain.iter().rev() {
        match hop {
            Some(ip) => {
                client = *ip;
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

/// Middleware: names the client for everything after it (the log-in throttle).
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let client = client_addr(peer.ip(), request.headers(), &state.settings.trusted_proxies);
        request.extensions_mut().insert(ClientAddr(client));
    }
    next.run(request).await
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
    fn a_client_cannot_choose_its_address_by_sending_the_header_itself() {
        let trusted = nets(&["127.0.0.1/32"]);
        // The proxy appends the real peer; what the client sent stays on the left.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9")]);
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        let h = headers(&[("x-forwarded-for", "1.2.3.4, unknown")]);
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &trusted), ip("127.0.0.1"));
    }
}
