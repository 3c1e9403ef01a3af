//! The audit log: who changed money, stock or access, when, and from what to what.
//!
//! Each owning service writes its entries in the same transaction as the change they describe
//! (the catalog its price changes, inventory its stock changes, payments its refunds, orders its
//! delivery terms, auth its role changes), so an entry exists exactly when the change does, and answers `mk.<svc>.audit`
//! for admins. The edge merges the services' pages into one log, newest first. Each service
//! pages through its own entries by its own keyset (the id of the last entry seen), so the
//! merged log loses and repeats nothing however many entries share a timestamp: the edge's
//! cursor is the last entry it showed of each service.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::ids::{DeliveryMethodId, OrderId, ProductId, TransactionId, UserId};
use crate::money::{Amount, Currency};
use crate::paging::PagingError;

/// The most entries one page holds.
pub const MAX_PAGE: u32 = 200;

/// What a service is asked for: at most `limit` of its entries, newest first, from the one
/// after `after` (the service's own id of the last entry already seen; from the newest when
/// absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    pub limit: u32,
}

/// The audit log's entries of one service: `service` is the prefix of their ids.
pub fn entry_id(service: &str, local: impl std::fmt::Display) -> String {
    format!("{service}:{local}")
}

impl AuditQuery {
    /// `after` as the UUID a service's entries are keyed by.
    pub fn after_uuid(&self) -> Result<Option<uuid::Uuid>, PagingError> {
        self.after
            .as_deref()
            .map(|after| {
                after.parse().map_err(|_| PagingError {
                    field: "after",
                    message: "not an entry of this log".into(),
                })
            })
            .transpose()
    }

    /// The number of entries asked for, if it is 1 to [`MAX_PAGE`] (the edge checks it, and
    /// each service again).
    pub fn checked_limit(&self) -> Result<i64, PagingError> {
        if (1..=MAX_PAGE).contains(&self.limit) {
            Ok(i64::from(self.limit))
        } else {
            Err(PagingError {
                field: "limit",
                message: format!("must be 1 to {MAX_PAGE}"),
            })
        }
    }
}

/// A service's entries, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntries {
    pub entries: Vec<AuditEntry>,
}

/// One change, and who made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Unique in the whole log: `<service>:<the service's own id>`.
    pub id: String,
    /// When the change was committed.
    pub at: DateTime<Utc>,
    /// The admin who made it; none when the platform did (a refund for an order cancelled
    /// after payment, the first admin named by `MK_ADMIN_EMAIL`).
    pub actor: Option<UserId>,
    /// The actor's email address now (filled in by the edge; none for a deleted account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_email: Option<String>,
    #[serde(flatten)]
    pub change: AuditChange,
}

/// What changed. `action` names the kind; the other fields say from what to what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum AuditChange {
    /// A product's price (minor units): `from` in `from_currency`, `to` in `currency`, the
    /// shop's (they differ when a product of another currency was moved into the shop's).
    PriceChanged {
        product_id: ProductId,
        product_name: String,
        from: Amount,
        from_currency: Currency,
        to: Amount,
        currency: Currency,
    },
    /// A product's available stock (set or adjusted by an admin).
    StockChanged {
        product_id: ProductId,
        /// The product's name (filled in by the edge; none for a deleted product).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        product_name: Option<String>,
        from: i64,
        to: i64,
    },
    /// Money given back to a customer (recorded when the provider confirmed it).
    Refunded {
        transaction_id: TransactionId,
        order_id: OrderId,
        amount: Amount,
        currency: Currency,
        reason: Option<String>,
    },
    /// A delivery method offered, or its price, free-delivery threshold or offering changed
    /// (`from` none: the method was created).
    DeliveryChanged {
        method_id: DeliveryMethodId,
        name: String,
        currency: Currency,
        from: Option<DeliveryTerms>,
        to: DeliveryTerms,
    },
    /// An account's roles.
    RolesChanged {
        user_id: UserId,
        email: String,
        from: Vec<Role>,
        to: Vec<Role>,
    },
}

impl AuditChange {
    /// The kind, as `action` spells it.
    pub fn action(&self) -> AuditAction {
        match self {
            AuditChange::PriceChanged { .. } => AuditAction::PriceChanged,
            AuditChange::StockChanged { .. } => AuditAction::StockChanged,
            AuditChange::Refunded { .. } => AuditAction::Refunded,
            AuditChange::DeliveryChanged { .. } => AuditAction::DeliveryChanged,
            AuditChange::RolesChanged { .. } => AuditAction::RolesChanged,
        }
    }
}

/// The kinds of change, to filter the log by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    PriceChanged,
    StockChanged,
    Refunded,
    DeliveryChanged,
    RolesChanged,
}

impl AuditAction {
    pub const ALL: [AuditAction; 5] = [
        AuditAction::PriceChanged,
        AuditAction::StockChanged,
        AuditAction::Refunded,
        AuditAction::DeliveryChanged,
        AuditAction::RolesChanged,
    ];
}

/// What a delivery method costs and whether it is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryTerms {
    pub price: Amount,
    pub free_above: Option<Amount>,
    pub active: bool,
}

/// A page of the log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    /// Pass as `cursor` for the next (older) page; none when this page was the last.
    pub next: Option<String>,
}

/// Admin: set an account's roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RolesUpdate {
    pub user_id: UserId,
    /// The whole set (`customer` is always kept).
    pub roles: Vec<Role>,
}

/// Admin: the email addresses of some accounts (who made a change, in the log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserIds {
    pub ids: Vec<UserId>,
}

/// The accounts found, by id; ids of deleted accounts are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserEmails {
    pub emails: Vec<(UserId, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_flat_json_named_by_its_action() {
        let entry = AuditEntry {
            id: "inventory:1".into(),
            at: "2026-12-08T10:00:00Z".parse().unwrap(),
            actor: None,
            actor_email: None,
            change: AuditChange::StockChanged {
                product_id: ProductId::parse("p1").unwrap(),
                product_name: None,
                from: 3,
                to: 10,
            },
        };
        let json = serde_json::to_value(&entry).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "id": "inventory:1", "at": "2026-12-08T10:00:00Z", "actor": null,
                "action": "stock_changed", "product_id": "p1", "from": 3, "to": 10,
            })
        );
        assert_eq!(serde_json::from_value::<AuditEntry>(json).unwrap(), entry);
    }
}
