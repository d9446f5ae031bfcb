//! What a column's cells hold, so that the cells can confirm or overrule what
//! its header says: a `返回值` column of `BMS.0001` holds error codes, a `Code`
//! column of `Switching Protocols` holds reason phrases, a `Code` column of
//! `0` and `10000000` holds application codes, not HTTP statuses.

use std::borrow::Cow;

use crate::vocabulary;

/// The shape of one cell's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// An HTTP status, maybe with its reason or a remark (`400`,
    /// `400 Bad Request`, `401Unauthorized`, `4xx`).
    Status,
    /// A number that is not an HTTP status (`0`, `4001`, `-32700`, `0x1F`).
    Number,
    /// One code-shaped word (`EVS.0001`, `NoSuchKey`, `DEADLINE_EXCEEDED`).
    Code,
    /// A reason phrase of the HTTP registry (`Switching Protocols`, `OK`).
    Phrase,
    /// Anything else: words, sentences, CJK text.
    Prose,
}

impl Shape {
    const ALL: [Self; 5] = [
        Self::Status,
        Self::Number,
        Self::Code,
        Self::Phrase,
        Self::Prose,
    ];

    /// How `because` texts call a column of this shape.
    pub(crate) fn described(self) -> &'static str {
        match self {
            Self::Status => "HTTP statuses",
            Self::Number => "numbers outside 100–599, application codes",
            Self::Code => "code-shaped words",
            Self::Phrase => "HTTP reason phrases",
            Self::Prose => "prose",
        }
    }
}

/// Characters a reader does not see: they never make a cell another shape.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// The text without its invisible characters. Every cell comes here: only
/// the rare cell that holds one is copied.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    if text.contains(is_invisible) {
        Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Texts that stand for nothing in a code or status cell (`N/A`, `-`, `无`,
/// `暂无`, `不涉及`).
const PLACEHOLDERS: &[&str] = &[
    "n/a",
    "na",
    "n.a.",
    "-",
    "--",
    "---",
    "—",
    "——",
    "–",
    "null",
    "none",
    "无",
    "/",
    "／",
    "...",
    "…",
    "……",
    "暂无",
    "不涉及",
    "不适用",
    "空",
];

/// Whether a cell's text stands for nothing (compared in lowercase). ASCII
/// case is enough: no other character lowercases to a letter of theirs, and
/// every cell comes here, so none is copied.
pub(crate) fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(text))
}

/// Catch-all rows: they stand for every code not listed, not for one code.
const CATCH_ALL: &[&str] = &[
    "other",
    "others",
    "other codes",
    "other status codes",
    "other error codes",
    "default",
    "*",
    "any",
    "其他",
    "其它",
    "其余",
];

/// Whether a status cell names a class or a range of statuses rather than
/// one: `4XX`, `XXX`, `5xx errors`, `>=500`, `≥ 500`, `4XX, 5XX`.
pub(crate) fn is_status_class(text: &str) -> bool {
    let text = text.trim();
    let one = |part: &str| {
        let part = part.trim();
        let bytes = part.as_bytes();
        let class = bytes.len() >= 3
            && (bytes[0].eq_ignore_ascii_case(&b'x') || (b'1'..=b'5').contains(&bytes[0]))
            && bytes[1].eq_ignore_ascii_case(&b'x')
            && bytes[2].eq_ignore_ascii_case(&b'x')
            && bytes.get(3).is_none_or(|b| !b.is_ascii_alphanumeric())
            && !part[3..].contains(|c: char| c.is_ascii_digit());
        let bound = part
            .strip_prefix(">=")
            .or_else(|| part.strip_prefix("<="))
            .or_else(|| part.strip_prefix('≥'))
            .or_else(|| part.strip_prefix('≤'))
            .or_else(|| part.strip_prefix('>'))
            .or_else(|| part.strip_prefix('<'))
            .is_some_and(|n| {
                let n = n.trim();
                n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit())
            });
        class || bound
    };
    text.split([',', '，', '/', '、']).all(one)
}

/// Whether a code cell stands for every code not listed (`All other codes`,
/// `Any other status`, `其余状态码`, `其他错误码`), not for one code.
pub(crate) fn is_catch_all(text: &str) -> bool {
    let lower = text
        .trim()
        .trim_start_matches(['.', '…', ' '])
        .to_ascii_lowercase();
    let lower = lower.trim_end_matches(['.', '。', ':', '：']);
    CATCH_ALL.contains(&lower)
        || ["all other ", "any other ", "every other ", "other "]
            .iter()
            .any(|p| lower.starts_with(p) && lower.split_whitespace().count() <= 4)
        || ["其他", "其它", "其余"].iter().any(|p| {
            lower.starts_with(p)
                && lower.chars().count() <= 8
                && ["码", "状态", "错误", "情况"]
                    .iter()
                    .any(|w| lower.contains(w))
        })
}

/// The pattern more than half of `codes` share, if one is.
pub(crate) fn dominant_pattern<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<Pattern> {
    let patterns: Vec<Pattern> = codes.into_iter().map(pattern).collect();
    [Pattern::Prefixed, Pattern::Numeric, Pattern::Word]
        .into_iter()
        .find(|p| patterns.iter().filter(|x| *x == p).count() * 2 > patterns.len())
}

/// A full-width digit (`４`) as its ASCII digit; `None` for any other character.
pub(crate) fn full_width_digit(c: char) -> Option<char> {
    ('０'..='９')
        .contains(&c)
        .then(|| char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')))
        .flatten()
}

/// A status cell in the form the status grammars read: the protocol left
/// out (`HTTP 429`, `HTTP/1.1 429 Too Many Requests`), the number first
/// (`Bad Gateway (502)` and `502 (Bad Gateway)` are `502 Bad Gateway`), and,
/// with `phrases`, a registered reason phrase alone with its code (`Conflict`
/// is `409 Conflict`). Any other text is returned as it is.
pub(crate) fn canonical_status(text: &str, phrases: bool) -> Cow<'_, str> {
    let text = text.trim();
    let text = without_protocol(text);
    // `Bad Gateway (502)`: a reason, then its number in parentheses.
    if let Some(open) = text.rfind(['(', '（'])
        && text.ends_with([')', '）'])
    {
        let (before, inside) = (
            text[..open].trim(),
            text[open..]
                .trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）'])
                .trim(),
        );
        let inside = without_protocol(inside);
        let named = |words: &str| {
            !words.is_empty()
                && words.len() <= 40
                && words
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || b" -'".contains(&b))
        };
        if is_status_number(inside) && named(before) {
            return Cow::Owned(format!("{inside} {before}"));
        }
        // `502 (Bad Gateway)`: the number, then its registered phrase.
        if is_status_number(before) && vocabulary::phrase_status(inside).is_some() {
            return Cow::Owned(format!("{before} {inside}"));
        }
    }
    if phrases && let Some(code) = vocabulary::phrase_status(text) {
        return Cow::Owned(format!("{code} {text}"));
    }
    Cow::Borrowed(text)
}

/// `HTTP 429 …`, `HTTP/1.1 429 …`, `HTTP:429` without the protocol, when a
/// three-digit number follows it.
fn without_protocol(text: &str) -> &str {
    if !text
        .get(..4)
        .is_some_and(|h| h.eq_ignore_ascii_case("http"))
    {
        return text;
    }
    let rest = &text[4..];
    let rest = rest.strip_prefix('/').map_or(rest, |r| {
        r.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
    });
    let rest = rest.trim_start_matches([' ', ':', '：']);
    if rest.len() < text.len() - 4 && rest.get(..3).is_some_and(is_status_number) {
        rest
    } else {
        text
    }
}

/// Three ASCII digits from 100 to 599, and nothing more.
fn is_status_number(text: &str) -> bool {
    text.len() == 3
        && text.bytes().all(|b| b.is_ascii_digit())
        && (b'1'..=b'5').contains(&text.as_bytes()[0])
}

/// The shape of a cell; `None` when it is empty or a placeholder.
pub(crate) fn shape(text: &str) -> Option<Shape> {
    let visible = visible(text);
    let text = visible.trim();
    if text.is_empty() || is_placeholder(text) {
        return None;
    }
    let text = canonical_status(text, false);
    let text = text.as_ref();
    let bytes = text.as_bytes();
    if bytes.len() >= 3
        && (b'1'..=b'5').contains(&bytes[0])
        && (bytes[1].is_ascii_digit() && bytes[2].is_ascii_digit()
            || bytes[1].eq_ignore_ascii_case(&b'x') && bytes[2].eq_ignore_ascii_case(&b'x'))
        && bytes
            .get(3)
            .is_none_or(|b| !b.is_ascii_digit() && !b"._:-".contains(b))
    {
        return Some(Shape::Status);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let hex = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()));
    if hex || !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Shape::Number);
    }
    if vocabulary::is_reason_phrase(text) {
        return Some(Shape::Phrase);
    }
    if is_code_word(text) {
        return Some(Shape::Code);
    }
    Some(Shape::Prose)
}

/// One word of ASCII letters, digits and `._:/+-`, starting with a letter or
/// digit and holding at least one letter.
fn is_code_word(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text.bytes().any(|b| b.is_ascii_alphabetic())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._:/+-".contains(&b))
}

/// The shapes of a column's cells, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Profile {
    counts: [usize; 5],
    samples: [Option<String>; 5],
}

impl Profile {
    /// The profile of some cells' texts.
    pub(crate) fn of<'a>(cells: impl IntoIterator<Item = &'a str>) -> Self {
        let mut profile = Self::default();
        for text in cells {
            if let Some(shape) = shape(text) {
                let at = Shape::ALL.iter().position(|s| *s == shape).unwrap_or(0);
                profile.counts[at] += 1;
                if profile.samples[at].is_none() {
                    profile.samples[at] = Some(text.trim().to_owned());
                }
            }
        }
        profile
    }

    /// The shape of more than half of the non-empty cells, if one is.
    pub(crate) fn dominant(&self) -> Option<Shape> {
        let total: usize = self.counts.iter().sum();
        Shape::ALL
            .iter()
            .zip(self.counts)
            .find(|(_, count)| *count * 2 > total)
            .map(|(shape, _)| *shape)
    }

    /// How many cells are not empty.
    pub(crate) fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// How many cells are of `shape`.
    pub(crate) fn count(&self, shape: Shape) -> usize {
        let at = Shape::ALL.iter().position(|s| *s == shape).unwrap_or(0);
        self.counts[at]
    }

    /// The first cell of `shape`, for messages.
    pub(crate) fn sample(&self, shape: Shape) -> &str {
        let at = Shape::ALL.iter().position(|s| *s == shape).unwrap_or(0);
        self.samples[at].as_deref().unwrap_or_default()
    }
}

/// The pattern of an error code, to tell code systems apart: `EVS.0001` and
/// `APIG.0101` are one pattern, `NoSuchKey` another, `111400002` a third.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// A word, a separator, digits: `EVS.0001`, `ECS_4001`, `S3M.0001`.
    Prefixed,
    /// Digits only, or hexadecimal.
    Numeric,
    /// A word or identifier: `NoSuchKey`, `DEADLINE_EXCEEDED`, `overLimit`.
    Word,
}

/// The pattern of one code.
pub(crate) fn pattern(code: &str) -> Pattern {
    let code = code.trim();
    if matches!(shape(code), Some(Shape::Number | Shape::Status)) {
        return Pattern::Numeric;
    }
    let split = code.find(|c: char| ".:_-/".contains(c));
    let prefixed = split.is_some_and(|at| {
        let (head, tail) = (&code[..at], &code[at + 1..]);
        head.starts_with(|c: char| c.is_ascii_alphabetic())
            && head.bytes().all(|b| b.is_ascii_alphanumeric())
            && tail.bytes().any(|b| b.is_ascii_digit())
    });
    if prefixed {
        Pattern::Prefixed
    } else {
        Pattern::Word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_cells_met_in_the_family() {
        for status in [
            "400",
            "400 Bad Request",
            "401Unauthorized",
            "4xx",
            "429 (retry)",
        ] {
            assert_eq!(shape(status), Some(Shape::Status), "{status}");
        }
        for number in ["0", "4001", "10000000", "-32700", "0x1F", "40", "1000"] {
            assert_eq!(shape(number), Some(Shape::Number), "{number}");
        }
        for code in [
            "EVS.0001",
            "NoSuchKey",
            "DEADLINE_EXCEEDED",
            "APIGW.0101",
            "overLimit",
        ] {
            assert_eq!(shape(code), Some(Shape::Code), "{code}");
        }
        for phrase in [
            "Switching Protocols",
            "OK",
            "Bad request",
            "Request-URI Too Long",
        ] {
            assert_eq!(shape(phrase), Some(Shape::Phrase), "{phrase}");
        }
        for prose in ["The request failed.", "请求成功", "DCS. 4855"] {
            assert_eq!(shape(prose), Some(Shape::Prose), "{prose}");
        }
        for status in [
            "HTTP 429",
            "HTTP/1.1 429 Too Many Requests",
            "Bad Gateway (502)",
            "502 (Bad Gateway)",
        ] {
            assert_eq!(shape(status), Some(Shape::Status), "{status}");
        }
        for placeholder in ["暂无", "／", "不涉及", "无", "--"] {
            assert_eq!(shape(placeholder), None, "{placeholder}");
        }
        assert_eq!(shape(" \u{200b} "), None);
        assert_eq!(shape("400\u{200b}"), Some(Shape::Status));
    }

    #[test]
    fn statuses_in_the_forms_pages_write_them() {
        for (written, read) in [
            ("HTTP 429", "429"),
            ("http/1.1 429 Too Many Requests", "429 Too Many Requests"),
            ("HTTP:404", "404"),
            ("Bad Gateway (502)", "502 Bad Gateway"),
            ("Bad Gateway（HTTP 502）", "502 Bad Gateway"),
            ("502 (Bad Gateway)", "502 Bad Gateway"),
            ("429 (retry after 120 s)", "429 (retry after 120 s)"),
            ("HTTPS", "HTTPS"),
            ("Conflict", "Conflict"),
        ] {
            assert_eq!(canonical_status(written, false), read, "{written}");
        }
        assert_eq!(canonical_status("Conflict", true), "409 Conflict");
        assert_eq!(canonical_status("Server Errors", true), "Server Errors");
    }

    #[test]
    fn classes_of_statuses() {
        for class in [
            "4XX",
            "xxx",
            "5xx errors",
            ">=500",
            "≥ 500",
            "4XX, 5XX",
            "3xx (redirects)",
        ] {
            assert!(is_status_class(class), "{class}");
        }
        for status in ["400", "4xxx", "400 Bad Request", "Xerox", "2xx or 405"] {
            assert!(!is_status_class(status), "{status}");
        }
        assert!(is_catch_all("... other"));
    }

    #[test]
    fn the_dominant_shape_is_more_than_half() {
        let profile = Profile::of(["BMS.0001", "BMS.0002", "", "Common.0018"]);
        assert_eq!(profile.dominant(), Some(Shape::Code));
        assert_eq!(profile.sample(Shape::Code), "BMS.0001");
        assert_eq!(Profile::of(["400", "OK"]).dominant(), None);
        assert_eq!(Profile::of(Vec::<&str>::new()).dominant(), None);
    }

    #[test]
    fn patterns_tell_code_systems_apart() {
        assert_eq!(pattern("EVS.0001"), Pattern::Prefixed);
        assert_eq!(pattern("Common.0002"), Pattern::Prefixed);
        assert_eq!(pattern("S3M.0001"), Pattern::Prefixed);
        assert_eq!(pattern("NoSuchKey"), Pattern::Word);
        assert_eq!(pattern("111400002"), Pattern::Numeric);
        assert_eq!(pattern("0x0100"), Pattern::Numeric);
    }
}
