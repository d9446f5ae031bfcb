//! The grammar of an error table's code cell, by the shape most codes of the
//! column share (`EVS.0001`, `NoSuchKey`, `111400002`). A cell is one code;
//! or several (`STO.0001<br>STO.0002`, `BIL.1001, BIL.1002`, `E1 / E2`), one
//! variant each; or a code and a remark (`USR_404 (deprecated)`); or no code
//! at all: a range (`DIS.5000 to DIS.5999`), a placeholder (`-`, `...`), the
//! header repeated, a label or a note spanning the row. Anything else is a
//! mistake, located, with the code it probably means when there is one.

use crate::cells::{self, Pattern, Shape, is_invisible};

/// What a code cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CodeCell {
    /// One code or several, and a remark written after them.
    Codes(Vec<String>, Option<String>),
    /// No code: why, for `skipped_rows`.
    Skip(String),
    /// A mistake: the message, and the code it probably means.
    Wrong(String, Option<String>),
}

/// Separators of several codes in one cell (a `<br>` reads as a space).
const SEPARATORS: &[char] = &[',', '，', '/', '、', ';', '；'];

/// Words joining the two ends of a range.
const RANGE_WORDS: &[&str] = &[" to ", "~", "～", "–", "—", "至", " - "];

/// Reads a code cell. `pattern` is the column's pattern; `header` its header;
/// `alone` is whether the row's other cells are empty or spanned from this
/// one (a label or note row).
pub(super) fn read(text: &str, pattern: Option<Pattern>, header: &str, alone: bool) -> CodeCell {
    let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    let text = visible.trim();
    if cells::is_placeholder(text) {
        return CodeCell::Skip(format!("`{text}` stands for no code"));
    }
    if crate::vocabulary::normalize(text) == crate::vocabulary::normalize(header) {
        return CodeCell::Skip(format!("`{text}` repeats the header"));
    }
    if text.contains(SEPARATORS)
        && pattern.is_some()
        && let Some(codes) = several(text, pattern)
    {
        return CodeCell::Codes(codes, None);
    }
    if is_code(text) {
        return CodeCell::Codes(vec![text.to_owned()], None);
    }
    if let Some((from, to)) = range(text) {
        return CodeCell::Skip(format!(
            "`{text}` is a range of codes ({from} to {to}), not one code"
        ));
    }
    if let Some(codes) = several(text, pattern) {
        return CodeCell::Codes(codes, None);
    }
    if let Some((code, remark)) = with_remark(text) {
        return CodeCell::Codes(vec![code], Some(remark));
    }
    if alone {
        return CodeCell::Skip(format!("`{text}` is a label or a note, not a code"));
    }
    // One stray space in a code of the column's shape: `DCS. 4855`.
    let joined: String = text.split_whitespace().collect();
    let meant = (text.split_whitespace().count() == 2
        && is_code(&joined)
        && pattern.is_none_or(|want| cells::pattern(&joined) == want))
    .then_some(joined);
    let message = match &meant {
        Some(code) => {
            format!("error code `{text}` has a space in it: expected one code, such as `{code}`")
        }
        None => format!(
            "`{text}` is not an error code: expected a code such as `EVS.0001` or `NoSuchKey` in the `{header}` column"
        ),
    };
    CodeCell::Wrong(message, meant)
}

/// One code-shaped word (`EVS.0001`, `NoSuchKey`, `0x1F`, `-32700`).
fn is_code(text: &str) -> bool {
    // `Unauthorized` is a reason phrase and, in a column of codes, a code.
    matches!(
        cells::shape(text),
        Some(Shape::Code | Shape::Number | Shape::Status | Shape::Phrase)
    ) && !text.contains(char::is_whitespace)
}

/// `DIS.5000 to DIS.5999`, `0–999`: the two ends.
fn range(text: &str) -> Option<(&str, &str)> {
    RANGE_WORDS.iter().find_map(|word| {
        let (from, to) = text.split_once(word)?;
        let (from, to) = (from.trim(), to.trim());
        (is_code(from) && is_code(to) && cells::pattern(from) == cells::pattern(to))
            .then_some((from, to))
    })
}

/// Several codes of the column's pattern in one cell.
fn several(text: &str, pattern: Option<Pattern>) -> Option<Vec<String>> {
    let by_separator: Vec<&str> = text
        .split(SEPARATORS)
        .flat_map(|p| p.split(" or "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // A `<br>` reads as a space: split on spaces only for codes with digits
    // or separators, never for words (`IncorrectNumberOfFilesInPost Request`
    // is one code with a typo, not two).
    let parts: Vec<&str> = if by_separator.len() > 1 {
        by_separator
    } else if matches!(pattern, Some(Pattern::Prefixed | Pattern::Numeric)) {
        text.split_whitespace().collect()
    } else {
        return None;
    };
    let fits = |p: &&str| is_code(p) && pattern.is_none_or(|want| cells::pattern(p) == want);
    (parts.len() > 1 && parts.iter().all(fits))
        .then(|| parts.into_iter().map(str::to_owned).collect())
}

/// `USR_404 (deprecated)`: the code and the remark.
fn with_remark(text: &str) -> Option<(String, String)> {
    let open = text.find(['(', '（'])?;
    let code = text[..open].trim();
    let remark = text[open..]
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
        .trim();
    (is_code(code) && !remark.is_empty()).then(|| (code.to_owned(), remark.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, pattern: Pattern) -> Vec<String> {
        match read(text, Some(pattern), "Error Code", false) {
            CodeCell::Codes(codes, _) => codes,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn skipped(text: &str, alone: bool) -> bool {
        matches!(
            read(text, Some(Pattern::Prefixed), "Error Code", alone),
            CodeCell::Skip(_)
        )
    }

    #[test]
    fn one_code_or_several() {
        assert_eq!(codes("EVS.0001", Pattern::Prefixed), ["EVS.0001"]);
        assert_eq!(codes("ORD.1001\u{200b}", Pattern::Prefixed), ["ORD.1001"]);
        assert_eq!(
            codes("STO.0001 STO.0002", Pattern::Prefixed),
            ["STO.0001", "STO.0002"]
        );
        assert_eq!(
            codes("BIL.1001, BIL.1002", Pattern::Prefixed),
            ["BIL.1001", "BIL.1002"]
        );
        assert_eq!(codes("E1 / E2", Pattern::Word), ["E1", "E2"]);
        assert_eq!(codes("NoSuchKey/NoSuchBucket", Pattern::Word).len(), 2);
    }

    #[test]
    fn a_remark_after_the_code() {
        assert_eq!(
            read(
                "USR_404 (deprecated)",
                Some(Pattern::Prefixed),
                "Error Code",
                false
            ),
            CodeCell::Codes(vec!["USR_404".to_owned()], Some("deprecated".to_owned()))
        );
    }

    #[test]
    fn rows_that_are_not_codes() {
        assert!(skipped("DIS.5000 to DIS.5999", false));
        assert!(skipped("0–999", false));
        assert!(skipped("...", false));
        assert!(skipped("-", false));
        assert!(skipped("Error Code", false));
        assert!(skipped("Token errors", true));
        assert!(skipped("Note: SCH.0003 was removed in v2.", true));
        assert!(skipped(
            "如若出现其他无法解决的错误码，请联系华为云支持人员。",
            true
        ));
    }

    #[test]
    fn typos_are_located_errors_with_the_code_meant() {
        assert_eq!(
            read("DCS. 4855", Some(Pattern::Prefixed), "错误码", false),
            CodeCell::Wrong(
                "error code `DCS. 4855` has a space in it: expected one code, such as `DCS.4855`"
                    .to_owned(),
                Some("DCS.4855".to_owned())
            )
        );
        assert!(matches!(
            read("IncorrectNumberOfFilesInPost Request", Some(Pattern::Word), "错误码", false),
            CodeCell::Wrong(_, Some(code)) if code == "IncorrectNumberOfFilesInPostRequest"
        ));
        assert!(matches!(
            read(
                "an error happened",
                Some(Pattern::Word),
                "Error Code",
                false
            ),
            CodeCell::Wrong(_, None)
        ));
    }
}
