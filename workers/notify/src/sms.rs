//! Text messages through a Twilio-style REST API: `POST {base}/2010-04-01/Accounts/{sid}/
//! Messages.json` with HTTP basic auth (account sid, auth token) and a form `To`, `From`,
//! `Body`; the answer's `sid` is the provider id we record.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    #[error("the SMS provider is unreachable: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("the SMS provider refused the message ({status}): {message}")]
    Refused { status: u16, message: String },
}

/// Where and as whom to send texts.
#[derive(Debug, Clone)]
pub struct SmsSettings {
    pub base_url: String,
    pub account_sid: String,
    pub auth_token: SecretString,
    pub from: String,
}

#[derive(Debug, Clone)]
pub struct SmsGateway {
    http: reqwest::Client,
    settings: SmsSettings,
}

#[derive(Deserialize)]
struct Created {
    sid: String,
}

#[derive(Deserialize)]
struct Failure {
    #[serde(default)]
    message: String,
}

impl SmsGateway {
    pub fn new(settings: SmsSettings) -> Self {
        Self {
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .expect("a TLS-capable HTTP client"),
            settings,
        }
    }

    /// Sends `body` to `to` (E.164); the provider's message id.
    pub async fn send(&self, to: &str, body: &str) -> Result<String, SmsError> {
        let s = &self.settings;
        let url = format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            s.base_url.trim_end_matches('/'),
            s.account_sid
        );
        let response = self
            .http
            .post(url)
            .basic_auth(&s.account_sid, Some(s.auth_token.expose_secret()))
            .form(&[("To", to), ("From", s.from.as_str()), ("Body", body)])
            .send()
            .await?;
        let status = response.status();
        if !status.is_success() {
            let message = response
                .json::<Failure>()
                .await
                .map(|f| f.message)
                .unwrap_or_default();
            return Err(SmsError::Refused {
                status: status.as_u16(),
                message,
            });
        }
        Ok(response.json::<Created>().await?.sid)
    }
}
