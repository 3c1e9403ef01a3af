//! Money is neither lost nor taken twice when a provider's reply goes missing: the webhook that
//! names our transaction settles the payment, and the reconciler asks the provider again with
//! the same idempotency key. And a production deployment cannot run the sandbox.

use std::time::Duration;

use menuskart_e2e::payments::{StripeShop, pay};
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
    let shop = StripeShop::start(|settings| settings.provider_timeout_ms = 500).await;
    // Stripe takes the money, but its answer never arrives in time.
    shop.pay_and_lose_the_reply(Some("lost-1")).await;
    let payments = shop.payments().await;
    let payment = &payments["items"][0];
    assert_eq!(payment["status"], "pending", "{payments}");
    let transaction_id = payment["transaction_id"].as_str().unwrap();
    let intent = shop
        .fake
        .reply_to(transaction_id)
        .expect("stripe received the charge");
    let intent_id = intent["id"].as_str().unwrap();

    // Stripe's webhook: we never learnt the intent's id, but its metadata names the payment.
    shop.stripe_succeeded("evt_lost_1", intent_id, Some(transaction_id))
        .await;
    shop.order_status_is("paid").await;
    let path = format!("/payments/{transaction_id}");
    let settled = json_of(shop.app.get(&path, Some(&shop.user.access_token)).await).await;
    assert_eq!(settled["status"], "succeeded");
    assert_eq!(settled["provider_reference"], intent_id);
    assert_eq!(shop.fake.captured_intents(), 1);
}

#[tokio::test]
async fn the_reconciler_asks_again_with_the_same_key_and_charges_once() {
    let shop = StripeShop::start(|settings| {
        settings.provider_timeout_ms = 500;
        settings.payments_reconcile_secs = 1;
        settings.payments_stale_after_secs = 1;
    })
    .await;
    shop.pay_and_lose_the_reply(None).await;

    // No client retries and no webhook comes: the reconciler settles it.
    shop.order_status_is("paid").await;
    let charges: Vec<_> = shop
        .fake
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
    assert_eq!(shop.fake.captured_intents(), 1, "charged once");
}

#[tokio::test]
async fn a_refund_retried_after_a_timeout_refunds_once() {
    let shop = StripeShop::start(|settings| settings.provider_timeout_ms = 500).await;
    let (app, admin) = (&shop.app, &shop.admin.access_token);
    let payment = json_of(
        pay(
            app,
            &shop.user.access_token,
            &shop.order,
            "pm_card_visa",
            None,
        )
        .await,
    )
    .await;
    assert_eq!(payment["status"], "succeeded", "{payment}");
    let refund_path = format!(
        "/payments/{}/refund",
        payment["transaction_id"].as_str().unwrap()
    );
    let refund = |amount: i64| app.post(&refund_path, Some(admin), json!({ "amount": amount }));

    // Stripe refunds, but its answer comes too late: we cannot tell, so the refund stays
    // pending.
    shop.fake.stall_replies(Some(Duration::from_secs(3)));
    assert_eq!(refund(300).await.status(), StatusCode::SERVICE_UNAVAILABLE);
    shop.fake.stall_replies(None);
    // Another amount meanwhile would be a second refund: refused until this one is settled.
    assert_eq!(refund(100).await.status(), StatusCode::CONFLICT);

    // The admin retries: the same refund, under the same idempotency key.
    let retried = refund(300).await;
    assert_eq!(retried.status(), StatusCode::OK);
    let refunded = json_of(retried).await;
    assert_eq!(refunded["refunded_amount"], 300, "{refunded}");
    assert_eq!(refunded["refunds"].as_array().unwrap().len(), 1);
    let refund_calls: Vec<_> = shop
        .fake
        .calls()
        .into_iter()
        .filter(|call| call.path == "/v1/refunds")
        .collect();
    assert_eq!(refund_calls.len(), 2);
    assert_eq!(
        refund_calls[0].idempotency_key,
        refund_calls[1].idempotency_key
    );
    assert_eq!(shop.fake.refunded_total(), 300, "the money went back once");

    // Afterwards, a new refund is a new one.
    assert_eq!(refund(100).await.status(), StatusCode::OK);
    assert_eq!(shop.fake.refunded_total(), 400);
}

#[tokio::test]
async fn a_charge_racing_the_orders_cancellation_is_refunded_on_record() {
    let shop = StripeShop::start(|settings| settings.provider_timeout_ms = 5_000).await;

    // Stripe takes its time; the order is cancelled meanwhile.
    shop.fake.stall_replies(Some(Duration::from_secs(2)));
    let paying = {
        let request = shop
            .app
            .http
            .post(shop.app.url("/payments"))
            .bearer_auth(&shop.user.access_token)
            .json(&json!({"order_id": shop.order["id"], "payment_method": "pm_card_visa"}));
        tokio::spawn(async move { request.send().await.unwrap() })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    shop.cancel_order().await;
    assert_eq!(paying.await.unwrap().status(), StatusCode::CONFLICT);
    shop.fake.stall_replies(None);

    // The money went back, and the payment says so.
    assert_eq!(shop.fake.captured_intents(), 1);
    assert_eq!(shop.fake.refunded_total(), shop.total());
    let payments = shop.payments().await;
    assert_eq!(payments["items"][0]["status"], "refunded", "{payments}");
    shop.order_status_is("cancelled").await;
}

#[tokio::test]
async fn a_pending_payment_resumed_after_the_cancellation_pays_nothing() {
    let shop = StripeShop::start(|settings| settings.provider_timeout_ms = 500).await;
    // The reply is lost: the payment stays pending (Stripe did take the money).
    shop.pay_and_lose_the_reply(Some("resume-1")).await;
    shop.cancel_order().await;

    // The client retries with the same key: refused, and what Stripe took goes back.
    let resumed = pay(
        &shop.app,
        &shop.user.access_token,
        &shop.order,
        "pm_card_visa",
        Some("resume-1"),
    )
    .await;
    assert_eq!(resumed.status(), StatusCode::CONFLICT);
    assert_eq!(shop.fake.captured_intents(), 1);
    assert_eq!(shop.fake.refunded_total(), shop.total());
    shop.order_status_is("cancelled").await;
}

#[tokio::test]
async fn a_payment_needing_3d_secure_hands_the_client_its_next_action() {
    let shop = StripeShop::start(|_| {}).await;
    let (app, token) = (&shop.app, &shop.user.access_token);
    let waiting = json_of(
        pay(
            app,
            token,
            &shop.order,
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
    let path = format!("/payments/{}", waiting["transaction_id"].as_str().unwrap());
    let read = json_of(app.get(&path, Some(token)).await).await;
    assert_eq!(read["next_action"], waiting["next_action"]);

    // The customer authenticates; Stripe's webhook settles it, and nothing is left to do.
    shop.stripe_succeeded("evt_3ds_1", intent_id, None).await;
    shop.order_status_is("paid").await;
    let settled = json_of(app.get(&path, Some(token)).await).await;
    assert_eq!(settled["status"], "succeeded");
    assert!(settled.get("next_action").is_none(), "{settled}");
}
