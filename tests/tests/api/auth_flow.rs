use menuskart_e2e::{TestApp, assert_error, json_of};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn register_login_validate_and_read_the_profile() {
    let app = TestApp::spawn().await;

    let registered = app
        .register(
            "  Ada@Example.com ",
            "correct horse battery",
            "Ada Lovelace",
        )
        .await;
    assert_eq!(registered.status(), StatusCode::CREATED);
    let user = json_of(registered).await;
    assert_eq!(user["email"], "ada@example.com", "email is normalised");
    assert_eq!(user["name"], "Ada Lovelace");
    let id = user["id"].as_str().unwrap().to_owned();

    let login = app.login("ada@example.com", "correct horse battery").await;
    assert_eq!(login.status(), StatusCode::OK);
    let tokens = json_of(login).await;
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    let access = tokens["access_token"].as_str().unwrap();
    assert!(
        tokens["refresh_token"]
            .as_str()
            .is_some_and(|t| t.len() >= 40)
    );

    let validated = app.get("/auth/validate-token", Some(access)).await;
    assert_eq!(validated.status(), StatusCode::OK);
    let validated = json_of(validated).await;
    assert_eq!(validated["user_id"], id.as_str());
    assert_eq!(validated["email"], "ada@example.com");
    assert_eq!(validated["roles"], json!(["customer"]));
    assert!(validated["exp"].as_i64().unwrap() > chrono::Utc::now().timestamp());

    let me = json_of(app.get("/users/me", Some(access)).await).await;
    assert_eq!(me["id"], id.as_str());
    assert_eq!(me["name"], "Ada Lovelace");
    assert_eq!(me["marketing_opt_in"], false);
    assert_eq!(me["addresses"], json!([]));
}

#[tokio::test]
async fn the_password_is_stored_as_an_argon2id_hash() {
    let app = TestApp::spawn().await;
    app.register("hash@example.com", "correct horse battery", "H")
        .await;
    let mut conn = app.db.connect().await;
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1")
        .bind("hash@example.com")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("correct horse"));
}

#[tokio::test]
async fn the_profile_can_be_changed_and_phone_removed() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let token = Some(user.access_token.as_str());
    let patch = json!({
        "name": "Grace Hopper",
        "phone": "+1 (202) 555-0143",
        "marketing_opt_in": true,
        "addresses": [{"label": "home", "line1": "1 Navy Way", "city": "Arlington",
                       "postal_code": "22202", "country": "us"}]
    });
    let updated = app
        .call(reqwest::Method::PATCH, "/users/me", token, Some(patch))
        .await;
    assert_eq!(updated.status(), StatusCode::OK);
    let updated = json_of(updated).await;
    assert_eq!(updated["name"], "Grace Hopper");
    assert_eq!(updated["phone"], "+12025550143");
    assert_eq!(updated["marketing_opt_in"], true);
    assert_eq!(updated["addresses"][0]["country"], "US");

    // Read back through a fresh GET: it was stored, not just echoed.
    let me = json_of(app.get("/users/me", token).await).await;
    assert_eq!(me["phone"], "+12025550143");

    let cleared = app
        .call(
            reqwest::Method::PATCH,
            "/users/me",
            token,
            Some(json!({"phone": null})),
        )
        .await;
    let cleared = json_of(cleared).await;
    assert_eq!(cleared["phone"], serde_json::Value::Null);
    assert_eq!(cleared["name"], "Grace Hopper", "absent fields stay");

    let bad = app
        .call(
            reqwest::Method::PATCH,
            "/users/me",
            token,
            Some(json!({"phone": "12"})),
        )
        .await;
    assert_error(bad, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}

#[tokio::test]
async fn duplicate_email_is_a_conflict_even_in_another_case() {
    let app = TestApp::spawn().await;
    let first = app
        .register("dup@example.com", "a fine password", "One")
        .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let second = app
        .register("DUP@example.com", "another password", "Two")
        .await;
    assert_error(second, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn malformed_email_short_password_and_empty_name_are_422() {
    let app = TestApp::spawn().await;
    let bad_email = app.register("not-an-email", "a fine password", "X").await;
    let body = assert_error(
        bad_email,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(body["error"]["details"]["field"], "email");

    let short = app.register("short@example.com", "short", "X").await;
    let body = assert_error(short, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(body["error"]["details"]["field"], "password");

    let nameless = app
        .register("nameless@example.com", "a fine password", "  ")
        .await;
    assert_error(
        nameless,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_401() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let wrong = assert_error(
        app.login(&user.email, "not the password").await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let unknown = assert_error(
        app.login("nobody@example.com", "not the password").await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_eq!(
        wrong, unknown,
        "the reply must not reveal whether the email exists"
    );
}

#[tokio::test]
async fn repeated_failed_logins_lock_the_address_known_or_not() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    for email in [user.email.as_str(), "ghost@example.com"] {
        for _ in 0..5 {
            let response = app.login(email, "wrong password!").await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        let locked = app.login(email, "wrong password!").await;
        assert_error(locked, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
    }
    // Locked even with the right password, until the lockout ends.
    let right = app.login(&user.email, &user.password).await;
    assert_error(right, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
}

#[tokio::test]
async fn fifty_parallel_wrong_passwords_get_five_password_checks() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let attempts = (0..50).map(|_| app.login(&user.email, "wrong password!"));
    let statuses: Vec<StatusCode> = futures::future::join_all(attempts)
        .await
        .iter()
        .map(reqwest::Response::status)
        .collect();
    // A 401 is an attempt whose password was checked; the rest were refused before.
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((checked, refused), (5, 45), "{statuses:?}");
    // Locked now, the right password too.
    let right = app.login(&user.email, &user.password).await;
    assert_error(right, StatusCode::TOO_MANY_REQUESTS, "too_many_requests").await;
}

#[tokio::test]
async fn a_successful_login_resets_the_failure_count() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    for _ in 0..4 {
        app.login(&user.email, "wrong password!").await;
    }
    assert_eq!(
        app.login(&user.email, &user.password).await.status(),
        StatusCode::OK
    );
    for _ in 0..4 {
        app.login(&user.email, "wrong password!").await;
    }
    assert_eq!(
        app.login(&user.email, &user.password).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn admin_routes_are_forbidden_to_customers_and_open_to_admins() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let forbidden = app.get("/users", Some(&customer.access_token)).await;
    assert_error(forbidden, StatusCode::FORBIDDEN, "forbidden").await;

    let admin = app.admin().await;
    let listed = app
        .get("/users?per_page=10", Some(&admin.access_token))
        .await;
    assert_eq!(listed.status(), StatusCode::OK);
    let listed = json_of(listed).await;
    assert_eq!(listed["total"], 2);
    let emails: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    assert!(emails.contains(&customer.email.as_str()));
    assert!(emails.contains(&"admin@menuskart.test"));

    // Part of an address, in any case; LIKE wildcards in it match only themselves.
    let local = customer.email.split('@').next().unwrap().to_uppercase();
    let found = json_of(
        app.get(&format!("/users?email={local}"), Some(&admin.access_token))
            .await,
    )
    .await;
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["items"][0]["email"], customer.email.as_str());
    let wildcard = json_of(app.get("/users?email=%25", Some(&admin.access_token)).await).await;
    assert_eq!(wildcard["total"], 0, "{wildcard}");
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let logout = app
        .post("/auth/logout", Some(&user.access_token), json!({}))
        .await;
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);

    let validate = app
        .get("/auth/validate-token", Some(&user.access_token))
        .await;
    assert_error(validate, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let refresh = app
        .post(
            "/auth/refresh",
            None,
            json!({"refresh_token": user.refresh_token}),
        )
        .await;
    assert_error(refresh, StatusCode::UNAUTHORIZED, "unauthorized").await;
}
