//! Who writes a review, as the review names them: the account's name, asked of the auth service
//! with the reviewer's own token (their own profile), made short by [`reviewer_name`].

use menuskart_kit::Caller;
use menuskart_schemas::Empty;
use menuskart_schemas::subjects::auth;

use crate::domain::reviewer_name;
use crate::state::CatalogState;

/// The reviewer's display name; `None` when auth does not answer in time (the review is still
/// taken, and shows without a name).
pub(crate) async fn name_of(state: &CatalogState, reviewer: &Caller) -> Option<String> {
    let profile = state
        .services
        .call(auth::PROFILE_GET, reviewer, &Empty {})
        .await
        .inspect_err(|error| tracing::warn!(%error, "reviewer's profile unavailable"))
        .ok()?;
    reviewer_name(&profile.name)
}
