//! `mk-seed`: loads the demo catalog (real-looking dishes and groceries with stock) and,
//! with `--products N`, N generated products for benchmarks. It speaks to the catalog and
//! inventory services over NATS like any other client: it logs in as the shop's admin
//! (`MK_ADMIN_EMAIL`, `MK_ADMIN_PASSWORD`) and sends that admin's token, since workers believe
//! nothing else. Running it twice changes nothing (what exists is skipped).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use futures::StreamExt;
use menuskart_kit::rpc::{self, RpcError};
use menuskart_schemas::auth::{LoginAttempt, LoginOutcome, LoginRequest};
use menuskart_schemas::catalog::{
    CategoryInput, CreateProduct, Product, ProductInput, ProductStatus,
};
use menuskart_schemas::inventory::{StockLevel, StockUpdate};
use menuskart_schemas::money::Amount;
use menuskart_schemas::subjects::{auth, catalog, inventory};
use menuskart_schemas::{ErrorCode, headers};
use serde::Deserialize;

const DEMO: &str = include_str!("../../seed/demo.json");

#[derive(Parser)]
#[command(about = "Load the demo catalog (and optionally a generated one) through NATS")]
struct Cli {
    #[command(flatten)]
    nats: menuskart_kit::ops::OpsConnection,
    /// The admin account the catalog is created as.
    #[arg(long, env = "MK_ADMIN_EMAIL")]
    admin_email: String,
    #[arg(long, env = "MK_ADMIN_PASSWORD", hide_env_values = true)]
    admin_password: String,
    /// Also create this many generated products (for benchmarks).
    #[arg(long, default_value_t = 0)]
    products: usize,
    /// The status of the generated products: `active` (the default; benchmarks list them) or
    /// `draft` (there for the owner, hidden from shoppers).
    #[arg(long, value_parser = parse_status, default_value = "active")]
    status: ProductStatus,
    /// Requests in flight while generating.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
}

fn parse_status(raw: &str) -> Result<ProductStatus, String> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned()))
        .map_err(|_| format!("{raw:?}: use draft, active or archived"))
}

#[derive(Deserialize)]
struct Demo {
    categories: Vec<CategoryInput>,
    products: Vec<DemoProduct>,
}

#[derive(Deserialize)]
struct DemoProduct {
    name: String,
    description: String,
    price: Amount,
    category: String,
    #[serde(default)]
    brand: Option<String>,
    #[serde(default)]
    attributes: BTreeMap<String, serde_json::Value>,
    stock: i64,
}

const TIMEOUT: Duration = Duration::from_secs(30);

/// The NATS connection and the admin's access token every request carries.
#[derive(Clone)]
struct Admin {
    client: async_nats::Client,
    bearer: Arc<str>,
}

impl Admin {
    async fn log_in(client: async_nats::Client, cli: &Cli) -> anyhow::Result<Self> {
        let login = LoginAttempt {
            credentials: LoginRequest {
                email: cli.admin_email.clone(),
                password: cli.admin_password.clone(),
            },
            device_token: None,
        };
        let outcome: LoginOutcome = rpc::request(
            &client,
            auth::LOGIN,
            async_nats::HeaderMap::new(),
            &login,
            TIMEOUT,
        )
        .await
        .map_err(|error| anyhow::anyhow!("admin login as {}: {error}", cli.admin_email))?;
        Ok(Self {
            client,
            bearer: format!("{}{}", headers::BEARER_PREFIX, outcome.tokens.access_token).into(),
        })
    }

    async fn call<Req: serde::Serialize, Resp: serde::de::DeserializeOwned>(
        &self,
        endpoint: menuskart_schemas::subjects::Endpoint<Req, Resp>,
        body: &Req,
    ) -> Result<Resp, RpcError> {
        let mut request_headers = async_nats::HeaderMap::new();
        request_headers.insert(headers::AUTHORIZATION, &*self.bearer);
        rpc::request(&self.client, endpoint, request_headers, body, TIMEOUT).await
    }
}

/// Creates a product and sets its stock; an existing slug is skipped.
async fn product(admin: &Admin, input: ProductInput, stock: i64) -> anyhow::Result<bool> {
    let created: Result<Product, _> = admin
        .call(catalog::CREATE, &CreateProduct { product: input })
        .await;
    let product = match created {
        Ok(product) => product,
        Err(RpcError::Reply(error)) if error.code == ErrorCode::Conflict => return Ok(false),
        Err(error) => return Err(error.into()),
    };
    let update = StockUpdate {
        product_id: product.id,
        delta: None,
        set: Some(stock),
    };
    let _: StockLevel = admin.call(inventory::UPDATE, &update).await?;
    Ok(true)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let admin = Admin::log_in(cli.nats.connect().await?, &cli).await?;
    let demo: Demo = serde_json::from_str(DEMO)?;

    for category in &demo.categories {
        match admin.call(catalog::CATEGORY_CREATE, category).await {
            Ok(_) => {}
            Err(RpcError::Reply(error)) if error.code == ErrorCode::Conflict => {}
            Err(error) => return Err(error.into()),
        }
    }
    let mut created = 0;
    for item in demo.products {
        let input = ProductInput {
            name: item.name,
            slug: None,
            description: item.description,
            price: item.price,
            currency: None,
            category: item.category,
            brand: item.brand,
            attributes: item.attributes,
            images: Vec::new(),
            status: None,
        };
        created += usize::from(product(&admin, input, item.stock).await?);
    }
    println!(
        "demo catalog: {created} products created, {} categories",
        demo.categories.len()
    );

    if cli.products > 0 {
        let leaves: Arc<Vec<String>> = Arc::new(
            demo.categories
                .iter()
                .filter(|c| c.parent.is_some())
                .map(|c| c.slug.clone())
                .collect(),
        );
        let words = [
            "Spicy",
            "Crispy",
            "Smoked",
            "Garlic",
            "Sesame",
            "Lemongrass",
            "Ginger",
            "Coconut",
            "Tamarind",
            "Black Bean",
        ];
        let dishes = [
            "Noodles",
            "Curry",
            "Dumplings",
            "Rice Bowl",
            "Salad",
            "Soup",
            "Tofu",
            "Stir-Fry",
        ];
        let status = cli.status;
        let generated = futures::stream::iter(0..cli.products)
            .map(|i| {
                let admin = admin.clone();
                let leaves = leaves.clone();
                async move {
                    let name = format!(
                        "{} {} No. {i}",
                        words[i % words.len()],
                        dishes[(i / words.len()) % dishes.len()]
                    );
                    let input = ProductInput {
                        description: format!("Generated product {i}: {name} for load tests."),
                        name,
                        slug: None,
                        price: Amount(300 + (i as i64 * 37) % 2500),
                        currency: None,
                        category: leaves[i % leaves.len()].clone(),
                        brand: None,
                        attributes: BTreeMap::from([(
                            "spice".into(),
                            serde_json::json!(["mild", "medium", "hot"][i % 3]),
                        )]),
                        images: Vec::new(),
                        status: Some(status),
                    };
                    product(&admin, input, (i % 50) as i64).await
                }
            })
            .buffer_unordered(cli.concurrency.max(1))
            .fold((0usize, 0usize), |(ok, failed), result| async move {
                match result {
                    Ok(true) => (ok + 1, failed),
                    Ok(false) => (ok, failed),
                    Err(error) => {
                        eprintln!("{error}");
                        (ok, failed + 1)
                    }
                }
            })
            .await;
        println!(
            "generated catalog: {} products created, {} failed",
            generated.0, generated.1
        );
        anyhow::ensure!(generated.1 == 0, "some generated products failed");
    }
    admin.client.flush().await?;
    Ok(())
}
