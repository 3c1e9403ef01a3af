//! The order worker as the kit runs it: PostgreSQL, the ORDERS and PAYMENTS streams, the
//! endpoints, the consumers (payment outcomes, stock settling), the outbox relay and the
//! sweeper.

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::outbox::Relay;
use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{Context, Declaration, Domain, Nats, StartupError};
use menuskart_schemas::subjects::events::{orders as order_events, payments};
use menuskart_schemas::subjects::{Service, orders};

use crate::clients::Services;
use crate::live::Watches;
use crate::settings::Settings;
use crate::state::OrdersState;
use crate::store::Store;
use crate::{handlers, live, payment_events, stock_settler, sweeper};

pub struct Orders;

impl Domain for Orders {
    const SERVICE: Service = orders::SERVICE;
    type Settings = Settings;
    type State = Arc<OrdersState>;

    async fn declare(
        settings: Settings,
        nats: Nats,
    ) -> Result<Declaration<Self::State>, StartupError> {
        let store = Store::connect(&settings.postgres)
            .await
            .context("order database")?;
        let shop = store
            .shop(&settings.shop_currency, &settings.shop_timezone)
            .await
            .context("MK_SHOP_CURRENCY and MK_SHOP_TIMEZONE")?;
        // Ours, and the payments' (declared here too so either worker may start first).
        let events = nats
            .streams(&[order_events::STREAM, payments::STREAM])
            .await?;
        let state = Arc::new(OrdersState {
            relay: Relay::new(store.pool().clone(), events),
            store,
            watches: Watches::new(settings.order_max_watches),
            live_client: nats.client.clone(),
            services: Services::new(ServiceClient::new(
                nats.client,
                Duration::from_millis(settings.service_timeout_ms),
            )),
            payment_timeout: chrono::Duration::seconds(settings.order_payment_timeout_secs),
            payment_wait_max: chrono::Duration::seconds(settings.order_payment_wait_max_secs),
            max_unpaid: settings.order_max_unpaid,
            shop,
        });
        let every = Duration::from_millis(settings.order_sweep_interval_ms);
        Ok(Declaration::new(state)
            .endpoint(orders::PLACE, handlers::place::handle)
            .endpoint(orders::DELIVERY_METHODS, handlers::delivery_methods::handle)
            .endpoint(orders::AUDIT, handlers::audit::handle)
            .endpoint(
                orders::DELIVERY_METHOD_CREATE,
                handlers::delivery_method_create::handle,
            )
            .endpoint(
                orders::DELIVERY_METHOD_UPDATE,
                handlers::delivery_method_update::handle,
            )
            .endpoint(orders::GET, handlers::get::handle)
            .endpoint(orders::BY_USER, handlers::by_user::handle)
            .endpoint(orders::LIST, handlers::list::handle)
            .endpoint(orders::EXPORT, handlers::export::handle)
            .endpoint(orders::PURCHASED, handlers::purchased::handle)
            .endpoint(orders::OVERVIEW, handlers::overview::handle)
            .endpoint(orders::CANCEL, handlers::cancel::handle)
            .endpoint(orders::SET_STATUS, handlers::set_status::handle)
            .endpoint(orders::LOOKUP, handlers::lookup::handle)
            .endpoint(orders::AWAITING_PAYMENT, handlers::awaiting_payment::handle)
            .endpoint(orders::WATCH, handlers::watch::handle)
            .consume(payment_events::SUBSCRIPTION, payment_events::handle)
            .consume(stock_settler::SUBSCRIPTION, stock_settler::handle)
            .outbox(&settings.outbox, |state| state.relay.clone())
            .background("sweeper", move |state, stop| {
                sweeper::run(state, every, stop)
            })
            .background("live status", live::forward::run))
    }
}
