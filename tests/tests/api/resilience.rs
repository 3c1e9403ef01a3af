//! No worker, a silent worker, several workers, a worker killed mid-run.

use std::time::Duration;

use futures::StreamExt;
use menuskart_e2e::app::Options;
use menuskart_e2e::{TestApp, assert_error};
use reqwest::StatusCode;

use menuskart_kit::service_api::Verb;

use crate::service_api::gather;

#[tokio::test]
async fn with_no_worker_running_the_edge_answers_503_at_once() {
    // A long edge timeout: a 503 (not a 504) proves the answer came from NATS's "no responders",
    // not from waiting out the timeout.
    let app = TestApp::spawn_with(Options {
        auth_instances: 0,
        edge_timeout: Duration::from_secs(20),
        ..Options::default()
    })
    .await;
    let response = app
        .register("nobody@example.com", "a fine password", "N")
        .await;
    let body = assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "unavailable").await;
    assert!(body["error"]["message"].as_str().unwrap().contains("auth"));
}

#[tokio::test]
async fn a_worker_that_does_not_answer_gets_504_not_a_hang() {
    let app = TestApp::spawn_with(Options {
        auth_instances: 0,
        edge_timeout: Duration::from_millis(300),
        ..Options::default()
    })
    .await;
    // An auth instance that is subscribed, so NATS has a responder, but never replies.
    let client = app.nats.client_as("auth").await;
    let subject = menuskart_schemas::subjects::auth::LOGIN.subject;
    let mut silent = client.queue_subscribe(subject, "q".into()).await.unwrap();
    // A message sent as the edge coming back proves the server has the subscription.
    let edge = app.nats.client_as("edge").await;
    edge.publish(subject, "probe".into()).await.unwrap();
    edge.flush().await.unwrap();
    assert_eq!(silent.next().await.unwrap().payload, "probe");
    let response = app.login("a@example.com", "whatever password").await;
    assert_error(response, StatusCode::GATEWAY_TIMEOUT, "timeout").await;
}

#[tokio::test]
async fn two_instances_in_one_queue_group_both_serve() {
    let app = TestApp::spawn_with(Options {
        auth_instances: 2,
        ..Options::default()
    })
    .await;
    for i in 0..40 {
        let response = app
            .register(&format!("u{i}@example.com"), "a fine password", "U")
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let client = app.nats.client_as("ops").await;
    let stats = gather(&client, Verb::Stats, Some("auth")).await;
    assert_eq!(stats.len(), 2, "two instances answer STATS");
    for instance in &stats {
        let served: u64 = instance["endpoints"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["num_requests"].as_u64().unwrap())
            .sum();
        assert!(served > 0, "an instance served nothing: {instance}");
    }
}

#[tokio::test]
async fn killing_one_instance_mid_run_loses_no_acknowledged_registration() {
    let mut app = TestApp::spawn_with(Options {
        auth_instances: 2,
        edge_timeout: Duration::from_secs(2),
        ..Options::default()
    })
    .await;
    let victim = app.auth.remove(0);

    let app = std::sync::Arc::new(app);
    let mut clients = tokio::task::JoinSet::new();
    for client in 0..4 {
        let app = app.clone();
        clients.spawn(async move {
            let mut acknowledged = Vec::new();
            let mut failed = 0;
            for i in 0..15 {
                let email = format!("c{client}-{i}@example.com");
                let response = app.register(&email, "a fine password", "K").await;
                match response.status() {
                    StatusCode::CREATED => acknowledged.push(email),
                    // The kill may cost a request an answer; it must never cost a success.
                    StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT => failed += 1,
                    other => panic!("unexpected status {other}"),
                }
            }
            (acknowledged, failed)
        });
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    tokio::task::spawn_blocking(move || victim.kill())
        .await
        .unwrap();

    let mut acknowledged = Vec::new();
    while let Some(result) = clients.join_next().await {
        acknowledged.extend(result.unwrap().0);
    }
    assert!(
        acknowledged.len() >= 30,
        "the survivor keeps serving: {}",
        acknowledged.len()
    );
    for email in &acknowledged {
        let login = app.login(email, "a fine password").await;
        assert_eq!(
            login.status(),
            StatusCode::OK,
            "{email} was acknowledged but is lost"
        );
    }
}

#[tokio::test]
async fn a_graceful_stop_finishes_requests_in_flight() {
    let mut app = TestApp::spawn_with(Options {
        auth_instances: 1,
        ..Options::default()
    })
    .await;
    let instance = app.auth.remove(0);
    let app = std::sync::Arc::new(app);
    let mut inflight = tokio::task::JoinSet::new();
    for i in 0..8 {
        let app = app.clone();
        inflight.spawn(async move {
            app.register(&format!("g{i}@example.com"), "a fine password", "G")
                .await
                .status()
        });
    }
    // Let the requests reach the worker (each takes an argon2 hash), then ask it to stop.
    tokio::time::sleep(Duration::from_millis(30)).await;
    tokio::task::spawn_blocking(move || instance.stop())
        .await
        .unwrap();
    let mut created = 0;
    while let Some(status) = inflight.join_next().await {
        let status = status.unwrap();
        assert!(
            status == StatusCode::CREATED || status == StatusCode::SERVICE_UNAVAILABLE,
            "a request was cut off: {status}"
        );
        if status == StatusCode::CREATED {
            created += 1;
        }
    }
    // Whatever was answered 201 is really stored.
    let mut conn = app.db.connect().await;
    let stored: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email LIKE 'g%@example.com'")
            .fetch_one(&mut conn)
            .await
            .unwrap();
    assert_eq!(stored, created);
}

/// A worker asked to stop while its consumer handles an event finishes that event (and acks
/// it) before the consumer returns, and pulls no other.
#[tokio::test]
async fn a_stopped_consumer_settles_the_event_in_hand_and_takes_no_more() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use menuskart_kit::CancellationToken;
    use menuskart_kit::consumer::{self, Delivery, Subscription};
    use menuskart_kit::events::Events;
    use menuskart_schemas::orders::{OrderEvent, OrderStatus};
    use menuskart_schemas::subjects::events::orders;
    use tokio::sync::{Notify, mpsc};

    let nats = menuskart_e2e::NatsServer::start().await;
    // The order service's own stream, events and consumer (its key grants no other).
    let client = nats.client_as("orders").await;
    let events = Events::new(client.clone());
    let streams = menuskart_schemas::jetstream::EnsureRequest {
        streams: vec![orders::STREAM.name.to_owned()],
        consumers: Vec::new(),
    };
    menuskart_kit::keeper::ask(&client, "orders", &streams)
        .await
        .unwrap();
    let event = |n: u128| OrderEvent {
        order_id: menuskart_schemas::ids::OrderId(uuid::Uuid::from_u128(n)),
        user_id: menuskart_schemas::ids::UserId(uuid::Uuid::from_u128(n)),
        status: OrderStatus::Paid,
        total: menuskart_schemas::money::Amount(100),
        currency: menuskart_schemas::money::Currency::EUR,
        at: chrono::Utc::now(),
        reason: None,
    };
    for n in [1, 2] {
        events
            .publish(orders::PAID, &n.to_string(), &event(n))
            .await
            .unwrap();
    }

    let (started_tx, mut started) = mpsc::unbounded_channel();
    let release = Arc::new(Notify::new());
    let finished = Arc::new(AtomicUsize::new(0));
    let stop = CancellationToken::new();
    let subscription = Subscription {
        stream: orders::STREAM,
        durable: "orders-stock",
        filter: "mk.evt.orders.>",
        max_deliver: 3,
        backoff: consumer::DEFAULT_BACKOFF,
        max_ack_pending: None,
        concurrency: 1,
    };
    let run = tokio::spawn({
        let (release, finished, stop) = (release.clone(), finished.clone(), stop.clone());
        consumer::run(
            client.clone(),
            subscription,
            stop,
            consumer::RecreatedConsumers::default(),
            move |delivery: Delivery<orders::Event>| {
                let (started_tx, release, finished) =
                    (started_tx.clone(), release.clone(), finished.clone());
                async move {
                    started_tx.send(delivery.stream_sequence).unwrap();
                    release.notified().await;
                    finished.fetch_add(1, Ordering::SeqCst);
                    Ok::<(), String>(())
                }
            },
        )
    });

    assert_eq!(
        started.recv().await,
        Some(1),
        "the first event is being handled"
    );
    stop.cancel();
    // Stopped, but the event in hand is not cut off: the consumer waits for it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !run.is_finished(),
        "the consumer returned with an event in hand"
    );
    release.notify_one();
    tokio::time::timeout(Duration::from_secs(10), run)
        .await
        .expect("the consumer stops once the event is settled")
        .unwrap()
        .unwrap();
    assert_eq!(finished.load(Ordering::SeqCst), 1);
    assert!(
        started.try_recv().is_err(),
        "a second event was started after the stop"
    );

    // The ack is not confirmed by the server before the handler returns: look until it lands.
    let mut consumer = menuskart_kit::nats::jetstream(client)
        .get_consumer_from_stream::<async_nats::jetstream::consumer::pull::Config, _, _>(
            "orders-stock",
            orders::STREAM.name,
        )
        .await
        .unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        let acked = consumer.info().await.unwrap().ack_floor.stream_sequence;
        if acked == 1 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the event in hand was not acked (ack floor {acked})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
