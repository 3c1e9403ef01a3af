//! An order whose payment is under way (a bank still confirming it) does not expire; an order
//! cancelled anyway gets its money back at once, on record, when the confirmation comes. With
//! the sandbox's bank payment (`pm_card_async`) and with Stripe's `processing` intents.

use std::time::Duration;

use menuskart_e2e::fake_stripe::PROCESSING_METHOD;
use menuskart_e2e::payments::{StripeShop, order_path, pay, placed_order, signature, webhook};
use menuskart_e2e::{Options, TestApp, TestUser, json_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Orders are payable for 2 s here.
const PAYABLE_FOR: Duration = Duration::from_secs(2);

fn short_expiry() -> Options {
    Options {
        order_payment_timeout: PAYABLE_FOR,
        ..Options::shop()
    }
}

/// Pays `order` with `method`; the payment is left `processing` by the provider.
async fn pay_by_bank(app: &TestApp, user: &TestUser, order: &Value, method: &str) -> Value {
    let payment = json_of(pay(app, &user.access_token, order, method, None).await).await;
    assert_eq!(payment["status"], "processing", "{payment}");
    payment
}

/// The provider's signed `payment_intent.<kind>` for `reference`.
async fn sandbox_event(app: &TestApp, kind: &str, reference: &str) {
    let body = json!({"id": format!("evt_{}", uuid::Uuid::new_v4().simple()),
                      "type": format!("payment_intent.{kind}"),
                      "data": {"object": {"id": reference, "object": "payment_intent"}}})
    .to_string();
    let signed = signature(&app.secrets.webhook, chrono::Utc::now().timestamp(), &body);
    assert_eq!(webhook(app, &signed, &body).await.status(), StatusCode::OK);
}

async fn order_now(app: &TestApp, user: &TestUser, order: &Value) -> Value {
    json_of(app.get(&order_path(order), Some(&user.access_token)).await).await
}

async fn cancel(app: &TestApp, user: &TestUser, order: &Value) {
    let path = format!("{}/cancel", order_path(order));
    let cancelled = app.post(&path, Some(&user.access_token), json!({})).await;
    assert_eq!(cancelled.status(), StatusCode::OK);
}

async fn payment_now(app: &TestApp, user: &TestUser, payment: &Value) -> Value {
    let path = format!("/payments/{}", payment["transaction_id"].as_str().unwrap());
    json_of(app.get(&path, Some(&user.access_token)).await).await
}

/// The order was never expired.
fn not_expired(order: &Value) {
    assert!(
        !order["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|change| change["reason"]
                .as_str()
                .is_some_and(|r| r.starts_with("expired"))),
        "{order}"
    );
}

#[tokio::test]
async fn an_order_paid_by_bank_waits_for_the_bank_instead_of_expiring() {
    let app = TestApp::spawn_with(short_expiry()).await;
    let admin = app.admin().await;
    // Each paid as soon as it is placed (well within its 2 s); the third is never paid.
    let (user, waiting, _) = placed_order(&app, &admin).await;
    let payment = pay_by_bank(&app, &user, &waiting, "pm_card_async").await;
    let (failing_user, failing, _) = placed_order(&app, &admin).await;
    let doomed = pay_by_bank(&app, &failing_user, &failing, "pm_card_async").await;
    let (idle_user, idle, _) = placed_order(&app, &admin).await;

    // Well past the deadline: the unpaid order expired, the two being paid did not.
    app.eventually(&order_path(&idle), Some(&idle_user.access_token), |o| {
        o["status"] == "cancelled"
    })
    .await;
    tokio::time::sleep(PAYABLE_FOR * 2).await;
    for (owner, order) in [(&user, &waiting), (&failing_user, &failing)] {
        let now = order_now(&app, owner, order).await;
        assert_eq!(now["status"], "pending_payment", "{now}");
        not_expired(&now);
    }

    // The bank confirms: paid, nothing refunded.
    sandbox_event(
        &app,
        "succeeded",
        payment["provider_reference"].as_str().unwrap(),
    )
    .await;
    let paid = app
        .eventually(&order_path(&waiting), Some(&user.access_token), |o| {
            o["status"] == "paid"
        })
        .await;
    not_expired(&paid);
    let settled = payment_now(&app, &user, &payment).await;
    assert_eq!(settled["status"], "succeeded", "{settled}");
    assert_eq!(settled["refunded_amount"], 0);

    // The other bank refuses: that order is no longer waited for, and expires.
    sandbox_event(
        &app,
        "payment_failed",
        doomed["provider_reference"].as_str().unwrap(),
    )
    .await;
    let expired = app
        .eventually(
            &order_path(&failing),
            Some(&failing_user.access_token),
            |o| o["status"] == "cancelled",
        )
        .await;
    assert!(
        expired["history"].as_array().unwrap().last().unwrap()["reason"]
            .as_str()
            .unwrap()
            .starts_with("expired"),
        "{expired}"
    );
}

#[tokio::test]
async fn a_bank_confirmation_for_an_order_cancelled_meanwhile_is_refunded_on_record() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, order, _) = placed_order(&app, &admin).await;
    let payment = pay_by_bank(&app, &user, &order, "pm_card_async").await;
    // The customer gives up waiting and cancels; then the bank confirms after all.
    cancel(&app, &user, &order).await;
    sandbox_event(
        &app,
        "succeeded",
        payment["provider_reference"].as_str().unwrap(),
    )
    .await;

    let refunded = payment_now(&app, &user, &payment).await;
    assert_eq!(refunded["status"], "refunded", "{refunded}");
    assert_eq!(refunded["refunded_amount"], order["total"], "{refunded}");
    assert_eq!(refunded["refunds"].as_array().unwrap().len(), 1);
    assert_eq!(order_now(&app, &user, &order).await["status"], "cancelled");
}

#[tokio::test]
async fn a_stripe_debit_processing_keeps_its_order_and_a_late_confirmation_after_cancelling_is_refunded()
 {
    let shop = StripeShop::start_with(short_expiry(), |_| {}).await;
    let (app, user) = (&shop.app, &shop.user);
    let payment = pay_by_bank(app, user, &shop.order, PROCESSING_METHOD).await;
    let intent = payment["provider_reference"].as_str().unwrap().to_owned();

    // Past the deadline, the order still waits for the debit.
    tokio::time::sleep(PAYABLE_FOR * 2).await;
    let now = order_now(app, user, &shop.order).await;
    assert_eq!(now["status"], "pending_payment", "{now}");
    // The debit goes through; Stripe's webhook says so.
    shop.fake.confirm(&intent);
    shop.stripe_succeeded("evt_debit_1", &intent, None).await;
    shop.order_status_is("paid").await;
    assert_eq!(shop.fake.captured_intents(), 1);
    assert_eq!(shop.fake.refunded_total(), 0);

    // Another order, cancelled by its owner while its debit is processing.
    let (other_user, other, _) = placed_order(app, &shop.admin).await;
    let pending = pay_by_bank(app, &other_user, &other, PROCESSING_METHOD).await;
    let other_intent = pending["provider_reference"].as_str().unwrap().to_owned();
    cancel(app, &other_user, &other).await;
    shop.fake.confirm(&other_intent);
    shop.stripe_succeeded("evt_debit_2", &other_intent, None)
        .await;

    // The money went back at Stripe, and the payment says so.
    assert_eq!(shop.fake.captured_intents(), 2);
    assert_eq!(shop.fake.refunded_total(), other["total"].as_i64().unwrap());
    let refunded = payment_now(app, &other_user, &pending).await;
    assert_eq!(refunded["status"], "refunded", "{refunded}");
    assert_eq!(refunded["refunds"].as_array().unwrap().len(), 1);
    assert_eq!(
        order_now(app, &other_user, &other).await["status"],
        "cancelled"
    );
}
