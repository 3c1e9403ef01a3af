//! Replaying a dead letter: the worker that owns the letter's consumer handles again the event
//! its own stream holds at the letter's sequence. Nothing a letter says (subject, body,
//! headers) is republished, and the operators may not publish events at all.

use std::time::Duration;

use async_nats::HeaderMap;
use async_nats::jetstream;
use menuskart_e2e::{TestApp, json_of};
use menuskart_kit::consumer::dead_letter_headers as h;
use menuskart_kit::dead_letters;
use menuskart_schemas::subjects::events::payments;
use serde_json::json;

#[tokio::test]
async fn a_planted_dead_letter_naming_a_payment_replays_nothing_harmful() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, order, _) = menuskart_e2e::payments::placed_order(&app, &admin).await;
    let id = order["id"].as_str().unwrap().to_owned();

    // With another worker's key (the catalog may write the dead letters of its own consumer),
    // a letter that says this order's payment succeeded, addressed to the order service.
    let catalog = jetstream::new(app.nats.client_as("catalog").await);
    let mut headers = HeaderMap::new();
    headers.insert(h::SUBJECT, payments::SUCCEEDED.subject);
    headers.insert(h::STREAM, "PAYMENTS");
    headers.insert(h::SEQUENCE, "1");
    headers.insert(h::CONSUMER, "orders-payments");
    headers.insert(h::ERROR, "planted");
    let forged = json!({
        "transaction_id": uuid::Uuid::new_v4(),
        "order_id": id,
        "user_id": order["user_id"],
        "amount": order["total"],
        "currency": order["currency"],
    });
    let planted = catalog
        .publish_with_headers("mk.dlq.catalog-stock", headers, forged.to_string().into())
        .await
        .expect("published")
        .await
        .expect("stored as a dead letter")
        .sequence;

    // An operator replays it.
    let ops = app.nats.client_as("ops").await;
    let replayed = dead_letters::replay(&ops, planted).await;
    if let Ok(replayed) = &replayed {
        // At most the catalog handled an event of its own stream again.
        assert_eq!(
            (replayed.consumer.as_str(), replayed.stream.as_str()),
            ("catalog-stock", "INVENTORY")
        );
    }

    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        app.stream_events("PAYMENTS", ">").await,
        [],
        "the replay published a payment ({replayed:?})"
    );
    let now = json_of(
        app.get(&format!("/orders/{id}"), Some(&user.access_token))
            .await,
    )
    .await;
    assert_eq!(now["status"], "pending_payment", "{now}");
}
