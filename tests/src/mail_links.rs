//! The links the shop emails (verification, password reset), read from the test's mail server
//! as a person would click them, and a notify worker to send them.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;

use crate::smtp_server::{ReceivedMail, SmtpServer};
use crate::workers::{WorkerInstance, notify_settings};
use crate::{TestApp, TestDatabase, TestUser};

/// Subjects of the account emails (after the shop's name).
pub const VERIFY_SUBJECT: &str = "confirm your email address";
pub const RESET_SUBJECT: &str = "reset your password";

impl TestApp {
    /// A notification worker on `db` mailing through `smtp`, `rate` campaign emails a second,
    /// its links pointing at this app's edge.
    pub async fn notify_on(
        &self,
        db: &TestDatabase,
        smtp: &SmtpServer,
        rate: u32,
    ) -> WorkerInstance {
        let mut settings = notify_settings(&db.url, smtp.port, 8);
        settings.public_url = self.url("");
        settings.campaign_rate_per_sec = rate;
        WorkerInstance::start::<menuskart_notify::Notify>(&self.nats, settings).await
    }

    /// Verifies `user`'s address through the link in the verification email.
    pub async fn verify_email(&self, smtp: &SmtpServer, user: &TestUser) {
        let mail = mail_to(smtp, &user.email, VERIFY_SUBJECT, 1).await;
        let token = link_token(&mail[0], "/verify-email");
        let verified = self
            .post("/auth/verify-email", None, json!({"token": token}))
            .await;
        assert_eq!(verified.status(), StatusCode::OK);
    }
}

/// Waits (10 s at most) until `count` emails to `address` whose subject contains `subject` have
/// arrived; all of them, oldest first.
pub async fn mail_to(
    smtp: &SmtpServer,
    address: &str,
    subject: &str,
    count: usize,
) -> Vec<ReceivedMail> {
    let matching = || -> Vec<ReceivedMail> {
        smtp.messages()
            .into_iter()
            .filter(|m| m.to == [address] && m.subject.contains(subject))
            .collect()
    };
    for _ in 0..100 {
        let found = matching();
        if found.len() >= count {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{count} emails about {subject:?} to {address} did not arrive: {:#?}",
        matching()
    );
}

/// The `token` of the link to `page` in the email's text.
pub fn link_token(mail: &ReceivedMail, page: &str) -> String {
    let link = mail
        .text
        .split_whitespace()
        .find(|word| word.starts_with("http") && word.contains(page))
        .unwrap_or_else(|| panic!("no link to {page} in {}", mail.text));
    let url = reqwest::Url::parse(link).expect("a URL");
    assert_eq!(url.path(), page);
    url.query_pairs()
        .find(|(name, _)| name == "token")
        .map(|(_, value)| value.into_owned())
        .expect("a token in the link")
}
