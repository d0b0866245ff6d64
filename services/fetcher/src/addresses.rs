//! Which addresses the fetcher may connect to, checked where it connects.
//!
//! A feed or a page can point anywhere, including at the internal network
//! (`http://169.254.169.254/…`, a database on `10.x`, the broker on
//! loopback). The fetcher resolves names through [`GuardedResolver`], which
//! refuses private, loopback, link-local, CGNAT, multicast, reserved and
//! documentation addresses, and IPv6 forms that embed an IPv4 address
//! (mapped, translated, NAT64, 6to4) when that address is refused. The
//! addresses it hands to the HTTP client are the ones the client connects
//! to, so no second lookup can "rebind" the name in between. Literal IPs in
//! URLs, which skip name resolution, are checked on every hop by
//! [`AddressPolicy::check_url`].

use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;

use ipnet::IpNet;

/// Where the fetcher may connect.
#[derive(Debug, Clone, Default)]
pub struct AddressPolicy {
    /// Every address is allowed (tests, intranets).
    pub allow_private: bool,
    /// Networks allowed although they are private ("10.2.0.0/16").
    pub allowed: Vec<IpNet>,
}

/// Why an address or URL is refused.
#[derive(Debug, thiserror::Error)]
#[error("{0} is a private, local or reserved address")]
pub struct Refused(pub String);

impl AddressPolicy {
    pub fn permits(&self, ip: IpAddr) -> bool {
        self.allow_private || self.allowed.iter().any(|n| n.contains(&ip)) || is_public(ip)
    }

    /// Refuses a URL whose host is a literal IP the policy does not permit.
    pub fn check_url(&self, url: &reqwest::Url) -> Result<(), Refused> {
        let ip = match url.host() {
            Some(url::Host::Ipv4(v4)) => IpAddr::V4(v4),
            Some(url::Host::Ipv6(v6)) => IpAddr::V6(v6),
            _ => return Ok(()),
        };
        if self.permits(ip) {
            Ok(())
        } else {
            Err(Refused(ip.to_string()))
        }
    }
}

/// The IPv4 address an IPv6 address carries, if it carries one: mapped
/// (`::ffff:a.b.c.d`), translated (`::ffff:0:a.b.c.d`), NAT64
/// (`64:ff9b::a.b.c.d`), 6to4 (`2002:aabb:ccdd::`), IPv4-compatible.
fn embedded_v4(v6: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = v6.segments();
    let tail = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    match s {
        [0, 0, 0, 0, 0, 0xffff, _, _] => Some(tail),
        [0, 0, 0, 0, 0xffff, 0, _, _] => Some(tail),
        [0x64, 0xff9b, 0, 0, 0, 0, _, _] => Some(tail),
        [0, 0, 0, 0, 0, 0, _, _] if s[6] != 0 => Some(tail),
        [0x2002, a, b, ..] => Some(Ipv4Addr::new(
            (a >> 8) as u8,
            a as u8,
            (b >> 8) as u8,
            b as u8,
        )),
        _ => None,
    }
}

fn is_public_v4(v4: Ipv4Addr) -> bool {
    let [a, b, c, _] = v4.octets();
    !(v4.is_private()
        || v4.is_loopback()
        || v4.is_link_local()
        || v4.is_unspecified()
        || v4.is_broadcast()
        || v4.is_multicast()
        || v4.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // CGNAT
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240) // reserved
}

/// May the fetcher connect here without being told it may?
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = embedded_v4(v6) {
                return is_public_v4(v4);
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80 // link-local
                || (first & 0xffc0) == 0xfec0 // site-local (deprecated)
                || first == 0x2001 && v6.segments()[1] == 0x0db8) // documentation
        }
    }
}

/// Name resolution the resolver asks (the system's, or a test's own).
pub trait Lookup: Send + Sync {
    fn lookup(
        &self,
        host: &str,
    ) -> Pin<Box<dyn Future<Output = io::Result<Vec<IpAddr>>> + Send + '_>>;
}

/// The system resolver.
pub struct SystemLookup;

impl Lookup for SystemLookup {
    fn lookup(
        &self,
        host: &str,
    ) -> Pin<Box<dyn Future<Output = io::Result<Vec<IpAddr>>> + Send + '_>> {
        let host = host.to_owned();
        Box::pin(async move {
            Ok(tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .map(|a| a.ip())
                .collect())
        })
    }
}

/// A resolver for the HTTP client that hands out only permitted addresses.
pub struct GuardedResolver {
    pub inner: Arc<dyn Lookup>,
    pub policy: AddressPolicy,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        let inner = self.inner.clone();
        let policy = self.policy.clone();
        Box::pin(async move {
            let found = inner.lookup(&host).await?;
            let permitted: Vec<SocketAddr> = found
                .iter()
                .filter(|ip| policy.permits(**ip))
                .map(|ip| SocketAddr::new(*ip, 0))
                .collect();
            if permitted.is_empty() {
                let error: Box<dyn std::error::Error + Send + Sync> =
                    Box::new(Refused(format!("{host} ({found:?})")));
                return Err(error);
            }
            let addrs: reqwest::dns::Addrs = Box::new(permitted.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_local_and_reserved_addresses_are_refused() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.4",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "240.0.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::ffff:0:10.0.0.1",
            "64:ff9b::a00:1",
            "2002:a00:1::",
        ] {
            assert!(!is_public(ip.parse().expect("ip")), "{ip}");
        }
        for ip in ["8.8.8.8", "2001:4860::8888", "::ffff:8.8.8.8"] {
            assert!(is_public(ip.parse().expect("ip")), "{ip}");
        }
    }

    #[test]
    fn allowed_networks_open_only_themselves() {
        let policy = AddressPolicy {
            allow_private: false,
            allowed: vec!["127.0.0.1/32".parse().expect("net")],
        };
        assert!(policy.permits("127.0.0.1".parse().expect("ip")));
        assert!(!policy.permits("127.0.0.2".parse().expect("ip")));
        let url = reqwest::Url::parse("http://[::ffff:127.0.0.2]/x").expect("url");
        assert!(policy.check_url(&url).is_err());
        let url = reqwest::Url::parse("http://169.254.169.254/latest").expect("url");
        assert!(policy.check_url(&url).is_err());
    }
}
