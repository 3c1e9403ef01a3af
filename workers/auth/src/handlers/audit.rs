//! `mk.auth.audit` (admin): the role changes of the audit log, newest first.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::audit::{AuditChange, AuditEntries, AuditEntry, AuditQuery, entry_id};
use menuskart_schemas::auth::Role;
use menuskart_schemas::ids::UserId;

use crate::state::AuthState;
use crate::store::role_changes::RoleChange;

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<AuditQuery>,
) -> Result<AuditEntries, ReplyError> {
    req.caller.require_admin()?;
    let limit = req.body.checked_limit()?;
    let after = req.body.after_uuid()?;
    let changes = state.store.role_changes(after, limit).await?;
    Ok(AuditEntries {
        entries: changes.into_iter().map(entry).collect(),
    })
}

fn entry(change: RoleChange) -> AuditEntry {
    let roles = |stored: Vec<String>| stored.iter().filter_map(|r| Role::parse(r)).collect();
    AuditEntry {
        id: entry_id("auth", change.id),
        at: change.changed_at,
        actor: change.changed_by.map(UserId),
        actor_email: None,
        change: AuditChange::RolesChanged {
            user_id: UserId(change.user_id),
            email: change.email,
            from: roles(change.from_roles),
            to: roles(change.to_roles),
        },
    }
}
