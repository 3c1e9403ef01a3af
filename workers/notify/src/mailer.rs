//! Email through SMTP (lettre): host, port, TLS mode and credentials from the settings.
//!
//! One SMTP connection per message (lettre's connection pool is not enabled): a development
//! catcher we tried mixed up consecutive messages on a reused connection, and the volume of
//! order mail does not need the pool.

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, header};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};

use crate::templates::Rendered;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("address: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error("message: {0}")]
    Message(#[from] lettre::error::Error),
    #[error("smtp: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("MK_SMTP_TLS must be none, starttls or tls (not {0:?})")]
    TlsMode(String),
}

/// Where and how to send.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    /// `none` (loopback and tests), `starttls` or `tls`.
    pub tls: String,
    pub username: Option<String>,
    pub password: Option<SecretString>,
    pub from: String,
}

#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

impl Mailer {
    pub fn new(settings: &SmtpSettings) -> Result<Self, MailError> {
        let tls = match settings.tls.as_str() {
            "none" => Tls::None,
            "starttls" => Tls::Required(TlsParameters::new(settings.host.clone())?),
            "tls" => Tls::Wrapper(TlsParameters::new(settings.host.clone())?),
            other => return Err(MailError::TlsMode(other.to_owned())),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            .port(settings.port)
            .tls(tls)
            .timeout(Some(std::time::Duration::from_secs(10)));
        // Empty values (an unset `${VAR:-}` in compose) mean no authentication.
        if let (Some(user), Some(password)) = (&settings.username, &settings.password)
            && !user.is_empty()
        {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                password.expose_secret().to_owned(),
            ));
        }
        Ok(Self {
            transport: builder.build(),
            from: settings.from.parse()?,
        })
    }

    /// Sends a text + HTML message; the server's reply text is the provider id we record.
    /// `unsubscribe` (promotional mail): the link, also offered to mail clients as a one-click
    /// unsubscribe (RFC 8058: `List-Unsubscribe` + `List-Unsubscribe-Post`).
    pub async fn send(
        &self,
        to: &str,
        subject: &str,
        body: &Rendered,
        unsubscribe: Option<&str>,
    ) -> Result<String, MailError> {
        let mut message = Message::builder()
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(subject)
            .header(header::MIME_VERSION_1_0);
        if let Some(url) = unsubscribe {
            message = message
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let message = message.multipart(MultiPart::alternative_plain_html(
            body.text.clone(),
            body.html.clone(),
        ))?;
        let response = self.transport.send(message).await?;
        Ok(response.message().collect::<Vec<_>>().join(" "))
    }
}
