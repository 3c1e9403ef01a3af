use std::time::Duration;

use menuskart_e2e::{Options, TestApp, TestUser, WorkerInstance, assert_error, json_of};
use menuskart_schemas::subjects::events::{orders, payments};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// GET /orders/user/{user_id}`query` as `reader`.
async fn order_history(app: &TestApp, user_id: &str, reader: &TestUser, query: &str) -> Value {
    json_of(
        app.get(
            &format!("/orders/user/{user_id}{query}"),
            Some(&reader.access_token),
        )
        .await,
    )
    .await
}

fn statuses(order: &Value) -> Vec<&str> {
    order["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect()
}

/// The events of one order in the ORDERS stream, by subject. Each change is also on the order's
/// own status subject, with the same payload (for live views): the relay publishes that copy
/// right after, so this waits (a few seconds at most) until every change is on both.
async fn order_events(app: &TestApp, order_id: &str) -> Vec<String> {
    let status_subject = orders::status_subject(order_id.parse().unwrap());
    let statuses = |events: &[(String, serde_json::Value)]| -> Vec<serde_json::Value> {
        events.iter().map(|(_, e)| e["status"].clone()).collect()
    };
    let mut attempts = 0;
    loop {
        let (live, announced): (Vec<_>, Vec<_>) = app
            .stream_events("ORDERS", orders::STREAM.subjects)
            .await
            .into_iter()
            .filter(|(_, event)| event["order_id"] == order_id)
            .partition(|(subject, _)| *subject == status_subject);
        let (live, announced_statuses) = (statuses(&live), statuses(&announced));
        let copy_pending =
            live.len() < announced_statuses.len() && announced_statuses.starts_with(&live);
        attempts += 1;
        if !copy_pending || attempts >= 50 {
            assert_eq!(live, announced_statuses, "every change once on each");
            return announced.into_iter().map(|(subject, _)| subject).collect();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn cart_to_order_to_paid_reserves_then_commits_the_stock() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, product) = app.customer_with_cart(&admin, 3).await;
    let cart = json_of(app.get("/cart", Some(&user.access_token)).await).await;

    let placed = app
        .place_order(&user.access_token, Some("checkout-1"))
        .await;
    assert_eq!(placed.status(), StatusCode::CREATED);
    let order = json_of(placed).await;
    let id = order["id"].as_str().unwrap().to_owned();
    assert_eq!(order["status"], "pending_payment");
    assert_eq!(order["total"], cart["total"]);
    assert_eq!(order["subtotal"], 1500);
    assert_eq!(order["items"][0]["quantity"], 3);
    assert_eq!(order["items"][0]["unit_price"], 500);
    assert_eq!(order["shipping_address"]["city"], "London");
    assert_eq!(statuses(&order), ["pending_payment"]);

    assert_eq!(app.stock_of(&product).await, (7, 3), "reserved");
    let emptied = json_of(app.get("/cart", Some(&user.access_token)).await).await;
    assert_eq!(emptied["items"], json!([]), "the cart was placed");
    let history = order_history(&app, &user.id, &user, "").await;
    assert_eq!(history["total"], 1);
    assert_eq!(history["items"][0]["id"], id.as_str());

    app.publish_payment(payments::SUCCEEDED, &order, "pay-1")
        .await;
    let paid = app
        .eventually(&format!("/orders/{id}"), Some(&user.access_token), |o| {
            o["status"] == "paid"
        })
        .await;
    assert_eq!(statuses(&paid), ["pending_payment", "paid"]);
    // The reservation becomes a sale: nothing reserved, nothing given back.
    app.wait_for_stock(&product, (7, 0)).await;
    assert_eq!(
        order_events(&app, &id).await,
        [orders::PLACED.subject, orders::PAID.subject]
    );

    // Admins move a paid order on; customers cannot; a paid order cannot be cancelled.
    let status_path = format!("/orders/{id}/status");
    assert_error(
        app.post(
            &status_path,
            Some(&user.access_token),
            json!({"status": "shipped"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.post(
            &format!("/orders/{id}/cancel"),
            Some(&user.access_token),
            json!({}),
        )
        .await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    let shipped = json_of(
        app.post(
            &status_path,
            Some(&admin.access_token),
            json!({"status": "shipped"}),
        )
        .await,
    )
    .await;
    assert_eq!(shipped["status"], "shipped");
    assert_error(
        app.post(
            &status_path,
            Some(&admin.access_token),
            json!({"status": "paid"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}

#[tokio::test]
async fn a_retried_placement_returns_the_same_order_and_reserves_once() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, product) = app.customer_with_cart(&admin, 2).await;

    // Three concurrent tries with one key, then a late retry.
    let tries = futures::future::join_all(
        (0..3).map(|_| app.place_order(&user.access_token, Some("retry-me"))),
    )
    .await;
    let mut ids = Vec::new();
    for response in tries {
        assert_eq!(response.status(), StatusCode::CREATED);
        ids.push(json_of(response).await["id"].as_str().unwrap().to_owned());
    }
    let late = json_of(app.place_order(&user.access_token, Some("retry-me")).await).await;
    ids.push(late["id"].as_str().unwrap().to_owned());
    ids.dedup();
    assert_eq!(ids.len(), 1, "one order: {ids:?}");
    assert_eq!(app.stock_of(&product).await, (8, 2), "reserved once");
    let history = order_history(&app, &user.id, &user, "").await;
    assert_eq!(history["total"], 1);

    // A new key with the cart now empty is a new placement, and there is nothing to place.
    assert_error(
        app.place_order(&user.access_token, Some("another")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        app.place_order(&user.access_token, Some("bad key")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let no_address = app
        .post(
            "/orders",
            Some(&user.access_token),
            json!({"shipping_address": {"city": "Oslo"}}),
        )
        .await;
    assert_error(
        no_address,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        app.place_order("nobody", None).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
}

#[tokio::test]
async fn two_checkouts_for_the_last_unit_one_wins_the_other_gets_409_and_holds_nothing() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let last = app
        .stocked_product(&admin, "Last Mooncake", 900, "food", 2)
        .await;
    let (alice, bob) = (app.customer().await, app.customer().await);
    app.add_to_cart(&alice.access_token, &last, 1).await;
    app.add_to_cart(&bob.access_token, &last, 1).await;
    app.set_stock(&admin, &last, 1).await;

    let (a, b) = tokio::join!(
        app.place_order(&alice.access_token, None),
        app.place_order(&bob.access_token, None)
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT]);
    let loser = if a.status() == StatusCode::CONFLICT {
        a
    } else {
        b
    };
    let body = assert_error(loser, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(body["error"]["details"]["product_id"], last.as_str());
    assert_eq!(app.stock_of(&last).await, (0, 1), "one unit, reserved once");

    let mut orders_total = 0;
    for user in [&alice, &bob] {
        let history = order_history(&app, &user.id, user, "").await;
        orders_total += history["total"].as_i64().unwrap();
    }
    assert_eq!(orders_total, 1, "no order for the loser");
}

#[tokio::test]
async fn an_event_committed_while_the_relay_is_down_is_published_once_it_is_back() {
    let mut app = TestApp::spawn_shop().await;
    // Replace the order worker by one that commits but never publishes: a crash between the
    // commit and the publish, frozen.
    app.orders.pop().expect("order worker").stop();
    let mut silent = app.orders_settings();
    silent.outbox.outbox_relay = false;
    let silent = WorkerInstance::start::<menuskart_orders::Orders>(&app.nats, silent).await;
    let admin = app.admin().await;
    let (user, _) = app.customer_with_cart(&admin, 1).await;
    let order = json_of(app.place_order(&user.access_token, None).await).await;
    let id = order["id"].as_str().unwrap().to_owned();
    assert_eq!(order["status"], "pending_payment");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        order_events(&app, &id).await.is_empty(),
        "not published yet"
    );
    silent.kill();

    let _relay =
        WorkerInstance::start::<menuskart_orders::Orders>(&app.nats, app.orders_settings()).await;
    let mut events = Vec::new();
    for _ in 0..100 {
        events = order_events(&app, &id).await;
        if !events.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(events, [orders::PLACED.subject], "published exactly once");
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(order_events(&app, &id).await, [orders::PLACED.subject]);
}

#[tokio::test]
async fn a_redelivered_payment_event_changes_nothing_the_second_time() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, product) = app.customer_with_cart(&admin, 2).await;
    let order = json_of(app.place_order(&user.access_token, None).await).await;
    let id = order["id"].as_str().unwrap().to_owned();

    app.publish_payment(payments::SUCCEEDED, &order, "first")
        .await;
    let path = format!("/orders/{id}");
    app.eventually(&path, Some(&user.access_token), |o| o["status"] == "paid")
        .await;
    // The same event again (a new message id, so JetStream stores it: a true redelivery).
    app.publish_payment(payments::SUCCEEDED, &order, "second")
        .await;
    // And a late failure for the paid order.
    app.publish_payment(payments::FAILED, &order, "third").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let after = json_of(app.get(&path, Some(&user.access_token)).await).await;
    assert_eq!(after["status"], "paid");
    assert_eq!(statuses(&after), ["pending_payment", "paid"]);
    assert_eq!(
        order_events(&app, &id).await,
        [orders::PLACED.subject, orders::PAID.subject]
    );
    assert_eq!(app.stock_of(&product).await, (8, 0), "committed once");
}

#[tokio::test]
async fn a_failed_payment_keeps_the_order_payable_and_a_cancel_gives_the_stock_back() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, product) = app.customer_with_cart(&admin, 4).await;
    let declined = json_of(app.place_order(&user.access_token, None).await).await;
    assert_eq!(app.stock_of(&product).await, (6, 4));
    app.publish_payment(payments::FAILED, &declined, "declined-1")
        .await;
    let path = format!("/orders/{}", declined["id"].as_str().unwrap());
    let noted = app
        .eventually(&path, Some(&user.access_token), |o| {
            o["history"].as_array().unwrap().len() == 2
        })
        .await;
    assert_eq!(noted["status"], "pending_payment");
    assert_eq!(noted["history"][1]["status"], "pending_payment");
    assert!(
        noted["history"][1]["reason"]
            .as_str()
            .unwrap()
            .contains("card_declined")
    );
    // The stock stays reserved for another try, which pays the same order.
    assert_eq!(app.stock_of(&product).await, (6, 4));
    app.publish_payment(payments::SUCCEEDED, &declined, "paid-1")
        .await;
    let paid = app
        .eventually(&path, Some(&user.access_token), |o| o["status"] == "paid")
        .await;
    assert_eq!(paid["history"].as_array().unwrap().len(), 3, "{paid}");
    app.wait_for_stock(&product, (6, 0)).await;

    app.add_to_cart(&user.access_token, &product, 1).await;
    let order = json_of(app.place_order(&user.access_token, None).await).await;
    assert_eq!(app.stock_of(&product).await, (5, 1));
    let cancel_path = format!("/orders/{}/cancel", order["id"].as_str().unwrap());
    let cancelled = json_of(
        app.post(&cancel_path, Some(&user.access_token), json!({}))
            .await,
    )
    .await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(
        cancelled["history"][1]["reason"],
        "cancelled by the customer"
    );
    // Twice is fine.
    assert_eq!(
        app.post(&cancel_path, Some(&user.access_token), json!({}))
            .await
            .status(),
        StatusCode::OK
    );
    app.wait_for_stock(&product, (6, 0)).await;
}

#[tokio::test]
async fn orders_are_private_to_their_owner_and_admins() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (owner, _) = app.customer_with_cart(&admin, 1).await;
    let order = json_of(app.place_order(&owner.access_token, None).await).await;
    let path = format!("/orders/{}", order["id"].as_str().unwrap());
    let stranger = app.customer().await;

    assert_error(
        app.get(&path, Some(&stranger.access_token)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_error(
        app.post(
            &format!("{path}/cancel"),
            Some(&stranger.access_token),
            json!({}),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_error(
        app.get(
            &format!("/orders/user/{}", owner.id),
            Some(&stranger.access_token),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get(&path, None).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_error(
        app.get("/orders/not-a-uuid", Some(&owner.access_token))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(
        app.get(&path, Some(&admin.access_token)).await.status(),
        StatusCode::OK
    );
    let history = order_history(&app, &owner.id, &admin, "").await;
    assert_eq!(history["total"], 1);
    // Paging: newest first.
    let page = order_history(&app, &owner.id, &owner, "?per_page=0").await;
    assert_eq!(page["error"]["code"], "validation_failed");
}

#[tokio::test]
async fn an_unpaid_order_expires_and_releases_its_stock() {
    let app = TestApp::spawn_with(Options {
        cart_instances: 1,
        orders_instances: 0,
        ..Options::default()
    })
    .await;
    let db = menuskart_e2e::TestDatabase::create().await;
    let mut settings = menuskart_e2e::workers::orders_settings(&db.url);
    settings.order_payment_timeout_secs = 1;
    let _orders = WorkerInstance::start::<menuskart_orders::Orders>(&app.nats, settings).await;
    let admin = app.admin().await;
    let (user, product) = app.customer_with_cart(&admin, 2).await;
    let order = json_of(app.place_order(&user.access_token, None).await).await;
    assert_eq!(app.stock_of(&product).await, (8, 2));

    let expired = app
        .eventually(
            &format!("/orders/{}", order["id"].as_str().unwrap()),
            Some(&user.access_token),
            |o| o["status"] == "cancelled",
        )
        .await;
    assert!(
        expired["history"][1]["reason"]
            .as_str()
            .unwrap()
            .starts_with("expired")
    );
    app.wait_for_stock(&product, (10, 0)).await;
}

/// A page of the history: newest first, each order with its own lines and status history.
#[tokio::test]
async fn the_order_history_lists_each_order_with_its_own_lines_newest_first() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, first_product) = app.customer_with_cart(&admin, 1).await;
    let mut placed = Vec::new();
    for quantity in 1..=3 {
        if quantity > 1 {
            let added = app
                .add_to_cart(&user.access_token, &first_product, quantity)
                .await;
            assert_eq!(added.status(), StatusCode::OK);
        }
        let order = app.place_order(&user.access_token, None).await;
        assert_eq!(order.status(), StatusCode::CREATED);
        placed.push(json_of(order).await["id"].as_str().unwrap().to_owned());
    }
    let cancelled = app
        .post(
            &format!("/orders/{}/cancel", placed[0]),
            Some(&user.access_token),
            json!({}),
        )
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);

    let history = order_history(&app, &user.id, &user, "?per_page=2").await;
    assert_eq!(history["total"], 3);
    let page: Vec<(&str, i64)> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let lines = o["items"].as_array().unwrap();
            assert_eq!(lines.len(), 1);
            (
                o["id"].as_str().unwrap(),
                lines[0]["quantity"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(page, [(placed[2].as_str(), 3), (placed[1].as_str(), 2)]);
    let last_page = order_history(&app, &user.id, &user, "?per_page=2&page=2").await;
    let oldest = &last_page["items"][0];
    assert_eq!(oldest["id"], placed[0].as_str());
    assert_eq!(oldest["items"][0]["quantity"], 1);
    assert_eq!(statuses(oldest), ["pending_payment", "cancelled"]);
    assert_eq!(statuses(&history["items"][0]), ["pending_payment"]);
}

#[tokio::test]
async fn a_malformed_id_in_any_path_is_404_before_a_worker_is_asked() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    for path in [
        "/orders/MK-10001",
        "/orders/1/events",
        "/orders/user/me",
        "/orders/x/payments",
        "/payments/pay_123",
        "/notifications/campaigns/spring",
    ] {
        let body = assert_error(
            app.get(path, Some(&admin.access_token)).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|message| message.contains("ids are UUIDs")),
            "{path}: {body}"
        );
    }
}

#[tokio::test]
async fn a_page_out_of_range_is_422_naming_it_at_the_edge_and_in_the_workers() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let customer = app.customer().await;
    let history = format!("/orders/user/{}", admin.id);
    for (path, who, field) in [
        ("/products?page=999999999".to_owned(), &admin, "page"),
        (
            "/products/search?query=curry&page=0".to_owned(),
            &admin,
            "page",
        ),
        (
            "/products/pad-thai/reviews?per_page=101".to_owned(),
            &admin,
            "per_page",
        ),
        ("/orders?page=999999999".to_owned(), &admin, "page"),
        (format!("{history}?per_page=0"), &admin, "per_page"),
        ("/users?page=10001".to_owned(), &admin, "page"),
        // Answers only the edge gives (a worker would name another problem first): the
        // catalog would say the query is missing, the order service that the history is
        // someone else's.
        ("/products/search?page=0".to_owned(), &admin, "page"),
        (format!("{history}?per_page=0"), &customer, "per_page"),
    ] {
        let body = assert_error(
            app.get(&path, Some(&who.access_token)).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(body["error"]["details"]["field"], field, "{path}: {body}");
    }
    // A worker checks again (it serves callers other than the edge): the offset of page
    // 999999999 would overflow.
    let client = app.nats.client_as("edge").await;
    let caller = menuskart_kit::Caller::anonymous();
    use menuskart_schemas::subjects::catalog;
    let list = json!({"page": 999_999_999, "per_page": 20});
    let reviews = json!({"product_id": "pad-thai", "page": 999_999_999, "per_page": 100});
    for refused in [
        menuskart_e2e::nats_request(&client, catalog::LIST, &caller, &list).await,
        menuskart_e2e::nats_request(&client, catalog::REVIEWS, &caller, &reviews).await,
    ] {
        let refused = refused.unwrap_err();
        assert_eq!(
            refused.code,
            menuskart_schemas::ErrorCode::ValidationFailed,
            "{refused:?}"
        );
        assert!(refused.message.starts_with("page:"), "{refused:?}");
    }
}

#[tokio::test]
async fn a_customer_holds_at_most_five_unpaid_orders_at_once() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (customer, product) = app.customer_with_cart(&admin, 1).await;
    let token = customer.access_token.as_str();
    let mut orders = Vec::new();
    for n in 0..5 {
        if n > 0 {
            app.add_to_cart(token, &product, 1).await;
        }
        let placed = app.place_order(token, None).await;
        assert_eq!(placed.status(), StatusCode::CREATED);
        orders.push(json_of(placed).await);
    }
    // The sixth waits: nothing more is reserved for it, and the basket keeps its line.
    app.add_to_cart(token, &product, 1).await;
    let refused = assert_error(
        app.place_order(token, None).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("5 unpaid orders"),
        "{refused}"
    );
    assert_eq!(app.stock_of(&product).await, (5, 5));
    // Cancelling one makes room.
    let first = orders[0]["id"].as_str().unwrap();
    let cancelled = app
        .post(&format!("/orders/{first}/cancel"), Some(token), json!({}))
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    assert_eq!(
        app.place_order(token, None).await.status(),
        StatusCode::CREATED
    );
}
