use menuskart_e2e::{TestApp, assert_error, json_of};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_refresh_rotates_the_token_and_revokes_the_old_one() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;

    let rotated = app
        .post(
            "/auth/refresh",
            None,
            json!({"refresh_token": user.refresh_token}),
        )
        .await;
    assert_eq!(rotated.status(), StatusCode::OK);
    let pair = json_of(rotated).await;
    let new_refresh = pair["refresh_token"].as_str().unwrap();
    assert_ne!(new_refresh, user.refresh_token);
    let new_access = pair["access_token"].as_str().unwrap();
    assert_eq!(
        app.get("/users/me", Some(new_access)).await.status(),
        StatusCode::OK
    );

    // The new refresh token works once more.
    let again = app
        .post("/auth/refresh", None, json!({"refresh_token": new_refresh}))
        .await;
    assert_eq!(again.status(), StatusCode::OK);
}

#[tokio::test]
async fn reusing_a_rotated_token_revokes_the_whole_family() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let pair = json_of(
        app.post(
            "/auth/refresh",
            None,
            json!({"refresh_token": user.refresh_token}),
        )
        .await,
    )
    .await;
    let current_refresh = pair["refresh_token"].as_str().unwrap().to_owned();
    let current_access = pair["access_token"].as_str().unwrap().to_owned();

    // An attacker replays the first (rotated) token.
    let replay = app
        .post(
            "/auth/refresh",
            None,
            json!({"refresh_token": user.refresh_token}),
        )
        .await;
    let body = assert_error(replay, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("used already")
    );

    // The legitimate holder's newer tokens die with the family.
    let newer = app
        .post(
            "/auth/refresh",
            None,
            json!({"refresh_token": current_refresh}),
        )
        .await;
    assert_error(newer, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let validate = app.get("/auth/validate-token", Some(&current_access)).await;
    assert_error(validate, StatusCode::UNAUTHORIZED, "unauthorized").await;

    // Other sessions of the same user are untouched.
    let other = json_of(app.login(&user.email, &user.password).await).await;
    let validate = app
        .get("/auth/validate-token", other["access_token"].as_str())
        .await;
    assert_eq!(validate.status(), StatusCode::OK);
}

#[tokio::test]
async fn unknown_and_empty_refresh_tokens_are_401() {
    let app = TestApp::spawn().await;
    let unknown = app
        .post("/auth/refresh", None, json!({"refresh_token": "nope"}))
        .await;
    assert_error(unknown, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let missing = app.post("/auth/refresh", None, json!({})).await;
    assert_error(
        missing,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}

#[tokio::test]
async fn concurrent_refreshes_with_one_token_cannot_both_win() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let body = json!({"refresh_token": user.refresh_token});
    let (a, b) = tokio::join!(
        app.post("/auth/refresh", None, body.clone()),
        app.post("/auth/refresh", None, body.clone())
    );
    let statuses = [a.status(), b.status()];
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "exactly one rotation wins: {statuses:?}"
    );
}
