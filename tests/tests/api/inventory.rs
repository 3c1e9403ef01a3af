use std::sync::Arc;

use menuskart_e2e::{TestApp, assert_error, json_of, nats_request};
use menuskart_kit::Caller;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::subjects::inventory;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn set_stock(app: &TestApp, token: &str, product_id: &str, units: i64) -> Value {
    let response = app
        .post(
            "/inventory/update",
            Some(token),
            json!({"product_id": product_id, "set": units}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    json_of(response).await
}

async fn stock(app: &TestApp, product_id: &str) -> Value {
    json_of(app.get(&format!("/inventory/{product_id}"), None).await).await
}

fn order() -> String {
    uuid::Uuid::new_v4().to_string()
}

async fn reserve(
    client: &async_nats::Client,
    order_id: &str,
    lines: Value,
) -> Result<Value, menuskart_schemas::ErrorBody> {
    nats_request(
        client,
        inventory::RESERVE,
        &Caller::anonymous(),
        &json!({"order_id": order_id, "lines": lines}),
    )
    .await
}

#[tokio::test]
async fn an_admin_sets_and_adjusts_stock_and_anyone_reads_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    assert_eq!(
        stock(&app, "never-stocked").await,
        json!({"product_id": "never-stocked", "available": 0, "reserved": 0})
    );

    let level = set_stock(&app, &admin.access_token, "chili-oil", 12).await;
    assert_eq!(
        level,
        json!({"product_id": "chili-oil", "available": 12, "reserved": 0})
    );
    let adjusted = app
        .post(
            "/inventory/update",
            Some(&admin.access_token),
            json!({"product_id": "chili-oil", "delta": -5}),
        )
        .await;
    assert_eq!(json_of(adjusted).await["available"], 7);
    assert_eq!(stock(&app, "chili-oil").await["available"], 7);

    let too_much = app
        .post(
            "/inventory/update",
            Some(&admin.access_token),
            json!({"product_id": "chili-oil", "delta": -8}),
        )
        .await;
    assert_error(too_much, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(
        stock(&app, "chili-oil").await["available"],
        7,
        "a refused change changes nothing"
    );
}

#[tokio::test]
async fn only_admins_update_stock_and_bad_updates_are_422() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let body = json!({"product_id": "p1", "set": 5});
    assert_error(
        app.post("/inventory/update", None, body.clone()).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_error(
        app.post(
            "/inventory/update",
            Some(&customer.access_token),
            body.clone(),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // The worker refuses a customer too, without the edge (sent with the edge's key, the one
    // that may ask for a stock update).
    let client = app.nats.client_as("edge").await;
    let as_customer = app.caller(&customer);
    let refused = nats_request(&client, inventory::UPDATE, &as_customer, &body)
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Forbidden);

    let admin = app.admin().await;
    for bad in [
        json!({"product_id": "p1", "set": 5, "delta": 1}),
        json!({"product_id": "p1"}),
        json!({"product_id": "p1", "set": -1}),
        json!({"product_id": "not ok!", "set": 1}),
    ] {
        let response = app
            .post("/inventory/update", Some(&admin.access_token), bad.clone())
            .await;
        assert_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
    }
    assert_error(
        app.get("/inventory/bad%20id", None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}

#[tokio::test]
async fn two_hundred_concurrent_reservations_on_fifty_units_sell_exactly_fifty() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    set_stock(&app, &admin.access_token, "last-dumplings", 50).await;
    // Reservations are the order service's to make.
    let client = Arc::new(app.nats.client_as("orders").await);

    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..200 {
        let client = client.clone();
        attempts.spawn(async move {
            reserve(
                &client,
                &order(),
                json!([{"product_id": "last-dumplings", "quantity": 1}]),
            )
            .await
        });
    }
    let (mut won, mut refused) = (0, 0);
    while let Some(result) = attempts.join_next().await {
        match result.unwrap() {
            Ok(reservation) => {
                assert_eq!(reservation["status"], "reserved");
                won += 1;
            }
            Err(error) => {
                assert_eq!(error.code, ErrorCode::Conflict, "{error:?}");
                refused += 1;
            }
        }
    }
    assert_eq!((won, refused), (50, 150));
    assert_eq!(
        stock(&app, "last-dumplings").await,
        json!({"product_id": "last-dumplings", "available": 0, "reserved": 50})
    );
}

#[tokio::test]
async fn a_repeated_reserve_for_one_order_is_a_no_op() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    set_stock(&app, &admin.access_token, "rice", 10).await;
    let client = app.nats.client_as("orders").await;
    let order_id = order();
    let lines = json!([{"product_id": "rice", "quantity": 3}]);
    let first = reserve(&client, &order_id, lines.clone()).await.unwrap();
    let again = reserve(&client, &order_id, lines).await.unwrap();
    assert_eq!(first, again);
    // Even a retry with other lines answers the original reservation.
    let other = reserve(
        &client,
        &order_id,
        json!([{"product_id": "rice", "quantity": 9}]),
    )
    .await
    .unwrap();
    assert_eq!(other, first);
    assert_eq!(stock(&app, "rice").await["available"], 7);
    assert_eq!(stock(&app, "rice").await["reserved"], 3);
}

#[tokio::test]
async fn a_reservation_takes_every_line_or_none() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    set_stock(&app, &admin.access_token, "noodles", 10).await;
    set_stock(&app, &admin.access_token, "saffron", 1).await;
    let client = app.nats.client_as("orders").await;
    let refused = reserve(
        &client,
        &order(),
        json!([{"product_id": "noodles", "quantity": 4}, {"product_id": "saffron", "quantity": 2}]),
    )
    .await
    .unwrap_err();
    assert_eq!(refused.code, ErrorCode::Conflict);
    assert_eq!(refused.details.unwrap()["product_id"], "saffron");
    assert_eq!(
        stock(&app, "noodles").await["available"],
        10,
        "nothing was taken"
    );
    assert_eq!(stock(&app, "noodles").await["reserved"], 0);
}

#[tokio::test]
async fn release_gives_stock_back_once_and_commit_sells_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    set_stock(&app, &admin.access_token, "tofu", 10).await;
    let client = app.nats.client_as("orders").await;
    let lines = json!([{"product_id": "tofu", "quantity": 4}]);

    let released_order = order();
    reserve(&client, &released_order, lines.clone())
        .await
        .unwrap();
    let reference = json!({"order_id": released_order});
    for _ in 0..2 {
        let released = nats_request(
            &client,
            inventory::RELEASE,
            &Caller::anonymous(),
            &reference,
        )
        .await
        .unwrap();
        assert_eq!(released["status"], "released");
    }
    assert_eq!(
        stock(&app, "tofu").await,
        json!({"product_id": "tofu", "available": 10, "reserved": 0})
    );
    let commit_released =
        nats_request(&client, inventory::COMMIT, &Caller::anonymous(), &reference)
            .await
            .unwrap_err();
    assert_eq!(commit_released.code, ErrorCode::Conflict);

    let sold_order = order();
    reserve(&client, &sold_order, lines).await.unwrap();
    let reference = json!({"order_id": sold_order});
    for _ in 0..2 {
        let committed = nats_request(&client, inventory::COMMIT, &Caller::anonymous(), &reference)
            .await
            .unwrap();
        assert_eq!(committed["status"], "committed");
    }
    assert_eq!(
        stock(&app, "tofu").await,
        json!({"product_id": "tofu", "available": 6, "reserved": 0})
    );

    let unknown = json!({"order_id": order()});
    let missing = nats_request(&client, inventory::RELEASE, &Caller::anonymous(), &unknown)
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn reservations_and_low_stock_are_published_to_jetstream_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    set_stock(&app, &admin.access_token, "miso", 8).await;
    let client = app.nats.client_as("orders").await;
    let order_id = order();
    let lines = json!([{"product_id": "miso", "quantity": 4}]);
    reserve(&client, &order_id, lines.clone()).await.unwrap();
    reserve(&client, &order_id, lines).await.unwrap();

    let js = app.nats.ops_jetstream().await;
    let stream = js.get_stream("INVENTORY").await.unwrap();
    let reserved = stream
        .get_last_raw_message_by_subject("mk.evt.inventory.reserved")
        .await
        .unwrap();
    let event: Value = serde_json::from_slice(&reserved.payload).unwrap();
    assert_eq!(event["order_id"], order_id.as_str());
    assert_eq!(
        event["lines"],
        json!([{"product_id": "miso", "quantity": 4}])
    );

    let low = stream
        .get_last_raw_message_by_subject("mk.evt.inventory.low_stock")
        .await
        .unwrap();
    let event: Value = serde_json::from_slice(&low.payload).unwrap();
    assert_eq!(
        event,
        json!({"product_id": "miso", "available": 4, "reserved": 4, "threshold": 5})
    );

    // The retried reserve was de-duplicated: one reserved event in the stream.
    let reserved = app
        .stream_events("INVENTORY", "mk.evt.inventory.reserved")
        .await;
    assert_eq!(reserved.len(), 1, "{reserved:?}");
}
