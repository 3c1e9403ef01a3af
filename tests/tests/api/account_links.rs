//! Emailed account links: verifying the address, and resetting a forgotten password.

use std::time::Duration;

use menuskart_e2e::mail_links::{RESET_SUBJECT, VERIFY_SUBJECT, link_token, mail_to};
use menuskart_e2e::smtp_server::SmtpServer;
use menuskart_e2e::workers::{WorkerInstance, auth_settings, notify_settings};
use menuskart_e2e::{Options, TestApp, TestDatabase, assert_error, json_of};
use menuskart_kit::dead_letters::{self, DeadLetter};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn request_reset(app: &TestApp, email: &str) {
    let response = app
        .post("/auth/password-reset", None, json!({"email": email}))
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
}

async fn confirm_reset(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.post(
        "/auth/password-reset/confirm",
        None,
        json!({"token": token, "password": password}),
    )
    .await
}

async fn check_reset(app: &TestApp, token: &str) -> reqwest::Response {
    app.post("/auth/password-reset/check", None, json!({"token": token}))
        .await
}

#[tokio::test]
async fn a_new_account_verifies_its_address_with_the_emailed_link_once() {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn().await;
    let db = TestDatabase::create().await;
    let _notify = app.notify_on(&db, &smtp, 10).await;
    let user = app.customer().await;
    let me = json_of(app.get("/users/me", Some(&user.access_token)).await).await;
    assert_eq!(me["email_verified"], false);

    let mail = &mail_to(&smtp, &user.email, VERIFY_SUBJECT, 1).await[0];
    // (minijinja escapes the slashes in the href: entities that a mail client decodes.)
    assert!(
        mail.html.contains("href=") && mail.html.contains("verify-email?token="),
        "{}",
        mail.html
    );
    let token = link_token(mail, "/verify-email");
    let verified = app
        .post("/auth/verify-email", None, json!({"token": token}))
        .await;
    assert_eq!(verified.status(), StatusCode::OK);
    assert_eq!(
        json_of(verified).await,
        json!({"email": user.email, "email_verified": true})
    );
    let me = json_of(app.get("/users/me", Some(&user.access_token)).await).await;
    assert_eq!(me["email_verified"], true);

    let again = app
        .post("/auth/verify-email", None, json!({"token": token}))
        .await;
    let error = assert_error(again, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(error["error"]["details"]["field"], "token");
    let forged = app
        .post(
            "/auth/verify-email",
            None,
            json!({"token": "not-a-real-token"}),
        )
        .await;
    assert_error(
        forged,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    // Verified already: asking again sends nothing.
    let resend = app
        .post(
            "/auth/verify-email/resend",
            Some(&user.access_token),
            json!({}),
        )
        .await;
    assert_eq!(resend.status(), StatusCode::ACCEPTED);
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    assert_eq!(
        mail_to(&smtp, &user.email, VERIFY_SUBJECT, 1).await.len(),
        1
    );
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn().await;
    let db = TestDatabase::create().await;
    let _notify = app.notify_on(&db, &smtp, 10).await;
    let user = app.customer().await;
    let other_session = json_of(app.login(&user.email, &user.password).await).await;

    request_reset(&app, &user.email).await;
    // Unknown addresses get the same answer, and no email.
    request_reset(&app, "nobody-here@example.com").await;
    let bad = app
        .post(
            "/auth/password-reset",
            None,
            json!({"email": "not an email"}),
        )
        .await;
    assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

    let mail = &mail_to(&smtp, &user.email, RESET_SUBJECT, 1).await[0];
    let token = link_token(mail, "/reset-password");
    assert!(
        smtp.messages()
            .iter()
            .all(|m| m.to != ["nobody-here@example.com"]),
        "no email for an address without an account"
    );

    // The reset page asks whether the link works before a password is typed; asking uses
    // nothing up.
    for _ in 0..2 {
        let check = check_reset(&app, &token).await;
        assert_eq!(check.status(), StatusCode::OK);
        let expires: chrono::DateTime<chrono::Utc> = json_of(check).await["expires_at"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(expires > chrono::Utc::now());
    }
    let forged = check_reset(&app, "not-a-real-token").await;
    let error = assert_error(
        forged,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(error["error"]["details"]["field"], "token");

    // A too-short password is refused and leaves the link usable.
    let weak = confirm_reset(&app, &token, "short").await;
    assert_error(weak, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(
        confirm_reset(&app, &token, "a brand new password")
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let reused = confirm_reset(&app, &token, "yet another password").await;
    let error = assert_error(
        reused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(error["error"]["details"]["field"], "token");
    // Used: the page says so at once now.
    let used = check_reset(&app, &token).await;
    let error = assert_error(used, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(error["error"]["details"]["field"], "token");

    // Every session ended: neither refresh token works, the access token is refused by auth.
    for refresh in [
        user.refresh_token.as_str(),
        other_session["refresh_token"].as_str().unwrap(),
    ] {
        let refused = app
            .post("/auth/refresh", None, json!({"refresh_token": refresh}))
            .await;
        assert_error(refused, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    let validate = app
        .get("/auth/validate-token", Some(&user.access_token))
        .await;
    assert_error(validate, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_error(
        app.login(&user.email, &user.password).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let fresh = json_of(app.login(&user.email, "a brand new password").await).await;
    let token = fresh["access_token"].as_str().unwrap();
    // The link reached the address: it counts as verified.
    let me = json_of(app.get("/users/me", Some(token)).await).await;
    assert_eq!(me["email_verified"], true);
}

#[tokio::test]
async fn a_reset_request_takes_as_long_for_an_unknown_address_as_for_a_known_one() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    // Issuing a link writes; an unknown address only reads. Both answers wait for the same
    // floor, which is well above the difference, so the timing names no account.
    let floor = menuskart_auth::handlers::password_reset::ANSWER_FLOOR;
    for email in [user.email.as_str(), "nobody-here@example.com"] {
        let started = std::time::Instant::now();
        request_reset(&app, email).await;
        let took = started.elapsed();
        assert!(
            took >= floor,
            "a reset request for {email} answered after {took:?}, before the {floor:?} floor"
        );
    }
}

#[tokio::test]
async fn only_the_newest_reset_link_works_and_an_expired_one_never() {
    let smtp = SmtpServer::start();
    // Auth with reset links that live two seconds.
    let app = TestApp::spawn_with(Options {
        auth_instances: 0,
        ..Options::default()
    })
    .await;
    let mut settings = auth_settings(&app.db.url, &app.secrets);
    settings.password_reset_ttl_secs = 2;
    let _auth = WorkerInstance::start::<menuskart_auth::Auth>(&app.nats, settings).await;
    let db = TestDatabase::create().await;
    let _notify = app.notify_on(&db, &smtp, 10).await;
    let user = app.customer().await;

    request_reset(&app, &user.email).await;
    let first = link_token(
        &mail_to(&smtp, &user.email, RESET_SUBJECT, 1).await[0],
        "/reset-password",
    );
    request_reset(&app, &user.email).await;
    let second = link_token(
        &mail_to(&smtp, &user.email, RESET_SUBJECT, 2).await[1],
        "/reset-password",
    );
    assert_ne!(first, second);
    let retired = confirm_reset(&app, &first, "a brand new password").await;
    assert_error(
        retired,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;

    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    let expired = confirm_reset(&app, &second, "a brand new password").await;
    assert_error(
        expired,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    // The old password still works.
    assert_eq!(
        app.login(&user.email, &user.password).await.status(),
        StatusCode::OK
    );
}

/// Every event the AUTH stream and the dead letters hold, read message by message with the
/// operators' key: what anyone who has it (or who stole it) can read.
async fn stored_events(app: &TestApp) -> Vec<(String, Value)> {
    let mut stored = app.stream_events("AUTH", ">").await;
    stored.extend(app.stream_events("DEADLETTER", ">").await);
    stored
}

/// Waits until `count` events of `consumer` are dead letters; all of its letters.
async fn dead_letters_of(app: &TestApp, consumer: &str, count: usize) -> Vec<DeadLetter> {
    let ops = app.nats.client_as("ops").await;
    let mut letters = Vec::new();
    for _ in 0..100 {
        letters = dead_letters::list(&ops)
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|l| l.consumer == consumer)
            .collect();
        if letters.len() >= count {
            return letters;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{count} dead letters of {consumer} did not come: {letters:?}");
}

#[tokio::test]
async fn no_stream_or_dead_letter_holds_a_links_token_and_the_emailed_link_works() {
    // The mail server is down: each link email fails twice and becomes a dead letter, which
    // operators keep (and may read) for good.
    let port = SmtpServer::free_port();
    let app = TestApp::spawn().await;
    let db = TestDatabase::create().await;
    let mut settings = notify_settings(&db.url, port, 2);
    settings.public_url = app.url("");
    let _notify = WorkerInstance::start::<menuskart_notify::Notify>(&app.nats, settings).await;
    let user = app.customer().await;
    request_reset(&app, &user.email).await;
    // The verification email of the new account, and the reset email.
    let letters = dead_letters_of(&app, "notify-accounts", 2).await;

    let stored = stored_events(&app).await;
    assert!(
        stored.len() >= 4,
        "two events, two dead letters: {stored:?}"
    );
    for (subject, event) in &stored {
        assert!(
            event.get("token").is_none(),
            "{subject} stores a working link: {event}"
        );
    }

    // The mail server is back: the replayed reset email carries a token that works, and that
    // no stored message holds.
    let smtp = SmtpServer::start_on(port);
    let reset_letter = letters
        .iter()
        .find(|l| l.subject.ends_with("password_reset_requested"))
        .expect("the reset email's dead letter");
    let ops = app.nats.client_as("ops").await;
    dead_letters::replay(&ops, reset_letter.sequence)
        .await
        .expect("replayed");
    let mail = &mail_to(&smtp, &user.email, RESET_SUBJECT, 1).await[0];
    let token = link_token(mail, "/reset-password");
    for (subject, event) in stored_events(&app).await {
        assert!(
            !event.to_string().contains(&token),
            "{subject} holds the emailed token: {event}"
        );
    }
    assert_eq!(
        confirm_reset(&app, &token, "a brand new password")
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.login(&user.email, "a brand new password")
            .await
            .status(),
        StatusCode::OK
    );
}
