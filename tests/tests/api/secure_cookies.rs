//! Behind TLS the cart and device cookies are `Secure` (never sent over plain HTTP); over plain
//! HTTP, as in development, they cannot be.

use menuskart_e2e::{Options, TestApp, json_of};
use reqwest::StatusCode;
use reqwest::header::SET_COOKIE;
use serde_json::json;

/// The `Set-Cookie` values of a visitor's first cart change and of a login.
async fn cookies_set(behind_tls: bool) -> Vec<String> {
    let app = TestApp::spawn_with(Options {
        behind_tls,
        ..Options::shop()
    })
    .await;
    let admin = app.admin().await;
    let product = app
        .stocked_product(&admin, "Jasmine Rice", 450, "groceries", 10)
        .await;
    let added = app
        .post(
            "/cart/add",
            None,
            json!({"product_id": product, "quantity": 1}),
        )
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    let user = app.customer().await;
    let login = app.login(&user.email, &user.password).await;
    assert_eq!(login.status(), StatusCode::OK);
    let mut cookies = Vec::new();
    for response in [added, login] {
        cookies.extend(
            response
                .headers()
                .get_all(SET_COOKIE)
                .iter()
                .map(|value| value.to_str().unwrap().to_owned()),
        );
        json_of(response).await;
    }
    for name in ["mk_cart=", "mk_device="] {
        assert!(
            cookies.iter().any(|cookie| cookie.starts_with(name)),
            "{name} in {cookies:?}"
        );
    }
    cookies
}

fn is_secure(cookie: &str) -> bool {
    cookie
        .split(';')
        .skip(1)
        .any(|attribute| attribute.trim().eq_ignore_ascii_case("secure"))
}

#[tokio::test]
async fn behind_tls_every_cookie_is_secure() {
    for cookie in cookies_set(true).await {
        assert!(is_secure(&cookie), "{cookie}");
    }
}

#[tokio::test]
async fn over_plain_http_cookies_are_not_secure() {
    for cookie in cookies_set(false).await {
        assert!(!is_secure(&cookie), "{cookie}");
    }
}
