//! A provider's answer that does not say the money stayed put is no failure: a 409 while the
//! first request with our idempotency key is still at Stripe, a gateway's 502 or an answer cut
//! off after the capture leave the payment (or refund) open, and the first request, the
//! reconciler or a retry with the same key settles it: one capture, one refund, on record.

use std::time::Duration;

use menuskart_e2e::fake_stripe::Fault;
use menuskart_e2e::payments::{StripeShop, pay, placed_order};
use menuskart_e2e::{Options, json_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

const INTENTS: &str = "/v1/payment_intents";
const REFUNDS: &str = "/v1/refunds";

/// Pays the shop's order with a card Stripe takes (the answer arrives at once).
async fn paid(shop: &StripeShop) -> Value {
    let payment = shop.pay_by_card().await;
    assert_eq!(payment.status(), StatusCode::OK);
    let payment = json_of(payment).await;
    assert_eq!(payment["status"], "succeeded", "{payment}");
    payment
}

fn refund_path(payment: &Value) -> String {
    format!(
        "/payments/{}/refund",
        payment["transaction_id"].as_str().unwrap()
    )
}

/// No payment of the order was closed as failed.
fn none_failed(payments: &Value) {
    let items = payments["items"].as_array().unwrap();
    assert!(
        items.iter().all(|p| p["status"] != "failed"),
        "a payment closed as failed: {payments}"
    );
}

#[tokio::test]
async fn a_charge_retried_while_the_first_is_still_at_stripe_captures_once_and_pays_the_order() {
    // The edge gives up after 1 s; Stripe takes 3 s to capture.
    let shop = StripeShop::start_with(
        Options {
            edge_timeout: Duration::from_secs(1),
            ..Options::shop()
        },
        |settings| settings.provider_timeout_ms = 10_000,
    )
    .await;
    let (app, token) = (&shop.app, &shop.user.access_token);
    shop.fake.slow_work(Some(Duration::from_secs(3)));
    let first = pay(app, token, &shop.order, "pm_card_visa", Some("retry-1")).await;
    assert_eq!(first.status(), StatusCode::GATEWAY_TIMEOUT);

    // The customer retries with the same key while Stripe is still capturing: Stripe says 409
    // (the key is in use). The outcome is not known yet: the payment stays open.
    let retried = pay(app, token, &shop.order, "pm_card_visa", Some("retry-1")).await;
    assert_eq!(retried.status(), StatusCode::OK);
    let retried = json_of(retried).await;
    assert_eq!(retried["status"], "pending", "{retried}");
    assert_eq!(
        shop.fake.calls_to(INTENTS),
        2,
        "the retry did reach Stripe while the first was in flight"
    );

    // The first call's capture settles it: paid, once.
    shop.order_status_is("paid").await;
    let payments = shop.payments().await;
    assert_eq!(payments["items"].as_array().unwrap().len(), 1, "{payments}");
    assert_eq!(payments["items"][0]["status"], "succeeded", "{payments}");
    assert_eq!(
        payments["items"][0]["transaction_id"],
        retried["transaction_id"]
    );
    none_failed(&payments);
    assert_eq!(shop.fake.captured_intents(), 1);
    assert_eq!(shop.fake.refunded_total(), 0);
    // Asked once more, the same key answers what happened.
    shop.fake.slow_work(None);
    let replay = json_of(pay(app, token, &shop.order, "pm_card_visa", Some("retry-1")).await).await;
    assert_eq!(replay["status"], "succeeded", "{replay}");
}

#[tokio::test]
async fn the_reconciler_meeting_a_capture_still_in_flight_leaves_it_open_and_settles_it_later() {
    // Our call gives up after 0.5 s; Stripe's capture takes 3 s (and goes on without us).
    let shop = StripeShop::start(|settings| {
        settings.provider_timeout_ms = 500;
        settings.payments_reconcile_secs = 1;
        settings.payments_stale_after_secs = 1;
    })
    .await;
    shop.fake.slow_work(Some(Duration::from_secs(3)));
    let lost = shop.pay_by_card().await;
    assert_eq!(lost.status(), StatusCode::SERVICE_UNAVAILABLE);

    // The reconciler asks while the capture is still running (409), then again after it.
    shop.order_status_is("paid").await;
    assert!(shop.fake.calls_to(INTENTS) >= 3, "{:?}", shop.fake.calls());
    let payments = shop.payments().await;
    assert_eq!(payments["items"].as_array().unwrap().len(), 1, "{payments}");
    assert_eq!(payments["items"][0]["status"], "succeeded", "{payments}");
    assert_eq!(shop.fake.captured_intents(), 1);
}

#[tokio::test]
async fn two_concurrent_refunds_of_one_payment_refund_once_and_keep_it_on_record() {
    let shop = StripeShop::start(|settings| settings.provider_timeout_ms = 10_000).await;
    let payment = paid(&shop).await;
    let total = shop.total();
    let path = refund_path(&payment);
    let admin = shop.admin.access_token.clone();

    // Stripe takes 2 s to refund; a second refund of the whole payment comes meanwhile (two
    // admins, or a double click).
    shop.fake.slow_work(Some(Duration::from_secs(2)));
    let first = {
        let request = shop
            .app
            .http
            .post(shop.app.url(&path))
            .bearer_auth(&admin)
            .json(&json!({ "amount": total }));
        tokio::spawn(async move { request.send().await.unwrap() })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let second = shop
        .app
        .post(&path, Some(&admin), json!({ "amount": total }))
        .await;
    // Under way: not refused as invalid, and the refund is not dropped.
    assert_eq!(second.status(), StatusCode::CONFLICT);

    let first = first.await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let refunded = json_of(first).await;
    assert_eq!(refunded["status"], "refunded", "{refunded}");
    assert_eq!(refunded["refunded_amount"], total, "{refunded}");
    assert_eq!(refunded["refunds"].as_array().unwrap().len(), 1);
    assert_eq!(
        shop.fake.refunded_total(),
        total,
        "the money went back once"
    );
    let calls: Vec<_> = shop
        .fake
        .calls()
        .into_iter()
        .filter(|call| call.path == REFUNDS)
        .collect();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].idempotency_key, calls[1].idempotency_key);

    // Nothing is left to refund, and what the payment says stays so.
    shop.fake.slow_work(None);
    assert_eq!(
        shop.app.post(&path, Some(&admin), json!({})).await.status(),
        StatusCode::CONFLICT
    );
    let read = json_of(
        shop.app
            .get(
                &format!("/payments/{}", payment["transaction_id"].as_str().unwrap()),
                Some(&admin),
            )
            .await,
    )
    .await;
    assert_eq!(read["refunded_amount"], total, "{read}");
    assert_eq!(shop.fake.refunded_total(), total);
}

#[tokio::test]
async fn a_charge_answer_lost_after_the_capture_leaves_the_payment_open_until_stripe_is_asked_again()
 {
    let shop = StripeShop::start(|settings| {
        settings.payments_reconcile_secs = 1;
        settings.payments_stale_after_secs = 1;
    })
    .await;
    for fault in [Fault::CutOff, Fault::BadGateway] {
        let (user, order, _) = placed_order(&shop.app, &shop.admin).await;
        // Stripe captures; its answer is cut off half-way, or a gateway answers 502 instead.
        shop.fake.break_next_answer(fault);
        let lost = pay(&shop.app, &user.access_token, &order, "pm_card_visa", None).await;
        assert_eq!(lost.status(), StatusCode::SERVICE_UNAVAILABLE, "{fault:?}");
        let path = format!("/orders/{}", order["id"].as_str().unwrap());
        let payments = json_of(
            shop.app
                .get(&format!("{path}/payments"), Some(&user.access_token))
                .await,
        )
        .await;
        none_failed(&payments);

        // The reconciler asks Stripe again with the same key: the capture is found.
        shop.app
            .eventually(&path, Some(&user.access_token), |o| o["status"] == "paid")
            .await;
        let payments = json_of(
            shop.app
                .get(&format!("{path}/payments"), Some(&user.access_token))
                .await,
        )
        .await;
        assert_eq!(payments["items"].as_array().unwrap().len(), 1, "{payments}");
        assert_eq!(payments["items"][0]["status"], "succeeded", "{payments}");
    }
    assert_eq!(shop.fake.captured_intents(), 2, "one capture per order");
    assert_eq!(shop.fake.refunded_total(), 0);
}

#[tokio::test]
async fn a_refund_answer_cut_off_stays_pending_and_its_retry_refunds_once() {
    let shop = StripeShop::start(|_| {}).await;
    let payment = paid(&shop).await;
    let path = refund_path(&payment);
    let admin = shop.admin.access_token.clone();

    // Stripe refunds, and the connection drops half-way through its answer.
    shop.fake.break_next_answer(Fault::CutOff);
    assert_eq!(
        shop.app
            .post(&path, Some(&admin), json!({ "amount": 300 }))
            .await
            .status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    // The admin retries: the same refund, asked under the same id, is recorded once.
    let retried = shop
        .app
        .post(&path, Some(&admin), json!({ "amount": 300 }))
        .await;
    assert_eq!(retried.status(), StatusCode::OK);
    let refunded = json_of(retried).await;
    assert_eq!(refunded["refunded_amount"], 300, "{refunded}");
    assert_eq!(refunded["refunds"].as_array().unwrap().len(), 1);
    assert_eq!(shop.fake.refunded_total(), 300, "the money went back once");
}
