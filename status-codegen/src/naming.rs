//! Naming: a description (status tables) or a code (error tables) becomes a
//! variant identifier.

use heck::ToUpperCamelCase;

/// The name used when the description gives none.
pub(crate) fn fallback_name(code: u16) -> String {
    format!("Status{code}")
}

/// The description in `UpperCamelCase`, if it gives a usable identifier.
pub(crate) fn derived_name(description: &str) -> Option<String> {
    if !description.is_ascii() {
        return None;
    }
    // "I'm a teapot" reads as ImATeapot, not IMATeapot.
    let joined: String = description.chars().filter(|&c| c != '\'').collect();
    let name: String = joined
        .to_upper_camel_case()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let first = name.chars().next()?;
    if !first.is_ascii_alphabetic() || name == "Self" {
        return None;
    }
    Some(name)
}

/// Names made from prose are at most this long: past it, a text is a
/// sentence, whatever its punctuation (a name made from a code keeps the code).
pub(crate) const MAX_PROSE_NAME: usize = 40;

/// The name a text gives when it reads as a name, and the name is short.
pub(crate) fn name_of_words(text: &str) -> Option<String> {
    if !reads_as_name(text) {
        return None;
    }
    derived_name(text).filter(|name| name.len() <= MAX_PROSE_NAME)
}

/// Whether a description reads as a name (`Not Found`, `overLimit`) rather than
/// a sentence (`The requested resource does not exist.`): at most five words,
/// not ending as a sentence ends. A status table with a reason column names a
/// variant by its reason when the description is a sentence.
pub(crate) fn reads_as_name(description: &str) -> bool {
    let text = description.trim();
    text.split_whitespace().count() <= 5
        && !text.ends_with(['.', '。', '!', '！', '?', '？'])
        && !text.contains([',', ';', '，', '；'])
}

/// The variant name of an error code: the code in `UpperCamelCase`
/// (`EVS.0001` → `Evs0001`, `badRequest` → `BadRequest`), or `Code` + the code
/// when it does not start with a letter (`111400002` → `Code111400002`); a
/// leading minus sign is spelled out (`-1` → `CodeMinus1`, so that it is
/// never `1`'s name). `None` when the code has no ASCII letter or digit to
/// name it by.
pub(crate) fn code_name(code: &str) -> Option<String> {
    let (sign, rest) = match code.strip_prefix('-') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => ("Minus", rest),
        _ => ("", code),
    };
    let camel: String = rest
        .to_upper_camel_case()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let first = camel.chars().next()?;
    let name = if sign.is_empty()
        && first.is_ascii_alphabetic()
        && code.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        camel
    } else {
        format!("Code{sign}{camel}")
    };
    (name != "Self").then_some(name)
}

/// Separators a code name drops, and how a name spells them when two codes
/// would otherwise share one (`InvalidParameter.Conflict` beside
/// `InvalidParameterConflict`).
const SPELLED: &[(char, &str)] = &[
    ('.', "Dot"),
    ('-', "Dash"),
    ('/', "Slash"),
    ('_', "Underscore"),
    (':', "Colon"),
    ('+', "Plus"),
];

/// The name of an error code with its separators spelled out
/// (`InvalidParameter.Conflict` → `InvalidParameterDotConflict`); `None`
/// when the code has no separator to spell.
pub(crate) fn spelled_code_name(code: &str) -> Option<String> {
    let body = code.strip_prefix('-').unwrap_or(code);
    if !body.contains(|c: char| SPELLED.iter().any(|(s, _)| *s == c)) {
        return None;
    }
    let mut spelled = String::with_capacity(code.len() * 2);
    for c in body.chars() {
        match SPELLED.iter().find(|(s, _)| *s == c) {
            Some((_, word)) => {
                spelled.push(' ');
                spelled.push_str(word);
                spelled.push(' ');
            }
            None => spelled.push(c),
        }
    }
    let sign = if body.len() < code.len() { "-" } else { "" };
    // Each part keeps its own capitals: `InvalidParameter`, not `Invalidparameter`.
    let parts: String = spelled
        .split(' ')
        .filter(|p| !p.is_empty())
        .map(|p| code_name(p).map_or_else(String::new, |n| n.trim_start_matches("Code").to_owned()))
        .collect();
    code_name(&format!("{sign}{parts}"))
}

/// Whether `name` is a plain Rust identifier usable as a variant name.
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
        && !is_keyword(name)
}

fn is_keyword(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
        "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
        "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box",
        "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
    ];
    KEYWORDS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant_name(description: &str, code: u16) -> String {
        derived_name(description).unwrap_or_else(|| fallback_name(code))
    }

    #[test]
    fn reason_phrases_become_upper_camel_case() {
        assert_eq!(variant_name("OK", 200), "Ok");
        assert_eq!(variant_name("No Content", 204), "NoContent");
        assert_eq!(variant_name("overLimit", 413), "OverLimit");
        assert_eq!(
            variant_name("Proxy Authentication Required", 407),
            "ProxyAuthenticationRequired"
        );
        assert_eq!(variant_name("I'm a teapot", 418), "ImATeapot");
        assert_eq!(
            variant_name("Request-URI Too Long", 414),
            "RequestUriTooLong"
        );
    }

    #[test]
    fn unusable_descriptions_fall_back_to_the_code() {
        assert_eq!(variant_name("请求成功", 200), "Status200");
        assert_eq!(variant_name("404", 404), "Status404");
        assert_eq!(variant_name("", 500), "Status500");
        assert_eq!(variant_name("--", 501), "Status501");
        assert_eq!(variant_name("self", 502), "Status502");
    }

    #[test]
    fn names_and_sentences_are_told_apart() {
        // Descriptions typed from the corpus: the EVS twin, WAF, LTS, SMN, ELB.
        for name in ["OK", "overLimit", "Not Found", "HTTP Version not supported"] {
            assert!(reads_as_name(name), "{name}");
        }
        for sentence in [
            "Request error.",
            "The requested resource does not exist.",
            "Non existent URI Resource not found today",
            "请求成功。",
        ] {
            assert!(!reads_as_name(sentence), "{sentence}");
        }
    }

    #[test]
    fn error_codes_become_upper_camel_case() {
        assert_eq!(code_name("EVS.0001").as_deref(), Some("Evs0001"));
        assert_eq!(code_name("Common.0002").as_deref(), Some("Common0002"));
        assert_eq!(code_name("APIG.0101").as_deref(), Some("Apig0101"));
        assert_eq!(code_name("badRequest").as_deref(), Some("BadRequest"));
        assert_eq!(
            code_name("DEADLINE_EXCEEDED").as_deref(),
            Some("DeadlineExceeded")
        );
        assert_eq!(code_name("111400002").as_deref(), Some("Code111400002"));
        assert_eq!(code_name("01").as_deref(), Some("Code01"));
        assert_eq!(code_name("错误"), None);
        assert_eq!(code_name("-1").as_deref(), Some("CodeMinus1"));
        assert_eq!(code_name("1").as_deref(), Some("Code1"));
        assert_eq!(code_name("-10003").as_deref(), Some("CodeMinus10003"));
        assert_eq!(code_name("-32700").as_deref(), Some("CodeMinus32700"));
    }

    #[test]
    fn separators_are_spelled_when_asked() {
        assert_eq!(
            spelled_code_name("InvalidParameter.Conflict").as_deref(),
            Some("InvalidParameterDotConflict")
        );
        assert_eq!(
            spelled_code_name("auth/invalid-email").as_deref(),
            Some("AuthSlashInvalidDashEmail")
        );
        assert_eq!(
            spelled_code_name("EVS_0001").as_deref(),
            Some("EvsUnderscore0001")
        );
        assert_eq!(spelled_code_name("NoSuchKey"), None);
    }

    #[test]
    fn identifiers_exclude_keywords() {
        assert!(is_identifier("Teapot"));
        assert!(!is_identifier("match"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier("a-b"));
    }
}
