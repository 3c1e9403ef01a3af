//! Money is neither lost nor taken twice when a provider's reply goes missing: the webhook that
//! names our transaction settles the payment, and the reconciler asks the provider again with
//! the same idempotency key. And a production deployment cannot run the sandbox.

use std::time::Duration;

use menuskart_e2e::fake_stripe::FakeStripe;
use menuskart_e2e::payments::{
    order_path, pay, placed_order, signature, stripe_worker, webhook_with,
};
use menuskart_e2e::{Options, TestApp, json_of};
use menuskart_kit::settings::{Environment, WorkerSettings};
use reqwest::StatusCode;
use serde_json::json;

/// The shop without the default payment worker (each test starts its own, against the fake).
async fn shop() -> TestApp {
    TestApp::spawn_with(Options {
        payments_instances: 0,
        ..Options::shop()
    })
    .await
}

#[tokio::test]
async fn the_sandbox_provider_is_refused_in_production() {
    let app = shop().await;
    let db = menuskart_e2e::TestDatabase::create().await;
    let mut settings = menuskart_e2e::workers::payments_settings(&db.url, &app.secrets);
    settings.environment = Environment::Production;
    let worker = WorkerSettings::new(app.nats.settings_for("payments"), app.nats.jwt_settings());
    let refused =
        menuskart_kit::Application::build::<menuskart_payments::Payments>(worker, settings)
            .await
            .err()
            .expect("the sandbox does not start in production")
            .to_string();
    assert!(refused.contains("sandbox"), "{refused}");
}

#[tokio::test]
async fn a_lost_reply_is_settled_by_the_webhook_that_names_the_transaction() {
    let app = shop().await;
    let fake = FakeStripe::start().await;
    let _payments = stripe_worker(&app, &fake, |settings| {
        settings.provider_timeout_ms = 500;
    })
    .await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;

    // Stripe takes the money, but its answer never arrives in time.
    fake.stall_replies(Some(Duration::from_secs(3)));
    let lost = pay(
        &app,
        &user.access_token,
        &order,
        "pm_card_visa",
        Some("lost-1"),
    )
    .await;
    assert_eq!(lost.status(), StatusCode::SERVICE_UNAVAILABLE);
    fake.stall_replies(None);
    let payments = json_of(
        app.get(
            &format!("{}/payments", order_path(&order)),
            Some(&user.access_token),
        )
        .await,
    )
    .await;
    let payment = &payments["items"][0];
    assert_eq!(payment["status"], "pending", "{payments}");
    let transaction_id = payment["transaction_id"].as_str().unwrap();
    let intent = fake
        .reply_to(transaction_id)
        .expect("stripe received the charge");
    let intent_id = intent["id"].as_str().unwrap();

    // Stripe's webhook, signed in its own header: the transaction id is in its metadata.
    let body = json!({"id": "evt_lost_1", "type": "payment_intent.succeeded",
        "data": {"object": {"id": intent_id, "object": "payment_intent",
                            "metadata": {"transaction_id": transaction_id}}}})
    .to_string();
    let now = chrono::Utc::now().timestamp();
    let delivered = webhook_with(
        &app,
        "Stripe-Signature",
        &signature(&app.secrets.webhook, now, &body),
        &body,
    )
    .await;
    assert_eq!(delivered.status(), StatusCode::OK);
    app.eventually(&order_path(&order), Some(&user.access_token), |o| {
        o["status"] == "paid"
    })
    .await;
    let settled = json_of(
        app.get(
            &format!("/payments/{transaction_id}"),
            Some(&user.access_token),
        )
        .await,
    )
    .await;
    assert_eq!(settled["status"], "succeeded");
    assert_eq!(settled["provider_reference"], intent_id);
    assert_eq!(fake.captured_intents(), 1);
}

#[tokio::test]
async fn the_reconciler_asks_again_with_the_same_key_and_charges_once() {
    let app = shop().await;
    let fake = FakeStripe::start().await;
    let _payments = stripe_worker(&app, &fake, |settings| {
        settings.provider_timeout_ms = 500;
        settings.payments_reconcile_secs = 1;
        settings.payments_stale_after_secs = 1;
    })
    .await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;

    fake.stall_replies(Some(Duration::from_secs(3)));
    let lost = pay(&app, &user.access_token, &order, "pm_card_visa", None).await;
    assert_eq!(lost.status(), StatusCode::SERVICE_UNAVAILABLE);
    fake.stall_replies(None);

    // No client retries and no webhook comes: the reconciler settles it.
    app.eventually(&order_path(&order), Some(&user.access_token), |o| {
        o["status"] == "paid"
    })
    .await;
    let charges: Vec<_> = fake
        .calls()
        .into_iter()
        .filter(|call| call.path == "/v1/payment_intents")
        .collect();
    assert!(charges.len() >= 2, "asked again: {charges:?}");
    assert!(
        charges
            .iter()
            .all(|call| call.idempotency_key == charges[0].idempotency_key),
        "always with the same key"
    );
    assert_eq!(fake.captured_intents(), 1, "charged once");
}

#[tokio::test]
async fn a_refund_retried_after_a_timeout_refunds_once() {
    let app = shop().await;
    let fake = FakeStripe::start().await;
    let _payments = stripe_worker(&app, &fake, |settings| {
        settings.provider_timeout_ms = 500;
    })
    .await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;
    let payment = json_of(pay(&app, &user.access_token, &order, "pm_card_visa", None).await).await;
    assert_eq!(payment["status"], "succeeded", "{payment}");
    let refund_path = format!(
        "/payments/{}/refund",
        payment["transaction_id"].as_str().unwrap()
    );

    // Stripe refunds, but its answer comes too late: we cannot tell, so the refund stays
    // pending.
    fake.stall_replies(Some(Duration::from_secs(3)));
    let timed_out = app
        .post(
            &refund_path,
            Some(&admin.access_token),
            json!({"amount": 300}),
        )
        .await;
    assert_eq!(timed_out.status(), StatusCode::SERVICE_UNAVAILABLE);
    fake.stall_replies(None);
    // Another amount meanwhile would be a second refund: refused until this one is settled.
    let other = app
        .post(
            &refund_path,
            Some(&admin.access_token),
            json!({"amount": 100}),
        )
        .await;
    assert_eq!(other.status(), StatusCode::CONFLICT);

    // The admin retries: the same refund, under the same idempotency key.
    let retried = app
        .post(
            &refund_path,
            Some(&admin.access_token),
            json!({"amount": 300}),
        )
        .await;
    assert_eq!(retried.status(), StatusCode::OK);
    let refunded = json_of(retried).await;
    assert_eq!(refunded["refunded_amount"], 300, "{refunded}");
    assert_eq!(refunded["refunds"].as_array().unwrap().len(), 1);
    let refund_calls: Vec<_> = fake
        .calls()
        .into_iter()
        .filter(|call| call.path == "/v1/refunds")
        .collect();
    assert_eq!(refund_calls.len(), 2);
    assert_eq!(
        refund_calls[0].idempotency_key,
        refund_calls[1].idempotency_key
    );
    assert_eq!(fake.refunded_total(), 300, "the money went back once");

    // Afterwards, a new refund is a new one.
    let more = app
        .post(
            &refund_path,
            Some(&admin.access_token),
            json!({"amount": 100}),
        )
        .await;
    assert_eq!(more.status(), StatusCode::OK);
    assert_eq!(fake.refunded_total(), 400);
}

#[tokio::test]
async fn a_charge_racing_the_orders_cancellation_is_refunded_on_record() {
    let app = shop().await;
    let fake = FakeStripe::start().await;
    let _payments = stripe_worker(&app, &fake, |settings| {
        settings.provider_timeout_ms = 5_000;
    })
    .await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;

    // Stripe takes its time; the order is cancelled meanwhile.
    fake.stall_replies(Some(Duration::from_secs(2)));
    let paying = {
        let http = app.http.clone();
        let url = app.url("/payments");
        let token = user.access_token.clone();
        let body = json!({"order_id": order["id"], "payment_method": "pm_card_visa"});
        tokio::spawn(async move {
            http.post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap()
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let cancelled = app
        .post(
            &format!("{}/cancel", order_path(&order)),
            Some(&user.access_token),
            json!({}),
        )
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    let answer = paying.await.unwrap();
    assert_eq!(answer.status(), StatusCode::CONFLICT);
    fake.stall_replies(None);

    // The money went back, and the payment says so.
    assert_eq!(fake.captured_intents(), 1);
    assert_eq!(fake.refunded_total(), order["total"].as_i64().unwrap());
    let payments = json_of(
        app.get(
            &format!("{}/payments", order_path(&order)),
            Some(&user.access_token),
        )
        .await,
    )
    .await;
    assert_eq!(payments["items"][0]["status"], "refunded", "{payments}");
    let order_now = json_of(app.get(&order_path(&order), Some(&user.access_token)).await).await;
    assert_eq!(order_now["status"], "cancelled");
}

#[tokio::test]
async fn a_pending_payment_resumed_after_the_cancellation_pays_nothing() {
    let app = shop().await;
    let fake = FakeStripe::start().await;
    let _payments = stripe_worker(&app, &fake, |settings| {
        settings.provider_timeout_ms = 500;
    })
    .await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;

    // The reply is lost: the payment stays pending (Stripe did take the money).
    fake.stall_replies(Some(Duration::from_secs(3)));
    let lost = pay(
        &app,
        &user.access_token,
        &order,
        "pm_card_visa",
        Some("resume-1"),
    )
    .await;
    assert_eq!(lost.status(), StatusCode::SERVICE_UNAVAILABLE);
    fake.stall_replies(None);
    let cancelled = app
        .post(
            &format!("{}/cancel", order_path(&order)),
            Some(&user.access_token),
            json!({}),
        )
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);

    // The client retries with the same key: refused, and what Stripe took goes back.
    let resumed = pay(
        &app,
        &user.access_token,
        &order,
        "pm_card_visa",
        Some("resume-1"),
    )
    .await;
    assert_eq!(resumed.status(), StatusCode::CONFLICT);
    assert_eq!(fake.captured_intents(), 1);
    assert_eq!(fake.refunded_total(), order["total"].as_i64().unwrap());
    let order_now = json_of(app.get(&order_path(&order), Some(&user.access_token)).await).await;
    assert_eq!(order_now["status"], "cancelled");
}

#[tokio::test]
async fn a_payment_needing_3d_secure_hands_the_client_its_next_action() {
    let app = shop().await;
    let fake = FakeStripe::start().await;
    let _payments = stripe_worker(&app, &fake, |_| {}).await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;

    let waiting = json_of(
        pay(
            &app,
            &user.access_token,
            &order,
            "pm_card_authenticationRequired",
            None,
        )
        .await,
    )
    .await;
    assert_eq!(waiting["status"], "processing", "{waiting}");
    let intent_id = waiting["provider_reference"].as_str().unwrap();
    assert_eq!(waiting["next_action"]["type"], "use_stripe_sdk");
    assert_eq!(
        waiting["next_action"]["client_secret"],
        format!("{intent_id}_secret_fake")
    );
    // The owner reads it again (say, after a reload) to complete the step.
    let transaction_id = waiting["transaction_id"].as_str().unwrap();
    let path = format!("/payments/{transaction_id}");
    let read = json_of(app.get(&path, Some(&user.access_token)).await).await;
    assert_eq!(read["next_action"], waiting["next_action"]);

    // The customer authenticates; Stripe's webhook settles it, and nothing is left to do.
    let body = json!({"id": "evt_3ds_1", "type": "payment_intent.succeeded",
        "data": {"object": {"id": intent_id, "object": "payment_intent"}}})
    .to_string();
    let now = chrono::Utc::now().timestamp();
    let delivered = webhook_with(
        &app,
        "Stripe-Signature",
        &signature(&app.secrets.webhook, now, &body),
        &body,
    )
    .await;
    assert_eq!(delivered.status(), StatusCode::OK);
    app.eventually(&order_path(&order), Some(&user.access_token), |o| {
        o["status"] == "paid"
    })
    .await;
    let settled = json_of(app.get(&path, Some(&user.access_token)).await).await;
    assert_eq!(settled["status"], "succeeded");
    assert!(settled.get("next_action").is_none(), "{settled}");
}
