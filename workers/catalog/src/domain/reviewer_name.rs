//! How a review names its author: the first name and the initial of the last ("Ada L."), from
//! the account's name when the review is written. Enough for other shoppers to see a person
//! behind it, not enough to find them.

/// The most characters of a first name a review shows.
const MAX_FIRST_NAME_CHARS: usize = 40;

/// "Ada Lovelace" -> "Ada L.", "Plato" -> "Plato"; `None` for a blank name.
pub fn reviewer_name(full_name: &str) -> Option<String> {
    let mut words = full_name.split_whitespace();
    let first: String = words.next()?.chars().take(MAX_FIRST_NAME_CHARS).collect();
    match words.last().and_then(|last| last.chars().next()) {
        Some(initial) => Some(format!("{first} {}.", initial.to_uppercase())),
        None => Some(first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_shows_the_first_name_and_the_last_initial() {
        assert_eq!(reviewer_name("Ada Lovelace").as_deref(), Some("Ada L."));
        assert_eq!(
            reviewer_name("  Grace  Brewster Hopper ").as_deref(),
            Some("Grace H.")
        );
        assert_eq!(reviewer_name("Plato").as_deref(), Some("Plato"));
        assert_eq!(reviewer_name("émile zola").as_deref(), Some("émile Z."));
        assert_eq!(reviewer_name("   "), None);
    }
}
