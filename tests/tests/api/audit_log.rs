//! The audit log: every price, stock, refund and role change, who made it, when, from what to
//! what; admins only; paged without losing or repeating an entry.

use menuskart_e2e::payments::pay;
use menuskart_e2e::{TestApp, TestUser, assert_error, json_of};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn audit(app: &TestApp, admin: &TestUser, query: &str) -> Value {
    let response = app
        .get(&format!("/audit{query}"), Some(&admin.access_token))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    json_of(response).await
}

fn items(page: &Value) -> &Vec<Value> {
    page["items"].as_array().unwrap()
}

/// The entries about `key == value`, newest first.
fn about<'a>(page: &'a Value, key: &str, value: &str) -> Vec<&'a Value> {
    items(page).iter().filter(|e| e[key] == value).collect()
}

async fn set_roles(
    app: &TestApp,
    admin: &TestUser,
    user_id: &str,
    roles: Value,
) -> reqwest::Response {
    app.call(
        Method::PUT,
        &format!("/users/{user_id}/roles"),
        Some(&admin.access_token),
        Some(json!({ "roles": roles })),
    )
    .await
}

/// A paid order of one unit of `product`, and its payment.
async fn paid_order(app: &TestApp, product: &str) -> Value {
    let user = app.customer().await;
    assert_eq!(
        app.add_to_cart(&user.access_token, product, 1)
            .await
            .status(),
        StatusCode::OK
    );
    let placed = app.place_order(&user.access_token, None).await;
    assert_eq!(placed.status(), StatusCode::CREATED);
    let order = json_of(placed).await;
    let paid = pay(app, &user.access_token, &order, "pm_card_ok", None).await;
    assert_eq!(paid.status(), StatusCode::OK);
    json_of(paid).await
}

#[tokio::test]
async fn price_stock_refund_and_role_changes_are_logged_with_who_and_what() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let name = format!("Audited noodles {}", uuid::Uuid::new_v4().simple());
    let product = app.stocked_product(&admin, &name, 500, "food", 10).await;

    // A new price, then the same price again: one entry.
    for price in [650, 650] {
        let patched = app
            .call(
                Method::PATCH,
                &format!("/products/{product}"),
                Some(&admin.access_token),
                Some(json!({ "price": price })),
            )
            .await;
        assert_eq!(patched.status(), StatusCode::OK);
    }
    // Stock set, adjusted, and set to what it is: two entries.
    app.set_stock(&admin, &product, 4).await;
    let adjusted = app
        .post(
            "/inventory/update",
            Some(&admin.access_token),
            json!({"product_id": product, "delta": 3}),
        )
        .await;
    assert_eq!(adjusted.status(), StatusCode::OK);
    app.set_stock(&admin, &product, 7).await;

    let payment = paid_order(&app, &product).await;
    let refunded = app
        .post(
            &format!(
                "/payments/{}/refund",
                payment["transaction_id"].as_str().unwrap()
            ),
            Some(&admin.access_token),
            json!({"amount": 100}),
        )
        .await;
    assert_eq!(refunded.status(), StatusCode::OK);

    let clerk = app.customer().await;
    let promoted = set_roles(&app, &admin, &clerk.id, json!(["admin"])).await;
    assert_eq!(promoted.status(), StatusCode::OK);
    assert_eq!(
        json_of(promoted).await["roles"],
        json!(["customer", "admin"])
    );

    let log = audit(&app, &admin, "").await;
    let admin_email = admin.email.as_str();

    let prices = about(&log, "product_id", &product)
        .into_iter()
        .filter(|e| e["action"] == "price_changed")
        .collect::<Vec<_>>();
    assert_eq!(prices.len(), 1, "{log:#}");
    assert_eq!(prices[0]["from"], 500);
    assert_eq!(prices[0]["to"], 650);
    assert_eq!(prices[0]["currency"], "EUR");
    assert_eq!(prices[0]["product_name"], name.as_str());
    assert_eq!(prices[0]["actor"], admin.id.as_str());
    assert_eq!(prices[0]["actor_email"], admin_email);

    let stock: Vec<(i64, i64)> = about(&log, "product_id", &product)
        .into_iter()
        .filter(|e| e["action"] == "stock_changed")
        .map(|e| {
            assert_eq!(e["actor_email"], admin_email);
            assert_eq!(e["product_name"], name.as_str());
            (e["from"].as_i64().unwrap(), e["to"].as_i64().unwrap())
        })
        .collect();
    // Newest first; the sale moved `available` through a reservation, not an admin: not here.
    assert_eq!(stock, vec![(4, 7), (10, 4), (0, 10)]);

    let refunds = about(
        &log,
        "transaction_id",
        payment["transaction_id"].as_str().unwrap(),
    );
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0]["action"], "refunded");
    assert_eq!(refunds[0]["amount"], 100);
    assert_eq!(refunds[0]["order_id"], payment["order_id"]);
    assert_eq!(refunds[0]["actor_email"], admin_email);
    assert_eq!(refunds[0]["reason"], "refunded by an admin");

    let roles = about(&log, "user_id", &clerk.id);
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0]["action"], "roles_changed");
    assert_eq!(roles[0]["email"], clerk.email.as_str());
    assert_eq!(roles[0]["from"], json!(["customer"]));
    assert_eq!(roles[0]["to"], json!(["customer", "admin"]));
    assert_eq!(roles[0]["actor_email"], admin_email);

    // The first admin was made by the platform (MK_ADMIN_EMAIL), not by a person.
    let first = about(&log, "user_id", &admin.id);
    assert_eq!(first.len(), 1, "{log:#}");
    assert_eq!(first[0]["actor"], Value::Null);
    assert_eq!(first[0]["to"], json!(["customer", "admin"]));

    // Newest first, across services.
    let times: Vec<&str> = items(&log)
        .iter()
        .map(|e| e["at"].as_str().unwrap())
        .collect();
    let parsed: Vec<chrono::DateTime<chrono::Utc>> =
        times.iter().map(|t| t.parse().unwrap()).collect();
    assert!(parsed.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert_eq!(items(&log)[0]["action"], "roles_changed");

    // One kind only.
    let only = audit(&app, &admin, "?action=refunded").await;
    assert!(!items(&only).is_empty());
    assert!(items(&only).iter().all(|e| e["action"] == "refunded"));
}

#[tokio::test]
async fn pages_walk_the_whole_log_once() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let product = app
        .stocked_product(&admin, "Paged soup", 500, "food", 1)
        .await;
    for units in 2..=6 {
        app.set_stock(&admin, &product, units).await;
    }
    for price in [510, 520, 530] {
        let patched = app
            .call(
                Method::PATCH,
                &format!("/products/{product}"),
                Some(&admin.access_token),
                Some(json!({ "price": price })),
            )
            .await;
        assert_eq!(patched.status(), StatusCode::OK);
    }
    let whole = audit(&app, &admin, "?limit=200").await;
    let everything: Vec<String> = items(&whole)
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    // The first admin, 6 stock changes, 3 prices.
    assert_eq!(everything.len(), 10, "{whole:#}");
    assert_eq!(whole["next"], Value::Null);

    for limit in [1, 3, 4] {
        let mut seen = Vec::new();
        let mut query = format!("?limit={limit}");
        loop {
            let page = audit(&app, &admin, &query).await;
            assert!(items(&page).len() <= limit);
            seen.extend(
                items(&page)
                    .iter()
                    .map(|e| e["id"].as_str().unwrap().to_owned()),
            );
            match page["next"].as_str() {
                Some(next) => query = format!("?limit={limit}&cursor={}", urlencode(next)),
                None => break,
            }
            assert!(seen.len() <= everything.len(), "pages never end");
        }
        assert_eq!(seen, everything, "limit {limit}");
    }

    assert_error(
        app.get("/audit?cursor=nonsense", Some(&admin.access_token))
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        app.get("/audit?limit=0", Some(&admin.access_token)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        app.get(
            "/audit?cursor=inventory:1-0%20%2B",
            Some(&admin.access_token),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
}

fn urlencode(raw: &str) -> String {
    raw.replace('%', "%25")
        .replace(',', "%2C")
        .replace(':', "%3A")
        .replace('+', "%2B")
}

#[tokio::test]
async fn only_admins_read_the_log_and_set_roles_and_nobody_unmakes_themselves() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let customer = app.customer().await;

    for path in ["/audit", "/audit?action=stock_changed"] {
        assert_error(
            app.get(path, Some(&customer.access_token)).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    assert_error(
        app.get("/audit", None).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_error(
        set_roles(&app, &customer, &customer.id, json!(["admin"])).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        set_roles(&app, &admin, &admin.id, json!([])).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    assert_error(
        set_roles(&app, &admin, &customer.id, json!(["owner"])).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        set_roles(
            &app,
            &admin,
            &uuid::Uuid::now_v7().to_string(),
            json!(["admin"]),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    // A second admin, then demoted: their sessions end, so no refresh hands them an admin
    // token again.
    assert_eq!(
        set_roles(&app, &admin, &customer.id, json!(["customer", "admin"]))
            .await
            .status(),
        StatusCode::OK
    );
    let relogged = json_of(app.login(&customer.email, &customer.password).await).await;
    let refresh = relogged["refresh_token"].as_str().unwrap().to_owned();
    let second_token = relogged["access_token"].as_str().unwrap();
    assert_eq!(
        app.get("/audit", Some(second_token)).await.status(),
        StatusCode::OK
    );
    let demoted = set_roles(&app, &admin, &customer.id, json!(["customer"])).await;
    assert_eq!(demoted.status(), StatusCode::OK);
    assert_eq!(json_of(demoted).await["roles"], json!(["customer"]));
    let refreshed = app
        .post("/auth/refresh", None, json!({ "refresh_token": refresh }))
        .await;
    assert_eq!(refreshed.status(), StatusCode::UNAUTHORIZED);

    let log = audit(&app, &admin, "?action=roles_changed").await;
    let changes: Vec<(&Value, &Value)> = about(&log, "user_id", &customer.id)
        .into_iter()
        .map(|e| (&e["from"], &e["to"]))
        .collect();
    assert_eq!(
        changes,
        vec![
            (&json!(["customer", "admin"]), &json!(["customer"])),
            (&json!(["customer"]), &json!(["customer", "admin"])),
        ]
    );
}

/// A customer made admin, logged in as such: their id and access token.
async fn second_admin(app: &TestApp, admin: &TestUser) -> (String, String) {
    let clerk = app.customer().await;
    let promoted = set_roles(app, admin, &clerk.id, json!(["admin"])).await;
    assert_eq!(promoted.status(), StatusCode::OK);
    let tokens = json_of(app.login(&clerk.email, &clerk.password).await).await;
    (
        clerk.id,
        tokens["access_token"].as_str().unwrap().to_owned(),
    )
}

/// Whether the account is an admin now, as the account list says.
async fn is_admin(app: &TestApp, admin_token: &str, email: &str) -> bool {
    let page = json_of(
        app.get(
            &format!("/users?email={}", urlencode(email)),
            Some(admin_token),
        )
        .await,
    )
    .await;
    page["items"][0]["roles"]
        .as_array()
        .expect("the account is listed")
        .iter()
        .any(|r| r == "admin")
}

#[tokio::test]
async fn a_demoted_admins_token_changes_no_roles() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (clerk, clerk_token) = second_admin(&app, &admin).await;
    assert_eq!(
        set_roles(&app, &admin, &clerk, json!(["customer"]))
            .await
            .status(),
        StatusCode::OK
    );
    // The clerk's access token still says admin until it expires: the roles as stored decide.
    let with_old_token = |user_id: String, roles: Value| {
        let token = clerk_token.clone();
        let app = &app;
        async move {
            app.call(
                Method::PUT,
                &format!("/users/{user_id}/roles"),
                Some(&token),
                Some(json!({ "roles": roles })),
            )
            .await
        }
    };
    assert_error(
        with_old_token(clerk.clone(), json!(["admin"])).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        with_old_token(admin.id.clone(), json!(["customer"])).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert!(is_admin(&app, &admin.access_token, &admin.email).await);
    let log = audit(&app, &admin, "?action=roles_changed").await;
    assert_eq!(
        about(&log, "user_id", &clerk).len(),
        2,
        "promoted and demoted, nothing else"
    );
}

#[tokio::test]
async fn two_admins_demoting_each_other_at_once_leave_one() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (clerk, clerk_token) = second_admin(&app, &admin).await;
    let demote = |token: String, user_id: String| {
        let app = &app;
        async move {
            app.call(
                Method::PUT,
                &format!("/users/{user_id}/roles"),
                Some(&token),
                Some(json!({"roles": ["customer"]})),
            )
            .await
            .status()
        }
    };
    let (first, second) = tokio::join!(
        demote(admin.access_token.clone(), clerk.clone()),
        demote(clerk_token.clone(), admin.id.clone()),
    );
    let mut statuses = [first, second];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::FORBIDDEN]);
    let admin_left = if first == StatusCode::OK {
        admin.access_token.clone()
    } else {
        clerk_token.clone()
    };
    let clerk_email = json_of(app.get("/users/me", Some(&clerk_token)).await).await["email"]
        .as_str()
        .unwrap()
        .to_owned();
    let admins = [
        is_admin(&app, &admin_left, &admin.email).await,
        is_admin(&app, &admin_left, &clerk_email).await,
    ];
    assert_eq!(admins.iter().filter(|a| **a).count(), 1, "{admins:?}");
}

#[tokio::test]
async fn delivery_terms_are_logged_from_creation_on() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let created = app
        .post(
            "/delivery-methods",
            Some(&admin.access_token),
            json!({"name": "Courier", "price": 490, "free_above": 5000}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let method = json_of(created).await;
    let path = format!("/delivery-methods/{}", method["id"].as_str().unwrap());
    for change in [
        json!({"price": 590}),
        // Neither the price, the threshold nor the offering: not an entry.
        json!({"description": "Next day"}),
        json!({"active": false, "free_above": null}),
    ] {
        let changed = app
            .call(
                Method::PATCH,
                &path,
                Some(&admin.access_token),
                Some(change),
            )
            .await;
        assert_eq!(changed.status(), StatusCode::OK);
    }
    let log = audit(&app, &admin, "?action=delivery_changed").await;
    let terms: Vec<(Value, Value)> = items(&log)
        .iter()
        .map(|e| {
            assert_eq!(e["name"], "Courier");
            assert_eq!(e["method_id"], method["id"]);
            assert_eq!(e["actor_email"], admin.email.as_str());
            (e["from"].clone(), e["to"].clone())
        })
        .collect();
    let t = |price: i64, free: Value, active: bool| json!({"price": price, "free_above": free, "active": active});
    assert_eq!(
        terms,
        vec![
            (t(590, json!(5000), true), t(590, Value::Null, false)),
            (t(490, json!(5000), true), t(590, json!(5000), true)),
            (Value::Null, t(490, json!(5000), true)),
        ]
    );
}
