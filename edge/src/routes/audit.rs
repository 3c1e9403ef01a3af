//! `/audit`: the audit log, merged from the services that keep it (`audit_log`), with who
//! made each change and the products' names filled in.

use std::collections::BTreeSet;

use axum::Json;
use futures::future::try_join_all;
use menuskart_schemas::audit::{
    AuditAction, AuditChange, AuditEntry, AuditPage, AuditQuery, MAX_PAGE, UserIds,
};
use menuskart_schemas::catalog::ProductIds;
use menuskart_schemas::subjects::{auth, catalog};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::audit_log::{Answer, Cursor, Source, merge};
use crate::auth::AdminUser;
use crate::bus::Call;
use crate::errors::{ApiError, ErrorResponse};
use crate::extract::ApiQuery;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(audit_log))
}

/// GET /audit parameters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// Only changes of this kind.
    #[param(inline)]
    pub action: Option<AuditAction>,
    /// The `next` of the previous page; the newest entries without it.
    pub cursor: Option<String>,
    /// Entries per page, 1 to 200 (default 50).
    pub limit: Option<u32>,
}

/// The most products the catalog names in one request.
const NAMES_PER_REQUEST: usize = 100;

/// Admin: who changed prices, stock, refunds and roles, when, from what to what; newest first.
#[utoipa::path(get, path = "/audit", tag = "audit", security(("bearer" = [])), params(AuditFilter),
    responses(
        (status = 200, description = "A page of the audit log", body = AuditPage),
        (status = 401, description = "Not signed in", body = ErrorResponse),
        (status = 403, description = "Not an admin", body = ErrorResponse),
        (status = 422, description = "A bad cursor or limit", body = ErrorResponse),
    ))]
pub async fn audit_log(
    call: Call,
    AdminUser(admin): AdminUser,
    ApiQuery(filter): ApiQuery<AuditFilter>,
) -> Result<Json<AuditPage>, ApiError> {
    let query = AuditQuery {
        after: None,
        limit: filter.limit.unwrap_or(50),
    };
    let limit = usize::try_from(query.checked_limit()?).unwrap_or(MAX_PAGE as usize);
    let cursor = filter
        .cursor
        .as_deref()
        .map(Cursor::parse)
        .transpose()?
        .unwrap_or_default();
    let sources = match filter.action {
        Some(action) => vec![Source::of(action)],
        None => Source::ALL.to_vec(),
    };
    let caller = admin.caller();
    let answers = try_join_all(sources.into_iter().map(|source| {
        let query = AuditQuery {
            after: cursor.after(source),
            ..query.clone()
        };
        let (call, caller) = (&call, &caller);
        async move {
            let answer = call.send(source.endpoint(), caller, &query).await?;
            Ok::<_, ApiError>(Answer {
                source,
                entries: answer.entries,
            })
        }
    }))
    .await?;
    let (mut items, next) = merge(answers, cursor, limit);
    name_actors(&call, &caller, &mut items).await?;
    name_products(&call, &caller, &mut items).await?;
    Ok(Json(AuditPage {
        items,
        next: next.map(|cursor| cursor.to_string()),
    }))
}

/// Fills in each actor's email address (left out for accounts deleted since).
async fn name_actors(
    call: &Call,
    caller: &menuskart_kit::Caller,
    items: &mut [AuditEntry],
) -> Result<(), ApiError> {
    let ids: BTreeSet<_> = items.iter().filter_map(|e| e.actor).collect();
    if ids.is_empty() {
        return Ok(());
    }
    let found = call
        .send(
            auth::EMAILS_OF,
            caller,
            &UserIds {
                ids: ids.into_iter().collect(),
            },
        )
        .await?;
    for item in items {
        item.actor_email = found
            .emails
            .iter()
            .find(|(id, _)| Some(*id) == item.actor)
            .map(|(_, email)| email.clone());
    }
    Ok(())
}

/// Fills in the names of the products whose stock changed (left out for deleted ones).
async fn name_products(
    call: &Call,
    caller: &menuskart_kit::Caller,
    items: &mut [AuditEntry],
) -> Result<(), ApiError> {
    let ids: BTreeSet<_> = items
        .iter()
        .filter_map(|e| match &e.change {
            AuditChange::StockChanged { product_id, .. } => Some(product_id.clone()),
            _ => None,
        })
        .collect();
    let ids: Vec<_> = ids.into_iter().collect();
    let requests: Vec<_> = ids
        .chunks(NAMES_PER_REQUEST)
        .map(|chunk| ProductIds {
            ids: chunk.to_vec(),
        })
        .collect();
    let pages = try_join_all(
        requests
            .iter()
            .map(|request| call.send(catalog::GET_MANY, caller, request)),
    )
    .await?;
    let products: Vec<_> = pages.into_iter().flatten().collect();
    for item in items {
        if let AuditChange::StockChanged {
            product_id,
            product_name,
            ..
        } = &mut item.change
        {
            *product_name = products
                .iter()
                .find(|p| &p.id == product_id)
                .map(|p| p.name.clone());
        }
    }
    Ok(())
}
