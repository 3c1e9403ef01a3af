//! The first admin (`MK_ADMIN_EMAIL`): an account someone registered with that address before
//! the operator started the shop does not become admin, unless its password is the operator's.

use menuskart_e2e::workers::auth_settings;
use menuskart_e2e::{TestApp, WorkerInstance, json_of};
use reqwest::StatusCode;
use secrecy::SecretString;

const ADDRESS: &str = "boss@example.com";
const SQUATTERS_PASSWORD: &str = "registered first";

/// The roles the account at `ADDRESS` has, as its own login sees them.
async fn roles(app: &TestApp) -> Vec<String> {
    let login = json_of(app.login(ADDRESS, SQUATTERS_PASSWORD).await).await;
    let token = login["access_token"].as_str().expect("logged in");
    let me = json_of(app.get("/auth/validate-token", Some(token)).await).await;
    serde_json::from_value::<Vec<String>>(me["roles"].clone()).expect("roles")
}

/// Another auth instance (as after a restart), naming `ADDRESS` as the first admin.
async fn start_auth_naming_the_address(app: &TestApp, password: &str) -> WorkerInstance {
    let mut settings = auth_settings(&app.db.url, &app.secrets);
    settings.admin_email = Some(ADDRESS.into());
    settings.admin_password = Some(SecretString::from(password.to_owned()));
    WorkerInstance::start::<menuskart_auth::Auth>(&app.nats, settings).await
}

#[tokio::test]
async fn an_address_registered_by_someone_else_does_not_become_admin() {
    let app = TestApp::spawn().await;
    let registered = app.register(ADDRESS, SQUATTERS_PASSWORD, "Squatter").await;
    assert_eq!(registered.status(), StatusCode::CREATED);

    let _operators = start_auth_naming_the_address(&app, "the operator's own password").await;
    assert_eq!(
        roles(&app).await,
        ["customer"],
        "made admin without its password"
    );

    // The operator who does know the account's password may name it.
    let _known = start_auth_naming_the_address(&app, SQUATTERS_PASSWORD).await;
    let now: Vec<String> = roles(&app).await;
    assert!(now.iter().any(|r| r == "admin"), "{now:?}");
}

#[tokio::test]
async fn an_admin_who_took_the_role_away_is_not_overruled_by_a_restart() {
    let app = TestApp::spawn().await;
    let registered = app.register(ADDRESS, SQUATTERS_PASSWORD, "Boss").await;
    assert_eq!(registered.status(), StatusCode::CREATED);
    let boss_id = json_of(registered).await["id"].as_str().unwrap().to_owned();
    let _promoted = start_auth_naming_the_address(&app, SQUATTERS_PASSWORD).await;
    assert!(roles(&app).await.iter().any(|r| r == "admin"));

    // The shop's own first admin takes the role from the boss's account.
    let admin = app.admin().await;
    let demoted = app
        .call(
            reqwest::Method::PUT,
            &format!("/users/{boss_id}/roles"),
            Some(&admin.access_token),
            Some(serde_json::json!({"roles": ["customer"]})),
        )
        .await;
    assert_eq!(demoted.status(), StatusCode::OK);

    // A restart naming the account with its password does not give the role back.
    let _restarted = start_auth_naming_the_address(&app, SQUATTERS_PASSWORD).await;
    assert_eq!(roles(&app).await, ["customer"]);
}
