//! Rate limits are counted in Redis, so every edge instance enforces the same ones; they count
//! per client address and per signed-in user; and `X-Forwarded-For` names the client only when
//! a trusted proxy sent it.

use menuskart_e2e::{Options, TestApp, TestUser};
use reqwest::StatusCode;
use serde_json::json;

async fn login_at(app: &TestApp, base_url: &str) -> StatusCode {
    app.http
        .post(format!("{base_url}/auth/login"))
        .json(&json!({"email": "shared@example.com", "password": "not the password"}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_second_edge_shares_the_credential_limit() {
    let app = TestApp::spawn_with(Options {
        auth_rate_per_minute: 1,
        auth_rate_burst: 3,
        ..Options::default()
    })
    .await;
    let second = app.start_edge().await;
    assert_eq!(
        login_at(&app, &app.base_url).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(login_at(&app, &second).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        login_at(&app, &app.base_url).await,
        StatusCode::UNAUTHORIZED
    );
    // Three attempts in all: the fourth is refused whichever edge takes it.
    assert_eq!(login_at(&app, &second).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        login_at(&app, &app.base_url).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// `POST /orders` for `user` as if from `address` (through the trusted proxy). The cart is
/// empty, so a placement that passes the limit is 422; the limit counts it all the same.
async fn place_from(app: &TestApp, user: &TestUser, address: &str) -> StatusCode {
    app.http
        .post(app.url("/orders"))
        .bearer_auth(&user.access_token)
        .header("X-Forwarded-For", address)
        .json(&json!({"shipping_address": menuskart_e2e::shop::address()}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn order_placement_is_limited_per_user_whatever_the_address() {
    let app = TestApp::spawn_with(Options {
        order_rate_per_minute: 1,
        order_rate_burst: 2,
        trusted_proxies: "127.0.0.1",
        ..Options::shop()
    })
    .await;
    let user = app.customer().await;
    assert_eq!(
        place_from(&app, &user, "203.0.113.1").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        place_from(&app, &user, "203.0.113.2").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // A third address, the same account: refused.
    assert_eq!(
        place_from(&app, &user, "203.0.113.3").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Someone else, from yet another address, is not.
    let other = app.customer().await;
    assert_eq!(
        place_from(&app, &other, "203.0.113.4").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

/// A visitor's cart change as if from `address`; its status.
async fn cart_write_from(app: &TestApp, address: &str) -> StatusCode {
    app.http
        .post(app.url("/cart/add"))
        .header("X-Forwarded-For", address)
        .json(&json!({"product_id": "no-such-product", "quantity": 1}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn forwarded_for_names_the_client_only_behind_a_trusted_proxy() {
    let options = Options {
        cart_rate_per_minute: 1,
        cart_rate_burst: 2,
        ..Options::shop()
    };
    // Straight from the client: the header is ignored, every request is the peer's.
    let direct = TestApp::spawn_with(Options {
        trusted_proxies: "",
        ..options
    })
    .await;
    let statuses = [
        cart_write_from(&direct, "198.51.100.1").await,
        cart_write_from(&direct, "198.51.100.2").await,
        cart_write_from(&direct, "198.51.100.3").await,
    ];
    assert_ne!(statuses[0], StatusCode::TOO_MANY_REQUESTS);
    assert_ne!(statuses[1], StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(statuses[2], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");

    // Behind our proxy (the peer is trusted): each client has its own count.
    let proxied = TestApp::spawn_with(Options {
        trusted_proxies: "127.0.0.1",
        cart_rate_per_minute: 1,
        cart_rate_burst: 2,
        ..Options::shop()
    })
    .await;
    for address in ["198.51.100.1", "198.51.100.2", "198.51.100.3"] {
        assert_ne!(
            cart_write_from(&proxied, address).await,
            StatusCode::TOO_MANY_REQUESTS,
            "{address}"
        );
    }
    // The first client's own count still runs out.
    assert_ne!(
        cart_write_from(&proxied, "198.51.100.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        cart_write_from(&proxied, "198.51.100.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

/// Three logins in a row at the app's edge: their statuses.
async fn three_logins(app: &TestApp) -> [StatusCode; 3] {
    let mut statuses = [StatusCode::OK; 3];
    for status in &mut statuses {
        *status = login_at(app, &app.base_url).await;
    }
    statuses
}

#[tokio::test]
async fn while_redis_is_down_each_edge_still_limits_in_memory() {
    let dir = std::env::temp_dir().join(format!("mk-rate-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut redis = menuskart_e2e::redis::start_redis(&dir);
    let app = TestApp::spawn_with(Options {
        auth_rate_per_minute: 1,
        auth_rate_burst: 2,
        rate_redis_url: Some(menuskart_e2e::redis::socket_url(&dir)),
        ..Options::default()
    })
    .await;
    assert_eq!(
        three_logins(&app).await,
        [
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );

    // Redis goes away: the edge neither fails nor lets everything through; it counts itself.
    redis.kill().unwrap();
    redis.wait().unwrap();
    assert_eq!(
        three_logins(&app).await,
        [
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn ipv6_clients_are_counted_per_64_not_per_address() {
    let app = TestApp::spawn_with(Options {
        trusted_proxies: "127.0.0.1",
        cart_rate_per_minute: 1,
        cart_rate_burst: 2,
        ..Options::shop()
    })
    .await;
    // One subscriber's /64 holds 2^64 addresses: a new one for each request changes nothing.
    for address in ["2001:db8:1:2::1", "2001:db8:1:2::2"] {
        assert_ne!(
            cart_write_from(&app, address).await,
            StatusCode::TOO_MANY_REQUESTS,
            "{address}"
        );
    }
    assert_eq!(
        cart_write_from(&app, "2001:db8:1:2:ffff::3").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The neighbouring /64 is another client.
    assert_ne!(
        cart_write_from(&app, "2001:db8:1:3::1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}
