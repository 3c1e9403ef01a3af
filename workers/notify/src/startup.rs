//! Wiring: PostgreSQL, SMTP, templates, the event consumers (order and payment mail, campaign
//! messages), the outbox relay, and the campaign and unsubscribe endpoints.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::events::{EventError, Events};
use menuskart_kit::outbox::Relay;
use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{RunningWorker, Worker};
use menuskart_schemas::subjects::events::{
    auth as auth_events, notify as notify_events, orders, payments,
};
use menuskart_schemas::subjects::notify;
use secrecy::ExposeSecret;

use crate::campaign_pace::CampaignPace;
use crate::handlers;
use crate::mailer::{MailError, Mailer};
use crate::recipients::Directory;
use crate::settings::Settings;
use crate::sms::SmsGateway;
use crate::state::NotifyState;
use crate::store::Store;
use crate::templates::Templates;
use crate::unsubscribe_link::UnsubscribeLinks;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("notification database: {0}")]
    Store(#[from] sqlx::Error),
    #[error("SMTP settings: {0}")]
    Mail(#[from] MailError),
    #[error("templates: {0}")]
    Templates(#[from] minijinja::Error),
    #[error("MK_UNSUBSCRIBE_SECRET: each secret must be at least {MIN_SECRET_BYTES} bytes")]
    WeakSecret,
    #[error("MK_PUBLIC_URL must be an absolute http(s) URL (not {0:?})")]
    PublicUrl(String),
    #[error(transparent)]
    Events(#[from] EventError),
    #[error(transparent)]
    Nats(#[from] menuskart_kit::nats::ConnectError),
    #[error(transparent)]
    Worker(#[from] menuskart_kit::worker::WorkerError),
}

/// The unsubscribe links' secret is a key: as long as an HMAC key should be.
const MIN_SECRET_BYTES: usize = 32;

pub struct Application {
    worker: RunningWorker,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let unsubscribe_secrets = settings.unsubscribe_secrets();
        if unsubscribe_secrets.is_empty()
            || unsubscribe_secrets
                .iter()
                .any(|s| s.expose_secret().len() < MIN_SECRET_BYTES)
        {
            return Err(StartupError::WeakSecret);
        }
        // Every promotional email links here: a typo would send dead links to everyone.
        let public_url = reqwest::Url::parse(&settings.public_url)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https") && url.has_host())
            .ok_or_else(|| StartupError::PublicUrl(settings.public_url.clone()))?;
        let store = Store::connect(
            settings.notify_database_url.expose_secret(),
            settings.db_max_connections,
        )
        .await?;
        let nats = menuskart_kit::nats::connect(&settings.worker.nats_url, "notify").await?;
        let events = Events::new(nats.clone());
        events
            .ensure_streams(
                &[
                    orders::STREAM,
                    payments::STREAM,
                    notify_events::STREAM,
                    auth_events::STREAM,
                ],
                settings.worker.js_replicas,
            )
            .await?;
        let state = Arc::new(NotifyState {
            relay: Relay::new(store.pool().clone(), events),
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
            concurrency: settings.notify_concurrency.max(1),
            unsubscribe: UnsubscribeLinks::new(unsubscribe_secrets, public_url.as_str()),
            campaign_pace: CampaignPace::new(settings.campaign_rate_per_sec),
            backoff: crate::consumers::backoff(&settings.notify_retry_delays_ms),
            public_url: public_url.clone(),
        });
        let mut worker = Worker::new(notify::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .with_state(state.clone())
            .endpoint(notify::CAMPAIGN_CREATE, handlers::campaign_create::handle)
            .endpoint(notify::CAMPAIGN_GET, handlers::campaign_get::handle)
            .endpoint(notify::UNSUBSCRIBE, handlers::unsubscribe::handle)
            .start(nats)
            .await?;
        worker.spawn_background("outbox relay", state.relay.clone().run());
        worker.spawn_background(
            "order events",
            crate::consumers::order_events(state.clone()),
        );
        worker.spawn_background(
            "payment events",
            crate::consumers::payment_events(state.clone()),
        );
        worker.spawn_background("account emails", crate::account_mail::run(state.clone()));
        worker.spawn_background("campaign messages", crate::campaign_sender::run(state));
        Ok(Self { worker })
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), menuskart_kit::worker::WorkerError> {
        // The consumers are cut off with it: an event being handled is redelivered, and
        // unpublished outbox rows stay pending.
        self.worker.run_until_stopped(shutdown).await
    }
}
