//! What a document change does to the API: the committed rows and the rows
//! generated now, compared as data (code by code, a repeated code row by row),
//! each change marked breaking or not ([`compare`], [`shift`]); [`describe`]
//! and [`describe_shift`] render the result as the reports print it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use indexmap::IndexMap;
use status_codegen::model;

use crate::contract::{self, Row, Text};

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
    /// A text (`description`, `message`, `section`, …) changed; `None` where
    /// the type has no such text.
    TextChanged {
        text: model::Text,
        from: Option<Text>,
        to: Option<Text>,
    },
    /// The cells of the columns with no role changed.
    OtherChanged {
        from: IndexMap<String, String>,
        to: IndexMap<String, String>,
    },
    /// Other HTTP statuses.
    StatusChanged { from: Vec<u16>, to: Vec<u16> },
    /// A code listed on more or fewer rows.
    RowsChanged { from: usize, to: usize },
}

impl Change {
    fn new(code: &str, line: usize, kind: ChangeKind, breaking: bool) -> Self {
        Self {
            code: code.to_owned(),
            kind,
            line,
            breaking,
        }
    }
}

/// Rows by code (as written), each code's in document order.
type ByCode<'a> = BTreeMap<String, Vec<&'a Row>>;

fn by_code(rows: &[Row]) -> ByCode<'_> {
    let mut map = ByCode::new();
    for row in rows {
        map.entry(row.code.to_string()).or_default().push(row);
    }
    map
}

/// The variant of a code's rows (the first row's: they share it).
fn variant<'a>(rows: &[&'a Row]) -> &'a str {
    &rows[0].variant
}

/// A code of `among`, not in `not_in`, whose variant is `name`: the code a
/// variant had before (or has now) when only its code changed.
fn same_variant<'a>(name: &str, among: &'a ByCode<'_>, not_in: &ByCode<'_>) -> Option<&'a str> {
    among
        .iter()
        .find(|(code, rows)| variant(rows) == name && !not_in.contains_key(*code))
        .map(|(code, _)| code.as_str())
}

/// The changes from `old` rows to `new` rows; `non_exhaustive` makes an added
/// variant non-breaking.
pub(crate) fn compare(old: &[Row], new: &[Row], non_exhaustive: bool) -> Vec<Change> {
    let (old_codes, new_codes) = (by_code(old), by_code(new));
    let mut changes = Vec::new();
    for (code, new_rows) in &new_codes {
        if let Some(old_rows) = old_codes.get(code) {
            changes.extend(code_changes(code, old_rows, new_rows));
            continue;
        }
        let (name, at) = (variant(new_rows).to_owned(), new_rows[0].line);
        changes.push(match same_variant(&name, &old_codes, &new_codes) {
            Some(from) => {
                let from = from.to_owned();
                Change::new(code, at, ChangeKind::CodeChanged { name, from }, true)
            }
            None => Change::new(code, at, ChangeKind::Added { name }, !non_exhaustive),
        });
    }
    for (code, old_rows) in &old_codes {
        let name = variant(old_rows);
        if !new_codes.contains_key(code) && same_variant(name, &new_codes, &old_codes).is_none() {
            let kind = ChangeKind::Removed {
                name: name.to_owned(),
            };
            changes.push(Change::new(code, old_rows[0].line, kind, true));
        }
    }
    changes.sort_by(|a, b| (a.line, &a.code).cmp(&(b.line, &b.code)));
    changes
}

/// What changed for one code listed before and now.
fn code_changes(code: &str, old_rows: &[&Row], new_rows: &[&Row]) -> Vec<Change> {
    let at = new_rows[0].line;
    let mut changes = Vec::new();
    let (from, to) = (variant(old_rows), variant(new_rows));
    if from != to {
        let (from, to) = (from.to_owned(), to.to_owned());
        changes.push(Change::new(
            code,
            at,
            ChangeKind::Renamed { from, to },
            true,
        ));
    }
    if old_rows.len() != new_rows.len() {
        let (from, to) = (old_rows.len(), new_rows.len());
        changes.push(Change::new(
            code,
            at,
            ChangeKind::RowsChanged { from, to },
            false,
        ));
    }
    for (old_row, new_row) in old_rows.iter().zip(new_rows) {
        changes.extend(
            row_changes(old_row, new_row)
                .into_iter()
                .map(|kind| Change::new(code, new_row.line, kind, false)),
        );
    }
    changes
}

/// What changed in one row: its statuses, its texts, its other cells.
fn row_changes(old: &Row, new: &Row) -> Vec<ChangeKind> {
    let mut changes = Vec::new();
    if old.status != new.status {
        changes.push(ChangeKind::StatusChanged {
            from: old.status.clone(),
            to: new.status.clone(),
        });
    }
    for text in model::Text::ALL {
        let (from, to) = (old.text(text), new.text(text));
        if from != to {
            changes.push(ChangeKind::TextChanged {
                text,
                from: from.cloned(),
                to: to.cloned(),
            });
        }
    }
    if old.other != new.other {
        changes.push(ChangeKind::OtherChanged {
            from: old.other.clone(),
            to: new.other.clone(),
        });
    }
    changes
}

/// What a regenerated type changes for users, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shift {
    /// The committed file's rows could not be read as this version writes
    /// them (another version wrote them, or they were edited): what changes is
    /// not known, and saying "every code added" would be wrong.
    Unknown,
    /// The changes, or, when there are none, how many rows only moved to
    /// other document lines.
    Known {
        /// Every change a user can see.
        changes: Vec<Change>,
        /// Rows that differ only in their document line.
        lines_moved: usize,
    },
}

impl Shift {
    /// Every change a user can see (none when not known).
    pub(crate) fn changes(&self) -> &[Change] {
        match self {
            Self::Unknown => &[],
            Self::Known { changes, .. } => changes,
        }
    }
}

/// The [`Shift`] from the committed rows (`None`: not readable) to `new` rows.
pub(crate) fn shift(old: Option<&[Row]>, new: &[Row], non_exhaustive: bool) -> Shift {
    let Some(old) = old else {
        return Shift::Unknown;
    };
    let only_line = |a: &Row, b: &Row| {
        a.line != b.line
            && *a
                == Row {
                    line: a.line,
                    ..b.clone()
                }
    };
    let lines_moved = if old.len() == new.len() {
        old.iter().zip(new).filter(|(a, b)| only_line(a, b)).count()
    } else {
        0
    };
    Shift::Known {
        changes: compare(old, new, non_exhaustive),
        lines_moved,
    }
}

/// A shift as the reports print it: every change in full; a move of document
/// lines alone as one line.
pub(crate) fn describe_shift(text: &mut String, shift: &Shift) {
    match shift {
        Shift::Unknown => {
            let _ = writeln!(
                text,
                "  The committed rows are not what this version of status-table writes (another version\n  wrote them, or they were edited): what changes for users is not known (`--diff` shows the file's diff).\n"
            );
        }
        Shift::Known {
            changes,
            lines_moved,
        } if changes.is_empty() && *lines_moved > 0 => {
            let _ = writeln!(
                text,
                "  Only document lines moved ({lines_moved} row(s)): no variant, code, status or text changed.\n"
            );
        }
        Shift::Known { changes, .. } => describe(text, changes),
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
        let line = if matches!(c.kind, ChangeKind::Removed { .. }) {
            String::new()
        } else {
            format!(" (document line {})", c.line)
        };
        let _ = writeln!(
            text,
            "    - {}{line}{}",
            what(c),
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

/// One change, as a reader reads it.
fn what(c: &Change) -> String {
    let code = &c.code;
    match &c.kind {
        ChangeKind::Added { name } => format!("added `{name}` = {code}"),
        ChangeKind::Removed { name } => {
            format!(
                "removed `{name}` = {code} (was at the old document's line {})",
                c.line
            )
        }
        ChangeKind::Renamed { from, to } => format!("renamed `{from}` to `{to}` ({code})"),
        ChangeKind::CodeChanged { name, from } => {
            format!("`{name}` changed code from {from} to {code}")
        }
        ChangeKind::TextChanged { text, from, to } => {
            let reading = |t: &Option<Text>| t.as_ref().map(Text::reading).unwrap_or_default();
            format!(
                "{code}: {} {:?} -> {:?}",
                text.as_str(),
                reading(from),
                reading(to)
            )
        }
        ChangeKind::OtherChanged { from, to } => format!(
            "{code}: other {:?} -> {:?}",
            contract::keyed(from),
            contract::keyed(to)
        ),
        ChangeKind::StatusChanged { from, to } => {
            format!("{code}: HTTP status {} -> {}", statuses(from), statuses(to))
        }
        ChangeKind::RowsChanged { from, to } => {
            format!("{code}: listed on {from} row(s) -> {to}")
        }
    }
}

/// Statuses as the row's JSON writes them: `[400,404]`.
fn statuses(statuses: &[u16]) -> String {
    let list: Vec<String> = statuses.iter().map(u16::to_string).collect();
    format!("[{}]", list.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Code;

    fn row(code: u16, variant: &str, description: &str, line: usize) -> Row {
        Row {
            line,
            table: 0,
            code: Code::Number(code),
            status: vec![code],
            aliases: Vec::new(),
            notes: Vec::new(),
            reason: None,
            message: None,
            description: Some(Text::One(description.to_owned())),
            solution: None,
            module: None,
            section: Some(Text::One(String::new())),
            other: IndexMap::new(),
            variant: variant.to_owned(),
        }
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
        let moved = shift(Some(&old), &new, false);
        assert_eq!(
            moved,
            Shift::Known {
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
                        text: model::Text::Description,
                        from: Some(Text::One("Not Found".to_owned())),
                        to: Some(Text::One("Missing".to_owned()))
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

    #[test]
    fn each_change_reads_as_the_reports_print_it() {
        let by_lang = |zh: &str, en: &str| {
            Some(Text::ByLang(IndexMap::from([
                ("zh".to_owned(), zh.to_owned()),
                ("en".to_owned(), en.to_owned()),
            ])))
        };
        let mut old = row(406, "NotAcceptable", "", 69);
        old.description = by_lang("不可接受", "Not Acceptable");
        old.other = IndexMap::from([("Remark".to_owned(), "x".to_owned())]);
        let mut new = old.clone();
        new.description = by_lang("不可接受", "Not Acceptable Here");
        new.status = vec![406, 415];
        new.other = IndexMap::from([("Remark".to_owned(), "y".to_owned())]);
        let moved = row(418, "Teapot", "", 70);
        let mut text = String::new();
        describe(
            &mut text,
            &compare(
                &[old, moved.clone()],
                &[new, row(419, "Teapot", "", 70)],
                true,
            ),
        );
        assert_eq!(
            text,
            "  What changes for users:\n\
             \x20   - 406: HTTP status [406] -> [406,415] (document line 69)\n\
             \x20   - 406: description \"zh: 不可接受 / en: Not Acceptable\" -> \"zh: 不可接受 / en: Not Acceptable Here\" (document line 69)\n\
             \x20   - 406: other \"Remark: x\" -> \"Remark: y\" (document line 69)\n\
             \x20   - `Teapot` changed code from 418 to 419 (document line 70)  [breaking]\n\
             \x20 1 of these break downstream code: removed or renamed variants stop compiling where they are named, \
             a changed code changes from_code(), and a new variant breaks exhaustive `match`es unless the enum is non_exhaustive.\n\n"
        );
    }

    #[test]
    fn committed_rows_of_another_shape_are_not_read_as_changes() {
        let committed = format!(
            "{}\n// {{\"line\":12,\"table\":0,\"code\":200,\"status\":[200],\"desc\":\"OK\"}}\n",
            status_codegen::__private::committed::ROWS_HEADER
        );
        let old = crate::committed::rows_of(&committed);
        assert_eq!(old, None, "a row with a key renamed is not read as a row");
        let unknown = shift(old.as_deref(), &[row(200, "Ok", "OK", 12)], false);
        assert_eq!(unknown, Shift::Unknown);
        assert!(unknown.changes().is_empty());
        let mut text = String::new();
        describe_shift(&mut text, &unknown);
        assert!(
            text.contains("what changes for users is not known"),
            "{text}"
        );
    }
}
