//! Account emails: the single-use links the auth service mints (password reset, email
//! verification), from the AUTH stream (durable consumer `notify-accounts`). Each is sent under
//! its record like every other notification ([`crate::record`]), so a redelivered event never
//! sends a second copy. The event carries the address the link was made for: that is where it
//! goes, never to a profile read later (an address changed meanwhile gets nothing).
//!
//! The event carries no token: the AUTH stream keeps it for days and a dead letter for good,
//! both readable by operators. The token is asked of auth (`mk.auth.link_token`, granted to
//! this worker alone) once the email is claimed, just before it is sent, and lives only in the
//! email. Auth down is like SMTP down: the event is retried later. A link that no longer works
//! (used, or retired by a newer reset link) is skipped for good.

use std::sync::Arc;

use menuskart_kit::consumer::{Delivery, Subscription};
use menuskart_schemas::auth::AccountLink;
use menuskart_schemas::subjects::events::auth as events;
use minijinja::context;

use crate::deliver::DeliverError;
use crate::record::{Outcome, Record, send_once};
use crate::state::NotifyState;

/// Which email an event asks for: its template, the app page its link opens, its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AccountMail {
    PasswordReset,
    VerifyEmail,
}

impl AccountMail {
    /// The email an account event asks for, and its link.
    fn of(event: &events::Event) -> (Self, &AccountLink) {
        match event {
            events::Event::PasswordResetRequested(link) => (Self::PasswordReset, link),
            events::Event::EmailVerificationRequested(link) => (Self::VerifyEmail, link),
        }
    }

    /// Also the template's name and the record's kind.
    fn as_str(self) -> &'static str {
        match self {
            Self::PasswordReset => "password_reset",
            Self::VerifyEmail => "verify_email",
        }
    }

    /// The storefront page that takes the token.
    fn page(self) -> &'static str {
        match self {
            Self::PasswordReset => "/reset-password",
            Self::VerifyEmail => "/verify-email",
        }
    }

    fn subject(self, shop: &str) -> String {
        match self {
            Self::PasswordReset => format!("{shop}: reset your password"),
            Self::VerifyEmail => format!("{shop}: confirm your email address"),
        }
    }
}

/// `notify-accounts` on AUTH: the emails with a link (password reset, address verification).
pub fn subscription(state: &NotifyState) -> Subscription {
    crate::consumers::subscription(events::STREAM, "notify-accounts", state)
}

pub async fn handle(
    state: Arc<NotifyState>,
    delivery: Delivery<events::Event>,
) -> Result<(), DeliverError> {
    let (mail, link) = AccountMail::of(&delivery.event);
    send(&state, mail, link).await
}

async fn send(
    state: &NotifyState,
    mail: AccountMail,
    link: &AccountLink,
) -> Result<(), DeliverError> {
    let key = format!("{}:{}", mail.as_str(), link.link_id);
    let record = Record {
        event_key: &key,
        channel: "email",
        kind: mail.as_str(),
        user_id: link.user_id,
        campaign_id: None,
    };
    send_once(&state.store, record, async {
        let Some(minted) = state.directory.link_token(link.link_id).await? else {
            return Ok(Outcome::Skipped("the link no longer works"));
        };
        let url = state.public_page(mail.page(), &[("token", &minted.token)]);
        let body = state.templates.render_account(
            mail.as_str(),
            &context! {
                shop => state.shop_name,
                seller => state.shop_seller,
                name => link.name,
                url => url,
                expires_at => link.expires_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            },
        )?;
        let provider_id = state
            .mailer
            .send(&link.email, &mail.subject(&state.shop_name), &body, None)
            .await?;
        Ok(Outcome::Sent {
            recipient: link.email.clone(),
            provider_id,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::AccountMail;
    use menuskart_schemas::subjects::events::auth as events;

    #[test]
    fn each_account_event_has_its_email_and_page() {
        let link = menuskart_schemas::auth::AccountLink {
            link_id: uuid::Uuid::nil(),
            user_id: menuskart_schemas::ids::UserId(uuid::Uuid::nil()),
            email: "ada@example.com".into(),
            name: "Ada".into(),
            expires_at: chrono::Utc::now(),
        };
        let (reset, _) = AccountMail::of(&events::Event::PasswordResetRequested(link.clone()));
        assert_eq!(reset.page(), "/reset-password");
        let (verify, _) = AccountMail::of(&events::Event::EmailVerificationRequested(link));
        assert_eq!(verify.page(), "/verify-email");
    }
}
