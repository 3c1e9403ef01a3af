//! Behind TLS (`MK_BEHIND_TLS`) every cookie the edge sets is `Secure`: the browser then never
//! sends a visitor's cart token or a known-device token over plain HTTP, where anyone on the
//! path could read it. One layer over every response rather than a flag in each cookie's
//! builder, so no cookie (today's or a future one) can be set without it. Over plain HTTP (as
//! in development) the flag stays off: browsers would refuse a `Secure` cookie from an
//! `http://` address other than localhost.

use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use cookie::Cookie;

/// Marks every `Set-Cookie` of `response` `Secure` (for `axum::middleware::map_response`).
pub async fn mark_secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let cookies: Vec<HeaderValue> = headers.get_all(SET_COOKIE).iter().cloned().collect();
    if cookies.is_empty() {
        return response;
    }
    headers.remove(SET_COOKIE);
    for value in cookies {
        headers.append(SET_COOKIE, secure(value));
    }
    response
}

/// `value` with the `Secure` attribute; unchanged if it has it (or is not a cookie we can read,
/// which the edge never sets).
fn secure(value: HeaderValue) -> HeaderValue {
    let Ok(text) = value.to_str() else {
        return value;
    };
    match Cookie::parse(text) {
        Ok(cookie) if cookie.secure() != Some(true) => {
            HeaderValue::from_str(&format!("{text}; Secure")).unwrap_or(value)
        }
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_gets_secure_once() {
        let plain = HeaderValue::from_static("mk_cart=abc; HttpOnly; SameSite=Lax; Path=/");
        let marked = secure(plain);
        assert_eq!(
            marked,
            "mk_cart=abc; HttpOnly; SameSite=Lax; Path=/; Secure"
        );
        assert_eq!(secure(marked.clone()), marked);
        let parsed = Cookie::parse(marked.to_str().unwrap()).unwrap();
        assert_eq!(parsed.secure(), Some(true));
        assert_eq!(parsed.value(), "abc");
    }
}
