//! The storefront: the built web app (`web/dist`, `MK_WEB_DIR`) served by the edge itself, so
//! one address serves the shop and its API and the browser needs no CORS.
//!
//! API routes are matched first; only what no route claims reaches [`WebApp::serve`]:
//! - a path whose last segment has a dot is a file: served from the directory, gzip or brotli
//!   when the client takes it; Vite's hashed files under `/assets/` are cached for a year
//!   (their name changes with their content), anything else is revalidated. A missing file is
//!   the API's JSON 404, never the app (a stale page asking for an old chunk must see it fail).
//! - any other `GET` from a browser (one that accepts `text/html`) is one of the app's own
//!   client-side routes: `index.html`, revalidated on every visit so a deploy shows at once.
//!   The shop's address itself, `/`, is the app for every client that does not ask for JSON
//!   (`curl http://shop/` shows the shop, not an error).
//! - everything else (an unknown API path from `curl` or a client library, other methods) stays
//!   the JSON 404 it always was.

use std::path::PathBuf;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::{Layer, ServiceExt};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

use crate::errors;
use crate::state::AppState;

/// Hashed build output: the same URL always means the same bytes.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else may change with a deploy: use it, but ask first.
const REVALIDATE: &str = "no-cache";
const ASSETS: &str = "/assets/";

/// The directory of a built web app.
#[derive(Debug, Clone)]
pub struct WebApp {
    dir: PathBuf,
}

impl WebApp {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// Answers a request no API route took (see the module docs for the rules).
    pub async fn serve(&self, request: Request) -> Response {
        if !matches!(*request.method(), Method::GET | Method::HEAD) {
            return errors::not_found().await.into_response();
        }
        let path = request.uri().path();
        if names_a_file(path) {
            let cache = if path.starts_with(ASSETS) {
                IMMUTABLE
            } else {
                REVALIDATE
            };
            let files = CompressionLayer::new().layer(ServeDir::new(&self.dir));
            let response = respond(files.oneshot(request).await, cache);
            if response.status() == StatusCode::NOT_FOUND {
                return errors::ApiError::new(
                    menuskart_schemas::ErrorCode::NotFound,
                    "no such file",
                )
                .into_response();
            }
            response
        } else if is_navigation(request.headers()) || (path == "/" && !asks_for_json(&request)) {
            self.index(request).await
        } else {
            errors::not_found().await.into_response()
        }
    }
}

impl WebApp {
    /// The app's `index.html` for a browser navigating to an API path that is also one of the
    /// app's pages (the unsubscribe link): its request headers kept, so revalidation works.
    pub async fn page(&self, headers: &http::HeaderMap) -> Response {
        let mut request = Request::new(Body::empty());
        *request.headers_mut() = headers.clone();
        self.index(request).await
    }

    /// `index.html`, compressed when the client takes it, revalidated on every visit.
    async fn index(&self, request: Request) -> Response {
        let index = CompressionLayer::new().layer(ServeFile::new(self.dir.join("index.html")));
        respond(index.oneshot(request).await, REVALIDATE)
    }
}

/// Whether the request comes from a browser navigating (it accepts `text/html`); API clients
/// send `application/json` or `*/*`.
pub fn is_navigation(headers: &http::HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// The router's fallback: the web app when one is configured, else the JSON 404.
pub async fn fallback(State(state): State<AppState>, request: Request) -> Response {
    match &state.web {
        Some(web) => web.serve(request).await,
        None => errors::not_found().await.into_response(),
    }
}

fn respond<B>(
    result: Result<http::Response<B>, std::convert::Infallible>,
    cache: &'static str,
) -> Response
where
    B: axum::body::HttpBody<Data = bytes::Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    let Ok(response) = result;
    let mut response = response.map(Body::new);
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    response
}

/// `/assets/index-3f9a.js` or `/favicon.svg`, not `/p/pad-thai` or `/account/orders`.
fn names_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

fn accept(request: &Request) -> &str {
    request
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

/// A client that wants JSON (an API client that got the address wrong).
fn asks_for_json(request: &Request) -> bool {
    accept(request).contains("application/json")
}

#[cfg(test)]
mod tests {
    use super::names_a_file;

    #[test]
    fn a_dot_in_the_last_segment_names_a_file() {
        assert!(names_a_file("/assets/index-3f9a.js"));
        assert!(names_a_file("/favicon.svg"));
        assert!(!names_a_file("/"));
        assert!(!names_a_file("/p/pad-thai"));
        assert!(!names_a_file("/v1.2/shop"));
    }
}
