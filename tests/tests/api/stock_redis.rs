//! The stock Redis persists (AOF): a crash of Redis loses no acknowledged stock change, and the
//! inventory worker reconnects by itself.

use std::time::Duration;

use menuskart_e2e::app::Options;
use menuskart_e2e::redis::{socket_url, start_redis};
use menuskart_e2e::workers::inventory_settings;
use menuskart_e2e::{TestApp, TestRedis, WorkerInstance, assert_error, json_of, nats_request};
use menuskart_kit::Caller;
use serde_json::json;

#[tokio::test]
async fn stock_and_reservations_survive_a_redis_crash() {
    let app = TestApp::spawn_with(Options {
        inventory_instances: 0,
        ..Options::default()
    })
    .await;
    let dir = std::env::temp_dir().join(format!("mk-redis-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut redis = start_redis(&dir);
    let own = TestRedis {
        url: socket_url(&dir),
        prefix: "mk:".into(),
    };
    let _inventory = WorkerInstance::start::<menuskart_inventory::Inventory>(
        &app.nats,
        inventory_settings(&own),
    )
    .await;
    let admin = app.admin().await;
    let set = app
        .post(
            "/inventory/update",
            Some(&admin.access_token),
            json!({"product_id": "saffron", "set": 9}),
        )
        .await;
    assert_eq!(set.status(), reqwest::StatusCode::OK);
    let client = app.nats.client_as("orders").await;
    let order_id = uuid::Uuid::new_v4();
    let reserve =
        json!({"order_id": order_id, "lines": [{"product_id": "saffron", "quantity": 4}]});
    nats_request(
        &client,
        menuskart_schemas::subjects::inventory::RESERVE,
        &Caller::anonymous(),
        &reserve,
    )
    .await
    .unwrap();

    // Crash: SIGKILL, no shutdown save. Then start it again on the same directory.
    redis.kill().unwrap();
    redis.wait().unwrap();
    // While it is down, stock is unavailable, not broken: 503 with a hint to retry.
    let down = app.get("/inventory/saffron", None).await;
    assert_eq!(down.headers()["retry-after"], "2");
    assert_error(
        down,
        reqwest::StatusCode::SERVICE_UNAVAILABLE,
        "unavailable",
    )
    .await;
    let _ = std::fs::remove_file(dir.join("redis.sock"));
    let mut redis = start_redis(&dir);

    let mut level = json!(null);
    for _ in 0..50 {
        let response = app.get("/inventory/saffron", None).await;
        if response.status().is_success() {
            level = json_of(response).await;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        level,
        json!({"product_id": "saffron", "available": 5, "reserved": 4})
    );
    // The reservation itself survived: a retry is still a no-op.
    let again = nats_request(
        &client,
        menuskart_schemas::subjects::inventory::RESERVE,
        &Caller::anonymous(),
        &reserve,
    )
    .await
    .unwrap();
    assert_eq!(again["status"], "reserved");
    assert_eq!(
        json_of(app.get("/inventory/saffron", None).await).await["available"],
        5
    );

    redis.kill().unwrap();
    redis.wait().unwrap();
    drop(own); // its cleanup cannot reach the stopped server; the directory goes below
    let _ = std::fs::remove_dir_all(&dir);
}
