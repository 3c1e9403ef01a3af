//! Test harness for MenusKart's end-to-end tests.
//!
//! Everything is real: each test gets its own `nats-server` (JetStream on, a free port, a
//! temporary store), its own PostgreSQL database (created from `MK_TEST_PG_URL`, dropped
//! afterwards), its own Redis key prefix, workers and the edge running the production code paths in this process.
//! Nothing is mocked.

pub mod app;
pub mod database;
pub mod fake_sms;
pub mod fake_stripe;
pub mod mail_links;
pub mod nats_server;
pub mod payments;
pub mod postgres_server;
pub mod redis;
pub mod shop;
pub mod smtp_server;
pub mod surreal_server;
pub mod workers;

pub use app::{Options, Secrets, TestApp, TestUser, assert_error, json_of, nats_request};
pub use database::TestDatabase;
pub use nats_server::{NatsServer, ServerTls};
pub use redis::TestRedis;
pub use workers::WorkerInstance;

/// A random secret for a test run; never a fixed one.
pub fn random_secret() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}
