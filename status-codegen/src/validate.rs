//! Validation: the document's tables become a [`StatusTable`], and every problem
//! becomes a located [`Diagnostic`].
//!
//! Per-row checks (a number, in range, a description) run while rows are read;
//! cross-row checks (duplicate codes, colliding names) run once all rows are in.
//! A bad row is left out of the model, so that the type can still be generated.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, MAX_DIAGNOSTICS};
use crate::document::{Document, Row, Table};
use crate::model::{Entry, StatusTable};
use crate::naming;
use crate::options::{Options, TableSelector};
use crate::source::Source;
use crate::vocabulary::{self, ColumnRole};

/// Builds the model of `document`, with every problem found on the way.
pub fn check(
    source: &Source,
    document: &Document,
    options: &Options,
) -> (StatusTable, Vec<Diagnostic>) {
    let mut checker = Checker {
        source,
        options,
        diagnostics: Vec::new(),
        dropped: 0,
        rows: Vec::new(),
    };
    checker.read_tables(document);
    let entries = checker.cross_check();
    if checker.dropped > 0 {
        checker.diagnostics.push(Diagnostic::file(
            source.path(),
            format!(
                "{} more problems not shown (at most {MAX_DIAGNOSTICS} are reported at once)",
                checker.dropped
            ),
        ));
    }
    let table = StatusTable {
        type_name: options.type_name.clone(),
        path: source.path().to_owned(),
        title: document.title.clone(),
        entries,
    };
    (table, checker.diagnostics)
}

/// A row that passed the per-row checks, with the offsets the cross checks need.
struct Candidate {
    entry: Entry,
    code_offset: usize,
    renamed: bool,
    fallback: bool,
}

struct Checker<'a> {
    source: &'a Source,
    options: &'a Options,
    diagnostics: Vec<Diagnostic>,
    /// Row problems past [`MAX_DIAGNOSTICS`], counted but not built.
    dropped: usize,
    rows: Vec<Candidate>,
}

/// The columns of one table that hold the code and the description.
struct Columns {
    code: usize,
    description: usize,
    code_header: String,
    description_header: String,
}

impl Checker<'_> {
    /// Records a row problem at `offset`. Past [`MAX_DIAGNOSTICS`] it is only
    /// counted: locating it and cutting its line cost time a wholly wrong (or
    /// hostile) document should not be able to multiply.
    fn report(&mut self, offset: usize, message: String, label: &str) -> Option<&mut Diagnostic> {
        if self.diagnostics.len() >= MAX_DIAGNOSTICS {
            self.dropped += 1;
            return None;
        }
        self.diagnostics
            .push(Diagnostic::at(self.source, offset, message).with_label(label));
        self.diagnostics.last_mut()
    }

    fn read_tables(&mut self, document: &Document) {
        if self.source.text().trim().is_empty() {
            self.diagnostics.push(Diagnostic::at(
                self.source,
                0,
                "document is empty: expected a Markdown or HTML document with a status-code table",
            ));
            return;
        }
        if document.tables.is_empty() {
            if document.unreadable_tables > 0 {
                return; // each unreadable table has its own diagnostic
            }
            self.diagnostics.push(Diagnostic::at(
                self.source,
                0,
                "no table found: expected a Markdown pipe table or an HTML <table> with a status-code column and a description column",
            ));
            return;
        }
        let selected: Vec<(usize, &Table)> = document
            .tables
            .iter()
            .enumerate()
            .filter(|(index, table)| self.is_selected(*index, table))
            .collect();
        if selected.is_empty() {
            let found = document
                .tables
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    format!(
                        "table {i} (section `{}`)",
                        t.section.as_deref().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            self.diagnostics.push(Diagnostic::at(
                self.source,
                0,
                format!("no table matches the `table` option; the document has: {found}"),
            ));
            return;
        }
        let explicit = self.options.tables.is_some();
        let mut unusable = Vec::new();
        let mut used = 0;
        for (_, table) in selected {
            match self.columns(table) {
                Ok(columns) => {
                    used += 1;
                    self.read_rows(table, &columns);
                }
                // A table with neither column is another kind of table (a
                // parameter list, say) and is skipped unless the user chose it;
                // a table with one of the two is a status table with a mistake.
                Err((diagnostic, partial)) => {
                    if explicit || partial {
                        self.diagnostics.push(diagnostic);
                    } else {
                        unusable.push(diagnostic);
                    }
                }
            }
        }
        if used == 0 {
            self.diagnostics.extend(unusable);
        }
    }

    fn is_selected(&self, index: usize, table: &Table) -> bool {
        match &self.options.tables {
            None => true,
            Some(TableSelector::Index(i)) => *i == index,
            Some(TableSelector::Caption(caption)) => {
                table.caption.as_deref() == Some(caption.as_str())
            }
            Some(TableSelector::Section(section)) => {
                table.section.as_deref() == Some(section.as_str())
            }
        }
    }

    /// Finds the code and description columns, or explains (with the headers
    /// found) why not; the flag says whether one of the two was found.
    fn columns(&self, table: &Table) -> Result<Columns, (Diagnostic, bool)> {
        let headers: Vec<&str> = table.header.cells.iter().map(|c| c.text.as_str()).collect();
        let find = |chosen: &Option<String>, role: ColumnRole, skip: Option<usize>| {
            headers.iter().enumerate().position(|(i, header)| {
                Some(i) != skip
                    && match chosen {
                        Some(name) => vocabulary::normalize(header) == vocabulary::normalize(name),
                        None => vocabulary::role_of(header) == Some(role),
                    }
            })
        };
        let code = find(&self.options.code_column, ColumnRole::Code, None);
        let description = find(
            &self.options.description_column,
            ColumnRole::Description,
            code,
        );
        if let (Some(code), Some(description)) = (code, description) {
            return Ok(Columns {
                code,
                description,
                code_header: headers[code].to_owned(),
                description_header: headers[description].to_owned(),
            });
        }
        let found = if headers.is_empty() {
            "no header cells".to_owned()
        } else {
            headers
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut missing = Vec::new();
        if code.is_none() {
            missing.push(expected(
                self.options.code_column.as_ref(),
                ColumnRole::Code,
                "status-code",
            ));
        }
        if description.is_none() {
            missing.push(expected(
                self.options.description_column.as_ref(),
                ColumnRole::Description,
                "description",
            ));
        }
        let offset = table
            .header
            .cells
            .first()
            .map_or(table.offset, |c| c.offset);
        let diagnostic = Diagnostic::at(
            self.source,
            offset,
            format!("table has {}; found headers {found}", missing.join(" and ")),
        )
        .with_label("header row");
        Err((diagnostic, code.is_some() || description.is_some()))
    }

    fn read_rows(&mut self, table: &Table, columns: &Columns) {
        let section = table.section.clone().unwrap_or_default();
        let width = table.header.cells.len();
        for row in &table.rows {
            if row.cells.len() < width {
                self.report(
                    row.offset,
                    format!(
                        "row has {} but the header has {width}: expected one cell per column",
                        cells(row.cells.len())
                    ),
                    "short row",
                );
                continue;
            }
            if let Some(candidate) = self.read_row(row, columns, &section) {
                self.rows.push(candidate);
            }
        }
    }

    fn read_row(&mut self, row: &Row, columns: &Columns, section: &str) -> Option<Candidate> {
        let code_cell = &row.cells[columns.code];
        let description_cell = &row.cells[columns.description];
        let text = code_cell.text.as_str();
        let code = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            match text.parse::<u16>() {
                Ok(code) if (100..=999).contains(&code) => Some(code),
                _ => {
                    self.report(
                        code_cell.offset,
                        format!("status code {text} is out of range: expected a three-digit code from 100 to 999"),
                        "out of range",
                    );
                    None
                }
            }
        } else {
            self.report(
                code_cell.offset,
                format!(
                    "status code `{text}` is not a number: expected a number such as 404 in the `{}` column",
                    columns.code_header
                ),
                "not a number",
            );
            None
        };
        let description = description_cell.text.clone();
        if description.is_empty() {
            self.report(
                description_cell.offset,
                format!(
                    "empty description{}: expected text in the `{}` column",
                    code.map(|c| format!(" for status code {c}"))
                        .unwrap_or_default(),
                    columns.description_header
                ),
                "empty cell",
            );
            return None;
        }
        let code = code?;
        let rename = self.options.renames.iter().find(|(c, _)| *c == code);
        let (name, fallback) = match rename {
            Some((_, name)) => (name.clone(), false),
            None => match naming::derived_name(&description) {
                Some(name) => (name, false),
                None => (naming::fallback_name(code), true),
            },
        };
        Some(Candidate {
            fallback,
            entry: Entry {
                code,
                name,
                description,
                section: section.to_owned(),
                line: self.source.line(row.offset),
            },
            code_offset: code_cell.offset,
            renamed: rename.is_some(),
        })
    }

    /// Duplicate codes and colliding names, each reported with both places.
    fn cross_check(&mut self) -> Vec<Entry> {
        let mut by_code: HashMap<u16, usize> = HashMap::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let rows = std::mem::take(&mut self.rows);
        let mut kept = Vec::with_capacity(rows.len());
        for (index, row) in rows.iter().enumerate() {
            let entry = &row.entry;
            if let Some(&first) = by_code.get(&entry.code) {
                let first = &rows[first];
                let message = if first.entry.section == entry.section {
                    format!(
                        "duplicate status code {} (first at line {}): expected each code once",
                        entry.code, first.entry.line
                    )
                } else {
                    format!(
                        "status code {} is in two sections, `{}` (line {}) and `{}`: expected each code once",
                        entry.code, first.entry.section, first.entry.line, entry.section
                    )
                };
                let (source, first_offset) = (self.source, first.code_offset);
                if let Some(diagnostic) = self.report(row.code_offset, message, "duplicate") {
                    diagnostic.relate(source, first_offset, "first defined here");
                }
                continue;
            }
            if let Some(&first) = by_name.get(&entry.name) {
                let first = &rows[first];
                let how = if row.renamed {
                    "renamed to"
                } else if row.fallback {
                    "gives no identifier in its description, so it would be named"
                } else {
                    "would be named"
                };
                let message = format!(
                    "status code {} {how} `{}`, the name of status code {} (line {}): expected distinct variant names; rename one with `rename({} = NewName)`",
                    entry.code, entry.name, first.entry.code, first.entry.line, entry.code
                );
                let note = (row.fallback || first.fallback).then(|| {
                    format!(
                        "`{}` is the name given to a row whose description has no identifier (Chinese text, digits, punctuation)",
                        entry.name
                    )
                });
                let (source, first_offset) = (self.source, first.code_offset);
                if let Some(diagnostic) = self.report(row.code_offset, message, "same variant name")
                {
                    diagnostic.relate(source, first_offset, "first named here");
                    diagnostic.notes.extend(note);
                }
                continue;
            }
            if !naming::is_identifier(&entry.name) {
                let message = format!(
                    "`{}` is not a valid variant name for status code {}: expected a Rust identifier",
                    entry.name, entry.code
                );
                self.report(row.code_offset, message, "not an identifier");
                continue;
            }
            by_code.insert(entry.code, index);
            by_name.insert(entry.name.clone(), index);
            kept.push(entry.clone());
        }
        for (code, _) in &self.options.renames {
            if !rows.iter().any(|r| r.entry.code == *code) {
                self.diagnostics.push(Diagnostic::file(
                    self.source.path(),
                    format!("`rename` names status code {code}, which is not in the table"),
                ));
            }
        }
        kept
    }
}

fn expected(chosen: Option<&String>, role: ColumnRole, what: &str) -> String {
    match chosen {
        Some(name) => format!("no {what} column named `{name}`"),
        None => format!(
            "no {what} column (expected a header such as {})",
            vocabulary::words_for(role)
        ),
    }
}

fn cells(n: usize) -> String {
    if n == 1 {
        "1 cell".to_owned()
    } else {
        format!("{n} cells")
    }
}
