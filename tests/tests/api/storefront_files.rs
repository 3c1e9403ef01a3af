//! The edge serves a built web app at `/` without changing what any API path means.

use menuskart_e2e::{Options, TestApp, assert_error};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};

const INDEX: &str =
    "<!doctype html><html lang=\"en\"><title>MenusKart</title><div id=\"root\"></div></html>";

/// A directory shaped like Vite's output: `index.html` and hashed files under `assets/`.
fn built_app() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mk-web-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    // Large enough to be worth compressing.
    std::fs::write(
        dir.join("assets/index-3f9a1c.js"),
        "console.log('menuskart');\n".repeat(200),
    )
    .unwrap();
    std::fs::write(
        dir.join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    dir
}

async fn app_with_web() -> TestApp {
    TestApp::spawn_with(Options {
        web_dir: Some(built_app()),
        ..Options::default()
    })
    .await
}

fn browser_get(app: &TestApp, path: &str) -> reqwest::RequestBuilder {
    app.http
        .get(app.url(path))
        .header(ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
}

#[tokio::test]
async fn the_home_page_and_the_apps_own_routes_are_index_html_revalidated_each_visit() {
    let app = app_with_web().await;
    // The unsubscribe link of an email is an API path too: a browser gets the page that asks
    // to confirm, and nothing changes until its button posts.
    for path in [
        "/",
        "/shop?q=noodles",
        "/p/pad-thai",
        "/account/orders/abc",
        "/notifications/unsubscribe?token=abc.def",
    ] {
        let response = browser_get(&app, path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()[CACHE_CONTROL], "no-cache", "{path}");
        assert!(
            response.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert_eq!(response.text().await.unwrap(), INDEX, "{path}");
    }
}

#[tokio::test]
async fn the_shops_address_is_the_app_for_any_client_that_does_not_ask_for_json() {
    let app = app_with_web().await;
    // curl sends `Accept: */*`; some clients send no Accept at all.
    for accept in [Some("*/*"), None] {
        let mut request = app.http.get(app.url("/"));
        if let Some(accept) = accept {
            request = request.header(ACCEPT, accept);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{accept:?}");
        assert_eq!(response.text().await.unwrap(), INDEX, "{accept:?}");
    }
    // A JSON client gets the API's answer, and an unknown path stays the JSON 404.
    let json = app
        .http
        .get(app.url("/"))
        .header(ACCEPT, "application/json")
        .send()
        .await
        .unwrap();
    assert_error(json, StatusCode::NOT_FOUND, "not_found").await;
    let unknown = app
        .http
        .get(app.url("/no-such-api"))
        .header(ACCEPT, "*/*")
        .send()
        .await
        .unwrap();
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_compressed() {
    let app = app_with_web().await;
    let response = app
        .http
        .get(app.url("/assets/index-3f9a1c.js"))
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()[CONTENT_ENCODING], "gzip");

    let favicon = browser_get(&app, "/favicon.svg").send().await.unwrap();
    assert_eq!(favicon.status(), StatusCode::OK);
    assert_eq!(favicon.headers()[CACHE_CONTROL], "no-cache");
}

#[tokio::test]
async fn a_missing_asset_is_a_json_404_not_the_app() {
    let app = app_with_web().await;
    let response = browser_get(&app, "/assets/index-gone.js")
        .send()
        .await
        .unwrap();
    assert_error(response, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn api_paths_keep_their_meaning_beside_the_app() {
    let app = app_with_web().await;
    // A browser-like Accept on an API route still gets the API's JSON.
    let categories = browser_get(&app, "/categories").send().await.unwrap();
    assert_eq!(categories.status(), StatusCode::OK);
    assert!(
        categories.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    // An unknown path asked for by an API client is the JSON 404 it always was.
    let unknown = app.get("/no/such/route", None).await;
    assert_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    // Other methods are never the app.
    let post = app
        .http
        .post(app.url("/shop"))
        .header(ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_error(post, StatusCode::NOT_FOUND, "not_found").await;
}
