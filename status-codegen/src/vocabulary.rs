//! The header words that identify a table's columns, in one place.
//!
//! Headers are compared after trimming, lowercasing ASCII and collapsing
//! whitespace, so `Status  code` and `STATUS CODE` are the same header.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// The numeric status code.
    Code,
    /// The text describing it.
    Description,
}

/// Every recognised header, with its role. Add new words here only.
pub const HEADER_WORDS: &[(&str, ColumnRole)] = &[
    ("错误码状态", ColumnRole::Code),
    ("状态码", ColumnRole::Code),
    ("http状态码", ColumnRole::Code),
    ("返回值", ColumnRole::Code),
    ("返回码", ColumnRole::Code),
    ("status code", ColumnRole::Code),
    ("http status code", ColumnRole::Code),
    ("http status", ColumnRole::Code),
    ("status", ColumnRole::Code),
    ("code", ColumnRole::Code),
    ("returned value", ColumnRole::Code),
    ("return value", ColumnRole::Code),
    ("return code", ColumnRole::Code),
    ("描述", ColumnRole::Description),
    ("说明", ColumnRole::Description),
    ("含义", ColumnRole::Description),
    ("description", ColumnRole::Description),
    ("reason", ColumnRole::Description),
    ("reason phrase", ColumnRole::Description),
    ("meaning", ColumnRole::Description),
    ("message", ColumnRole::Description),
];

/// A header in the form it is compared in.
pub fn normalize(header: &str) -> String {
    let trimmed = header.trim().trim_end_matches([':', '：']);
    crate::document::collapse_whitespace(trimmed).to_ascii_lowercase()
}

/// The role of a header, if it is a recognised word.
pub fn role_of(header: &str) -> Option<ColumnRole> {
    let header = normalize(header);
    HEADER_WORDS
        .iter()
        .find(|(word, _)| *word == header)
        .map(|(_, role)| *role)
}

/// The recognised words for a role, quoted, for messages.
pub fn words_for(role: ColumnRole) -> String {
    HEADER_WORDS
        .iter()
        .filter(|(_, r)| *r == role)
        .map(|(word, _)| format!("`{word}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_the_seed_and_its_english_twin_are_recognised() {
        assert_eq!(role_of("错误码状态"), Some(ColumnRole::Code));
        assert_eq!(role_of("描述"), Some(ColumnRole::Description));
        assert_eq!(role_of(" Status  Code "), Some(ColumnRole::Code));
        assert_eq!(role_of("Description:"), Some(ColumnRole::Description));
        assert_eq!(role_of("Parameter"), None);
    }
}
