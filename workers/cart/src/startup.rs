//! Wiring: SurrealDB, the catalog client, and the endpoints handed to the kit.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{RunningWorker, Worker};
use menuskart_schemas::subjects::cart;

use crate::catalog_client::CatalogClient;
use crate::domain::tax::TaxRatesError;
use crate::domain::{Limits, TaxRates};
use crate::handlers;
use crate::settings::Settings;
use crate::state::CartState;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cart database: {0}")]
    Store(#[from] StoreError),
    #[error("MK_TAX_RATES / MK_TAX_DEFAULT_BP: {0}")]
    Tax(#[from] TaxRatesError),
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
        let tax = TaxRates::parse(settings.tax_default_bp, &settings.tax_rates)?;
        let store = Store::connect(&settings.surreal()).await?;
        let nats = menuskart_kit::nats::connect(&settings.worker.nats_url, "cart").await?;
        let state = Arc::new(CartState {
            store,
            catalog: CatalogClient::new(ServiceClient::new(
                nats.clone(),
                Duration::from_millis(settings.catalog_timeout_ms),
            )),
            tax,
            limits: Limits {
                max_quantity: settings.cart_max_quantity,
                max_lines: settings.cart_max_lines,
            },
        });
        let worker = Worker::new(cart::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .with_state(state)
            .endpoint(cart::GET, handlers::get::handle)
            .endpoint(cart::ADD, handlers::add::handle)
            .endpoint(cart::SET_QUANTITY, handlers::set_quantity::handle)
            .endpoint(cart::REMOVE, handlers::remove::handle)
            .endpoint(cart::CLEAR, handlers::clear::handle)
            .endpoint(cart::MERGE, handlers::merge::handle)
            .start(nats)
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
