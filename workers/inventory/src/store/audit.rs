//! The audit log of stock: a Redis stream `audit` with one entry per admin change that moved a
//! product's available stock (`actor`, `product`, `from`, `to`), appended by the same script
//! that makes the change (`scripts::ADJUST`). Entry ids are Redis stream ids
//! (`<milliseconds>-<sequence>`), so they are the time of the change and the log's order.

use chrono::{DateTime, Utc};
use menuskart_schemas::ids::{ProductId, UserId};
use redis::streams::{StreamId, StreamRangeReply};

use super::{Store, StoreError};

/// How long the stream keeps an entry. Trimmed by age, never by count: a flood of changes
/// cannot push older entries out of the log. It lives in Redis' memory beside the stock, about
/// 150 bytes an entry.
pub const RETENTION_DAYS: i64 = 400;

/// The oldest stream id still kept (as of now): `MINID` for the append.
pub fn oldest_kept() -> String {
    let cutoff = Utc::now() - chrono::Duration::days(RETENTION_DAYS);
    format!("{}-0", cutoff.timestamp_millis().max(0))
}

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

/// Whether `id` is an entry id a range can end at: `<ms>-<seq>`, each a 64-bit number, not
/// `0-0` (the first possible id: nothing is before it, and Redis refuses the range).
pub fn is_entry_id(id: &str) -> bool {
    let Some((ms, seq)) = id.split_once('-') else {
        return false;
    };
    let number = |part: &str| {
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u64>().ok())
            .flatten()
    };
    matches!((number(ms), number(seq)), (Some(ms), Some(seq)) if (ms, seq) != (0, 0))
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
