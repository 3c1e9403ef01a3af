//! Found by search engines: `/sitemap.xml` lists every page a shopper may see (active products,
//! categories), never a draft, and follows the catalog's changes; `/robots.txt` points to it.

use menuskart_e2e::{TestApp, json_of};
use reqwest::{Method, StatusCode};
use serde_json::json;

async fn sitemap(app: &TestApp) -> String {
    let response = app.get("/sitemap.xml", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_sitemap_lists_what_shoppers_see_and_robots_point_to_it() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let active = app
        .stocked_product(&admin, "Massaman Curry", 1290, "curries", 5)
        .await;
    let draft = json_of(
        app.post(
            "/products",
            Some(&admin.access_token),
            json!({"name": "Secret Curry", "price": 990, "category": "curries", "status": "draft"}),
        )
        .await,
    )
    .await;
    assert_eq!(draft["status"], "draft");

    let origin = app.url("");
    let xml = sitemap(&app).await;
    assert!(
        xml.contains(&format!("<loc>{origin}/p/massaman-curry</loc>")),
        "{xml}"
    );
    assert!(
        xml.contains(&format!("<loc>{origin}/shop?category=curries</loc>")),
        "{xml}"
    );
    assert!(
        !xml.contains("secret-curry"),
        "drafts are nobody's business: {xml}"
    );

    // A change shows at once: the product is archived, so it leaves the sitemap.
    app.call(
        Method::PATCH,
        &format!("/products/{active}"),
        Some(&admin.access_token),
        Some(json!({"status": "archived"})),
    )
    .await;
    assert!(!sitemap(&app).await.contains("massaman-curry"));

    let robots = app.get("/robots.txt", None).await.text().await.unwrap();
    assert!(
        robots.contains(&format!("Sitemap: {origin}/sitemap.xml")),
        "{robots}"
    );
    assert!(robots.contains("Disallow: /checkout"), "{robots}");
}
