//! Helpers for tests of the shopping flow: a stocked catalog, carts, orders, and what went
//! through JetStream.

use std::time::Duration;

use async_nats::jetstream;
use menuskart_schemas::payments::PaymentEvent;
use menuskart_schemas::subjects::events::EventSubject;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, TestUser, json_of};

/// A shipping address that passes validation.
pub fn address() -> Value {
    json!({"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
           "postal_code": "SW1Y 4JH", "country": "GB"})
}

impl TestApp {
    /// Creates the category `slug` (a top-level one) if it is not there yet.
    pub async fn ensure_category(&self, admin: &TestUser, slug: &str) {
        let response = self
            .post(
                "/categories",
                Some(&admin.access_token),
                json!({"slug": slug, "name": slug}),
            )
            .await;
        assert!(
            matches!(
                response.status(),
                StatusCode::CREATED | StatusCode::CONFLICT
            ),
            "category {slug}: {}",
            response.status()
        );
    }

    /// A new customer with `quantity` of a fresh product (price 500, 10 in stock) in the
    /// cart, and that product's id.
    pub async fn customer_with_cart(&self, admin: &TestUser, quantity: i64) -> (TestUser, String) {
        let product = self
            .stocked_product(
                admin,
                &format!("Dumplings {}", uuid::Uuid::new_v4().simple()),
                500,
                "food",
                10,
            )
            .await;
        let user = self.customer().await;
        let added = self
            .add_to_cart(&user.access_token, &product, quantity)
            .await;
        assert_eq!(added.status(), StatusCode::OK);
        (user, product)
    }

    /// A product in `category` at `price` (EUR cents) with `units` in stock; its id.
    pub async fn stocked_product(
        &self,
        admin: &TestUser,
        name: &str,
        price: i64,
        category: &str,
        units: i64,
    ) -> String {
        self.ensure_category(admin, category).await;
        let response = self
            .post(
                "/products",
                Some(&admin.access_token),
                json!({"name": name, "description": format!("{name}, for tests"),
                       "price": price, "currency": "EUR", "category": category}),
            )
            .await;
        let status = response.status();
        let product = json_of(response).await;
        assert_eq!(status, StatusCode::CREATED, "{product}");
        let id = product["id"].as_str().expect("product id").to_owned();
        self.set_stock(admin, &id, units).await;
        id
    }

    pub async fn set_stock(&self, admin: &TestUser, product_id: &str, units: i64) {
        let response = self
            .post(
                "/inventory/update",
                Some(&admin.access_token),
                json!({"product_id": product_id, "set": units}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }

    /// `{available, reserved}` of a product.
    pub async fn stock_of(&self, product_id: &str) -> (i64, i64) {
        let level = json_of(self.get(&format!("/inventory/{product_id}"), None).await).await;
        (
            level["available"].as_i64().unwrap(),
            level["reserved"].as_i64().unwrap(),
        )
    }

    /// Waits (up to 10 s) until a product's stock is `(available, reserved)`: stock settles
    /// from events, a moment after the change that causes it.
    pub async fn wait_for_stock(&self, product_id: &str, expected: (i64, i64)) {
        for _ in 0..100 {
            if self.stock_of(product_id).await == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            self.stock_of(product_id).await,
            expected,
            "stock of {product_id}"
        );
    }

    pub async fn add_to_cart(
        &self,
        token: &str,
        product_id: &str,
        quantity: i64,
    ) -> reqwest::Response {
        self.post(
            "/cart/add",
            Some(token),
            json!({"product_id": product_id, "quantity": quantity}),
        )
        .await
    }

    /// POST /orders with an address, and the idempotency key when given.
    pub async fn place_order(&self, token: &str, key: Option<&str>) -> reqwest::Response {
        let mut request = self
            .http
            .request(Method::POST, self.url("/orders"))
            .bearer_auth(token)
            .json(&json!({"shipping_address": address()}));
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        request.send().await.expect("the edge answers")
    }

    /// Publishes a payment event as the payment service would (its message id given, so a test
    /// can play a redelivery with a new id).
    pub async fn publish_payment(
        &self,
        event: EventSubject<PaymentEvent>,
        order: &Value,
        msg_id: &str,
    ) {
        // Only the payment service may publish payment events: forge them with its key.
        let js = jetstream::new(self.nats.client_as("payments").await);
        let payload = json!({
            "transaction_id": uuid::Uuid::new_v4(),
            "order_id": order["id"],
            "user_id": order["user_id"],
            "amount": order["total"],
            "currency": order["currency"],
            "reason": "card_declined",
        });
        let mut headers = async_nats::HeaderMap::new();
        headers.insert("Nats-Msg-Id", msg_id);
        js.publish_with_headers(event.subject, headers, payload.to_string().into())
            .await
            .expect("publish")
            .await
            .expect("stored by JetStream");
    }

    /// Every message of `stream` on subjects matching `filter`, as (subject, JSON payload).
    /// Read message by message as the operators' user, which may read any stored message but
    /// not create consumers (reading from a consumer would need the right to pull from any).
    pub async fn stream_events(&self, stream: &str, filter: &str) -> Vec<(String, Value)> {
        let js = self.nats.ops_jetstream().await;
        let Ok(mut stream) = js.get_stream(stream).await else {
            return Vec::new();
        };
        let (first, last) = {
            let state = &stream.info().await.expect("stream info").state;
            (state.first_sequence, state.last_sequence)
        };
        let mut events = Vec::new();
        for sequence in first..=last {
            // A gap (a deleted message) is skipped.
            let Ok(message) = stream.get_raw_message(sequence).await else {
                continue;
            };
            if menuskart_kit::consumer::subject_matches(filter, &message.subject) {
                let payload = serde_json::from_slice(&message.payload).expect("JSON event");
                events.push((message.subject.to_string(), payload));
            }
        }
        events
    }

    /// Polls GET `path` (as `token`) until `check` holds, for up to ten seconds (stock mirrors,
    /// payment events and expiry settle within that).
    pub async fn eventually(
        &self,
        path: &str,
        token: Option<&str>,
        check: impl Fn(&Value) -> bool,
    ) -> Value {
        let mut last = Value::Null;
        for _ in 0..100 {
            last = json_of(self.get(path, token).await).await;
            if check(&last) {
                return last;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{path} never satisfied the check; last answer {last}");
    }
}
