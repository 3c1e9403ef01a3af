use menuskart_e2e::app::Options;
use menuskart_e2e::{TestApp, assert_error};
use reqwest::StatusCode;

#[tokio::test]
async fn credential_routes_are_rate_limited_per_client_ip() {
    let app = TestApp::spawn_with(Options {
        auth_rate_per_minute: 1,
        auth_rate_burst: 3,
        ..Options::default()
    })
    .await;
    for _ in 0..3 {
        let response = app.login("limit@example.com", "whatever password").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let limited = app.login("limit@example.com", "whatever password").await;
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_error(limited, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;

    // Other routes are not limited by the credential quota.
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_status() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    for _ in 0..3 {
        app.get("/users/me", Some(&user.access_token)).await;
    }
    app.get("/definitely/not/a/route", None).await;
    // Not on the public address.
    assert_eq!(
        app.get("/metrics", None).await.status(),
        StatusCode::NOT_FOUND
    );
    app.call(
        reqwest::Method::from_bytes(b"BREW").unwrap(),
        "/healthz",
        None,
        None,
    )
    .await;
    let text = app
        .http
        .get(&app.metrics_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The recorder is per process and tests run in parallel: find our lines, not exact totals.
    let count_of = |needle: &str| -> f64 {
        text.lines()
            .filter(|l| l.starts_with("mk_http_requests_total{") && l.contains(needle))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    };
    // An invented method is counted as `other`, never as a label of its own.
    assert!(!text.contains("BREW"), "{text}");
    assert!(count_of(r#"method="other""#) >= 1.0, "{text}");
    assert!(
        count_of(r#"route="/users/me",status="200""#) >= 3.0,
        "{text}"
    );
    assert!(
        count_of(r#"route="unmatched",status="404""#) >= 1.0,
        "{text}"
    );
    assert!(
        text.contains("mk_http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(text.contains(r#"mk_nats_requests_total{subject="mk.auth.profile_get",outcome="ok"}"#));
}
