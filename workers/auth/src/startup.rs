//! Wiring: store, hasher, tokens, the first admin, the AUTH stream and the outbox relay of the
//! link emails, and the endpoints handed to the kit.

use std::future::Future;
use std::sync::Arc;

use menuskart_kit::events::{EventError, Events};
use menuskart_kit::jwt::{JwtCodec, JwtError};
use menuskart_kit::outbox::Relay;
use menuskart_kit::{RunningWorker, Worker};
use menuskart_schemas::auth::Role;
use menuskart_schemas::subjects::auth;
use menuskart_schemas::subjects::events::auth as auth_events;
use secrecy::ExposeSecret;

use crate::domain::{DisplayName, Email, Password, ValidationError};
use crate::handlers;
use crate::password_hasher::{HashError, PasswordHasher};
use crate::settings::Settings;
use crate::state::{AuthState, LinkLifetimes};
use crate::store::login_throttle::ThrottlePolicy;
use crate::store::{Store, StoreError};
use crate::tokens::Tokens;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Store(#[from] StoreError),
    #[error("password hasher: {0}")]
    Hash(#[from] HashError),
    #[error("JWT: {0}")]
    Jwt(#[from] JwtError),
    #[error("first admin: {0}")]
    Admin(#[from] ValidationError),
    #[error("MK_ADMIN_EMAIL and MK_ADMIN_PASSWORD go together")]
    HalfAnAdmin,
    #[error(transparent)]
    Nats(#[from] menuskart_kit::nats::ConnectError),
    #[error(transparent)]
    Events(#[from] EventError),
    #[error(transparent)]
    Worker(#[from] menuskart_kit::worker::WorkerError),
}

pub struct Application {
    worker: RunningWorker,
}

impl Application {
    /// Connects to PostgreSQL (applying migrations) and NATS, creates the first admin if
    /// configured, and starts serving. Returns once requests are being taken.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let store = Store::connect(
            settings.database_url.expose_secret(),
            settings.db_max_connections,
        )
        .await?;
        let hasher = PasswordHasher::new(settings.hash_concurrency).await?;
        ensure_first_admin(&settings, &store, &hasher).await?;
        let client = menuskart_kit::nats::connect(&settings.worker.nats_url, "auth").await?;
        let events = Events::new(client.clone());
        events
            .ensure_stream(auth_events::STREAM, settings.worker.js_replicas)
            .await?;
        let state = Arc::new(AuthState {
            relay: Relay::new(store.pool().clone(), events),
            links: LinkLifetimes {
                password_reset: chrono::Duration::seconds(settings.password_reset_ttl_secs),
                verify_email: chrono::Duration::seconds(settings.email_verification_ttl_secs),
            },
            store,
            hasher,
            tokens: Tokens {
                jwt: JwtCodec::hs256(&settings.jwt_secret)?,
                access_ttl: chrono::Duration::seconds(settings.access_token_ttl_secs),
                refresh_ttl: chrono::Duration::seconds(settings.refresh_token_ttl_secs),
            },
            throttle: ThrottlePolicy {
                max_failures: settings.login_max_failures,
                window: chrono::Duration::seconds(settings.login_window_secs),
                lockout: chrono::Duration::seconds(settings.login_lockout_secs),
            },
        });
        let mut worker = Worker::new(auth::SERVICE, env!("CARGO_PKG_VERSION"))
            .configure(&settings.worker)
            .with_state(state.clone())
            .endpoint(auth::REGISTER, handlers::register::handle)
            .endpoint(auth::LOGIN, handlers::login::handle)
            .endpoint(auth::VALIDATE, handlers::validate::handle)
            .endpoint(auth::REFRESH, handlers::refresh::handle)
            .endpoint(auth::LOGOUT, handlers::logout::handle)
            .endpoint(auth::PROFILE_GET, handlers::profile_get::handle)
            .endpoint(auth::PROFILE_UPDATE, handlers::profile_update::handle)
            .endpoint(auth::USERS_LIST, handlers::users_list::handle)
            .endpoint(
                auth::MARKETING_AUDIENCE,
                handlers::marketing_audience::handle,
            )
            .endpoint(auth::PASSWORD_RESET, handlers::password_reset::handle)
            .endpoint(
                auth::PASSWORD_RESET_CONFIRM,
                handlers::password_reset_confirm::handle,
            )
            .endpoint(auth::VERIFY_EMAIL, handlers::verify_email::handle)
            .endpoint(
                auth::VERIFY_EMAIL_RESEND,
                handlers::verify_email_resend::handle,
            )
            .start(client)
            .await?;
        worker.spawn_background("outbox relay", state.relay.clone().run());
        Ok(Self { worker })
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> Result<(), menuskart_kit::worker::WorkerError> {
        self.worker.run_until_stopped(shutdown).await
    }
}

async fn ensure_first_admin(
    settings: &Settings,
    store: &Store,
    hasher: &PasswordHasher,
) -> Result<(), StartupError> {
    match (&settings.admin_email, &settings.admin_password) {
        (None, None) => Ok(()),
        (Some(email), Some(password)) => {
            let email = Email::parse(email)?;
            let password = Password::parse(password.expose_secret().to_owned())?;
            let hash = hasher.hash(&password).await?;
            let name = DisplayName::parse("Administrator")?;
            store.ensure_admin(&email, &hash, &name).await?;
            tracing::info!(email = email.as_str(), roles = ?[Role::Customer, Role::Admin], "first admin ensured");
            Ok(())
        }
        _ => Err(StartupError::HalfAnAdmin),
    }
}
