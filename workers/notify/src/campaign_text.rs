//! What an admin writes for a campaign, checked: a one-line subject and a plain-text body.
//! The body is never HTML: the templates escape it and lay out its paragraphs.

use menuskart_kit::ReplyError;
use menuskart_schemas::notify::CampaignDraft;

pub const MAX_SUBJECT_CHARS: usize = 150;
pub const MAX_BODY_CHARS: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignText {
    subject: String,
    body: String,
}

impl CampaignText {
    pub fn parse(draft: CampaignDraft) -> Result<Self, ReplyError> {
        let subject = draft.subject.trim();
        if subject.is_empty() || subject.chars().count() > MAX_SUBJECT_CHARS {
            return Err(ReplyError::invalid_field(
                "subject",
                format!("1 to {MAX_SUBJECT_CHARS} characters"),
            ));
        }
        // One header line: a line break here could add headers of its own.
        if subject.chars().any(char::is_control) {
            return Err(ReplyError::invalid_field(
                "subject",
                "one line, no control characters",
            ));
        }
        let body = draft.body.trim();
        if body.is_empty() || body.chars().count() > MAX_BODY_CHARS {
            return Err(ReplyError::invalid_field(
                "body",
                format!("1 to {MAX_BODY_CHARS} characters"),
            ));
        }
        if body
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(ReplyError::invalid_field(
                "body",
                "plain text: no control characters but line breaks and tabs",
            ));
        }
        Ok(Self {
            subject: subject.to_owned(),
            body: body.replace("\r\n", "\n"),
        })
    }

    /// A stored campaign (checked when it was created).
    pub fn stored(subject: String, body: String) -> Self {
        Self { subject, body }
    }

    pub fn subject(&self) -> &str {
        &self.subject
    }

    pub fn body(&self) -> &str {
        &self.body
    }

    /// The body's paragraphs (separated by blank lines), each with its line breaks.
    pub fn paragraphs(&self) -> Vec<Vec<&str>> {
        self.body
            .split("\n\n")
            .map(|p| p.trim_matches('\n'))
            .filter(|p| !p.trim().is_empty())
            .map(|p| p.lines().collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(subject: &str, body: &str) -> CampaignDraft {
        CampaignDraft {
            subject: subject.into(),
            body: body.into(),
        }
    }

    #[test]
    fn a_draft_is_trimmed_and_split_into_paragraphs() {
        let text = CampaignText::parse(draft(
            "  Spring menu ",
            "\r\nHello!\r\n\r\nNew: laksa\nand pho.\n\n\n\nSee you.\n",
        ))
        .unwrap();
        assert_eq!(text.subject(), "Spring menu");
        assert_eq!(
            text.paragraphs(),
            vec![
                vec!["Hello!"],
                vec!["New: laksa", "and pho."],
                vec!["See you."]
            ]
        );
    }

    #[test]
    fn empty_long_or_multi_line_subjects_and_bodies_are_refused() {
        let long_subject = "x".repeat(MAX_SUBJECT_CHARS + 1);
        let long_body = "x".repeat(MAX_BODY_CHARS + 1);
        for (subject, body, field) in [
            (" ", "body", "subject"),
            (long_subject.as_str(), "body", "subject"),
            ("Sale\r\nBcc: everyone@example.com", "body", "subject"),
            ("Sale", "\n \n", "body"),
            ("Sale", long_body.as_str(), "body"),
            ("Sale", "bell \u{7}", "body"),
        ] {
            let error = CampaignText::parse(draft(subject, body)).unwrap_err();
            assert_eq!(
                error.into_body().details.unwrap()["field"],
                field,
                "{subject:?} / {body:?}"
            );
        }
        assert!(CampaignText::parse(draft(&"x".repeat(MAX_SUBJECT_CHARS), "ok")).is_ok());
    }
}
