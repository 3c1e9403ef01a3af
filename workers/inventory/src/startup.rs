//! Wiring: Redis, the INVENTORY stream, and the endpoints handed to the kit.

use std::future::Future;
use std::sync::Arc;

use menuskart_kit::events::{EventError, Events};
use menuskart_kit::{RunningWorker, Worker};
use menuskart_schemas::subjects::events::inventory::STREAM;
use menuskart_schemas::subjects::inventory;
use secrecy::ExposeSecret;

use crate::handlers;
use crate::settings::Settings;
use crate::state::InventoryState;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("stock redis: {0}")]
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
            settings.stock_redis_url.expose_secret(),
            &settings.stock_key_prefix,
        )
        .await?;
        let client = menuskart_kit::nats::connect(&settings.worker.nats_url, "inventory").await?;
        let events = Events::new(client.clone());
        events
            .ensure_stream(STREAM, settings.worker.js_replicas)
            .await?;
        let state = Arc::new(InventoryState {
            store,
            events,
            low_stock_threshold: settings.low_stock_threshold,
        });
        let worker = Worker::new(inventory::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .with_state(state)
            .endpoint(inventory::GET, handlers::get::handle)
            .endpoint(inventory::UPDATE, handlers::update::handle)
            .endpoint(inventory::RESERVE, handlers::reserve::handle)
            .endpoint(inventory::RELEASE, handlers::release::handle)
            .endpoint(inventory::COMMIT, handlers::commit::handle)
            .start(client)
            .await?;
        Ok(Self { worker })
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), menuskart_kit::worker::WorkerError> {
        self.worker.run_until_stopped(shutdown).await
    }
}
