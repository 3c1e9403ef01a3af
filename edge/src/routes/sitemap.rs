//! `/sitemap.xml` and `/robots.txt`: how search engines find every product and category page
//! (from `mk.catalog.sitemap`, through the catalog's cache).

use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::IntoResponse;
use menuskart_kit::Caller;
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::SitemapEntries;
use menuskart_schemas::subjects::catalog;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::bus::Call;
use crate::errors::ApiError;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sitemap))
        .routes(routes!(robots))
}

/// The sitemap (sitemaps.org): the home page, the full listing, each category's listing and
/// every active product's page with its last change. Drafts and archived products are not in it.
#[utoipa::path(get, path = "/sitemap.xml", tag = "catalog",
    responses((status = 200, description = "The sitemap", content_type = "application/xml", body = String)))]
pub async fn sitemap(
    State(state): State<AppState>,
    call: Call,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let entries: SitemapEntries = call
        .send(catalog::SITEMAP, &Caller::anonymous(), &Empty {})
        .await?;
    let origin = state.site.origin(&headers);
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        sitemap_xml(&origin, &entries),
    ))
}

/// Where crawlers may go: the shop, not the account, checkout or admin pages; and where the
/// sitemap is.
#[utoipa::path(get, path = "/robots.txt", tag = "catalog",
    responses((status = 200, description = "Rules for crawlers", content_type = "text/plain", body = String)))]
pub async fn robots(State(state): State<AppState>, headers: HeaderMap) -> impl IntoResponse {
    let origin = state.site.origin(&headers);
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "User-agent: *\nDisallow: /account\nDisallow: /admin\nDisallow: /basket\n\
             Disallow: /checkout\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n"
        ),
    )
}

fn sitemap_xml(origin: &str, entries: &SitemapEntries) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |path: &str, lastmod: Option<String>| {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape(&format!("{origin}{path}")));
        xml.push_str("</loc>");
        if let Some(lastmod) = lastmod {
            xml.push_str("<lastmod>");
            xml.push_str(&lastmod);
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    };
    url("/", None);
    url("/shop", None);
    for slug in &entries.categories {
        url(&format!("/shop?category={slug}"), None);
    }
    for product in &entries.products {
        url(
            &format!("/p/{}", product.slug),
            Some(product.updated_at.format("%Y-%m-%d").to_string()),
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

/// XML's five special characters (`&` in a category query string above all).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::catalog::SitemapProduct;

    #[test]
    fn lists_pages_with_absolute_escaped_addresses() {
        let entries = SitemapEntries {
            products: vec![SitemapProduct {
                slug: "pad-thai".into(),
                updated_at: "2026-12-07T10:00:00Z".parse().unwrap(),
            }],
            categories: vec!["dishes".into()],
        };
        let xml = sitemap_xml("https://shop.example", &entries);
        assert!(xml.contains("<loc>https://shop.example/</loc>"));
        assert!(xml.contains("<loc>https://shop.example/shop?category=dishes</loc>"));
        assert!(xml.contains(
            "<url><loc>https://shop.example/p/pad-thai</loc><lastmod>2026-12-07</lastmod></url>"
        ));
        assert_eq!(escape("/shop?a=1&b=<2>"), "/shop?a=1&amp;b=&lt;2&gt;");
    }
}
