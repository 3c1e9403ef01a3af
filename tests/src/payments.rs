//! Paying in tests: an order to pay, a charge, and provider webhooks signed here from the shared
//! secret, independently of the worker's code.

use std::time::Duration;

use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::fake_stripe::{self, FakeStripe};
use crate::{Options, TestApp, TestDatabase, TestUser, WorkerInstance, json_of};

/// A customer with a placed order (2 x 750 of a fresh product, 10 in stock): (user, order, product).
pub async fn placed_order(app: &TestApp, admin: &TestUser) -> (TestUser, Value, String) {
    let name = format!("Ramen Kit {}", uuid::Uuid::new_v4().simple());
    let product = app.stocked_product(admin, &name, 750, "food", 10).await;
    let user = app.customer().await;
    assert_eq!(
        app.add_to_cart(&user.access_token, &product, 2)
            .await
            .status(),
        StatusCode::OK
    );
    let placed = app.place_order(&user.access_token, None).await;
    assert_eq!(placed.status(), StatusCode::CREATED);
    (user, json_of(placed).await, product)
}

pub async fn pay(
    app: &TestApp,
    token: &str,
    order: &Value,
    method: &str,
    key: Option<&str>,
) -> reqwest::Response {
    let mut request = app
        .http
        .post(app.url("/payments"))
        .bearer_auth(token)
        .json(&json!({"order_id": order["id"], "payment_method": method}));
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    request.send().await.unwrap()
}

pub fn order_path(order: &Value) -> String {
    format!("/orders/{}", order["id"].as_str().unwrap())
}

/// `MK-Signature` for `body` at `timestamp`, computed here from the shared secret (HMAC-SHA256
/// over "timestamp.body"), independently of the worker's code.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

pub async fn webhook(app: &TestApp, signature: &str, body: &str) -> reqwest::Response {
    webhook_with(app, "MK-Signature", signature, body).await
}

/// A webhook delivery with its signature in `header` (`MK-Signature`, or Stripe's own
/// `Stripe-Signature`).
pub async fn webhook_with(
    app: &TestApp,
    header: &str,
    signature: &str,
    body: &str,
) -> reqwest::Response {
    app.http
        .post(app.url("/payments/webhook"))
        .header(header, signature)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

/// A payment worker speaking to `fake` as its Stripe, on its own database, with `configure`
/// applied to its settings; keep both for the test's length.
pub async fn stripe_worker(
    app: &TestApp,
    fake: &FakeStripe,
    configure: impl FnOnce(&mut menuskart_payments::Settings),
) -> (WorkerInstance, TestDatabase) {
    let db = TestDatabase::create().await;
    let mut settings = crate::workers::payments_settings(&db.url, &app.secrets);
    settings.payments_provider = "stripe".into();
    settings.stripe_api_base = fake.base_url.clone();
    settings.stripe_secret_key = Some(fake_stripe::SECRET_KEY.to_owned().into());
    configure(&mut settings);
    let worker = WorkerInstance::start::<menuskart_payments::Payments>(&app.nats, settings).await;
    (worker, db)
}

/// A shop whose payment worker speaks to a fake Stripe, and a customer with a placed order.
pub struct StripeShop {
    pub app: TestApp,
    pub fake: FakeStripe,
    pub admin: TestUser,
    pub user: TestUser,
    pub order: Value,
    _payments: (WorkerInstance, TestDatabase),
}

impl StripeShop {
    /// The customer pays the shop's order with a Visa card, without an idempotency key.
    pub async fn pay_by_card(&self) -> reqwest::Response {
        pay(
            &self.app,
            &self.user.access_token,
            &self.order,
            "pm_card_visa",
            None,
        )
        .await
    }

    /// The whole shop but its payment worker, which speaks to the fake Stripe with its settings
    /// changed by `configure`.
    pub async fn start(configure: impl FnOnce(&mut menuskart_payments::Settings)) -> Self {
        Self::start_with(Options::shop(), configure).await
    }

    /// As [`StripeShop::start`], from `options` (their payment workers are left out).
    pub async fn start_with(
        options: Options,
        configure: impl FnOnce(&mut menuskart_payments::Settings),
    ) -> Self {
        let app = TestApp::spawn_with(Options {
            payments_instances: 0,
            ..options
        })
        .await;
        let fake = FakeStripe::start().await;
        let payments = stripe_worker(&app, &fake, configure).await;
        let admin = app.admin().await;
        let (user, order, _) = placed_order(&app, &admin).await;
        Self {
            app,
            fake,
            admin,
            user,
            order,
            _payments: payments,
        }
    }

    /// Pays the order with a card Stripe takes, its answer held past our provider timeout.
    pub async fn pay_and_lose_the_reply(&self, key: Option<&str>) {
        self.fake.stall_replies(Some(Duration::from_secs(3)));
        let lost = pay(
            &self.app,
            &self.user.access_token,
            &self.order,
            "pm_card_visa",
            key,
        )
        .await;
        assert_eq!(lost.status(), StatusCode::SERVICE_UNAVAILABLE);
        self.fake.stall_replies(None);
    }

    /// Stripe's `payment_intent.succeeded` for `intent_id`, signed in Stripe's own header, with
    /// our transaction id in its metadata when given.
    pub async fn stripe_succeeded(
        &self,
        event_id: &str,
        intent_id: &str,
        transaction_id: Option<&str>,
    ) {
        let mut object = json!({"id": intent_id, "object": "payment_intent"});
        if let Some(transaction_id) = transaction_id {
            object["metadata"] = json!({ "transaction_id": transaction_id });
        }
        let body = json!({"id": event_id, "type": "payment_intent.succeeded",
                          "data": {"object": object}})
        .to_string();
        let now = chrono::Utc::now().timestamp();
        let signed = signature(&self.app.secrets.webhook, now, &body);
        let delivered = webhook_with(&self.app, "Stripe-Signature", &signed, &body).await;
        assert_eq!(delivered.status(), StatusCode::OK);
    }

    pub async fn order_status_is(&self, status: &str) {
        self.app
            .eventually(
                &order_path(&self.order),
                Some(&self.user.access_token),
                |o| o["status"] == status,
            )
            .await;
    }

    pub async fn cancel_order(&self) {
        let cancelled = self
            .app
            .post(
                &format!("{}/cancel", order_path(&self.order)),
                Some(&self.user.access_token),
                json!({}),
            )
            .await;
        assert_eq!(cancelled.status(), StatusCode::OK);
    }

    /// The order's payments, newest first.
    pub async fn payments(&self) -> Value {
        let path = format!("{}/payments", order_path(&self.order));
        json_of(self.app.get(&path, Some(&self.user.access_token)).await).await
    }

    pub fn total(&self) -> i64 {
        self.order["total"].as_i64().unwrap()
    }
}
