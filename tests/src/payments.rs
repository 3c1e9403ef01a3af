//! Paying in tests: an order to pay, a charge, and provider webhooks signed here from the shared
//! secret, independently of the worker's code.

use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::fake_stripe::{self, FakeStripe};
use crate::{TestApp, TestDatabase, TestUser, WorkerInstance, json_of};

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
