//! The payment worker as the kit runs it: PostgreSQL, the provider, the PAYMENTS and ORDERS
//! streams, the endpoints, the outbox relay and the refund consumer.

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::outbox::Relay;
use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::settings::Environment;
use menuskart_kit::{Context, Declaration, Domain, Nats, StartupError};
use menuskart_schemas::subjects::events::{orders as order_events, payments as payment_events};
use menuskart_schemas::subjects::{Service, payments};
use secrecy::{ExposeSecret, SecretString};

use crate::handlers;
use crate::orders_client::OrdersClient;
use crate::provider::PaymentProvider;
use crate::provider::sandbox::Sandbox;
use crate::provider::stripe::Stripe;
use crate::reconciler;
use crate::refund_on_cancel;
use crate::settings::Settings;
use crate::signature::WebhookVerifier;
use crate::state::PaymentsState;
use crate::store::Store;

pub struct Payments;

impl Domain for Payments {
    const SERVICE: Service = payments::SERVICE;
    type Settings = Settings;
    type State = Arc<PaymentsState>;

    async fn declare(
        settings: Settings,
        nats: Nats,
    ) -> Result<Declaration<Self::State>, StartupError> {
        let provider = provider(&settings)?;
        let reconcile_every = Duration::from_secs(settings.payments_reconcile_secs.max(1));
        let stale_after = Duration::from_secs(settings.payments_stale_after_secs);
        let secrets = webhook_secrets(&settings)?;
        let store = Store::connect(&settings.postgres)
            .await
            .context("payment database")?;
        // Ours, and the orders' (whose `cancelled` events we consume).
        let events = nats
            .streams(&[payment_events::STREAM, order_events::STREAM])
            .await?;
        let state = Arc::new(PaymentsState {
            relay: Relay::new(store.pool().clone(), events),
            store,
            provider,
            orders: OrdersClient::new(ServiceClient::new(
                nats.client,
                Duration::from_millis(settings.service_timeout_ms),
            )),
            webhooks: WebhookVerifier::new(secrets, settings.webhook_tolerance_secs),
        });
        Ok(Declaration::new(state)
            .endpoint(payments::CHARGE, handlers::charge::handle)
            .endpoint(payments::GET, handlers::get::handle)
            .endpoint(payments::BY_ORDER, handlers::by_order::handle)
            .endpoint(payments::REFUND, handlers::refund::handle)
            .endpoint(payments::AUDIT, handlers::audit::handle)
            .endpoint(payments::WEBHOOK, handlers::webhook::handle)
            .outbox(&settings.outbox, |state| state.relay.clone())
            .consume(refund_on_cancel::SUBSCRIPTION, refund_on_cancel::handle)
            .background("reconciler", move |state, stop| {
                reconciler::run(state, reconcile_every, stale_after, stop)
            }))
    }
}

fn provider(settings: &Settings) -> Result<Arc<dyn PaymentProvider>, StartupError> {
    match settings.payments_provider.as_str() {
        // Every charge would "succeed" without moving money: never where the shop is real.
        "sandbox" if settings.environment == Environment::Production => Err(StartupError::setting(
            "MK_PAYMENTS_PROVIDER=sandbox moves no money and is refused with \
                 MK_ENVIRONMENT=production; set the real provider (stripe)",
        )),
        "sandbox" => Ok(Arc::new(Sandbox)),
        "stripe" => {
            let key = settings
                .stripe_secret_key
                .clone()
                .filter(|key| !key.expose_secret().is_empty())
                .ok_or_else(|| {
                    StartupError::setting(
                        "MK_PAYMENTS_PROVIDER: the stripe provider needs MK_STRIPE_SECRET_KEY",
                    )
                })?;
            Ok(Arc::new(Stripe::new(
                &settings.stripe_api_base,
                key,
                Duration::from_millis(settings.provider_timeout_ms),
            )))
        }
        other => Err(StartupError::setting(format!(
            "MK_PAYMENTS_PROVIDER: unknown provider {other:?} (sandbox or stripe)"
        ))),
    }
}

/// `MK_PAYMENTS_WEBHOOK_SECRETS`: comma-separated, so a new secret can join before the old one
/// goes.
fn webhook_secrets(settings: &Settings) -> Result<Vec<SecretString>, StartupError> {
    let secrets: Vec<SecretString> = settings
        .payments_webhook_secrets
        .expose_secret()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| SecretString::from(s.to_owned()))
        .collect();
    if secrets.is_empty() {
        return Err(StartupError::setting(
            "MK_PAYMENTS_WEBHOOK_SECRETS is empty",
        ));
    }
    Ok(secrets)
}
