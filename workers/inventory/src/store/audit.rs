//! The audit log of stock: a Redis stream `audit` with one entry per admin change that moved a
//! product's available stock (`actor`, `product`, `from`, `to`), appended by the same script
//! that makes the change (`scripts::ADJUST`). Entry ids are Redis stream ids
//! (`<milliseconds>-<sequence>`), so they are the time of the change and the log's order.

use chrono::{DateTime, Utc};
use menuskart_schemas::ids::{ProductId, UserId};
use redis::streams::{StreamId, StreamRangeReply};

use super::{Store, StoreError};

/// How many entries the stream keeps (about; Redis trims whole nodes). The log lives in
/// memory beside the stock; at ~150 bytes an entry this is ~30 MB.
pub const KEPT: u64 = 200_000;

/// One stock change as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockAudit {
    /// The stream id.
    pub id: String,
    pub at: DateTime<Utc>,
    pub actor: UserId,
    pub product_id: ProductId,
    pub from: i64,
    pub to: i64,
}

/// Whether `id` is a stream id (`<ms>-<seq>`): an `after` from a client goes into a range.
pub fn is_entry_id(id: &str) -> bool {
    id.split_once('-').is_some_and(|(ms, seq)| {
        [ms, seq].iter().all(|part| {
            !part.is_empty() && part.len() <= 20 && part.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

impl Store {
    /// Up to `limit` entries older than entry `after` (from the newest when `None`), newest
    /// first.
    #[tracing::instrument(skip(self))]
    pub async fn stock_changes(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<StockAudit>, StoreError> {
        let end = after.map_or_else(|| "+".to_owned(), |id| format!("({id}"));
        let reply: StreamRangeReply = redis::cmd("XREVRANGE")
            .arg(self.audit_key())
            .arg(end)
            .arg("-")
            .arg("COUNT")
            .arg(limit)
            .query_async(&mut self.connection())
            .await?;
        reply.ids.iter().map(decode).collect()
    }
}

fn decode(entry: &StreamId) -> Result<StockAudit, StoreError> {
    let corrupt = || StoreError::Corrupt(format!("audit entry {}", entry.id));
    let field = |name: &str| entry.get::<String>(name).ok_or_else(corrupt);
    let millis: i64 = entry
        .id
        .split_once('-')
        .and_then(|(ms, _)| ms.parse().ok())
        .ok_or_else(corrupt)?;
    Ok(StockAudit {
        id: entry.id.clone(),
        at: DateTime::from_timestamp_millis(millis).ok_or_else(corrupt)?,
        actor: field("actor")?.parse().map_err(|_| corrupt())?,
        product_id: ProductId::parse(&field("product")?).map_err(|_| corrupt())?,
        from: field("from")?.parse().map_err(|_| corrupt())?,
        to: field("to")?.parse().map_err(|_| corrupt())?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_stream_ids_are_entry_ids() {
        assert!(is_entry_id("1733650000000-0"));
        assert!(is_entry_id("1-12"));
        for bad in [
            "", "-", "1-", "-1", "1", "+", "1-0 +", "1-0\n", "a-1", "(1-0",
        ] {
            assert!(!is_entry_id(bad), "{bad:?}");
        }
    }
}
