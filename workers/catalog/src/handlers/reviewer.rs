//! Who writes a review, as the review shows them: the account's name (asked of the auth
//! service, made short by [`reviewer_name`]) and whether they bought the product (asked of the
//! order service). Both are asked with the reviewer's own token, so each service answers about
//! that reviewer alone, and both at once.

use menuskart_kit::Caller;
use menuskart_schemas::Empty;
use menuskart_schemas::ids::ProductId;
use menuskart_schemas::orders::PurchaseQuestion;
use menuskart_schemas::subjects::{auth, orders};

use crate::domain::reviewer_name;
use crate::state::CatalogState;

pub(crate) struct Reviewer {
    /// `None` when auth does not answer in time: the review is still taken, without a name.
    pub name: Option<String>,
    /// `false` when the order service does not answer in time: a review is never marked a
    /// verified buyer's without its word.
    pub verified_buyer: bool,
}

pub(crate) async fn about(
    state: &CatalogState,
    reviewer: &Caller,
    product: &ProductId,
) -> Reviewer {
    let question = PurchaseQuestion {
        product_id: product.clone(),
    };
    let (profile, purchased) = tokio::join!(
        state.services.call(auth::PROFILE_GET, reviewer, &Empty {}),
        state.services.call(orders::PURCHASED, reviewer, &question),
    );
    let name = profile
        .inspect_err(|error| tracing::warn!(%error, "reviewer's profile unavailable"))
        .ok()
        .and_then(|profile| reviewer_name(&profile.name));
    let verified_buyer = purchased
        .inspect_err(|error| tracing::warn!(%error, "reviewer's purchases unavailable"))
        .is_ok_and(|answer| answer.purchased);
    Reviewer {
        name,
        verified_buyer,
    }
}
