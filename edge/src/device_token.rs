//! A known-device token: the auth service hands one out at a device's first successful login,
//! and a login that presents it is throttled on the device's own count, so failed attempts made
//! elsewhere cannot lock the device's owner out. Browsers keep it in the `mk_device` cookie
//! (HttpOnly, sent only to `/auth`); API clients send the `X-Device-Token` header and read the
//! same header from the login's response. The edge only carries it; the auth service checks it.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::Cookie;

use crate::errors::ApiError;

pub const COOKIE: &str = "mk_device";
pub const HEADER: &str = "x-device-token";
/// As long as the auth service remembers a device without a login from it.
const MAX_AGE_DAYS: i64 = 180;

/// The device token the request carries, if any (the header wins over the cookie).
#[derive(Debug, Clone, Default)]
pub struct DeviceToken(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for DeviceToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Ok(Self(crate::client_token::from_header_or_cookie(
            &parts.headers,
            HEADER,
            COOKIE,
        )))
    }
}

/// The cookie that keeps the device's token: HttpOnly (page scripts never need it), and only
/// for the auth routes.
pub fn cookie(token: String) -> Cookie<'static> {
    crate::client_token::auth_cookie(COOKIE, token, MAX_AGE_DAYS)
}
