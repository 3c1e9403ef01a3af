//! `/auth/*` -> `mk.auth.*`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum_extra::extract::cookie::CookieJar;
use menuskart_kit::Caller;
use menuskart_schemas::auth::{
    EmailVerified, LoginAttempt, LoginOutcome, LoginRequest, PasswordResetConfirm,
    PasswordResetRequest, RefreshBody, RefreshRequest, RegisterRequest, ResetLinkCheck,
    ResetLinkValid, SessionTokens, TokenPair, TokenRequest, UserView, ValidatedToken,
    VerifyEmailRequest,
};
use menuskart_schemas::cart::{Cart, CartMerge};
use menuskart_schemas::subjects::{auth, cart};
use menuskart_schemas::{Empty, ErrorCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AuthUser;
use crate::bus::Call;
use crate::cart_token::{self, CartToken};
use crate::device_token::{self, DeviceToken};
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::ApiJson;
use crate::rate_limit::{Admitted, Credentials, EmailResends};
use crate::session_cookie::{self, BrowserSession};
use crate::state::AppState;

/// Routes that take credentials or send mail are rate-limited per client ([`Admitted`]).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(login))
        .routes(routes!(refresh))
        .routes(routes!(password_reset))
        .routes(routes!(password_reset_confirm))
        .routes(routes!(password_reset_check))
        .routes(routes!(logout))
        .routes(routes!(validate_token))
        .routes(routes!(verify_email))
        .routes(routes!(verify_email_resend))
}

/// Create a customer account.
#[utoipa::path(post, path = "/auth/register", tag = "auth", request_body = RegisterRequest,
    responses(
        (status = 201, description = "Account created", body = UserView),
        (status = 409, description = "Email already registered", body = ErrorResponse),
        (status = 422, description = "Malformed email, short password, empty name", body = ErrorResponse),
    ))]
pub async fn register(
    _: Admitted<Credentials>,
    call: Call,
    ApiJson(body): ApiJson<RegisterRequest>,
) -> Result<(StatusCode, Json<UserView>), ApiError> {
    let user = call
        .send(auth::REGISTER, &Caller::anonymous(), &body)
        .await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// What a client brings to a login besides its credentials: a visitor's cart, its known-device
/// token, and whether it is a browser session.
#[derive(axum::extract::FromRequestParts)]
pub struct LoginClient {
    cart: CartToken,
    device: DeviceToken,
    browser: BrowserSession,
}

/// Log in: a token pair for the account. A visitor's cart (the `mk_cart` cookie or
/// `X-Cart-Token` header) is merged into the user's cart, and the cookie cleared. The device's
/// known-device token (the `mk_device` cookie or `X-Device-Token` header) keeps failed logins
/// made elsewhere from locking this device out; the response sets it (cookie, and the header
/// for API clients). A browser session (`X-Session: cookie`) gets its refresh token only in the
/// HttpOnly `mk_refresh` cookie ([`session_cookie`]).
#[utoipa::path(post, path = "/auth/login", tag = "auth", request_body = LoginRequest,
    params(
        ("X-Cart-Token" = Option<String>, Header, description = "A visitor's cart to merge"),
        ("X-Device-Token" = Option<String>, Header, description = "This device's token from an earlier login (API clients; browsers send the cookie)"),
        ("X-Session" = Option<String>, Header, description = "`cookie`: a browser session; the refresh token is set as an HttpOnly cookie for /auth, not returned"),
    ),
    responses(
        (status = 200, description = "Logged in", body = SessionTokens,
            headers(("X-Device-Token" = String, description = "Keep it and send it with the next login from this device (not sent to a browser session, which has the cookie)"))),
        (status = 401, description = "Wrong email or password (never says which)", body = ErrorResponse),
        (status = 429, description = "Too many failed logins for this address (from clients the account has not logged in from)", body = ErrorResponse),
    ))]
pub async fn login(
    _: Admitted<Credentials>,
    State(state): State<AppState>,
    call: Call,
    LoginClient {
        cart: CartToken(cart_token),
        device: DeviceToken(device_token),
        browser: BrowserSession(browser),
    }: LoginClient,
    jar: CookieJar,
    ApiJson(credentials): ApiJson<LoginRequest>,
) -> Result<(CookieJar, HeaderMap, Json<SessionTokens>), ApiError> {
    let attempt = LoginAttempt {
        credentials,
        device_token,
    };
    let LoginOutcome {
        tokens: pair,
        device_token,
    } = call
        .send(auth::LOGIN, &Caller::anonymous(), &attempt)
        .await?;
    let mut device_header = HeaderMap::new();
    if !browser && let Ok(value) = device_token.parse() {
        device_header.insert(HeaderName::from_static(device_token::HEADER), value);
    }
    let jar = jar.add(device_token::cookie(device_token));
    let access_token = pair.access_token.clone();
    let (jar, tokens) = session_tokens(jar, browser, pair);
    let Some(cart_token) = cart_token else {
        return Ok((jar, device_header, Json(tokens)));
    };
    // The login stands even if the merge fails: the visitor's cart is then simply not moved.
    match state.tokens.verify(&access_token) {
        Ok(verified) => {
            let user = Caller::from(verified);
            let merged: Result<Cart, ApiError> = call
                .send(cart::MERGE, &user, &CartMerge { cart_token })
                .await;
            if let Err(error) = merged {
                tracing::warn!(?error, "visitor cart not merged at login");
            }
        }
        Err(error) => tracing::warn!(%error, "fresh access token does not decode"),
    }
    Ok((
        jar.remove(cart_token::removal()),
        device_header,
        Json(tokens),
    ))
}

/// What a login or refresh answers: the pair for an API client; for a browser session, the
/// refresh token goes into its cookie instead.
fn session_tokens(jar: CookieJar, browser: bool, pair: TokenPair) -> (CookieJar, SessionTokens) {
    if !browser {
        return (jar, SessionTokens::with_refresh(pair));
    }
    let (tokens, refresh_token) = SessionTokens::without_refresh(pair);
    (jar.add(session_cookie::cookie(refresh_token)), tokens)
}

/// Rotate a refresh token: a new pair; the old refresh token is revoked, and presenting it again
/// ends the whole session. A browser session (`X-Session: cookie`) sends no token: its cookie
/// holds it, and the new one replaces it there.
#[utoipa::path(post, path = "/auth/refresh", tag = "auth", request_body = RefreshBody,
    params(
        ("X-Session" = Option<String>, Header, description = "`cookie`: refresh the browser session of the HttpOnly cookie"),
    ),
    responses(
        (status = 200, description = "A new token pair (the refresh token in the cookie for a browser session)", body = SessionTokens),
        (status = 401, description = "Invalid, expired, revoked or reused refresh token", body = ErrorResponse),
        (status = 403, description = "A browser session asked for from another site", body = ErrorResponse),
        (status = 422, description = "No refresh token (neither in the body nor, for a browser session, in the cookie)", body = ErrorResponse),
    ))]
pub async fn refresh(
    _: Admitted<Credentials>,
    call: Call,
    jar: CookieJar,
    BrowserSession(browser): BrowserSession,
    ApiJson(body): ApiJson<RefreshBody>,
) -> Result<(CookieJar, Json<SessionTokens>), (CookieJar, ApiError)> {
    let refresh_token = match (body.refresh_token, browser) {
        (Some(token), _) => token,
        (None, true) => session_cookie::token(&jar).ok_or_else(|| {
            let error = ApiError::new(ErrorCode::Unauthorized, "no browser session to refresh");
            (jar.clone(), error)
        })?,
        (None, false) => {
            let error = ApiError::new(ErrorCode::ValidationFailed, "refresh_token is required");
            return Err((jar, error));
        }
    };
    let renewed: Result<TokenPair, ApiError> = call
        .send(
            auth::REFRESH,
            &Caller::anonymous(),
            &RefreshRequest { refresh_token },
        )
        .await;
    match renewed {
        Ok(pair) => {
            let (jar, tokens) = session_tokens(jar, browser, pair);
            Ok((jar, Json(tokens)))
        }
        // A refused browser session's cookie is of no more use.
        Err(error) if browser && error.code() == ErrorCode::Unauthorized => {
            Err((jar.remove(session_cookie::removal()), error))
        }
        Err(error) => Err((jar, error)),
    }
}

/// End the session of the presented access token (and forget a browser session's cookie).
#[utoipa::path(post, path = "/auth/logout", tag = "auth", security(("bearer" = [])),
    responses(
        (status = 204, description = "Session ended; its refresh tokens are revoked"),
        (status = 401, description = "Missing or bad token", body = ErrorResponse),
    ))]
pub async fn logout(
    call: Call,
    user: AuthUser,
    jar: CookieJar,
) -> Result<(CookieJar, StatusCode), ApiError> {
    let _: Empty = call
        .send(
            auth::LOGOUT,
            &user.caller(),
            &TokenRequest {
                access_token: user.token.clone(),
            },
        )
        .await?;
    Ok((
        jar.remove(session_cookie::removal()),
        StatusCode::NO_CONTENT,
    ))
}

/// Who the token belongs to, checked by the auth service (session still open, current roles).
#[utoipa::path(get, path = "/auth/validate-token", tag = "auth", security(("bearer" = [])),
    responses(
        (status = 200, description = "The token is valid", body = ValidatedToken),
        (status = 401, description = "Missing, expired, tampered or logged-out token", body = ErrorResponse),
    ))]
pub async fn validate_token(call: Call, user: AuthUser) -> Result<Json<ValidatedToken>, ApiError> {
    let validated = call
        .send(
            auth::VALIDATE,
            &user.caller(),
            &TokenRequest {
                access_token: user.token.clone(),
            },
        )
        .await?;
    Ok(Json(validated))
}

/// Forgot the password: a reset link goes to the address if it has an account. The answer is
/// 202 either way, so it reveals nothing about which addresses have accounts.
#[utoipa::path(post, path = "/auth/password-reset", tag = "auth", request_body = PasswordResetRequest,
    responses(
        (status = 202, description = "If the account exists, a reset link (single use, one hour) is on its way"),
        (status = 422, description = "Not an email address", body = ErrorResponse),
        (status = 429, description = "Too many requests from this client", body = ErrorResponse),
    ))]
pub async fn password_reset(
    _: Admitted<Credentials>,
    call: Call,
    ApiJson(body): ApiJson<PasswordResetRequest>,
) -> Result<(StatusCode, Json<Empty>), ApiError> {
    let _: Empty = call
        .send(auth::PASSWORD_RESET, &Caller::anonymous(), &body)
        .await?;
    Ok((StatusCode::ACCEPTED, Json(Empty {})))
}

/// Set a new password with the emailed link's token. The link works once; every session of
/// the account ends (sign in again with the new password).
#[utoipa::path(post, path = "/auth/password-reset/confirm", tag = "auth", request_body = PasswordResetConfirm,
    responses(
        (status = 204, description = "Password changed; every session ended"),
        (status = 422, description = "Link invalid, used or expired (`details.field` = `token`), or a too-weak password", body = ErrorResponse),
    ))]
pub async fn password_reset_confirm(
    _: Admitted<Credentials>,
    call: Call,
    ApiJson(body): ApiJson<PasswordResetConfirm>,
) -> Result<StatusCode, ApiError> {
    let _: Empty = call
        .send(auth::PASSWORD_RESET_CONFIRM, &Caller::anonymous(), &body)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether a reset link still works, without using it: the reset page asks when it opens, so a
/// used or expired link says so before a new password is typed.
#[utoipa::path(post, path = "/auth/password-reset/check", tag = "auth", request_body = ResetLinkCheck,
    responses(
        (status = 200, description = "The link works until `expires_at`", body = ResetLinkValid),
        (status = 422, description = "Link invalid, used or expired (`details.field` = `token`)", body = ErrorResponse),
        (status = 429, description = "Too many requests from this client", body = ErrorResponse),
    ))]
pub async fn password_reset_check(
    _: Admitted<Credentials>,
    call: Call,
    ApiJson(body): ApiJson<ResetLinkCheck>,
) -> Result<Json<ResetLinkValid>, ApiError> {
    Ok(Json(
        call.send(auth::PASSWORD_RESET_CHECK, &Caller::anonymous(), &body)
            .await?,
    ))
}

/// Verify the account's email address with the emailed link's token.
#[utoipa::path(post, path = "/auth/verify-email", tag = "auth", request_body = VerifyEmailRequest,
    responses(
        (status = 200, description = "The address is verified", body = EmailVerified),
        (status = 422, description = "Link invalid, used or expired", body = ErrorResponse),
    ))]
pub async fn verify_email(
    call: Call,
    ApiJson(body): ApiJson<VerifyEmailRequest>,
) -> Result<Json<EmailVerified>, ApiError> {
    Ok(Json(
        call.send(auth::VERIFY_EMAIL, &Caller::anonymous(), &body)
            .await?,
    ))
}

/// Email a new verification link to the signed-in account (nothing when already verified).
#[utoipa::path(post, path = "/auth/verify-email/resend", tag = "auth", security(("bearer" = [])),
    responses(
        (status = 202, description = "A new link is on its way (unless the address is verified already)"),
        (status = 401, description = "Not signed in", body = ErrorResponse),
        (status = 429, description = "Too many resends from this client or account", body = ErrorResponse),
    ))]
pub async fn verify_email_resend(
    _: Admitted<EmailResends>,
    call: Call,
    user: AuthUser,
) -> Result<(StatusCode, Json<Empty>), ApiError> {
    let _: Empty = call
        .send(auth::VERIFY_EMAIL_RESEND, &user.caller(), &Empty {})
        .await?;
    Ok((StatusCode::ACCEPTED, Json(Empty {})))
}
