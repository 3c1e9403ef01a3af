//! A whole platform for one test: NATS, a database, auth workers and the edge, plus typed HTTP
//! helpers for the public API.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::workers::{
    WorkerInstance, auth_settings, cart_settings, catalog_settings, inventory_settings,
    orders_settings, payments_settings,
};
use crate::{NatsServer, TestDatabase, TestRedis, random_secret};

pub const ADMIN_EMAIL: &str = "admin@menuskart.test";

/// Secrets of one test run, generated fresh.
#[derive(Debug, Clone)]
pub struct Secrets {
    /// The access-token signing key (the NATS server's: see `NatsServer::token_key`).
    pub jwt: menuskart_kit::jwt::SigningKey,
    pub admin_password: String,
    /// The payment provider's webhook signing secret.
    pub webhook: String,
}

pub struct TestApp {
    pub nats: NatsServer,
    pub db: TestDatabase,
    pub secrets: Secrets,
    pub base_url: String,
    /// The edge's `/metrics`, on its own listener.
    pub metrics_url: String,
    pub http: reqwest::Client,
    pub redis: TestRedis,
    /// The auth instances started with the app (tests may start more).
    pub auth: Vec<WorkerInstance>,
    pub inventory: Vec<WorkerInstance>,
    pub catalog: Vec<WorkerInstance>,
    pub cart: Vec<WorkerInstance>,
    pub orders: Vec<WorkerInstance>,
    /// The order worker's own database (created only when the app has order workers).
    pub orders_db: Option<TestDatabase>,
    pub payments: Vec<WorkerInstance>,
    pub payments_db: Option<TestDatabase>,
    /// How the edge was configured (another edge starts from it: [`TestApp::start_edge`]).
    edge_settings: menuskart_edge::Settings,
    /// Stops the edge ([`TestApp::stop_edge`]), and the edge's serving task.
    edge_stop: Option<tokio::sync::oneshot::Sender<()>>,
    edge_task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

/// How to build a [`TestApp`].
pub struct Options {
    pub auth_instances: usize,
    pub inventory_instances: usize,
    pub catalog_instances: usize,
    pub cart_instances: usize,
    pub orders_instances: usize,
    pub payments_instances: usize,
    /// How long a placed order may stay unpaid before the order workers expire it.
    pub order_payment_timeout: Duration,
    pub edge_timeout: Duration,
    /// Credential requests per minute per IP; tests come from one IP, so high by default.
    pub auth_rate_per_minute: u32,
    pub auth_rate_burst: u32,
    /// Orders and cart changes per minute per client and per user; high by default too.
    pub order_rate_per_minute: u32,
    pub order_rate_burst: u32,
    pub cart_rate_per_minute: u32,
    pub cart_rate_burst: u32,
    /// Payment attempts and verification-email resends, likewise.
    pub payment_rate_per_minute: u32,
    pub payment_rate_burst: u32,
    pub email_resend_rate_per_minute: u32,
    pub email_resend_rate_burst: u32,
    pub review_rate_per_minute: u32,
    pub review_rate_burst: u32,
    /// `MK_TRUSTED_PROXIES` of the edge.
    pub trusted_proxies: &'static str,
    /// Where the edge counts rate limits: the test's Redis (under its prefix) unless given.
    pub rate_redis_url: Option<String>,
    /// A built storefront for the edge to serve at `/`.
    pub web_dir: Option<std::path::PathBuf>,
    /// Live order-status streams one user may have open.
    pub sse_max_per_user: usize,
    /// How long the edge waits for a client's request headers, and for its body.
    pub header_read_timeout: Duration,
    pub body_read_timeout: Duration,
    /// Connections the edge holds open at once.
    pub max_connections: usize,
    /// `MK_BEHIND_TLS` of the edge: browsers reach it over HTTPS.
    pub behind_tls: bool,
    /// `MK_PRICES_INCLUDE_TAX` of the catalog and the cart.
    pub prices_include_tax: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            auth_instances: 1,
            inventory_instances: 1,
            catalog_instances: 1,
            cart_instances: 0,
            orders_instances: 0,
            payments_instances: 0,
            order_payment_timeout: Duration::from_secs(900),
            edge_timeout: Duration::from_secs(5),
            auth_rate_per_minute: 100_000,
            auth_rate_burst: 10_000,
            order_rate_per_minute: 100_000,
            order_rate_burst: 10_000,
            cart_rate_per_minute: 100_000,
            cart_rate_burst: 10_000,
            payment_rate_per_minute: 100_000,
            payment_rate_burst: 10_000,
            email_resend_rate_per_minute: 100_000,
            email_resend_rate_burst: 10_000,
            review_rate_per_minute: 100_000,
            review_rate_burst: 10_000,
            trusted_proxies: "",
            rate_redis_url: None,
            web_dir: None,
            sse_max_per_user: 5,
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(10),
            max_connections: 1_000,
            behind_tls: false,
            prices_include_tax: false,
        }
    }
}

impl Options {
    /// Every worker, one instance each.
    pub fn shop() -> Self {
        Self {
            cart_instances: 1,
            orders_instances: 1,
            payments_instances: 1,
            ..Self::default()
        }
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(Options::default()).await
    }

    /// The whole shop: every worker, one instance each.
    pub async fn spawn_shop() -> Self {
        Self::spawn_with(Options::shop()).await
    }

    pub async fn spawn_with(options: Options) -> Self {
        // The production tracing stack (trace context propagation included); log lines are
        // captured by the test harness and shown for failing tests (filter with RUST_LOG).
        static TELEMETRY: std::sync::OnceLock<()> = std::sync::OnceLock::new();
        TELEMETRY.get_or_init(|| {
            let guard = menuskart_kit::telemetry::init_with(
                "tests",
                menuskart_kit::telemetry::LogOutput::TestCapture,
            );
            // Kept for the whole test process.
            std::mem::forget(guard);
        });
        let nats = NatsServer::start().await;
        let db = TestDatabase::create().await;
        let secrets = Secrets {
            jwt: nats.token_key().clone(),
            admin_password: random_secret(),
            webhook: random_secret(),
        };
        let redis = TestRedis::new();
        let mut auth = Vec::new();
        for _ in 0..options.auth_instances {
            auth.push(
                WorkerInstance::start::<menuskart_auth::Auth>(
                    &nats,
                    auth_settings(&db.url, &secrets),
                )
                .await,
            );
        }
        let mut inventory = Vec::new();
        for _ in 0..options.inventory_instances {
            inventory.push(
                WorkerInstance::start::<menuskart_inventory::Inventory>(
                    &nats,
                    inventory_settings(&redis),
                )
                .await,
            );
        }
        let mut catalog = Vec::new();
        for _ in 0..options.catalog_instances {
            catalog.push(
                WorkerInstance::start::<menuskart_catalog::Catalog>(
                    &nats,
                    catalog_settings(&redis, options.prices_include_tax),
                )
                .await,
            );
        }
        let mut cart = Vec::new();
        for _ in 0..options.cart_instances {
            cart.push(
                WorkerInstance::start::<menuskart_cart::Cart>(
                    &nats,
                    cart_settings(options.prices_include_tax),
                )
                .await,
            );
        }
        let orders_db = if options.orders_instances > 0 {
            Some(TestDatabase::create().await)
        } else {
            None
        };
        let mut orders = Vec::new();
        for _ in 0..options.orders_instances {
            let db = orders_db.as_ref().expect("orders database");
            let settings = menuskart_orders::Settings {
                order_payment_timeout_secs: options.order_payment_timeout.as_secs() as i64,
                ..orders_settings(&db.url)
            };
            orders.push(WorkerInstance::start::<menuskart_orders::Orders>(&nats, settings).await);
        }
        let payments_db = if options.payments_instances > 0 {
            Some(TestDatabase::create().await)
        } else {
            None
        };
        let mut payments = Vec::new();
        for _ in 0..options.payments_instances {
            let db = payments_db.as_ref().expect("payments database");
            let settings = payments_settings(&db.url, &secrets);
            payments
                .push(WorkerInstance::start::<menuskart_payments::Payments>(&nats, settings).await);
        }
        let edge_settings = menuskart_edge::Settings {
            http_addr: "127.0.0.1:0".into(),
            metrics_addr: "127.0.0.1:0".into(),
            public_url: None,
            nats: nats.settings_for("edge"),
            jwt: nats.jwt_settings(),
            request_timeout_ms: options.edge_timeout.as_millis() as u64,
            body_limit_bytes: 64 * 1024,
            auth_rate_per_minute: options.auth_rate_per_minute,
            auth_rate_burst: options.auth_rate_burst,
            order_rate_per_minute: options.order_rate_per_minute,
            order_rate_burst: options.order_rate_burst,
            cart_rate_per_minute: options.cart_rate_per_minute,
            cart_rate_burst: options.cart_rate_burst,
            payment_rate_per_minute: options.payment_rate_per_minute,
            payment_rate_burst: options.payment_rate_burst,
            email_resend_rate_per_minute: options.email_resend_rate_per_minute,
            email_resend_rate_burst: options.email_resend_rate_burst,
            review_rate_per_minute: options.review_rate_per_minute,
            review_rate_burst: options.review_rate_burst,
            rate_redis_url: options
                .rate_redis_url
                .clone()
                .unwrap_or_else(|| redis.url.clone()),
            rate_key_prefix: redis.prefix.clone(),
            trusted_proxies: options.trusted_proxies.parse().expect("trusted proxies"),
            web_dir: options
                .web_dir
                .as_ref()
                .map(|dir| dir.display().to_string()),
            sse_max_streams: 1_000,
            sse_max_per_user: options.sse_max_per_user,
            header_read_timeout_ms: options.header_read_timeout.as_millis() as u64,
            body_read_timeout_ms: options.body_read_timeout.as_millis() as u64,
            max_connections: options.max_connections,
            behind_tls: options.behind_tls,
        };
        let edge = menuskart_edge::Application::build(edge_settings.clone())
            .await
            .expect("edge starts");
        let base_url = format!("http://127.0.0.1:{}", edge.port());
        let metrics_url = format!("http://{}/metrics", edge.metrics_address());
        let (edge_stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let edge_task = tokio::spawn(edge.run_until_stopped(async move {
            // Dropping the sender (the app) stops the edge too.
            let _ = stopped.await;
        }));
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("http client");
        Self {
            nats,
            db,
            secrets,
            base_url,
            metrics_url,
            http,
            redis,
            auth,
            inventory,
            catalog,
            cart,
            orders,
            orders_db,
            payments,
            payments_db,
            edge_settings,
            edge_stop: Some(edge_stop),
            edge_task: Some(edge_task),
        }
    }

    /// Another edge instance on the same NATS and Redis (as behind a load balancer); its base
    /// URL. It runs until the test ends.
    pub async fn start_edge(&self) -> String {
        let edge = menuskart_edge::Application::build(self.edge_settings.clone())
            .await
            .expect("a second edge starts");
        let base_url = format!("http://127.0.0.1:{}", edge.port());
        tokio::spawn(edge.run_until_stopped(std::future::pending()));
        base_url
    }

    /// Shuts the edge down as SIGTERM would, and waits until it has stopped; panics if it
    /// hangs (say, on a connection that never ends).
    pub async fn stop_edge(&mut self) {
        if let Some(stop) = self.edge_stop.take() {
            let _ = stop.send(());
        }
        let task = self.edge_task.take().expect("the edge runs");
        tokio::time::timeout(Duration::from_secs(15), task)
            .await
            .expect("the edge stops instead of hanging")
            .expect("the edge task")
            .expect("the edge stops cleanly");
    }

    /// Settings for another payment worker on this app's NATS and payment database.
    pub fn payments_settings(&self) -> menuskart_payments::Settings {
        let db = self
            .payments_db
            .as_ref()
            .expect("the app has a payment database");
        payments_settings(&db.url, &self.secrets)
    }

    /// Settings for another order worker on this app's NATS and order database.
    pub fn orders_settings(&self) -> menuskart_orders::Settings {
        let db = self
            .orders_db
            .as_ref()
            .expect("the app has an order database");
        orders_settings(&db.url)
    }

    /// One more auth instance in the same queue group.
    pub async fn start_auth(&self) -> WorkerInstance {
        WorkerInstance::start::<menuskart_auth::Auth>(
            &self.nats,
            auth_settings(&self.db.url, &self.secrets),
        )
        .await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// Sends a request; `body` is sent as JSON when given, `token` as a Bearer token.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut request = self.http.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("the edge answers")
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> reqwest::Response {
        self.call(Method::POST, path, token, Some(body)).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        self.call(Method::GET, path, token, None).await
    }

    /// PATCH /users/me; the profile after.
    pub async fn patch_me(&self, token: &str, patch: Value) -> Value {
        let response = self
            .call(Method::PATCH, "/users/me", Some(token), Some(patch))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        json_of(response).await
    }

    pub async fn register(&self, email: &str, password: &str, name: &str) -> reqwest::Response {
        self.post(
            "/auth/register",
            None,
            json!({"email": email, "password": password, "name": name}),
        )
        .await
    }

    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.post(
            "/auth/login",
            None,
            json!({"email": email, "password": password}),
        )
        .await
    }

    /// A fresh customer, registered and logged in.
    pub async fn customer(&self) -> TestUser {
        let email = format!("{}@example.com", uuid::Uuid::new_v4().simple());
        let password = "a fine password".to_owned();
        let registered = self.register(&email, &password, "Test Customer").await;
        assert_eq!(registered.status(), StatusCode::CREATED);
        let id = json_of(registered).await["id"].as_str().unwrap().to_owned();
        let tokens = json_of(self.login(&email, &password).await).await;
        TestUser::new(id, email, password, &tokens)
    }

    /// The first admin (from MK_ADMIN_EMAIL / MK_ADMIN_PASSWORD), logged in.
    /// `user` as a worker sees them: their access token, verified with the deployment's
    /// public key (to send requests straight to a worker with [`nats_request`]).
    pub fn caller(&self, user: &TestUser) -> menuskart_kit::Caller {
        menuskart_kit::Caller::from(self.verified_token(user))
    }

    /// `user`'s access token, verified with the deployment's public key (its claims, say).
    pub fn verified_token(&self, user: &TestUser) -> menuskart_kit::jwt::VerifiedToken {
        self.nats
            .jwt_settings()
            .verifier()
            .verify(&user.access_token)
            .expect("the test user's token verifies")
    }

    pub async fn admin(&self) -> TestUser {
        let response = self.login(ADMIN_EMAIL, &self.secrets.admin_password).await;
        assert_eq!(response.status(), StatusCode::OK);
        let tokens = json_of(response).await;
        let me = json_of(self.get("/users/me", tokens["access_token"].as_str()).await).await;
        TestUser::new(
            me["id"].as_str().unwrap().to_owned(),
            ADMIN_EMAIL.into(),
            self.secrets.admin_password.clone(),
            &tokens,
        )
    }
}

/// A logged-in user.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: String,
    pub email: String,
    pub password: String,
    pub access_token: String,
    pub refresh_token: String,
}

impl TestUser {
    fn new(id: String, email: String, password: String, tokens: &Value) -> Self {
        Self {
            id,
            email,
            password,
            access_token: tokens["access_token"]
                .as_str()
                .expect("access_token")
                .to_owned(),
            refresh_token: tokens["refresh_token"]
                .as_str()
                .expect("refresh_token")
                .to_owned(),
        }
    }
}

/// The JSON body of a response.
pub async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.expect("a JSON body")
}

/// Asserts an error response: its status, and a JSON body `{"error":{"code":..,"message":..}}`.
pub async fn assert_error(response: reqwest::Response, status: StatusCode, code: &str) -> Value {
    let actual = response.status();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = response.text().await.unwrap_or_default();
    assert_eq!(actual, status, "unexpected status, body {text}");
    assert!(
        content_type.starts_with("application/json"),
        "content type {content_type}"
    );
    let body: Value = serde_json::from_str(&text).expect("a JSON body");
    assert_eq!(body["error"]["code"], code, "body {body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "body {body}"
    );
    body
}

/// Sends `body` straight to a worker over NATS as `caller` (past the edge: for internal
/// endpoints, and to check that workers enforce authorization themselves). Any JSON, outside
/// the endpoint's contract, so tests can send what the contract's clients cannot.
pub async fn nats_request<Req, Resp>(
    client: &async_nats::Client,
    endpoint: menuskart_schemas::subjects::Endpoint<Req, Resp>,
    caller: &menuskart_kit::Caller,
    body: &Value,
) -> Result<Value, menuskart_schemas::ErrorBody> {
    let mut headers = async_nats::HeaderMap::new();
    caller.write_headers(&mut headers);
    let endpoint = endpoint.untyped();
    match menuskart_kit::rpc::request_raw(client, endpoint, headers, body, Duration::from_secs(10))
        .await
    {
        Ok(value) => Ok(value),
        Err(menuskart_kit::rpc::RpcError::Reply(body)) => Err(body),
        Err(other) => panic!("no answer from {}: {other}", endpoint.subject),
    }
}
