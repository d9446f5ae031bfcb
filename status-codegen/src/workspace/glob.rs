//! The path patterns of `members` and `exclude`, as cargo's `glob` reads them:
//! `*` any characters of one path component, `?` one character, `[abc]`,
//! `[a-z]` and `[!abc]` one character of a set, and a `**` component any
//! number of components (none included).

/// Whether `pattern` matches the whole of `path` (both `/`-separated,
/// relative to the workspace root).
pub(crate) fn matches(pattern: &str, path: &str) -> bool {
    let parts = components(pattern);
    let names = components(path);
    components_match(&parts, &names)
}

/// Whether `pattern` matches `path` or a directory above it: cargo excludes
/// everything under an excluded directory.
pub(crate) fn matches_within(pattern: &str, path: &str) -> bool {
    let parts = components(pattern);
    let names = components(path);
    (0..=names.len()).any(|n| components_match(&parts, &names[..n]))
}

/// The components of a path, without `.` and empty ones (`./a//b/` is `a/b`).
fn components(path: &str) -> Vec<&str> {
    path.split(['/', '\\'])
        .filter(|c| !c.is_empty() && *c != ".")
        .collect()
}

fn components_match(parts: &[&str], names: &[&str]) -> bool {
    match parts.split_first() {
        None => names.is_empty(),
        Some((&"**", rest)) => (0..=names.len()).any(|skip| components_match(rest, &names[skip..])),
        Some((part, rest)) => names
            .split_first()
            .is_some_and(|(name, names)| name_matches(part, name) && components_match(rest, names)),
    }
}

/// One component against one name.
fn name_matches(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    chars_match(&pattern, &name)
}

fn chars_match(pattern: &[char], name: &[char]) -> bool {
    match pattern.split_first() {
        None => name.is_empty(),
        Some(('*', rest)) => (0..=name.len()).any(|skip| chars_match(rest, &name[skip..])),
        Some(('?', rest)) => !name.is_empty() && chars_match(rest, &name[1..]),
        Some(('[', rest)) => match name.split_first() {
            None => false,
            Some((c, name)) => match in_set(rest, *c) {
                Some((found, after)) => found && chars_match(after, name),
                // An unclosed `[` is a literal bracket.
                None => *c == '[' && chars_match(rest, name),
            },
        },
        Some((c, rest)) => name.first() == Some(c) && chars_match(rest, &name[1..]),
    }
}

/// A `[…]` set after its `[`: whether it holds `c`, and the pattern after
/// its `]`; `None` when it is not closed.
fn in_set(pattern: &[char], c: char) -> Option<(bool, &[char])> {
    let (negated, body) = match pattern.first() {
        Some('!') => (true, &pattern[1..]),
        _ => (false, pattern),
    };
    // A `]` first is a member, not the end.
    let end = body.iter().skip(1).position(|&m| m == ']')? + 1;
    let mut members = &body[..end];
    let mut found = false;
    while let Some((&first, rest)) = members.split_first() {
        if let ['-', last, rest @ ..] = rest {
            found |= (first..=*last).contains(&c);
            members = rest;
        } else {
            found |= first == c;
            members = rest;
        }
    }
    Some((found != negated, &body[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::{matches, matches_within};

    #[test]
    fn a_star_stays_in_one_component() {
        assert!(matches("crates/*", "crates/evs"));
        assert!(matches("crates/evs-*", "crates/evs-core"));
        assert!(matches("crates/*-core", "crates/evs-core"));
        assert!(!matches("crates/*", "crates/evs/sub"));
        assert!(!matches("crates/*", "crates"));
        assert!(!matches("core", "target/package/core-0.1.0"));
        assert!(matches("./core/", "core"));
    }

    #[test]
    fn a_double_star_spans_any_number_of_components() {
        assert!(matches("crates/**", "crates/a"));
        assert!(matches("crates/**", "crates/a/b/c"));
        assert!(matches("**/sdk", "sdk"));
        assert!(matches("**/sdk", "a/b/sdk"));
        assert!(matches("crates/**/core", "crates/core"));
        assert!(matches("crates/**/core", "crates/x/y/core"));
        assert!(!matches("crates/**/core", "crates/x/core-2"));
        assert!(!matches("crates/**", "other/a"));
    }

    #[test]
    fn question_marks_and_sets_are_one_character() {
        assert!(matches("v?", "v1"));
        assert!(!matches("v?", "v12"));
        assert!(!matches("v?", "v"));
        assert!(matches("sdk-[ab]", "sdk-a"));
        assert!(!matches("sdk-[ab]", "sdk-c"));
        assert!(matches("v[0-9]", "v7"));
        assert!(matches("v[!0-9]", "vx"));
        assert!(!matches("v[!0-9]", "v7"));
        assert!(matches("a[]]b", "a]b"));
        assert!(matches("a[b", "a[b"));
    }

    #[test]
    fn an_excluded_directory_excludes_what_is_under_it() {
        assert!(matches_within("crates/skip", "crates/skip"));
        assert!(matches_within("crates/skip", "crates/skip/inner"));
        assert!(matches_within("crates/?kip", "crates/skip/inner"));
        assert!(matches_within("**/fuzz", "a/fuzz/x"));
        assert!(!matches_within("crates/skip", "crates/skipped"));
        assert!(!matches_within("crates/skip", "crates"));
    }
}
