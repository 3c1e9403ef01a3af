//! `mk.auth.profile_update`: change the caller's name, phone, addresses or marketing consent.

use std::sync::Arc;

use menuskart_kit::{Incoming, ReplyError};
use menuskart_schemas::auth::{Profile, ProfilePatch};

use crate::domain::{DisplayName, MAX_ADDRESSES, Phone, PostalAddress, ValidationError};
use crate::state::AuthState;
use crate::store::users::ProfileChanges;

/// Parses a patch into changes: every present field must be valid.
fn parse(patch: ProfilePatch) -> Result<ProfileChanges, ValidationError> {
    let addresses = match patch.addresses {
        Some(list) if list.len() > MAX_ADDRESSES => {
            return Err(ValidationError::new(
                "addresses",
                format!("at most {MAX_ADDRESSES} addresses"),
            ));
        }
        Some(list) => Some(
            list.into_iter()
                .map(|a| PostalAddress::parse(a).map(PostalAddress::into_inner))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        None => None,
    };
    Ok(ProfileChanges {
        name: patch
            .name
            .map(|n| DisplayName::parse(&n))
            .transpose()?
            .map(|n| n.as_str().to_owned()),
        phone: patch
            .phone
            .map(|phone| {
                phone
                    .map(|p| Phone::parse(&p).map(|p| p.as_str().to_owned()))
                    .transpose()
            })
            .transpose()?,
        addresses,
        marketing_opt_in: patch.marketing_opt_in,
    })
}

#[tracing::instrument(skip_all)]
pub async fn handle(
    state: Arc<AuthState>,
    req: Incoming<ProfilePatch>,
) -> Result<Profile, ReplyError> {
    let user_id = req.caller.require_user()?;
    let changes = parse(req.body)?;
    let user = state
        .store
        .update_profile(user_id, changes)
        .await?
        .ok_or_else(|| ReplyError::not_found("no such account"))?;
    Ok(user.into_profile())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_is_parsed_field_by_field() {
        let patch: ProfilePatch =
            serde_json::from_str(r#"{"name":" Ada ","phone":null,"marketing_opt_in":true}"#)
                .unwrap();
        let changes = parse(patch).unwrap();
        assert_eq!(changes.name.as_deref(), Some("Ada"));
        assert_eq!(changes.phone, Some(None));
        assert_eq!(changes.addresses, None);
        assert_eq!(changes.marketing_opt_in, Some(true));
    }

    #[test]
    fn a_bad_field_fails_the_whole_patch() {
        let patch: ProfilePatch = serde_json::from_str(r#"{"name":"Ada","phone":"12"}"#).unwrap();
        assert_eq!(parse(patch).unwrap_err().field, "phone");
    }
}
