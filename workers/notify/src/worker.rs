//! The notification worker as the kit runs it: PostgreSQL, SMTP, templates, the campaign and
//! unsubscribe endpoints, the event consumers (order, payment and account mail, campaign
//! messages) and the outbox relay of campaign messages.

use std::sync::Arc;
use std::time::Duration;

use menuskart_kit::outbox::Relay;
use menuskart_kit::rpc::ServiceClient;
use menuskart_kit::{Context, Declaration, Domain, Nats, StartupError};
use menuskart_schemas::subjects::events::{
    auth as auth_events, notify as notify_events, orders, payments,
};
use menuskart_schemas::subjects::{Service, notify};
use secrecy::{ExposeSecret, SecretString};

use crate::campaign_pace::CampaignPace;
use crate::mailer::Mailer;
use crate::recipients::Directory;
use crate::settings::Settings;
use crate::sms::SmsGateway;
use crate::state::NotifyState;
use crate::store::Store;
use crate::templates::Templates;
use crate::unsubscribe_link::UnsubscribeLinks;
use crate::{account_mail, campaign_sender, consumers, handlers, payment_reminder};

/// The unsubscribe links' secret is a key: as long as an HMAC key should be.
const MIN_SECRET_BYTES: usize = 32;

pub struct Notify;

impl Domain for Notify {
    const SERVICE: Service = notify::SERVICE;
    type Settings = Settings;
    type State = Arc<NotifyState>;

    async fn declare(
        settings: Settings,
        nats: Nats,
    ) -> Result<Declaration<Self::State>, StartupError> {
        let unsubscribe_secrets = unsubscribe_secrets(&settings)?;
        let public_url = public_url(&settings)?;
        let store = Store::connect(&settings.postgres)
            .await
            .context("notification database")?;
        let events = nats
            .streams(&[
                orders::STREAM,
                payments::STREAM,
                notify_events::STREAM,
                auth_events::STREAM,
            ])
            .await?;
        let state = Arc::new(NotifyState {
            relay: Relay::new(store.pool().clone(), events),
            store,
            directory: Directory::new(ServiceClient::new(
                nats.client,
                Duration::from_millis(settings.service_timeout_ms),
            )),
            templates: Templates::new().context("templates")?,
            mailer: Mailer::new(&settings.smtp()).context("SMTP settings")?,
            sms: settings.sms().map(SmsGateway::new),
            shop_name: settings.shop_name.clone(),
            shop_seller: settings.shop_seller.clone(),
            max_deliver: settings.notify_max_deliver.max(1),
            concurrency: settings.notify_concurrency.max(1),
            unsubscribe: UnsubscribeLinks::new(unsubscribe_secrets, public_url.as_str()),
            campaign_pace: CampaignPace::new(settings.campaign_rate_per_sec),
            backoff: consumers::backoff(&settings.notify_retry_delays_ms),
            payment_reminder_after: Duration::from_secs(settings.notify_payment_reminder_secs),
            public_url,
        });
        Ok(Declaration::new(state.clone())
            .endpoint(notify::CAMPAIGN_CREATE, handlers::campaign_create::handle)
            .endpoint(notify::CAMPAIGN_GET, handlers::campaign_get::handle)
            .endpoint(notify::UNSUBSCRIBE, handlers::unsubscribe::handle)
            .outbox(&settings.outbox, |state| state.relay.clone())
            .consume(consumers::orders(&state), consumers::on_order_event)
            .consume(consumers::payments(&state), consumers::on_payment_event)
            .consume(
                payment_reminder::subscription(&state),
                payment_reminder::handle,
            )
            .consume(account_mail::subscription(&state), account_mail::handle)
            .consume(
                campaign_sender::subscription(&state),
                campaign_sender::handle,
            ))
    }
}

/// `MK_UNSUBSCRIBE_SECRET`: one or more (rotation), each long enough for an HMAC key.
fn unsubscribe_secrets(settings: &Settings) -> Result<Vec<SecretString>, StartupError> {
    let secrets = settings.unsubscribe_secrets();
    if secrets.is_empty()
        || secrets
            .iter()
            .any(|s| s.expose_secret().len() < MIN_SECRET_BYTES)
    {
        return Err(StartupError::setting(format!(
            "MK_UNSUBSCRIBE_SECRET: each secret must be at least {MIN_SECRET_BYTES} bytes"
        )));
    }
    Ok(secrets)
}

/// `MK_PUBLIC_URL`: every promotional email links here, so a typo would send dead links to
/// everyone.
fn public_url(settings: &Settings) -> Result<reqwest::Url, StartupError> {
    reqwest::Url::parse(&settings.public_url)
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https") && url.has_host())
        .ok_or_else(|| {
            StartupError::setting(format!(
                "MK_PUBLIC_URL must be an absolute http(s) URL (not {:?})",
                settings.public_url
            ))
        })
}
