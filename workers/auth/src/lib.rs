//! The auth worker: accounts, passwords and tokens, in PostgreSQL.
//!
//! - Passwords are argon2id ([`password_hasher`]) on a bounded blocking pool.
//! - Logging in opens a *session* (a refresh-token family). The access token is a 15-minute JWT
//!   naming the session; the refresh token is opaque, stored as a digest, and rotates on every
//!   use. Presenting a rotated token again revokes the whole session ([`store::sessions`]).
//! - Failed logins are throttled per email address ([`store::login_throttle`]); login errors
//!   never say whether an address has an account.
//! - Handlers check the caller themselves ([`menuskart_kit::Caller`]); the edge's checks are a
//!   first line, not the only one.

pub mod domain;
pub mod first_admin;
pub mod handlers;
pub mod opaque_token;
pub mod password_hasher;
pub mod settings;
pub mod state;
pub mod store;
pub mod tokens;
pub mod worker;

pub use settings::Settings;
pub use worker::Auth;
