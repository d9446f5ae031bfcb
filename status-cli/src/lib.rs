//! The command line of status-table, as a library: [`run`] takes the arguments
//! and two writers, so tests drive it exactly as a user would.
//!
//! - `status-table expand <doc> [--options "name = X, …"]` prints the code the
//!   macro generates for a document, formatted.
//! - `status-table inspect <doc> [--options "…"] [--json]` shows what the
//!   generator sees: tables, columns and their roles, rows, problems.
//! - `status-table generate` writes the expansion of every `status_table!`
//!   invocation in the workspace's library sources, committed beside them.
//! - `status-table check [--diff]` regenerates in memory and compares: exit 1
//!   with what changes for users and the command that fixes it (`--diff`: and
//!   the unified diff of each file).
//! - `status-table init ROOT… --out DIR` makes a crate of documentation trees:
//!   a module per tree, a type per code page, translations paired, the pages
//!   copied with their sources in `tables/SOURCES.toml`, expansions committed,
//!   a README, each module's docs and a test per type. It is a crate to
//!   publish: its dependents build no proc macro, every type is
//!   `#[non_exhaustive]` with a catch-all, `serde` and `http` are features
//!   (`--no-catch-all`, `--exhaustive`, `--no-serde`, `--no-http`).
//! - `status-table sync [--check] [--diff] [--root NAME=PATH]`, in that
//!   crate, reads the trees again and says per module what changes for users
//!   and why. It writes through a staging area: on any failure no file
//!   changes. Exit 0 done; 1 (`--check`) upstream moved; 2 failed, nothing
//!   changed; 3 a page upstream is refused, its type kept as it was.
//!
//! `init`, `sync` and `generate` all write through a staging area
//! (`.status-table-staging/` in the folder written to) and move it into place
//! only when every step succeeded; a failure while moving puts back what was
//! moved.
//!
//! # `inspect`: what the generator sees, and its JSON contract
//!
//! ```sh
//! status-table inspect tables/evs_04_0038.en.md
//! status-table inspect page.md --options 'section = "异常", name = X' --json
//! ```
//!
//! The human form lists each table with its line, section, caption, columns and
//! their roles (and the ones not mapped), row count, whether it is used and why
//! not, the rows skipped and the problems. The JSON form is a contract other tools
//! read, whose types are in [`contract`] (a [`contract::Report`]; a tool may
//! read the JSON into them). Keys are always present, `null` when the page has
//! no such column; `status` is always an array; `line` and `column` count from
//! 1; `kind` is `"status"` or `"error"`. The keys, in the order they are
//! written (a test reads this example into the types and writes it back):
//!
//! ```json
//! {"document": "…", "documents": [{"path": "…", "lang": null}], "kind": "error",
//!  "type": "ErrorCode", "langs": [],
//!  "tables": [{"index": 0, "line": 12, "section": "…", "caption": "…", "kind": "error", "used": true,
//!              "skipped_because": null, "rows": 135,
//!              "columns": [{"header": "错误码", "role": "code", "lang": null, "because": "header word `错误码`"}]}],
//!  "rows": [{"line": 30, "table": 0, "code": "EVS.0001", "status": [400], "aliases": [], "notes": [], "reason": null,
//!            "message": "…", "description": "…", "solution": "…", "module": null, "section": "…",
//!            "other": {"header": "text"}, "variant": "Evs0001"}],
//!  "skipped_rows": [{"line": 9, "table": 0, "reason": "`2xx` is a class of codes, not one code"}],
//!  "diagnostics": [{"path": "…", "line": 3, "column": 1, "message": "…", "notes": [], "fix": null}]}
//! ```
//!
//! `notes` (per row) are what a reader should know about the row: a remark after
//! its code or status, invisible characters dropped, a cell the invocation
//! corrects, a row continuing cells from the row above. `because` says why a
//! column has its role (its header word, what its cells showed); `aliases` are
//! the code's other notations from an alias column; `fix` is `null` or the
//! options text that, written after the path, makes that diagnostic go away
//! (tried by the engine before it is offered). `skipped_rows` are the rows read
//! as no code, each with its reason: a class range (`2xx`) or catch-all
//! (`Others`), a range of error codes (`DIS.5000 to DIS.5999`), a placeholder
//! (`-`, `...`), the header repeated mid-table, a label or note alone in its
//! row.
//!
//! `code` is a number for status tables and a string for error tables; texts are
//! exactly what the generated accessors return; `rows` lists every row in document
//! order, repeated codes included. With translations (or a column per language)
//! each text becomes an object keyed by language tag (`"description": {"zh": "…",
//! "en": "…"}`).

mod arguments;
mod check;
mod cli;
mod committed;
pub mod contract;
mod crate_docs;
mod crate_files;
mod crate_tests;
mod diff;
mod expand;
mod generate;
mod init;
mod inspect;
mod invocations;
mod pages;
mod pairing;
mod reconcile;
mod report;
mod sdk;
mod sources;
mod staging;
mod sync;
mod type_names;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use check::{Report, check};
pub use committed::{
    CommittedFile, DIRECTORY, GENERATE_COMMAND, body_of, committed_path, format_tokens,
};
pub use diff::{Change, ChangeKind};
pub use invocations::{Argument, InvocationSite, find_invocations, workspace_root};

/// Runs the command line; returns the process exit code (0 ok, 1 drift or bad
/// document, 2 usage or I/O error, nothing written; `sync` also 3: a page
/// upstream is refused and its type kept).
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitCode {
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let text = error.render().to_string();
            let _ = if code == 0 {
                stdout.write_all(text.as_bytes())
            } else {
                stderr.write_all(text.as_bytes())
            };
            return ExitCode::from(code);
        }
    };
    let result = cli.command.run(stdout, stderr);
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            let _ = writeln!(stderr, "error: {error}");
            ExitCode::from(2)
        }
    }
}
