use std::time::Duration;

use menuskart_e2e::smtp_server::{ReceivedMail, SmtpServer};
use menuskart_e2e::{TestApp, TestDatabase, TestUser, assert_error, json_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A customer who verified their address and opted in to promotions.
async fn opted_in_customer(app: &TestApp, smtp: &SmtpServer) -> TestUser {
    let user = app.customer().await;
    app.verify_email(smtp, &user).await;
    let patched = app
        .patch_me(&user.access_token, json!({"marketing_opt_in": true}))
        .await;
    assert_eq!(patched["marketing_opt_in"], true);
    user
}

async fn create_campaign(
    app: &TestApp,
    admin: &TestUser,
    key: Option<&str>,
    body: Value,
) -> reqwest::Response {
    let mut request = app
        .http
        .post(app.url("/notifications/campaigns"))
        .bearer_auth(&admin.access_token)
        .json(&body);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    request.send().await.unwrap()
}

/// Polls the campaign until `sent + skipped` reaches its recipients (30 s at most).
async fn finished_campaign(app: &TestApp, admin: &TestUser, id: &str) -> Value {
    let path = format!("/notifications/campaigns/{id}");
    let mut last = Value::Null;
    for _ in 0..300 {
        last = json_of(app.get(&path, Some(&admin.access_token)).await).await;
        let done = last["sent"].as_i64().unwrap() + last["skipped"].as_i64().unwrap();
        if done == last["recipients"].as_i64().unwrap() {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("campaign {id} did not finish: {last}");
}

fn mails_to<'a>(
    mails: &'a [ReceivedMail],
    user: &TestUser,
    subject: &str,
) -> Vec<&'a ReceivedMail> {
    mails
        .iter()
        .filter(|m| m.to == [user.email.as_str()] && m.subject == subject)
        .collect()
}

/// The unsubscribe link in a promotional email's text.
fn unsubscribe_link(mail: &ReceivedMail) -> String {
    let start = mail.text.find("http").expect("a link in the text");
    mail.text[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_campaign_reaches_opted_in_users_once_and_its_link_unsubscribes_without_login() {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn().await;
    let db = TestDatabase::create().await;
    let _notify = app.notify_on(&db, &smtp, 50).await;
    let admin = app.admin().await;
    let (ada, cy) = (
        opted_in_customer(&app, &smtp).await,
        opted_in_customer(&app, &smtp).await,
    );
    let bob = app.customer().await;
    // Opted in but never confirmed the address: promotions go to proven addresses only.
    let dan = app.customer().await;
    app.patch_me(&dan.access_token, json!({"marketing_opt_in": true}))
        .await;

    // Admins only, checked text.
    let as_customer = app
        .post(
            "/notifications/campaigns",
            Some(&ada.access_token),
            json!({"subject": "Hi", "body": "x"}),
        )
        .await;
    assert_error(as_customer, StatusCode::FORBIDDEN, "forbidden").await;
    let empty = create_campaign(&app, &admin, None, json!({"subject": " ", "body": "x"})).await;
    let error = assert_error(empty, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(error["error"]["details"]["field"], "subject");
    let injected = json!({"subject": "Sale\r\nBcc: all@example.com", "body": "x"});
    let injected = create_campaign(&app, &admin, None, injected).await;
    assert_error(
        injected,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    // Accepted for the two who opted in; a retry with the same key is the same campaign.
    let subject = format!("Spring menu {}", uuid::Uuid::new_v4().simple());
    let draft = json!({"subject": subject, "body": "Hello!\n\nLaksa & pho <b>half</b> price."});
    let first = create_campaign(&app, &admin, Some("spring-1"), draft.clone()).await;
    assert_eq!(first.status(), StatusCode::ACCEPTED);
    let first = json_of(first).await;
    assert_eq!(first["recipients"], 2);
    let retry = create_campaign(&app, &admin, Some("spring-1"), draft).await;
    assert_eq!(retry.status(), StatusCode::ACCEPTED);
    assert_eq!(json_of(retry).await, first);
    let reused = json!({"subject": "Something else", "body": "Other words."});
    let reused = create_campaign(&app, &admin, Some("spring-1"), reused).await;
    assert_error(reused, StatusCode::CONFLICT, "conflict").await;

    let id = first["campaign_id"].as_str().unwrap();
    let campaign = finished_campaign(&app, &admin, id).await;
    assert_eq!(
        (campaign["sent"].as_i64(), campaign["skipped"].as_i64()),
        (Some(2), Some(0))
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails = smtp.messages();
    assert_eq!(mails_to(&mails, &ada, &subject).len(), 1, "once each");
    assert_eq!(mails_to(&mails, &cy, &subject).len(), 1);
    assert!(
        mails_to(&mails, &bob, &subject).is_empty(),
        "bob did not opt in"
    );
    assert!(
        mails_to(&mails, &dan, &subject).is_empty(),
        "dan's address is not verified"
    );
    let mail = mails_to(&mails, &ada, &subject)[0];
    assert!(
        mail.text.contains("Laksa & pho <b>half</b> price."),
        "{}",
        mail.text
    );
    assert!(
        mail.html.contains("Laksa &amp; pho &lt;b&gt;half"),
        "{}",
        mail.html
    );
    assert!(!mail.html.contains("<b>half"));
    let link = unsubscribe_link(mail);
    assert!(
        link.starts_with(&app.url("/notifications/unsubscribe?token=")),
        "{link}"
    );
    assert_eq!(
        mail.list_unsubscribe.as_deref(),
        Some(format!("<{link}>").as_str())
    );

    // Forged, tampered and missing tokens are refused; Ada's link works with no login, twice.
    let token = link.split("token=").nth(1).unwrap();
    let (_, signature) = token.split_once('.').unwrap();
    let forged = format!("{}.{signature}", bob.id.replace('-', ""));
    let last = if token.ends_with('0') { '1' } else { '0' };
    let tampered = format!("{}{last}", &token[..token.len() - 1]);
    for path in [
        format!("/notifications/unsubscribe?token={forged}"),
        format!("/notifications/unsubscribe?token={tampered}"),
        "/notifications/unsubscribe?token=nonsense".to_owned(),
        "/notifications/unsubscribe".to_owned(),
    ] {
        assert_error(
            app.get(&path, None).await,
            StatusCode::BAD_REQUEST,
            "bad_request",
        )
        .await;
    }
    // A browser (or a mail system's link scanner) following the link changes nothing: it gets
    // the storefront's page that asks to confirm (none in this test, so a 404).
    let followed = app
        .http
        .get(&link)
        .header("accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(followed.status(), StatusCode::NOT_FOUND);
    let profile = json_of(app.get("/users/me", Some(&ada.access_token)).await).await;
    assert_eq!(
        profile["marketing_opt_in"], true,
        "following the link is no consent"
    );
    for _ in 0..2 {
        let unsubscribed = app.http.get(&link).send().await.unwrap();
        assert_eq!(unsubscribed.status(), StatusCode::OK);
        assert_eq!(
            json_of(unsubscribed).await,
            json!({"marketing_opt_in": false})
        );
    }
    let profile = json_of(app.get("/users/me", Some(&ada.access_token)).await).await;
    assert_eq!(profile["marketing_opt_in"], false);

    // The next campaign goes to Cy alone; a mail client's one-click POST unsubscribes Cy.
    let next = create_campaign(
        &app,
        &admin,
        None,
        json!({"subject": "Summer", "body": "Soon."}),
    )
    .await;
    let next = json_of(next).await;
    assert_eq!(next["recipients"], 1);
    finished_campaign(&app, &admin, next["campaign_id"].as_str().unwrap()).await;
    let cy_mail = smtp.wait_for("Summer").await;
    assert_eq!(cy_mail.to, [cy.email.as_str()]);
    let one_click = app
        .http
        .post(unsubscribe_link(&cy_mail))
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status(), StatusCode::OK);
    let profile = json_of(app.get("/users/me", Some(&cy.access_token)).await).await;
    assert_eq!(profile["marketing_opt_in"], false);
    let nobody = create_campaign(
        &app,
        &admin,
        None,
        json!({"subject": "Autumn", "body": "."}),
    )
    .await;
    assert_eq!(json_of(nobody).await["recipients"], 0);
}

/// Two notify instances share the campaign at 1 email a second each; an order placed while it
/// is going out is confirmed long before it ends; whoever opts out before their turn is
/// skipped; nobody gets a message twice (a message waiting for its turn is not redelivered to
/// the other instance).
#[tokio::test]
async fn campaign_mail_is_paced_behind_order_mail_and_skips_who_opted_out_meanwhile() {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn_shop().await;
    let db = TestDatabase::create().await;
    let _notify = (
        app.notify_on(&db, &smtp, 1).await,
        app.notify_on(&db, &smtp, 1).await,
    );
    let admin = app.admin().await;
    let mut audience = Vec::new();
    for _ in 0..12 {
        audience.push(opted_in_customer(&app, &smtp).await);
    }
    // Messages go out in user-id order: the last one's turn comes about 5 s from now.
    audience.sort_by(|a, b| a.id.cmp(&b.id));
    let late = audience.last().unwrap().clone();
    let product = app
        .stocked_product(
            &admin,
            &format!("Pho {}", uuid::Uuid::new_v4().simple()),
            900,
            "food",
            5,
        )
        .await;
    let shopper = app.customer().await;
    let added = app.add_to_cart(&shopper.access_token, &product, 1).await;
    assert_eq!(added.status(), StatusCode::OK);

    let subject = format!("Big sale {}", uuid::Uuid::new_v4().simple());
    let draft = json!({"subject": subject, "body": "All of it."});
    let created = json_of(create_campaign(&app, &admin, None, draft).await).await;
    assert_eq!(created["recipients"], 12);
    app.patch_me(&late.access_token, json!({"marketing_opt_in": false}))
        .await;
    let order = app.place_order(&shopper.access_token, None).await;
    assert_eq!(order.status(), StatusCode::CREATED);
    let order_number = json_of(order).await["number"].as_str().unwrap().to_owned();

    let campaign = finished_campaign(&app, &admin, created["campaign_id"].as_str().unwrap()).await;
    assert_eq!(
        (campaign["sent"].as_i64(), campaign["skipped"].as_i64()),
        (Some(11), Some(1))
    );
    smtp.wait_for(&format!("we received your order {order_number}"))
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails = smtp.messages();
    assert!(
        mails_to(&mails, &late, &subject).is_empty(),
        "opted out before its turn"
    );
    for user in &audience[..11] {
        assert_eq!(
            mails_to(&mails, user, &subject).len(),
            1,
            "exactly once each"
        );
    }
    let mut conn = db.connect().await;
    let (first, last, order_mail): (f64, f64, f64) = sqlx::query_as(
        "SELECT extract(epoch FROM min(sent_at) FILTER (WHERE campaign_id IS NOT NULL))::float8, \
           extract(epoch FROM max(sent_at) FILTER (WHERE campaign_id IS NOT NULL))::float8, \
           extract(epoch FROM max(sent_at) FILTER (WHERE kind = 'order_placed'))::float8 \
         FROM notifications WHERE status = 'sent'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    // Paced: eleven sends by two instances at 1 a second each, no burst: one of them sent at
    // least six, which takes at least five seconds.
    assert!(
        last - first >= 4.9,
        "eleven campaign emails went out within {} s",
        last - first
    );
    assert!(
        order_mail < last,
        "the order email waited for the whole campaign"
    );
    // Handed out once each: no message was redelivered while it waited for its turn.
    let deliveries: Vec<i32> = sqlx::query_scalar(
        "SELECT DISTINCT attempts FROM notifications WHERE campaign_id IS NOT NULL",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert_eq!(deliveries, [1]);
}
