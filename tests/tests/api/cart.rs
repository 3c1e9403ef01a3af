use menuskart_e2e::{TestApp, assert_error, json_of};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn line<'a>(cart: &'a Value, product_id: &str) -> &'a Value {
    cart["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["product_id"] == product_id)
        .unwrap_or_else(|| panic!("no line for {product_id} in {cart}"))
}

#[tokio::test]
async fn a_customer_fills_changes_and_empties_a_cart_with_taxes_per_line() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    // Groceries are taxed at 7 %, everything else at 19 % (tests' MK_TAX_RATES).
    let rice = app
        .stocked_product(&admin, "Jasmine Rice", 250, "groceries", 20)
        .await;
    let curry = app
        .stocked_product(&admin, "Green Curry", 199, "food", 20)
        .await;
    let user = app.customer().await;
    let token = user.access_token.as_str();

    let empty = json_of(app.get("/cart", Some(token)).await).await;
    assert_eq!(empty["items"], json!([]));
    assert_eq!(empty["total"], 0);
    // An empty cart is in the shop's currency, the only one it can hold.
    assert_eq!(empty["currency"], "EUR");
    assert_eq!(empty["prices_include_tax"], false);

    assert_eq!(
        app.add_to_cart(token, &rice, 1).await.status(),
        StatusCode::OK
    );
    // Adding it again raises the line's quantity.
    let cart = json_of(app.add_to_cart(token, &rice, 2).await).await;
    assert_eq!(cart["items"].as_array().unwrap().len(), 1);
    assert_eq!(line(&cart, &rice)["quantity"], 3);
    let cart = json_of(app.add_to_cart(token, &curry, 3).await).await;

    // rice 3 x 250 = 750, tax 7 % = 52.5 -> 53; curry 3 x 199 = 597, tax 19 % = 113.43 -> 113
    assert_eq!(line(&cart, &rice)["line_total"], 750);
    assert_eq!(line(&cart, &rice)["tax"], 53);
    assert_eq!(line(&cart, &curry)["unit_price"], 199);
    assert_eq!(line(&cart, &curry)["tax"], 113);
    assert_eq!(cart["subtotal"], 1347);
    assert_eq!(cart["tax"], 166);
    assert_eq!(cart["total"], 1513);
    assert_eq!(cart["currency"], "EUR");
    assert_eq!(cart["item_count"], 6);
    // The receipt's tax lines, one per rate, add up to the tax.
    assert_eq!(
        cart["tax_lines"],
        json!([{"rate_bp": 700, "tax": 53}, {"rate_bp": 1900, "tax": 113}])
    );
    assert!(
        cart.get("cart_token").is_none(),
        "a user's cart has no visitor token"
    );
    assert_eq!(json_of(app.get("/cart", Some(token)).await).await, cart);

    let rice_item = line(&cart, &rice)["item_id"].as_str().unwrap().to_owned();
    let changed = json_of(
        app.call(
            Method::PATCH,
            &format!("/cart/items/{rice_item}"),
            Some(token),
            Some(json!({"quantity": 1})),
        )
        .await,
    )
    .await;
    assert_eq!(line(&changed, &rice)["quantity"], 1);
    assert_eq!(changed["subtotal"], 250 + 597);

    let curry_item = line(&cart, &curry)["item_id"].as_str().unwrap().to_owned();
    let removed = app
        .call(
            Method::DELETE,
            &format!("/cart/remove/{curry_item}"),
            Some(token),
            None,
        )
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    let removed = json_of(removed).await;
    assert_eq!(removed["items"].as_array().unwrap().len(), 1);
    assert_eq!(removed["total"], 250 + 18);

    let cleared = json_of(app.call(Method::DELETE, "/cart", Some(token), None).await).await;
    assert_eq!(cleared["items"], json!([]));
    // Another customer's cart is their own.
    let other = app.customer().await;
    app.add_to_cart(&other.access_token, &curry, 1).await;
    assert_eq!(
        json_of(app.get("/cart", Some(token)).await).await["items"],
        json!([])
    );
}

#[tokio::test]
async fn bad_cart_requests_are_clear_4xx() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let rice = app
        .stocked_product(&admin, "Basmati Rice", 300, "groceries", 5)
        .await;
    let user = app.customer().await;
    let token = user.access_token.as_str();

    assert_error(
        app.add_to_cart(token, "no-such-product", 1).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    for quantity in [0, -1, 100] {
        assert_error(
            app.add_to_cart(token, &rice, quantity).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
    }
    let body = assert_error(
        app.add_to_cart(token, &rice, 6).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    assert_eq!(body["error"]["details"]["available"], 5);
    // A shopper reads the product's name, never its id.
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("\"Basmati Rice\""), "{message}");
    assert!(!message.contains(&rice), "{message}");
    let cart = json_of(app.add_to_cart(token, &rice, 5).await).await;
    // Each line says how many can be bought, so the basket offers no more.
    assert_eq!(cart["items"][0]["available"], 5);
    let item_id = cart["items"][0]["item_id"].as_str().unwrap().to_owned();
    let too_many = assert_error(
        app.call(
            Method::PATCH,
            &format!("/cart/items/{item_id}"),
            Some(token),
            Some(json!({"quantity": 6})),
        )
        .await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    let message = too_many["error"]["message"].as_str().unwrap();
    assert!(message.contains("\"Basmati Rice\""), "{message}");
    // The line, not just the addition, is held to the stock.
    assert_error(
        app.add_to_cart(token, &rice, 1).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;

    assert_error(
        app.call(
            Method::DELETE,
            "/cart/remove/not-an-item",
            Some(token),
            None,
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_error(
        app.post("/cart/add", Some(token), json!({"quantity": 1}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        app.get("/cart", Some("not-a-token")).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
}

#[tokio::test]
async fn a_cart_shows_the_price_of_now_not_of_when_it_was_filled() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let tea = app
        .stocked_product(&admin, "Oolong Tea", 800, "groceries", 10)
        .await;
    let user = app.customer().await;
    app.add_to_cart(&user.access_token, &tea, 2).await;

    let patched = app
        .call(
            Method::PATCH,
            &format!("/products/{tea}"),
            Some(&admin.access_token),
            Some(json!({"price": 650})),
        )
        .await;
    assert_eq!(patched.status(), StatusCode::OK);
    let cart = json_of(app.get("/cart", Some(&user.access_token)).await).await;
    assert_eq!(line(&cart, &tea)["unit_price"], 650);
    assert_eq!(cart["subtotal"], 1300);

    // A product removed from the catalog leaves the cart, and the cart says so once.
    let deleted = app
        .call(
            Method::DELETE,
            &format!("/products/{tea}"),
            Some(&admin.access_token),
            None,
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let cart = json_of(app.get("/cart", Some(&user.access_token)).await).await;
    assert_eq!(cart["items"], json!([]));
    assert_eq!(cart["removed_products"], json!([tea]));
    let again = json_of(app.get("/cart", Some(&user.access_token)).await).await;
    assert!(again.get("removed_products").is_none());
}

#[tokio::test]
async fn a_visitors_cart_follows_its_cookie_and_merges_into_the_users_at_login() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let rice = app
        .stocked_product(&admin, "Sushi Rice", 400, "groceries", 50)
        .await;
    let nori = app
        .stocked_product(&admin, "Nori Sheets", 300, "groceries", 50)
        .await;
    let user = app.customer().await;
    app.add_to_cart(&user.access_token, &rice, 1).await;

    // A browser: the cookie jar keeps the cart.
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let added = browser
        .post(app.url("/cart/add"))
        .json(&json!({"product_id": rice, "quantity": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::OK);
    let set_cookie = added.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(set_cookie.starts_with("mk_cart="), "{set_cookie}");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    let token = json_of(added).await["cart_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let cart = json_of(
        browser
            .post(app.url("/cart/add"))
            .json(&json!({"product_id": nori, "quantity": 1}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        cart["items"].as_array().unwrap().len(),
        2,
        "the cookie found the same cart: {cart}"
    );
    assert_eq!(cart["cart_token"], token.as_str());

    // An API client: the header.
    let seen = json_of(
        app.http
            .get(app.url("/cart"))
            .header("X-Cart-Token", &token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(seen["item_count"], 3);
    // A made-up token is refused; a visitor without one has an empty cart.
    assert_error(
        app.http
            .get(app.url("/cart"))
            .header("X-Cart-Token", "forged")
            .send()
            .await
            .unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(
        json_of(app.get("/cart", None).await).await["items"],
        json!([])
    );

    // Login in the browser merges the visitor's lines into the user's cart.
    let login = browser
        .post(app.url("/auth/login"))
        .json(&json!({"email": user.email, "password": user.password}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    let cart = json_of(app.get("/cart", Some(&user.access_token)).await).await;
    assert_eq!(line(&cart, &rice)["quantity"], 3, "1 + 2 merged: {cart}");
    assert_eq!(line(&cart, &nori)["quantity"], 1);
    let visitor = json_of(
        app.http
            .get(app.url("/cart"))
            .header("X-Cart-Token", &token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(visitor["items"], json!([]), "the visitor's cart is gone");
}
