//! Money for people: minor units and an ISO code to `€12.50`, `¥1200`, `12.500 KWD`; tax rates
//! in basis points to `19%`, `5.5%`.

/// Digits after the decimal point of a currency (ISO 4217).
fn exponent(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "HUF" => 0,
        "KWD" | "BHD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

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
    let digits = exponent(currency);
    let sign = if amount < 0 { "-" } else { "" };
    let magnitude = amount.unsigned_abs();
    let number = if digits == 0 {
        magnitude.to_string()
    } else {
        let unit = 10u64.pow(digits);
        format!(
            "{}.{:0width$}",
            magnitude / unit,
            magnitude % unit,
            width = digits as usize
        )
    };
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
        assert_eq!(format(12500, "KWD"), "12.500 KWD");
        assert_eq!(format(-990, "CHF"), "-9.90 CHF");
    }
}
