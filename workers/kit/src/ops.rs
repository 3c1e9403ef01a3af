//! What the operator tools (`mk-micro`, `mk-dead-letters`, `mk-seed`, `mk-nkey`) share: they
//! reach NATS as the operators' user, whose grants (`nats/permissions.conf`, `OPS`) cover the
//! service API, reading JetStream state, the dead letters and seeding the catalog.

use secrecy::SecretString;

/// `--server` and the operators' NKey seed, for a tool's `clap` arguments (`#[command(flatten)]`).
#[derive(Debug, clap::Args)]
pub struct OpsConnection {
    /// NATS server URL.
    #[arg(long, env = "MK_NATS_URL", default_value = "nats://127.0.0.1:14222")]
    pub server: String,
    /// The seed of the operators' NATS user. From the environment only: a seed on the command
    /// line would show in every process listing.
    #[arg(skip = std::env::var("MK_OPS_NATS_SEED").ok().map(SecretString::from))]
    seed: Option<SecretString>,
}

impl OpsConnection {
    /// The operators' name on NATS: their connections' name and inbox prefix.
    pub const NAME: &'static str = "ops";

    pub async fn connect(&self) -> Result<async_nats::Client, crate::nats::ConnectError> {
        let mut settings = crate::nats::NatsSettings::new(&self.server);
        settings.nats_seed = self.seed.clone();
        settings.nats_tls_ca = std::env::var_os("MK_NATS_TLS_CA").map(Into::into);
        crate::nats::connect(&settings, Self::NAME).await
    }
}
