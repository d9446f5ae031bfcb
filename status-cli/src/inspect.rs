//! `status-table inspect`: what the generator sees in a document: each table
//! with its line, section, caption and columns' roles, whether it is used and
//! why not, the rows, and the problems; for people, or as JSON for tools.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use status_codegen::model::{Kind, Model, Role, Text};
use status_codegen::{Diagnostic, InvocationError, load};

use crate::arguments::{OPTIONS, current_dir, invocation_of, option_error, option_position};
use crate::contract;

/// Runs `inspect`: the human form, or the JSON contract.
pub(crate) fn run(
    document: &Path,
    options: &str,
    as_json: bool,
    stdout: &mut dyn std::io::Write,
) -> Result<u8, String> {
    let (path, invocation) = invocation_of(document, options)?;
    // The model and the problems are shown, never the code: not generated.
    let (checked, _) = load::load_checked(&path, invocation.options(), &current_dir()?);
    let invocation_errors: Vec<_> = invocation
        .errors()
        .iter()
        .chain(checked.invocation_errors())
        .cloned()
        .collect();
    if as_json {
        let report = json(checked.model(), checked.diagnostics(), &invocation_errors);
        let mut out = std::io::BufWriter::new(&mut *stdout);
        serde_json::to_writer_pretty(&mut out, &report).map_err(|e| e.to_string())?;
        out.write_all(b"\n")
            .and_then(|()| out.flush())
            .map_err(|e| e.to_string())?;
    } else {
        let text = human(checked.model(), checked.diagnostics(), &invocation_errors);
        stdout
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    Ok(u8::from(!(checked.is_ok() && invocation_errors.is_empty())))
}

/// The human form.
fn human(model: &Model, diagnostics: &[Diagnostic], invocation: &[InvocationError]) -> String {
    let mut out = String::new();
    let documents: Vec<String> = model
        .documents()
        .iter()
        .map(|d| match &d.lang() {
            Some(lang) => format!("{} ({lang})", d.path()),
            None => d.path().to_owned(),
        })
        .collect();
    let _ = writeln!(out, "document: {}", documents.join(", "));
    let _ = writeln!(
        out,
        "type:     {} ({} codes, {} variants, {} rows)",
        model.type_name(),
        model.kind().as_str(),
        model.variants().len(),
        model.rows().len()
    );
    for table in model.tables() {
        let _ = writeln!(
            out,
            "\ntable {} (line {}): {}",
            table.index(),
            table.line(),
            match (&table.kind(), table.is_used()) {
                (_, true) => "used".to_owned(),
                _ => match table.skipped_because() {
                    Some(why) => format!("skipped: {why}"),
                    None => "skipped: not used".to_owned(),
                },
            }
        );
        if let Some(section) = &table.section() {
            let _ = writeln!(out, "  section: {section}");
        }
        if let Some(caption) = &table.caption() {
            let _ = writeln!(out, "  caption: {caption}");
        }
        let _ = writeln!(out, "  rows:    {}", table.row_count());
        for column in table.columns() {
            let role = if column.role() == Role::Other {
                "not mapped (kept as another column)".to_owned()
            } else {
                column.role().as_str().to_owned()
            };
            let lang = column
                .lang()
                .map_or_else(String::new, |l| format!(" [{l}]"));
            let _ = writeln!(
                out,
                "  column `{}`{lang}: {role} ({})",
                column.header(),
                column.because()
            );
        }
        if table.is_used() {
            rows_of(&mut out, model, table.index());
        }
    }
    for row in model.skipped_rows() {
        let _ = writeln!(
            out,
            "\nskipped row at line {}: {}",
            row.line(),
            row.reason()
        );
    }
    if diagnostics.is_empty() && invocation.is_empty() {
        let _ = writeln!(out, "\nno problems");
    }
    for error in invocation {
        let _ = writeln!(out, "\nerror: {}", option_error(error));
    }
    for diagnostic in diagnostics {
        let _ = writeln!(out, "\nerror: {diagnostic}");
    }
    out
}

/// Rows shown per table before the rest are counted.
const SHOWN_ROWS: usize = 12;

/// A table's rows: line, code, statuses, variant and the first text, the
/// first [`SHOWN_ROWS`] of them and a count of the rest.
fn rows_of(out: &mut String, model: &Model, table: usize) {
    let rows: Vec<_> = model
        .rows()
        .into_iter()
        .filter(|(_, r)| r.table() == table)
        .collect();
    for (variant, row) in rows.iter().take(SHOWN_ROWS) {
        let statuses: Vec<String> = row.statuses().iter().map(u16::to_string).collect();
        let text = [Text::Message, Text::Description, Text::Reason]
            .into_iter()
            .map(|t| row.text(t))
            .find(|t| !t.is_empty())
            .unwrap_or_default();
        let short: String = text.chars().take(60).collect();
        let more = if short.len() < text.len() { "…" } else { "" };
        let status = if model.kind() == Kind::Error && model.has_status() {
            format!(" [{}]", statuses.join(", "))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  line {:>4}  {}{status} → {}: {short}{more}",
            row.line(),
            variant.code(),
            variant.name()
        );
        for note in row.notes() {
            let _ = writeln!(out, "             note: {note}");
        }
    }
    if rows.len() > SHOWN_ROWS {
        let _ = writeln!(out, "  … and {} more rows", rows.len() - SHOWN_ROWS);
    }
}

/// The JSON form: the problems of the options first, then the documents'.
fn json<'a>(
    model: &'a Model,
    diagnostics: &[Diagnostic],
    invocation: &[InvocationError],
) -> contract::Report<contract::RowsOf<'a>> {
    let all = invocation
        .iter()
        .map(|e| {
            let (line, column) = option_position(e.span());
            contract::Diagnostic {
                path: OPTIONS.to_owned(),
                line: Some(line),
                column: Some(column),
                message: e.message().to_owned(),
                notes: Vec::new(),
                fix: None,
            }
        })
        .chain(diagnostics.iter().map(contract::Diagnostic::from))
        .collect();
    contract::Report::of(model, all)
}
