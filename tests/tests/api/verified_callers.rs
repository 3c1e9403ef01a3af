//! Workers believe only a verified token: the edge forwards the user's own access token, and
//! the kit verifies it (EdDSA, the deployment's public keys, key id, issuer, expiry) before any
//! handler runs. These tests are a process holding the edge's NATS key that tries to pass as
//! someone else: by naming a user or a role in a header, or with a token it signed itself.

use menuskart_e2e::{TestApp, TestUser, assert_error, nats_request};
use menuskart_kit::Caller;
use menuskart_kit::jwt::{SigningKey, TokenSigner};
use menuskart_schemas::auth::AccessClaims;
use menuskart_schemas::subjects::auth;
use menuskart_schemas::{ErrorBody, ErrorCode, headers};
use reqwest::StatusCode;
use serde_json::json;

/// Sends a request for the caller's own profile straight to the auth worker, with the edge's
/// key and `extra` headers; the worker's answer.
async fn profile_over_nats(app: &TestApp, extra: &[(&str, String)]) -> Result<String, ErrorBody> {
    let edge = app.nats.client_as("edge").await;
    let mut message_headers = async_nats::HeaderMap::new();
    for (name, value) in extra {
        message_headers.insert(*name, value.as_str());
    }
    menuskart_kit::rpc::request_raw::<_, serde_json::Value>(
        &edge,
        auth::PROFILE_GET.untyped(),
        message_headers,
        &json!({}),
        std::time::Duration::from_secs(10),
    )
    .await
    .map(|profile| profile["email"].as_str().unwrap_or_default().to_owned())
    .map_err(|error| match error {
        menuskart_kit::rpc::RpcError::Reply(body) => body,
        other => panic!("no answer from auth: {other}"),
    })
}

fn bearer(token: &str) -> (&'static str, String) {
    (headers::AUTHORIZATION, format!("Bearer {token}"))
}

/// The claims of `user`'s real token, to sign again with other keys.
fn claims_of(app: &TestApp, user: &TestUser) -> AccessClaims {
    app.verified_token(user).into_claims()
}

#[tokio::test]
async fn a_named_user_or_role_without_a_token_is_nobody() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;

    // The user's real token works straight to the worker too (so the refusals below are
    // about the proof, not the route).
    assert_eq!(
        profile_over_nats(&app, &[bearer(&customer.access_token)]).await,
        Ok(customer.email.clone())
    );

    // The headers that once named the caller: the worker sees an anonymous request.
    let claimed = profile_over_nats(
        &app,
        &[
            ("mk-user-id", customer.id.clone()),
            ("mk-roles", "customer,admin".into()),
        ],
    )
    .await
    .unwrap_err();
    assert_eq!(claimed.code, ErrorCode::Unauthorized, "{claimed:?}");
}

#[tokio::test]
async fn a_forged_admin_role_beside_a_customers_token_is_forbidden() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let admin = app.admin().await;
    let edge = app.nats.client_as("edge").await;
    let mut forged = async_nats::HeaderMap::new();
    forged.insert(
        headers::AUTHORIZATION,
        format!("Bearer {}", customer.access_token).as_str(),
    );
    forged.insert("mk-user-id", admin.id.as_str());
    forged.insert("mk-roles", "admin");
    let refused = menuskart_kit::rpc::request_raw::<_, serde_json::Value>(
        &edge,
        auth::USERS_LIST.untyped(),
        forged,
        &json!({"page": 1, "per_page": 10}),
        std::time::Duration::from_secs(10),
    )
    .await
    .unwrap_err();
    match refused {
        menuskart_kit::rpc::RpcError::Reply(body) => {
            assert_eq!(body.code, ErrorCode::Forbidden, "{body:?}")
        }
        other => panic!("no answer from auth: {other}"),
    }

    // The admin's own token, the same way, is served.
    let listed = nats_request(
        &edge,
        auth::USERS_LIST,
        &app.caller(&admin),
        &json!({"page": 1, "per_page": 10}),
    )
    .await
    .expect("the admin lists users");
    assert_eq!(listed["total"], 2);
}

#[tokio::test]
async fn tokens_not_signed_by_the_auth_services_key_are_401_at_the_edge_and_at_the_worker() {
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let claims = claims_of(&app, &customer);

    // The old scheme: HS256 with a shared secret, whatever the secret.
    let mut hs256 = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    hs256.kid = Some(app.secrets.jwt.kid().to_owned());
    let old_secret = jsonwebtoken::encode(
        &hs256,
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(menuskart_e2e::random_secret().as_bytes()),
    )
    .unwrap();
    // Another Ed25519 key, once under the deployment's key id and once under its own.
    let impostor = TokenSigner::new(&SigningKey::generate(app.secrets.jwt.kid()).unwrap())
        .encode(&claims)
        .unwrap();
    let unknown_kid = TokenSigner::new(&SigningKey::generate("elsewhere").unwrap())
        .encode(&claims)
        .unwrap();
    // The deployment's own key, but expired.
    let mut expired_claims = claims.clone();
    expired_claims.iat -= 3600;
    expired_claims.exp = chrono::Utc::now().timestamp() - 10;
    let expired = TokenSigner::new(&app.secrets.jwt)
        .encode(&expired_claims)
        .unwrap();

    for (what, token) in [
        ("HS256", old_secret),
        ("another key, same kid", impostor),
        ("another key and kid", unknown_kid),
        ("expired", expired),
    ] {
        let at_edge = app.get("/users/me", Some(&token)).await;
        assert_error(at_edge, StatusCode::UNAUTHORIZED, "unauthorized").await;
        let at_worker = profile_over_nats(&app, &[bearer(&token)])
            .await
            .unwrap_err();
        assert_eq!(
            at_worker.code,
            ErrorCode::Unauthorized,
            "{what}: {at_worker:?}"
        );
    }

    // The same claims signed with the deployment's key pass both.
    let genuine = TokenSigner::new(&app.secrets.jwt).encode(&claims).unwrap();
    assert_eq!(
        app.get("/users/me", Some(&genuine)).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        profile_over_nats(&app, &[bearer(&genuine)]).await,
        Ok(customer.email.clone())
    );
}

#[tokio::test]
async fn a_tampered_or_missing_token_is_401_at_the_edge() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;

    let missing = app.get("/users/me", None).await;
    assert_error(missing, StatusCode::UNAUTHORIZED, "unauthorized").await;

    let mut tampered = user.access_token.clone().into_bytes();
    let at = tampered.len() - 5;
    tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    let response = app.get("/users/me", Some(&tampered)).await;
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthorized").await;

    // An expired token says so.
    let mut claims = claims_of(&app, &user);
    claims.iat -= 3600;
    claims.exp = chrono::Utc::now().timestamp() - 10;
    let expired = TokenSigner::new(&app.secrets.jwt).encode(&claims).unwrap();
    let response = app.get("/auth/validate-token", Some(&expired)).await;
    let body = assert_error(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

#[tokio::test]
async fn service_only_subjects_answer_the_services_granted_them() {
    // `profile_of` and `lookup` take any user or order id: NATS grants them to notify and
    // payments, never to the edge.
    let app = TestApp::spawn().await;
    let customer = app.customer().await;
    let notify = app.nats.client_as("notify").await;
    let profile = nats_request(
        &notify,
        auth::PROFILE_OF,
        &Caller::anonymous(),
        &json!({"user_id": customer.id}),
    )
    .await
    .expect("notify reads a recipient's profile");
    assert_eq!(profile["email"], customer.email.as_str());

    let (edge, mut watch) = app.nats.client_watching("edge").await;
    let asked = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        edge.request(
            auth::PROFILE_OF.subject,
            json!({"user_id": customer.id}).to_string().into(),
        ),
    )
    .await;
    assert!(
        !matches!(asked, Ok(Ok(_))),
        "the edge read a profile by id: {asked:?}"
    );
    let violation = tokio::time::timeout(std::time::Duration::from_secs(5), async {
        while let Some(error) = watch.recv().await {
            if error.contains("permissions violation for publish to \"mk.auth.profile_of\"") {
                return;
            }
        }
    })
    .await;
    assert!(violation.is_ok(), "the server did not refuse the edge");
}
