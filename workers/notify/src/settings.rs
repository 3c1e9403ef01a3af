//! The notification worker's settings, from `MK_*` environment variables.

use menuskart_kit::outbox::OutboxSettings;
use menuskart_kit::postgres::PostgresSettings;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::mailer::SmtpSettings;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `MK_NOTIFY_DATABASE_URL`: the notification records (required).
    /// `MK_DB_MAX_CONNECTIONS`: its pool size (default 10).
    #[serde(flatten)]
    pub postgres: PostgresSettings,
    /// `MK_OUTBOX_RELAY`: whether this instance publishes the outbox (default true).
    #[serde(flatten)]
    pub outbox: OutboxSettings,
    /// `MK_SMTP_HOST`, `MK_SMTP_PORT` (default 127.0.0.1:1025, the development mail catcher).
    #[serde(default = "defaults::smtp_host")]
    pub smtp_host: String,
    #[serde(default = "defaults::smtp_port")]
    pub smtp_port: u16,
    /// `MK_SMTP_TLS`: `none`, `starttls` or `tls` (default `none`, for loopback).
    #[serde(default = "defaults::smtp_tls")]
    pub smtp_tls: String,
    /// `MK_SMTP_USER` / `MK_SMTP_PASSWORD`.
    #[serde(default)]
    pub smtp_user: Option<String>,
    #[serde(default)]
    pub smtp_password: Option<SecretString>,
    /// `MK_MAIL_FROM`: the sender, e.g. `MenusKart <orders@menuskart.local>`.
    #[serde(default = "defaults::mail_from")]
    pub mail_from: String,
    /// `MK_SHOP_NAME`: how emails name the shop.
    #[serde(default = "defaults::shop_name")]
    pub shop_name: String,
    /// `MK_SHOP_SELLER`: who sells, as the law wants it at the foot of every email (name,
    /// address, contact, VAT number), e.g. `MenusKart GmbH · Beispielstraße 1, 10115 Berlin ·
    /// VAT ID DE123456789`. Empty: no such line.
    #[serde(default)]
    pub shop_seller: String,
    /// `MK_SMS_API_BASE`, `MK_SMS_ACCOUNT_SID`, `MK_SMS_AUTH_TOKEN`, `MK_SMS_FROM`: a Twilio-style
    /// SMS API; texts are sent only when all four are set.
    #[serde(default)]
    pub sms_api_base: Option<String>,
    #[serde(default)]
    pub sms_account_sid: Option<String>,
    #[serde(default)]
    pub sms_auth_token: Option<SecretString>,
    #[serde(default)]
    pub sms_from: Option<String>,
    /// `MK_NOTIFY_MAX_DELIVER`: deliveries of an event before it is dead-lettered.
    #[serde(default = "defaults::max_deliver")]
    pub notify_max_deliver: i64,
    /// `MK_NOTIFY_CONCURRENCY`: order and payment emails one instance sends at once (each on
    /// its own SMTP connection).
    #[serde(default = "defaults::concurrency")]
    pub notify_concurrency: usize,
    /// `MK_NOTIFY_PAYMENT_REMINDER_SECS`: how long after placing an order that is still unpaid
    /// its "waiting for payment" email goes out (default 300; paid by then: none is sent).
    #[serde(default = "defaults::payment_reminder_secs")]
    pub notify_payment_reminder_secs: u64,
    /// `MK_NOTIFY_RETRY_DELAYS_MS`: delays before the 2nd, 3rd, ... delivery.
    #[serde(default = "defaults::retry_delays")]
    pub notify_retry_delays_ms: String,
    /// `MK_UNSUBSCRIBE_SECRET`: signs the unsubscribe links of promotional emails (required;
    /// 32+ random bytes). Several, comma-separated, during a rotation: the first signs, all are
    /// accepted.
    pub unsubscribe_secret: SecretString,
    /// `MK_PUBLIC_URL`: where the shop's API is reached from outside (unsubscribe links).
    #[serde(default = "defaults::public_url")]
    pub public_url: String,
    /// `MK_CAMPAIGN_RATE_PER_SEC`: promotional emails per second and instance, so a campaign
    /// never crowds out order mail at the SMTP server.
    #[serde(default = "defaults::campaign_rate_per_sec")]
    pub campaign_rate_per_sec: u32,
    /// `MK_SERVICE_TIMEOUT_MS`: how long notify waits for auth and orders.
    #[serde(default = "defaults::service_timeout_ms")]
    pub service_timeout_ms: u64,
}

impl Settings {
    pub fn smtp(&self) -> SmtpSettings {
        SmtpSettings {
            host: self.smtp_host.clone(),
            port: self.smtp_port,
            tls: self.smtp_tls.clone(),
            username: self.smtp_user.clone(),
            password: self.smtp_password.clone(),
            from: self.mail_from.clone(),
        }
    }
}

impl Settings {
    /// The unsubscribe secrets, in order (empty entries dropped).
    pub fn unsubscribe_secrets(&self) -> Vec<SecretString> {
        self.unsubscribe_secret
            .expose_secret()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| SecretString::from(s.to_owned()))
            .collect()
    }

    /// The SMS gateway's settings, when every one is given.
    pub fn sms(&self) -> Option<crate::sms::SmsSettings> {
        Some(crate::sms::SmsSettings {
            base_url: self.sms_api_base.clone().filter(|s| !s.is_empty())?,
            account_sid: self.sms_account_sid.clone().filter(|s| !s.is_empty())?,
            auth_token: self.sms_auth_token.clone()?,
            from: self.sms_from.clone().filter(|s| !s.is_empty())?,
        })
    }
}

mod defaults {
    pub fn smtp_host() -> String {
        "127.0.0.1".into()
    }
    pub fn smtp_port() -> u16 {
        1025
    }
    pub fn smtp_tls() -> String {
        "none".into()
    }
    pub fn mail_from() -> String {
        "MenusKart <orders@menuskart.local>".into()
    }
    pub fn shop_name() -> String {
        "MenusKart".into()
    }
    pub fn max_deliver() -> i64 {
        8
    }
    pub fn concurrency() -> usize {
        8
    }
    pub fn payment_reminder_secs() -> u64 {
        300
    }
    pub fn retry_delays() -> String {
        "1000,5000,30000,120000".into()
    }
    pub fn public_url() -> String {
        "http://127.0.0.1:8080".into()
    }
    pub fn campaign_rate_per_sec() -> u32 {
        10
    }
    pub fn service_timeout_ms() -> u64 {
        5_000
    }
}
