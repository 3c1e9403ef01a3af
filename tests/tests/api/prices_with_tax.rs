//! A shop whose prices include tax (an EU shop: `MK_PRICES_INCLUDE_TAX=true`): the price on the
//! product page is what the basket, the order and the charge add up to, with the tax it
//! contains shown per rate; the owner sets a category's rate, and placed orders keep theirs.

use menuskart_e2e::payments::pay;
use menuskart_e2e::{Options, TestApp, TestUser, assert_error, json_of};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn shop_with_tax_in_prices() -> TestApp {
    TestApp::spawn_with(Options {
        prices_include_tax: true,
        ..Options::shop()
    })
    .await
}

async fn product(app: &TestApp, id: &str) -> Value {
    json_of(app.get(&format!("/products/{id}"), None).await).await
}

async fn set_category(
    app: &TestApp,
    admin: &TestUser,
    slug: &str,
    patch: Value,
) -> reqwest::Response {
    app.call(
        Method::PATCH,
        &format!("/categories/{slug}"),
        Some(&admin.access_token),
        Some(patch),
    )
    .await
}

#[tokio::test]
async fn the_price_shown_is_the_price_paid_with_its_tax_inside() {
    let app = shop_with_tax_in_prices().await;
    let admin = app.admin().await;
    let shop = json_of(app.get("/pricing", None).await).await;
    assert_eq!(
        shop,
        json!({"currency": "EUR", "prices_include_tax": true, "default_tax_rate_bp": 1900})
    );

    // Food at the default 19 %, groceries at 7 % (the tests' MK_TAX_RATES).
    let pad_thai = app
        .stocked_product(&admin, "Pad Thai", 1190, "food", 10)
        .await;
    let rice = app
        .stocked_product(&admin, "Jasmine Rice", 420, "groceries", 10)
        .await;
    let shown = product(&app, &pad_thai).await;
    assert_eq!(shown["price"], 1190);
    assert_eq!(shown["price_includes_tax"], true);
    assert_eq!(shown["tax_rate_bp"], 1900);
    let listed = json_of(app.get("/products?category=groceries", None).await).await;
    assert_eq!(listed["items"][0]["tax_rate_bp"], 700);
    assert_eq!(listed["items"][0]["price_includes_tax"], true);

    let customer = app.customer().await;
    let token = customer.access_token.as_str();
    app.add_to_cart(token, &pad_thai, 2).await;
    let cart = json_of(app.add_to_cart(token, &rice, 1).await).await;
    // 2 x 11.90 + 4.20 = 28.00 to pay; of it 23.80 * 19/119 = 3.80 and 4.20 * 7/107 = 0.2748
    // -> 0.27 are tax.
    assert_eq!(cart["total"], 2800);
    assert_eq!(cart["tax"], 407);
    assert_eq!(cart["subtotal"], 2393);
    assert_eq!(cart["prices_include_tax"], true);
    assert_eq!(
        cart["tax_lines"],
        json!([{"rate_bp": 700, "tax": 27}, {"rate_bp": 1900, "tax": 380}])
    );
    let lines = cart["items"].as_array().unwrap();
    assert_eq!(
        lines
            .iter()
            .map(|l| l["line_total"].as_i64().unwrap())
            .sum::<i64>(),
        2800,
        "the lines add up to the total"
    );

    let placed = app.place_order(token, None).await;
    assert_eq!(placed.status(), StatusCode::CREATED);
    let order = json_of(placed).await;
    for field in [
        "subtotal",
        "tax",
        "total",
        "currency",
        "prices_include_tax",
        "tax_lines",
    ] {
        assert_eq!(
            order[field], cart[field],
            "the order keeps the cart's {field}"
        );
    }
    let paid = json_of(pay(&app, token, &order, "pm_card_ok", None).await).await;
    assert_eq!(paid["amount"], 2800, "{paid}");

    // The owner lowers food to 7 %: prices stay, their tax changes; the order keeps its tax.
    let food = json_of(set_category(&app, &admin, "food", json!({"tax_rate_bp": 700})).await).await;
    assert_eq!(food["tax_rate_bp"], 700);
    assert_eq!(food["effective_tax_rate_bp"], 700);
    let now = product(&app, &pad_thai).await;
    assert_eq!(
        (now["price"].clone(), now["tax_rate_bp"].clone()),
        (json!(1190), json!(700))
    );
    let again = json_of(app.add_to_cart(token, &pad_thai, 1).await).await;
    // 11.90 * 7/107 = 0.7785 -> 0.78
    assert_eq!(
        (again["total"].clone(), again["tax"].clone()),
        (json!(1190), json!(78))
    );
    let kept = json_of(
        app.get(
            &format!("/orders/{}", order["id"].as_str().unwrap()),
            Some(token),
        )
        .await,
    )
    .await;
    assert_eq!(kept["tax"], 407);

    // Removing the category's own rate gives it the configured (default) one back.
    let reset =
        json_of(set_category(&app, &admin, "food", json!({"tax_rate_bp": null})).await).await;
    assert_eq!(reset["tax_rate_bp"], Value::Null);
    assert_eq!(reset["effective_tax_rate_bp"], 1900);
    assert_eq!(product(&app, &pad_thai).await["tax_rate_bp"], 1900);
}

#[tokio::test]
async fn only_the_owner_sets_a_rate_and_only_a_real_one() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    app.ensure_category(&admin, "groceries").await;
    app.post(
        "/categories",
        Some(&admin.access_token),
        json!({"slug": "rice", "name": "Rice", "parent": "groceries"}),
    )
    .await;
    let customer = app.customer().await;
    assert_error(
        set_category(&app, &customer, "groceries", json!({"tax_rate_bp": 0})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    for bad in [
        json!({"tax_rate_bp": 10_001}),
        json!({"tax_rate_bp": -1}),
        json!({"name": " "}),
    ] {
        let body = assert_error(
            set_category(&app, &admin, "groceries", bad.clone()).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert!(
            body.to_string().contains("tax_rate_bp") || body.to_string().contains("name"),
            "{bad}: {body}"
        );
    }
    assert_error(
        set_category(&app, &admin, "no-such-category", json!({"tax_rate_bp": 0})).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    // A sub-category inherits its parent's rate until it has its own; renaming keeps the rate.
    set_category(
        &app,
        &admin,
        "groceries",
        json!({"tax_rate_bp": 500, "name": "Pantry"}),
    )
    .await;
    let tree = json_of(app.get("/categories", None).await).await;
    let groceries = tree
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["slug"] == "groceries")
        .unwrap();
    assert_eq!(groceries["name"], "Pantry");
    assert_eq!(groceries["effective_tax_rate_bp"], 500);
    assert_eq!(groceries["children"][0]["tax_rate_bp"], Value::Null);
    assert_eq!(groceries["children"][0]["effective_tax_rate_bp"], 500);
}

/// A product may be free (a sample), but a basket of nothing but free things is no order: a
/// card cannot be charged nothing. (Found under load: such an order answered its payment with
/// a 500 from the payments table's `amount > 0` check.)
#[tokio::test]
async fn a_basket_that_costs_nothing_is_not_an_order() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let sample = app
        .stocked_product(&admin, "Chili Sample", 0, "food", 10)
        .await;
    let customer = app.customer().await;
    let token = customer.access_token.as_str();
    let cart = json_of(app.add_to_cart(token, &sample, 1).await).await;
    assert_eq!(cart["total"], 0);
    let refused = assert_error(
        app.place_order(token, None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(refused.to_string().contains("costs nothing"), "{refused}");

    // With something paid for, the sample comes along.
    let soup = app
        .stocked_product(&admin, "Tom Yum", 890, "food", 10)
        .await;
    app.add_to_cart(token, &soup, 1).await;
    let placed = app.place_order(token, None).await;
    assert_eq!(placed.status(), StatusCode::CREATED);
    let order = json_of(placed).await;
    // This shop adds the tax: 8.90 + 19 % = 10.59.
    assert_eq!(order["subtotal"], 890);
    assert_eq!(order["total"], 1059);
    let paid = pay(&app, token, &order, "pm_card_ok", None).await;
    assert_eq!(paid.status(), StatusCode::OK);
}
