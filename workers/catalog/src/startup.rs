//! Wiring: SurrealDB, the cache, and the endpoints handed to the kit.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::events::Events;
use menuskart_kit::{RunningWorker, Worker};
use menuskart_schemas::subjects::catalog;
use menuskart_schemas::subjects::events::inventory::STREAM;

use crate::cache::Cache;
use crate::handlers;
use crate::settings::Settings;
use crate::state::CatalogState;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("catalog database: {0}")]
    Store(#[from] StoreError),
    #[error("cache redis: {0}")]
    Cache(#[from] redis::RedisError),
    #[error(transparent)]
    Events(#[from] menuskart_kit::events::EventError),
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
        let store = Store::connect(&settings.surreal()).await?;
        let cache = Cache::connect(&settings.cache_redis_url, &settings.cache_key_prefix).await?;
        let nats = menuskart_kit::nats::connect(&settings.worker.nats_url, "catalog").await?;
        let state = Arc::new(CatalogState {
            store,
            cache,
            nats: nats.clone(),
            stock_timeout: Duration::from_millis(settings.stock_timeout_ms),
        });
        // The stream is the inventory's; declaring it too (idempotently) lets the catalog start
        // first.
        Events::new(nats.clone())
            .ensure_stream(STREAM, settings.worker.js_replicas)
            .await?;
        let stats_state = state.clone();
        let mut worker = Worker::new(catalog::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .stats(move || {
                let (hits, misses) = stats_state.cache.counts();
                serde_json::json!({"cache_hits": hits, "cache_misses": misses})
            })
            .with_state(state.clone())
            .endpoint(catalog::LIST, handlers::list::handle)
            .endpoint(catalog::ATTRIBUTES, handlers::attributes::handle)
            .endpoint(catalog::GET, handlers::get::handle)
            .endpoint(catalog::SEARCH, handlers::search::handle)
            .endpoint(catalog::CREATE, handlers::create::handle)
            .endpoint(catalog::UPDATE, handlers::update::handle)
            .endpoint(catalog::DELETE, handlers::delete::handle)
            .endpoint(catalog::CATEGORIES, handlers::categories::handle)
            .endpoint(catalog::CATEGORY_CREATE, handlers::category_create::handle)
            .endpoint(catalog::REVIEW_ADD, handlers::review_add::handle)
            .endpoint(catalog::REVIEWS, handlers::reviews::handle)
            .endpoint(catalog::GET_MANY, handlers::get_many::handle)
            .start(nats)
            .await?;
        worker.spawn_background("stock mirror", crate::stock_mirror::run(state));
        Ok(Self { worker })
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), menuskart_kit::worker::WorkerError> {
        // The stock mirror is cut off with it: an event being handled now is not acked, so
        // JetStream redelivers it.
        self.worker.run_until_stopped(shutdown).await
    }
}
