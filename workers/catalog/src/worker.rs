//! The catalog worker as the kit runs it: SurrealDB, the cache, the endpoints, and the stock
//! mirror fed by the inventory's events.

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{Context, Declaration, Domain, Nats, StartupError};
use menuskart_schemas::subjects::events::inventory::STREAM;
use menuskart_schemas::subjects::{Service, catalog};

use crate::cache::Cache;
use crate::handlers;
use crate::settings::Settings;
use crate::state::CatalogState;
use crate::store::Store;

pub struct Catalog;

impl Domain for Catalog {
    const SERVICE: Service = catalog::SERVICE;
    type Settings = Settings;
    type State = Arc<CatalogState>;

    async fn declare(
        settings: Settings,
        nats: Nats,
    ) -> Result<Declaration<Self::State>, StartupError> {
        // The stream is the inventory's; declaring it too (idempotently) lets the catalog start
        // first.
        nats.streams(&[STREAM]).await?;
        let state = Arc::new(CatalogState {
            store: Store::connect(&settings.surreal)
                .await
                .context("catalog database")?,
            cache: Cache::connect(&settings.cache_redis_url, &settings.cache_key_prefix)
                .await
                .context("cache redis")?,
            services: ServiceClient::new(
                nats.client,
                Duration::from_millis(settings.stock_timeout_ms),
            ),
        });
        Ok(Declaration::new(state)
            .stats(|state| {
                let (hits, misses) = state.cache.counts();
                serde_json::json!({"cache_hits": hits, "cache_misses": misses})
            })
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
            .endpoint(catalog::REVIEW_DELETE, handlers::review_delete::handle)
            .endpoint(catalog::GET_MANY, handlers::get_many::handle)
            .consume(
                crate::stock_mirror::SUBSCRIPTION,
                crate::stock_mirror::handle,
            ))
    }
}
