//! NATS is the trust boundary: every connection is one of our components, granted only what it
//! needs (`nats/permissions.conf`). These tests are an intruder on the network with no key, or
//! with one component's key, trying what that component may not do.

use std::time::Duration;

use futures::StreamExt;
use menuskart_e2e::{NatsServer, TestApp, nats_request};
use menuskart_kit::Caller;
use menuskart_schemas::subjects::{auth, events::payments, inventory};
use serde_json::json;
use tokio::sync::mpsc::UnboundedReceiver;

/// Waits for the server to report a permission violation naming `subject`.
async fn refused(watch: &mut UnboundedReceiver<String>, what: &str, subject: &str) {
    let expected = format!(
        "permissions violation for {what} to \"{}\"",
        subject.to_ascii_lowercase()
    );
    let seen = tokio::time::timeout(Duration::from_secs(5), async {
        while let Some(error) = watch.recv().await {
            if error.contains(&expected) {
                return;
            }
        }
    })
    .await;
    assert!(seen.is_ok(), "the server did not refuse: {expected}");
}

#[tokio::test]
async fn a_connection_without_a_known_key_is_refused() {
    let nats = NatsServer::start().await;
    let anonymous = async_nats::connect(nats.url()).await;
    assert!(anonymous.is_err(), "an anonymous client connected");

    let (stranger, _) = menuskart_kit::nats::new_user_key();
    let unknown = menuskart_kit::nats::connect(
        &menuskart_kit::nats::NatsSettings::new(nats.url()).with_seed(stranger),
        "stranger",
    )
    .await;
    assert!(unknown.is_err(), "a key the server does not know connected");

    // The components' own keys do connect.
    nats.client_as("edge").await;
}

#[tokio::test]
async fn the_edges_key_cannot_forge_a_payment_release_stock_or_read_logins() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let product = app
        .stocked_product(&admin, "Saffron", 990, "spices", 10)
        .await;
    let (edge, mut watch) = app.nats.client_watching("edge").await;

    // A forged "payment succeeded" event is refused and never stored.
    let forged = json!({"order_id": uuid::Uuid::new_v4(), "amount": 100, "currency": "EUR"});
    edge.publish(payments::SUCCEEDED.subject, forged.to_string().into())
        .await
        .unwrap();
    edge.flush().await.unwrap();
    refused(&mut watch, "publish", payments::SUCCEEDED.subject).await;
    assert_eq!(
        app.stream_events("PAYMENTS", payments::SUCCEEDED.subject)
            .await,
        [],
        "a forged payment event was stored"
    );

    // Stock reserved by the order service cannot be released by the edge.
    let orders = app.nats.client_as("orders").await;
    let order_id = uuid::Uuid::new_v4();
    let lines = json!([{"product_id": product, "quantity": 3}]);
    nats_request(
        &orders,
        inventory::RESERVE,
        &Caller::anonymous(),
        &json!({"order_id": order_id, "lines": lines}),
    )
    .await
    .expect("the order service reserves");
    let release = tokio::time::timeout(
        Duration::from_secs(2),
        edge.request(
            inventory::RELEASE.subject,
            json!({"order_id": order_id}).to_string().into(),
        ),
    )
    .await;
    assert!(
        !matches!(release, Ok(Ok(_))),
        "the edge released stock: {release:?}"
    );
    refused(&mut watch, "publish", inventory::RELEASE.subject).await;
    assert_eq!(
        app.stock_of(&product).await,
        (7, 3),
        "the reservation stands"
    );

    // Nobody but the auth service listens on login requests (they carry passwords).
    let mut logins = edge.subscribe(auth::LOGIN.subject).await.unwrap();
    edge.flush().await.unwrap();
    refused(&mut watch, "subscription", auth::LOGIN.subject).await;
    app.login("someone@example.com", "a password in clear")
        .await;
    let overheard = tokio::time::timeout(Duration::from_millis(500), logins.next()).await;
    assert!(
        !matches!(overheard, Ok(Some(_))),
        "the edge's key overheard a login"
    );
}

#[tokio::test]
async fn a_worker_publishes_only_its_own_events() {
    let nats = NatsServer::start().await;
    // The catalog listens to stock events; it may not announce payments or stock itself.
    let (catalog, mut watch) = nats.client_watching("catalog").await;
    for subject in [
        payments::SUCCEEDED.subject,
        "mk.evt.inventory.stock_changed",
    ] {
        catalog.publish(subject, "{}".into()).await.unwrap();
        catalog.flush().await.unwrap();
        refused(&mut watch, "publish", subject).await;
    }
}

#[tokio::test]
async fn the_edges_key_cannot_touch_jetstream() {
    let app = TestApp::spawn_shop().await;
    let (edge, mut watch) = app.nats.client_watching("edge").await;

    // A push consumer on ORDERS delivering into the inventory's request subject: the server
    // never checks a delivery subject against its creator's rights, so the right to create
    // consumers must not be there at all.
    let create = "$JS.API.CONSUMER.CREATE.ORDERS";
    let config = json!({
        "stream_name": "ORDERS",
        "config": {"deliver_subject": inventory::RELEASE.subject, "ack_policy": "none"}
    });
    edge.publish(create, config.to_string().into())
        .await
        .unwrap();
    edge.flush().await.unwrap();
    refused(&mut watch, "publish", create).await;

    // Nor may it delete a worker's durable consumer (which would stop refunds silently).
    let delete = "$JS.API.CONSUMER.DELETE.ORDERS.orders-stock";
    edge.publish(delete, "".into()).await.unwrap();
    edge.flush().await.unwrap();
    refused(&mut watch, "publish", delete).await;

    // Nor read the order events of every customer.
    let _ = edge.subscribe("mk.evt.orders.>").await;
    edge.flush().await.unwrap();
    refused(&mut watch, "subscription", "mk.evt.orders.>").await;

    let ops = app.nats.ops_jetstream().await;
    let orders = ops.get_stream("ORDERS").await.unwrap();
    assert!(orders.consumer_info("orders-stock").await.is_ok());
}

#[tokio::test]
async fn the_operators_key_cannot_publish_events() {
    let nats = NatsServer::start().await;
    // Operators read streams and replay dead letters through the consumer's own service; an
    // event they could publish would be believed by every consumer.
    let (ops, mut watch) = nats.client_watching("ops").await;
    ops.publish(payments::SUCCEEDED.subject, "{}".into())
        .await
        .unwrap();
    ops.flush().await.unwrap();
    refused(&mut watch, "publish", payments::SUCCEEDED.subject).await;
}
