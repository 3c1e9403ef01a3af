//! `GET /orders/export` -> `mk.orders.export`, page after page, streamed out as CSV
//! ([`crate::order_csv`]): memory stays one page however many orders match.

use axum::body::Body;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures::{StreamExt, TryStreamExt, stream};
use menuskart_schemas::orders::{OrderExportPage, OrderQuery, OrdersExport};
use menuskart_schemas::subjects::orders;

use crate::auth::AdminUser;
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::ApiQuery;
use crate::order_csv;

/// Admin: the orders the list's filters match, as a CSV file for a spreadsheet or the
/// accountant: one row per order, newest first, amounts as decimal numbers.
#[utoipa::path(get, path = "/orders/export", tag = "orders", security(("bearer" = [])),
    params(OrderQuery),
    responses(
        (status = 200, description = "The orders as CSV (UTF-8, with a header line)", content_type = "text/csv", body = String),
        (status = 400, description = "A date that is not `YYYY-MM-DD`, or an unknown status", body = ErrorResponse),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 422, description = "`to` before `from`", body = ErrorResponse),
    ))]
pub async fn export(
    call: Call,
    AdminUser(admin): AdminUser,
    ApiQuery(query): ApiQuery<OrderQuery>,
) -> Result<Response, ApiError> {
    let caller = admin.caller();
    let page_after = move |after| {
        let (call, caller) = (call.clone(), caller.clone());
        let body = OrdersExport {
            query: query.clone(),
            after,
        };
        async move { call.send(orders::EXPORT, &caller, &body).await }
    };
    // The first page is asked before answering, so a refusal is still a proper status.
    let first = page_after(None).await?;
    let pages = stream::try_unfold(Some(first), move |page: Option<OrderExportPage>| {
        let page_after = page_after.clone();
        async move {
            let Some(page) = page else {
                return Ok(None);
            };
            let next = match page.next {
                Some(after) => Some(page_after(Some(after)).await?),
                None => None,
            };
            Ok::<_, ApiError>(Some((order_csv::rows(&page.rows), next)))
        }
    });
    // A page that fails later ends the download with an error rather than a short file that
    // looks complete (the client sees the transfer break).
    let body = stream::once(async { Ok(order_csv::header()) })
        .chain(pages)
        .map_err(|ApiError(error)| std::io::Error::other(error.message));
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"orders.csv\"",
            ),
        ],
        Body::from_stream(body),
    )
        .into_response())
}
