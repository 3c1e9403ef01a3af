//! Tokens a client keeps for us (a visitor's cart, a known device): browsers send them in an
//! HttpOnly cookie, API clients in a header of their own. The header wins.

use axum::http::HeaderMap;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

/// The token in `header`, or else in `cookie`.
pub fn from_header_or_cookie(headers: &HeaderMap, header: &str, cookie: &str) -> Option<String> {
    if let Some(value) = headers.get(header).and_then(|v| v.to_str().ok()) {
        return Some(value.trim().to_owned());
    }
    CookieJar::from_headers(headers)
        .get(cookie)
        .map(|c| c.value().to_owned())
}

/// A cookie `name` that keeps `token` for the auth routes only: HttpOnly (page scripts never
/// need it), `SameSite=Strict`, sent only to `/auth`, for `max_age_days`.
pub fn auth_cookie(name: &'static str, token: String, max_age_days: i64) -> Cookie<'static> {
    Cookie::build((name, token))
        .path("/auth")
        .http_only(true)
        .same_site(SameSite::Strict)
        .max_age(cookie::time::Duration::days(max_age_days))
        .build()
}
