//! What a document change does to the API: the committed rows and the rows
//! generated now, compared as data (code by code, a repeated code row by row),
//! each change marked breaking or not.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;

/// One change to a generated type that a user can see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The code concerned, as written (`404`, `EVS.0001`).
    pub code: String,
    /// What happened.
    pub kind: ChangeKind,
    /// The document line (in the new document, or the old one for a removal).
    pub line: usize,
    /// Whether code using the type may stop compiling.
    pub breaking: bool,
}

/// The kinds of change. `name` is a variant name; `from` the old value, `to` the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(
    missing_docs,
    reason = "the fields are named for what they hold, documented above"
)]
pub enum ChangeKind {
    /// A new code, so a new variant.
    Added { name: String },
    /// A code gone, so a variant gone.
    Removed { name: String },
    /// The same code under another variant name.
    Renamed { from: String, to: String },
    /// The same variant under another code.
    CodeChanged { name: String, from: String },
    /// A text (`description`, `message`, `section`, …) changed.
    TextChanged {
        field: String,
        from: String,
        to: String,
    },
    /// Other HTTP statuses.
    StatusChanged { from: String, to: String },
    /// A code listed on more or fewer rows.
    RowsChanged { from: usize, to: usize },
}

/// A code's rows, by code, in order.
fn by_code(rows: &[Value]) -> BTreeMap<String, Vec<&Value>> {
    let mut map: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for row in rows {
        map.entry(code(row)).or_default().push(row);
    }
    map
}

fn code(row: &Value) -> String {
    match &row["code"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A row's field as a reader reads it: a text, or a text per language
/// (`zh: 参数错误 / en: Invalid parameter`).
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Object(by_key) => by_key
            .iter()
            .map(|(key, text)| format!("{key}: {}", self::text(text)))
            .collect::<Vec<_>>()
            .join(" / "),
        other => other.to_string(),
    }
}

fn line(row: &Value) -> usize {
    row["line"]
        .as_u64()
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or_default()
}

/// The fields of a row compared as texts.
const TEXT_FIELDS: &[&str] = &[
    "reason",
    "message",
    "description",
    "solution",
    "module",
    "section",
    "other",
];

/// The changes from `old` rows to `new` rows; `non_exhaustive` makes an added
/// variant non-breaking.
pub(crate) fn compare(old: &[Value], new: &[Value], non_exhaustive: bool) -> Vec<Change> {
    let (old_codes, new_codes) = (by_code(old), by_code(new));
    let variant = |rows: &[&Value]| text(&rows[0]["variant"]);
    let mut changes = Vec::new();
    let mut change = |code: &str, line: usize, kind: ChangeKind, breaking: bool| {
        changes.push(Change {
            code: code.to_owned(),
            kind,
            line,
            breaking,
        });
    };
    for (code, new_rows) in &new_codes {
        let at = line(new_rows[0]);
        let Some(old_rows) = old_codes.get(code) else {
            let name = variant(new_rows);
            match old_codes
                .iter()
                .find(|(c, r)| variant(r) == name && !new_codes.contains_key(*c))
            {
                Some((from, _)) => change(
                    code,
                    at,
                    ChangeKind::CodeChanged {
                        name,
                        from: from.clone(),
                    },
                    true,
                ),
                None => change(code, at, ChangeKind::Added { name }, !non_exhaustive),
            }
            continue;
        };
        let (from, to) = (variant(old_rows), variant(new_rows));
        if from != to {
            change(code, at, ChangeKind::Renamed { from, to }, true);
        }
        if old_rows.len() != new_rows.len() {
            change(
                code,
                at,
                ChangeKind::RowsChanged {
                    from: old_rows.len(),
                    to: new_rows.len(),
                },
                false,
            );
        }
        for (old_row, new_row) in old_rows.iter().zip(new_rows) {
            let at = line(new_row);
            if old_row["status"] != new_row["status"] {
                change(
                    code,
                    at,
                    ChangeKind::StatusChanged {
                        from: old_row["status"].to_string(),
                        to: new_row["status"].to_string(),
                    },
                    false,
                );
            }
            for field in TEXT_FIELDS {
                if old_row[field] != new_row[field] {
                    let kind = ChangeKind::TextChanged {
                        field: (*field).to_owned(),
                        from: text(&old_row[field]),
                        to: text(&new_row[field]),
                    };
                    change(code, at, kind, false);
                }
            }
        }
    }
    for (code, old_rows) in &old_codes {
        let name = variant(old_rows);
        let moved = new_codes
            .iter()
            .any(|(c, r)| variant(r) == name && !old_codes.contains_key(c));
        if !new_codes.contains_key(code) && !moved {
            change(code, line(old_rows[0]), ChangeKind::Removed { name }, true);
        }
    }
    changes.sort_by(|a, b| (a.line, &a.code).cmp(&(b.line, &b.code)));
    changes
}

/// What a regenerated type changes for users, as data: the changes, or, when
/// there are none, how many rows only moved to other document lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shift {
    /// Every change a user can see.
    pub(crate) changes: Vec<Change>,
    /// Rows that differ only in their document line.
    pub(crate) lines_moved: usize,
}

/// The [`Shift`] from `old` rows to `new` rows.
pub(crate) fn shift(old: &[Value], new: &[Value], non_exhaustive: bool) -> Shift {
    let without_line = |row: &Value| {
        let mut row = row.clone();
        if let Some(object) = row.as_object_mut() {
            object.remove("line");
        }
        row
    };
    let lines_moved = if old.len() == new.len() {
        old.iter()
            .zip(new)
            .filter(|(a, b)| a != b && without_line(a) == without_line(b))
            .count()
    } else {
        0
    };
    Shift {
        changes: compare(old, new, non_exhaustive),
        lines_moved,
    }
}

/// A shift as the reports print it: every change in full; a move of document
/// lines alone as one line.
pub(crate) fn describe_shift(text: &mut String, shift: &Shift) {
    if shift.changes.is_empty() && shift.lines_moved > 0 {
        let _ = writeln!(
            text,
            "  Only document lines moved ({} row(s)): no variant, code, status or text changed.\n",
            shift.lines_moved
        );
    } else {
        describe(text, &shift.changes);
    }
}

/// The changes as the check prints them.
pub(crate) fn describe(text: &mut String, changes: &[Change]) {
    if changes.is_empty() {
        let _ = writeln!(
            text,
            "  No variant, code, status or text changed (only the layout or the header).\n"
        );
        return;
    }
    let _ = writeln!(text, "  What changes for users:");
    for c in changes {
        let what = match &c.kind {
            ChangeKind::Added { name } => format!("added `{name}` = {}", c.code),
            ChangeKind::Removed { name } => {
                format!(
                    "removed `{name}` = {} (was at the old document's line {})",
                    c.code, c.line
                )
            }
            ChangeKind::Renamed { from, to } => format!("renamed `{from}` to `{to}` ({})", c.code),
            ChangeKind::CodeChanged { name, from } => {
                format!("`{name}` changed code from {from} to {}", c.code)
            }
            ChangeKind::TextChanged { field, from, to } => {
                format!("{}: {field} {from:?} -> {to:?}", c.code)
            }
            ChangeKind::StatusChanged { from, to } => {
                format!("{}: HTTP status {from} -> {to}", c.code)
            }
            ChangeKind::RowsChanged { from, to } => {
                format!("{}: listed on {from} row(s) -> {to}", c.code)
            }
        };
        let line = if matches!(c.kind, ChangeKind::Removed { .. }) {
            String::new()
        } else {
            format!(" (document line {})", c.line)
        };
        let _ = writeln!(
            text,
            "    - {what}{line}{}",
            if c.breaking { "  [breaking]" } else { "" }
        );
    }
    let breaking = changes.iter().filter(|c| c.breaking).count();
    if breaking == 0 {
        let _ = writeln!(
            text,
            "  None of these breaks code that uses the type (Display and the text accessors' output change).\n"
        );
    } else {
        let _ = writeln!(
            text,
            "  {breaking} of these break downstream code: removed or renamed variants stop compiling where they are named, \
             a changed code changes from_code(), and a new variant breaks exhaustive `match`es unless the enum is non_exhaustive.\n"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(code: u16, variant: &str, description: &str, line: usize) -> Value {
        json!({"code": code, "variant": variant, "line": line, "status": [code], "description": description, "section": "", "reason": null, "message": null, "solution": null, "module": null, "other": {}})
    }

    #[test]
    fn rows_that_only_moved_are_one_line() {
        let old = [
            row(200, "Ok", "OK", 5),
            row(404, "NotFound", "Not Found", 6),
        ];
        let new = [
            row(200, "Ok", "OK", 9),
            row(404, "NotFound", "Not Found", 10),
        ];
        let moved = shift(&old, &new, false);
        assert_eq!(
            moved,
            Shift {
                changes: Vec::new(),
                lines_moved: 2
            }
        );
        let mut text = String::new();
        describe_shift(&mut text, &moved);
        assert_eq!(
            text,
            "  Only document lines moved (2 row(s)): no variant, code, status or text changed.\n\n"
        );
    }

    #[test]
    fn rows_are_compared_as_data() {
        let old = [
            row(200, "Ok", "OK", 5),
            row(404, "NotFound", "Not Found", 6),
            row(500, "Oops", "Oops", 7),
        ];
        let new = [
            row(200, "Ok", "OK", 5),
            row(404, "Missing", "Missing", 6),
            row(418, "Teapot", "Teapot", 8),
        ];
        let kinds: Vec<(String, ChangeKind)> = compare(&old, &new, false)
            .into_iter()
            .map(|c| (c.code, c.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    "404".to_owned(),
                    ChangeKind::Renamed {
                        from: "NotFound".to_owned(),
                        to: "Missing".to_owned()
                    }
                ),
                (
                    "404".to_owned(),
                    ChangeKind::TextChanged {
                        field: "description".to_owned(),
                        from: "Not Found".to_owned(),
                        to: "Missing".to_owned()
                    }
                ),
                (
                    "500".to_owned(),
                    ChangeKind::Removed {
                        name: "Oops".to_owned()
                    }
                ),
                (
                    "418".to_owned(),
                    ChangeKind::Added {
                        name: "Teapot".to_owned()
                    }
                ),
            ]
        );
    }
}
