//! `mk.catalog.get_many`: several products by id (through the cache) with their stock, for
//! carts that price their lines at read time and offer no more than can be bought.

use std::sync::Arc;

use futures::future::join_all;
use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::ErrorCode;
use menuskart_schemas::catalog::{Product, ProductIds};

use super::get::{find, stock, visible_to};
use crate::state::CatalogState;

const MAX_IDS: usize = 100;

#[tracing::instrument(skip_all, fields(count = req.body.ids.len()))]
pub async fn handle(
    state: Arc<CatalogState>,
    req: Incoming<ProductIds>,
) -> Result<Vec<Product>, ReplyError> {
    if req.body.ids.len() > MAX_IDS {
        return Err(ReplyError::invalid_field(
            "ids",
            format!("at most {MAX_IDS} ids per request"),
        ));
    }
    let found = join_all(req.body.ids.iter().map(|id| find(&state, id.as_str()))).await;
    let mut products = Vec::with_capacity(found.len());
    for product in found {
        match product {
            Ok(product) if visible_to(&product, &req.caller) => products.push(product),
            // A draft or archived product is not sold: a cart drops its line, as for a deleted one.
            Ok(_) => {}
            Err(error) if error.code() == ErrorCode::NotFound => {}
            Err(error) => return Err(error),
        }
    }
    let levels = join_all(products.iter().map(|p| stock(&state, &p.id))).await;
    for (product, level) in products.iter_mut().zip(levels) {
        product.stock = level;
    }
    super::pricing::with_tax(&state, &mut products).await?;
    Ok(products)
}
