//! An admin's order query, checked and made ready for the store: the search text says whether
//! it is an order number or part of a customer's email address or name, and a day range runs
//! forwards.

use chrono::{Datelike, NaiveDate};
use menuskart_kit::ValidationError;
use menuskart_schemas::orders::{OrderNumber, OrderQuery, OrderStatus};

/// Which orders match; `None` fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFilter {
    pub status: Option<OrderStatus>,
    pub number: Option<OrderNumber>,
    /// Orders whose customer's email or name contains this, in any case.
    pub text: Option<String>,
    /// Placed on or after this day of the shop's time zone.
    pub from: Option<NaiveDate>,
    /// Placed on or before this day of the shop's time zone.
    pub to: Option<NaiveDate>,
}

/// The longest search text taken: an email address or a name, not a document.
const MAX_TEXT_CHARS: usize = 200;

impl OrderFilter {
    pub fn parse(query: OrderQuery) -> Result<Self, ValidationError> {
        let OrderQuery {
            status,
            q,
            from,
            to,
        } = query;
        for (field, day) in [("from", from), ("to", to)] {
            if day.is_some_and(|day| !(1..=9999).contains(&day.year())) {
                return Err(ValidationError::new(
                    field,
                    "must be a day of the years 1 to 9999",
                ));
            }
        }
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(ValidationError::new("to", "must not be before `from`"));
        }
        let mut filter = Self {
            status,
            from,
            to,
            ..Self::default()
        };
        match q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            None => {}
            Some(q) if q.chars().count() > MAX_TEXT_CHARS => {
                return Err(ValidationError::new(
                    "q",
                    format!("must be at most {MAX_TEXT_CHARS} characters"),
                ));
            }
            Some(q) => match OrderNumber::parse(q) {
                Some(number) => filter.number = Some(number),
                None => filter.text = Some(q.to_owned()),
            },
        }
        Ok(filter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn query(q: Option<&str>, from: Option<&str>, to: Option<&str>) -> OrderQuery {
        OrderQuery {
            status: None,
            q: q.map(str::to_owned),
            from: from.map(day),
            to: to.map(day),
        }
    }

    #[test]
    fn an_order_number_is_looked_up_and_anything_else_searched_as_text() {
        let number = OrderFilter::parse(query(Some(" mk-10042 "), None, None)).unwrap();
        assert_eq!(number.number, Some(OrderNumber(10042)));
        assert_eq!(number.text, None);
        let name = OrderFilter::parse(query(Some(" Ada Lovelace "), None, None)).unwrap();
        assert_eq!(name.text.as_deref(), Some("Ada Lovelace"));
        assert_eq!(name.number, None);
        let blank = OrderFilter::parse(query(Some("  "), None, None)).unwrap();
        assert_eq!(blank, OrderFilter::default());
    }

    #[test]
    fn a_day_range_runs_forwards_and_may_be_one_day() {
        let one_day = OrderFilter::parse(query(None, Some("2026-12-01"), Some("2026-12-01")));
        assert_eq!(one_day.unwrap().to, Some(day("2026-12-01")));
        let backwards = OrderFilter::parse(query(None, Some("2026-12-02"), Some("2026-12-01")));
        assert_eq!(backwards.unwrap_err().field, "to");
    }

    #[test]
    fn a_day_is_one_the_database_can_hold() {
        let ancient = OrderQuery {
            from: NaiveDate::from_ymd_opt(-5000, 1, 1),
            ..OrderQuery::default()
        };
        assert_eq!(OrderFilter::parse(ancient).unwrap_err().field, "from");
        let far = OrderQuery {
            to: NaiveDate::from_ymd_opt(10_000, 1, 1),
            ..OrderQuery::default()
        };
        assert_eq!(OrderFilter::parse(far).unwrap_err().field, "to");
    }

    #[test]
    fn a_search_text_is_not_a_document() {
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        let error = OrderFilter::parse(query(Some(&long), None, None)).unwrap_err();
        assert_eq!(error.field, "q");
    }
}
