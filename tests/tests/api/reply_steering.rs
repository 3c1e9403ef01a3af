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

/// Sends `mk.orders.get` as `component` with `reply` as its reply subject, and gives the orders
/// worker a second to answer it.
async fn steer_orders_reply(app: &TestApp, component: &str, reply: &str) {
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
    tokio::time::sleep(Duration::from_secs(1)).await;
}

#[tokio::test]
async fn a_reply_aimed_at_the_jetstream_api_purges_nothing() {
    let app = TestApp::spawn_shop().await;
    let stored = auth_events_of_new_customers(&app, 2).await;

    // The payments worker may call `mk.orders.get`, and so may the edge: their requests cross
    // into the orders account through an import, with a reply subject the server made, and the
    // answer goes back into the caller's own account, which has no JetStream. (No key but the
    // orders worker's own is in that account, and it may not call itself: the kit's reply guard,
    // `reply_guard.rs`, is a second line that no key reaches.)
    for component in ["payments", "edge"] {
        steer_orders_reply(&app, component, "$JS.API.STREAM.PURGE.AUTH").await;
        assert_eq!(
            messages_in(&app, "AUTH").await,
            stored,
            "the AUTH stream was purged through the orders worker's reply to {component}"
        );
    }
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
    // The shop runs one instance of six workers (notify is not among them) and the keeper.
    assert_eq!(answers.len(), 7, "every worker answers: {answers:?}");

    assert_eq!(
        messages_in(&app, "AUTH").await,
        stored,
        "the AUTH stream was purged by the workers' answers to an operator's ping"
    );
    assert!(consumer_exists(&app, "ORDERS", "payments-refunds").await);
}

/// JetStream itself answers a pull request (`CONSUMER.MSG.NEXT`) or an acknowledgement on the
/// reply subject the requester names; no NATS permission restricts a reply subject and the
/// kit's reply guard never sees these answers. When the workers shared JetStream's account, an
/// empty "no messages" answer aimed at `$JS.API.STREAM.PURGE.AUTH` purged the stream, with any
/// key that may pull (catalog, orders, payments, notify). Now each worker has an account of its
/// own that imports only its pulls and acks, so JetStream's answer lands in the worker's account,
/// where there is no JetStream API.
#[tokio::test]
async fn a_workers_pull_or_ack_cannot_aim_jetstreams_answer_at_its_api() {
    let app = TestApp::spawn_shop().await;
    let stored = auth_events_of_new_customers(&app, 1).await;

    // The orders worker's own consumer (imported under `JS.MK.API`), nothing pending: JetStream
    // answers "404 No Messages", with an empty body, to the reply subject.
    // Under both names a worker ever pulled it by: `$JS.API.…` when it shared JetStream's account.
    let orders = app.nats.client_as("orders").await;
    for pull in [
        "JS.MK.API.CONSUMER.MSG.NEXT.ORDERS.orders-stock",
        "$JS.API.CONSUMER.MSG.NEXT.ORDERS.orders-stock",
    ] {
        orders
            .publish_with_reply(
                pull,
                "$JS.API.STREAM.PURGE.AUTH".to_owned(),
                r#"{"batch":1,"no_wait":true}"#.into(),
            )
            .await
            .unwrap();
    }
    // A double ack (an ack with a reply) is answered with an empty message too.
    orders
        .publish_with_reply(
            "$JS.ACK.ORDERS.orders-stock.1.1.1.1.0",
            "$JS.API.STREAM.PURGE.AUTH".to_owned(),
            "+ACK".into(),
        )
        .await
        .unwrap();
    // And aimed at the operators' or another worker's consumer.
    orders
        .publish_with_reply(
            "JS.MK.API.CONSUMER.MSG.NEXT.ORDERS.orders-stock",
            "$JS.API.CONSUMER.DELETE.ORDERS.payments-refunds".to_owned(),
            r#"{"batch":1,"no_wait":true}"#.into(),
        )
        .await
        .unwrap();
    orders.flush().await.unwrap();
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        messages_in(&app, "AUTH").await,
        stored,
        "JetStream's answer to the orders worker's pull or ack purged the AUTH stream"
    );
    assert!(consumer_exists(&app, "ORDERS", "payments-refunds").await);
}

/// No worker's key can create a consumer, so none can make one that delivers another
/// component's subjects (the server does not check a push consumer's delivery subject): only
/// the JetStream keeper creates consumers, each as its owner's declaration says. Tried with the
/// payments key: a push consumer on ORDERS delivering to `mk.inventory.release` (stock released
/// for every order), and a durable in another worker's name.
#[tokio::test]
async fn a_workers_key_cannot_create_a_consumer() {
    let app = TestApp::spawn_shop().await;
    let payments = app.nats.client_as("payments").await;
    let push = r#"{"stream_name":"ORDERS","config":{"durable_name":"payments-x","deliver_subject":"mk.inventory.release","ack_policy":"none"}}"#;
    for subject in [
        "$JS.API.CONSUMER.CREATE.ORDERS",
        "$JS.API.CONSUMER.CREATE.ORDERS.payments-x",
        "$JS.API.CONSUMER.DURABLE.CREATE.ORDERS.payments-x",
    ] {
        let answer = payments.request(subject, push.into()).await;
        assert!(
            !matches!(&answer, Ok(message) if String::from_utf8_lossy(&message.payload).contains("\"config\"")),
            "{subject} was answered with a consumer: {answer:?}"
        );
    }
    assert!(!consumer_exists(&app, "ORDERS", "payments-x").await);

    // The keeper makes only what payments declares: not another worker's durable.
    let ask = menuskart_schemas::jetstream::EnsureRequest {
        streams: vec!["AUTH".to_owned()],
        consumers: vec![menuskart_schemas::jetstream::ConsumerLimits {
            durable: "notify-orders-copy".to_owned(),
            max_deliver: 5,
            max_ack_pending: None,
        }],
    };
    let refused = menuskart_kit::keeper::ask(&payments, "payments", &ask).await;
    assert!(
        matches!(&refused, Err(menuskart_kit::rpc::RpcError::Reply(body)) if body.code.status() == 403),
        "{refused:?}"
    );
    // Nor may it ask in another component's name: that endpoint is not imported for it.
    let as_notify = payments.request(
        menuskart_schemas::subjects::jetstream::NOTIFY.subject,
        "{}".into(),
    );
    let as_notify = tokio::time::timeout(Duration::from_secs(3), as_notify).await;
    assert!(
        !matches!(as_notify, Ok(Ok(_))),
        "the keeper answered payments asking as notify"
    );
}
