//! `/notifications*` -> `mk.notify.*`: promotional campaigns (admin) and the unsubscribe link
//! of their emails (no login: the signed token is the credential, checked by the worker).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use menuskart_kit::Caller;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::notify::{
    Campaign, CampaignAccepted, CampaignDraft, CampaignRef, CreateCampaign, UnsubscribeRequest,
    Unsubscribed,
};
use menuskart_schemas::subjects::notify;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::AdminUser;
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::{ApiJson, ApiQuery, PathId};
use crate::idempotency::idempotency_key;
use crate::state::AppState;
use crate::web::is_navigation;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_campaign))
        .routes(routes!(campaign))
        // GET and POST (its path says both): mail clients' one-click unsubscribe (RFC 8058)
        // posts to the same link.
        .routes(routes!(unsubscribe))
}

/// Admin: email `{subject, body}` (plain text) to every user who opted in to promotions. Sent
/// in the background at a pace that leaves order mail unaffected; each email carries an
/// unsubscribe link. The same `Idempotency-Key` answers with the same campaign.
#[utoipa::path(post, path = "/notifications/campaigns", tag = "notifications", security(("bearer" = [])),
    request_body = CampaignDraft,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request return the first campaign")),
    responses(
        (status = 202, description = "Accepted: sending to `recipients` opted-in users", body = CampaignAccepted),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 409, description = "The Idempotency-Key was used for another campaign", body = ErrorResponse),
        (status = 422, description = "Empty or too long subject or body, or a multi-line subject", body = ErrorResponse),
    ))]
pub async fn create_campaign(
    call: Call,
    AdminUser(admin): AdminUser,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<CampaignDraft>,
) -> Result<(StatusCode, Json<CampaignAccepted>), ApiError> {
    let body = CreateCampaign {
        draft,
        idempotency_key: idempotency_key(&headers)?,
    };
    let accepted = call
        .send(notify::CAMPAIGN_CREATE, &admin.caller(), &body)
        .await?;
    Ok((StatusCode::ACCEPTED, Json(accepted)))
}

/// Admin: a campaign and how many of its emails were sent, skipped (opted out since) or are
/// failing.
#[utoipa::path(get, path = "/notifications/campaigns/{campaign_id}", tag = "notifications", security(("bearer" = [])),
    params(("campaign_id" = Uuid, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The campaign and its progress", body = Campaign),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 404, description = "No such campaign", body = ErrorResponse),
    ))]
pub async fn campaign(
    call: Call,
    AdminUser(admin): AdminUser,
    PathId(campaign_id): PathId<uuid::Uuid>,
) -> Result<Json<Campaign>, ApiError> {
    let body = CampaignRef { campaign_id };
    Ok(Json(
        call.send(notify::CAMPAIGN_GET, &admin.caller(), &body)
            .await?,
    ))
}

/// The unsubscribe link of a promotional email, no login needed: POST turns `marketing_opt_in`
/// off (again: no change), as the storefront's confirmation button and a mail client's
/// one-click unsubscribe (RFC 8058, `List-Unsubscribe-Post`) do. A browser that follows the
/// link (a GET accepting `text/html`) gets the storefront's page that asks to confirm: link
/// scanners in mail systems follow links, and must not unsubscribe anyone. A GET from an API
/// client (no `text/html`) unsubscribes as it always has.
#[utoipa::path(method(get, post), path = "/notifications/unsubscribe", tag = "notifications",
    params(UnsubscribeRequest),
    responses(
        (status = 200, description = "Unsubscribed (or, to a browser's GET, the page that asks to confirm)", body = Unsubscribed),
        (status = 400, description = "Missing, malformed or forged token", body = ErrorResponse),
    ))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    call: Call,
    method: Method,
    headers: HeaderMap,
    ApiQuery(request): ApiQuery<UnsubscribeRequest>,
) -> Result<Response, ApiError> {
    if method == Method::GET && is_navigation(&headers) {
        return match &state.web {
            Some(web) => Ok(web.page(&headers).await),
            None => Err(ApiError::new(
                ErrorCode::NotFound,
                "no storefront here to confirm with: POST to this link to unsubscribe",
            )),
        };
    }
    let unsubscribed: Unsubscribed = call
        .send(notify::UNSUBSCRIBE, &Caller::anonymous(), &request)
        .await?;
    Ok(Json(unsubscribed).into_response())
}
