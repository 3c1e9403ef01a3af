use futures::StreamExt;
use menuskart_e2e::TestApp;

#[tokio::test]
async fn the_callers_traceparent_reaches_the_worker_with_the_same_trace_id() {
    let app = TestApp::spawn().await;
    // A plain subscriber gets a copy of every request, beside the worker's queue group (with the
    // auth service's key: only it may listen on its subjects).
    let client = app.nats.client_as("auth").await;
    let mut copies = client
        .subscribe(menuskart_schemas::subjects::auth::LOGIN.subject)
        .await
        .unwrap();
    // The server answers the flush's PING after the SUB before it: it has the subscription
    // before the edge sends.
    client.flush().await.unwrap();

    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let response = app
        .http
        .post(app.url("/auth/login"))
        .header("traceparent", format!("00-{trace_id}-00f067aa0ba902b7-01"))
        .header("x-request-id", "trace-test")
        .json(&serde_json::json!({"email": "t@example.com", "password": "whatever pw"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::UNAUTHORIZED);

    let copy = copies.next().await.unwrap();
    let headers = copy.headers.expect("headers on the NATS request");
    let traceparent = headers
        .get("traceparent")
        .expect("traceparent")
        .as_str()
        .to_owned();
    let parts: Vec<&str> = traceparent.split('-').collect();
    assert_eq!(parts.len(), 4, "{traceparent}");
    assert_eq!(parts[1], trace_id, "the trace continues");
    assert_ne!(
        parts[2], "00f067aa0ba902b7",
        "the edge's own span is the parent"
    );
    assert_eq!(headers.get("mk-request-id").unwrap().as_str(), "trace-test");
}
