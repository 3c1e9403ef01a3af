//! Payment attempts (card testing: one stolen card after another) and verification-email
//! resends (each sends mail) are rate-limited per client address and per user, like the
//! credential routes: the request past the quota is 429 with `Retry-After`.

use menuskart_e2e::payments::placed_order;
use menuskart_e2e::{Options, TestApp, assert_error};
use reqwest::StatusCode;
use serde_json::json;

/// `POST path` as `token` (if any) from `address`, through the trusted proxy.
async fn post_from(
    app: &TestApp,
    path: &str,
    token: Option<&str>,
    address: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    let mut request = app
        .http
        .post(app.url(path))
        .header("X-Forwarded-For", address)
        .json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

/// The 429 of a limit, with a wait the client can use.
async fn assert_limited(response: reqwest::Response) {
    let retry_after: u64 = response
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
}

#[tokio::test]
async fn payment_attempts_are_limited_per_user_and_per_client() {
    let app = TestApp::spawn_with(Options {
        payment_rate_per_minute: 1,
        payment_rate_burst: 2,
        trusted_proxies: "127.0.0.1",
        ..Options::shop()
    })
    .await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;
    let attempt = json!({"order_id": order["id"], "payment_method": "pm_card_declined"});
    // Two cards declined, each from another address: the account's quota is spent.
    for address in ["203.0.113.1", "203.0.113.2"] {
        let declined = post_from(
            &app,
            "/payments",
            Some(&user.access_token),
            address,
            attempt.clone(),
        )
        .await;
        assert_eq!(declined.status(), StatusCode::PAYMENT_REQUIRED, "{address}");
    }
    assert_limited(
        post_from(
            &app,
            "/payments",
            Some(&user.access_token),
            "203.0.113.3",
            attempt.clone(),
        )
        .await,
    )
    .await;
    // One address trying with ever new accounts (here: none) runs out just the same.
    for _ in 0..2 {
        let anonymous = post_from(&app, "/payments", None, "203.0.113.9", attempt.clone()).await;
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    }
    assert_limited(post_from(&app, "/payments", None, "203.0.113.9", attempt).await).await;
}

#[tokio::test]
async fn verification_email_resends_are_limited_per_user_and_per_client() {
    let app = TestApp::spawn_with(Options {
        email_resend_rate_per_minute: 1,
        email_resend_rate_burst: 2,
        trusted_proxies: "127.0.0.1",
        ..Options::default()
    })
    .await;
    let user = app.customer().await;
    let resend = |address: &'static str, token: Option<String>| {
        let app = &app;
        async move {
            post_from(
                app,
                "/auth/verify-email/resend",
                token.as_deref(),
                address,
                json!({}),
            )
            .await
        }
    };
    let token = Some(user.access_token.clone());
    for address in ["203.0.113.1", "203.0.113.2"] {
        assert_eq!(
            resend(address, token.clone()).await.status(),
            StatusCode::ACCEPTED,
            "{address}"
        );
    }
    assert_limited(resend("203.0.113.3", token).await).await;
    // Another account, from an address of its own, is not held back; but one address with ever
    // new accounts runs out too.
    for _ in 0..2 {
        let other = app.customer().await;
        assert_eq!(
            resend("203.0.113.9", Some(other.access_token.clone()))
                .await
                .status(),
            StatusCode::ACCEPTED
        );
    }
    let third = app.customer().await;
    assert_limited(resend("203.0.113.9", Some(third.access_token.clone())).await).await;
}

#[tokio::test]
async fn reviews_are_limited_per_user_and_per_client() {
    let app = TestApp::spawn_with(Options {
        review_rate_per_minute: 1,
        review_rate_burst: 2,
        trusted_proxies: "127.0.0.1",
        ..Options::default()
    })
    .await;
    let admin = app.admin().await;
    let mut products = Vec::new();
    for name in ["Review Me One", "Review Me Two", "Review Me Three"] {
        products.push(app.stocked_product(&admin, name, 500, "dishes", 5).await);
    }
    let review = |product: &str, address: &'static str, token: String| {
        let app = &app;
        let path = format!("/products/{product}/reviews");
        async move { post_from(app, &path, Some(&token), address, json!({"rating": 5})).await }
    };
    // One account, from ever new addresses: two reviews, then it must wait.
    let spammer = app.customer().await;
    for (product, address) in products.iter().zip(["203.0.113.1", "203.0.113.2"]) {
        let response = review(product, address, spammer.access_token.clone()).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{address}");
    }
    assert_limited(review(&products[2], "203.0.113.3", spammer.access_token.clone()).await).await;
    // Ever new accounts from one address run out too.
    for product in &products[..2] {
        let other = app.customer().await;
        let response = review(product, "203.0.113.9", other.access_token.clone()).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let third = app.customer().await;
    assert_limited(review(&products[2], "203.0.113.9", third.access_token.clone()).await).await;
}
