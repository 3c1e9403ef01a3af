//! End-to-end tests of the public HTTP API against real NATS and PostgreSQL.

mod account_links;
mod admin_orders;
mod auth_flow;
mod campaigns;
mod cart;
mod catalog;
mod edge_errors;
mod edge_limits;
mod first_admin;
mod inventory;
mod live_streams;
mod nats_permissions;
mod nats_tls;
mod notify;
mod orders;
mod outages;
mod payments;
mod refresh_tokens;
mod resilience;
mod scale_out;
mod service_api;
mod slow_clients;
mod stock_redis;
mod storefront_files;
mod tracing;
mod verified_callers;
