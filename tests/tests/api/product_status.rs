//! Draft, active and archived products: only active ones are in the shop (listed, found,
//! shown, sold); the owner sees and changes every status.

use menuskart_e2e::{TestApp, assert_error, json_of};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn ids(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect()
}

async fn set_status(app: &TestApp, admin: &str, id: &str, status: &str) -> Value {
    let response = app
        .call(
            Method::PATCH,
            &format!("/products/{id}"),
            Some(admin),
            Some(json!({ "status": status })),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    json_of(response).await
}

#[tokio::test]
async fn only_active_products_are_in_the_shop_and_the_owner_sees_every_status() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let owner = admin.access_token.as_str();
    let shown = app
        .stocked_product(&admin, "Tamarind Prawns", 1490, "dishes", 10)
        .await;
    let created = json_of(
        app.post(
            "/products",
            Some(owner),
            json!({"name": "Tamarind Tofu", "description": "", "price": 1290,
                   "currency": "EUR", "category": "dishes", "status": "draft"}),
        )
        .await,
    )
    .await;
    assert_eq!(created["status"], "draft");
    let hidden = created["id"].as_str().unwrap().to_owned();
    app.set_stock(&admin, &hidden, 10).await;
    let customer = app.customer().await;
    let shopper = customer.access_token.as_str();

    // Shoppers: listed, found and shown only when active; a draft is "no such product".
    let listed = json_of(app.get("/products?category=dishes", None).await).await;
    assert_eq!(ids(&listed), [shown.as_str()]);
    assert_eq!(listed["total"], 1);
    let found = json_of(
        app.get("/products/search?query=tamarind", Some(shopper))
            .await,
    )
    .await;
    assert_eq!(ids(&found), [shown.as_str()]);
    assert_eq!(
        json_of(app.get(&format!("/products/{shown}"), None).await).await["status"],
        "active"
    );
    for token in [None, Some(shopper)] {
        assert_error(
            app.get(&format!("/products/{hidden}"), token).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }
    // ... nor reviewed, nor its reviews read (by slug too): that would tell it exists.
    for token in [None, Some(shopper)] {
        assert_error(
            app.get("/products/tamarind-tofu/reviews", token).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }
    assert_error(
        app.post(
            "/products/tamarind-tofu/reviews",
            Some(shopper),
            json!({"rating": 5, "text": "first!"}),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // ... and it cannot be bought.
    assert_error(
        app.add_to_cart(shopper, &hidden, 1).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Asking for drafts is the owner's right only.
    assert_error(
        app.get("/products?status=draft", None).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_error(
        app.get("/products/search?query=tamarind&status=any", Some(shopper))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get("/products?status=hidden", Some(owner)).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;

    // The owner: every status, each on its own or all together, and the draft itself.
    let drafts = json_of(app.get("/products?status=draft", Some(owner)).await).await;
    assert_eq!(ids(&drafts), [hidden.as_str()]);
    let all = json_of(
        app.get("/products?category=dishes&status=any", Some(owner))
            .await,
    )
    .await;
    assert_eq!(all["total"], 2);
    assert_eq!(
        json_of(app.get(&format!("/products/{hidden}"), Some(owner)).await).await["status"],
        "draft"
    );
    // A replacement without a status keeps it: a PUT does not publish a draft.
    let replaced = json_of(
        app.call(
            Method::PUT,
            &format!("/products/{hidden}"),
            Some(owner),
            Some(
                json!({"name": "Tamarind Tofu", "description": "Sour and sweet",
                        "price": 1290, "currency": "EUR", "category": "dishes"}),
            ),
        )
        .await,
    )
    .await;
    assert_eq!(replaced["status"], "draft");

    // Published: in the shop and for sale.
    assert_eq!(
        set_status(&app, owner, &hidden, "active").await["status"],
        "active"
    );
    let found = json_of(app.get("/products/search?query=tamarind", None).await).await;
    assert_eq!(found["total"], 2);
    let cart = json_of(app.add_to_cart(shopper, &hidden, 1).await).await;
    assert_eq!(cart["items"][0]["product_id"], hidden.as_str());

    // Archived: gone from the shop, and from the basket that held it, which says so once.
    set_status(&app, owner, &hidden, "archived").await;
    let listed = json_of(app.get("/products?category=dishes", None).await).await;
    assert_eq!(ids(&listed), [shown.as_str()]);
    let cart = json_of(app.get("/cart", Some(shopper)).await).await;
    assert_eq!(cart["items"], json!([]));
    assert_eq!(cart["removed_products"], json!([hidden]));
    let archived = json_of(app.get("/products?status=archived", Some(owner)).await).await;
    assert_eq!(ids(&archived), [hidden.as_str()]);
}
