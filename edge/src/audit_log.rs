//! One audit log from the five services that keep one (see `menuskart_schemas::audit`): which
//! service keeps which entries, the cursor that remembers how far each was read, and the merge
//! of their pages into one page, newest first.
//!
//! Each service pages by its own keyset; the cursor is `<service>:<id>` of the last entry shown
//! of each service, comma-separated. A page takes the newest `limit` of what the services
//! answered, so no entry is skipped or shown twice, even when entries share a timestamp.

use std::collections::{BTreeMap, VecDeque};

use menuskart_schemas::audit::{AuditAction, AuditEntries, AuditEntry, AuditQuery};
use menuskart_schemas::paging::PagingError;
use menuskart_schemas::subjects::{Endpoint, auth, catalog, inventory, orders, payments};

/// A service that keeps part of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Catalog,
    Inventory,
    Payments,
    Orders,
    Auth,
}

impl Source {
    pub const ALL: [Source; 5] = [
        Source::Catalog,
        Source::Inventory,
        Source::Payments,
        Source::Orders,
        Source::Auth,
    ];

    /// The prefix of its entries' ids.
    pub fn name(self) -> &'static str {
        match self {
            Source::Catalog => "catalog",
            Source::Inventory => "inventory",
            Source::Payments => "payments",
            Source::Orders => "orders",
            Source::Auth => "auth",
        }
    }

    fn named(name: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.name() == name)
    }

    pub fn endpoint(self) -> Endpoint<AuditQuery, AuditEntries> {
        match self {
            Source::Catalog => catalog::AUDIT,
            Source::Inventory => inventory::AUDIT,
            Source::Payments => payments::AUDIT,
            Source::Orders => orders::AUDIT,
            Source::Auth => auth::AUDIT,
        }
    }

    /// The service that keeps entries of kind `action`.
    pub fn of(action: AuditAction) -> Source {
        match action {
            AuditAction::PriceChanged => Source::Catalog,
            AuditAction::StockChanged => Source::Inventory,
            AuditAction::Refunded => Source::Payments,
            AuditAction::DeliveryChanged => Source::Orders,
            AuditAction::RolesChanged => Source::Auth,
        }
    }
}

/// How far each service has been read: the id (the service's own) of the last entry shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cursor(BTreeMap<Source, String>);

fn bad_cursor() -> PagingError {
    PagingError {
        field: "cursor",
        message: "not a cursor of this log; pass the `next` of the previous page".into(),
    }
}

impl Cursor {
    pub fn parse(raw: &str) -> Result<Cursor, PagingError> {
        let mut read = BTreeMap::new();
        for part in raw.split(',') {
            let (name, id) = part.split_once(':').ok_or_else(bad_cursor)?;
            let source = Source::named(name).ok_or_else(bad_cursor)?;
            if id.is_empty() || read.insert(source, id.to_owned()).is_some() {
                return Err(bad_cursor());
            }
        }
        Ok(Cursor(read))
    }

    pub fn after(&self, source: Source) -> Option<String> {
        self.0.get(&source).cloned()
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(source, id)| format!("{}:{id}", source.name()))
            .collect();
        f.write_str(&parts.join(","))
    }
}

/// One service's answer to a query of `limit` entries.
pub struct Answer {
    pub source: Source,
    pub entries: Vec<AuditEntry>,
}

/// The newest `limit` entries of the answers, and the cursor of the next page (none when every
/// service has shown all it had). A merge of the answers' heads: what is taken of each answer
/// is a beginning of it, in the service's own order, so the service's cursor moves to the last
/// entry taken and its next page starts right after.
pub fn merge(
    answers: Vec<Answer>,
    cursor: Cursor,
    limit: usize,
) -> (Vec<AuditEntry>, Option<Cursor>) {
    let mut more = false;
    let mut queues: Vec<(Source, VecDeque<AuditEntry>)> = answers
        .into_iter()
        .map(|answer| {
            // A full answer may have more behind it.
            more |= answer.entries.len() >= limit;
            (answer.source, answer.entries.into())
        })
        .collect();
    let mut next = cursor;
    let mut page = Vec::with_capacity(limit);
    while page.len() < limit {
        // Newest head first; the id breaks ties, so the order is the same on every page.
        let newest = queues
            .iter()
            .enumerate()
            .filter_map(|(i, (_, queue))| queue.front().map(|head| (i, head)))
            .max_by(|(_, a), (_, b)| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)))
            .map(|(i, _)| i);
        let Some(i) = newest else { break };
        let (source, queue) = &mut queues[i];
        let entry = queue.pop_front().expect("a head was found");
        let local = entry
            .id
            .split_once(':')
            .map_or(entry.id.as_str(), |(_, local)| local);
        next.0.insert(*source, local.to_owned());
        page.push(entry);
    }
    more |= queues.iter().any(|(_, queue)| !queue.is_empty());
    (page, more.then_some(next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::audit::AuditChange;
    use menuskart_schemas::ids::ProductId;

    fn entry(source: Source, local: &str, at: &str) -> AuditEntry {
        AuditEntry {
            id: format!("{}:{local}", source.name()),
            at: at.parse().unwrap(),
            actor: None,
            actor_email: None,
            change: AuditChange::StockChanged {
                product_id: ProductId::parse("p").unwrap(),
                product_name: None,
                from: 0,
                to: 1,
            },
        }
    }

    #[test]
    fn a_cursor_reads_back_what_it_wrote() {
        let cursor = Cursor::parse("inventory:17-0,auth:0193").unwrap();
        assert_eq!(cursor.after(Source::Inventory).as_deref(), Some("17-0"));
        assert_eq!(cursor.after(Source::Catalog), None);
        assert_eq!(Cursor::parse(&cursor.to_string()).unwrap(), cursor);
        for bad in ["", "x:1", "auth:", "auth", "auth:1,auth:2"] {
            assert!(Cursor::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn pages_take_the_newest_and_remember_each_service() {
        let t = |s: &str| format!("2026-12-08T10:00:{s}Z");
        let answers = vec![
            Answer {
                source: Source::Inventory,
                entries: vec![
                    entry(Source::Inventory, "3-0", &t("03")),
                    entry(Source::Inventory, "1-0", &t("01")),
                ],
            },
            Answer {
                source: Source::Auth,
                entries: vec![entry(Source::Auth, "b", &t("02"))],
            },
        ];
        let (page, next) = merge(answers, Cursor::default(), 2);
        let ids: Vec<_> = page.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["inventory:3-0", "auth:b"]);
        let next = next.expect("inventory's older entry is still to come");
        assert_eq!(next.to_string(), "inventory:3-0,auth:b");
    }

    #[test]
    fn entries_sharing_a_time_are_neither_lost_nor_repeated() {
        let same = "2026-12-08T10:00:00Z";
        let first = vec![
            Answer {
                source: Source::Catalog,
                entries: vec![
                    entry(Source::Catalog, "c2", same),
                    entry(Source::Catalog, "c1", same),
                ],
            },
            Answer {
                source: Source::Auth,
                entries: vec![entry(Source::Auth, "a1", same)],
            },
        ];
        let (page, next) = merge(first, Cursor::default(), 2);
        let shown: Vec<_> = page.iter().map(|e| e.id.clone()).collect();
        let next = next.unwrap();
        // What each service answers after the cursor: what it did not show yet.
        let rest = |source: Source, locals: &[&str]| Answer {
            source,
            entries: locals
                .iter()
                .filter(|l| {
                    let id = format!("{}:{l}", source.name());
                    !shown.contains(&id)
                        && next.after(source).is_none_or(|after| after.as_str() > **l)
                })
                .map(|l| entry(source, l, same))
                .collect(),
        };
        let (second, last) = merge(
            vec![
                rest(Source::Catalog, &["c2", "c1"]),
                rest(Source::Auth, &["a1"]),
            ],
            next,
            2,
        );
        let mut all: Vec<_> = shown
            .into_iter()
            .chain(second.iter().map(|e| e.id.clone()))
            .collect();
        all.sort();
        assert_eq!(all, ["auth:a1", "catalog:c1", "catalog:c2"]);
        assert!(last.is_none());
    }

    #[test]
    fn a_short_answer_of_every_service_is_the_last_page() {
        let answers = vec![Answer {
            source: Source::Payments,
            entries: vec![entry(Source::Payments, "x", "2026-12-08T10:00:00Z")],
        }];
        let (page, next) = merge(answers, Cursor::default(), 5);
        assert_eq!(page.len(), 1);
        assert_eq!(next, None);
    }
}
