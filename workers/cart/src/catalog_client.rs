//! What the cart asks the catalog: one product with its stock (when adding), and the products
//! of a cart's lines (when pricing it).

use menuskart_kit::Caller;
use menuskart_kit::rpc::{RpcError, ServiceClient};
use menuskart_schemas::catalog::{Product, ProductIds, ProductRef};
use menuskart_schemas::ids::ProductId;
use menuskart_schemas::subjects::catalog;

#[derive(Debug, Clone)]
pub struct CatalogClient {
    client: ServiceClient,
}

impl CatalogClient {
    pub fn new(client: ServiceClient) -> Self {
        Self { client }
    }

    /// A product by its id, with its current stock (when inventory answered).
    pub async fn product(&self, id: &ProductId) -> Result<Product, RpcError> {
        let body = ProductRef { id: id.to_string() };
        self.client
            .call(catalog::GET, &Caller::anonymous(), &body)
            .await
    }

    /// The products of these ids that still exist, as the catalog has them now.
    pub async fn products(&self, ids: Vec<ProductId>) -> Result<Vec<Product>, RpcError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.client
            .call(catalog::GET_MANY, &Caller::anonymous(), &ProductIds { ids })
            .await
    }
}
