//! Money for people: minor units and an ISO code to `€12.50`, `¥1200`, `125.00 SEK`; tax rates
//! in basis points to `19%`, `5.5%`.

use menuskart_schemas::money::{Amount, Currency};

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        _ => return None,
    })
}

/// `amount` minor units of `currency`, formatted.
pub fn format(amount: i64, currency: &str) -> String {
    // Orders only carry currencies the shop knows; anything else reads with two digits.
    let known = Currency::parse(currency).unwrap_or(Currency::EUR);
    let number = Amount(amount.saturating_abs()).decimal(known);
    let sign = if amount < 0 { "-" } else { "" };
    match symbol(currency) {
        Some(symbol) => format!("{sign}{symbol}{number}"),
        None => format!("{sign}{number} {currency}"),
    }
}

/// A tax rate of `bp` basis points as people read it: `19%`, `5.5%`, `0%`.
pub fn percent(bp: i64) -> String {
    let (whole, hundredths) = (bp / 100, (bp % 100).abs());
    match hundredths {
        0 => format!("{whole}%"),
        h if h % 10 == 0 => format!("{whole}.{}%", h / 10),
        h => format!("{whole}.{h:02}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn formats_per_currency() {
        assert_eq!(format(1250, "EUR"), "€12.50");
        assert_eq!(format(5, "USD"), "$0.05");
        assert_eq!(format(1200, "JPY"), "¥1200");
        assert_eq!(format(12500, "SEK"), "125.00 SEK");
        assert_eq!(format(-990, "CHF"), "-9.90 CHF");
        assert_eq!(format(-990, "EUR"), "-€9.90");
    }
}
