//! The NATS connection.
//!
//! async-nats reconnects by itself; we only make it never give up, name the connection (so the
//! server's monitoring shows which process it is) and log state changes.
//!
//! Who the connection is: every component has its own NATS user, an NKey whose seed it holds
//! (`MK_<COMPONENT>_NATS_SEED`) and whose public key the server's `nats/permissions.conf`
//! grants exactly what the component needs. Replies to a component's requests come to its own
//! inbox prefix ([`inbox_prefix`]), which only it may subscribe to: nobody else can read the
//! answers it gets.

use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// Where NATS is and who we are on it: one type, flattened into every binary's settings.
#[derive(Debug, Clone, Deserialize)]
pub struct NatsSettings {
    /// `MK_NATS_URL`; comma-separated for a cluster. `tls://` URLs require TLS.
    #[serde(default = "crate::settings::default_nats_url")]
    pub nats_url: String,
    /// `MK_<COMPONENT>_NATS_SEED`: the seed of the component's NATS user (an NKey). Unset
    /// connects anonymously, which a server with our permissions refuses.
    #[serde(default)]
    pub nats_seed: Option<SecretString>,
    /// `MK_NATS_TLS_CA`: a PEM file of the CA that signed the servers' certificates; set, the
    /// connection requires TLS and trusts that CA (besides the system's).
    #[serde(default)]
    pub nats_tls_ca: Option<PathBuf>,
}

impl NatsSettings {
    /// The server at `url`, anonymously and without TLS (add a seed with [`Self::with_seed`]).
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            nats_url: url.into(),
            nats_seed: None,
            nats_tls_ca: None,
        }
    }

    pub fn with_seed(mut self, seed: SecretString) -> Self {
        self.nats_seed = Some(seed);
        self
    }

    pub fn with_tls_ca(mut self, ca: impl Into<PathBuf>) -> Self {
        self.nats_tls_ca = Some(ca.into());
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("cannot connect to NATS at {url}: {source}")]
    Connect {
        url: String,
        #[source]
        source: async_nats::ConnectError,
    },
    /// The seed is not an NKey seed (caught before connecting: the server would only say
    /// "authorization violation").
    #[error("the NATS seed of {name} is not a valid NKey seed")]
    InvalidSeed { name: String },
}

/// Every component with a NATS user of its own (`nats/permissions.conf`): the edge, the
/// workers, and `ops` for the operator tools.
pub const COMPONENTS: &[&str] = &[
    "jetstream",
    "edge",
    "auth",
    "catalog",
    "inventory",
    "cart",
    "orders",
    "payments",
    "notify",
    "ops",
];

/// The part of JetStream's API a component's account imports (its durables, the streams it
/// reads; for the operators the read-only API), seen under
/// `menuskart_schemas::components::JS_API_PREFIX`.
pub fn jetstream(client: async_nats::Client) -> async_nats::jetstream::Context {
    async_nats::jetstream::with_prefix(client, menuskart_schemas::components::JS_API_PREFIX)
}

/// The inbox prefix of component `name`: its replies arrive under `<prefix>.>`, the only inbox
/// subjects its NATS user may subscribe to.
pub fn inbox_prefix(name: &str) -> String {
    format!("_INBOX_{name}")
}

/// Connects to the server(s) of `settings` as component `name`: authenticated with its NKey
/// seed when there is one (a server with `nats/permissions.conf` refuses a connection without),
/// over TLS when a CA is given or the URL says `tls://`.
pub async fn connect(
    settings: &NatsSettings,
    name: &str,
) -> Result<async_nats::Client, ConnectError> {
    let url = settings.nats_url.as_str();
    let servers: Vec<async_nats::ServerAddr> = url
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let mut options = async_nats::ConnectOptions::new()
        .name(name)
        .custom_inbox_prefix(inbox_prefix(name))
        .max_reconnects(None)
        .connection_timeout(Duration::from_secs(5))
        // The edge multiplexes many requests over one connection: a larger buffer keeps bursts
        // from blocking (field notes: client_capacity).
        .client_capacity(8192)
        .event_callback(|event| async move {
            match event {
                async_nats::Event::Connected => tracing::info!("nats connected"),
                async_nats::Event::Disconnected => tracing::warn!("nats disconnected"),
                // A permission violation names the subject: the grant that is missing.
                async_nats::Event::ServerError(error) => {
                    tracing::error!(%error, "nats server error")
                }
                other => tracing::info!(event = %other, "nats event"),
            }
        });
    if settings.nats_tls_ca.is_some() || url.contains("tls://") {
        install_crypto_provider();
    }
    if let Some(ca) = &settings.nats_tls_ca {
        options = options.require_tls(true).add_root_certificates(ca.clone());
    }
    if let Some(seed) = &settings.nats_seed {
        let seed = seed.expose_secret();
        if nkeys::KeyPair::from_seed(seed).is_err() {
            return Err(ConnectError::InvalidSeed {
                name: name.to_owned(),
            });
        }
        options = options.nkey(seed.to_owned());
    }
    options
        .connect(servers)
        .await
        .map_err(|source| ConnectError::Connect {
            url: url.to_owned(),
            source,
        })
}

/// rustls needs one process-wide crypto provider, and our dependencies compile in two (async-nats
/// brings ring; another crate aws-lc-rs), so rustls cannot choose by itself and panics at the
/// first TLS handshake. Ring it is, once; a provider installed before stays.
fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// A new NKey user: its seed (secret, for the component) and its public key (for the server's
/// `MK_NATS_<COMPONENT>_NKEY`).
pub fn new_user_key() -> (SecretString, String) {
    let pair = nkeys::KeyPair::new_user();
    let seed = pair.seed().expect("a generated key pair has its seed");
    (SecretString::from(seed), pair.public_key())
}

/// The public key of an NKey seed.
pub fn public_key(seed: &SecretString) -> Option<String> {
    nkeys::KeyPair::from_seed(seed.expose_secret())
        .ok()
        .map(|pair| pair.public_key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_key_is_a_user_seed_and_its_public_key() {
        let (seed, public) = new_user_key();
        assert!(seed.expose_secret().starts_with("SU"));
        assert!(public.starts_with('U'));
        assert_eq!(public_key(&seed).as_deref(), Some(public.as_str()));
        assert_eq!(public_key(&SecretString::from("not a seed")), None);
    }
}
