//! What the CLI tests share: `status-table inspect --json` run in process.

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
