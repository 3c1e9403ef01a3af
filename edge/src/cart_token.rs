//! A visitor's cart token: sent back by the client as the `mk_cart` cookie (browsers) or the
//! `X-Cart-Token` header (API clients), and set as that cookie whenever the cart service hands
//! one out. The edge only carries it; the cart service checks it.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, SameSite};

use crate::errors::ApiError;

pub const COOKIE: &str = "mk_cart";
pub const HEADER: &str = "x-cart-token";
/// A visitor's cart lives this long without a visit.
const MAX_AGE_DAYS: i64 = 30;

/// The cart token the request carries, if any (the header wins over the cookie).
#[derive(Debug, Clone, Default)]
pub struct CartToken(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for CartToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Ok(Self(crate::client_token::from_header_or_cookie(
            &parts.headers,
            HEADER,
            COOKIE,
        )))
    }
}

/// The cookie that keeps a visitor's cart (HttpOnly: page scripts never need it).
pub fn cookie(token: String) -> Cookie<'static> {
    Cookie::build((COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::days(MAX_AGE_DAYS))
        .build()
}

/// The cookie to remove (with `CookieJar::remove`) once the cart was merged into a user's.
pub fn removal() -> Cookie<'static> {
    Cookie::build((COOKIE, "")).path("/").build()
}
