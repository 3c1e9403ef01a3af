//! `mk.auth.users_list` (admin): a page of accounts, newest first, optionally those whose email
//! contains a text.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{UsersListRequest, UsersPage};

use crate::state::AuthState;

const MAX_PER_PAGE: u32 = 100;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<UsersListRequest>,
) -> Result<UsersPage, ReplyError> {
    req.caller.require_admin()?;
    let UsersListRequest {
        page,
        per_page,
        email,
    } = req.body;
    if page == 0 {
        return Err(ReplyError::invalid_field("page", "starts at 1"));
    }
    if per_page == 0 || per_page > MAX_PER_PAGE {
        return Err(ReplyError::invalid_field(
            "per_page",
            format!("must be 1 to {MAX_PER_PAGE}"),
        ));
    }
    let offset = i64::from(page - 1) * i64::from(per_page);
    let (users, total) = state
        .store
        .list_users(email.as_deref(), i64::from(per_page), offset)
        .await
        .map_err(ReplyError::internal)?;
    Ok(UsersPage {
        items: users.into_iter().map(|u| u.into_profile()).collect(),
        total,
        page,
        per_page,
    })
}
