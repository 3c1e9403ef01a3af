//! The auth worker as the kit runs it: store, hasher, tokens, the first admin, the AUTH stream
//! with the outbox relay of the link emails, and the endpoints.

use std::sync::Arc;

use menuskart_kit::jwt::TokenSigner;
use menuskart_kit::outbox::Relay;
use menuskart_kit::{Context, Declaration, Domain, Nats, StartupError};
use menuskart_schemas::subjects::events::auth as auth_events;
use menuskart_schemas::subjects::{Service, auth};

use crate::first_admin;
use crate::handlers;
use crate::password_hasher::PasswordHasher;
use crate::settings::Settings;
use crate::state::{AuthState, LinkLifetimes};
use crate::store::Store;
use crate::store::login_throttle::ThrottlePolicy;
use crate::tokens::Tokens;

pub struct Auth;

impl Domain for Auth {
    const SERVICE: Service = auth::SERVICE;
    type Settings = Settings;
    type State = Arc<AuthState>;

    /// Connects to PostgreSQL (applying migrations), creates the first admin if configured,
    /// and declares the endpoints.
    async fn declare(
        settings: Settings,
        nats: Nats,
    ) -> Result<Declaration<Self::State>, StartupError> {
        let store = Store::connect(&settings.postgres)
            .await
            .context("auth database")?;
        let hasher = PasswordHasher::new(settings.hash_concurrency)
            .await
            .context("password hasher")?;
        first_admin::ensure(&settings, &store, &hasher).await?;
        let events = nats.streams(&[auth_events::STREAM]).await?;
        let signer = TokenSigner::new(&settings.jwt_signing_key);
        // Tokens this worker signs must pass everywhere else: its key must be listed.
        if !settings.jwt.jwt_public_keys.contains(signer.public_key()) {
            return Err(StartupError::setting(format!(
                "MK_JWT_PUBLIC_KEYS does not list the signing key's public key {}",
                signer.public_key()
            )));
        }
        let state = Arc::new(AuthState {
            relay: Relay::new(store.pool().clone(), events),
            links: LinkLifetimes {
                password_reset: chrono::Duration::seconds(settings.password_reset_ttl_secs),
                verify_email: chrono::Duration::seconds(settings.email_verification_ttl_secs),
            },
            store,
            hasher,
            tokens: Tokens {
                signer,
                verifier: settings.jwt.verifier(),
                access_ttl: chrono::Duration::seconds(settings.access_token_ttl_secs),
                refresh_ttl: chrono::Duration::seconds(settings.refresh_token_ttl_secs),
            },
            throttle: ThrottlePolicy {
                max_failures: settings.login_max_failures,
                window: chrono::Duration::seconds(settings.login_window_secs),
                lockout: chrono::Duration::seconds(settings.login_lockout_secs),
            },
        });
        Ok(Declaration::new(state)
            .outbox(&settings.outbox, |state| state.relay.clone())
            .endpoint(auth::REGISTER, handlers::register::handle)
            .endpoint(auth::LOGIN, handlers::login::handle)
            .endpoint(auth::VALIDATE, handlers::validate::handle)
            .endpoint(auth::REFRESH, handlers::refresh::handle)
            .endpoint(auth::LOGOUT, handlers::logout::handle)
            .endpoint(auth::PROFILE_GET, handlers::profile_get::handle)
            .endpoint(auth::PROFILE_UPDATE, handlers::profile_update::handle)
            .endpoint(auth::USERS_LIST, handlers::users_list::handle)
            .endpoint(auth::ROLES_SET, handlers::roles_set::handle)
            .endpoint(auth::EMAILS_OF, handlers::emails_of::handle)
            .endpoint(auth::AUDIT, handlers::audit::handle)
            .endpoint(
                auth::MARKETING_AUDIENCE,
                handlers::marketing_audience::handle,
            )
            .endpoint(auth::PASSWORD_RESET, handlers::password_reset::handle)
            .endpoint(
                auth::PASSWORD_RESET_CONFIRM,
                handlers::password_reset_confirm::handle,
            )
            .endpoint(
                auth::PASSWORD_RESET_CHECK,
                handlers::password_reset_check::handle,
            )
            .endpoint(auth::VERIFY_EMAIL, handlers::verify_email::handle)
            .endpoint(auth::PROFILE_OF, handlers::profile_of::handle)
            .endpoint(auth::MARKETING_OPT_OUT, handlers::marketing_opt_out::handle)
            .endpoint(
                auth::VERIFY_EMAIL_RESEND,
                handlers::verify_email_resend::handle,
            )
            .endpoint(auth::LINK_TOKEN, handlers::link_token::handle))
    }
}
