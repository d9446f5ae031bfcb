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

use serde_json::Value;

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

fn messages(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let notes: Vec<String> = d["notes"]
                .as_array()
                .map(|n| {
                    n.iter()
                        .map(|x| x.as_str().unwrap_or_default().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            format!(
                "{}:{}:{}: {} {} {}",
                d["path"].as_str().unwrap_or_default(),
                d["line"],
                d["column"],
                d["message"].as_str().unwrap_or_default(),
                notes.join(" "),
                d["fix"]
                    .as_str()
                    .map(|f| format!("fix: {f}"))
                    .unwrap_or_default()
            )
        })
        .collect()
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
                let hit = report["diagnostics"].as_array().unwrap().iter().any(|d| {
                    d["line"] == want["line"]
                        && (want.get("column").is_none() || d["column"] == want["column"])
                        && (want.get("fix").is_none() || d["fix"] == want["fix"])
                        && d["message"].as_str().unwrap_or_default().contains(contains)
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
    if report["kind"] != expected["kind"] {
        problems.push(format!("kind {} != {}", report["kind"], expected["kind"]));
    }
    let used: Vec<Value> = report["tables"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["used"] == Value::Bool(true))
        .map(|t| t["index"].clone())
        .collect();
    if Value::Array(used.clone()) != expected["tables_used"] {
        problems.push(format!(
            "tables used {used:?} != {}",
            expected["tables_used"]
        ));
    }
    for skipped in expected["skipped_tables"].as_array().into_iter().flatten() {
        let index =
            usize::try_from(skipped["index"].as_u64().unwrap_or_default()).unwrap_or_default();
        let table = &report["tables"][index];
        let because = table["skipped_because"].as_str().unwrap_or_default();
        if table["used"] != Value::Bool(false)
            || !because.contains(skipped["contains"].as_str().unwrap_or_default())
        {
            problems.push(format!(
                "table {} is not skipped as {skipped}: {table}",
                skipped["index"]
            ));
        }
    }
    for want in expected["skipped_rows"].as_array().into_iter().flatten() {
        let contains = want["contains"].as_str().unwrap_or_default();
        let hit = report["skipped_rows"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| {
                r["line"] == want["line"]
                    && r["reason"].as_str().unwrap_or_default().contains(contains)
            });
        if !hit {
            problems.push(format!(
                "no skipped row {want} among {}",
                report["skipped_rows"]
            ));
        }
    }
    for (index, roles) in expected["column_roles"].as_object().into_iter().flatten() {
        let index: usize = index.parse().unwrap_or_default();
        let found: Vec<Value> = report["tables"][index]["columns"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| c["role"].clone())
            .collect();
        if Value::Array(found.clone()) != *roles {
            problems.push(format!("table {index}: column roles {found:?} != {roles}"));
        }
    }
    let rows = report["rows"].as_array().unwrap();
    if Some(rows.len() as u64) != expected["rows"].as_u64() {
        problems.push(format!("{} rows != {}", rows.len(), expected["rows"]));
    }
    let mut codes: Vec<String> = rows.iter().map(|r| r["code"].to_string()).collect();
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
            .find(|r| r["line"] == sample["line"] && r["code"] == sample["code"])
        else {
            problems.push(format!(
                "no row with code {} at line {}",
                sample["code"], sample["line"]
            ));
            continue;
        };
        for (key, want) in sample.as_object().unwrap() {
            if &row[key] != want {
                problems.push(format!(
                    "line {}: {key} {} != {want}",
                    sample["line"], row[key]
                ));
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
