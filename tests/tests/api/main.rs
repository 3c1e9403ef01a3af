//! End-to-end tests of the public HTTP API against real NATS and PostgreSQL.

mod auth_flow;
mod cart;
mod catalog;
mod edge_errors;
mod edge_limits;
mod inventory;
mod orders;
mod refresh_tokens;
mod resilience;
mod service_api;
mod stock_redis;
mod tracing;
