//! Rate limits shared by every edge instance: credential routes (login, register, refresh,
//! password reset), order placement, cart writes (which create carts), payment attempts (card
//! testing: trying stolen card numbers one after another), verification-email resends (each
//! sends mail) and reviews (spam).
//!
//! A route opts in with an [`Admitted`] extractor naming its limit. Each request counts against
//! its client's address ([`client_address`]: the TCP peer, or `X-Forwarded-For` behind a trusted
//! proxy) and, when it carries a valid access token, against its user too, so neither many
//! addresses for one account nor many accounts from one address get past. Over a limit: 429 with
//! `Retry-After`.
//!
//! The counts live in Redis ([`gcra`]), so a client gets the same limit whichever edge it
//! reaches. If Redis cannot be reached, each edge falls back to counting in its own memory
//! (governor, the same quotas) rather than refusing every request or letting all through; that
//! memory is swept every minute and bounded ([`local`]).

mod client_address;
mod gcra;
mod local;

use std::marker::PhantomData;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::RETRY_AFTER;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use menuskart_schemas::ErrorCode;

pub use client_address::TrustedProxies;
pub use gcra::{Decision, Quota};

use crate::errors::ApiError;
use crate::state::AppState;

/// The limited kinds of request, each with its own quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Credentials,
    Orders,
    Carts,
    Payments,
    EmailResends,
    Reviews,
}

impl Scope {
    const ALL: [Scope; 6] = [
        Scope::Credentials,
        Scope::Orders,
        Scope::Carts,
        Scope::Payments,
        Scope::EmailResends,
        Scope::Reviews,
    ];

    fn name(self) -> &'static str {
        match self {
            Scope::Credentials => "credentials",
            Scope::Orders => "orders",
            Scope::Carts => "carts",
            Scope::Payments => "payments",
            Scope::EmailResends => "email_resends",
            Scope::Reviews => "reviews",
        }
    }
}

/// The quota of each scope.
#[derive(Debug, Clone, Copy)]
pub struct Quotas {
    pub credentials: Quota,
    pub orders: Quota,
    pub carts: Quota,
    pub payments: Quota,
    pub email_resends: Quota,
    pub reviews: Quota,
}

impl Quotas {
    fn of(&self, scope: Scope) -> Quota {
        match scope {
            Scope::Credentials => self.credentials,
            Scope::Orders => self.orders,
            Scope::Carts => self.carts,
            Scope::Payments => self.payments,
            Scope::EmailResends => self.email_resends,
            Scope::Reviews => self.reviews,
        }
    }
}

/// What the limits are keyed on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Subject {
    /// A client's address, or its IPv6 network ([`client_address::counted_network`]).
    Network(ipnet::IpNet),
    User(menuskart_schemas::ids::UserId),
}

impl Subject {
    fn client(address: IpAddr) -> Self {
        Self::Network(client_address::counted_network(address))
    }
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Network(network) => write!(f, "ip:{network}"),
            Subject::User(user) => write!(f, "user:{user}"),
        }
    }
}

#[derive(Clone)]
pub struct RateLimits {
    redis: gcra::RedisGcra,
    key_prefix: Arc<str>,
    quotas: Quotas,
    proxies: TrustedProxies,
    /// Used while Redis is out of reach.
    fallback: Arc<local::LocalLimits>,
}

impl std::fmt::Debug for RateLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimits")
            .field("quotas", &self.quotas)
            .field("proxies", &self.proxies)
            .finish_non_exhaustive()
    }
}

impl RateLimits {
    /// Limits counted in the Redis at `redis_url`, under keys starting with `key_prefix`.
    pub async fn connect(
        redis_url: &str,
        key_prefix: &str,
        quotas: Quotas,
        proxies: TrustedProxies,
    ) -> Result<Self, redis::RedisError> {
        let redis = redis::aio::ConnectionManager::new(redis::Client::open(redis_url)?).await?;
        let fallback = local::LocalLimits::new(&quotas, local::KEYS_MAX);
        Ok(Self {
            redis: gcra::RedisGcra::new(redis),
            key_prefix: format!("{key_prefix}rate:").into(),
            quotas,
            proxies,
            fallback: Arc::new(fallback),
        })
    }

    /// Forgets idle clients of the in-memory fallback (the edge does it every minute).
    pub fn sweep(&self) {
        self.fallback.sweep();
    }

    async fn decide(&self, scope: Scope, subject: Subject) -> Decision {
        let quota = self.quotas.of(scope);
        let key = format!("{}{}:{subject}", self.key_prefix, scope.name());
        match self.redis.admit(&key, quota).await {
            Ok(decision) => decision,
            Err(error) => {
                tracing::warn!(%error, "rate limits: Redis unavailable, counting locally");
                self.fallback.decide(scope, subject)
            }
        }
    }

    /// Counts one request of `scope` from `address`, and for `user` when signed in.
    pub async fn admit(
        &self,
        scope: Scope,
        address: IpAddr,
        user: Option<menuskart_schemas::ids::UserId>,
    ) -> Result<(), RateLimited> {
        let mut wait = Duration::ZERO;
        for subject in std::iter::once(Subject::client(address)).chain(user.map(Subject::User)) {
            if let Decision::Limited { retry_after } = self.decide(scope, subject).await {
                wait = wait.max(retry_after);
            }
        }
        if wait.is_zero() {
            Ok(())
        } else {
            Err(RateLimited { retry_after: wait })
        }
    }

    /// The client's address for a request from `peer`.
    pub fn client_address(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        self.proxies.client(peer, headers)
    }
}

/// A limit a route can name: [`Credentials`], [`OrderPlacement`], [`CartWrites`],
/// [`PaymentAttempts`], [`EmailResends`], [`ReviewWrites`].
pub trait Limit: Send + Sync + 'static {
    const SCOPE: Scope;
}

/// Login, registration, token refresh and password resets.
pub struct Credentials;
/// Placing an order.
pub struct OrderPlacement;
/// Changing a cart (the first change creates it).
pub struct CartWrites;
/// Paying an order: each attempt may try another card.
pub struct PaymentAttempts;
/// Asking for another verification email.
pub struct EmailResends;
/// Writing a review (one per product and user, but accounts are cheap: spam across products).
pub struct ReviewWrites;

impl Limit for Credentials {
    const SCOPE: Scope = Scope::Credentials;
}
impl Limit for OrderPlacement {
    const SCOPE: Scope = Scope::Orders;
}
impl Limit for CartWrites {
    const SCOPE: Scope = Scope::Carts;
}
impl Limit for PaymentAttempts {
    const SCOPE: Scope = Scope::Payments;
}
impl Limit for EmailResends {
    const SCOPE: Scope = Scope::EmailResends;
}

impl Limit for ReviewWrites {
    const SCOPE: Scope = Scope::Reviews;
}

/// A request that passed its route's limit `L`.
pub struct Admitted<L: Limit>(PhantomData<L>);

impl<L: Limit> FromRequestParts<AppState> for Admitted<L> {
    type Rejection = RateLimited;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, RateLimited> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
        let address = state.rate_limits.client_address(peer, &parts.headers);
        // A bad or missing token is the route's own extractor to report: here it only means
        // no user to count.
        let user = crate::auth::authenticate(parts, state)
            .ok()
            .map(|user| user.claims.sub);
        state.rate_limits.admit(L::SCOPE, address, user).await?;
        Ok(Self(PhantomData))
    }
}

/// 429 with `Retry-After` (whole seconds, at least 1).
#[derive(Debug)]
pub struct RateLimited {
    retry_after: Duration,
}

impl IntoResponse for RateLimited {
    fn into_response(self) -> Response {
        let mut response =
            ApiError::new(ErrorCode::TooManyRequests, "too many requests; slow down")
                .into_response();
        let wait = self.retry_after;
        let seconds = (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1);
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(RETRY_AFTER, value);
        }
        response
    }
}
