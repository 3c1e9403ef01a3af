//! Order numbers, the admin's order list and an order's payments.

use menuskart_e2e::{TestApp, TestUser, assert_error, json_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A new customer's placed order (one unit of a fresh product).
async fn placed(app: &TestApp, admin: &TestUser) -> (TestUser, Value) {
    let (user, _) = app.customer_with_cart(admin, 1).await;
    let response = app.place_order(&user.access_token, None).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    (user, json_of(response).await)
}

async fn pay(app: &TestApp, user: &TestUser, order: &Value, method: &str) -> reqwest::Response {
    app.http
        .post(app.url("/payments"))
        .bearer_auth(&user.access_token)
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .json(&json!({"order_id": order["id"], "payment_method": method}))
        .send()
        .await
        .unwrap()
}

fn numbers(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|order| order["number"].as_str().unwrap())
        .collect()
}

async fn admin_list(app: &TestApp, admin: &TestUser, query: &str) -> Value {
    let response = app
        .get(&format!("/orders{query}"), Some(&admin.access_token))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    json_of(response).await
}

#[tokio::test]
async fn every_order_has_a_short_number_of_its_own() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, first) = placed(&app, &admin).await;
    let (_, second) = placed(&app, &admin).await;
    let number = |order: &Value| order["number"].as_str().unwrap().to_owned();
    for order in [&first, &second] {
        let n = number(order);
        let digits = n.strip_prefix("MK-").expect("MK- prefix");
        assert!(
            digits.len() >= 5 && digits.bytes().all(|b| b.is_ascii_digit()),
            "{n}"
        );
    }
    assert_ne!(number(&first), number(&second));
    // The customer's address when placing, for the shop owner's eyes.
    assert_eq!(first["customer_email"], user.email.as_str());
    let read = json_of(
        app.get(
            &format!("/orders/{}", first["id"].as_str().unwrap()),
            Some(&user.access_token),
        )
        .await,
    )
    .await;
    assert_eq!(read["number"], first["number"]);
}

#[tokio::test]
async fn the_admin_lists_every_order_newest_first_by_number_email_and_status() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (ada, adas) = placed(&app, &admin).await;
    let (bob, bobs) = placed(&app, &admin).await;
    let paid = pay(&app, &ada, &adas, "pm_card_ok").await;
    assert_eq!(paid.status(), StatusCode::OK);
    let path = format!("/orders/{}", adas["id"].as_str().unwrap());
    app.eventually(&path, Some(&ada.access_token), |o| o["status"] == "paid")
        .await;

    let all = admin_list(&app, &admin, "").await;
    assert_eq!(all["total"], 2);
    assert_eq!(
        numbers(&all),
        [
            bobs["number"].as_str().unwrap(),
            adas["number"].as_str().unwrap()
        ]
    );

    let by_number = admin_list(
        &app,
        &admin,
        &format!("?q={}", adas["number"].as_str().unwrap()),
    )
    .await;
    assert_eq!(numbers(&by_number), [adas["number"].as_str().unwrap()]);
    // Part of the email, in another case, finds that customer's orders only.
    let local = bob.email.split('@').next().unwrap().to_uppercase();
    let by_email = admin_list(&app, &admin, &format!("?q={local}")).await;
    assert_eq!(numbers(&by_email), [bobs["number"].as_str().unwrap()]);
    let nobody = admin_list(&app, &admin, "?q=nobody-at-all%40example.com").await;
    assert_eq!(nobody["total"], 0);

    let paid_only = admin_list(&app, &admin, "?status=paid").await;
    assert_eq!(numbers(&paid_only), [adas["number"].as_str().unwrap()]);
    let unpaid = admin_list(&app, &admin, "?status=pending_payment&per_page=1").await;
    assert_eq!(unpaid["total"], 1);
    assert_eq!(numbers(&unpaid), [bobs["number"].as_str().unwrap()]);

    for query in ["?page=0", "?per_page=101"] {
        let response = app
            .get(&format!("/orders{query}"), Some(&admin.access_token))
            .await;
        assert_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
    }
    // Values the query string cannot hold are the edge's 400 for a bad query.
    for query in ["?status=lost", "?page=99999999999"] {
        let response = app
            .get(&format!("/orders{query}"), Some(&admin.access_token))
            .await;
        assert_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
    }
    let refused = app.get("/orders", Some(&ada.access_token)).await;
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn an_orders_payments_declined_attempts_too_are_listed_for_its_owner_and_admins() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, order) = placed(&app, &admin).await;
    assert_eq!(
        pay(&app, &user, &order, "pm_card_declined").await.status(),
        StatusCode::PAYMENT_REQUIRED
    );
    assert_eq!(
        pay(&app, &user, &order, "pm_card_ok").await.status(),
        StatusCode::OK
    );
    let path = format!("/orders/{}/payments", order["id"].as_str().unwrap());
    for reader in [&user, &admin] {
        let list = json_of(app.get(&path, Some(&reader.access_token)).await).await;
        let statuses: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["succeeded", "failed"], "{list}");
        assert_eq!(list["items"][1]["failure_reason"], "card_declined");
    }
    let stranger = app.customer().await;
    let none = json_of(app.get(&path, Some(&stranger.access_token)).await).await;
    assert_eq!(none["items"], json!([]));
    let anonymous = app.get(&path, None).await;
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
}
