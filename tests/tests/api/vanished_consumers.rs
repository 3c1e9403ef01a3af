//! A durable consumer that vanishes (a JetStream store restored from a backup taken before it
//! existed, or deleted by hand) is made again by the JetStream keeper when its worker finds it
//! gone, and counted, instead of its events stopping silently until a restart (refunds, stock
//! release).

use std::time::Duration;

use menuskart_e2e::TestApp;

/// The payments workers' count of durables found gone and recreated.
async fn recreated_by_payments(app: &TestApp) -> u64 {
    app.nats.stats_sum("payments", "consumers_recreated").await
}

async fn refunds_consumer_exists(app: &TestApp) -> bool {
    let js = app.nats.ops_jetstream().await;
    match js.get_stream("ORDERS").await {
        Ok(stream) => stream.consumer_info("payments-refunds").await.is_ok(),
        Err(_) => false,
    }
}

#[tokio::test]
async fn a_durable_lost_from_the_store_is_recreated_and_counted() {
    let mut app = TestApp::spawn_shop().await;
    assert!(refunds_consumer_exists(&app).await);
    assert_eq!(recreated_by_payments(&app).await, 0);

    // NATS comes back from a store without the payments worker's durable on ORDERS.
    app.nats
        .restart_without("jetstream/JETSTREAM/streams/ORDERS/obs/payments-refunds")
        .await;
    assert!(
        !refunds_consumer_exists(&app).await,
        "the restarted server still has the durable"
    );

    let mut back = false;
    for _ in 0..120 {
        if refunds_consumer_exists(&app).await {
            back = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(back, "the payments worker did not recreate its durable");
    assert_eq!(recreated_by_payments(&app).await, 1);
}
