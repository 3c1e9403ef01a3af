//! `mk.catalog.shop`: the shop's currency and how its prices are taxed (the storefront shows
//! "incl. VAT" or "plus VAT" by it).

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::Empty;
use menuskart_schemas::catalog::ShopInfo;

use crate::state::CatalogState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<CatalogState>,
    _req: Incoming<Empty>,
) -> Result<ShopInfo, ReplyError> {
    Ok(ShopInfo {
        currency: state.pricing.currency,
        prices_include_tax: state.pricing.prices_include_tax,
        default_tax_rate_bp: state.pricing.rates.default_bp(),
    })
}
