//! Pools of several catalog and cart instances sharing one SurrealDB server (embedded storage
//! belongs to one process). These need the real server, built from crates.io by
//! `scripts/surreal-server build` (~40 minutes once); `scripts/test` runs them whenever it is
//! built (`MK_SURREAL_BIN`).

use std::time::Duration;

use menuskart_e2e::surreal_server::SurrealServer;
use menuskart_e2e::workers::{cart_settings, catalog_settings};
use menuskart_e2e::{Options, TestApp, WorkerInstance, json_of};
use menuskart_kit::service_api::{Verb, discover};
use reqwest::StatusCode;

/// Requests each instance of `service` has handled, from `$SRV.STATS`.
async fn requests_per_instance(app: &TestApp, service: &str) -> Vec<u64> {
    let client = app.nats.client_as("ops").await;
    let stats = discover(
        &client,
        Verb::Stats,
        Some(service),
        Duration::from_millis(500),
    )
    .await
    .expect("stats");
    stats
        .iter()
        .map(|instance| {
            instance["endpoints"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["num_requests"].as_u64().unwrap())
                .sum()
        })
        .collect()
}

#[tokio::test]
#[ignore = "needs the SurrealDB server: scripts/surreal-server build (scripts/test runs it when built)"]
async fn two_catalog_and_two_cart_instances_share_one_surrealdb_server() {
    let server = SurrealServer::start().await;
    let app = TestApp::spawn_with(Options {
        catalog_instances: 0,
        ..Options::default()
    })
    .await;
    // Each service as its own user, as compose and Nomad run them.
    let catalog_db = server.service_settings("catalog").await;
    let cart_db = server.service_settings("cart").await;
    let mut instances = Vec::new();
    for _ in 0..2 {
        let mut catalog = catalog_settings(&app.redis, false);
        catalog.surreal = catalog_db.clone();
        instances
            .push(WorkerInstance::start::<menuskart_catalog::Catalog>(&app.nats, catalog).await);
        let mut cart = cart_settings(false);
        cart.surreal = cart_db.clone();
        instances.push(WorkerInstance::start::<menuskart_cart::Cart>(&app.nats, cart).await);
    }

    // Writes land on either instance; every read, on either, sees all of them.
    let admin = app.admin().await;
    let mut ids = Vec::new();
    for i in 0..12 {
        ids.push(
            app.stocked_product(&admin, &format!("Shared Dish {i}"), 100 + i, "food", 50)
                .await,
        );
    }
    // Distinct queries miss the cache, so each is answered from the database by a random instance.
    for per_page in 1..=20 {
        let page = json_of(
            app.get(
                &format!("/products?category=food&per_page={per_page}"),
                None,
            )
            .await,
        )
        .await;
        assert_eq!(
            page["total"], 12,
            "instance answering per_page={per_page} sees every product"
        );
    }
    let catalog = requests_per_instance(&app, "catalog").await;
    assert_eq!(catalog.len(), 2);
    assert!(
        catalog.iter().all(|&n| n > 0),
        "both catalog instances served: {catalog:?}"
    );

    let user = app.customer().await;
    for id in &ids {
        assert_eq!(
            app.add_to_cart(&user.access_token, id, 2).await.status(),
            StatusCode::OK
        );
    }
    for _ in 0..10 {
        let cart = json_of(app.get("/cart", Some(&user.access_token)).await).await;
        assert_eq!(cart["items"].as_array().unwrap().len(), 12, "{cart}");
        assert_eq!(cart["item_count"], 24);
    }
    let cart = requests_per_instance(&app, "cart").await;
    assert!(
        cart.len() == 2 && cart.iter().all(|&n| n > 0),
        "both cart instances served: {cart:?}"
    );
}

#[tokio::test]
#[ignore = "needs the SurrealDB server: scripts/surreal-server build (scripts/test runs it when built)"]
async fn on_a_shared_surrealdb_server_the_catalog_s_user_cannot_read_carts() {
    let server = SurrealServer::start().await;
    let cart = server.service_settings("cart").await;
    let catalog = server.service_settings("catalog").await;
    // The cart worker's store, as its own user, keeps a line.
    let carts = menuskart_kit::surreal::connect(&cart, "menuskart", "cart", "RETURN true;")
        .await
        .expect("cart signs in as its user");
    carts
        .query("CREATE cart_line SET cart = 'user:ada', product_id = 'p', quantity = 1")
        .await
        .and_then(|response| response.check())
        .expect("cart writes its own database");

    // The catalog's credentials reach the catalog's database, and nothing of the cart's.
    let db = menuskart_kit::surreal::connect(&catalog, "menuskart", "catalog", "RETURN true;")
        .await
        .expect("the catalog signs in as its user");
    let read = match db.use_db("cart").await {
        Ok(_) => db
            .query("SELECT * FROM cart_line")
            .await
            .and_then(|response| response.check())
            .and_then(|mut response| response.take::<Vec<serde_json::Value>>(0)),
        Err(refused) => Err(refused),
    };
    assert!(
        read.as_ref().map_or(true, Vec::is_empty),
        "the catalog's user reads carts: {read:?}"
    );
    // Nor do they sign in to the cart's database.
    let mut stolen = catalog.clone();
    stolen.db_user = Some("cart".into());
    let signed_in =
        menuskart_kit::surreal::connect(&stolen, "menuskart", "cart", "RETURN true;").await;
    assert!(
        signed_in.is_err(),
        "the catalog's password opens the cart's user"
    );
}
