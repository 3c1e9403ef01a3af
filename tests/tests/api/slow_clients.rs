//! Slow clients cannot hold the edge's connections: a connection's first request must arrive
//! within the header-read timeout whatever the protocol (HTTP/1 headers, HTTP/2's preface and
//! request, or nothing at all), a body within the body-read timeout, while a normal request on
//! another connection is served meanwhile; and connections beyond the cap wait their turn.

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

#[tokio::test]
async fn a_connection_that_sends_nothing_is_closed() {
    let app = app().await;
    let mut silent = TcpStream::connect(address(&app)).await.unwrap();
    let answer = until_closed(&mut silent).await;
    assert!(answer.is_empty(), "{answer}");
}

#[tokio::test]
async fn a_connection_that_sends_part_of_the_http2_preface_is_closed() {
    let app = app().await;
    let mut slow = TcpStream::connect(address(&app)).await.unwrap();
    // The preface's first line: not yet enough for the edge to tell HTTP/2 from HTTP/1.
    slow.write_all(b"PRI * HTTP/2.0\r\n").await.unwrap();
    until_closed(&mut slow).await;
}

#[tokio::test]
async fn an_http2_connection_that_never_sends_a_request_is_closed() {
    let app = app().await;
    let mut idle = TcpStream::connect(address(&app)).await.unwrap();
    // The whole preface and an empty SETTINGS frame: a real HTTP/2 connection, no request.
    idle.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\x04\0\0\0\0\0")
        .await
        .unwrap();
    until_closed(&mut idle).await;
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_until_one_closes() {
    let app = TestApp::spawn_with(Options {
        max_connections: 2,
        // Long enough that the edge does not close the idle connections itself.
        header_read_timeout: Duration::from_secs(60),
        ..Options::default()
    })
    .await;
    // Two connections hold both places (the edge accepts in order).
    let first = TcpStream::connect(address(&app)).await.unwrap();
    let _second = TcpStream::connect(address(&app)).await.unwrap();
    let mut third = TcpStream::connect(address(&app)).await.unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut received = vec![0u8; 1024];
    let early = tokio::time::timeout(Duration::from_secs(1), third.read(&mut received)).await;
    assert!(
        early.is_err(),
        "a third connection was served while two were open: {:?}",
        early.map(|n| String::from_utf8_lossy(&received[..n.unwrap_or(0)]).into_owned())
    );
    // One leaves: the waiting connection is accepted and served, not refused.
    drop(first);
    let answer = until_closed(&mut third).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
}
