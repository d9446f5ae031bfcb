//! The grammar of an error table's status cell: one or more HTTP statuses
//! (`400`, `400/404`, `400 or 409`, `400、404`), each with an optional reason
//! phrase (`301 Moved Permanently`); a remark in parentheses is a note, and its
//! numbers are not statuses (`429 (retry after 120 s)`, `403（2023 年前为 401）`).
//! A placeholder (`N/A`, `-`, `无`) or an empty cell means the row has no status.

use crate::cells;

/// What a status cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum StatusCell {
    /// No status: empty, or a placeholder.
    Nothing,
    /// A class of statuses (`4XX`), no one status: noted.
    Class(String),
    /// The statuses, in order, once each; the reason written next to the
    /// first; remarks in parentheses.
    Statuses {
        statuses: Vec<u16>,
        reason: Option<String>,
        note: Option<String>,
    },
    /// Not a status: why, and the text that is wrong.
    Wrong(String),
}

/// Reads a status cell.
pub(super) fn read(text: &str) -> StatusCell {
    let visible = cells::visible(text);
    let text = visible.trim();
    if text.is_empty() || cells::is_placeholder(text) {
        return StatusCell::Nothing;
    }
    // `4XX`, `>=500`: a class of statuses, no one status.
    if cells::is_status_class(text) || cells::is_catch_all(text) {
        return StatusCell::Class(text.to_owned());
    }
    if text.chars().any(|c| cells::full_width_digit(c).is_some()) {
        let ascii: String = text
            .chars()
            .map(|c| cells::full_width_digit(c).unwrap_or(c))
            .collect();
        return StatusCell::Wrong(format!(
            "`{text}` is written in full-width digits: expected ASCII digits, such as `{ascii}`"
        ));
    }
    // `HTTP 429`, `Bad Gateway (502)`, `Conflict`: the number first.
    let canonical = cells::canonical_status(text, true);
    let (main, mut note) = remarks(&canonical);
    let mut statuses = Vec::new();
    let mut reason = None;
    for part in split(&main) {
        // `2xx or 405`: the class is no status, the 405 is.
        if cells::is_status_class(part) {
            note = Some(note.map_or_else(
                || format!("`{part}` is a class of statuses"),
                |n| format!("{n}; `{part}` is a class of statuses"),
            ));
            continue;
        }
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        let number = part[..digits].parse::<u16>().ok();
        match number {
            Some(status) if digits == 3 && (100..=999).contains(&status) => {
                // `429 - Too Many Requests`: the reason after its dash.
                let rest = part[digits..]
                    .trim()
                    .trim_start_matches(['-', '–', '—', ':', '：'])
                    .trim();
                // Words after the number are its reason; words with numbers
                // (`403 before 2023: 401`) are a remark, and those numbers
                // are not statuses.
                if rest.contains(|c: char| c.is_ascii_digit()) {
                    note = Some(note.map_or_else(|| rest.to_owned(), |n| format!("{n}; {rest}")));
                } else if !rest.is_empty() && reason.is_none() {
                    reason = Some(rest.to_owned());
                }
                if !statuses.contains(&status) {
                    statuses.push(status);
                }
            }
            // Words after a status belong to it (`400 Bad Request, retry`).
            None if !statuses.is_empty() => {}
            _ => {
                return StatusCell::Wrong(format!(
                    "`{part}` is not an HTTP status: expected a number from 100 to 999, such as 400"
                ));
            }
        }
    }
    if statuses.is_empty() {
        return StatusCell::Wrong(format!(
            "`{text}` is not an HTTP status: expected a number from 100 to 999, such as 400"
        ));
    }
    StatusCell::Statuses {
        statuses,
        reason,
        note,
    }
}

/// The text without its parenthesised remarks, and the remarks.
fn remarks(text: &str) -> (String, Option<String>) {
    if !text.contains(['(', '（']) {
        return (text.trim().to_owned(), None);
    }
    let mut main = String::new();
    let mut notes = Vec::new();
    let mut depth = 0usize;
    let mut note = String::new();
    for c in text.chars() {
        match c {
            '(' | '（' => {
                if depth > 0 {
                    note.push(c);
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    notes.push(std::mem::take(&mut note).trim().to_owned());
                } else {
                    note.push(c);
                }
            }
            c if depth > 0 => note.push(c),
            c => main.push(c),
        }
    }
    if depth > 0 {
        notes.push(note.trim().to_owned());
    }
    let notes: Vec<String> = notes.into_iter().filter(|n| !n.is_empty()).collect();
    (
        main.trim().to_owned(),
        (!notes.is_empty()).then(|| notes.join("; ")),
    )
}

/// The parts of a cell listing several statuses.
fn split(text: &str) -> Vec<&str> {
    let mut parts = vec![text];
    for separator in ["/", ",", "，", "、", ";", " or ", " OR ", "或"] {
        if !text.contains(separator) {
            continue; // most cells hold one status: nothing to split
        }
        parts = parts.into_iter().flat_map(|p| p.split(separator)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses(text: &str) -> Vec<u16> {
        match read(text) {
            StatusCell::Statuses { statuses, .. } => statuses,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn one_or_more_statuses() {
        assert_eq!(statuses("400"), [400]);
        assert_eq!(statuses("400/404"), [400, 404]);
        assert_eq!(statuses("400, 400 or 409"), [400, 409]);
        assert_eq!(statuses("400、404"), [400, 404]);
        assert_eq!(statuses("400或404"), [400, 404]);
        assert_eq!(statuses("400\u{200b}"), [400]);
        assert_eq!(statuses("HTTP 429"), [429]);
        assert_eq!(statuses("HTTP/1.1 503 Service Unavailable"), [503]);
        assert_eq!(
            read("Bad Gateway (502)"),
            StatusCell::Statuses {
                statuses: vec![502],
                reason: Some("Bad Gateway".to_owned()),
                note: None
            }
        );
        assert_eq!(
            read("502 (Bad Gateway)"),
            StatusCell::Statuses {
                statuses: vec![502],
                reason: Some("Bad Gateway".to_owned()),
                note: None
            }
        );
        assert_eq!(statuses("Conflict"), [409]);
        assert_eq!(statuses("2xx or 405"), [405]);
        assert_eq!(read("4XX, 5XX"), StatusCell::Class("4XX, 5XX".to_owned()));
        assert_eq!(read(">=500"), StatusCell::Class(">=500".to_owned()));
    }

    #[test]
    fn a_reason_next_to_the_status_and_remarks_in_parentheses() {
        assert_eq!(
            read("301 Moved Permanently"),
            StatusCell::Statuses {
                statuses: vec![301],
                reason: Some("Moved Permanently".to_owned()),
                note: None
            }
        );
        assert_eq!(
            read("429 (retry after 120 s)"),
            StatusCell::Statuses {
                statuses: vec![429],
                reason: None,
                note: Some("retry after 120 s".to_owned())
            }
        );
        assert_eq!(statuses("403（2023 年前为 401）"), [403]);
        assert_eq!(
            read("403 before 2023: 401"),
            StatusCell::Statuses {
                statuses: vec![403],
                reason: None,
                note: Some("before 2023: 401".to_owned())
            }
        );
    }

    #[test]
    fn placeholders_are_no_status() {
        for text in [
            "",
            "N/A",
            "NA",
            "-",
            "—",
            "Null",
            "无",
            " n/a ",
            "暂无",
            "／",
            "不涉及",
            "--",
        ] {
            assert_eq!(read(text), StatusCell::Nothing, "{text}");
        }
    }

    #[test]
    fn mistakes_are_named() {
        assert!(matches!(read("40"), StatusCell::Wrong(m) if m.contains("`40`")));
        assert!(matches!(read("4000"), StatusCell::Wrong(m) if m.contains("`4000`")));
        assert!(matches!(read("VPC.0003"), StatusCell::Wrong(_)));
        assert!(
            matches!(read("４００"), StatusCell::Wrong(m) if m.contains("full-width") && m.contains("`400`"))
        );
    }
}
