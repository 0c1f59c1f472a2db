//! The HTTP client: one ureq agent per [`Reach`], set up once for a whole fetch run.
//!
//! ureq (with rustls) speaks HTTP and decompresses gzip and brotli; the agents follow no
//! redirect themselves (see `redirect.rs`) and hand back every status as a response.
//! Proxies come from `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY`, with `NO_PROXY` honoured.

use std::time::Duration;

use ureq::Agent;
use ureq::config::Config;
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::DefaultConnector;

use super::address::{PublicResolver, Reach};
use super::politeness::HostSlots;

/// What sitrep says it is to the servers it fetches from.
pub const USER_AGENT: &str = concat!(
    "sitrep/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; fetches subscribed feeds)"
);

/// Limits of every request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientOptions {
    /// Longest wait for a connection (DNS, TCP and TLS).
    pub connect_timeout: Duration,
    /// Longest wait for the response head, and again for the whole body.
    pub read_timeout: Duration,
    /// Largest response body, after decompression.
    pub max_bytes: u64,
    /// Whether proxy variables of the environment are used.
    pub proxy_from_env: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            max_bytes: 16 * 1024 * 1024,
            proxy_from_env: true,
        }
    }
}

/// Agents for public-only and any-address fetches, and the per-host request slots.
pub struct Client {
    public: Agent,
    any: Agent,
    pub(super) slots: HostSlots,
    pub(super) options: ClientOptions,
}

impl Client {
    pub fn new(options: ClientOptions) -> Client {
        let config = config(&options);
        Client {
            public: Agent::with_parts(
                config.clone(),
                DefaultConnector::default(),
                PublicResolver::default(),
            ),
            any: Agent::with_parts(
                config,
                DefaultConnector::default(),
                DefaultResolver::default(),
            ),
            slots: HostSlots::default(),
            options,
        }
    }

    /// The agent allowed to connect where `reach` says.
    pub(super) fn agent(&self, reach: Reach) -> &Agent {
        match reach {
            Reach::Public => &self.public,
            Reach::Any => &self.any,
        }
    }
}

fn config(options: &ClientOptions) -> Config {
    let proxy = if options.proxy_from_env {
        ureq::Proxy::try_from_env()
    } else {
        None
    };
    Config::builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(USER_AGENT)
        .proxy(proxy)
        .timeout_connect(Some(options.connect_timeout))
        .timeout_recv_response(Some(options.read_timeout))
        .timeout_recv_body(Some(options.read_timeout))
        .build()
}
