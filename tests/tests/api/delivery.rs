//! Delivery options: the admin offers methods (a price, free above a subtotal, hidden or not),
//! the customer picks one when placing an order, and the order, its tax and its payment carry
//! it to the cent.

use menuskart_e2e::payments::pay;
use menuskart_e2e::shop::address;
use menuskart_e2e::{Options, TestApp, TestUser, assert_error, json_of};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn offer(app: &TestApp, admin: &TestUser, method: Value) -> Value {
    let response = app
        .post("/delivery-methods", Some(&admin.access_token), method)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json_of(response).await
}

async fn place_with(app: &TestApp, user: &TestUser, method: Option<&Value>) -> reqwest::Response {
    let mut body = json!({"shipping_address": address()});
    if let Some(method) = method {
        body["delivery_method_id"] = method["id"].clone();
    }
    app.post("/orders", Some(&user.access_token), body).await
}

/// A customer with `quantity` units of a product at `price` in the basket.
async fn basket(app: &TestApp, admin: &TestUser, price: i64, quantity: i64) -> TestUser {
    let product = app
        .stocked_product(
            admin,
            &format!("Parcel soup {}", uuid::Uuid::new_v4().simple()),
            price,
            "food",
            50,
        )
        .await;
    let user = app.customer().await;
    let added = app
        .add_to_cart(&user.access_token, &product, quantity)
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    user
}

fn amount(value: &Value, field: &str) -> i64 {
    value[field]
        .as_i64()
        .unwrap_or_else(|| panic!("{field} in {value}"))
}

/// The totals add up, and the tax per rate adds up to the tax.
fn assert_adds_up(order: &Value) {
    assert_eq!(
        amount(order, "subtotal") + amount(order, "delivery") + amount(order, "tax"),
        amount(order, "total"),
        "{order:#}"
    );
    let by_rate: i64 = order["tax_lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tax"].as_i64().unwrap())
        .sum();
    assert_eq!(by_rate, amount(order, "tax"), "{order:#}");
}

async fn shop_with_delivery(prices_include_tax: bool) {
    let app = TestApp::spawn_with(Options {
        prices_include_tax,
        ..Options::shop()
    })
    .await;
    let admin = app.admin().await;
    let standard = offer(
        &app,
        &admin,
        json!({"name": "Standard", "description": "2-3 working days", "price": 490,
               "free_above": 5000, "position": 1}),
    )
    .await;
    let express = offer(
        &app,
        &admin,
        json!({"name": "Express", "price": 990, "position": 2}),
    )
    .await;

    let offered = json_of(app.get("/delivery-methods", None).await).await;
    let names: Vec<&str> = offered["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Standard", "Express"]);
    assert_eq!(offered["prices_include_tax"], prices_include_tax);
    let rate = offered["tax_rate_bp"].as_i64().unwrap();
    assert!(rate > 0, "{offered}");

    // A shop that offers delivery does not let an order skip it.
    let user = basket(&app, &admin, 1000, 2).await;
    assert_error(
        place_with(&app, &user, None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let cart = json_of(app.get("/cart", Some(&user.access_token)).await).await;
    let placed = place_with(&app, &user, Some(&express)).await;
    assert_eq!(placed.status(), StatusCode::CREATED);
    let order = json_of(placed).await;
    assert_eq!(order["delivery_method"]["name"], "Express");
    assert_eq!(order["delivery_method"]["method_id"], express["id"]);
    assert_adds_up(&order);
    // Delivery is taxed like a line at the shop's standard rate.
    let (net, tax) = if prices_include_tax {
        let tax = (990 * rate + (10_000 + rate) / 2) / (10_000 + rate);
        (990 - tax, tax)
    } else {
        (990, (990 * rate + 5_000) / 10_000)
    };
    assert_eq!(amount(&order, "delivery"), net);
    assert_eq!(amount(&order, "delivery_tax"), tax);
    assert_eq!(amount(&order, "total"), amount(&cart, "total") + net + tax);
    assert_eq!(amount(&order, "subtotal"), amount(&cart, "subtotal"));

    // The payment charges the total, delivery included; reading the order back agrees.
    let paid = pay(&app, &user.access_token, &order, "pm_card_ok", None).await;
    assert_eq!(paid.status(), StatusCode::OK);
    assert_eq!(json_of(paid).await["amount"], order["total"]);
    let read = json_of(
        app.get(
            &format!("/orders/{}", order["id"].as_str().unwrap()),
            Some(&user.access_token),
        )
        .await,
    )
    .await;
    for field in [
        "subtotal",
        "delivery",
        "delivery_tax",
        "tax",
        "total",
        "tax_lines",
        "delivery_method",
    ] {
        assert_eq!(read[field], order[field], "{field}");
    }

    // From €50 of goods (as listed) standard delivery is free.
    let big = basket(&app, &admin, 2500, 2).await;
    let free = json_of(place_with(&app, &big, Some(&standard)).await).await;
    assert_eq!(free["delivery_method"]["name"], "Standard");
    assert_eq!(
        (amount(&free, "delivery"), amount(&free, "delivery_tax")),
        (0, 0)
    );
    assert_adds_up(&free);
}

#[tokio::test]
async fn delivery_is_chosen_taxed_and_paid_with_prices_including_tax() {
    shop_with_delivery(true).await;
}

#[tokio::test]
async fn delivery_is_chosen_taxed_and_paid_with_tax_added() {
    shop_with_delivery(false).await;
}

#[tokio::test]
async fn a_shop_without_delivery_methods_places_orders_as_before() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let user = basket(&app, &admin, 700, 1).await;
    let order = json_of(place_with(&app, &user, None).await).await;
    assert_eq!(order["delivery_method"], Value::Null);
    assert_eq!(amount(&order, "delivery"), 0);
    assert_eq!(
        amount(&order, "subtotal") + amount(&order, "tax"),
        amount(&order, "total")
    );
}

#[tokio::test]
async fn only_admins_manage_methods_and_hidden_ones_cannot_be_chosen() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let customer = app.customer().await;
    let method = json!({"name": "Courier", "price": 590});
    assert_error(
        app.post(
            "/delivery-methods",
            Some(&customer.access_token),
            method.clone(),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    for (bad, field) in [
        (json!({"name": "", "price": 100}), "name"),
        (json!({"name": "Free", "price": -1}), "price"),
        (
            json!({"name": "Odd", "price": 100, "free_above": -1}),
            "free_above",
        ),
        (json!({"price": 100}), "name"),
    ] {
        let response = app
            .post("/delivery-methods", Some(&admin.access_token), bad)
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(json_of(response).await["error"]["details"]["field"], field);
    }
    assert_error(
        app.post(
            "/delivery-methods",
            Some(&admin.access_token),
            json!({"name": "Courier", "price": 590, "colour": "red"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let courier = offer(&app, &admin, method).await;
    let pickup = offer(&app, &admin, json!({"name": "Pick-up", "price": 0})).await;
    let path = format!("/delivery-methods/{}", courier["id"].as_str().unwrap());
    assert_error(
        app.call(
            Method::PATCH,
            &path,
            Some(&customer.access_token),
            Some(json!({"active": false})),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let hidden = app
        .call(
            Method::PATCH,
            &path,
            Some(&admin.access_token),
            Some(json!({"active": false})),
        )
        .await;
    assert_eq!(hidden.status(), StatusCode::OK);
    let hidden = json_of(hidden).await;
    assert_eq!(hidden["active"], false);
    assert_eq!(hidden["price"], 590, "a patch changes only what it names");

    let public = json_of(app.get("/delivery-methods", None).await).await;
    assert_eq!(public["items"].as_array().unwrap().len(), 1);
    assert_eq!(public["items"][0]["name"], "Pick-up");
    assert_error(
        app.get("/delivery-methods?all=true", Some(&customer.access_token))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let all = json_of(
        app.get("/delivery-methods?all=true", Some(&admin.access_token))
            .await,
    )
    .await;
    assert_eq!(all["items"].as_array().unwrap().len(), 2);

    let user = basket(&app, &admin, 700, 1).await;
    for chosen in [
        hidden.clone(),
        json!({"id": uuid::Uuid::now_v7().to_string()}),
    ] {
        let refused = place_with(&app, &user, Some(&chosen)).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            json_of(refused).await["error"]["details"]["field"],
            "delivery_method_id"
        );
    }
    let free = json_of(place_with(&app, &user, Some(&pickup)).await).await;
    assert_eq!(free["delivery_method"]["name"], "Pick-up");
    assert_eq!(amount(&free, "delivery"), 0);

    assert_error(
        app.call(
            Method::PATCH,
            &format!("/delivery-methods/{}", uuid::Uuid::now_v7()),
            Some(&admin.access_token),
            Some(json!({"active": true})),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

/// PATCH /delivery-methods/{id} as `admin`.
async fn change(app: &TestApp, admin: &TestUser, method: &Value, body: Value) -> reqwest::Response {
    app.call(
        Method::PATCH,
        &format!("/delivery-methods/{}", method["id"].as_str().unwrap()),
        Some(&admin.access_token),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn a_method_priced_in_another_currency_is_not_offered_until_edited_into_the_shops() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let old = offer(&app, &admin, json!({"name": "Old courier", "price": 490})).await;
    // As if the shop's currency had changed since the method was made.
    let mut conn = app.orders_db.as_ref().unwrap().connect().await;
    sqlx::query("UPDATE delivery_methods SET currency = 'JPY'")
        .execute(&mut conn)
        .await
        .unwrap();
    let offered = json_of(app.get("/delivery-methods", None).await).await;
    assert_eq!(offered["items"], json!([]));
    let user = basket(&app, &admin, 700, 1).await;
    let refused = place_with(&app, &user, Some(&old)).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json_of(refused).await["error"]["details"]["field"],
        "delivery_method_id"
    );
    // The admin still sees it, and an edit prices it in the shop's currency again.
    let all = json_of(
        app.get("/delivery-methods?all=true", Some(&admin.access_token))
            .await,
    )
    .await;
    assert_eq!(all["items"][0]["currency"], "JPY");
    let edited = json_of(change(&app, &admin, &old, json!({"price": 590})).await).await;
    assert_eq!(edited["currency"], "EUR");
    let order = json_of(place_with(&app, &user, Some(&old)).await).await;
    assert_eq!(order["delivery_method"]["name"], "Old courier");
}

#[tokio::test]
async fn a_method_at_the_end_of_the_list_can_still_be_hidden() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    offer(
        &app,
        &admin,
        json!({"name": "Last", "price": 100, "position": 10_000}),
    )
    .await;
    let after = offer(&app, &admin, json!({"name": "After it", "price": 100})).await;
    assert_eq!(after["position"], 10_000);
    let hidden = change(&app, &admin, &after, json!({"active": false})).await;
    assert_eq!(hidden.status(), StatusCode::OK);
    assert_eq!(json_of(hidden).await["active"], false);
}

#[tokio::test]
async fn two_admins_changing_one_method_at_once_keep_both_changes() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let method = offer(&app, &admin, json!({"name": "Courier", "price": 490})).await;
    for round in 0..10 {
        let reset = change(&app, &admin, &method, json!({"active": true, "price": 490})).await;
        assert_eq!(reset.status(), StatusCode::OK);
        let (hide, price) = tokio::join!(
            change(&app, &admin, &method, json!({"active": false})),
            change(&app, &admin, &method, json!({"price": 590})),
        );
        assert_eq!(
            (hide.status(), price.status()),
            (StatusCode::OK, StatusCode::OK)
        );
        let all = json_of(
            app.get("/delivery-methods?all=true", Some(&admin.access_token))
                .await,
        )
        .await;
        let now = &all["items"][0];
        assert_eq!(
            (now["active"].clone(), now["price"].clone()),
            (json!(false), json!(590)),
            "round {round}"
        );
    }
}
