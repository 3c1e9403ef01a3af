//! The NATS service API: what `nats micro ls|info|stats` read.

use std::time::Duration;

use menuskart_e2e::TestApp;
use menuskart_kit::service_api::{Verb, discover};

/// Every answer to `$SRV.<verb>[.<service>]` within half a second.
pub async fn gather(
    client: &async_nats::Client,
    verb: Verb,
    service: Option<&str>,
) -> Vec<serde_json::Value> {
    discover(client, verb, service, Duration::from_millis(500))
        .await
        .expect("service API request")
}

#[tokio::test]
async fn every_service_answers_ping_and_auth_reports_info_and_stats() {
    let app = TestApp::spawn().await;
    let client = app.nats.client_as("ops").await;

    let pings = gather(&client, Verb::Ping, None).await;
    let mut names: Vec<&str> = pings.iter().map(|p| p["name"].as_str().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["auth", "catalog", "inventory", "jetstream"],
        "{pings:?}"
    );
    assert!(
        pings
            .iter()
            .all(|p| p["type"] == "io.nats.micro.v1.ping_response")
    );

    let info = gather(&client, Verb::Info, Some("auth")).await;
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
    let stats = gather(&client, Verb::Stats, Some("auth")).await;
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
