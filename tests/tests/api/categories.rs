//! The owner keeps the category tree in order: moving a category takes its sub-categories and
//! products along (listings and tax follow), and only a category nothing uses can go.

use menuskart_e2e::{TestApp, TestUser, assert_error, json_of};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn patch(app: &TestApp, who: &TestUser, slug: &str, body: Value) -> reqwest::Response {
    app.call(
        Method::PATCH,
        &format!("/categories/{slug}"),
        Some(&who.access_token),
        Some(body),
    )
    .await
}

async fn delete(app: &TestApp, who: &TestUser, slug: &str) -> reqwest::Response {
    app.call(
        Method::DELETE,
        &format!("/categories/{slug}"),
        Some(&who.access_token),
        None,
    )
    .await
}

async fn listed(app: &TestApp, category: &str) -> Vec<String> {
    let page = json_of(
        app.get(&format!("/products?category={category}"), None)
            .await,
    )
    .await;
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_moved_category_takes_its_products_and_only_an_unused_one_goes() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    app.ensure_category(&admin, "food").await;
    app.ensure_category(&admin, "groceries").await;
    for (slug, parent) in [("noodles", "food"), ("ramen", "noodles")] {
        let made = app
            .post(
                "/categories",
                Some(&admin.access_token),
                json!({"slug": slug, "name": slug, "parent": parent}),
            )
            .await;
        assert_eq!(made.status(), StatusCode::CREATED);
    }
    let kit = app
        .stocked_product(&admin, "Ramen Kit", 890, "ramen", 5)
        .await;
    assert_eq!(listed(&app, "food").await, ["ramen-kit"]);

    // Noodles (and ramen under it) move to groceries: listings and the tax rate follow.
    let moved = json_of(patch(&app, &admin, "noodles", json!({"parent": "groceries"})).await).await;
    assert_eq!(moved["parent"], "groceries");
    assert_eq!(moved["children"][0]["slug"], "ramen");
    assert_eq!(listed(&app, "groceries").await, ["ramen-kit"]);
    assert!(listed(&app, "food").await.is_empty());
    let product = json_of(app.get(&format!("/products/{kit}"), None).await).await;
    assert_eq!(
        product["tax_rate_bp"], 700,
        "groceries' rate (the tests' MK_TAX_RATES)"
    );

    // Not under itself; not for customers; not somewhere that does not exist.
    assert_error(
        patch(&app, &admin, "noodles", json!({"parent": "ramen"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        patch(&app, &admin, "noodles", json!({"parent": "desserts"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let customer = app.customer().await;
    assert_error(
        patch(&app, &customer, "noodles", json!({"parent": null})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // A misspelt field is refused, not ignored.
    assert_error(
        patch(&app, &admin, "noodles", json!({"tax_rate": 700})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    // To the top, then deleting: refused while a sub-category or a product uses it.
    let top = json_of(patch(&app, &admin, "noodles", json!({"parent": null})).await).await;
    assert_eq!(top["parent"], Value::Null);
    assert_eq!(listed(&app, "noodles").await, ["ramen-kit"]);
    for slug in ["noodles", "ramen"] {
        let refused = assert_error(
            delete(&app, &admin, slug).await,
            StatusCode::CONFLICT,
            "conflict",
        )
        .await;
        assert!(refused.to_string().contains("in use"), "{refused}");
    }
    assert_error(
        delete(&app, &customer, "food").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_eq!(
        delete(&app, &admin, "food").await.status(),
        StatusCode::NO_CONTENT
    );
    assert_error(
        delete(&app, &admin, "food").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let gone = app
        .call(
            Method::DELETE,
            &format!("/products/{kit}"),
            Some(&admin.access_token),
            None,
        )
        .await;
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        delete(&app, &admin, "ramen").await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        delete(&app, &admin, "noodles").await.status(),
        StatusCode::NO_CONTENT
    );
    let tree = json_of(app.get("/categories", None).await).await;
    let slugs: Vec<&str> = tree
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["groceries"]);
}
