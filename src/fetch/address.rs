//! URL safety: which URLs sitrep fetches and which addresses it connects to.
//!
//! A feed is untrusted input that chooses URLs (item links, redirects). Only http and
//! https are ever fetched. A subscription on a public host reaches only public
//! addresses: the resolver refuses a name that resolves to a loopback, private,
//! link-local or otherwise special address, at connection time, on every hop. A
//! subscription that is itself on such a host (a feed on the local network, or a test
//! server) may reach them too. Credentials written into a URL are sent only to that
//! URL's own origin, and never shown: [`redacted`] is the only form that is printed.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, ToSocketAddrs};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;
use url::Url;

use super::FetchError;

/// Which addresses a fetch may connect to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reach {
    /// Public addresses only.
    Public,
    /// Any address: the subscription itself is on a loopback or private host.
    Any,
}

/// Parses `text` as an absolute http or https URL with a host.
pub fn http_url(text: &str) -> Result<Url, FetchError> {
    let url = Url::parse(text.trim()).map_err(|error| FetchError::BadUrl(error.to_string()))?;
    check_scheme(&url)?;
    Ok(url)
}

/// An error unless `url` is http or https with a host.
pub fn check_scheme(url: &Url) -> Result<(), FetchError> {
    match url.scheme() {
        "http" | "https" if url.host_str().is_some_and(|host| !host.is_empty()) => Ok(()),
        "http" | "https" => Err(FetchError::BadUrl("no host".to_string())),
        scheme => Err(FetchError::Scheme(scheme.to_string())),
    }
}

/// The URL with any user name and password removed.
pub fn without_credentials(url: &Url) -> Url {
    let mut clean = url.clone();
    let _ = clean.set_username("");
    let _ = clean.set_password(None);
    clean
}

/// The URL without credentials as text: the form shown, and stored as stories' origin.
pub fn redacted(url: &Url) -> String {
    without_credentials(url).to_string()
}

/// [`redacted`] for a URL kept as text; of text that is no URL with a host, only what
/// follows the last '@' is shown.
pub fn redacted_text(text: &str) -> String {
    match Url::parse(text) {
        Ok(url) if url.has_host() => redacted(&url),
        _ => text.rsplit('@').next().unwrap_or_default().to_string(),
    }
}

/// What a subscription may reach: everything when its own host is not public.
pub fn reach_of(url: &Url) -> Reach {
    let port = url.port_or_known_default().unwrap_or(80);
    let addresses: Vec<IpAddr> = match url.host() {
        Some(url::Host::Ipv4(ip)) => vec![IpAddr::V4(ip)],
        Some(url::Host::Ipv6(ip)) => vec![IpAddr::V6(ip)],
        Some(url::Host::Domain(name)) => (name, port)
            .to_socket_addrs()
            .map(|found| found.map(|address| address.ip()).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    if !addresses.is_empty() && addresses.iter().all(|ip| !is_public(*ip)) {
        Reach::Any
    } else {
        Reach::Public
    }
}

/// An error when `url` names a non-public address literally and `reach` is public.
/// Names are checked by [`PublicResolver`] as they are resolved; this check also holds
/// for fetches through a proxy, which resolves names itself.
pub fn check_literal(url: &Url, reach: Reach) -> Result<(), FetchError> {
    let ip = match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip),
        _ => return Ok(()),
    };
    if reach == Reach::Public && !is_public(ip) {
        return Err(FetchError::NotPublic(
            url.host_str().unwrap_or("").to_string(),
        ));
    }
    Ok(())
}

/// True for an address on the public internet: not loopback, private, link-local,
/// shared (carrier NAT), documentation, multicast, broadcast or unspecified.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_public_v4(ip),
        IpAddr::V6(ip) => match ip.to_ipv4_mapped() {
            Some(mapped) => is_public_v4(mapped),
            None => is_public_v6(ip),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [first, second, ..] = ip.octets();
    let shared = first == 100 && (64..128).contains(&second);
    let this_network = first == 0;
    let reserved = first >= 240;
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || ip.is_unspecified()
        || shared
        || this_network
        || reserved)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let documentation = ip.segments()[0] == 0x2001 && ip.segments()[1] == 0x0db8;
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_unique_local()
        || ip.is_unicast_link_local()
        || documentation)
}

/// The message of the I/O error the resolver refuses a host with.
const REFUSED: &str = "not a public address";

/// Resolves names as ureq does, then refuses any that leads to a non-public address
/// (but the configured proxy's).
#[derive(Debug, Default)]
pub struct PublicResolver {
    inner: DefaultResolver,
}

impl Resolver for PublicResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addresses = self.inner.resolve(uri, config, timeout)?;
        // The user's own proxy may well be on a private address.
        let is_proxy = config.proxy().is_some_and(|proxy| proxy.uri() == uri);
        if is_proxy || addresses.iter().all(|address| is_public(address.ip())) {
            Ok(addresses)
        } else {
            Err(ureq::Error::Io(io::Error::new(
                io::ErrorKind::PermissionDenied,
                REFUSED,
            )))
        }
    }
}

/// True for the error [`PublicResolver`] refuses a host with.
pub fn is_refusal(error: &ureq::Error) -> bool {
    matches!(error, ureq::Error::Io(io) if io.kind() == io::ErrorKind::PermissionDenied
        && io.to_string() == REFUSED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_addresses_are_not_public() {
        for text in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(text.parse().unwrap()), "{text}");
        }
        for text in ["93.184.216.34", "2606:4700::1111", "8.8.8.8"] {
            assert!(is_public(text.parse().unwrap()), "{text}");
        }
    }

    #[test]
    fn only_http_and_https_urls_are_accepted() {
        assert!(http_url("https://example.org/feed.xml").is_ok());
        assert!(matches!(
            http_url("file:///etc/passwd"),
            Err(FetchError::Scheme(scheme)) if scheme == "file"
        ));
        assert!(matches!(
            http_url("ftp://example.org/x"),
            Err(FetchError::Scheme(_))
        ));
        assert!(matches!(http_url("not a url"), Err(FetchError::BadUrl(_))));
    }

    #[test]
    fn credentials_are_redacted() {
        let url = http_url("https://reader:s3cret@example.org/feed?x=1").unwrap();
        assert_eq!(redacted(&url), "https://example.org/feed?x=1");
        assert_eq!(
            redacted_text("https://reader:s3cret@example.org/"),
            "https://example.org/"
        );
        assert_eq!(redacted_text("reader:s3cret@host"), "host");
    }

    #[test]
    fn the_resolver_refuses_private_names_but_not_the_proxy() {
        let resolver = PublicResolver::default();
        let uri: Uri = "http://localhost:8080/feed".parse().unwrap();
        let direct = Config::builder().proxy(None).build();
        let refused = resolver.resolve(&uri, &direct, NextTimeout::default());
        assert!(refused.as_ref().is_err_and(is_refusal), "{refused:?}");
        let proxy = ureq::Proxy::new("http://localhost:3128").unwrap();
        let proxied = Config::builder().proxy(Some(proxy)).build();
        let proxy_uri = proxied.proxy().unwrap().uri();
        assert!(
            resolver
                .resolve(proxy_uri, &proxied, NextTimeout::default())
                .is_ok()
        );
    }

    #[test]
    fn literal_private_hosts_need_reach() {
        let url = http_url("http://127.0.0.1:8080/feed").unwrap();
        assert!(matches!(
            check_literal(&url, Reach::Public),
            Err(FetchError::NotPublic(_))
        ));
        assert!(check_literal(&url, Reach::Any).is_ok());
        assert_eq!(reach_of(&url), Reach::Any);
        let public = http_url("http://93.184.216.34/feed").unwrap();
        assert_eq!(reach_of(&public), Reach::Public);
    }
}
