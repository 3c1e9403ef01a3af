//! A caller cannot aim a worker's answer at the JetStream API (or anywhere but an inbox).
//!
//! Reproduced on the running platform: with the edge's key, a request to `mk.orders.get` whose
//! reply subject was `$JS.API.STREAM.PURGE.AUTH` emptied the AUTH stream, because the orders
//! worker answered it and JetStream took the answer for a purge request. The same works for
//! deleting a stream or another service's durable consumer.

use std::time::Duration;

use menuskart_e2e::TestApp;
use menuskart_kit::service_api::{Verb, discover};
use menuskart_schemas::subjects::orders;

/// How many messages `stream` holds now.
async fn messages_in(app: &TestApp, stream: &str) -> u64 {
    let js = app.nats.ops_jetstream().await;
    let mut stream = js.get_stream(stream).await.expect("the stream exists");
    stream.info().await.expect("stream info").state.messages
}

/// Registers `customers` accounts and waits until their events are in the AUTH stream; how
/// many messages it holds then.
async fn auth_events_of_new_customers(app: &TestApp, customers: u64) -> u64 {
    for _ in 0..customers {
        app.customer().await;
    }
    for _ in 0..50 {
        if messages_in(app, "AUTH").await >= customers {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let stored = messages_in(app, "AUTH").await;
    assert!(stored >= customers, "the accounts' events reached AUTH");
    stored
}

async fn consumer_exists(app: &TestApp, stream: &str, durable: &str) -> bool {
    let js = app.nats.ops_jetstream().await;
    let stream = js.get_stream(stream).await.expect("the stream exists");
    stream
        .consumer_info(durable)
        .await
        .map(|info| info.name == durable)
        .unwrap_or(false)
}

/// The orders workers' count of requests refused for their reply subject.
async fn refused_by_orders(app: &TestApp) -> u64 {
    app.nats.stats_sum("orders", "refused_replies").await
}

/// Sends `mk.orders.get` as `component` with `reply` as its reply subject, then waits until
/// the orders worker has dealt with it (counted it as refused) or five seconds have passed.
async fn steer_orders_reply(app: &TestApp, component: &str, reply: &str) {
    let before = refused_by_orders(app).await;
    let client = app.nats.client_as(component).await;
    let body = serde_json::json!({ "order_id": uuid::Uuid::new_v4() });
    client
        .publish_with_reply(
            orders::GET.subject,
            reply.to_owned(),
            body.to_string().into(),
        )
        .await
        .unwrap();
    client.flush().await.unwrap();
    for _ in 0..25 {
        if refused_by_orders(app).await > before {
            return;
        }
    }
}

#[tokio::test]
async fn a_reply_aimed_at_the_jetstream_api_purges_nothing_and_is_counted() {
    let app = TestApp::spawn_shop().await;
    let stored = auth_events_of_new_customers(&app, 2).await;

    // The payments worker may call `mk.orders.get`, and so may the edge: with either key, the
    // orders worker refuses to answer anywhere but an inbox.
    for component in ["payments", "edge"] {
        steer_orders_reply(&app, component, "$JS.API.STREAM.PURGE.AUTH").await;
        assert_eq!(
            messages_in(&app, "AUTH").await,
            stored,
            "the AUTH stream was purged through the orders worker's reply to {component}"
        );
    }
    assert!(
        refused_by_orders(&app).await >= 1,
        "the refusal is counted in the orders service's stats"
    );
}

#[tokio::test]
async fn a_reply_aimed_at_another_services_consumer_deletes_nothing() {
    let app = TestApp::spawn_shop().await;
    assert!(consumer_exists(&app, "ORDERS", "payments-refunds").await);

    steer_orders_reply(
        &app,
        "payments",
        "$JS.API.CONSUMER.DELETE.ORDERS.payments-refunds",
    )
    .await;

    assert!(
        consumer_exists(&app, "ORDERS", "payments-refunds").await,
        "the payments worker's durable consumer was deleted through the orders worker's reply"
    );
}

#[tokio::test]
async fn an_operators_service_api_request_cannot_aim_the_answers_at_jetstream() {
    let app = TestApp::spawn_shop().await;
    let stored = auth_events_of_new_customers(&app, 1).await;

    // The service API's answers are sent by async-nats itself, past the kit's refusal: every
    // instance of every worker answers `$SRV.PING`. Only the accounts keep those answers away
    // from JetStream: the operators' request arrives with a reply subject the server made, and
    // the answers go back into the operators' account, which has no JetStream.
    let ops = app.nats.client_as("ops").await;
    for reply in [
        "$JS.API.STREAM.PURGE.AUTH",
        "$JS.API.CONSUMER.DELETE.ORDERS.payments-refunds",
    ] {
        ops.publish_with_reply("$SRV.PING", reply.to_owned(), "".into())
            .await
            .unwrap();
    }
    ops.flush().await.unwrap();
    // Each instance answers its pings in turn: once all answered this one, they answered those.
    let answers = discover(&ops, Verb::Ping, None, Duration::from_secs(1))
        .await
        .unwrap();
    // The shop runs one instance of six workers (notify is not among them).
    assert_eq!(answers.len(), 6, "every worker answers: {answers:?}");

    assert_eq!(
        messages_in(&app, "AUTH").await,
        stored,
        "the AUTH stream was purged by the workers' answers to an operator's ping"
    );
    assert!(consumer_exists(&app, "ORDERS", "payments-refunds").await);
}

/// Still open: JetStream itself answers a pull request (`CONSUMER.MSG.NEXT`) or an acknowledgement
/// on the reply subject the requester names, and inside the workers' account that may be its own
/// API: an empty "no messages" answer aimed at `$JS.API.STREAM.PURGE.AUTH` purges the stream. Any
/// worker key that may pull from a consumer (catalog, orders, payments, notify) can do it; the
/// kit's reply guard never sees these answers and no NATS permission restricts a reply subject.
/// Found by an attack on this round's changes; the fix is to give the consuming workers an
/// account of their own, importing only their pulls and acks, so JetStream's answers land where
/// there is no JetStream API (left for the next round: docs/security.md, "Open").
#[tokio::test]
#[ignore = "open: a pull request's reply steers JetStream's own answer onto its API (docs/security.md, Open)"]
async fn a_workers_pull_request_cannot_aim_jetstreams_answer_at_its_api() {
    let app = TestApp::spawn_shop().await;
    let stored = auth_events_of_new_customers(&app, 1).await;

    // The orders worker's own consumer, nothing pending: JetStream answers "404 No Messages",
    // with an empty body, to the reply subject.
    let orders = app.nats.client_as("orders").await;
    orders
        .publish_with_reply(
            "$JS.API.CONSUMER.MSG.NEXT.ORDERS.orders-stock",
            "$JS.API.STREAM.PURGE.AUTH".to_owned(),
            r#"{"batch":1,"no_wait":true}"#.into(),
        )
        .await
        .unwrap();
    orders.flush().await.unwrap();
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        messages_in(&app, "AUTH").await,
        stored,
        "JetStream's answer to the orders worker's pull purged the AUTH stream"
    );
}
