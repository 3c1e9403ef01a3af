//! Worker instances for tests. Each runs on its own thread and runtime, so a test can stop it
//! gracefully (SIGTERM-like) or kill it (the runtime is torn down mid-request, its NATS
//! connection drops: what a crash looks like from the outside).

use std::future::Future;
use std::pin::Pin;
use std::thread::JoinHandle;

use menuskart_kit::postgres::PostgresSettings;
use menuskart_kit::settings::WorkerSettings;
use menuskart_kit::surreal::SurrealSettings;
use menuskart_kit::{Application, Domain};
use secrecy::SecretString;
use tokio::sync::oneshot;

use crate::NatsServer;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
/// A built worker, waiting to be run until its shutdown future completes.
type Runner = Box<dyn FnOnce(BoxFuture<()>) -> BoxFuture<()> + Send>;

/// How a worker instance ends.
enum Stop {
    Graceful,
    Kill,
}

pub struct WorkerInstance {
    stop: Option<oneshot::Sender<Stop>>,
    thread: Option<JoinHandle<()>>,
}

impl WorkerInstance {
    /// Starts an instance of domain `D` on `nats`, as `D`'s own NATS user (the grants of
    /// `nats/permissions.conf`), through the same `Application` as the binaries; returns once it
    /// takes requests.
    pub async fn start<D: Domain>(nats: &NatsServer, settings: D::Settings) -> Self {
        let worker = WorkerSettings::new(nats.settings_for(D::SERVICE.name), nats.jwt_settings());
        Self::spawn(Box::pin(async move {
            let app = Application::build::<D>(worker, settings)
                .await
                .map_err(|e| e.to_string())?;
            Ok(Box::new(move |shutdown| {
                Box::pin(async move {
                    if let Err(error) = app.run_until_stopped(shutdown).await {
                        eprintln!("worker stopped with an error: {error}");
                    }
                }) as BoxFuture<()>
            }) as Runner)
        }))
        .await
    }

    /// Builds the worker on a thread of its own; returns once it takes requests.
    async fn spawn(build: BoxFuture<Result<Runner, String>>) -> Self {
        let (ready_tx, ready_rx) = oneshot::channel::<Result<(), String>>();
        let (stop_tx, stop_rx) = oneshot::channel::<Stop>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("worker runtime");
            let kill = runtime.block_on(async move {
                let runner = match build.await {
                    Ok(runner) => runner,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return false;
                    }
                };
                let _ = ready_tx.send(Ok(()));
                let (graceful_tx, graceful_rx) = oneshot::channel::<()>();
                let run = runner(Box::pin(async move {
                    let _ = graceful_rx.await;
                }));
                tokio::pin!(run);
                tokio::select! {
                    () = &mut run => false,
                    stop = stop_rx => match stop {
                        Ok(Stop::Graceful) | Err(_) => {
                            let _ = graceful_tx.send(());
                            run.await;
                            false
                        }
                        Ok(Stop::Kill) => true,
                    },
                }
            });
            if kill {
                runtime.shutdown_background();
            }
        });
        ready_rx
            .await
            .expect("worker thread")
            .unwrap_or_else(|e| panic!("worker did not start: {e}"));
        Self {
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// Kills the instance abruptly.
    pub fn kill(mut self) {
        self.end(Stop::Kill);
    }

    /// Stops the instance gracefully: it answers what it has, then drains.
    pub fn stop(mut self) {
        self.end(Stop::Graceful);
    }

    fn end(&mut self, how: Stop) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(how);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for WorkerInstance {
    fn drop(&mut self) {
        self.end(Stop::Kill);
    }
}

/// Auth settings for a test: its database, the deployment's token key, its random secrets and
/// a first admin.
pub fn auth_settings(
    database_url: &str,
    secrets: &crate::app::Secrets,
) -> menuskart_auth::Settings {
    menuskart_auth::Settings {
        postgres: PostgresSettings::new(database_url, 5),
        outbox: Default::default(),
        jwt_signing_key: secrets.jwt.clone(),
        jwt: menuskart_kit::jwt::JwtSettings {
            jwt_public_keys: std::iter::once(secrets.jwt.public_key()).collect(),
        },
        access_token_ttl_secs: 900,
        refresh_token_ttl_secs: 3600,
        hash_concurrency: 2,
        login_max_failures: 5,
        login_window_secs: 900,
        login_lockout_secs: 900,
        password_reset_ttl_secs: 3600,
        email_verification_ttl_secs: 2 * 24 * 3600,
        admin_email: Some(crate::app::ADMIN_EMAIL.into()),
        admin_password: Some(SecretString::from(secrets.admin_password.clone())),
    }
}

/// Inventory settings for a test: its NATS and its own key prefix in the test Redis.
pub fn inventory_settings(redis: &crate::TestRedis) -> menuskart_inventory::Settings {
    menuskart_inventory::Settings {
        stock_redis_url: SecretString::from(redis.url.clone()),
        stock_key_prefix: redis.prefix.clone(),
        low_stock_threshold: 5,
    }
}

/// Catalog settings for a test: in-memory SurrealDB, its own cache key prefix, a shop in euros;
/// groceries taxed at 7 %, the rest at 19 %, prices with or without tax.
pub fn catalog_settings(
    redis: &crate::TestRedis,
    prices_include_tax: bool,
) -> menuskart_catalog::Settings {
    menuskart_catalog::Settings {
        surreal: SurrealSettings::at("mem://"),
        cache_redis_url: redis.url.clone(),
        cache_key_prefix: redis.prefix.clone(),
        shop_currency: "EUR".into(),
        prices_include_tax,
        tax_default_bp: 1900,
        tax_rates: "groceries=700".into(),
        stock_timeout_ms: 2_000,
    }
}

/// Cart settings for a test: in-memory SurrealDB, a shop in euros.
pub fn cart_settings(prices_include_tax: bool) -> menuskart_cart::Settings {
    menuskart_cart::Settings {
        surreal: SurrealSettings::at("mem://"),
        shop_currency: "EUR".into(),
        prices_include_tax,
        cart_max_quantity: 99,
        cart_max_lines: 50,
        catalog_timeout_ms: 5_000,
    }
}

/// Order settings for a test: its own database, a relay, a fast sweeper.
pub fn orders_settings(database_url: &str) -> menuskart_orders::Settings {
    menuskart_orders::Settings {
        postgres: PostgresSettings::new(database_url, 5),
        order_payment_timeout_secs: 900,
        order_payment_wait_max_secs: 14 * 24 * 3600,
        order_max_unpaid: 5,
        order_sweep_interval_ms: 200,
        outbox: Default::default(),
        service_timeout_ms: 5_000,
        order_max_watches: 1_000,
        shop_currency: "EUR".into(),
        shop_timezone: "Europe/Berlin".into(),
    }
}

/// Payment settings for a test: its own database, the sandbox provider, the test's webhook
/// secret.
pub fn payments_settings(
    database_url: &str,
    secrets: &crate::app::Secrets,
) -> menuskart_payments::Settings {
    menuskart_payments::Settings {
        postgres: PostgresSettings::new(database_url, 5),
        environment: Default::default(),
        payments_provider: "sandbox".into(),
        stripe_api_base: "http://127.0.0.1:9".into(),
        stripe_secret_key: None,
        payments_webhook_secrets: SecretString::from(secrets.webhook.clone()),
        webhook_tolerance_secs: 300,
        provider_timeout_ms: 5_000,
        service_timeout_ms: 5_000,
        payments_reconcile_secs: 60,
        payments_stale_after_secs: 120,
        outbox: Default::default(),
    }
}

/// Notification settings for a test: its own database, SMTP on loopback `smtp_port`, quick
/// retries (0.3 s) and `max_deliver` deliveries before an event is dead-lettered.
pub fn notify_settings(
    database_url: &str,
    smtp_port: u16,
    max_deliver: i64,
) -> menuskart_notify::Settings {
    menuskart_notify::Settings {
        postgres: PostgresSettings::new(database_url, 3),
        outbox: Default::default(),
        smtp_host: "127.0.0.1".into(),
        smtp_port,
        smtp_tls: "none".into(),
        smtp_user: None,
        smtp_password: None,
        mail_from: "MenusKart Tests <shop@menuskart.test>".into(),
        shop_name: "MenusKart".into(),
        shop_seller: "MenusKart Test GmbH · Teststraße 1, 10115 Berlin · VAT ID DE000000000".into(),
        sms_api_base: None,
        sms_account_sid: None,
        sms_auth_token: None,
        sms_from: None,
        notify_max_deliver: max_deliver,
        notify_retry_delays_ms: "300".into(),
        // An unpaid order's "waiting for payment" email at once: tests see it before paying.
        // (`notify::an_unpaid_order_is_reminded_later_and_a_paid_one_not_at_all` waits.)
        notify_payment_reminder_secs: 0,
        notify_concurrency: 4,
        unsubscribe_secret: SecretString::from(format!(
            "test-unsubscribe-{}",
            uuid::Uuid::new_v4().simple()
        )),
        public_url: "http://127.0.0.1:8080".into(),
        campaign_rate_per_sec: 50,
        service_timeout_ms: 5_000,
    }
}
