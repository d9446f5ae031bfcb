//! "Did you mean": the nearest of some candidates to a word the user wrote
//! (an option name, a code, a file name), by edit distance, for messages.

/// `" (did you mean `a` or `b`?)"` for the candidates within a few edits of
/// `wanted` (the nearest first, at most three), or `""` when none is near.
pub(crate) fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    let named: Vec<String> = nearest(wanted, candidates)
        .into_iter()
        .map(|c| format!("`{c}`"))
        .collect();
    if named.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", named.join(" or "))
    }
}

/// The candidates within a few edits of `wanted`, the nearest first (in the
/// candidates' order among equals), at most three.
pub(crate) fn nearest<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    let mut near: Vec<(usize, &str)> = Vec::new();
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(wanted, candidate);
        if distance <= limit && candidate != wanted && !near.iter().any(|(_, c)| *c == candidate) {
            near.push((distance, candidate));
        }
    }
    near.sort_by_key(|(distance, _)| *distance);
    near.into_iter().take(3).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_words_are_suggested() {
        assert_eq!(
            did_you_mean("othr", ["other", "name", "kind"]),
            " (did you mean `other`?)"
        );
        assert_eq!(did_you_mean("colour", ["other", "name", "kind"]), "");
        // One edit each (a swap, a change): in the table's order.
        assert_eq!(
            did_you_mean("EVS.0010", ["EVS.0001", "EVS.0011", "Common.0002"]),
            " (did you mean `EVS.0001` or `EVS.0011`?)"
        );
        assert_eq!(did_you_mean("999", ["200", "404"]), "");
        assert_eq!(
            nearest("evs_error_codes.md", ["evs_error-codes.md", "README.md"]),
            ["evs_error-codes.md"]
        );
    }
}
