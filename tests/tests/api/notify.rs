use std::time::Duration;

use menuskart_e2e::smtp_server::SmtpServer;
use menuskart_e2e::workers::notify_settings;
use menuskart_e2e::{TestApp, TestDatabase, TestUser, WorkerInstance, json_of};
use menuskart_kit::dead_letters;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The shop plus a notification worker sending to SMTP on `smtp_port`.
async fn shop_with_notify(
    smtp_port: u16,
    max_deliver: i64,
) -> (TestApp, TestDatabase, WorkerInstance) {
    let app = TestApp::spawn_shop().await;
    let db = TestDatabase::create().await;
    let notify = WorkerInstance::start::<menuskart_notify::Notify>(
        &app.nats,
        notify_settings(&db.url, smtp_port, max_deliver),
    )
    .await;
    (app, db, notify)
}

/// A customer who placed an order of 2 x 750 (food, taxed 19 %): (user, order).
async fn customer_order(app: &TestApp) -> (TestUser, Value) {
    let admin = app.admin().await;
    let (user, order, _) = menuskart_e2e::payments::placed_order(app, &admin).await;
    (user, order)
}

#[tokio::test]
async fn a_paid_order_sends_a_receipt_with_its_lines_and_total_exactly_once() {
    let smtp = SmtpServer::start();
    let (app, db, _notify) = shop_with_notify(smtp.port, 8).await;
    let (user, order) = customer_order(&app).await;
    let id = order["id"].as_str().unwrap();
    // Emails name the order by its number.
    let number = order["number"].as_str().unwrap();
    // 2 x 750 = 1500, tax 19 % = 285: €17.85.
    assert_eq!(order["total"], 1785);

    let placed = smtp
        .wait_for(&format!("we received your order {number}"))
        .await;
    assert_eq!(placed.to, [user.email.as_str()]);
    assert!(placed.text.contains("2 x Ramen Kit"), "{}", placed.text);

    let paid = app
        .http
        .post(app.url("/payments"))
        .bearer_auth(&user.access_token)
        .json(&json!({"order_id": id, "payment_method": "pm_card_ok"}))
        .send()
        .await
        .unwrap();
    assert_eq!(paid.status(), StatusCode::OK);
    let receipt = smtp
        .wait_for(&format!("your receipt for order {number}"))
        .await;
    assert!(receipt.text.contains("€17.85"), "{}", receipt.text);
    assert!(receipt.text.contains("Total: €17.85"));
    assert!(receipt.html.contains("€15.00"), "{}", receipt.html);
    assert_eq!(receipt.to, [user.email.as_str()]);

    // Nothing twice, and every send is on record.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let about_this_order = smtp
        .messages()
        .into_iter()
        .filter(|m| m.subject.contains(number))
        .count();
    assert_eq!(about_this_order, 2);
    let mut conn = db.connect().await;
    let sent: Vec<(String, String)> = sqlx::query_as(
        "SELECT kind, status FROM notifications WHERE event_key LIKE '%' || $1 || '%' ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert_eq!(sent, [("order_placed".into(), "sent".into())]);
    let receipts: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE kind = 'payment_succeeded' AND status = 'sent'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(receipts, 1);
}

#[tokio::test]
async fn while_smtp_is_down_the_email_is_retried_and_sent_once_it_is_back() {
    let port = SmtpServer::free_port();
    let (app, db, _notify) = shop_with_notify(port, 50).await;
    let (_, order) = customer_order(&app).await;
    // Emails and texts name the order by its number.
    let id = order["number"].as_str().unwrap();

    // Failed, and tried again (read between attempts: one under way reads `sending`).
    let mut conn = db.connect().await;
    let mut seen = (String::new(), 0);
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        seen = sqlx::query_as(
            "SELECT status, attempts FROM notifications WHERE kind = 'order_placed'",
        )
        .fetch_optional(&mut conn)
        .await
        .unwrap()
        .unwrap_or_default();
        if seen.0 == "failed" && seen.1 >= 2 {
            break;
        }
    }
    assert_eq!(seen.0, "failed", "retried: {seen:?}");
    assert!(seen.1 >= 2, "retried: {seen:?}");

    let smtp = SmtpServer::start_on(port);
    smtp.wait_for(&format!("we received your order {id}")).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        smtp.messages()
            .iter()
            .filter(|m| m.subject.contains(id))
            .count(),
        1
    );
}

#[tokio::test]
async fn an_event_that_keeps_failing_is_dead_lettered_and_can_be_replayed() {
    let port = SmtpServer::free_port();
    let (app, _db, _notify) = shop_with_notify(port, 2).await;
    let (_, order) = customer_order(&app).await;
    let id = order["id"].as_str().unwrap().to_owned();
    let number = order["number"].as_str().unwrap().to_owned();
    let client = app.nats.client_as("ops").await;

    // Two failed deliveries (SMTP down), then the dead-letter stream.
    let mut letters = Vec::new();
    for _ in 0..100 {
        letters = dead_letters::list(&client).await.unwrap_or_default();
        if letters.iter().any(|l| l.consumer == "notify-reminders") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let letter = letters
        .iter()
        .find(|l| l.consumer == "notify-reminders")
        .unwrap_or_else(|| panic!("no dead letter: {letters:?}"))
        .clone();
    assert_eq!(letter.subject, "mk.evt.orders.placed");
    assert_eq!(letter.consumer, "notify-reminders");
    assert!(letter.error.contains("sending"), "{}", letter.error);
    let event: Value = serde_json::from_slice(&letter.payload).unwrap();
    assert_eq!(event["order_id"], id.as_str());

    // Fixed: the mail server is up. A replay delivers it, once.
    let smtp = SmtpServer::start_on(port);
    dead_letters::replay(&client, letter.sequence)
        .await
        .unwrap();
    smtp.wait_for(&format!("we received your order {number}"))
        .await;
    assert!(
        dead_letters::list(&client)
            .await
            .unwrap()
            .iter()
            .all(|l| l.sequence != letter.sequence),
        "a replayed letter leaves the dead-letter stream"
    );
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(
        smtp.messages()
            .iter()
            .filter(|m| m.subject.contains(&number))
            .count(),
        1
    );
}

/// Another consumer's key cannot have a dead letter dropped: JetStream de-duplicates by message
/// id across the whole dead-letter stream, and any writer picks its ids, so the catalog's key
/// planted letters under the ids notify's letters would get (`notify-reminders:ORDERS:<sequence>`)
/// and notify's real letter was taken for a duplicate and lost, its event terminated. Found by
/// an attack on the per-component accounts.
#[tokio::test]
async fn a_dead_letter_is_kept_when_another_key_planted_its_id() {
    let port = SmtpServer::free_port();
    let app = TestApp::spawn_shop().await;
    let catalog = async_nats::jetstream::new(app.nats.client_as("catalog").await);
    for sequence in 1..=30 {
        let mut headers = async_nats::HeaderMap::new();
        headers.insert(
            "Nats-Msg-Id",
            format!("notify-reminders:ORDERS:{sequence}").as_str(),
        );
        catalog
            .publish_with_headers("mk.dlq.catalog-stock", headers, "decoy".into())
            .await
            .expect("the catalog may write its own dead letters")
            .await
            .expect("stored");
    }
    let db = TestDatabase::create().await;
    let _notify = WorkerInstance::start::<menuskart_notify::Notify>(
        &app.nats,
        notify_settings(&db.url, port, 2),
    )
    .await;
    let (_, order) = customer_order(&app).await;

    // SMTP is down: two failed deliveries, then the letter, which must be there.
    let client = app.nats.client_as("ops").await;
    let mut found = false;
    for _ in 0..150 {
        let letters = dead_letters::list(&client).await.unwrap_or_default();
        found = letters.iter().any(|l| {
            l.consumer == "notify-reminders"
                && serde_json::from_slice::<Value>(&l.payload)
                    .is_ok_and(|event| event["order_id"] == order["id"])
        });
        if found {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        found,
        "notify's dead letter was dropped as a duplicate of a planted one"
    );
}

#[tokio::test]
async fn a_customer_with_a_phone_number_also_gets_a_text_once() {
    use menuskart_e2e::fake_sms::{self, FakeSms};
    let smtp = SmtpServer::start();
    let sms = FakeSms::start().await;
    let app = TestApp::spawn_shop().await;
    let db = TestDatabase::create().await;
    let mut settings = notify_settings(&db.url, smtp.port, 8);
    settings.sms_api_base = Some(sms.base_url.clone());
    settings.sms_account_sid = Some(fake_sms::ACCOUNT_SID.into());
    settings.sms_auth_token = Some(fake_sms::AUTH_TOKEN.to_owned().into());
    settings.sms_from = Some("+15005550006".into());
    let _notify = WorkerInstance::start::<menuskart_notify::Notify>(&app.nats, settings).await;

    let admin = app.admin().await;
    let product = app.stocked_product(&admin, "Pho", 900, "food", 10).await;
    let user = app.customer().await;
    let phoned = app
        .call(
            reqwest::Method::PATCH,
            "/users/me",
            Some(&user.access_token),
            Some(json!({"phone": "+49 151 23456789"})),
        )
        .await;
    assert_eq!(phoned.status(), StatusCode::OK);
    app.add_to_cart(&user.access_token, &product, 1).await;
    let order = json_of(app.place_order(&user.access_token, None).await).await;
    // Emails and texts name the order by its number.
    let id = order["number"].as_str().unwrap();

    smtp.wait_for(&format!("we received your order {id}")).await;
    for _ in 0..100 {
        if !sms.texts().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Then a while longer: a second text would show up now.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let texts = sms.texts();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert_eq!(texts[0].to, "+4915123456789");
    assert_eq!(texts[0].from, "+15005550006");
    assert!(texts[0].body.contains(id), "{}", texts[0].body);
    let mut conn = db.connect().await;
    let channels: Vec<(String, String)> = sqlx::query_as(
        "SELECT channel, status FROM notifications WHERE kind = 'order_placed' ORDER BY channel",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        channels,
        [
            ("email".into(), "sent".into()),
            ("sms".into(), "sent".into())
        ]
    );
}

/// The records decide who sends: one claim at a time per event and channel, a failed attempt
/// frees it, a sent one is done for good.
#[tokio::test]
async fn a_notification_is_claimed_by_one_sender_at_a_time() {
    use menuskart_notify::store::{Claim, Store};
    let db = TestDatabase::create().await;
    let store = Store::connect(&menuskart_kit::postgres::PostgresSettings::new(&db.url, 2))
        .await
        .unwrap();
    let user = menuskart_schemas::ids::UserId::new();
    let claim = |event| store.claim(event, "email", "order_placed", user, None);
    assert_eq!(claim("order_placed:o-1").await.unwrap(), Claim::Send);
    // The same event handed out again while the first is still sending.
    assert_eq!(claim("order_placed:o-1").await.unwrap(), Claim::Busy);
    store
        .failed("order_placed:o-1", "email", "smtp down")
        .await
        .unwrap();
    assert_eq!(claim("order_placed:o-1").await.unwrap(), Claim::Send);
    store
        .sent("order_placed:o-1", "email", "ada@example.com", "250 ok")
        .await
        .unwrap();
    assert_eq!(claim("order_placed:o-1").await.unwrap(), Claim::Done);
    // A sender that died: its claim runs out and the next delivery takes over.
    assert_eq!(claim("order_placed:o-2").await.unwrap(), Claim::Send);
    assert_eq!(claim("order_placed:o-2").await.unwrap(), Claim::Busy);
    sqlx::query("UPDATE notifications SET claimed_until = now() - interval '1 second'")
        .execute(store.pool())
        .await
        .unwrap();
    assert_eq!(claim("order_placed:o-2").await.unwrap(), Claim::Send);
}

/// A customer who pays at once gets the receipt alone, not a "waiting for payment" email in
/// the same second; one whose bank is still confirming the payment gets none either; one who
/// does not pay gets that reminder, a while after placing (3 s here).
#[tokio::test]
async fn an_unpaid_order_is_reminded_later_and_a_paid_one_not_at_all() {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_shop().await;
    let db = TestDatabase::create().await;
    let mut settings = notify_settings(&db.url, smtp.port, 8);
    settings.notify_payment_reminder_secs = 3;
    let _notify = WorkerInstance::start::<menuskart_notify::Notify>(&app.nats, settings).await;

    let (payer, paid) = customer_order(&app).await;
    let paid_number = paid["number"].as_str().unwrap();
    let payment =
        menuskart_e2e::payments::pay(&app, &payer.access_token, &paid, "pm_card_ok", None).await;
    assert_eq!(payment.status(), StatusCode::OK);
    smtp.wait_for(&format!("your receipt for order {paid_number}"))
        .await;

    // A bank debit: the order stays unpaid until the bank confirms.
    let (banker, banked) = customer_order(&app).await;
    let banked_number = banked["number"].as_str().unwrap();
    let debit =
        menuskart_e2e::payments::pay(&app, &banker.access_token, &banked, "pm_card_async", None)
            .await;
    assert_eq!(json_of(debit).await["status"], "processing");

    let (_, unpaid) = customer_order(&app).await;
    let unpaid_number = unpaid["number"].as_str().unwrap();
    let reminder = smtp
        .wait_for(&format!("we received your order {unpaid_number}"))
        .await;
    assert!(
        reminder.text.contains("still waiting for payment"),
        "{}",
        reminder.text
    );
    // Not before its time.
    let mut conn = db.connect().await;
    let waited: f64 = sqlx::query_scalar(
        "SELECT extract(epoch FROM sent_at - $2::timestamptz)::float8 FROM notifications \
         WHERE kind = 'order_placed' AND event_key = 'order_placed:' || $1",
    )
    .bind(unpaid["id"].as_str().unwrap())
    .bind(unpaid["created_at"].as_str().unwrap())
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert!(waited >= 3.0, "sent {waited} s after placing");

    // The paid order's reminder fell due first and was dropped: once the reminders' consumer
    // has nothing outstanding, the payer has had no such email.
    let js = app.nats.ops_jetstream().await;
    let orders = js.get_stream("ORDERS").await.unwrap();
    let mut settled = false;
    for _ in 0..100 {
        let info = orders
            .consumer_info("notify-reminders")
            .await
            .unwrap()
            .clone();
        if info.num_pending == 0 && info.num_ack_pending == 0 {
            settled = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        settled,
        "the reminders' consumer still has events outstanding"
    );
    assert!(
        !smtp
            .messages()
            .iter()
            .any(|m| m.subject.contains(banked_number)),
        "no reminder while the bank confirms the payment"
    );
    let to_payer: Vec<String> = smtp
        .messages()
        .into_iter()
        .filter(|m| m.subject.contains(paid_number))
        .map(|m| m.subject)
        .collect();
    assert_eq!(
        to_payer,
        [format!("MenusKart: your receipt for order {paid_number}")]
    );
}
