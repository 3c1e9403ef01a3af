//! Sending one notice on each channel: email always, a text message too when the user has a
//! phone number and SMS is configured. Per channel: claim it (a `sent` one is skipped), send,
//! record. Any failure is returned, so the consumer retries the event later; a channel already
//! sent is not sent again on that retry.

use std::future::Future;

use menuskart_schemas::auth::Profile;
use menuskart_schemas::orders::Order;
use minijinja::context;
use tokio::sync::OnceCell;

use crate::notice::Notice;
use crate::state::NotifyState;
use crate::store::Claim;

#[derive(Debug, thiserror::Error)]
pub enum DeliverError {
    #[error("records: {0}")]
    Store(#[from] sqlx::Error),
    #[error("looking up the recipient or order: {0}")]
    Lookup(#[from] menuskart_kit::rpc::RpcError),
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
    #[error("sending: {0}")]
    Mail(#[from] crate::mailer::MailError),
    #[error("sending: {0}")]
    Sms(#[from] crate::sms::SmsError),
    #[error("another delivery of this event is sending it now")]
    Busy,
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
            let subject = notice.kind.subject(&state.shop_name, &order.id.to_string());
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
        name => profile.name,
        order => order,
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

/// Sends on one channel unless it was sent already, and records the outcome. `send` answers
/// the recipient and the provider's id for the message.
async fn on_channel(
    state: &NotifyState,
    notice: &Notice,
    channel: &str,
    send: impl Future<Output = Result<(String, String), DeliverError>>,
) -> Result<(), DeliverError> {
    let claim = state
        .store
        .claim(
            &notice.event_key,
            channel,
            notice.kind.as_str(),
            notice.user_id,
            None,
        )
        .await?;
    match claim {
        Claim::Done => {
            tracing::info!(event = %notice.event_key, channel, "already sent");
            return Ok(());
        }
        Claim::Busy => return Err(DeliverError::Busy),
        Claim::Send => {}
    }
    match send.await {
        Ok((recipient, provider_id)) => {
            state
                .store
                .sent(&notice.event_key, channel, &recipient, &provider_id)
                .await?;
            tracing::info!(event = %notice.event_key, channel, "sent");
            Ok(())
        }
        Err(error) => {
            state
                .store
                .failed(&notice.event_key, channel, &error.to_string())
                .await?;
            Err(error)
        }
    }
}
