use std::time::Duration;

use menuskart_e2e::fake_stripe::FakeStripe;
use menuskart_e2e::payments::{order_path, pay, placed_order, signature, stripe_worker, webhook};
use menuskart_e2e::{Options, TestApp, assert_error, json_of};
use menuskart_schemas::subjects::events::payments;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn paying_charges_the_frozen_total_and_the_order_becomes_paid() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, order, product) = placed_order(&app, &admin).await;

    let paid = pay(
        &app,
        &user.access_token,
        &order,
        "pm_card_ok",
        Some("pay-1"),
    )
    .await;
    assert_eq!(paid.status(), StatusCode::OK);
    let payment = json_of(paid).await;
    assert_eq!(payment["status"], "succeeded");
    assert_eq!(payment["amount"], order["total"]);
    assert_eq!(payment["currency"], "EUR");
    assert_eq!(payment["order_id"], order["id"]);
    assert!(
        payment["provider_reference"]
            .as_str()
            .unwrap()
            .starts_with("sb_pi_")
    );
    let transaction = payment["transaction_id"].as_str().unwrap().to_owned();

    app.eventually(&order_path(&order), Some(&user.access_token), |o| {
        o["status"] == "paid"
    })
    .await;
    app.wait_for_stock(&product, (8, 0)).await;

    // The same key replays the first answer and charges nothing more.
    let replay = json_of(
        pay(
            &app,
            &user.access_token,
            &order,
            "pm_card_ok",
            Some("pay-1"),
        )
        .await,
    )
    .await;
    assert_eq!(replay["transaction_id"], transaction.as_str());
    // Another key for the paid order is refused.
    assert_error(
        pay(
            &app,
            &user.access_token,
            &order,
            "pm_card_ok",
            Some("pay-2"),
        )
        .await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    let succeeded: Vec<_> = app
        .stream_events("PAYMENTS", payments::SUCCEEDED.subject)
        .await
        .into_iter()
        .filter(|(_, e)| e["order_id"] == order["id"])
        .collect();
    assert_eq!(succeeded.len(), 1, "charged once");

    // Owner and admin see it; a stranger does not.
    let path = format!("/payments/{transaction}");
    assert_eq!(
        json_of(app.get(&path, Some(&user.access_token)).await).await["status"],
        "succeeded"
    );
    assert_eq!(
        app.get(&path, Some(&admin.access_token)).await.status(),
        StatusCode::OK
    );
    let stranger = app.customer().await;
    assert_error(
        app.get(&path, Some(&stranger.access_token)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_error(
        pay(&app, &stranger.access_token, &order, "pm_card_ok", None).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn declines_are_402_with_the_providers_reason_and_another_method_pays_the_same_order() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    for (method, reason) in [
        ("pm_card_declined", "card_declined"),
        ("pm_card_insufficient_funds", "insufficient_funds"),
    ] {
        let (user, order, product) = placed_order(&app, &admin).await;
        let body = assert_error(
            pay(&app, &user.access_token, &order, method, Some("k")).await,
            StatusCode::PAYMENT_REQUIRED,
            "payment_declined",
        )
        .await;
        assert_eq!(body["error"]["details"]["reason"], reason);
        // Replayed as it was.
        let again = assert_error(
            pay(&app, &user.access_token, &order, method, Some("k")).await,
            StatusCode::PAYMENT_REQUIRED,
            "payment_declined",
        )
        .await;
        assert_eq!(
            again["error"]["details"]["transaction_id"],
            body["error"]["details"]["transaction_id"]
        );
        let noted = app
            .eventually(&order_path(&order), Some(&user.access_token), |o| {
                o["history"].as_array().unwrap().len() == 2
            })
            .await;
        assert_eq!(noted["status"], "pending_payment", "{noted}");
        assert!(
            noted["history"][1]["reason"]
                .as_str()
                .unwrap()
                .contains(reason)
        );
        // Another method, another attempt (key): the same order is paid.
        let paid =
            json_of(pay(&app, &user.access_token, &order, "pm_card_ok", Some("k2")).await).await;
        assert_eq!(paid["status"], "succeeded", "{paid}");
        assert_ne!(
            paid["transaction_id"],
            body["error"]["details"]["transaction_id"]
        );
        app.eventually(&order_path(&order), Some(&user.access_token), |o| {
            o["status"] == "paid"
        })
        .await;
        app.wait_for_stock(&product, (8, 0)).await;
    }
    let (user, order, _) = placed_order(&app, &admin).await;
    // Card data is refused before anything else happens, and never echoed.
    let refused = assert_error(
        pay(
            &app,
            &user.access_token,
            &order,
            "4242 4242 4242 4242",
            None,
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert!(!refused.to_string().contains("4242"), "{refused}");
    assert_error(
        pay(&app, &user.access_token, &order, "pm_unknown", None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}

#[tokio::test]
async fn an_async_payment_is_settled_by_a_signed_webhook_once() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, order, product) = placed_order(&app, &admin).await;
    let payment = json_of(pay(&app, &user.access_token, &order, "pm_card_async", None).await).await;
    assert_eq!(payment["status"], "processing");
    let reference = payment["provider_reference"].as_str().unwrap();

    let body = json!({"id": "evt_async_1", "type": "payment_intent.succeeded",
                      "data": {"object": {"id": reference, "object": "payment_intent"}}})
    .to_string();
    let now = chrono::Utc::now().timestamp();
    let secret = app.secrets.webhook.clone();
    // Bad, stale and missing signatures are 400 and change nothing.
    assert_error(
        webhook(&app, &signature("not-the-secret", now, &body), &body).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    assert_error(
        webhook(&app, &signature(&secret, now - 301, &body), &body).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    let tampered = body.replace("succeeded", "payment_failed");
    assert_error(
        webhook(&app, &signature(&secret, now, &body), &tampered).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    let unsigned = app
        .http
        .post(app.url("/payments/webhook"))
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_error(unsigned, StatusCode::BAD_REQUEST, "bad_request").await;
    assert_eq!(
        json_of(app.get(&order_path(&order), Some(&user.access_token)).await).await["status"],
        "pending_payment"
    );

    // A rotated-in key next to the current one: either signature may match.
    let rotated = format!("{},v1={}", signature(&secret, now, &body), "00".repeat(32));
    assert_eq!(
        webhook(&app, &rotated, &body).await.status(),
        StatusCode::OK
    );
    app.eventually(&order_path(&order), Some(&user.access_token), |o| {
        o["status"] == "paid"
    })
    .await;
    app.wait_for_stock(&product, (8, 0)).await;
    // The same provider event again: nothing changes, no second event.
    assert_eq!(
        webhook(&app, &signature(&secret, now, &body), &body)
            .await
            .status(),
        StatusCode::OK
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    // (Besides the `started` event written with the payment.)
    let events: Vec<_> = app
        .stream_events("PAYMENTS", payments::STREAM.subjects)
        .await
        .into_iter()
        .filter(|(subject, e)| e["order_id"] == order["id"] && subject != payments::STARTED.subject)
        .collect();
    assert_eq!(events.len(), 1, "{events:?}");
    let path = format!("/payments/{}", payment["transaction_id"].as_str().unwrap());
    assert_eq!(
        json_of(app.get(&path, Some(&user.access_token)).await).await["status"],
        "succeeded"
    );
}

#[tokio::test]
async fn refunds_full_and_partial_never_more_than_captured() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;
    let payment = json_of(pay(&app, &user.access_token, &order, "pm_card_ok", None).await).await;
    let total = payment["amount"].as_i64().unwrap();
    let path = format!(
        "/payments/{}/refund",
        payment["transaction_id"].as_str().unwrap()
    );

    assert_error(
        app.post(&path, Some(&user.access_token), json!({"amount": 100}))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.post(&path, Some(&admin.access_token), json!({"amount": 0}))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        app.post(
            &path,
            Some(&admin.access_token),
            json!({"amount": total + 1}),
        )
        .await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;

    let partial = json_of(
        app.post(&path, Some(&admin.access_token), json!({"amount": 500}))
            .await,
    )
    .await;
    assert_eq!(partial["status"], "partially_refunded");
    assert_eq!(partial["refunded_amount"], 500);
    assert_eq!(partial["refunds"].as_array().unwrap().len(), 1);
    let body = assert_error(
        app.post(&path, Some(&admin.access_token), json!({"amount": total}))
            .await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    assert_eq!(body["error"]["details"]["remaining"], total - 500);
    let rest = json_of(app.post(&path, Some(&admin.access_token), json!({})).await).await;
    assert_eq!(rest["status"], "refunded");
    assert_eq!(rest["refunded_amount"], total);
    assert_error(
        app.post(&path, Some(&admin.access_token), json!({})).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    // The relay publishes each refund's event after its commit: wait for the last one.
    let mut refunded = 0;
    for _ in 0..50 {
        refunded = app
            .stream_events("PAYMENTS", payments::REFUNDED.subject)
            .await
            .iter()
            .filter(|(_, e)| e["order_id"] == order["id"])
            .map(|(_, e)| e["amount"].as_i64().unwrap())
            .sum();
        if refunded == total {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        refunded, total,
        "one event per refund, adding up to the total"
    );
}

#[tokio::test]
async fn the_stripe_adapter_speaks_stripes_wire_format() {
    let fake = FakeStripe::start().await;
    let app = TestApp::spawn_with(Options {
        payments_instances: 0,
        ..Options::shop()
    })
    .await;
    let _payments = stripe_worker(&app, &fake, |_| {}).await;
    let admin = app.admin().await;

    let (user, order, _) = placed_order(&app, &admin).await;
    let payment = json_of(
        pay(
            &app,
            &user.access_token,
            &order,
            "pm_card_visa",
            Some("s-1"),
        )
        .await,
    )
    .await;
    assert_eq!(payment["status"], "succeeded", "{payment}");
    assert_eq!(payment["provider"], "stripe");
    assert!(
        payment["provider_reference"]
            .as_str()
            .unwrap()
            .starts_with("pi_")
    );
    let refund_path = format!(
        "/payments/{}/refund",
        payment["transaction_id"].as_str().unwrap()
    );
    let refunded = json_of(
        app.post(
            &refund_path,
            Some(&admin.access_token),
            json!({"amount": 300}),
        )
        .await,
    )
    .await;
    assert_eq!(refunded["refunded_amount"], 300);
    assert!(
        refunded["refunds"][0]["provider_reference"]
            .as_str()
            .unwrap()
            .starts_with("re_")
    );

    let (user2, order2, _) = placed_order(&app, &admin).await;
    let declined = assert_error(
        pay(
            &app,
            &user2.access_token,
            &order2,
            "pm_card_chargeDeclinedInsufficientFunds",
            None,
        )
        .await,
        StatusCode::PAYMENT_REQUIRED,
        "payment_declined",
    )
    .await;
    assert_eq!(declined["error"]["details"]["reason"], "insufficient_funds");

    let calls = fake.calls();
    assert_eq!(calls.len(), 3, "{calls:?}");
    assert!(
        calls.iter().all(|c| c.idempotency_key.is_some()),
        "an Idempotency-Key on every call"
    );
    let charge = &calls[0];
    assert_eq!(charge.path, "/v1/payment_intents");
    assert_eq!(charge.form["amount"], order["total"].to_string());
    assert_eq!(charge.form["currency"], "eur");
    assert_eq!(charge.form["confirm"], "true");
    assert_eq!(
        charge.idempotency_key.as_deref(),
        payment["transaction_id"].as_str()
    );
    assert_eq!(calls[1].path, "/v1/refunds");
    assert_eq!(calls[1].form["amount"], "300");
}

/// Reads SSE `data:` lines from `response` until `count` events arrived or the stream ended.
async fn sse_events(response: reqwest::Response, count: usize) -> Vec<Value> {
    let mut stream = response.bytes_stream();
    let (mut buffer, mut events) = (String::new(), Vec::new());
    while events.len() < count {
        let Ok(Some(chunk)) = tokio::time::timeout(
            Duration::from_secs(15),
            futures::StreamExt::next(&mut stream),
        )
        .await
        else {
            break;
        };
        buffer.push_str(&String::from_utf8_lossy(&chunk.unwrap()));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            if let Some(data) = block.lines().find_map(|l| l.strip_prefix("data:")) {
                events.push(serde_json::from_str(data.trim()).unwrap());
            }
        }
    }
    events
}

#[tokio::test]
async fn the_order_status_streams_live_from_pending_payment_to_paid() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;
    let path = format!("{}/events", order_path(&order));

    let stranger = app.customer().await;
    assert_error(
        app.get(&path, Some(&stranger.access_token)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let live = app.get(&path, Some(&user.access_token)).await;
    assert_eq!(live.status(), StatusCode::OK);
    assert!(
        live.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let reader = tokio::spawn(sse_events(live, 3));
    tokio::time::sleep(Duration::from_millis(300)).await;
    pay(&app, &user.access_token, &order, "pm_card_ok", None).await;
    // Paid, then shipped (a final status: the stream ends).
    app.eventually(&order_path(&order), Some(&user.access_token), |o| {
        o["status"] == "paid"
    })
    .await;
    let shipped = app
        .post(
            &format!("{}/status", order_path(&order)),
            Some(&admin.access_token),
            json!({"status": "shipped"}),
        )
        .await;
    assert_eq!(shipped.status(), StatusCode::OK);
    let events = reader.await.unwrap();
    let statuses: Vec<&str> = events
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["pending_payment", "paid", "shipped"]);
    assert!(events.iter().all(|e| e["order_id"] == order["id"]));
    // Each one says when the order got there, the current status too.
    assert!(events.iter().all(|e| e["at"].is_string()), "{events:?}");
    assert_eq!(events[0]["at"], order["history"][0]["at"]);

    // Opened on a final status: that status, then the end.
    let closed = sse_events(app.get(&path, Some(&user.access_token)).await, 5).await;
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0]["status"], "shipped");
}
