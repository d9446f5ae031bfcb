//! What the CLI tests share: the command line run in process, and
//! `status-table inspect --json`. Each test binary uses a part of it.
#![allow(dead_code, reason = "each test binary uses a part")]

use std::path::Path;

use serde_json::Value;

/// `status-table inspect DOC --options OPTIONS --json`: (exit code, report).
pub(crate) fn inspect(document: &Path, options: &str) -> (u8, Value) {
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
    let value = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "{}: not JSON ({e}): {text}{}",
            document.display(),
            String::from_utf8_lossy(&err)
        )
    });
    (code, value)
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
