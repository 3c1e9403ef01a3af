//! Extractors whose rejections are our JSON errors instead of axum's plain-text ones.
//!
//! - bad JSON syntax: 400 `bad_request`; missing or mistyped fields: 422 `validation_failed`;
//!   no JSON content type: 415; body over the limit: 413;
//! - bad query strings: 400;
//! - a path id that is not a UUID ([`PathId`]): 404, as it names nothing.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use menuskart_schemas::ErrorCode;
use menuskart_schemas::paging::Paging;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::errors::ApiError;

/// `Json<T>` with JSON errors.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

fn json_rejection(rejection: JsonRejection) -> ApiError {
    let code = match &rejection {
        JsonRejection::JsonDataError(_) => ErrorCode::ValidationFailed,
        JsonRejection::JsonSyntaxError(_) => ErrorCode::BadRequest,
        JsonRejection::MissingJsonContentType(_) => ErrorCode::UnsupportedMediaType,
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        _ => ErrorCode::BadRequest,
    };
    ApiError::new(code, rejection.body_text())
}

/// `Query<T>` with JSON errors.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| Self(value))
            .map_err(|rejection: QueryRejection| {
                ApiError::new(ErrorCode::BadRequest, rejection.body_text())
            })
    }
}

/// `?page=&per_page=` of every list (one type, [`Paging`]), checked here: a value out of
/// range is a 422 naming it (`page=999999999` too), and no worker is asked.
#[derive(Debug, Clone, Copy)]
pub struct PageQuery(pub Paging);

impl<S: Send + Sync> FromRequestParts<S> for PageQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let ApiQuery(paging) = ApiQuery::<Paging>::from_request_parts(parts, state).await?;
        paging.window()?;
        Ok(Self(paging))
    }
}

/// A UUID path segment (`/orders/{order_id}`) as the id type it names (`PathId<OrderId>`).
/// One that does not parse names nothing: the usual 404, and no worker is asked.
#[derive(Debug, Clone, Copy)]
pub struct PathId<Id>(pub Id);

impl<Id: From<Uuid> + Send, S: Send + Sync> FromRequestParts<S> for PathId<Id> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|rejection| ApiError::new(ErrorCode::NotFound, rejection.body_text()))?;
        Uuid::parse_str(&raw)
            .map(|id| Self(Id::from(id)))
            .map_err(|_| {
                ApiError::new(
                    ErrorCode::NotFound,
                    format!("nothing is called {raw:?} here: ids are UUIDs"),
                )
            })
    }
}
