//! What the operator tools (`mk-micro`, `mk-dead-letters`, `mk-seed`) share: they reach NATS as
//! the operators' user, whose grants (`nats/permissions.conf`, account `OPS`) cover the service
//! API, reading JetStream state, the dead letters and seeding the catalog.
//!
//! The operators' account has no JetStream of its own: it imports the read-only part of the
//! platform's JetStream API under [`JS_API_PREFIX`], so an operator reaches it through
//! [`jetstream`], and a reply an operator aims at `$JS.API.…` reaches nothing.

use async_nats::jetstream;

use crate::nats::NatsSettings;
use crate::startup_error::StartupError;

/// `--server`, for a tool's `clap` arguments (`#[command(flatten)]`); the rest of the
/// connection (the operators' seed `MK_OPS_NATS_SEED`, `MK_NATS_TLS_CA`) comes from the
/// environment like any component's: a seed on the command line would show in every process
/// listing.
#[derive(Debug, clap::Args)]
pub struct OpsConnection {
    /// NATS server URL.
    #[arg(long, env = "MK_NATS_URL", default_value = "nats://127.0.0.1:14222")]
    pub server: String,
}

impl OpsConnection {
    /// The operators' name on NATS: their connections' name and inbox prefix.
    pub const NAME: &'static str = "ops";

    pub async fn connect(&self) -> Result<async_nats::Client, StartupError> {
        let mut settings: NatsSettings = crate::settings::load_for(Self::NAME)?;
        settings.nats_url = self.server.clone();
        Ok(crate::nats::connect(&settings, Self::NAME).await?)
    }
}

/// Where the operators' account sees the platform's JetStream API (imported read-only).
pub const JS_API_PREFIX: &str = menuskart_schemas::components::JS_API_PREFIX;

/// The platform's JetStream, as the operators reach it.
pub fn jetstream(client: async_nats::Client) -> jetstream::Context {
    crate::nats::jetstream(client)
}
