//! Wiring: PostgreSQL, SMTP, templates, and the two event consumers. The worker registers with
//! the service API like every pool (so `mk-micro ls` shows it) but has no request endpoints:
//! its work arrives as events.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::events::{EventError, Events};
use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{RunningWorker, Worker};
use menuskart_schemas::subjects::events::{orders, payments};
use menuskart_schemas::subjects::notify;
use secrecy::ExposeSecret;

use crate::mailer::{MailError, Mailer};
use crate::recipients::Directory;
use crate::settings::Settings;
use crate::sms::SmsGateway;
use crate::state::NotifyState;
use crate::store::Store;
use crate::templates::Templates;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("notification database: {0}")]
    Store(#[from] sqlx::Error),
    #[error("SMTP settings: {0}")]
    Mail(#[from] MailError),
    #[error("templates: {0}")]
    Templates(#[from] minijinja::Error),
    #[error(transparent)]
    Events(#[from] EventError),
    #[error(transparent)]
    Nats(#[from] menuskart_kit::nats::ConnectError),
    #[error(transparent)]
    Worker(#[from] menuskart_kit::worker::WorkerError),
}

pub struct Application {
    worker: RunningWorker,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let store = Store::connect(
            settings.notify_database_url.expose_secret(),
            settings.db_max_connections,
        )
        .await?;
        let nats = menuskart_kit::nats::connect(&settings.worker.nats_url, "notify").await?;
        let events = Events::new(nats.clone());
        events
            .ensure_streams(
                &[orders::STREAM, payments::STREAM],
                settings.worker.js_replicas,
            )
            .await?;
        let state = Arc::new(NotifyState {
            store,
            nats: nats.clone(),
            directory: Directory::new(ServiceClient::new(
                nats.clone(),
                Duration::from_millis(settings.service_timeout_ms),
            )),
            templates: Templates::new()?,
            mailer: Mailer::new(&settings.smtp())?,
            sms: settings.sms().map(SmsGateway::new),
            shop_name: settings.shop_name.clone(),
            max_deliver: settings.notify_max_deliver.max(1),
            backoff: crate::consumers::backoff(&settings.notify_retry_delays_ms),
        });
        let mut worker = Worker::new(notify::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .start(nats)
            .await?;
        worker.spawn_background(
            "order events",
            crate::consumers::order_events(state.clone()),
        );
        worker.spawn_background("payment events", crate::consumers::payment_events(state));
        Ok(Self { worker })
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), menuskart_kit::worker::WorkerError> {
        // The consumers are cut off with it: an event being handled is redelivered.
        self.worker.run_until_stopped(shutdown).await
    }
}
