//! `mk.auth.users_list` (admin): a page of accounts, newest first, optionally those whose email
//! contains a text.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{UsersListRequest, UsersPage};

use crate::state::AuthState;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<UsersListRequest>,
) -> Result<UsersPage, ReplyError> {
    req.caller.require_admin()?;
    let UsersListRequest { paging, email } = req.body;
    let window = paging.window()?;
    let (users, total) = state
        .store
        .list_users(
            email.as_deref(),
            i64::from(window.limit),
            i64::from(window.offset),
        )
        .await
        .map_err(ReplyError::internal)?;
    Ok(UsersPage {
        items: users.into_iter().map(|u| u.into_profile()).collect(),
        total,
        page: paging.page,
        per_page: paging.per_page,
    })
}
