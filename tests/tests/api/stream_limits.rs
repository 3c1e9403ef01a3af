//! Each stream has its own share of the server's storage, so one stolen key cannot fill the
//! disk every JetStream write of the platform needs: found by an attack on the per-component
//! accounts (the catalog's key wrote 20 MB of 1 MB dead letters in 0.15 s, at which rate the
//! server's 4 GB would have been full in half a minute), and the keeper's own key is kept to
//! the declared streams and durables.

use std::time::Duration;

use async_nats::jetstream::stream::DiscardPolicy;
use menuskart_e2e::TestApp;

#[tokio::test]
async fn streams_are_capped_and_an_oversized_event_is_refused() {
    let app = TestApp::spawn_shop().await;
    let js = app.nats.ops_jetstream().await;

    let mut letters = js.get_stream("DEADLETTER").await.expect("the dead letters");
    let config = letters.info().await.expect("info").config.clone();
    assert!(config.max_bytes > 0, "{config:?}");
    assert!(
        config.max_messages_per_subject > 0,
        "one consumer's letters are capped on their own"
    );
    let mut orders = js.get_stream("ORDERS").await.expect("orders");
    let config = orders.info().await.expect("info").config.clone();
    assert!(config.max_bytes > 0);
    assert_eq!(
        config.discard,
        DiscardPolicy::New,
        "history is never dropped to make room"
    );

    // A 100 KiB "dead letter" through the catalog's own subject.
    let catalog = async_nats::jetstream::new(app.nats.client_as("catalog").await);
    let stored = match catalog
        .publish("mk.dlq.catalog-stock", vec![b'x'; 100 * 1024].into())
        .await
    {
        Ok(ack) => tokio::time::timeout(Duration::from_secs(5), ack)
            .await
            .is_ok_and(|ack| ack.is_ok()),
        Err(_) => false,
    };
    assert!(!stored, "JetStream stored a 100 KiB event");
}

#[tokio::test]
async fn the_keepers_key_makes_no_stream_of_its_own() {
    let app = TestApp::spawn().await;
    let (keeper, mut watch) = app.nats.client_watching("jetstream").await;
    // A stream capturing the workers' requests to the keeper would answer them itself.
    let capture = r#"{"name":"CAPTURE","subjects":["mk.jetstream.>"],"storage":"memory"}"#;
    let _ = tokio::time::timeout(
        Duration::from_secs(2),
        keeper.request("$JS.API.STREAM.CREATE.CAPTURE", capture.into()),
    )
    .await;
    let refusal = tokio::time::timeout(Duration::from_secs(5), watch.recv())
        .await
        .expect("the server says why")
        .expect("an error");
    assert!(
        refusal.contains("permissions violation") && refusal.contains("stream.create.capture"),
        "{refusal}"
    );
    let js = app.nats.ops_jetstream().await;
    assert!(js.get_stream("CAPTURE").await.is_err());
}
