//! The admin's order export as CSV (RFC 4180, UTF-8): one row per order, amounts as decimal
//! numbers in the order's currency. A cell a spreadsheet would run as a formula (a customer
//! named `=HYPERLINK(...)`) is written with a leading `'`, so opening the file runs nothing.

use menuskart_schemas::orders::OrderExportRow;

const HEADER: [&str; 14] = [
    "number",
    "placed_at",
    "status",
    "customer_email",
    "customer_name",
    "city",
    "country",
    "items",
    "currency",
    "prices_include_tax",
    "subtotal",
    "delivery",
    "tax",
    "total",
];

/// The header line.
pub fn header() -> Vec<u8> {
    write(&[HEADER])
}

/// `rows` as CSV lines, without the header.
pub fn rows(rows: &[OrderExportRow]) -> Vec<u8> {
    let records: Vec<Vec<String>> = rows.iter().map(record).collect();
    write(&records)
}

fn record(row: &OrderExportRow) -> Vec<String> {
    let currency = row.totals.currency;
    vec![
        row.number.clone(),
        row.placed_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        row.status.as_str().to_owned(),
        inert(row.customer_email.as_deref().unwrap_or_default()),
        inert(row.customer_name.as_deref().unwrap_or_default()),
        inert(row.city.as_deref().unwrap_or_default()),
        inert(row.country.as_deref().unwrap_or_default()),
        row.items.to_string(),
        currency.as_str().to_owned(),
        row.totals.prices_include_tax.to_string(),
        row.totals.subtotal.decimal(currency),
        row.totals.delivery.decimal(currency),
        row.totals.tax.decimal(currency),
        row.totals.total.decimal(currency),
    ]
}

/// Text a customer typed, made inert for spreadsheets (OWASP's CSV injection advice): a cell,
/// or a part of one after a `,`, `;` or tab (a spreadsheet in a locale whose list separator is
/// `;` splits the cell there), starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading `'`.
fn inert(text: &str) -> String {
    let mut safe = String::with_capacity(text.len() + 1);
    let mut at_start = true;
    for c in text.chars() {
        if at_start && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            safe.push('\'');
        }
        safe.push(c);
        at_start = matches!(c, ',' | ';' | '\t');
    }
    safe
}

fn write<R: AsRef<[S]>, S: AsRef<[u8]>>(records: &[R]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        // Writing to memory cannot fail.
        writer.write_record(record.as_ref()).expect("in memory");
    }
    writer.into_inner().expect("in memory")
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use menuskart_schemas::money::{Amount, Currency};
    use menuskart_schemas::orders::OrderStatus;
    use menuskart_schemas::tax::Totals;

    use super::*;

    fn row(name: &str) -> OrderExportRow {
        OrderExportRow {
            number: "MK-10042".into(),
            placed_at: Utc.with_ymd_and_hms(2026, 12, 7, 18, 30, 5).unwrap(),
            status: OrderStatus::Paid,
            customer_email: Some("ada@example.com".into()),
            customer_name: Some(name.into()),
            city: Some("Berlin".into()),
            country: Some("DE".into()),
            items: 3,
            totals: Totals {
                subtotal: Amount(2500),
                delivery: Amount(412),
                delivery_tax: Amount(78),
                tax: Amount(475 + 78),
                total: Amount(2975 + 490),
                currency: Currency::EUR,
                prices_include_tax: true,
                tax_lines: Vec::new(),
            },
        }
    }

    #[test]
    fn a_row_has_the_headers_columns_with_decimal_amounts() {
        let csv =
            String::from_utf8(header()).unwrap() + &String::from_utf8(rows(&[row("Ada")])).unwrap();
        assert_eq!(
            csv,
            "number,placed_at,status,customer_email,customer_name,city,country,items,currency,\
             prices_include_tax,subtotal,delivery,tax,total\n\
             MK-10042,2026-12-07T18:30:05Z,paid,ada@example.com,Ada,Berlin,DE,3,EUR,true,25.00,4.12,5.53,34.65\n"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_stay_inside_their_cell() {
        let csv = String::from_utf8(rows(&[row("Lovelace, \"Ada\"\nCountess")])).unwrap();
        assert!(
            csv.contains(",\"Lovelace, \"\"Ada\"\"\nCountess\","),
            "{csv}"
        );
    }

    #[test]
    fn a_formula_after_a_separator_of_another_locale_is_text_too() {
        assert_eq!(inert("Ada;=1+1;"), "Ada;'=1+1;");
        assert_eq!(inert("a,@SUM(A1)\t-2"), "a,'@SUM(A1)\t'-2");
        assert_eq!(inert("Ada Lovelace; Countess"), "Ada Lovelace; Countess");
    }

    #[test]
    fn a_formula_is_written_as_text() {
        for name in ["=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)"] {
            let csv = String::from_utf8(rows(&[row(name)])).unwrap();
            assert!(!csv.contains(&format!(",{name}")), "{csv}");
            assert!(csv.contains('\''), "{csv}");
        }
    }
}
