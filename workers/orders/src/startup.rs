//! Wiring: PostgreSQL, the ORDERS and PAYMENTS streams, the background tasks (outbox relay,
//! payment consumer, stock settler, sweeper) and the endpoints handed to the kit.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::events::{EventError, Events};
use menuskart_kit::outbox::Relay;
use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{RunningWorker, Worker};
use menuskart_schemas::subjects::events::{orders as order_events, payments};
use menuskart_schemas::subjects::orders;
use secrecy::ExposeSecret;

use crate::clients::Services;
use crate::handlers;
use crate::settings::Settings;
use crate::state::OrdersState;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("order database: {0}")]
    Store(#[from] StoreError),
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
            settings.orders_database_url.expose_secret(),
            settings.db_max_connections,
        )
        .await?;
        let nats = menuskart_kit::nats::connect(&settings.worker.nats_url, "orders").await?;
        let events = Events::new(nats.clone());
        // Ours, and the payments' (declared here too so either worker may start first).
        events
            .ensure_streams(
                &[order_events::STREAM, payments::STREAM],
                settings.worker.js_replicas,
            )
            .await?;
        let state = Arc::new(OrdersState {
            relay: Relay::new(store.pool().clone(), events),
            store,
            nats: nats.clone(),
            services: Services::new(ServiceClient::new(
                nats.clone(),
                Duration::from_millis(settings.service_timeout_ms),
            )),
            payment_timeout: chrono::Duration::seconds(settings.order_payment_timeout_secs),
        });
        let mut worker = Worker::new(orders::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .with_state(state.clone())
            .endpoint(orders::PLACE, handlers::place::handle)
            .endpoint(orders::GET, handlers::get::handle)
            .endpoint(orders::BY_USER, handlers::by_user::handle)
            .endpoint(orders::LIST, handlers::list::handle)
            .endpoint(orders::CANCEL, handlers::cancel::handle)
            .endpoint(orders::SET_STATUS, handlers::set_status::handle)
            .start(nats)
            .await?;
        if settings.outbox_relay {
            worker.spawn_background("outbox relay", state.relay.clone().run());
        }
        worker.spawn_background("payment events", crate::payment_events::run(state.clone()));
        worker.spawn_background("stock settler", crate::stock_settler::run(state.clone()));
        let every = Duration::from_millis(settings.order_sweep_interval_ms);
        worker.spawn_background("sweeper", crate::sweeper::run(state, every));
        Ok(Self { worker })
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), menuskart_kit::worker::WorkerError> {
        // Background work is cut off with it: unacked events are redelivered, unpublished outbox
        // rows stay pending, a half-swept order is swept again.
        self.worker.run_until_stopped(shutdown).await
    }
}
