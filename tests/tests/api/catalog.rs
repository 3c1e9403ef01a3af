use menuskart_e2e::{TestApp, TestUser, assert_error, json_of};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn category(app: &TestApp, admin: &TestUser, slug: &str, name: &str, parent: Option<&str>) {
    let response = app
        .post(
            "/categories",
            Some(&admin.access_token),
            json!({"slug": slug, "name": name, "parent": parent}),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "{}",
        response.text().await.unwrap()
    );
}

async fn product(app: &TestApp, admin: &TestUser, body: Value) -> Value {
    let response = app.post("/products", Some(&admin.access_token), body).await;
    let status = response.status();
    let body = json_of(response).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

/// A small shop: food (curries, noodles) and groceries (spices).
async fn fixture(app: &TestApp, admin: &TestUser) {
    category(app, admin, "food", "Food", None).await;
    category(app, admin, "curries", "Curries", Some("food")).await;
    category(app, admin, "noodles", "Noodles", Some("food")).await;
    category(app, admin, "groceries", "Groceries", None).await;
    category(app, admin, "spices", "Spices", Some("groceries")).await;
    for (name, description, price, category, spice) in [
        (
            "Green Curry",
            "Thai green curry with coconut milk, basil and chicken",
            1250,
            "curries",
            "hot",
        ),
        (
            "Red Curry",
            "Thai red curry with coconut milk and duck",
            1390,
            "curries",
            "hot",
        ),
        (
            "Chicken Tikka Masala",
            "Creamy tomato curry with grilled chicken",
            1490,
            "curries",
            "mild",
        ),
        (
            "Pad Thai",
            "Rice noodles with tamarind, peanuts and shrimp",
            1150,
            "noodles",
            "mild",
        ),
        (
            "Dan Dan Noodles",
            "Wheat noodles with chili oil and minced pork",
            1090,
            "noodles",
            "hot",
        ),
        (
            "Curry Powder",
            "Madras curry powder, 100 g",
            450,
            "spices",
            "medium",
        ),
        (
            "Chili Flakes",
            "Crushed red chili, 50 g",
            320,
            "spices",
            "hot",
        ),
    ] {
        product(
            app,
            admin,
            json!({
                "name": name, "description": description, "price": price, "currency": "EUR",
                "category": category, "attributes": {"spice": spice},
            }),
        )
        .await;
    }
}

fn names(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn an_admin_creates_reads_updates_and_deletes_a_product() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    category(&app, &admin, "curries", "Curries", None).await;
    let created = product(&app, &admin, json!({
        "name": "Massaman Curry", "description": "Peanuts and potatoes", "price": 1350,
        "currency": "eur", "category": "curries", "brand": "Bangkok Kitchen",
        "attributes": {"spice": "mild", "allergens": ["peanuts"]}, "images": ["https://img.example.com/m.jpg"],
    }))
    .await;
    assert_eq!(created["slug"], "massaman-curry");
    assert_eq!(created["currency"], "EUR");
    assert_eq!(created["rating"], Value::Null);
    let id = created["id"].as_str().unwrap().to_owned();

    for key in [id.as_str(), "massaman-curry"] {
        let details = json_of(app.get(&format!("/products/{key}"), None).await).await;
        assert_eq!(details["id"], id.as_str());
        assert_eq!(
            details["stock"],
            json!({"product_id": id, "available": 0, "reserved": 0})
        );
    }

    let patched = app
        .call(
            Method::PATCH,
            &format!("/products/{id}"),
            Some(&admin.access_token),
            Some(json!({"price": 1290})),
        )
        .await;
    assert_eq!(json_of(patched).await["price"], 1290);
    assert_eq!(
        json_of(app.get(&format!("/products/{id}"), None).await).await["price"],
        1290
    );

    let replaced = app
        .call(
            Method::PUT,
            &format!("/products/{id}"),
            Some(&admin.access_token),
            Some(json!({
            "name": "Massaman Curry (Large)", "slug": "massaman-curry", "price": 1690,
            "currency": "EUR", "category": "curries"})),
        )
        .await;
    let replaced = json_of(replaced).await;
    assert_eq!(replaced["name"], "Massaman Curry (Large)");
    assert_eq!(
        replaced["brand"],
        Value::Null,
        "PUT replaces the whole product"
    );

    let deleted = app
        .call(
            Method::DELETE,
            &format!("/products/{id}"),
            Some(&admin.access_token),
            None,
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_error(
        app.get(&format!("/products/{id}"), None).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn customers_cannot_change_the_catalog_and_bad_products_are_422() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let customer = app.customer().await;
    category(&app, &admin, "curries", "Curries", None).await;
    let good = json!({"name": "X", "price": 100, "currency": "EUR", "category": "curries"});
    assert_error(
        app.post("/products", Some(&customer.access_token), good.clone())
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.post("/products", None, good.clone()).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_error(
        app.post(
            "/categories",
            Some(&customer.access_token),
            json!({"slug": "x", "name": "X"}),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    for (field, bad) in [
        (
            "price",
            json!({"name": "X", "price": -1, "currency": "EUR", "category": "curries"}),
        ),
        (
            "name",
            json!({"name": "  ", "price": 100, "currency": "EUR", "category": "curries"}),
        ),
        (
            "currency",
            json!({"name": "X", "price": 100, "currency": "DOUBLOON", "category": "curries"}),
        ),
        // A currency we know, but not the shop's (MK_SHOP_CURRENCY): one shop, one currency.
        (
            "currency",
            json!({"name": "X", "price": 100, "currency": "USD", "category": "curries"}),
        ),
        (
            "category",
            json!({"name": "X", "price": 100, "currency": "EUR", "category": "desserts"}),
        ),
    ] {
        let response = app.post("/products", Some(&admin.access_token), bad).await;
        let body = assert_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        )
        .await;
        assert_eq!(body["error"]["details"]["field"], field);
    }
    product(&app, &admin, good.clone()).await;
    let duplicate = app.post("/products", Some(&admin.access_token), good).await;
    assert_error(duplicate, StatusCode::CONFLICT, "conflict").await;
}

#[tokio::test]
async fn listings_filter_by_category_tree_price_and_attributes_with_totals() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    fixture(&app, &admin).await;

    let food = json_of(
        app.get("/products?category=food&sort=price_asc&per_page=3", None)
            .await,
    )
    .await;
    assert_eq!(food["total"], 5, "sub-categories are included");
    assert_eq!(names(&food), ["Dan Dan Noodles", "Pad Thai", "Green Curry"]);
    let second = json_of(
        app.get(
            "/products?category=food&sort=price_asc&per_page=3&page=2",
            None,
        )
        .await,
    )
    .await;
    assert_eq!(names(&second), ["Red Curry", "Chicken Tikka Masala"]);

    let cheap_hot = json_of(
        app.get(
            "/products?max_price=1200&attr.spice=hot&sort=price_desc",
            None,
        )
        .await,
    )
    .await;
    assert_eq!(names(&cheap_hot), ["Dan Dan Noodles", "Chili Flakes"]);

    let tree = json_of(app.get("/categories", None).await).await;
    let food = tree
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["slug"] == "food")
        .unwrap();
    let children: Vec<&str> = food["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(children, ["curries", "noodles"]);

    assert_error(
        app.get("/products?page=0", None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        app.get("/products?min_price=abc", None).await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}

#[tokio::test]
async fn search_ranks_the_best_matches_first() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    fixture(&app, &admin).await;

    let top = |page: &Value| page["items"][0]["name"].as_str().unwrap().to_owned();
    let curry = json_of(app.get("/products/search?query=green%20curry", None).await).await;
    assert_eq!(
        top(&curry),
        "Green Curry",
        "matching both words beats matching one"
    );
    assert!(
        curry["items"][0]["score"].as_f64().unwrap() > curry["items"][1]["score"].as_f64().unwrap()
    );

    let noodles = json_of(app.get("/products/search?query=noodles", None).await).await;
    let mut found = names(&noodles);
    found.sort_unstable();
    assert_eq!(
        found,
        ["Dan Dan Noodles", "Pad Thai"],
        "name and description both count"
    );
    assert_eq!(
        top(&noodles),
        "Dan Dan Noodles",
        "a hit in the name ranks above the description"
    );

    let stemmed = json_of(app.get("/products/search?query=curries", None).await).await;
    assert!(
        names(&stemmed).contains(&"Red Curry"),
        "stemming: curries finds curry"
    );

    let prefix = json_of(app.get("/products/search?query=tikk", None).await).await;
    assert_eq!(
        top(&prefix),
        "Chicken Tikka Masala",
        "a prefix finds the word being typed"
    );

    let filtered = json_of(
        app.get("/products/search?query=curry&category=spices", None)
            .await,
    )
    .await;
    assert_eq!(names(&filtered), ["Curry Powder"]);
    let paged = json_of(
        app.get("/products/search?query=curry&per_page=1&page=2", None)
            .await,
    )
    .await;
    assert_eq!(paged["items"].as_array().unwrap().len(), 1);
    assert!(paged["total"].as_i64().unwrap() >= 3);

    assert_error(
        app.get("/products/search?query=", None).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let long = "curry ".repeat(50);
    assert_error(
        app.get(&format!("/products/search?query={long}"), None)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let nothing = json_of(app.get("/products/search?query=zzzzqqq", None).await).await;
    assert_eq!(nothing["total"], 0);
}

#[tokio::test]
async fn reads_are_cached_and_a_write_is_seen_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    fixture(&app, &admin).await;
    let client = app.nats.client_as("ops").await;
    let hits = || async {
        let stats = menuskart_kit::service_api::discover(
            &client,
            menuskart_kit::service_api::Verb::Stats,
            Some("catalog"),
            std::time::Duration::from_millis(300),
        )
        .await
        .unwrap();
        let data = &stats[0]["endpoints"][0]["data"];
        (
            data["cache_hits"].as_u64().unwrap(),
            data["cache_misses"].as_u64().unwrap(),
        )
    };

    let first = json_of(app.get("/products/green-curry", None).await).await;
    let (hits_before, misses_before) = hits().await;
    let second = json_of(app.get("/products/green-curry", None).await).await;
    let (hits_after, misses_after) = hits().await;
    assert_eq!(first["price"], second["price"]);
    // The product and its category's tax rates: both from the cache, nothing from the store.
    assert_eq!(
        (hits_after, misses_after),
        (hits_before + 2, misses_before),
        "the second read is all cache hits"
    );

    app.call(
        Method::PATCH,
        "/products/green-curry",
        Some(&admin.access_token),
        Some(json!({"price": 999})),
    )
    .await;
    assert_eq!(
        json_of(app.get("/products/green-curry", None).await).await["price"],
        999
    );
    let listed = json_of(
        app.get("/products?category=curries&sort=price_asc", None)
            .await,
    )
    .await;
    assert_eq!(
        listed["items"][0]["price"], 999,
        "listings are not stale either"
    );
}

#[tokio::test]
async fn in_stock_follows_the_inventory() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    fixture(&app, &admin).await;
    let pad_thai = json_of(app.get("/products/pad-thai", None).await).await;
    let id = pad_thai["id"].as_str().unwrap().to_owned();
    assert_eq!(pad_thai["stock"]["available"], 0);
    let in_stock = "/products?in_stock=true";
    assert_eq!(json_of(app.get(in_stock, None).await).await["total"], 0);
    // A first page of a listing is cached, with what it shows of stock.
    let everything = "/products?per_page=50";
    let available_in = |page: &Value| {
        page["items"]
            .as_array()
            .and_then(|items| items.iter().find(|p| p["slug"] == "pad-thai"))
            .map(|p| p["available"].clone())
    };
    let cached = json_of(app.get(everything, None).await).await;
    assert_eq!(available_in(&cached), Some(json!(0)));

    app.post(
        "/inventory/update",
        Some(&admin.access_token),
        json!({"product_id": id, "set": 2}),
    )
    .await;
    let listed = app
        .eventually(in_stock, None, |page| {
            page["total"] == 1 && page["items"].as_array().is_some_and(|i| i.len() == 1)
        })
        .await;
    assert_eq!(names(&listed), ["Pad Thai"]);
    assert_eq!(
        json_of(app.get("/products/pad-thai", None).await).await["stock"]["available"],
        2
    );
    // The cached listing shows it too ("only 2 left"): the change emptied the cache.
    app.eventually(everything, None, |page| {
        available_in(page) == Some(json!(2))
    })
    .await;

    // Both units reserved by an order: out of stock.
    let client = app.nats.client_as("orders").await;
    menuskart_e2e::nats_request(
        &client,
        menuskart_schemas::subjects::inventory::RESERVE,
        &menuskart_kit::Caller::anonymous(),
        &json!({"order_id": uuid::Uuid::new_v4(), "lines": [{"product_id": id, "quantity": 2}]}),
    )
    .await
    .unwrap();
    app.eventually(in_stock, None, |page| page["total"] == 0)
        .await;
    app.eventually(everything, None, |page| {
        available_in(page) == Some(json!(0))
    })
    .await;
}

#[tokio::test]
async fn reviews_rate_a_product_once_per_user_and_show_its_average() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    fixture(&app, &admin).await;
    let (ada, bob) = (app.customer().await, app.customer().await);

    let review = |user: &TestUser, body: Value| {
        let token = user.access_token.clone();
        let app = &app;
        async move {
            app.post("/products/pad-thai/reviews", Some(&token), body)
                .await
        }
    };
    let first = review(
        &ada,
        json!({"rating": 5, "text": "Perfect tamarind balance"}),
    )
    .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first = json_of(first).await;
    assert_eq!(first["user_id"], ada.id.as_str());
    // Named by the account's first name and last initial ("Test Customer").
    assert_eq!(first["author"], "Test C.");
    assert_eq!(
        review(&bob, json!({"rating": 2, "text": "Too sweet"}))
            .await
            .status(),
        StatusCode::CREATED
    );

    assert_error(
        review(&ada, json!({"rating": 4})).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    assert_error(
        review(&bob, json!({"rating": 6})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_error(
        app.post("/products/pad-thai/reviews", None, json!({"rating": 3}))
            .await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    assert_error(
        app.post(
            "/products/no-such-dish/reviews",
            Some(&ada.access_token),
            json!({"rating": 3}),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let product = json_of(app.get("/products/pad-thai", None).await).await;
    assert_eq!(product["rating"], 3.5);
    assert_eq!(product["review_count"], 2);
    let listed = json_of(app.get("/products/pad-thai/reviews?per_page=1", None).await).await;
    assert_eq!(listed["total"], 2);
    assert_eq!(listed["items"][0]["text"], "Too sweet", "newest first");
    assert_eq!(listed["items"][0]["author"], "Test C.");
}

#[tokio::test]
async fn the_attributes_products_have_are_counted_for_filters_and_follow_writes() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    fixture(&app, &admin).await;
    let facets = json_of(app.get("/attributes", None).await).await;
    assert_eq!(
        facets,
        json!({"items": [{"name": "spice", "values": [
            {"value": "hot", "count": 4}, {"value": "mild", "count": 2}, {"value": "medium", "count": 1}
        ]}]})
    );
    // A new product's attributes show at once (the cached facets are invalidated by the write).
    product(
        &app,
        &admin,
        json!({"name": "Tofu Salad", "description": "Silken tofu, sesame", "price": 690,
               "currency": "EUR", "category": "food",
               "attributes": {"vegan": true, "allergens": ["soy", "sesame"]}}),
    )
    .await;
    let facets = json_of(app.get("/attributes", None).await).await;
    let attribute_names: Vec<&str> = facets["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        attribute_names,
        ["spice", "vegan"],
        "lists are no filter: {facets}"
    );
    assert_eq!(
        facets["items"][1]["values"],
        json!([{"value": "true", "count": 1}])
    );
    // What a facet offers is what the listing filters on.
    let vegan = json_of(app.get("/products?attr.vegan=true", None).await).await;
    assert_eq!(names(&vegan), ["Tofu Salad"]);
}

#[tokio::test]
async fn a_listing_and_a_search_with_the_same_parameters_are_cached_apart() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    fixture(&app, &admin).await;
    // A listing ignores `query`; cached under the search's key it would answer every search
    // for that word with the whole catalog (and the other way round) until it expires.
    let listing = json_of(app.get("/products?query=zzpoison", None).await).await;
    assert!(listing["total"].as_i64().unwrap() > 0);
    let search = json_of(app.get("/products/search?query=zzpoison", None).await).await;
    assert_eq!(search["total"], 0, "{search}");
    let search = json_of(app.get("/products/search?query=curry", None).await).await;
    let found = search["total"].as_i64().unwrap();
    let listing = json_of(app.get("/products?query=curry", None).await).await;
    assert!(listing["total"].as_i64().unwrap() > found, "{listing}");
}
