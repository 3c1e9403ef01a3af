//! The inventory worker as the kit runs it: Redis, the INVENTORY stream, the endpoints.

use std::sync::Arc;

use menuskart_kit::{Context, Declaration, Domain, Nats, StartupError};
use menuskart_schemas::subjects::events::inventory::STREAM;
use menuskart_schemas::subjects::{Service, inventory};
use secrecy::ExposeSecret;

use crate::handlers;
use crate::settings::Settings;
use crate::state::InventoryState;
use crate::store::Store;

pub struct Inventory;

impl Domain for Inventory {
    const SERVICE: Service = inventory::SERVICE;
    type Settings = Settings;
    type State = Arc<InventoryState>;

    async fn declare(
        settings: Settings,
        nats: Nats,
    ) -> Result<Declaration<Self::State>, StartupError> {
        let store = Store::connect(
            settings.stock_redis_url.expose_secret(),
            &settings.stock_key_prefix,
        )
        .await
        .context("stock redis")?;
        let state = Arc::new(InventoryState {
            store,
            events: nats.streams(&[STREAM]).await?,
            low_stock_threshold: settings.low_stock_threshold,
        });
        Ok(Declaration::new(state)
            .endpoint(inventory::GET, handlers::get::handle)
            .endpoint(inventory::UPDATE, handlers::update::handle)
            .endpoint(inventory::AUDIT, handlers::audit::handle)
            .endpoint(inventory::RESERVE, handlers::reserve::handle)
            .endpoint(inventory::RELEASE, handlers::release::handle)
            .endpoint(inventory::COMMIT, handlers::commit::handle))
    }
}
