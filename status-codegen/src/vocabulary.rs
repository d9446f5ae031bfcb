//! The header words that identify a table's columns, in one place.
//!
//! Headers are compared after trimming, lowercasing ASCII, collapsing
//! whitespace, reading full-width parentheses as ASCII ones and dropping a
//! trailing `:`; a language written after the word (`描述（English）`,
//! `Description (中文)`) is read apart from it. Each word lists the roles it can
//! take, in order: when two columns of a table want the same role, the word
//! listed earlier here wins and the other takes its next role.

use crate::model::Role;

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
    ("返回值", &[Role::Status, Role::Reason]),
    ("returned value", &[Role::Status, Role::Reason]),
    ("return value", &[Role::Status, Role::Reason]),
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
}
