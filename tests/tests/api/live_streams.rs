//! Live order status (SSE) under limits: each stream holds a subscription, a task and a watch
//! at the orders worker, so a user may have only a few open at once, a stranger gets nothing,
//! a stream ends with its token or its session, and shutting the edge down ends open streams instead of
//! waiting for their clients. The edge reads no JetStream for any of it.

use std::time::Duration;

use futures::StreamExt;
use menuskart_e2e::{Options, TestApp, TestUser, assert_error, json_of};
use menuskart_kit::jwt::{ISSUER, TokenSigner};
use menuskart_schemas::auth::{AccessClaims, Role};
use reqwest::StatusCode;

fn events_path(order: &serde_json::Value) -> String {
    format!("/orders/{}/events", order["id"].as_str().unwrap())
}

async fn placed_order(app: &TestApp) -> (TestUser, serde_json::Value) {
    let admin = app.admin().await;
    let (user, _product) = app.customer_with_cart(&admin, 1).await;
    let placed = app.place_order(&user.access_token, None).await;
    assert_eq!(placed.status(), StatusCode::CREATED);
    (user, json_of(placed).await)
}

/// Consumers on the ORDERS stream now.
async fn order_consumers(app: &TestApp) -> usize {
    let mut stream = app
        .nats
        .ops_jetstream()
        .await
        .get_stream("ORDERS")
        .await
        .unwrap();
    stream.info().await.unwrap().state.consumer_count
}

/// Whether `body` ends within `wait`.
async fn ends_within(body: &mut (impl futures::Stream + Unpin), wait: Duration) -> bool {
    tokio::time::timeout(wait, async { while body.next().await.is_some() {} })
        .await
        .is_ok()
}

#[tokio::test]
async fn a_live_stream_makes_no_consumer_and_follows_its_order() {
    let app = TestApp::spawn_shop().await;
    let (user, order) = placed_order(&app).await;
    let consumers = order_consumers(&app).await;
    let live = app
        .get(&events_path(&order), Some(&user.access_token))
        .await;
    assert_eq!(live.status(), StatusCode::OK);
    assert_eq!(
        order_consumers(&app).await,
        consumers,
        "the live view created a JetStream consumer"
    );
    let mut body = live.bytes_stream();
    let first = body.next().await.expect("an event").unwrap();
    assert!(String::from_utf8_lossy(&first).contains("pending_payment"));

    // The customer cancels: the change arrives from the orders worker, and the stream ends
    // with the final status.
    let cancelled = app
        .post(
            &format!("/orders/{}/cancel", order["id"].as_str().unwrap()),
            Some(&user.access_token),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    let next = tokio::time::timeout(Duration::from_secs(10), body.next())
        .await
        .expect("the change arrived")
        .expect("an event")
        .unwrap();
    assert!(
        String::from_utf8_lossy(&next).contains("cancelled"),
        "{}",
        String::from_utf8_lossy(&next)
    );
    assert!(ends_within(&mut body, Duration::from_secs(5)).await);
}

#[tokio::test]
async fn a_live_stream_ends_when_its_token_expires() {
    let app = TestApp::spawn_shop().await;
    let (user, order) = placed_order(&app).await;
    // The same customer with a token that lives three seconds.
    let now = chrono::Utc::now().timestamp();
    let claims = AccessClaims {
        sub: user.id.parse().unwrap(),
        email: user.email.clone(),
        roles: vec![Role::Customer],
        sid: uuid::Uuid::new_v4(),
        iat: now,
        exp: now + 3,
        iss: ISSUER.into(),
    };
    let short = TokenSigner::new(app.nats.token_key())
        .encode(&claims)
        .unwrap();
    let live = app.get(&events_path(&order), Some(&short)).await;
    assert_eq!(live.status(), StatusCode::OK);
    let mut body = live.bytes_stream();
    assert!(body.next().await.is_some(), "the current status first");
    assert!(
        ends_within(&mut body, Duration::from_secs(10)).await,
        "the stream outlived its token"
    );
}

#[tokio::test]
async fn a_live_stream_ends_when_its_customer_logs_out() {
    let app = TestApp::spawn_shop().await;
    let (user, order) = placed_order(&app).await;
    let live = app
        .get(&events_path(&order), Some(&user.access_token))
        .await;
    assert_eq!(live.status(), StatusCode::OK);
    let mut body = live.bytes_stream();
    assert!(body.next().await.is_some(), "the current status first");

    let logout = app
        .post(
            "/auth/logout",
            Some(&user.access_token),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    // The next renewal (every 15 s) finds the session ended; the token itself has 15 minutes
    // left.
    assert!(
        ends_within(&mut body, Duration::from_secs(25)).await,
        "the stream outlived the logout"
    );
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

    // Someone else's order: 404.
    let stranger = app.customer().await;
    for _ in 0..3 {
        assert_error(
            app.get(&path, Some(&stranger.access_token)).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }

    let first = app.get(&path, Some(&user.access_token)).await;
    let second = app.get(&path, Some(&user.access_token)).await;
    assert_eq!(
        (first.status(), second.status()),
        (StatusCode::OK, StatusCode::OK)
    );
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
        tokio::time::sleep(Duration::from_millis(100)).await;
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
    assert!(
        ends_within(&mut body, Duration::from_secs(5)).await,
        "the stream stayed open after the edge stopped"
    );
}
