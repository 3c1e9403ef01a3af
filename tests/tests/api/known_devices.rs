//! Someone guessing an account's password from elsewhere cannot lock its owner out: a device
//! the account has logged in from before is throttled on its own count. Clients the account has
//! never logged in from share the address's count, as before. A password reset forgets them.

use menuskart_e2e::mail_links::{RESET_SUBJECT, link_token, mail_to};
use menuskart_e2e::smtp_server::SmtpServer;
use menuskart_e2e::{TestApp, TestDatabase, assert_error};
use reqwest::StatusCode;
use serde_json::json;

/// A login, presenting `device` (as an API client does, in `X-Device-Token`); the response.
async fn login(
    app: &TestApp,
    email: &str,
    password: &str,
    device: Option<&str>,
) -> reqwest::Response {
    let mut request = app
        .http
        .post(app.url("/auth/login"))
        .json(&json!({"email": email, "password": password}));
    if let Some(device) = device {
        request = request.header("X-Device-Token", device);
    }
    request.send().await.unwrap()
}

fn device_of(response: &reqwest::Response) -> String {
    response.headers()["x-device-token"]
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_owners_device_logs_in_while_strangers_have_locked_the_address() {
    let app = TestApp::spawn().await;
    let owner = app.customer().await;

    // The owner's first login on this device: the device gets its token (browsers keep it in an
    // HttpOnly cookie sent only to /auth).
    let first = login(&app, &owner.email, &owner.password, None).await;
    assert_eq!(first.status(), StatusCode::OK);
    let device = device_of(&first);
    let cookie = first.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.starts_with(&format!("mk_device={device}")),
        "{cookie}"
    );
    for attribute in ["HttpOnly", "Path=/auth", "SameSite=Strict"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }

    // Someone else guesses until the address locks.
    for _ in 0..5 {
        let guess = login(&app, &owner.email, "a wrong guess", None).await;
        assert_eq!(guess.status(), StatusCode::UNAUTHORIZED);
    }
    let locked = login(&app, &owner.email, &owner.password, None).await;
    assert_error(locked, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    // A made-up device token, or another account's, is a stranger too.
    let stranger = app.customer().await;
    let strangers_device = device_of(&login(&app, &stranger.email, &stranger.password, None).await);
    for token in ["made-up-token", strangers_device.as_str()] {
        let response = login(&app, &owner.email, &owner.password, Some(token)).await;
        assert_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    }

    // The owner's device still gets in, and keeps its token.
    let mine = login(&app, &owner.email, &owner.password, Some(&device)).await;
    assert_eq!(mine.status(), StatusCode::OK);
    assert_eq!(device_of(&mine), device);

    // The device's own count still limits guesses made from it.
    for _ in 0..5 {
        let guess = login(&app, &owner.email, "a wrong guess", Some(&device)).await;
        assert_eq!(guess.status(), StatusCode::UNAUTHORIZED);
    }
    let device_locked = login(&app, &owner.email, &owner.password, Some(&device)).await;
    assert_error(
        device_locked,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_requests",
    )
    .await;
}

#[tokio::test]
async fn a_password_reset_forgets_the_devices_that_logged_in_before() {
    let smtp = SmtpServer::start();
    let app = TestApp::spawn().await;
    let db = TestDatabase::create().await;
    let _notify = app.notify_on(&db, &smtp, 10).await;
    let owner = app.customer().await;

    // A device that logged in with the old password (say, the attacker's who knew it).
    let before = login(&app, &owner.email, &owner.password, None).await;
    assert_eq!(before.status(), StatusCode::OK);
    let old_device = device_of(&before);

    // The owner resets the password.
    let asked = app
        .post("/auth/password-reset", None, json!({"email": owner.email}))
        .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let mail = &mail_to(&smtp, &owner.email, RESET_SUBJECT, 1).await[0];
    let token = link_token(mail, "/reset-password");
    let new_password = "the owner's new password";
    let reset = app
        .post(
            "/auth/password-reset/confirm",
            None,
            json!({"token": token, "password": new_password}),
        )
        .await;
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);

    // Guesses lock the address; the old device is a stranger now and shares that lock, so it
    // cannot go on guessing the new password on a count of its own.
    for _ in 0..5 {
        let guess = login(&app, &owner.email, "a wrong guess", None).await;
        assert_eq!(guess.status(), StatusCode::UNAUTHORIZED);
    }
    let from_old_device = login(&app, &owner.email, new_password, Some(&old_device)).await;
    assert_error(
        from_old_device,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_requests",
    )
    .await;
}
