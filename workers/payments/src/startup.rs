//! Wiring: PostgreSQL, the provider, the PAYMENTS and ORDERS streams, the outbox relay and the
//! refund consumer, and the endpoints handed to the kit.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::events::{EventError, Events};
use menuskart_kit::outbox::Relay;
use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{RunningWorker, Worker};
use menuskart_schemas::subjects::events::{orders as order_events, payments as payment_events};
use menuskart_schemas::subjects::payments;
use secrecy::{ExposeSecret, SecretString};

use crate::handlers;
use crate::orders_client::OrdersClient;
use crate::provider::PaymentProvider;
use crate::provider::sandbox::Sandbox;
use crate::provider::stripe::Stripe;
use crate::settings::Settings;
use crate::signature::WebhookVerifier;
use crate::state::PaymentsState;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("payment database: {0}")]
    Store(#[from] StoreError),
    #[error("MK_PAYMENTS_PROVIDER: {0}")]
    Provider(String),
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

fn provider(settings: &Settings) -> Result<Arc<dyn PaymentProvider>, StartupError> {
    match settings.payments_provider.as_str() {
        "sandbox" => Ok(Arc::new(Sandbox)),
        "stripe" => {
            let key = settings
                .stripe_secret_key
                .clone()
                .filter(|key| !key.expose_secret().is_empty())
                .ok_or_else(|| {
                    StartupError::Provider("the stripe provider needs MK_STRIPE_SECRET_KEY".into())
                })?;
            Ok(Arc::new(Stripe::new(
                &settings.stripe_api_base,
                key,
                Duration::from_millis(settings.provider_timeout_ms),
            )))
        }
        other => Err(StartupError::Provider(format!(
            "unknown provider {other:?} (sandbox or stripe)"
        ))),
    }
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let provider = provider(&settings)?;
        let secrets: Vec<SecretString> = settings
            .payments_webhook_secrets
            .expose_secret()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| SecretString::from(s.to_owned()))
            .collect();
        if secrets.is_empty() {
            return Err(StartupError::Provider(
                "MK_PAYMENTS_WEBHOOK_SECRETS is empty".into(),
            ));
        }
        let store = Store::connect(
            settings.payments_database_url.expose_secret(),
            settings.db_max_connections,
        )
        .await?;
        let nats = menuskart_kit::nats::connect(&settings.worker.nats_url, "payments").await?;
        let events = Events::new(nats.clone());
        // Ours, and the orders' (whose `cancelled` events we consume).
        events
            .ensure_streams(
                &[payment_events::STREAM, order_events::STREAM],
                settings.worker.js_replicas,
            )
            .await?;
        let state = Arc::new(PaymentsState {
            relay: Relay::new(store.pool().clone(), events),
            store,
            nats: nats.clone(),
            provider,
            orders: OrdersClient::new(ServiceClient::new(
                nats.clone(),
                Duration::from_millis(settings.service_timeout_ms),
            )),
            webhooks: WebhookVerifier::new(secrets, settings.webhook_tolerance_secs),
        });
        let mut worker = Worker::new(payments::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .with_state(state.clone())
            .endpoint(payments::CHARGE, handlers::charge::handle)
            .endpoint(payments::GET, handlers::get::handle)
            .endpoint(payments::BY_ORDER, handlers::by_order::handle)
            .endpoint(payments::REFUND, handlers::refund::handle)
            .endpoint(payments::WEBHOOK, handlers::webhook::handle)
            .start(nats)
            .await?;
        if settings.outbox_relay {
            worker.spawn_background("outbox relay", state.relay.clone().run());
        }
        worker.spawn_background("refund consumer", crate::refund_on_cancel::run(state));
        Ok(Self { worker })
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), menuskart_kit::worker::WorkerError> {
        // Background work is cut off with it: unacked events are redelivered, unpublished outbox
        // rows stay pending.
        self.worker.run_until_stopped(shutdown).await
    }
}
