//! What the CLI tests share: the command line run in process, and
//! `status-table inspect --json` read as the contract's types. Each test
//! binary uses a part of it.
#![allow(dead_code, reason = "each test binary uses a part")]

use std::path::Path;

use status_cli::contract::Report;

/// `status-table inspect DOC --options OPTIONS --json`: (exit code, report).
/// The report must read as a [`Report`] (no key unknown, none missing) and
/// write back byte for byte: the types hold the whole contract.
pub(crate) fn inspect(document: &Path, options: &str) -> (u8, Report) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = status_cli::run(
        [
            "status-table",
            "inspect",
            &document.to_string_lossy(),
            "--options",
            options,
            "--json",
        ],
        &mut out,
        &mut err,
    );
    let code = u8::from(code != std::process::ExitCode::SUCCESS);
    let text = String::from_utf8(out).unwrap();
    let report: Report = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "{}: not a contract::Report ({e}): {text}{}",
            document.display(),
            String::from_utf8_lossy(&err)
        )
    });
    let again = serde_json::to_string_pretty(&report).unwrap() + "\n";
    assert!(
        again == text,
        "{}: the report does not write back as it was read",
        document.display()
    );
    (code, report)
}

/// Runs the CLI in process; returns (exit code: 0, 1, 3, or 2 for any other,
/// stdout, stderr).
pub(crate) fn run(args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = status_cli::run(
        std::iter::once("status-table").chain(args.iter().copied()),
        &mut out,
        &mut err,
    );
    let code = if code == std::process::ExitCode::SUCCESS {
        0
    } else if code == std::process::ExitCode::from(1) {
        1
    } else if code == std::process::ExitCode::from(3) {
        3
    } else {
        2
    };
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}
