//! Prices as the shop shows them: every product leaving the catalog says its tax rate and
//! whether its price includes tax, so the storefront can print "incl. 19 % VAT" and the cart
//! can tax its lines without knowing any rate itself.

use menuskart_kit::ReplyError;
use menuskart_schemas::catalog::Product;

use crate::domain::CategoryRates;
use crate::state::CatalogState;
use crate::store::categories::CategoryRow;

/// Every category's rate, through the cache (a category update bumps its generation).
pub(crate) async fn category_rates(state: &CatalogState) -> Result<CategoryRates, ReplyError> {
    state
        .cache
        .get_or_load("tax_rates", async {
            let rows = state.store.categories().await?;
            Ok::<_, ReplyError>(resolve(state, &rows))
        })
        .await
}

/// The rates of `rows` with the shop's configured ones.
pub(crate) fn resolve(state: &CatalogState, rows: &[CategoryRow]) -> CategoryRates {
    state.pricing.rates.resolve(
        rows.iter()
            .map(|row| (row.path.as_slice(), row.tax_rate_bp)),
    )
}

/// Sets each product's tax rate and the shop's tax setting.
pub(crate) async fn with_tax(
    state: &CatalogState,
    products: &mut [Product],
) -> Result<(), ReplyError> {
    if products.is_empty() {
        return Ok(());
    }
    let rates = category_rates(state).await?;
    for product in products {
        product.tax_rate_bp = rates.rate_for(&product.category);
        product.price_includes_tax = state.pricing.prices_include_tax;
    }
    Ok(())
}
