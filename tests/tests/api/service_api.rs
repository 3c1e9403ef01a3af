//! The NATS service API: what `nats micro ls|info|stats` read.

use std::time::Duration;

use futures::StreamExt;
use menuskart_e2e::TestApp;

/// Sends `subject` and collects every reply that arrives within `wait`.
pub async fn gather(
    client: &async_nats::Client,
    subject: &str,
    wait: Duration,
) -> Vec<serde_json::Value> {
    let inbox = client.new_inbox();
    let mut replies = client.subscribe(inbox.clone()).await.unwrap();
    client
        .publish_with_reply(subject.to_owned(), inbox, "".into())
        .await
        .unwrap();
    client.flush().await.unwrap();
    let mut found = Vec::new();
    let deadline = tokio::time::sleep(wait);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            () = &mut deadline => break,
            Some(message) = replies.next() => {
                found.push(serde_json::from_slice(&message.payload).unwrap());
            }
        }
    }
    found
}

#[tokio::test]
async fn the_auth_service_answers_ping_info_and_stats() {
    let app = TestApp::spawn().await;
    let client = app.nats.client().await;

    let pings = gather(&client, "$SRV.PING", Duration::from_millis(500)).await;
    assert_eq!(pings.len(), 1, "{pings:?}");
    assert_eq!(pings[0]["name"], "auth");
    assert_eq!(pings[0]["type"], "io.nats.micro.v1.ping_response");

    let info = gather(&client, "$SRV.INFO.auth", Duration::from_millis(500)).await;
    let subjects: Vec<&str> = info[0]["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["subject"].as_str().unwrap())
        .collect();
    for endpoint in menuskart_schemas::subjects::auth::ENDPOINTS {
        assert!(
            subjects.contains(&endpoint.subject),
            "{} not registered",
            endpoint.subject
        );
    }

    // One success and one failure: stats count both, and the failure as an error.
    app.register("stats@example.com", "a fine password", "S")
        .await;
    app.register("stats@example.com", "a fine password", "S")
        .await;
    let stats = gather(&client, "$SRV.STATS.auth", Duration::from_millis(500)).await;
    let register = stats[0]["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "register")
        .unwrap_or_else(|| panic!("no register endpoint in {stats:?}"))
        .clone();
    assert_eq!(register["num_requests"], 2);
    assert_eq!(register["num_errors"], 1);
}
