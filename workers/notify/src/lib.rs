//! The notification worker: emails about orders and payments, and promotional campaigns.
//!
//! Two durable consumers read the ORDERS and PAYMENTS streams, and a third the placed orders
//! that may need a "waiting for payment" reminder later ([`payment_reminder`]); each event
//! that calls for a message ([`kind`]) becomes a [`notice::Notice`], which [`deliver`] claims in the records
//! (PostgreSQL: one row per event and channel, so a redelivered or replayed event never sends
//! twice), fills from the auth service (name, email) and the order service (lines, totals),
//! renders from [`templates`] (plain text and HTML, amounts per currency by [`money`]) and
//! sends through SMTP ([`mailer`], lettre), and as a text message ([`sms`], a Twilio-style
//! API) when the user has a phone number and SMS is configured. A failure naks the event: it is retried with
//! backoff, then dead-lettered (`mk-dead-letters list|replay`).
//!
//! Campaigns ([`handlers::campaign_create`]) go to the users who opted in: one message per
//! recipient through the outbox to the NOTIFY stream, sent by [`campaign_sender`] at the pace
//! of [`campaign_pace`] beside (never ahead of) order mail, each with a signed
//! [`unsubscribe_link`] that works without logging in ([`handlers::unsubscribe`]).
//!
//! Account emails ([`account_mail`]: password-reset and verification links minted by the auth
//! service) come from the AUTH stream and go out under the same records.

pub mod account_mail;
pub mod campaign_pace;
pub mod campaign_sender;
pub mod campaign_text;
pub mod consumers;
pub mod deliver;
pub mod handlers;
pub mod kind;
pub mod mailer;
pub mod money;
pub mod notice;
pub mod payment_reminder;
pub mod recipients;
pub mod record;
pub mod settings;
pub mod sms;
pub mod state;
pub mod store;
pub mod templates;
pub mod unsubscribe_link;
pub mod worker;

pub use settings::Settings;
pub use worker::Notify;
