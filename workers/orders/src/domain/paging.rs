//! A page of a list: `page` from 1, `per_page` from 1 to [`MAX_PER_PAGE`].

use menuskart_kit::ReplyError;

pub const MAX_PER_PAGE: u32 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

impl Paging {
    pub fn parse(page: u32, per_page: u32) -> Result<Self, ReplyError> {
        if page == 0 {
            return Err(ReplyError::invalid_field("page", "pages start at 1"));
        }
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(ReplyError::invalid_field(
                "per_page",
                format!("between 1 and {MAX_PER_PAGE}"),
            ));
        }
        Ok(Self { page, per_page })
    }

    pub fn limit(self) -> i64 {
        i64::from(self.per_page)
    }

    /// Never overflows: at most (u32::MAX - 1) * 100.
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::Paging;

    #[test]
    fn pages_start_at_one_and_hold_one_to_a_hundred() {
        assert!(Paging::parse(0, 20).is_err());
        assert!(Paging::parse(1, 0).is_err());
        assert!(Paging::parse(1, 101).is_err());
        let last = Paging::parse(u32::MAX, 100).unwrap();
        assert_eq!(last.offset(), (i64::from(u32::MAX) - 1) * 100);
        assert_eq!(Paging::parse(3, 20).unwrap().offset(), 40);
    }
}
