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

#[tokio::test]
async fn an_order_refunded_in_full_no_longer_verifies_its_buyer() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let mut reviews = Vec::new();
    // One buyer gets everything back, the other a part.
    for refund in [None, Some(100)] {
        let (buyer, product) = app.customer_with_cart(&admin, 1).await;
        let order = json_of(app.place_order(&buyer.access_token, None).await).await;
        let payment =
            json_of(pay(&app, &buyer.access_token, &order, "pm_card_ok", None).await).await;
        app.eventually(&order_path(&order), Some(&buyer.access_token), |o| {
            o["status"] == "paid"
        })
        .await;
        let body = refund.map_or(json!({}), |amount| json!({ "amount": amount }));
        let refunded = app
            .post(
                &format!(
                    "/payments/{}/refund",
                    payment["transaction_id"].as_str().unwrap()
                ),
                Some(&admin.access_token),
                body,
            )
            .await;
        assert_eq!(refunded.status(), StatusCode::OK);
        // The order service hears of the refund from its event, a moment later.
        let mut conn = app.orders_db.as_ref().unwrap().connect().await;
        let mut heard = 0;
        for _ in 0..100 {
            heard = sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM order_refunds WHERE order_id = $1::uuid",
            )
            .bind(order["id"].as_str().unwrap())
            .fetch_one(&mut conn)
            .await
            .unwrap();
            if heard == 1 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(heard, 1, "the refund reached the order service");
        reviews.push(review(&app, &buyer, &product, json!({"rating": 4})).await);
    }
    assert_eq!(reviews[0]["verified_buyer"], false, "refunded in full");
    assert_eq!(reviews[1]["verified_buyer"], true, "refunded in part");
}
