//! A browser session (`X-Session: cookie`) keeps its refresh token only in an HttpOnly cookie
//! for `/auth`, never in a JSON body a page script can read; using the cookie needs the header
//! and, when the browser names it, this host as the origin (CSRF). API clients keep the
//! contract's JSON.

use menuskart_e2e::{TestApp, assert_error, json_of};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, ORIGIN, SET_COOKIE};
use serde_json::{Value, json};

/// The `mk_refresh` cookie a response sets: (its value, its whole `Set-Cookie` line).
fn refresh_cookie(response: &reqwest::Response) -> Option<(String, String)> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|line| line.starts_with("mk_refresh="))
        .map(|line| {
            let value = line["mk_refresh=".len()..]
                .split(';')
                .next()
                .unwrap_or_default()
                .to_owned();
            (value, line.to_owned())
        })
}

async fn browser_login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.http
        .post(app.url("/auth/login"))
        .header("X-Session", "cookie")
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .expect("the edge answers")
}

/// POST /auth/refresh as a browser session with `cookie` (and `origin`, when given).
async fn browser_refresh(app: &TestApp, cookie: &str, origin: Option<&str>) -> reqwest::Response {
    let mut request = app
        .http
        .post(app.url("/auth/refresh"))
        .header("X-Session", "cookie")
        .header(COOKIE, format!("mk_refresh={cookie}"))
        .json(&json!({}));
    if let Some(origin) = origin {
        request = request.header(ORIGIN, origin);
    }
    request.send().await.expect("the edge answers")
}

#[tokio::test]
async fn a_browser_session_gets_its_refresh_token_only_as_an_http_only_cookie() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;

    let login = browser_login(&app, &user.email, &user.password).await;
    assert_eq!(login.status(), StatusCode::OK);
    let (cookie, line) = refresh_cookie(&login).expect("the refresh token is set as a cookie");
    let lower = line.to_ascii_lowercase();
    for attribute in ["httponly", "samesite=strict", "path=/auth"] {
        assert!(lower.contains(attribute), "{line}");
    }
    assert!(
        login.headers().get("x-device-token").is_none(),
        "the device token is not handed to page scripts either (the browser has its cookie)"
    );
    let body: Value = json_of(login).await;
    assert!(body.get("refresh_token").is_none(), "{body}");
    assert!(!body.to_string().contains(&cookie));
    let access = body["access_token"].as_str().unwrap();
    assert_eq!(
        app.get("/users/me", Some(access)).await.status(),
        StatusCode::OK
    );

    // Refreshing reads the cookie and rotates it; the body still holds no refresh token.
    let renewed = browser_refresh(&app, &cookie, Some(&app.url(""))).await;
    assert_eq!(renewed.status(), StatusCode::OK);
    let (rotated, _) = refresh_cookie(&renewed).expect("the new refresh token replaces the cookie");
    assert_ne!(rotated, cookie);
    let body: Value = json_of(renewed).await;
    assert!(body.get("refresh_token").is_none(), "{body}");

    // The old cookie replayed is a reused token: the session ends, and its cookie is cleared.
    let replay = browser_refresh(&app, &cookie, None).await;
    let cleared = refresh_cookie(&replay).map(|(value, _)| value);
    assert_error(replay, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(
        cleared.as_deref(),
        Some(""),
        "the refused cookie is removed"
    );
    let after = browser_refresh(&app, &rotated, None).await;
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_cookie_is_not_used_across_sites_or_without_the_header() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let login = browser_login(&app, &user.email, &user.password).await;
    let (cookie, _) = refresh_cookie(&login).expect("a cookie");

    // A page of another site (its browser names its origin).
    let cross_site = browser_refresh(&app, &cookie, Some("https://evil.example")).await;
    assert_error(cross_site, StatusCode::FORBIDDEN, "forbidden").await;

    // A plain form post cannot set the header: without it the cookie is not read.
    let without_header = app
        .http
        .post(app.url("/auth/refresh"))
        .header(COOKIE, format!("mk_refresh={cookie}"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_error(
        without_header,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    // Neither attempt used up the token: the session itself still refreshes.
    let own = browser_refresh(&app, &cookie, Some(&app.url(""))).await;
    assert_eq!(own.status(), StatusCode::OK);
}

#[tokio::test]
async fn logging_out_clears_the_browser_sessions_cookie() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let login = browser_login(&app, &user.email, &user.password).await;
    let (cookie, _) = refresh_cookie(&login).expect("a cookie");
    let access = json_of(login).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();

    let logout = app
        .http
        .post(app.url("/auth/logout"))
        .bearer_auth(&access)
        .header(COOKIE, format!("mk_refresh={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    let cleared = refresh_cookie(&logout).map(|(value, _)| value);
    assert_eq!(cleared.as_deref(), Some(""));
    assert_eq!(
        browser_refresh(&app, &cookie, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_api_client_keeps_the_refresh_token_in_the_body() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let login = app.login(&user.email, &user.password).await;
    assert!(refresh_cookie(&login).is_none());
    assert!(login.headers().get("x-device-token").is_some());
    let body = json_of(login).await;
    assert!(
        body["refresh_token"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
}
