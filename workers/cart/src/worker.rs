//! The cart worker as the kit runs it: SurrealDB, the catalog client, the endpoints.

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{Context, Declaration, Domain, Nats, StartupError};
use menuskart_schemas::subjects::{Service, cart};

use crate::catalog_client::CatalogClient;
use crate::domain::{Limits, ShopDefaults};
use crate::handlers;
use crate::settings::Settings;
use crate::state::CartState;
use crate::store::Store;
use menuskart_schemas::money::Currency;

pub struct Cart;

impl Domain for Cart {
    const SERVICE: Service = cart::SERVICE;
    type Settings = Settings;
    type State = Arc<CartState>;

    async fn declare(
        settings: Settings,
        nats: Nats,
    ) -> Result<Declaration<Self::State>, StartupError> {
        let shop = ShopDefaults {
            currency: Currency::parse(&settings.shop_currency)
                .map_err(|e| StartupError::setting(format!("MK_SHOP_CURRENCY: {e}")))?,
            prices_include_tax: settings.prices_include_tax,
        };
        let state = Arc::new(CartState {
            store: Store::connect(&settings.surreal)
                .await
                .context("cart database")?,
            catalog: CatalogClient::new(ServiceClient::new(
                nats.client,
                Duration::from_millis(settings.catalog_timeout_ms),
            )),
            shop,
            limits: Limits {
                max_quantity: settings.cart_max_quantity,
                max_lines: settings.cart_max_lines,
            },
        });
        Ok(Declaration::new(state)
            .endpoint(cart::GET, handlers::get::handle)
            .endpoint(cart::ADD, handlers::add::handle)
            .endpoint(cart::SET_QUANTITY, handlers::set_quantity::handle)
            .endpoint(cart::REMOVE, handlers::remove::handle)
            .endpoint(cart::CLEAR, handlers::clear::handle)
            .endpoint(cart::MERGE, handlers::merge::handle))
    }
}
