//! Why a worker did not start: one error type for every worker's start-up.
//!
//! What the kit does itself (settings, NATS, streams, the service API) has its own variant. What
//! a worker brings (its database, a cache, an SMTP relay, its own checks of its settings) is
//! either [`StartupError::Setting`], a setting that makes no sense, or
//! [`StartupError::Dependency`], something it needs that failed, named with
//! [`Context::context`]: `Store::connect(..).await.context("order database")?`.

/// The error a worker's start-up ends with; `main` prints it and exits non-zero.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Settings(#[from] crate::settings::SettingsError),
    #[error("telemetry: {0}")]
    Telemetry(#[from] crate::telemetry::TelemetryError),
    #[error("cannot start the async runtime: {0}")]
    Runtime(std::io::Error),
    #[error(transparent)]
    Nats(#[from] crate::nats::ConnectError),
    #[error(transparent)]
    Events(#[from] crate::events::EventError),
    #[error(transparent)]
    Worker(#[from] crate::worker::WorkerError),
    /// A setting that makes no sense, in words that name it (`MK_TAX_RATES: ...`).
    #[error("{0}")]
    Setting(String),
    /// Something the worker needs that failed: `what` names it ("order database").
    #[error("{what}: {source}")]
    Dependency {
        what: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl StartupError {
    pub fn setting(message: impl Into<String>) -> Self {
        Self::Setting(message.into())
    }
}

/// Names what failed: `.context("cache redis")` turns any error into
/// [`StartupError::Dependency`].
pub trait Context<T> {
    fn context(self, what: &'static str) -> Result<T, StartupError>;
}

impl<T, E: std::error::Error + Send + Sync + 'static> Context<T> for Result<T, E> {
    fn context(self, what: &'static str) -> Result<T, StartupError> {
        self.map_err(|error| StartupError::Dependency {
            what,
            source: Box::new(error),
        })
    }
}
