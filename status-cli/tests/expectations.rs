//! Every document in `tests/documents/` that has an `.expect.json` beside it,
//! found by glob, read by `status-table inspect --json` exactly as a user runs
//! it, and compared with the expectation. The expectations were written by
//! reading the documents, never from this tool's output.
//!
//! An expectation holds:
//! - `options`: the macro options the document needs (`""`: the bare invocation);
//! - `bare_suggests`: when options are needed, the text the bare invocation's
//!   error must suggest (so that a user's first try says what to write);
//! - `kind`, `tables_used`, `rows`, `distinct_codes`: the shape of the type
//!   (`kind` null: the page has no code table and the bare invocation fails);
//! - `sample_rows`: rows compared key by key (only the keys given);
//! - `skipped_tables` (optional): tables not used, each `{index, contains}`, the
//!   reason `inspect` gives containing that text;
//! - `column_roles` (optional): `{"table index": ["status", "reason", …]}`, the
//!   role of every column of that table, in order;
//! - `diagnostics` (optional): the problems expected, each `{line, column,
//!   contains}` and optionally the `fix` offered; without it, the document
//!   must give none;
//! - `skipped_rows` (optional): rows left out, each `{line, contains}`;
//! - `alternatives` (optional): more expectations of the same shape for other
//!   options, e.g. the other `kind` a page with both kinds offers.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;
use status_cli::contract::{Report, Role, Row};

mod common;
use common::inspect;

fn documents_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/documents")
}

fn expectations(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            expectations(&path, found);
        } else if path.to_string_lossy().ends_with(".expect.json") {
            found.push(path);
        }
    }
}

fn messages(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {} {} {}",
                d.path,
                json(&d.line),
                json(&d.column),
                d.message,
                d.notes.join(" "),
                d.fix
                    .as_ref()
                    .map(|f| format!("fix: {f}"))
                    .unwrap_or_default()
            )
        })
        .collect()
}

/// A part of the report as JSON, to compare with (and print beside) the expectation's.
fn json(part: &impl Serialize) -> Value {
    serde_json::to_value(part).unwrap()
}

/// The differences between one expectation and what the tool reports.
fn compare(document: &Path, expected: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let options = expected["options"].as_str().unwrap_or_default();
    let (_, report) = inspect(document, options);
    let found = messages(&report);
    if let Some(suggestion) = expected["bare_suggests"].as_str() {
        let (code, bare) = inspect(document, "");
        let bare_messages = messages(&bare);
        if code == 0 || !bare_messages.iter().any(|m| m.contains(suggestion)) {
            problems.push(format!(
                "the bare invocation does not suggest `{suggestion}`: {bare_messages:#?}"
            ));
        }
    }
    match expected.get("diagnostics").and_then(Value::as_array) {
        Some(wanted) => {
            for want in wanted {
                let contains = want["contains"].as_str().unwrap_or_default();
                let hit = report.diagnostics.iter().any(|d| {
                    json(&d.line) == want["line"]
                        && (want.get("column").is_none() || json(&d.column) == want["column"])
                        && (want.get("fix").is_none() || json(&d.fix) == want["fix"])
                        && d.message.contains(contains)
                });
                if !hit {
                    problems.push(format!("no diagnostic {want} among {found:#?}"));
                }
            }
        }
        None if expected["kind"].is_null() => {
            if found.is_empty() {
                problems.push("a page with no code table gives no error".to_owned());
            }
        }
        None => {
            if !found.is_empty() {
                problems.push(format!("unexpected diagnostics: {found:#?}"));
            }
        }
    }
    if expected["kind"].is_null() {
        return problems;
    }
    problems.extend(compare_type(&report, expected));
    problems
}

/// The differences in the type's shape: kind, tables, skipped rows, columns, rows.
fn compare_type(report: &Report, expected: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if json(&report.kind) != expected["kind"] {
        problems.push(format!(
            "kind {} != {}",
            json(&report.kind),
            expected["kind"]
        ));
    }
    let used: Vec<usize> = report
        .tables
        .iter()
        .filter(|t| t.used)
        .map(|t| t.index)
        .collect();
    if json(&used) != expected["tables_used"] {
        problems.push(format!(
            "tables used {used:?} != {}",
            expected["tables_used"]
        ));
    }
    for skipped in expected["skipped_tables"].as_array().into_iter().flatten() {
        let index =
            usize::try_from(skipped["index"].as_u64().unwrap_or_default()).unwrap_or_default();
        let table = report.tables.get(index);
        let because = table
            .and_then(|t| t.skipped_because.as_deref())
            .unwrap_or_default();
        if table.is_none_or(|t| t.used)
            || !because.contains(skipped["contains"].as_str().unwrap_or_default())
        {
            problems.push(format!(
                "table {} is not skipped as {skipped}: {}",
                skipped["index"],
                json(&table)
            ));
        }
    }
    for want in expected["skipped_rows"].as_array().into_iter().flatten() {
        let contains = want["contains"].as_str().unwrap_or_default();
        let hit = report
            .skipped_rows
            .iter()
            .any(|r| json(&r.line) == want["line"] && r.reason.contains(contains));
        if !hit {
            problems.push(format!(
                "no skipped row {want} among {}",
                json(&report.skipped_rows)
            ));
        }
    }
    for (index, roles) in expected["column_roles"].as_object().into_iter().flatten() {
        let index: usize = index.parse().unwrap_or_default();
        let found: Vec<Role> = report
            .tables
            .get(index)
            .into_iter()
            .flat_map(|t| t.columns.iter().map(|c| c.role))
            .collect();
        if json(&found) != *roles {
            problems.push(format!("table {index}: column roles {found:?} != {roles}"));
        }
    }
    problems.extend(compare_rows(&report.rows, expected));
    problems
}

/// The differences in the rows: how many, how many codes, the samples key by key.
fn compare_rows(rows: &[Row], expected: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if Some(rows.len() as u64) != expected["rows"].as_u64() {
        problems.push(format!("{} rows != {}", rows.len(), expected["rows"]));
    }
    let mut codes: Vec<String> = rows.iter().map(|r| json(&r.code).to_string()).collect();
    codes.sort();
    codes.dedup();
    if Some(codes.len() as u64) != expected["distinct_codes"].as_u64() {
        problems.push(format!(
            "{} distinct codes != {}",
            codes.len(),
            expected["distinct_codes"]
        ));
    }
    for sample in expected["sample_rows"].as_array().into_iter().flatten() {
        let Some(row) = rows
            .iter()
            .map(json)
            .find(|r| r["line"] == sample["line"] && r["code"] == sample["code"])
        else {
            problems.push(format!(
                "no row with code {} at line {}",
                sample["code"], sample["line"]
            ));
            continue;
        };
        for (key, want) in sample.as_object().unwrap() {
            match row.get(key) {
                Some(found) if found == want => {}
                found => problems.push(format!(
                    "line {}: {key} {} != {want}",
                    sample["line"],
                    found.unwrap_or(&Value::Null)
                )),
            }
        }
    }
    problems
}

#[test]
fn every_document_reads_as_its_expectation_says() {
    let mut found = Vec::new();
    expectations(&documents_root(), &mut found);
    found.sort();
    assert!(
        found.len() >= 19,
        "the corpus expectations are in place: {}",
        found.len()
    );
    let mut failures = Vec::new();
    for expectation in &found {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(expectation).unwrap()).unwrap();
        let document = PathBuf::from(
            expectation
                .to_string_lossy()
                .trim_end_matches(".expect.json"),
        );
        let mut problems = compare(&document, &expected);
        for alternative in expected["alternatives"].as_array().into_iter().flatten() {
            let options = alternative["options"].as_str().unwrap_or_default();
            problems.extend(
                compare(&document, alternative)
                    .into_iter()
                    .map(|p| format!("with `{options}`: {p}")),
            );
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}:\n  {}",
                document.display(),
                problems.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} documents differ:\n{}",
        failures.len(),
        found.len(),
        failures.join("\n")
    );
}
