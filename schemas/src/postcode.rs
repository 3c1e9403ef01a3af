//! The shape of a postcode in the countries the shop delivers to, so "ABCDE" is not taken as a
//! German postcode. One rule per country, written as a pattern of `9` (a digit), `A` (a letter)
//! and literal characters; a country without a rule takes any short code. The storefront checks
//! the same shapes before sending (`web/src/lib/postcode.ts`); the workers decide.

/// Shapes a country's postcodes take; `?` after a character makes it optional.
fn shapes(country: &str) -> &'static [&'static str] {
    match country {
        "DE" | "FR" | "IT" | "ES" | "FI" | "HR" | "EE" | "LT" => &["99999"],
        "AT" | "BE" | "BG" | "CH" | "DK" | "HU" | "LI" | "LU" | "NO" | "SI" | "CY" => &["9999"],
        "CZ" | "SK" | "SE" | "GR" => &["999 99", "99999"],
        "NL" => &["9999 AA", "9999AA"],
        "PL" => &["99-999"],
        "PT" => &["9999-999"],
        "LV" => &["LV-9999"],
        "MT" => &["AAA 9999", "AAA9999"],
        "IS" => &["999"],
        "US" => &["99999", "99999-9999"],
        _ => &[],
    }
}

fn fits(code: &str, shape: &str) -> bool {
    code.len() == shape.len()
        && code.chars().zip(shape.chars()).all(|(c, s)| match s {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_alphabetic(),
            other => c.eq_ignore_ascii_case(&other),
        })
}

/// A UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A), a space, inward code (9AA).
fn fits_uk(code: &str) -> bool {
    let Some((outward, inward)) = code.split_once(' ') else {
        return code.len() > 3
            && fits_uk(&format!(
                "{} {}",
                &code[..code.len() - 3],
                &code[code.len() - 3..]
            ));
    };
    let outward_ok = ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"]
        .iter()
        .any(|shape| fits(outward, shape));
    outward_ok && fits(inward, "9AA")
}

/// A postcode of the shape, for a message: `99999` reads "12345", `9999 AA` "1234 AB".
fn example_of(shape: &str) -> String {
    let (mut digits, mut letters) = ("1234567890".chars().cycle(), ('A'..='Z').cycle());
    shape
        .chars()
        .map(|c| match c {
            '9' => digits.next().unwrap_or('1'),
            'A' => letters.next().unwrap_or('A'),
            other => other,
        })
        .collect()
}

/// Why `code` is no postcode of `country` (an ISO 3166-1 alpha-2 code), or `None` when it is.
pub fn problem(country: &str, code: &str) -> Option<String> {
    let code = code.trim();
    if code.is_empty() {
        return Some("must not be empty".into());
    }
    if !code.is_ascii() || code.len() > 12 {
        return Some("is not a postcode".into());
    }
    let country = country.trim().to_ascii_uppercase();
    if country == "GB" {
        return (!fits_uk(code)).then(|| "is not a UK postcode, e.g. SW1A 1AA".into());
    }
    let shapes = shapes(&country);
    if shapes.is_empty() || shapes.iter().any(|shape| fits(code, shape)) {
        return None;
    }
    let example = example_of(shapes[0]);
    Some(format!(
        "is not a postcode of {country}: expected the form {example}"
    ))
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn shapes_of_the_countries_delivered_to() {
        for (country, code) in [
            ("DE", "10115"),
            ("AT", "1010"),
            ("NL", "1012 AB"),
            ("NL", "1012ab"),
            ("PL", "00-950"),
            ("PT", "1000-001"),
            ("SE", "114 55"),
            ("GB", "SW1Y 4JH"),
            ("GB", "M1 1AE"),
            ("GB", "sw1y4jh"),
            ("US", "94105-1234"),
            ("ZZ", "anything"),
        ] {
            assert_eq!(problem(country, code), None, "{country} {code}");
        }
        for (country, code) in [
            ("DE", "ABCDE"),
            ("DE", "1011"),
            ("AT", "10101"),
            ("NL", "AB 1012"),
            ("GB", "12345"),
            ("FR", ""),
            ("DE", "１０１１５"),
        ] {
            assert!(problem(country, code).is_some(), "{country} {code}");
        }
        assert_eq!(
            problem("DE", "ABCDE").unwrap(),
            "is not a postcode of DE: expected the form 12345"
        );
    }
}
