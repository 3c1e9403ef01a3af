//! A review says whether its author bought the product: the catalog asks the order service,
//! with the reviewer's own token, when the review is written. Only a paid order counts, and a
//! client cannot claim it.

use menuskart_e2e::payments::{order_path, pay};
use menuskart_e2e::{TestApp, TestUser, json_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn review(app: &TestApp, user: &TestUser, product: &str, body: Value) -> Value {
    let response = app
        .post(
            &format!("/products/{product}/reviews"),
            Some(&user.access_token),
            body,
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json_of(response).await
}

#[tokio::test]
async fn a_review_by_someone_who_paid_for_the_product_is_marked_a_verified_buyers() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (buyer, product) = app.customer_with_cart(&admin, 1).await;
    let order = json_of(app.place_order(&buyer.access_token, None).await).await;
    // Placed but not paid yet: not a purchase.
    let (placer, placers_product) = app.customer_with_cart(&admin, 1).await;
    let unpaid = app.place_order(&placer.access_token, None).await;
    assert_eq!(unpaid.status(), StatusCode::CREATED);
    let paid = pay(&app, &buyer.access_token, &order, "pm_card_ok", None).await;
    assert_eq!(paid.status(), StatusCode::OK);
    app.eventually(&order_path(&order), Some(&buyer.access_token), |o| {
        o["status"] == "paid"
    })
    .await;

    let verified = review(
        &app,
        &buyer,
        &product,
        json!({"rating": 5, "text": "Lovely"}),
    )
    .await;
    assert_eq!(verified["verified_buyer"], true);
    let unpaid_review = review(&app, &placer, &placers_product, json!({"rating": 4})).await;
    assert_eq!(unpaid_review["verified_buyer"], false);
    // Someone who never bought it cannot say they did.
    let stranger = app.customer().await;
    let claimed = review(
        &app,
        &stranger,
        &product,
        json!({"rating": 1, "verified_buyer": true}),
    )
    .await;
    assert_eq!(claimed["verified_buyer"], false);
    // Buying one product verifies nothing about another.
    let other = review(&app, &buyer, &placers_product, json!({"rating": 3})).await;
    assert_eq!(other["verified_buyer"], false);

    // The product's reviews say it too.
    let listed = json_of(app.get(&format!("/products/{product}/reviews"), None).await).await;
    let marks: Vec<(&str, bool)> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["user_id"].as_str().unwrap(),
                r["verified_buyer"].as_bool().unwrap(),
            )
        })
        .collect();
    assert!(marks.contains(&(buyer.id.as_str(), true)), "{marks:?}");
    assert!(marks.contains(&(stranger.id.as_str(), false)), "{marks:?}");
}
