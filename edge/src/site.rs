//! The shop's own address, for links that must be absolute (a sitemap's).

use axum::http::{HeaderMap, header};

#[derive(Debug, Clone)]
pub struct SiteAddress {
    /// `MK_PUBLIC_URL`, without its trailing slash.
    public_url: Option<String>,
    behind_tls: bool,
}

impl SiteAddress {
    pub fn new(public_url: Option<&str>, behind_tls: bool) -> Self {
        Self {
            public_url: public_url
                .map(|url| url.trim_end_matches('/').to_owned())
                .filter(|url| !url.is_empty()),
            behind_tls,
        }
    }

    /// `https://shop.example`: the configured address, else the one this request was sent to.
    pub fn origin(&self, headers: &HeaderMap) -> String {
        if let Some(url) = &self.public_url {
            return url.clone();
        }
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| {
                h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
            })
            .unwrap_or("localhost");
        let scheme = if self.behind_tls { "https" } else { "http" };
        format!("{scheme}://{host}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configured_address_wins_over_the_host_header() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, "127.0.0.1:8080".parse().unwrap());
        assert_eq!(
            SiteAddress::new(None, false).origin(&headers),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            SiteAddress::new(None, true).origin(&headers),
            "https://127.0.0.1:8080"
        );
        assert_eq!(
            SiteAddress::new(Some("https://shop.example/"), false).origin(&headers),
            "https://shop.example"
        );
        headers.insert(header::HOST, "evil.example/<x>".parse().unwrap());
        assert_eq!(
            SiteAddress::new(None, false).origin(&headers),
            "http://localhost"
        );
    }
}
