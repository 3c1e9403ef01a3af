//! Sending one notice on each channel: email always, a text message too when the user has a
//! phone number and SMS is configured. Each channel is sent under its own record
//! ([`crate::record`]): any failure is returned, so the consumer retries the event later; a
//! channel already sent is not sent again on that retry.

use std::future::Future;

use menuskart_schemas::auth::Profile;
use menuskart_schemas::orders::Order;
use minijinja::context;
use tokio::sync::OnceCell;

use crate::notice::Notice;
use crate::record::{Outcome, Record, send_once};
use crate::state::NotifyState;

#[derive(Debug, thiserror::Error)]
pub enum DeliverError {
    #[error("records: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("looking up the recipient or order: {0}")]
    Lookup(#[from] menuskart_kit::rpc::RpcError),
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
    #[error("sending: {0}")]
    Mail(#[from] crate::mailer::MailError),
    #[error("sending: {0}")]
    Sms(#[from] crate::sms::SmsError),
    #[error("no campaign {0}")]
    NoCampaign(uuid::Uuid),
    #[error("another delivery of this event is sending it now")]
    Busy,
    #[error("not due for another {0:?}")]
    NotDue(std::time::Duration),
}

impl menuskart_kit::consumer::HandlerError for DeliverError {
    fn not_due_for(&self) -> Option<std::time::Duration> {
        match self {
            Self::NotDue(wait) => Some(*wait),
            _ => None,
        }
    }
}

pub async fn deliver(state: &NotifyState, notice: &Notice) -> Result<(), DeliverError> {
    // Looked up once, and only for a channel still to send: a redelivered event whose messages
    // went out asks nobody anything.
    let about = OnceCell::new();
    let lookup = || {
        about.get_or_try_init(|| async {
            let profile = state.directory.profile(notice.user_id).await?;
            let order = state
                .directory
                .order(notice.user_id, notice.order_id)
                .await?;
            let subject = notice.kind.subject(&state.shop_name, &order.number);
            Ok::<_, DeliverError>((profile, order, subject))
        })
    };
    on_channel(state, notice, "email", async {
        let (profile, order, subject) = lookup().await?;
        let sent = email(state, notice, profile, order, subject).await?;
        Ok((profile.email.clone(), sent))
    })
    .await?;
    let Some(gateway) = &state.sms else {
        return Ok(());
    };
    // Whether a text is due depends on the profile's phone number.
    let (profile, _, subject) = lookup().await?;
    if let Some(phone) = &profile.phone {
        on_channel(state, notice, "sms", async {
            Ok((phone.clone(), gateway.send(phone, subject).await?))
        })
        .await?;
    }
    Ok(())
}

/// Renders and sends the email; the server's answer.
async fn email(
    state: &NotifyState,
    notice: &Notice,
    profile: &Profile,
    order: &Order,
    subject: &str,
) -> Result<String, DeliverError> {
    let context = context! {
        shop => state.shop_name,
        seller => state.shop_seller,
        name => profile.name,
        order => order,
        order_url => state.order_page(&order.id),
        amount => notice.amount,
        currency => notice.currency,
        transaction_id => notice.transaction_id.map(|t| t.to_string()),
        reason => notice.reason,
    };
    let body = state.templates.render(notice.kind, &context)?;
    Ok(state
        .mailer
        .send(&profile.email, subject, &body, None)
        .await?)
}

/// Sends on one channel under the event's record.
async fn on_channel(
    state: &NotifyState,
    notice: &Notice,
    channel: &str,
    send: impl Future<Output = Result<(String, String), DeliverError>>,
) -> Result<(), DeliverError> {
    let record = Record {
        event_key: &notice.event_key,
        channel,
        kind: notice.kind.as_str(),
        user_id: notice.user_id,
        campaign_id: None,
    };
    send_once(&state.store, record, async {
        let (recipient, provider_id) = send.await?;
        Ok(Outcome::Sent {
            recipient,
            provider_id,
        })
    })
    .await
}
