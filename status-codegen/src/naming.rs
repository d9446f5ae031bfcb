//! Naming: a description becomes a variant identifier.

use heck::ToUpperCamelCase;

/// The variant name for a row: the description in `UpperCamelCase`, or
/// `Status{code}` when the description gives no usable identifier (non-ASCII
/// text such as Chinese, digits only, punctuation only, or empty).
pub fn variant_name(description: &str, code: u16) -> String {
    derived_name(description).unwrap_or_else(|| fallback_name(code))
}

/// The name used when the description gives none.
pub fn fallback_name(code: u16) -> String {
    format!("Status{code}")
}

/// The description in `UpperCamelCase`, if it gives a usable identifier.
pub fn derived_name(description: &str) -> Option<String> {
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

/// Whether `name` is a plain Rust identifier usable as a variant name.
pub fn is_identifier(name: &str) -> bool {
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
    fn identifiers_exclude_keywords() {
        assert!(is_identifier("Teapot"));
        assert!(!is_identifier("match"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier("a-b"));
    }
}
