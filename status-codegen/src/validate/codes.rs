//! The grammar of an error table's code cell, by the shape most codes of the
//! column share (`EVS.0001`, `NoSuchKey`, `111400002`). A cell is one code;
//! or several (`STO.0001<br>STO.0002`, `BIL.1001, BIL.1002`, `E1 / E2`), one
//! variant each; or a code and a remark (`USR_404 (deprecated)`); or no code
//! at all: a range (`DIS.5000 to DIS.5999`), a placeholder (`-`, `...`), the
//! header repeated, a label or a note spanning the row. Anything else is a
//! mistake, located, with the code it probably means when there is one.

use crate::cells::{self, Pattern, Shape};
use crate::model::SkipReason;

/// What a code cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CodeCell {
    /// One code or several, and a remark written after them.
    Codes(Vec<String>, Option<String>),
    /// No code: why, for `skipped_rows`.
    Skip(SkipReason),
    /// A mistake: the message, and the code it probably means.
    Wrong(String, Option<String>),
}

/// Separators of several codes in one cell (a `<br>` reads as a space).
const SEPARATORS: &[char] = &[',', '，', '/', '、', ';', '；'];

/// Words joining the two ends of a range.
const RANGE_WORDS: &[&str] = &[" to ", "~", "～", "–", "—", "至", " - "];

/// How a column writes its codes, read once for the whole column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Column {
    /// The pattern most codes share.
    pub(super) pattern: Option<Pattern>,
    /// Every code holds a `/` (`auth/invalid-email`): a namespace, not two codes.
    pub(super) namespaced: bool,
    /// Some of its cells are placeholders (`NA`, `-`): the column writes
    /// that a row has no code.
    pub(super) placeholders: bool,
    /// A quarter or more of its cells are reason phrases of several words
    /// (`Not Found`, `Not Modified`): the column writes codes so.
    pub(super) phrases: bool,
}

/// Whether a code cell repeats its column's header, as headers are compared
/// ([`normalize`](crate::vocabulary::normalize)d). Their letters and digits
/// are compared first: normalizing changes nothing else, and copies the texts.
fn repeats_header(text: &str, header: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
    }
    letters(text).eq(letters(header))
        && crate::vocabulary::normalize(text) == crate::vocabulary::normalize(header)
}

/// Reads a code cell. `column` is how its column writes codes; `header` its
/// header; `alone` is whether the row's other cells are empty or spanned
/// from this one (a label or note row).
pub(super) fn read(text: &str, column: Column, header: &str, alone: bool) -> CodeCell {
    let visible = cells::visible(text);
    let text = visible.trim();
    let pattern = column.pattern;
    if cells::is_placeholder(text) {
        return CodeCell::Skip(SkipReason::Placeholder(text.to_owned()));
    }
    if cells::is_catch_all(text) {
        return CodeCell::Skip(SkipReason::CatchAll(text.to_owned()));
    }
    if repeats_header(text, header) {
        return CodeCell::Skip(SkipReason::RepeatedHeader(text.to_owned()));
    }
    // `(reserved)`: a remark in the place of a code.
    if text.starts_with(['(', '（']) && text.ends_with([')', '）']) {
        return CodeCell::Skip(SkipReason::Label(text.to_owned()));
    }
    if pattern != Some(Pattern::Word) && is_class(text) {
        return CodeCell::Skip(SkipReason::Class(text.to_owned()));
    }
    if alone && is_label(text, pattern) {
        return CodeCell::Skip(SkipReason::Label(text.to_owned()));
    }
    if let Some(codes) = codes_of(text, column) {
        return CodeCell::Codes(codes, None);
    }
    // A reason phrase is a code as written (`Not Found`) in a column that
    // writes codes so; alone among identifiers (`Request-URI Too Large`
    // among `InvalidRange`s) it is its row's HTTP reason, not a code.
    if text.contains(' ')
        && !alone
        && pattern.is_none_or(|p| p == Pattern::Word)
        && let Some(status) = crate::vocabulary::phrase_status(text)
    {
        return if column.phrases {
            CodeCell::Codes(vec![text.to_owned()], None)
        } else {
            CodeCell::Skip(SkipReason::ReasonPhrase {
                text: text.to_owned(),
                status,
            })
        };
    }
    if let Some((from, to)) = range(text) {
        return CodeCell::Skip(SkipReason::Range {
            text: text.to_owned(),
            from: from.to_owned(),
            to: to.to_owned(),
        });
    }
    if let Some((head, remark)) = remark(text)
        && !holds_code(&remark, column)
        && let Some(codes) = codes_of(head, column)
        && codes.iter().all(|code| reads_as_code(code, column))
    {
        return CodeCell::Codes(codes, Some(remark));
    }
    if let Some((codes, remark)) = interleaved(text, column) {
        return CodeCell::Codes(codes, Some(remark));
    }
    if alone {
        return CodeCell::Skip(SkipReason::Label(text.to_owned()));
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

/// The codes a cell (or the part of it before a remark) holds: one code, or
/// several of the column's pattern.
fn codes_of(text: &str, column: Column) -> Option<Vec<String>> {
    let separators: &[char] = if column.namespaced {
        &[',', '，', '、', ';', '；']
    } else {
        SEPARATORS
    };
    if text.contains(separators)
        && column.pattern.is_some()
        && let Some(codes) = several(text, column.pattern, separators)
    {
        return Some(codes);
    }
    if is_code(text) {
        return Some(vec![text.to_owned()]);
    }
    several(text, column.pattern, separators)
}

/// One code-shaped word (`EVS.0001`, `NoSuchKey`, `0x1F`, `-32700`).
fn is_code(text: &str) -> bool {
    // `Unauthorized` is a reason phrase and, in a column of codes, a code.
    matches!(
        cells::shape(text),
        Some(Shape::Code | Shape::Number | Shape::Status | Shape::Phrase)
    ) && !text.contains(char::is_whitespace)
}

/// A class of codes (`2xxx`, `4XX`, `EVS.01xx`): a prefix ending in a digit
/// or a separator, then two or more `x`. In a column of words
/// (`DEFAULT_4XX` among `ACCESS_DENIED`) it is a code of its own.
fn is_class(text: &str) -> bool {
    let prefix = text.trim_end_matches(['x', 'X']);
    text.len() - prefix.len() >= 2
        && prefix.ends_with(|c: char| c.is_ascii_digit() || "._-".contains(c))
        && prefix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

/// A label alone in its row: a word of no digits where the column's codes
/// have another pattern (`Authentication` among `AUTH.0001`), or a phrase of
/// several words.
fn is_label(text: &str, pattern: Option<Pattern>) -> bool {
    let words = text.split_whitespace().count();
    let plain = !text.contains(|c: char| c.is_ascii_digit());
    words > 1 && !is_code(&text.split_whitespace().collect::<String>())
        || plain && pattern.is_some_and(|p| p != Pattern::Word && cells::pattern(text) != p)
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
fn several(text: &str, pattern: Option<Pattern>, separators: &[char]) -> Option<Vec<String>> {
    let by_separator: Vec<&str> = text
        .split(separators)
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

/// Footnote marks written after a code (`ECS.0102*`).
const FOOTNOTE_MARKS: &[char] = &['*', '†', '‡', '¹', '²', '³', '⁴', '⁵'];

/// A code and the remark written after it, as a reader tells them apart:
/// in brackets (`USR_404 (deprecated)`, `ECS.0014 [已下线]`), after a dash,
/// a comma, a semicolon or a colon (`ThrottlingException — retry with
/// backoff`, `SignatureDoesNotMatch, usually clock skew`), a footnote mark
/// (`ECS.0102*`), or words that cannot be part of a code (`ECS.0014 已下线`,
/// `E1 E2 see below`). The part before the remark is checked by the caller.
fn remark(text: &str) -> Option<(&str, String)> {
    let marks = text.trim_end_matches(FOOTNOTE_MARKS);
    if marks.len() < text.len() && !marks.is_empty() {
        let mark = &text[marks.len()..];
        let (head, more) = remark(marks.trim_end())
            .map_or((marks.trim_end(), None), |(head, more)| (head, Some(more)));
        let note = format!("footnote mark `{mark}`");
        return Some((head, more.map_or(note.clone(), |m| format!("{m}; {note}"))));
    }
    let bracket = text
        .char_indices()
        .find(|(_, c)| "([（【［〔".contains(*c))
        .map(|(at, _)| at)
        .filter(|&at| at > 0 && text.ends_with([')', ']', '）', '】', '］', '〕']));
    let punctuation = [" — ", " – ", " - ", "—", "，", "；", "：", ", ", "; ", ": "]
        .iter()
        .filter_map(|p| text.find(p).map(|at| (at, p.len())))
        .min();
    let (head, rest) = match (bracket, punctuation) {
        (Some(b), Some((p, _))) if b < p => (&text[..b], &text[b..]),
        (Some(b), None) => (&text[..b], &text[b..]),
        (_, Some((p, len))) => (&text[..p], &text[p + len..]),
        (None, None) => {
            // Words that cannot continue a code: CJK text, or lowercase words.
            let at = text.find(char::is_whitespace)?;
            let rest = text[at..].trim();
            let words = rest.split_whitespace().count();
            let prose =
                !rest.is_ascii() || words > 1 && rest.starts_with(|c: char| c.is_ascii_lowercase());
            if !prose {
                return None;
            }
            (&text[..at], rest)
        }
    };
    let remark = rest
        .trim_start_matches(['(', '[', '（', '【', '［', '〔'])
        .trim_end_matches([')', ']', '）', '】', '］', '〕'])
        .trim();
    let head = head.trim();
    (!head.is_empty() && !remark.is_empty()).then(|| (head, remark.to_owned()))
}

/// A `<br>` list whose remarks sit between its codes (`ECS.0001 (已废弃)
/// ECS.0002`): in a column of codes with digits, every word of the column's
/// pattern is a code and the rest, in order, the remark.
fn interleaved(text: &str, column: Column) -> Option<(Vec<String>, String)> {
    if !matches!(column.pattern, Some(Pattern::Prefixed | Pattern::Numeric)) {
        return None;
    }
    let mut codes = Vec::new();
    let mut rest = Vec::new();
    for word in text.split_whitespace() {
        let bare = word.trim_matches(|c: char| ",;，；、".contains(c));
        if reads_as_code(bare, column) {
            codes.push(bare.to_owned());
        } else {
            rest.push(word);
        }
    }
    let remark = rest
        .join(" ")
        .trim_matches(|c: char| c.is_whitespace() || "()[]（）【】".contains(c))
        .to_owned();
    (!codes.is_empty()
        && !remark.is_empty()
        && text.split_whitespace().next().is_some_and(|w| {
            reads_as_code(w.trim_matches(|c: char| ",;，；、".contains(c)), column)
        }))
    .then_some((codes, remark))
}

/// Whether a cell holds a code of the column's pattern anywhere in it, as a
/// reader would see one: a fix that leaves the row out would lose it.
pub(super) fn holds_code(text: &str, column: Column) -> bool {
    text.split(|c: char| c.is_whitespace() || ",;，；、()[]（）【】*—–:：".contains(c))
        .any(|token| reads_as_code(token, column))
}

/// Whether one word reads as a code of the column, not as a word of a
/// sentence: of the column's pattern, and for words, written as an
/// identifier (`NoSuchKey`, `DEADLINE_EXCEEDED`, `E1`), not `Note` or `an`.
fn reads_as_code(token: &str, column: Column) -> bool {
    if token.is_empty() || !is_code(token) {
        return false;
    }
    match column.pattern {
        Some(Pattern::Word) | None => {
            let inner = token.get(1..).unwrap_or_default();
            inner.contains(|c: char| c.is_ascii_uppercase() || "._/".contains(c))
                || token.contains(|c: char| c.is_ascii_digit())
        }
        Some(pattern) => cells::pattern(token) == pattern,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(pattern: Pattern) -> Column {
        Column {
            pattern: Some(pattern),
            namespaced: false,
            placeholders: false,
            phrases: true,
        }
    }

    fn codes(text: &str, pattern: Pattern) -> Vec<String> {
        match read(text, column(pattern), "Error Code", false) {
            CodeCell::Codes(codes, _) => codes,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn with_remark(text: &str, pattern: Pattern) -> (Vec<String>, Option<String>) {
        match read(text, column(pattern), "Error Code", false) {
            CodeCell::Codes(codes, remark) => (codes, remark),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn skipped(text: &str, alone: bool) -> bool {
        matches!(
            read(text, column(Pattern::Prefixed), "Error Code", alone),
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
        // A reason phrase is a code as written in a column of words that
        // writes codes so; alone among identifiers it is no code.
        assert_eq!(codes("Not Found", Pattern::Word), ["Not Found"]);
        let identifiers = Column {
            phrases: false,
            ..column(Pattern::Word)
        };
        assert!(matches!(
            read("Request-URI Too Large", identifiers, "Error Code", false),
            CodeCell::Skip(SkipReason::ReasonPhrase { status: 414, .. })
        ));
    }

    #[test]
    fn a_namespace_is_not_two_codes() {
        let namespaced = Column {
            pattern: Some(Pattern::Word),
            namespaced: true,
            placeholders: false,
            phrases: false,
        };
        assert_eq!(
            read("auth/invalid-email", namespaced, "Error Code", false),
            CodeCell::Codes(vec!["auth/invalid-email".to_owned()], None)
        );
        assert_eq!(codes("auth/invalid-email", Pattern::Word).len(), 2);
    }

    #[test]
    fn a_remark_after_the_code_is_a_note() {
        for (text, pattern, code, remark) in [
            (
                "USR_404 (deprecated)",
                Pattern::Prefixed,
                "USR_404",
                "deprecated",
            ),
            ("ECS.0014 [已下线]", Pattern::Prefixed, "ECS.0014", "已下线"),
            (
                "ECS.0014【已下线】",
                Pattern::Prefixed,
                "ECS.0014",
                "已下线",
            ),
            ("ECS.0014 已下线", Pattern::Prefixed, "ECS.0014", "已下线"),
            (
                "ECS.0102*",
                Pattern::Prefixed,
                "ECS.0102",
                "footnote mark `*`",
            ),
            (
                "ThrottlingException — retry with backoff",
                Pattern::Word,
                "ThrottlingException",
                "retry with backoff",
            ),
            (
                "SignatureDoesNotMatch, usually clock skew",
                Pattern::Word,
                "SignatureDoesNotMatch",
                "usually clock skew",
            ),
        ] {
            assert_eq!(
                with_remark(text, pattern),
                (vec![code.to_owned()], Some(remark.to_owned())),
                "{text}"
            );
        }
        assert_eq!(
            with_remark("ECS.0001 (已废弃) ECS.0002", Pattern::Prefixed),
            (
                vec!["ECS.0001".to_owned(), "ECS.0002".to_owned()],
                Some("已废弃".to_owned())
            )
        );
        assert_eq!(
            with_remark("STO.0001 STO.0002 (deprecated)", Pattern::Prefixed),
            (
                vec!["STO.0001".to_owned(), "STO.0002".to_owned()],
                Some("deprecated".to_owned())
            )
        );
    }

    #[test]
    fn rows_that_are_not_codes() {
        assert!(skipped("DIS.5000 to DIS.5999", false));
        assert!(skipped("1100～1199", false));
        assert!(skipped("0–999", false));
        assert!(skipped("2xxx", false));
        assert!(skipped("EVS.01xx", false));
        assert!(skipped("...", false));
        assert!(skipped("-", false));
        assert!(skipped("暂无", false));
        assert!(skipped("其他错误码", false));
        assert!(skipped("Error Code", false));
        assert!(skipped("Token errors", true));
        assert!(skipped("Authentication", true));
        assert!(skipped("Note: SCH.0003 was removed in v2.", true));
        assert!(skipped(
            "如若出现其他无法解决的错误码，请联系华为云支持人员。",
            true
        ));
    }

    #[test]
    fn typos_are_located_errors_with_the_code_meant() {
        assert_eq!(
            read("DCS. 4855", column(Pattern::Prefixed), "错误码", false),
            CodeCell::Wrong(
                "error code `DCS. 4855` has a space in it: expected one code, such as `DCS.4855`"
                    .to_owned(),
                Some("DCS.4855".to_owned())
            )
        );
        assert!(matches!(
            read("IncorrectNumberOfFilesInPost Request", column(Pattern::Word), "错误码", false),
            CodeCell::Wrong(_, Some(code)) if code == "IncorrectNumberOfFilesInPostRequest"
        ));
        assert!(matches!(
            read(
                "an error happened",
                column(Pattern::Word),
                "Error Code",
                false
            ),
            CodeCell::Wrong(_, None)
        ));
    }

    #[test]
    fn a_cell_that_holds_a_code_is_never_left_out() {
        let prefixed = column(Pattern::Prefixed);
        let words = column(Pattern::Word);
        assert!(holds_code("ECS.0014 [已下线]", prefixed));
        assert!(holds_code(
            "301 Moved Permanently",
            column(Pattern::Numeric)
        ));
        assert!(holds_code(
            "ThrottlingException — retry with backoff",
            words
        ));
        assert!(!holds_code("an error happened", words));
        assert!(!holds_code("见下表", prefixed));
    }
}
