//! Browser sessions keep their refresh token in an HttpOnly cookie, never in a body or storage
//! a page script can read: an injected script could otherwise take the 30-day token and keep the
//! session from anywhere. A browser asks for it with `X-Session: cookie` on login, refresh and
//! logout; API clients send nothing and keep the contract's JSON (the refresh token in the body).
//!
//! The cookie (`mk_refresh`) is HttpOnly, `SameSite=Strict`, sent only to `/auth` (refresh and
//! logout), and `Secure` behind TLS (`crate::secure_cookies`). Using it is CSRF-checked: the
//! request must carry `X-Session: cookie`, a header a page of another site cannot send without
//! the edge's CORS consent (which it never gives), and, when the browser names the page's origin
//! (`Origin`), that origin must be this host.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::{HOST, ORIGIN};
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar};

use crate::errors::ApiError;

pub const COOKIE: &str = "mk_refresh";
/// The request header of a browser session, and its value.
pub const HEADER: &str = "x-session";
pub const VALUE: &str = "cookie";
/// As long as the auth service keeps a refresh token (`MK_AUTH_REFRESH_TOKEN_TTL_SECS`'s
/// default); a cookie that outlives its token is refused like any expired token.
const MAX_AGE_DAYS: i64 = 30;

/// Whether the request is a browser session's (`X-Session: cookie`), checked against cross-site
/// use: a handler that takes it gets `BrowserSession(true)` only for a same-site request.
#[derive(Debug, Clone, Copy)]
pub struct BrowserSession(pub bool);

impl<S: Send + Sync> FromRequestParts<S> for BrowserSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        requested(&parts.headers).map(Self)
    }
}

/// Whether the request asks for a browser session, checked against cross-site use.
pub fn requested(headers: &HeaderMap) -> Result<bool, ApiError> {
    if headers.get(HEADER).and_then(|v| v.to_str().ok()) != Some(VALUE) {
        return Ok(false);
    }
    if let Some(origin) = headers.get(ORIGIN) {
        let host = headers.get(HOST).and_then(|v| v.to_str().ok());
        let origin_host = origin
            .to_str()
            .ok()
            .and_then(|o| o.split_once("://"))
            .map(|(_, host)| host);
        if origin_host.is_none() || origin_host != host {
            return Err(ApiError::new(
                menuskart_schemas::ErrorCode::Forbidden,
                "cross-site session request",
            ));
        }
    }
    Ok(true)
}

/// The cookie that keeps a browser session's refresh token.
pub fn cookie(token: String) -> Cookie<'static> {
    crate::client_token::auth_cookie(COOKIE, token, MAX_AGE_DAYS)
}

/// The refresh token a browser session's cookie holds.
pub fn token(jar: &CookieJar) -> Option<String> {
    jar.get(COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}

/// Removes the cookie (logout, a refused refresh).
pub fn removal() -> Cookie<'static> {
    Cookie::build((COOKIE, "")).path("/auth").build()
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;
    use axum_extra::extract::cookie::SameSite;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn a_browser_session_is_asked_for_by_header_and_only_from_this_host() {
        assert!(!requested(&headers(&[])).unwrap());
        assert!(
            requested(&headers(&[
                ("x-session", "cookie"),
                ("host", "shop.example")
            ]))
            .unwrap()
        );
        assert!(
            requested(&headers(&[
                ("x-session", "cookie"),
                ("host", "shop.example"),
                ("origin", "https://shop.example"),
            ]))
            .unwrap()
        );
        assert!(
            requested(&headers(&[
                ("x-session", "cookie"),
                ("host", "shop.example"),
                ("origin", "https://evil.example"),
            ]))
            .is_err()
        );
        assert!(
            requested(&headers(&[
                ("x-session", "cookie"),
                ("host", "shop.example"),
                ("origin", "null"),
            ]))
            .is_err()
        );
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_only_for_the_auth_routes() {
        let cookie = cookie("r".into());
        assert_eq!(cookie.http_only(), Some(true));
        assert_eq!(cookie.same_site(), Some(SameSite::Strict));
        assert_eq!(cookie.path(), Some("/auth"));
    }
}
