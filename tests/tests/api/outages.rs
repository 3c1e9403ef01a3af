//! A database out of reach is a 503 the client may retry (with `Retry-After`), never a 500; once
//! it is back, the same request succeeds. (Redis, the stock store: `stock_redis.rs`.)

use menuskart_e2e::{TestApp, assert_error, json_of};
use reqwest::StatusCode;

#[tokio::test]
async fn an_unreachable_order_database_is_503_with_retry_after_until_it_is_back() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (customer, _) = app.customer_with_cart(&admin, 1).await;
    let token = customer.access_token.as_str();
    let order = json_of(app.place_order(token, None).await).await;
    let path = format!("/orders/{}", order["id"].as_str().expect("placed"));
    let database = app.orders_db.as_ref().expect("the order database");

    database.allow_connections(false).await;
    let down = app.get(&path, Some(token)).await;
    assert_eq!(down.headers()["retry-after"], "2");
    let body = assert_error(down, StatusCode::SERVICE_UNAVAILABLE, "unavailable").await;
    assert!(
        !body.to_string().contains("mk_test_"),
        "nothing internal: {body}"
    );

    database.allow_connections(true).await;
    let back = app
        .eventually(&path, Some(token), |found| found["id"] == order["id"])
        .await;
    assert_eq!(back["status"], "pending_payment");
}
