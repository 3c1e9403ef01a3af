//! One endpoint a file, each the same shape: parse the request into domain values, check the
//! caller, apply, reply. Every handler returns [`ReplyError`]: where the handler decides what a
//! failure means to its caller (a dead link, a session that ended), it builds the error there
//! with the kit's helpers (`ReplyError::unauthorized(..)`, `ReplyError::not_found(..)`, ...);
//! errors from below (store, hasher, tokens, validation) convert with `?` through their `From`
//! impls, which keep our own failures opaque 500s.

pub mod audit;
pub mod emails_of;
pub mod link_token;
pub mod login;
pub mod logout;
pub mod marketing_audience;
pub mod marketing_opt_out;
pub mod password_reset;
pub mod password_reset_check;
pub mod password_reset_confirm;
pub mod profile_get;
pub mod profile_of;
pub mod profile_update;
pub mod refresh;
pub mod register;
pub mod roles_set;
pub mod users_list;
pub mod validate;
pub mod verify_email;
pub mod verify_email_resend;

use menuskart_kit::ReplyError;
use menuskart_kit::jwt::{JwtError, TokenVerifier};
use menuskart_schemas::auth::AccessClaims;

/// Claims of an access token, as its own failure: expired and invalid tokens are both 401s.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadToken(#[from] JwtError);

impl From<BadToken> for ReplyError {
    fn from(error: BadToken) -> Self {
        ReplyError::unauthorized(error.to_string())
    }
}

pub(crate) fn decode_access_token(
    verifier: &TokenVerifier,
    token: &str,
) -> Result<AccessClaims, BadToken> {
    Ok(verifier.verify(token)?.into_claims())
}

/// The message of every credential failure, whatever the reason, so that it reveals nothing.
pub(crate) const INVALID_CREDENTIALS: &str = "invalid email or password";
