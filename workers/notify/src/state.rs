//! What the notification consumers share.

use std::time::Duration;

use menuskart_kit::outbox::Relay;

use crate::campaign_pace::CampaignPace;
use crate::mailer::Mailer;
use crate::recipients::Directory;
use crate::sms::SmsGateway;
use crate::store::Store;
use crate::templates::Templates;
use crate::unsubscribe_link::UnsubscribeLinks;

#[derive(Debug)]
pub struct NotifyState {
    pub store: Store,
    pub directory: Directory,
    pub templates: Templates,
    pub mailer: Mailer,
    /// `None`: no SMS configured.
    pub sms: Option<SmsGateway>,
    pub shop_name: String,
    /// `MK_SHOP_SELLER`, at the foot of every email (empty: none).
    pub shop_seller: String,
    pub max_deliver: i64,
    /// Order and payment events handled at once per instance (each one email, independent).
    pub concurrency: usize,
    /// Publishes campaign messages written to the outbox.
    pub relay: Relay,
    pub unsubscribe: UnsubscribeLinks,
    pub campaign_pace: CampaignPace,
    pub backoff: &'static [Duration],
    /// When an unpaid order's "waiting for payment" email is due ([`crate::payment_reminder`]).
    pub payment_reminder_after: Duration,
    /// The storefront's address (`MK_PUBLIC_URL`), for the links in account emails.
    pub public_url: reqwest::Url,
}

impl NotifyState {
    /// The customer's page of order `order_id` in the storefront.
    pub fn order_page(&self, order_id: &menuskart_schemas::ids::OrderId) -> String {
        let mut url = self.public_url.clone();
        url.set_path(&format!("/account/orders/{order_id}"));
        url.set_query(None);
        url.to_string()
    }

    /// `MK_PUBLIC_URL` + `path` with `query` encoded.
    pub fn public_page(&self, path: &str, query: &[(&str, &str)]) -> String {
        let mut url = self.public_url.clone();
        url.set_path(path);
        url.query_pairs_mut().clear().extend_pairs(query);
        url.to_string()
    }
}
