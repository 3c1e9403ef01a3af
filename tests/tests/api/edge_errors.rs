use menuskart_e2e::{TestApp, assert_error, json_of};
use reqwest::StatusCode;

#[tokio::test]
async fn malformed_json_is_400() {
    let app = TestApp::spawn().await;
    let response = app
        .http
        .post(app.url("/auth/register"))
        .header("content-type", "application/json")
        .body(r#"{"email": "a@example.com", "#)
        .send()
        .await
        .unwrap();
    assert_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
}

#[tokio::test]
async fn missing_fields_are_422_and_a_wrong_content_type_415() {
    let app = TestApp::spawn().await;
    let missing = app
        .post(
            "/auth/register",
            None,
            serde_json::json!({"email": "a@example.com"}),
        )
        .await;
    assert_error(
        missing,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    let text = app
        .http
        .post(app.url("/auth/login"))
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_error(
        text,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
}

#[tokio::test]
async fn an_oversized_body_is_413() {
    let app = TestApp::spawn().await;
    let huge =
        serde_json::json!({"email": "a@example.com", "password": "x".repeat(100_000), "name": "A"});
    let response = app.post("/auth/register", None, huge).await;
    assert_error(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_get_json_errors() {
    let app = TestApp::spawn().await;
    assert_error(
        app.get("/nope", None).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let wrong_method = app.get("/auth/login", None).await;
    assert_error(
        wrong_method,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    )
    .await;
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_keeps_the_clients() {
    let app = TestApp::spawn().await;
    let generated = app.get("/healthz", None).await;
    assert!(
        generated
            .headers()
            .get("x-request-id")
            .is_some_and(|v| !v.is_empty())
    );
    let given = app
        .http
        .get(app.url("/healthz"))
        .header("x-request-id", "req-123")
        .send()
        .await
        .unwrap();
    assert_eq!(given.headers()["x-request-id"], "req-123");
}

#[tokio::test]
async fn health_readiness_openapi_and_docs_are_served() {
    let app = TestApp::spawn().await;
    assert_eq!(
        json_of(app.get("/healthz", None).await).await["status"],
        "ok"
    );
    assert_eq!(
        json_of(app.get("/readyz", None).await).await["status"],
        "ready"
    );

    let spec = json_of(app.get("/openapi.json", None).await).await;
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/auth/register",
        "/auth/login",
        "/auth/refresh",
        "/auth/logout",
        "/auth/validate-token",
        "/users/me",
        "/users",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} is not documented");
    }
    assert!(spec["components"]["securitySchemes"]["bearer"].is_object());
    assert!(spec["components"]["schemas"]["RegisterRequest"].is_object());

    let docs = app.get("/docs/", None).await;
    assert_eq!(docs.status(), StatusCode::OK);
    assert!(docs.text().await.unwrap().contains("swagger"));
}
