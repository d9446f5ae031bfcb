//! The header words that identify a table's columns, in one place.
//!
//! Headers are compared after trimming, lowercasing ASCII, collapsing
//! whitespace, reading full-width parentheses as ASCII ones and dropping a
//! trailing `:`; a language written after the word (`描述（English）`,
//! `Description (中文)`) is read apart from it. Each word lists the roles it can
//! take, in order: when two columns of a table want the same role, the word
//! listed earlier here wins and the other takes its next role.

use std::collections::HashMap;

use crate::model::{Kind, Role};

/// Every recognised header and the roles it can take, first choice first. The
/// order of this list breaks ties between columns. Add new words here only.
pub(crate) const HEADER_WORDS: &[(&str, &[Role])] = &[
    // Error codes: a column with one of these makes the table an error table.
    ("错误码", &[Role::Code]),
    ("错误代码", &[Role::Code]),
    ("错误编码", &[Role::Code]),
    ("错误码id", &[Role::Code]),
    ("error code", &[Role::Code]),
    ("error codes", &[Role::Code]),
    ("error code id", &[Role::Code]),
    ("errorcode", &[Role::Code]),
    ("error id", &[Role::Code]),
    ("error type", &[Role::Code, Role::Reason]),
    // HTTP statuses.
    ("错误码状态", &[Role::Status]),
    ("状态码", &[Role::Status]),
    ("http状态码", &[Role::Status]),
    ("http 状态码", &[Role::Status]),
    ("正常状态码", &[Role::Status]),
    ("错误状态码", &[Role::Status]),
    ("正常返回码", &[Role::Status]),
    ("异常返回码", &[Role::Status]),
    ("返回状态码", &[Role::Status]),
    ("返回码", &[Role::Status]),
    ("响应码", &[Role::Status]),
    ("http响应码", &[Role::Status]),
    ("status code", &[Role::Status]),
    ("status codes", &[Role::Status]),
    ("http status code", &[Role::Status]),
    ("http status codes", &[Role::Status]),
    ("http status", &[Role::Status]),
    ("http code", &[Role::Status]),
    ("response code", &[Role::Status]),
    ("http response code", &[Role::Status]),
    ("normal response code", &[Role::Status]),
    ("error response code", &[Role::Status]),
    ("返回值", &[Role::Status, Role::Reason, Role::Code]),
    ("returned value", &[Role::Status, Role::Reason, Role::Code]),
    ("return value", &[Role::Status, Role::Reason, Role::Code]),
    ("return code", &[Role::Status, Role::Reason]),
    ("status", &[Role::Status, Role::Reason]),
    ("code", &[Role::Status, Role::Code]),
    // Reason phrases and names.
    ("reason", &[Role::Reason]),
    ("reason phrase", &[Role::Reason]),
    ("type", &[Role::Reason]),
    ("类型", &[Role::Reason]),
    ("编码", &[Role::Reason]),
    ("错误码名称", &[Role::Reason]),
    ("error name", &[Role::Reason]),
    ("name", &[Role::Reason]),
    ("名称", &[Role::Reason]),
    ("status text", &[Role::Reason]),
    // Messages.
    ("错误信息", &[Role::Message]),
    ("错误消息", &[Role::Message]),
    ("错误提示", &[Role::Message]),
    ("提示信息", &[Role::Message]),
    ("返回信息", &[Role::Message]),
    ("error message", &[Role::Message]),
    ("error information", &[Role::Message]),
    ("error msg", &[Role::Message]),
    ("message", &[Role::Message]),
    // Descriptions.
    ("描述", &[Role::Description]),
    ("说明", &[Role::Description]),
    ("含义", &[Role::Description]),
    ("错误描述", &[Role::Description]),
    ("状态说明", &[Role::Description]),
    ("描述信息", &[Role::Description]),
    ("详细描述", &[Role::Description]),
    ("description", &[Role::Description]),
    ("error description", &[Role::Description]),
    ("meaning", &[Role::Description]),
    ("details", &[Role::Description]),
    ("detail", &[Role::Description]),
    ("explanation", &[Role::Description]),
    ("definition", &[Role::Description]),
    // Solutions.
    ("处理措施", &[Role::Solution]),
    ("解决方案", &[Role::Solution]),
    ("解决办法", &[Role::Solution]),
    ("处理建议", &[Role::Solution]),
    ("处理方法", &[Role::Solution]),
    ("solution", &[Role::Solution]),
    ("solutions", &[Role::Solution]),
    ("handling measure", &[Role::Solution]),
    ("handling measures", &[Role::Solution]),
    ("measure", &[Role::Solution]),
    ("suggestion", &[Role::Solution]),
    ("resolution", &[Role::Solution]),
    // Modules and categories.
    ("模块", &[Role::Module]),
    ("module", &[Role::Module]),
    ("category", &[Role::Module]),
    ("service", &[Role::Module]),
    ("分类", &[Role::Module]),
    ("类别", &[Role::Module]),
    ("服务", &[Role::Module]),
];

/// Compound headers are read by their last word, as a reader reads them:
/// Chinese and English headers name what the column holds at their end
/// (`错误码说明` is an explanation of error codes, `Error Code Description` a
/// description, `错误返回码` a code). Checked after [`HEADER_WORDS`], longest
/// ending first; an English ending matches whole words only.
pub(crate) const HEADER_ENDINGS: &[(&str, &[Role])] = &[
    // Texts.
    ("说明", &[Role::Description]),
    ("描述", &[Role::Description]),
    ("含义", &[Role::Description]),
    ("解释", &[Role::Description]),
    ("语义", &[Role::Description]),
    ("原因", &[Role::Description]),
    ("场景", &[Role::Description]),
    ("条件", &[Role::Description]),
    ("情况", &[Role::Description]),
    ("信息", &[Role::Message]),
    ("消息", &[Role::Message]),
    ("提示", &[Role::Message]),
    ("措施", &[Role::Solution]),
    ("方案", &[Role::Solution]),
    ("方法", &[Role::Solution]),
    ("办法", &[Role::Solution]),
    ("建议", &[Role::Solution]),
    ("名称", &[Role::Reason]),
    ("模块", &[Role::Module]),
    ("分类", &[Role::Module]),
    ("类别", &[Role::Module]),
    ("status message", &[Role::Reason]),
    ("reason phrase", &[Role::Reason]),
    ("description", &[Role::Description]),
    ("descriptions", &[Role::Description]),
    ("meaning", &[Role::Description]),
    ("cause", &[Role::Description]),
    ("causes", &[Role::Description]),
    ("explanation", &[Role::Description]),
    ("details", &[Role::Description]),
    ("message", &[Role::Message]),
    ("messages", &[Role::Message]),
    ("information", &[Role::Message]),
    ("solution", &[Role::Solution]),
    ("solutions", &[Role::Solution]),
    ("suggestion", &[Role::Solution]),
    ("suggestions", &[Role::Solution]),
    ("action", &[Role::Solution]),
    ("actions", &[Role::Solution]),
    ("measure", &[Role::Solution]),
    ("measures", &[Role::Solution]),
    ("handling", &[Role::Solution]),
    ("resolution", &[Role::Solution]),
    ("module", &[Role::Module]),
    ("category", &[Role::Module]),
    // Codes: the cells say whether they are HTTP statuses or error codes
    // (numbers outside 100–599 are application codes under any of these).
    ("错误码", &[Role::Code, Role::Status]),
    ("错误代码", &[Role::Code, Role::Status]),
    ("状态码", &[Role::Status]),
    ("返回码", &[Role::Status]),
    ("响应码", &[Role::Status]),
    ("码", &[Role::Status, Role::Code]),
    ("error code", &[Role::Code, Role::Status]),
    ("error codes", &[Role::Code, Role::Status]),
    ("status code", &[Role::Status]),
    ("status codes", &[Role::Status]),
    ("response code", &[Role::Status]),
    ("return code", &[Role::Status, Role::Code]),
    ("code", &[Role::Status, Role::Code]),
    ("codes", &[Role::Status, Role::Code]),
];

/// Headers that name a state or an outcome (`Status`, `状态`, `Result`): they
/// hold HTTP statuses only when their cells are statuses; over words
/// (`accepted`, `serviceIdle`) they are states, and the table holds no codes.
const STATE_WORDS: &[&str] = &[
    "status",
    "state",
    "result",
    "outcome",
    "状态",
    "结果",
    "delivery status",
    "状态值",
];

/// Whether a header names a state rather than a code ([`STATE_WORDS`]).
pub(crate) fn names_a_state(word: &str) -> bool {
    STATE_WORDS.contains(&word)
}

/// Words of headers that name what a table describes rather than codes:
/// parameters, fields, properties, keys, metrics, methods and endpoints,
/// prefixes. No fix names such a column as the code column.
const NOT_CODE_WORDS: &[&str] = &[
    "parameter",
    "parameters",
    "param",
    "field",
    "fields",
    "property",
    "properties",
    "attribute",
    "attributes",
    "argument",
    "arguments",
    "key",
    "header",
    "headers",
    "metric",
    "metrics",
    "method",
    "endpoint",
    "url",
    "uri",
    "path",
    "prefix",
    "dimension",
    "参数",
    "字段",
    "属性",
    "指标",
    "请求头",
    "维度",
    "前缀",
    "方法",
];

/// Whether a header names something other than codes (`Parameter`,
/// `指标ID`, `API Endpoint`): [`NOT_CODE_WORDS`], as a word of it (or, in
/// CJK, anywhere in it).
pub(crate) fn names_no_code(header: &str) -> bool {
    let word = normalize(header);
    NOT_CODE_WORDS.iter().any(|w| {
        if w.is_ascii() {
            word.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|part| part == *w)
        } else {
            word.contains(w)
        }
    })
}

/// Words by which a heading or caption says its table lists HTTP statuses.
const STATUS_SYSTEM: &[&str] = &["status code", "状态码", "响应码"];

/// Words by which a heading or caption says its table lists codes of the
/// service's own (the body's `code` field), not HTTP statuses.
const ERROR_SYSTEM: &[&str] = &[
    "error code",
    "error-code",
    "errorcode",
    "application code",
    "business code",
    "result code",
    "错误码",
    "业务码",
    "错误代码",
    "业务",
    "应用",
];

/// Which system the text introducing a table names: HTTP statuses
/// (`HTTP status codes`, `状态码`) or the service's own codes (`Error codes`,
/// `错误码`, `业务状态码`); `None` when it names neither.
pub(crate) fn names_system(text: &str) -> Option<Kind> {
    let lower = text.to_lowercase();
    // `HTTP error codes` are statuses; `业务状态码` (business status codes)
    // are the service's own.
    if lower.contains("http") {
        Some(Kind::Status)
    } else if ERROR_SYSTEM.iter().any(|w| lower.contains(w)) {
        Some(Kind::Error)
    } else if STATUS_SYSTEM.iter().any(|w| lower.contains(w)) {
        Some(Kind::Status)
    } else {
        None
    }
}

/// The roles a header can take and why: its word (or the word before a
/// parenthetical remark, `状态码（16进制）`), else its ending. The rank orders
/// columns that want one role: whole words before endings, earlier first.
pub(crate) fn header_roles(word: &str) -> Option<(usize, Vec<Role>, String)> {
    if let Some((rank, roles)) = roles_of(word) {
        return Some((rank, roles.to_vec(), format!("header word `{word}`")));
    }
    // A remark in parentheses: `描述（处理措施）` says what the text is;
    // `状态码（16进制）` and `Handling Suggestions (Optional)` only qualify it.
    if let Some(open) = word.rfind('(')
        && word.ends_with(')')
        && open > 0
    {
        let (base, inner) = (
            word[..open].trim_end(),
            word[open + 1..word.len() - 1].trim(),
        );
        let base_roles = header_roles(base);
        if let Some((rank, inner_roles, _)) = header_roles(inner)
            && inner_roles
                .iter()
                .all(|r| crate::model::Text::of_role(*r).is_some())
        {
            let mut roles = inner_roles;
            for role in base_roles.iter().flat_map(|(_, r, _)| r) {
                if !roles.contains(role) {
                    roles.push(*role);
                }
            }
            return Some((
                rank,
                roles,
                format!("header `{word}`: the remark `({inner})` names the text"),
            ));
        }
        return base_roles
            .map(|(rank, roles, _)| (rank, roles, format!("header `{word}` read as `{base}`")));
    }
    let (index, (ending, roles)) = HEADER_ENDINGS
        .iter()
        .enumerate()
        .filter(|(_, (ending, _))| ends_with_word(word, ending))
        .max_by_key(|(i, (ending, _))| (ending.len(), usize::MAX - i))?;
    Some((
        HEADER_WORDS.len() + index,
        roles.to_vec(),
        format!("header `{word}` ends in `{ending}`"),
    ))
}

/// `word` ends with `ending`, a whole word when the ending is ASCII.
fn ends_with_word(word: &str, ending: &str) -> bool {
    let Some(before) = word.strip_suffix(ending) else {
        return false;
    };
    before.is_empty() || !ending.is_ascii() || before.ends_with([' ', '_', '-', '/'])
}

/// The reason phrases of the HTTP status registry (RFC 9110 and the IANA
/// registry), by code: a column of these is a reason column, and a status row
/// whose description is a sentence is named by its code's phrase.
pub(crate) const REASON_PHRASES: &[(u16, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (102, "Processing"),
    (103, "Early Hints"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non-Authoritative Information"),
    (204, "No Content"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (207, "Multi-Status"),
    (208, "Already Reported"),
    (226, "IM Used"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (305, "Use Proxy"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (510, "Not Extended"),
    (511, "Network Authentication Required"),
];

/// Phrases of earlier RFCs and common use, with their codes: recognised as
/// reason phrases but never used to name a variant.
const FORMER_PHRASES: &[(u16, &str)] = &[
    (302, "Moved Temporarily"),
    (413, "Request Entity Too Large"),
    (413, "Payload Too Large"),
    (414, "Request-URI Too Large"),
    (414, "Request-URI Too Long"),
    (416, "Requested Range Not Satisfiable"),
    (422, "Unprocessable Entity"),
    (418, "I'm a teapot"),
    (408, "Request Time-out"),
    (504, "Gateway Time-out"),
    (509, "Bandwidth Limit Exceeded"),
    (306, "Switch Proxy"),
];

/// The registered reason phrase of a status.
pub(crate) fn reason_phrase(code: u16) -> Option<&'static str> {
    REASON_PHRASES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, phrase)| *phrase)
}

/// A phrase as compared: its words, lowercase ASCII letters and digits only,
/// joined by one space (`Request-URI Too Long` → `request uri too long`).
fn phrase_key(text: &str) -> String {
    // By bytes: the separators and the characters kept are ASCII, and no
    // byte of a longer UTF-8 character is ASCII.
    let mut key = String::with_capacity(text.len());
    for word in text.as_bytes().split(|b| matches!(b, b' ' | b'-')) {
        let start = key.len();
        if start > 0 {
            key.push(' ');
        }
        key.extend(
            word.iter()
                .filter(|b| b.is_ascii_alphanumeric())
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        if key.len() == start + usize::from(start > 0) {
            key.truncate(start);
        }
    }
    key
}

/// Every phrase, now or formerly registered, by its key: computed once. A
/// key both lists give keeps the registered phrase's status.
fn phrases() -> &'static HashMap<String, u16> {
    static PHRASES: std::sync::OnceLock<HashMap<String, u16>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut phrases = HashMap::new();
        for (code, phrase) in REASON_PHRASES.iter().chain(FORMER_PHRASES) {
            phrases.entry(phrase_key(phrase)).or_insert(*code);
        }
        phrases
    })
}

/// The status a reason phrase, now or formerly registered, names, when
/// `text` is one written as words (`Bad request` → 400, `Request-URI Too
/// Long` → 414, `OK` → 200; not the `OpenStack` fault names `badRequest` or
/// `unauthorized`, which are codes).
pub(crate) fn phrase_status(text: &str) -> Option<u16> {
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) || text.len() > 40 {
        return None;
    }
    phrases().get(&phrase_key(text)).copied()
}

/// Whether `text` is a reason phrase, now or formerly registered, written as
/// words ([`phrase_status`]).
pub(crate) fn is_reason_phrase(text: &str) -> bool {
    phrase_status(text).is_some()
}

/// Language names written in headers, and their BCP 47 tags.
const LANGUAGES: &[(&str, &str)] = &[
    ("english", "en"),
    ("en", "en"),
    ("英文", "en"),
    ("中文", "zh"),
    ("chinese", "zh"),
    ("zh", "zh"),
    ("简体中文", "zh-Hans"),
    ("繁體中文", "zh-Hant"),
    ("繁体中文", "zh-Hant"),
];

/// A header read: the word in the form it is compared in, and the language
/// written after it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// The normalised header, language removed.
    pub(crate) word: String,
    /// The language tag (`en`, `zh`), when the header names one.
    pub(crate) lang: Option<&'static str>,
}

/// A header in the form it is compared in: trimmed, ASCII lowercase,
/// whitespace collapsed, full-width parentheses as ASCII, no trailing colon.
pub(crate) fn normalize(header: &str) -> String {
    let mapped: String = header
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect();
    let trimmed = mapped.trim().trim_end_matches([':', '：']).trim_end();
    crate::document::collapse_whitespace(trimmed).to_ascii_lowercase()
}

/// Reads a header: its word and the language after it (`描述（English）`).
pub(crate) fn read_header(header: &str) -> Header {
    let word = normalize(header);
    if let Some(open) = word.rfind('(')
        && word.ends_with(')')
    {
        let inside = word[open + 1..word.len() - 1].trim();
        if let Some((_, tag)) = LANGUAGES.iter().find(|(name, _)| *name == inside) {
            return Header {
                word: word[..open].trim_end().to_owned(),
                lang: Some(tag),
            };
        }
    }
    // A header over two rows: `Description` above `English`.
    if let Some((base, last)) = word.rsplit_once(' ')
        && let Some((_, tag)) = LANGUAGES.iter().find(|(name, _)| *name == last)
        && roles_of(base).is_some()
    {
        return Header {
            word: base.to_owned(),
            lang: Some(tag),
        };
    }
    Header { word, lang: None }
}

/// The roles a header can take, first choice first, with its rank (its place
/// in [`HEADER_WORDS`]); `None` for an unrecognised header.
pub(crate) fn roles_of(word: &str) -> Option<(usize, &'static [Role])> {
    HEADER_WORDS
        .iter()
        .position(|(w, _)| *w == word)
        .map(|rank| (rank, HEADER_WORDS[rank].1))
}

/// The recognised words for a role, quoted, for messages.
pub(crate) fn words_for(role: Role) -> String {
    HEADER_WORDS
        .iter()
        .filter(|(_, roles)| roles.first() == Some(&role))
        .map(|(word, _)| format!("`{word}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_the_seed_and_its_english_twin_are_recognised() {
        let status = Some(Role::Status);
        assert_eq!(roles_of(&normalize("错误码状态")).map(|r| r.1[0]), status);
        assert_eq!(
            roles_of(&normalize("描述")).map(|r| r.1[0]),
            Some(Role::Description)
        );
        assert_eq!(
            roles_of(&normalize(" Status  Code ")).map(|r| r.1[0]),
            status
        );
        assert_eq!(
            roles_of(&normalize("Description:")).map(|r| r.1[0]),
            Some(Role::Description)
        );
        assert_eq!(roles_of(&normalize("Parameter")), None);
    }

    #[test]
    fn a_language_after_the_word_is_read_apart() {
        assert_eq!(
            read_header("错误描述（English）"),
            Header {
                word: "错误描述".to_owned(),
                lang: Some("en")
            }
        );
        assert_eq!(read_header("Description (中文)").lang, Some("zh"));
        assert_eq!(read_header("Code (HTTP)").word, "code (http)");
        assert_eq!(read_header("Description English").lang, Some("en"));
        assert_eq!(read_header("Error English").lang, None);
    }

    #[test]
    fn every_word_is_in_normal_form_and_listed_once() {
        for (i, (word, roles)) in HEADER_WORDS.iter().enumerate() {
            assert_eq!(normalize(word), *word);
            assert!(!roles.is_empty(), "{word}");
            assert!(
                HEADER_WORDS[..i].iter().all(|(w, _)| w != word),
                "{word} twice"
            );
        }
    }

    fn first_role(header: &str) -> Option<Role> {
        header_roles(&read_header(header).word).map(|(_, roles, _)| roles[0])
    }

    #[test]
    fn compound_headers_are_read_by_their_last_word() {
        for (header, role) in [
            ("错误码说明", Role::Description),
            ("状态码说明", Role::Description),
            ("中文说明", Role::Description),
            ("错误码描述", Role::Description),
            ("可能的错误原因", Role::Description),
            ("建议解决方法", Role::Solution),
            ("响应状态码", Role::Status),
            ("错误返回码", Role::Status),
            ("返回错误码", Role::Code),
            ("状态码（16进制）", Role::Status),
            ("Error Code Description", Role::Description),
            ("Handling Suggestions (Optional)", Role::Solution),
            ("Possible Cause", Role::Description),
            ("Recommended Action", Role::Solution),
            ("Normal Status Code", Role::Status),
            ("描述（处理措施）", Role::Solution),
        ] {
            assert_eq!(first_role(header), Some(role), "{header}");
        }
        assert_eq!(first_role("Glossary"), None);
        assert_eq!(first_role("Parameter"), None);
        // Whole words only: `Barcode` does not end in the word `code`.
        assert_eq!(first_role("Barcode"), None);
    }

    #[test]
    fn every_ending_is_in_normal_form_and_listed_once() {
        for (i, (ending, roles)) in HEADER_ENDINGS.iter().enumerate() {
            assert_eq!(normalize(ending), *ending);
            assert!(!roles.is_empty(), "{ending}");
            assert!(
                HEADER_ENDINGS[..i].iter().all(|(e, _)| e != ending),
                "{ending} twice"
            );
        }
    }

    #[test]
    fn reason_phrases_are_words_of_the_registry() {
        assert!(is_reason_phrase("Bad request"));
        assert!(is_reason_phrase("Request-URI Too Long"));
        assert!(is_reason_phrase("Request Entity Too Large"));
        assert!(!is_reason_phrase("badRequest"));
        assert!(!is_reason_phrase("unauthorized"));
        assert!(!is_reason_phrase("Bad"));
        assert_eq!(reason_phrase(429), Some("Too Many Requests"));
        assert_eq!(phrase_status("Conflict"), Some(409));
        assert_eq!(phrase_status("Gateway Time-out"), Some(504));
        assert_eq!(phrase_status("I'm a teapot"), Some(418));
        assert_eq!(phrase_status("Request - URI  Too Long"), Some(414));
        assert_eq!(phrase_status("conflict"), None);
        assert_eq!(reason_phrase(499), None);
    }
}
