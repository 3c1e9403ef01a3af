//! The catalog worker as the kit runs it: SurrealDB, the cache, the endpoints, and the stock
//! mirror fed by the inventory's events.

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{Context, Declaration, Domain, Nats, StartupError};
use menuskart_schemas::subjects::events::inventory::STREAM;
use menuskart_schemas::subjects::{Service, catalog};

use crate::cache::Cache;
use crate::domain::{Currency, TaxRates};
use crate::handlers;
use crate::settings::Settings;
use crate::state::{CatalogState, Pricing};
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
        let pricing = pricing(&settings)?;
        let store = Store::connect(&settings.surreal)
            .await
            .context("catalog database")?;
        one_currency(&store, pricing.currency).await?;
        let cache = Cache::connect(&settings.cache_redis_url, &settings.cache_key_prefix)
            .await
            .context("cache redis")?;
        // Cached products carry the tax settings of the worker that cached them; a start with
        // other settings must not serve those.
        if let Err(error) = cache.invalidate().await {
            tracing::warn!(%error, "cache not invalidated at start-up");
        }
        let state = Arc::new(CatalogState {
            store,
            cache,
            pricing,
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
            .endpoint(catalog::AUDIT, handlers::audit::handle)
            .endpoint(catalog::DELETE, handlers::delete::handle)
            .endpoint(catalog::CATEGORIES, handlers::categories::handle)
            .endpoint(catalog::CATEGORY_CREATE, handlers::category_create::handle)
            .endpoint(catalog::CATEGORY_UPDATE, handlers::category_update::handle)
            .endpoint(catalog::CATEGORY_DELETE, handlers::category_delete::handle)
            .endpoint(catalog::SHOP, handlers::shop::handle)
            .endpoint(catalog::SITEMAP, handlers::sitemap::handle)
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

/// The pricing settings, checked.
fn pricing(settings: &Settings) -> Result<Pricing, StartupError> {
    Ok(Pricing {
        currency: Currency::parse(&settings.shop_currency)
            .map_err(|e| StartupError::setting(format!("MK_SHOP_CURRENCY: {e}")))?,
        prices_include_tax: settings.prices_include_tax,
        rates: TaxRates::parse(settings.tax_default_bp, &settings.tax_rates)
            .map_err(|e| StartupError::setting(format!("MK_TAX_RATES / MK_TAX_DEFAULT_BP: {e}")))?,
    })
}

/// Refuses to start when products are priced in another currency than the shop's: their
/// baskets could not be paid in one currency. The message names them, so the owner can fix
/// them (or the setting).
async fn one_currency(store: &Store, currency: Currency) -> Result<(), StartupError> {
    let (count, slugs) = store
        .priced_in_other_currencies(currency.as_str())
        .await
        .context("catalog database")?;
    if count == 0 {
        return Ok(());
    }
    Err(StartupError::setting(format!(
        "MK_SHOP_CURRENCY is {currency}, but {count} product(s) are priced in another currency \
         (e.g. {}): change their prices to {currency}, or set MK_SHOP_CURRENCY to theirs",
        slugs.join(", ")
    )))
}
