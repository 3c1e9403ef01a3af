//! Reviews can be taken down: by the shop's admins (spam, abuse) or by their author, and the
//! product's rating follows. Nobody else can remove one.

use menuskart_e2e::{TestApp, TestUser, assert_error, json_of};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn review(app: &TestApp, user: &TestUser, product: &str, rating: i64) -> String {
    let response = app
        .post(
            &format!("/products/{product}/reviews"),
            Some(&user.access_token),
            json!({"rating": rating, "text": "Tried it"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    json_of(response).await["id"].as_str().unwrap().to_owned()
}

async fn remove(
    app: &TestApp,
    token: Option<&str>,
    product: &str,
    review: &str,
) -> reqwest::Response {
    app.call(
        Method::DELETE,
        &format!("/products/{product}/reviews/{review}"),
        token,
        None,
    )
    .await
}

async fn rating_of(app: &TestApp, product: &str) -> (Value, Value) {
    let product = json_of(app.get(&format!("/products/{product}"), None).await).await;
    (product["rating"].clone(), product["review_count"].clone())
}

#[tokio::test]
async fn the_admin_or_the_author_removes_a_review_and_the_rating_follows() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let product = app
        .stocked_product(&admin, "Sticky Rice", 450, "dishes", 5)
        .await;
    let ada = app.customer().await;
    let bob = app.customer().await;
    let adas = review(&app, &ada, &product, 5).await;
    let bobs = review(&app, &bob, &product, 1).await;
    assert_eq!(rating_of(&app, &product).await, (json!(3.0), json!(2)));

    // Nobody else: not a visitor, not another customer.
    assert_error(
        remove(&app, None, &product, &adas).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_error(
        remove(&app, Some(&bob.access_token), &product, &adas).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    // The author takes theirs back; the admin removes another's.
    let taken_back = remove(&app, Some(&ada.access_token), &product, &adas).await;
    assert_eq!(taken_back.status(), StatusCode::NO_CONTENT);
    assert_eq!(rating_of(&app, &product).await, (json!(1.0), json!(1)));
    let removed = remove(&app, Some(&admin.access_token), &product, &bobs).await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    assert_eq!(rating_of(&app, &product).await, (Value::Null, json!(0)));
    let reviews = json_of(app.get(&format!("/products/{product}/reviews"), None).await).await;
    assert_eq!(reviews["total"], 0);

    // Gone is gone: a second removal, another product's review, or no such product is 404.
    assert_error(
        remove(&app, Some(&admin.access_token), &product, &bobs).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let elsewhere = app
        .stocked_product(&admin, "Mango Sticky Rice", 550, "dishes", 5)
        .await;
    let other = review(&app, &ada, &elsewhere, 4).await;
    assert_error(
        remove(&app, Some(&admin.access_token), &product, &other).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_error(
        remove(&app, Some(&admin.access_token), "no-such-dish", &other).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Ada may review again now that hers is gone.
    review(&app, &ada, &product, 4).await;
    assert_eq!(rating_of(&app, &product).await, (json!(4.0), json!(1)));
}
