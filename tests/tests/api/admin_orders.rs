//! Order numbers, the admin's order list and an order's payments.

use menuskart_e2e::{TestApp, TestUser, assert_error, json_of};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A new customer's placed order (one unit of a fresh product).
async fn placed(app: &TestApp, admin: &TestUser) -> (TestUser, Value) {
    let (user, _) = app.customer_with_cart(admin, 1).await;
    let response = app.place_order(&user.access_token, None).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    (user, json_of(response).await)
}

async fn pay(app: &TestApp, user: &TestUser, order: &Value, method: &str) -> reqwest::Response {
    app.http
        .post(app.url("/payments"))
        .bearer_auth(&user.access_token)
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .json(&json!({"order_id": order["id"], "payment_method": method}))
        .send()
        .await
        .unwrap()
}

fn numbers(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|order| order["number"].as_str().unwrap())
        .collect()
}

async fn admin_list(app: &TestApp, admin: &TestUser, query: &str) -> Value {
    let response = app
        .get(&format!("/orders{query}"), Some(&admin.access_token))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    json_of(response).await
}

#[tokio::test]
async fn every_order_has_a_short_number_of_its_own() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, first) = placed(&app, &admin).await;
    let (_, second) = placed(&app, &admin).await;
    let number = |order: &Value| order["number"].as_str().unwrap().to_owned();
    for order in [&first, &second] {
        let n = number(order);
        let digits = n.strip_prefix("MK-").expect("MK- prefix");
        assert!(
            digits.len() >= 5 && digits.bytes().all(|b| b.is_ascii_digit()),
            "{n}"
        );
    }
    assert_ne!(number(&first), number(&second));
    // The customer's address when placing, for the shop owner's eyes.
    assert_eq!(first["customer_email"], user.email.as_str());
    let read = json_of(
        app.get(
            &format!("/orders/{}", first["id"].as_str().unwrap()),
            Some(&user.access_token),
        )
        .await,
    )
    .await;
    assert_eq!(read["number"], first["number"]);
}

#[tokio::test]
async fn the_admin_lists_every_order_newest_first_by_number_email_and_status() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (ada, adas) = placed(&app, &admin).await;
    let (bob, bobs) = placed(&app, &admin).await;
    let paid = pay(&app, &ada, &adas, "pm_card_ok").await;
    assert_eq!(paid.status(), StatusCode::OK);
    let path = format!("/orders/{}", adas["id"].as_str().unwrap());
    app.eventually(&path, Some(&ada.access_token), |o| o["status"] == "paid")
        .await;

    let all = admin_list(&app, &admin, "").await;
    assert_eq!(all["total"], 2);
    assert_eq!(
        numbers(&all),
        [
            bobs["number"].as_str().unwrap(),
            adas["number"].as_str().unwrap()
        ]
    );

    let by_number = admin_list(
        &app,
        &admin,
        &format!("?q={}", adas["number"].as_str().unwrap()),
    )
    .await;
    assert_eq!(numbers(&by_number), [adas["number"].as_str().unwrap()]);
    // Part of the email, in another case, finds that customer's orders only.
    let local = bob.email.split('@').next().unwrap().to_uppercase();
    let by_email = admin_list(&app, &admin, &format!("?q={local}")).await;
    assert_eq!(numbers(&by_email), [bobs["number"].as_str().unwrap()]);
    let nobody = admin_list(&app, &admin, "?q=nobody-at-all%40example.com").await;
    assert_eq!(nobody["total"], 0);

    let paid_only = admin_list(&app, &admin, "?status=paid").await;
    assert_eq!(numbers(&paid_only), [adas["number"].as_str().unwrap()]);
    let unpaid = admin_list(&app, &admin, "?status=pending_payment&per_page=1").await;
    assert_eq!(unpaid["total"], 1);
    assert_eq!(numbers(&unpaid), [bobs["number"].as_str().unwrap()]);

    for query in ["?page=0", "?per_page=101"] {
        let response = app
            .get(&format!("/orders{query}"), Some(&admin.access_token))
            .await;
        assert_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
    }
    // Values the query string cannot hold are the edge's 400 for a bad query.
    for query in ["?status=lost", "?page=99999999999"] {
        let response = app
            .get(&format!("/orders{query}"), Some(&admin.access_token))
            .await;
        assert_error(response, StatusCode::BAD_REQUEST, "bad_request").await;
    }
    let refused = app.get("/orders", Some(&ada.access_token)).await;
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

#[tokio::test]
async fn an_orders_payments_declined_attempts_too_are_listed_for_its_owner_and_admins() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (user, order) = placed(&app, &admin).await;
    assert_eq!(
        pay(&app, &user, &order, "pm_card_declined").await.status(),
        StatusCode::PAYMENT_REQUIRED
    );
    assert_eq!(
        pay(&app, &user, &order, "pm_card_ok").await.status(),
        StatusCode::OK
    );
    let path = format!("/orders/{}/payments", order["id"].as_str().unwrap());
    for reader in [&user, &admin] {
        let list = json_of(app.get(&path, Some(&reader.access_token)).await).await;
        let statuses: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["succeeded", "failed"], "{list}");
        assert_eq!(list["items"][1]["failure_reason"], "card_declined");
    }
    let stranger = app.customer().await;
    let none = json_of(app.get(&path, Some(&stranger.access_token)).await).await;
    assert_eq!(none["items"], json!([]));
    let anonymous = app.get(&path, None).await;
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

/// The shop's calendar day of an order's placement (the tests run the shop in UTC).
fn day_of(order: &Value) -> String {
    order["created_at"].as_str().unwrap()[..10].to_owned()
}

#[tokio::test]
async fn the_admin_finds_orders_by_customer_name_and_day() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    let (grace, _) = app.customer_with_cart(&admin, 1).await;
    app.patch_me(&grace.access_token, json!({"name": "Grace Hopper"}))
        .await;
    let graces = json_of(app.place_order(&grace.access_token, None).await).await;
    let (_, others) = placed(&app, &admin).await;
    assert_eq!(graces["customer_name"], "Grace Hopper");

    // The account's name, any part, any case; and the delivery address's name too.
    let by_name = admin_list(&app, &admin, "?q=hOPPER").await;
    assert_eq!(numbers(&by_name), [graces["number"].as_str().unwrap()]);
    let by_recipient = admin_list(&app, &admin, "?q=lovelace").await;
    assert_eq!(by_recipient["total"], 2, "both delivered to Ada Lovelace");
    // `%` and `_` are letters to look for, not wildcards.
    let wildcard = admin_list(&app, &admin, "?q=%25").await;
    assert_eq!(wildcard["total"], 0);

    let today = day_of(&graces);
    let on_the_day = admin_list(&app, &admin, &format!("?from={today}&to={today}")).await;
    assert_eq!(on_the_day["total"], 2);
    let named_on_the_day = admin_list(&app, &admin, &format!("?q=grace&from={today}")).await;
    assert_eq!(
        numbers(&named_on_the_day),
        [graces["number"].as_str().unwrap()]
    );
    let tomorrow = (chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap()
        + chrono::Days::new(1))
    .to_string();
    let yesterday = (chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap()
        - chrono::Days::new(1))
    .to_string();
    assert_eq!(
        admin_list(&app, &admin, &format!("?from={tomorrow}")).await["total"],
        0
    );
    assert_eq!(
        admin_list(&app, &admin, &format!("?to={yesterday}")).await["total"],
        0
    );
    assert_eq!(day_of(&others), today);

    let backwards = app
        .get(
            &format!("/orders?from={today}&to={yesterday}"),
            Some(&admin.access_token),
        )
        .await;
    assert_error(
        backwards,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let not_a_day = app
        .get("/orders?from=07.12.2026", Some(&admin.access_token))
        .await;
    assert_error(not_a_day, StatusCode::BAD_REQUEST, "bad_request").await;
}

async fn export(app: &TestApp, token: &str, query: &str) -> reqwest::Response {
    app.get(&format!("/orders/export{query}"), Some(token))
        .await
}

/// The CSV's rows (header first), parsed by a CSV reader as a spreadsheet would.
async fn csv_rows(response: reqwest::Response) -> Vec<Vec<String>> {
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let text = response.text().await.unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_admin_exports_the_orders_a_filter_matches_as_csv() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    // A name a spreadsheet would run as a formula, with a comma and a quote in it.
    let (mallory, _) = app.customer_with_cart(&admin, 3).await;
    app.patch_me(
        &mallory.access_token,
        json!({"name": "=HYPERLINK(\"http://evil.example\", \"x\");=1+1"}),
    )
    .await;
    let hers = json_of(app.place_order(&mallory.access_token, None).await).await;
    let (ada, adas) = placed(&app, &admin).await;
    assert_eq!(
        pay(&app, &ada, &adas, "pm_card_ok").await.status(),
        StatusCode::OK
    );
    let path = format!("/orders/{}", adas["id"].as_str().unwrap());
    app.eventually(&path, Some(&ada.access_token), |o| o["status"] == "paid")
        .await;

    let rows = csv_rows(export(&app, &admin.access_token, "").await).await;
    assert_eq!(
        rows[0],
        [
            "number",
            "placed_at",
            "status",
            "customer_email",
            "customer_name",
            "city",
            "country",
            "items",
            "currency",
            "prices_include_tax",
            "subtotal",
            "delivery",
            "tax",
            "total"
        ]
    );
    assert_eq!(rows.len(), 3, "a header and two orders: {rows:?}");
    // Newest first, as the list.
    assert_eq!(rows[1][0], adas["number"].as_str().unwrap());
    assert_eq!(rows[1][2], "paid");
    assert_eq!(rows[1][3], ada.email);
    assert_eq!(rows[2][0], hers["number"].as_str().unwrap());
    assert_eq!(rows[2][2], "pending_payment");
    // Also after a `;`, where a spreadsheet in a `;` locale would split the cell.
    assert_eq!(
        rows[2][4],
        "'=HYPERLINK(\"http://evil.example\", \"x\");'=1+1"
    );
    assert_eq!(rows[2][5..8], ["London", "GB", "3"]);
    // Decimal amounts, the same money as the order's minor units.
    let decimal = |minor: &Value| format!("{:.2}", minor.as_i64().unwrap() as f64 / 100.0);
    assert_eq!(rows[2][8], "EUR");
    assert_eq!(
        rows[2][10..14],
        [
            decimal(&hers["subtotal"]),
            decimal(&hers["delivery"]),
            decimal(&hers["tax"]),
            decimal(&hers["total"])
        ]
    );

    // The list's filters.
    let paid = csv_rows(export(&app, &admin.access_token, "?status=paid").await).await;
    assert_eq!(paid.len(), 2);
    assert_eq!(paid[1][0], adas["number"].as_str().unwrap());
    let tomorrow = (chrono::NaiveDate::parse_from_str(&day_of(&adas), "%Y-%m-%d").unwrap()
        + chrono::Days::new(1))
    .to_string();
    let none =
        csv_rows(export(&app, &admin.access_token, &format!("?from={tomorrow}")).await).await;
    assert_eq!(none.len(), 1, "the header alone");

    let refused = export(&app, &ada.access_token, "").await;
    assert_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
    let anonymous = app.get("/orders/export", None).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

/// More orders than one export page: the edge streams page after page, each order once.
#[tokio::test]
async fn an_export_longer_than_a_page_has_every_order_once() {
    let app = TestApp::spawn_shop().await;
    let admin = app.admin().await;
    // Orders are written straight into the order database: placing 300 through the API
    // would take minutes and test nothing more.
    let mut conn = app.orders_db.as_ref().unwrap().connect().await;
    let inserted: i64 = sqlx::query_scalar(
        "WITH made AS (
           INSERT INTO orders (id, user_id, customer_email, customer_name, status, currency,
                               subtotal, tax, total, shipping_address, expires_at, created_at)
           SELECT gen_random_uuid(), gen_random_uuid(), 'bulk' || n || '@example.com', 'Bulk',
                  'paid', 'EUR', 1000, 190, 1190, '{}'::jsonb, now(),
                  now() - make_interval(secs => n % 7)
           FROM generate_series(1, 300) AS n RETURNING 1)
         SELECT count(*) FROM made",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(inserted, 300);

    let rows = csv_rows(export(&app, &admin.access_token, "?q=bulk").await).await;
    assert_eq!(rows.len(), 301);
    let mut emails: Vec<&str> = rows[1..].iter().map(|row| row[3].as_str()).collect();
    emails.sort_unstable();
    emails.dedup();
    assert_eq!(emails.len(), 300, "every order once");
    let placed: Vec<&str> = rows[1..].iter().map(|row| row[1].as_str()).collect();
    assert!(placed.windows(2).all(|w| w[0] >= w[1]), "newest first");
}
