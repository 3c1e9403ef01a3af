//! The admin's first page: orders and revenue today and over 7 and 30 days (calendar days in
//! the shop's time zone), the paid orders waiting, the best sellers. Only paid orders count.

use std::time::Duration;

use menuskart_e2e::payments::{order_path, pay, placed_order};
use menuskart_e2e::{TestApp, TestUser, assert_error, json_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn overview(app: &TestApp, admin: &TestUser) -> Value {
    let response = app.get("/sales/overview", Some(&admin.access_token)).await;
    assert_eq!(response.status(), StatusCode::OK);
    json_of(response).await
}

/// A placed order, paid with the card that succeeds and seen paid: (order, product).
async fn paid_order(app: &TestApp, admin: &TestUser) -> (Value, String) {
    let (customer, order, product) = placed_order(app, admin).await;
    let paid = pay(app, &customer.access_token, &order, "pm_card_ok", None).await;
    assert!(paid.status().is_success(), "{}", paid.status());
    for _ in 0..100 {
        let now = json_of(
            app.get(&order_path(&order), Some(&customer.access_token))
                .await,
        )
        .await;
        if now["status"] == "paid" {
            return (order, product);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("order {} never turned paid", order["id"]);
}

fn figures(orders: i64, revenue: i64) -> Value {
    json!({"orders": orders, "revenue": revenue, "average_order": if orders > 0 { revenue / orders } else { 0 }})
}

#[tokio::test]
async fn the_overview_counts_paid_orders_by_day_and_names_the_best_sellers() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let empty = overview(&app, &admin).await;
    assert_eq!(empty["currency"], "EUR");
    assert_eq!(empty["timezone"], "Europe/Berlin");
    assert_eq!(empty["today"], figures(0, 0));
    assert_eq!(empty["top_products"], json!([]));

    let (first, best_seller) = paid_order(&app, &admin).await;
    let (second, _) = paid_order(&app, &admin).await;
    let (old, _) = paid_order(&app, &admin).await;
    // Placed but never paid: not revenue.
    let _unpaid = placed_order(&app, &admin).await;
    let total = |order: &Value| order["total"].as_i64().unwrap();

    // Move one order three days back and another forty: the windows are calendar days.
    let pool = sqlx::PgPool::connect(&app.orders_db.as_ref().unwrap().url)
        .await
        .unwrap();
    for (order, days) in [(&second, 3), (&old, 40)] {
        sqlx::query(
            "UPDATE orders SET created_at = now() - make_interval(days => $2) WHERE id = $1::uuid",
        )
        .bind(order["id"].as_str().unwrap())
        .bind(days)
        .execute(&pool)
        .await
        .unwrap();
    }

    let sales = overview(&app, &admin).await;
    assert_eq!(sales["today"], figures(1, total(&first)));
    assert_eq!(
        sales["last_7_days"],
        figures(2, total(&first) + total(&second))
    );
    assert_eq!(
        sales["last_30_days"],
        figures(2, total(&first) + total(&second))
    );
    // Waiting for fulfilment, whenever paid.
    assert_eq!(sales["awaiting_fulfilment"], 3);
    // Two products of 30 days, 2 units of 750 each; the 40-day-old order's is not among them.
    let top = sales["top_products"].as_array().unwrap();
    assert_eq!(top.len(), 2, "{top:?}");
    assert!(
        top.iter()
            .all(|p| p["quantity"] == 2 && p["revenue"] == 1500)
    );
    assert!(top.iter().any(|p| p["product_id"] == best_seller.as_str()));
    assert!(
        top.iter()
            .all(|p| p["name"].as_str().unwrap().starts_with("Ramen Kit"))
    );

    // Fulfilling an order leaves its revenue and takes it off the waiting list.
    let fulfilled = app
        .post(
            &format!("{}/status", order_path(&first)),
            Some(&admin.access_token),
            json!({"status": "fulfilled"}),
        )
        .await;
    assert_eq!(fulfilled.status(), StatusCode::OK);
    let sales = overview(&app, &admin).await;
    assert_eq!(sales["awaiting_fulfilment"], 2);
    assert_eq!(sales["today"], figures(1, total(&first)));

    // The owner's only.
    let customer = app.customer().await;
    assert_error(
        app.get("/sales/overview", Some(&customer.access_token))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get("/sales/overview", None).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
}
