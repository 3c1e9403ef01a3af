//! Live order status (SSE) under limits: each stream holds a JetStream consumer and a task, so a
//! user may have only a few open at once, a stranger gets nothing created, and shutting the
//! edge down ends open streams instead of waiting for their clients.

use futures::StreamExt;
use menuskart_e2e::{Options, TestApp, assert_error, json_of};
use reqwest::StatusCode;

fn events_path(order: &serde_json::Value) -> String {
    format!("/orders/{}/events", order["id"].as_str().unwrap())
}

async fn placed_order(app: &TestApp) -> (menuskart_e2e::TestUser, serde_json::Value) {
    let admin = app.admin().await;
    let (user, _product) = app.customer_with_cart(&admin, 1).await;
    let placed = app.place_order(&user.access_token, None).await;
    assert_eq!(placed.status(), StatusCode::CREATED);
    (user, json_of(placed).await)
}

/// Consumers on the ORDERS stream now (each open stream has one).
async fn order_consumers(app: &TestApp) -> usize {
    let ops = app.nats.client_as("ops").await;
    let mut stream = async_nats::jetstream::new(ops)
        .get_stream("ORDERS")
        .await
        .unwrap();
    stream.info().await.unwrap().state.consumer_count
}

/// The subjects the ORDERS stream's consumers filter on.
async fn consumer_filters(app: &TestApp) -> Vec<String> {
    let ops = app.nats.client_as("ops").await;
    let stream = async_nats::jetstream::new(ops)
        .get_stream("ORDERS")
        .await
        .unwrap();
    let mut consumers = stream.consumers();
    let mut filters = Vec::new();
    while let Some(info) = consumers.next().await {
        filters.push(info.unwrap().config.filter_subject);
    }
    filters
}

#[tokio::test]
async fn each_stream_gets_only_its_orders_changes_from_the_server() {
    let app = TestApp::spawn_shop().await;
    let (user, order) = placed_order(&app).await;
    let whole_stream = |filters: &[String]| {
        filters
            .iter()
            .filter(|f| f.as_str() == "mk.evt.orders.>")
            .count()
    };
    let before = whole_stream(&consumer_filters(&app).await);
    let live = app
        .get(&events_path(&order), Some(&user.access_token))
        .await;
    assert_eq!(live.status(), StatusCode::OK);
    let own = format!("mk.evt.orders.status.{}", order["id"].as_str().unwrap());
    let filters = consumer_filters(&app).await;
    assert!(filters.contains(&own), "{filters:?}");
    assert_eq!(
        whole_stream(&filters),
        before,
        "the live view reads only its order"
    );
    drop(live);
}

#[tokio::test]
async fn a_user_has_a_few_streams_at_most_and_a_stranger_none() {
    let app = TestApp::spawn_with(Options {
        sse_max_per_user: 2,
        ..Options::shop()
    })
    .await;
    let (user, order) = placed_order(&app).await;
    let path = events_path(&order);
    let durable = order_consumers(&app).await;

    // Someone else's order: 404, and no consumer was made for the attempt.
    let stranger = app.customer().await;
    for _ in 0..3 {
        assert_error(
            app.get(&path, Some(&stranger.access_token)).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }
    assert_eq!(order_consumers(&app).await, durable);

    let first = app.get(&path, Some(&user.access_token)).await;
    let second = app.get(&path, Some(&user.access_token)).await;
    assert_eq!(
        (first.status(), second.status()),
        (StatusCode::OK, StatusCode::OK)
    );
    assert_eq!(order_consumers(&app).await, durable + 2);
    assert_error(
        app.get(&path, Some(&user.access_token)).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_requests",
    )
    .await;

    // Closing one makes room (the edge notices the client left and frees its place).
    drop(first);
    let mut reopened = None;
    for _ in 0..50 {
        let response = app.get(&path, Some(&user.access_token)).await;
        if response.status() == StatusCode::OK {
            reopened = Some(response);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        reopened.is_some(),
        "the closed stream's place never came back"
    );
    drop(second);
}

#[tokio::test]
async fn shutting_the_edge_down_ends_open_streams() {
    let mut app = TestApp::spawn_shop().await;
    let (user, order) = placed_order(&app).await;
    let live = app
        .get(&events_path(&order), Some(&user.access_token))
        .await;
    assert_eq!(live.status(), StatusCode::OK);
    let mut body = live.bytes_stream();
    // The current status arrives first.
    let first = body.next().await.expect("an event").unwrap();
    assert!(String::from_utf8_lossy(&first).contains("pending_payment"));

    // The stream is still open (its client is here); the edge stops anyway.
    app.stop_edge().await;
    let rest = tokio::time::timeout(std::time::Duration::from_secs(5), async {
        while let Some(chunk) = body.next().await {
            if chunk.is_err() {
                break;
            }
        }
    })
    .await;
    assert!(
        rest.is_ok(),
        "the stream stayed open after the edge stopped"
    );
}
