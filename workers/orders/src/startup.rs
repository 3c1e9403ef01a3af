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
use tokio::task::JoinHandle;

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
    tasks: Vec<JoinHandle<()>>,
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
        for stream in [order_events::STREAM, payments::STREAM] {
            events
                .ensure_stream(stream, settings.worker.js_replicas)
                .await?;
        }
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
        let mut tasks = Vec::new();
        if settings.outbox_relay {
            tasks.push(tokio::spawn(state.relay.clone().run()));
        }
        let consumer_state = state.clone();
        tasks.push(tokio::spawn(async move {
            if let Err(error) = crate::payment_events::run(consumer_state).await {
                tracing::error!(%error, "payment consumer stopped");
            }
        }));
        let settler_state = state.clone();
        tasks.push(tokio::spawn(async move {
            if let Err(error) = crate::stock_settler::run(settler_state).await {
                tracing::error!(%error, "stock settler stopped");
            }
        }));
        tasks.push(tokio::spawn(crate::sweeper::run(
            state.clone(),
            Duration::from_millis(settings.order_sweep_interval_ms),
        )));
        let worker = Worker::new(orders::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .with_state(state)
            .endpoint(orders::PLACE, handlers::place::handle)
            .endpoint(orders::GET, handlers::get::handle)
            .endpoint(orders::BY_USER, handlers::by_user::handle)
            .endpoint(orders::CANCEL, handlers::cancel::handle)
            .endpoint(orders::SET_STATUS, handlers::set_status::handle)
            .start(nats)
            .await?;
        Ok(Self { worker, tasks })
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), menuskart_kit::worker::WorkerError> {
        let result = self.worker.run_until_stopped(shutdown).await;
        // Whatever a task was doing is safe to cut: unacked events are redelivered, unpublished
        // outbox rows stay pending, a half-swept order is swept again.
        for task in self.tasks {
            task.abort();
        }
        result
    }
}
