//! Who is calling: read from the `mk-user-id` and `mk-roles` headers that the edge sets after it
//! verified the caller's JWT.
//!
//! Workers check authorization themselves with [`Caller::require_user`] and
//! [`Caller::require_admin`] instead of trusting that the edge routed correctly. (Who may publish
//! on `mk.>` at all is NATS's job: accounts and permissions in `nats/`.)

use async_nats::HeaderMap;
use menuskart_schemas::auth::Role;
use menuskart_schemas::headers;
use menuskart_schemas::ids::UserId;

use crate::ReplyError;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    pub user_id: Option<UserId>,
    pub roles: Vec<Role>,
}

impl Caller {
    /// Reads the caller from message headers; unknown roles are ignored, a malformed user id
    /// means anonymous.
    pub fn from_headers(headers: Option<&HeaderMap>) -> Self {
        let Some(headers) = headers else {
            return Self::default();
        };
        let user_id = headers
            .get(headers::USER_ID)
            .and_then(|v| v.as_str().parse().ok());
        let roles = headers
            .get(headers::ROLES)
            .map(|v| v.as_str().split(',').filter_map(Role::parse).collect())
            .unwrap_or_default();
        Self { user_id, roles }
    }

    /// Writes the caller into message headers (the edge's side of [`Caller::from_headers`]).
    pub fn write_headers(&self, headers: &mut HeaderMap) {
        if let Some(user_id) = self.user_id {
            headers.insert(headers::USER_ID, user_id.to_string().as_str());
            let roles: Vec<&str> = self.roles.iter().map(|r| r.as_str()).collect();
            headers.insert(headers::ROLES, roles.join(",").as_str());
        }
    }

    /// A worker acting for `user_id` (no roles): the service it calls applies that user's rules.
    pub fn user(user_id: UserId) -> Self {
        Self {
            user_id: Some(user_id),
            roles: Vec::new(),
        }
    }

    pub fn is_admin(&self) -> bool {
        self.user_id.is_some() && self.roles.contains(&Role::Admin)
    }

    /// The caller's user id, or `unauthorized`.
    pub fn require_user(&self) -> Result<UserId, ReplyError> {
        self.user_id
            .ok_or_else(|| ReplyError::unauthorized("authentication required"))
    }

    /// The admin's user id, or `unauthorized` / `forbidden`.
    pub fn require_admin(&self) -> Result<UserId, ReplyError> {
        let user_id = self.require_user()?;
        if self.is_admin() {
            Ok(user_id)
        } else {
            Err(ReplyError::forbidden("admin role required"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::ErrorCode;

    #[test]
    fn headers_round_trip() {
        let caller = Caller {
            user_id: Some(UserId::new()),
            roles: vec![Role::Customer, Role::Admin],
        };
        let mut headers = HeaderMap::new();
        caller.write_headers(&mut headers);
        assert_eq!(Caller::from_headers(Some(&headers)), caller);
    }

    #[test]
    fn roles_without_a_user_grant_nothing() {
        let mut headers = HeaderMap::new();
        headers.insert(headers::ROLES, "admin");
        let caller = Caller::from_headers(Some(&headers));
        assert!(!caller.is_admin());
        assert_eq!(
            caller.require_admin().unwrap_err().code(),
            ErrorCode::Unauthorized
        );
    }

    #[test]
    fn a_customer_is_not_an_admin() {
        let caller = Caller {
            user_id: Some(UserId::new()),
            roles: vec![Role::Customer],
        };
        assert_eq!(
            caller.require_admin().unwrap_err().code(),
            ErrorCode::Forbidden
        );
        assert!(caller.require_user().is_ok());
    }
}
