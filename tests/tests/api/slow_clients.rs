//! Slow clients cannot hold the edge's connections: headers must arrive within the header-read
//! timeout and a body within the body-read timeout, while a normal request on another
//! connection is served meanwhile.

use std::time::Duration;

use menuskart_e2e::{Options, TestApp};
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn app() -> TestApp {
    TestApp::spawn_with(Options {
        header_read_timeout: Duration::from_millis(500),
        body_read_timeout: Duration::from_millis(500),
        ..Options::default()
    })
    .await
}

fn address(app: &TestApp) -> String {
    app.base_url.trim_start_matches("http://").to_owned()
}

/// Reads until the server closes the connection; what it sent.
async fn until_closed(stream: &mut TcpStream) -> String {
    let mut received = Vec::new();
    let read =
        tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut received)).await;
    assert!(
        read.is_ok(),
        "the edge kept a slow client's connection open"
    );
    String::from_utf8_lossy(&received).into_owned()
}

#[tokio::test]
async fn a_client_trickling_its_headers_is_disconnected() {
    let app = app().await;
    let mut slow = TcpStream::connect(address(&app)).await.unwrap();
    slow.write_all(b"GET /products HTTP/1.1\r\nHost: shop\r\n")
        .await
        .unwrap();
    // Meanwhile the edge serves others.
    assert_eq!(app.get("/products", None).await.status(), StatusCode::OK);
    // The headers never end: the edge closes the connection, with no response to a request it
    // never got.
    let answer = until_closed(&mut slow).await;
    assert!(!answer.contains("200 OK"), "{answer}");
}

#[tokio::test]
async fn a_body_that_does_not_arrive_is_refused_and_the_connection_freed() {
    let app = app().await;
    let mut slow = TcpStream::connect(address(&app)).await.unwrap();
    slow.write_all(
        b"POST /auth/login HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":",
    )
    .await
    .unwrap();
    let answer = tokio::time::timeout(Duration::from_secs(10), async {
        let mut received = vec![0u8; 4096];
        let n = slow.read(&mut received).await.unwrap();
        String::from_utf8_lossy(&received[..n]).into_owned()
    })
    .await
    .expect("the edge answers a body that never comes");
    let status_line = answer.lines().next().unwrap_or_default().to_owned();
    assert!(
        status_line.contains(" 408 ") || status_line.contains(" 400 "),
        "{answer}"
    );
    assert!(
        answer.contains("application/json"),
        "a JSON error: {answer}"
    );
}
