//! The notification worker: emails about orders and payments.
//!
//! Two durable consumers read the ORDERS and PAYMENTS streams; each event that calls for a
//! message ([`kind`]) becomes a [`notice::Notice`], which [`deliver`] claims in the records
//! (PostgreSQL: one row per event and channel, so a redelivered or replayed event never sends
//! twice), fills from the auth service (name, email) and the order service (lines, totals),
//! renders from [`templates`] (plain text and HTML, amounts per currency by [`money`]) and
//! sends through SMTP ([`mailer`], lettre), and as a text message ([`sms`], a Twilio-style
//! API) when the user has a phone number and SMS is configured. A failure naks the event: it is retried with
//! backoff, then dead-lettered (`mk-dead-letters list|replay`).

pub mod consumers;
pub mod deliver;
pub mod kind;
pub mod mailer;
pub mod money;
pub mod notice;
pub mod recipients;
pub mod settings;
pub mod sms;
pub mod startup;
pub mod state;
pub mod store;
pub mod templates;

pub use settings::Settings;
pub use startup::Application;
