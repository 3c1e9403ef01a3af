//! Every response tells browsers what the page may load and who may frame it; HSTS only when
//! the edge is served over HTTPS; Swagger UI keeps a policy it can run under.

use menuskart_e2e::{Options, TestApp};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, HeaderMap};

const INDEX: &str = "<!doctype html><html><div id=\"root\"></div>\
    <script type=\"module\" src=\"/assets/index-1.js\"></script></html>";

fn built_app() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("mk-web-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    std::fs::write(dir.join("assets/index-1.js"), "console.log('shop');").unwrap();
    dir
}

async fn app(behind_tls: bool) -> TestApp {
    TestApp::spawn_with(Options {
        web_dir: Some(built_app()),
        behind_tls,
        ..Options::default()
    })
    .await
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .unwrap_or_else(|| panic!("no {name} header in {headers:?}"))
        .to_str()
        .unwrap()
}

/// The directives of a Content-Security-Policy, by name.
fn directive<'a>(policy: &'a str, name: &str) -> Option<&'a str> {
    policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix(name)?.strip_prefix(' '))
}

fn assert_locked_down(headers: &HeaderMap, what: &str) {
    let policy = header(headers, "content-security-policy");
    assert_eq!(
        directive(policy, "frame-ancestors"),
        Some("'none'"),
        "{what}"
    );
    assert_eq!(directive(policy, "object-src"), Some("'none'"), "{what}");
    let scripts = directive(policy, "script-src").unwrap_or_else(|| panic!("{what}: {policy}"));
    assert_eq!(scripts, "'self'", "{what}: no inline or foreign scripts");
    assert_eq!(header(headers, "x-frame-options"), "DENY", "{what}");
    assert_eq!(
        header(headers, "x-content-type-options"),
        "nosniff",
        "{what}"
    );
    assert!(
        matches!(
            header(headers, "referrer-policy"),
            "strict-origin-when-cross-origin" | "strict-origin" | "same-origin" | "no-referrer"
        ),
        "{what}"
    );
}

#[tokio::test]
async fn the_app_its_files_the_api_and_its_errors_carry_the_browser_security_headers() {
    let app = app(false).await;
    let page = app
        .http
        .get(app.url("/account/orders"))
        .header(ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page_policy = header(page.headers(), "content-security-policy").to_owned();
    // The app's own styles only: an injected <style> or style attribute does nothing.
    assert_eq!(directive(&page_policy, "style-src"), Some("'self'"));
    assert_eq!(directive(&page_policy, "connect-src"), Some("'self'"));
    let responses = [
        ("the app", page.headers().clone()),
        (
            "a file",
            app.get("/assets/index-1.js", None).await.headers().clone(),
        ),
        (
            "the API",
            app.get("/categories", None).await.headers().clone(),
        ),
        (
            "a 404",
            app.get("/no/such/route", None).await.headers().clone(),
        ),
        ("a 401", app.get("/users/me", None).await.headers().clone()),
    ];
    for (what, headers) in &responses {
        assert_locked_down(headers, what);
        // Plain HTTP: HSTS would mean nothing, and must not be sent.
        assert!(headers.get("strict-transport-security").is_none(), "{what}");
    }
}

#[tokio::test]
async fn behind_tls_every_response_asks_for_https_from_now_on() {
    let app = app(true).await;
    for path in ["/categories", "/no/such/route", "/docs/"] {
        let response = app.get(path, None).await;
        let hsts = header(response.headers(), "strict-transport-security");
        let max_age: u64 = hsts
            .split(';')
            .find_map(|part| part.trim().strip_prefix("max-age="))
            .unwrap()
            .parse()
            .unwrap();
        assert!(max_age >= 180 * 24 * 3600, "{path}: {hsts}");
    }
}

#[tokio::test]
async fn swagger_ui_is_served_under_a_policy_it_runs_with() {
    let app = app(false).await;
    let docs = app.get("/docs/", None).await;
    assert_eq!(docs.status(), StatusCode::OK);
    let headers = docs.headers().clone();
    assert_locked_down(&headers, "/docs/");
    let page = docs.text().await.unwrap();
    // Every script Swagger UI runs is a file of ours, which `script-src 'self'` allows: no
    // inline script, no other origin.
    let scripts: Vec<&str> = page.split("<script").skip(1).collect();
    assert!(!scripts.is_empty(), "{page}");
    for script in scripts {
        let tag = &script[..script.find('>').unwrap()];
        let src = tag
            .split("src=\"")
            .nth(1)
            .unwrap_or_else(|| panic!("an inline script in {page}"));
        assert!(src.starts_with("./"), "{src}");
        let file = app
            .get(&format!("/docs/{}", &src[2..src.find('"').unwrap()]), None)
            .await;
        assert_eq!(file.status(), StatusCode::OK, "{src}");
    }
    // It draws its icons from data: images.
    let policy = header(&headers, "content-security-policy");
    assert!(
        directive(policy, "img-src").unwrap().contains("data:"),
        "{policy}"
    );
    // The document it loads is served beside it.
    assert_eq!(
        app.get("/openapi.json", None).await.status(),
        StatusCode::OK
    );
}

/// The policy forbids inline scripts and style elements: the storefront's page must have none.
#[test]
fn the_storefronts_page_has_no_inline_script_or_style() {
    let index = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/index.html"),
    )
    .unwrap();
    for script in index.split("<script").skip(1) {
        let tag = &script[..script.find('>').unwrap()];
        assert!(tag.contains("src="), "an inline script: <script{tag}>");
    }
    assert!(!index.contains("<style"), "an inline style element");
}
