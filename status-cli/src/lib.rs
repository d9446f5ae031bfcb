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

mod check;
mod committed;
pub mod contract;
mod crate_docs;
mod crate_files;
mod crate_tests;
mod diff;
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
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use status_codegen::invocation::Invocation;
use status_codegen::load;

pub use check::{Report, check};
pub use committed::{
    CommittedFile, DIRECTORY, GENERATE_COMMAND, body_of, committed_path, format_tokens,
};
pub use diff::{Change, ChangeKind};
pub use invocations::{Argument, InvocationSite, find_invocations, workspace_root};

/// status-table: Rust enums from the status-code and error-code tables of API documents.
#[derive(Debug, Parser)]
#[command(name = "status-table", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the code the macro generates for a document, formatted.
    Expand {
        /// The Markdown or HTML document.
        document: PathBuf,
        /// Options as written in the macro after the path, e.g. `name = EvsStatus, non_exhaustive`.
        #[arg(long, default_value = "")]
        options: String,
    },
    /// Show what the generator sees in a document: tables, column roles, rows, problems.
    ///
    /// With `--json`, the output is a stable contract for other tools; its keys
    /// (`because`, `fix`, `aliases`, `notes`, `skipped_rows`, …) are documented in
    /// status-cli's crate docs (`cargo doc -p status-cli --open` in a checkout;
    /// the crate is not published yet).
    Inspect {
        /// The Markdown or HTML document.
        document: PathBuf,
        /// Options as written in the macro after the path, e.g. `section = "异常", name = X`.
        #[arg(long, default_value = "")]
        options: String,
        /// Print JSON (a stable contract, documented in status-cli's crate docs) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write the expansion of every `status_table!` invocation of the workspace.
    Generate {
        /// The workspace root, or a package that is its own (default: found
        /// from the current directory, as cargo finds it).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Regenerate in memory and compare with the committed expansions.
    Check {
        /// The workspace root, or a package that is its own (default: found
        /// from the current directory, as cargo finds it).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Also print the unified diff of each file that differs.
        #[arg(long)]
        diff: bool,
    },
    /// Make a crate from documentation trees: a module per ROOT, a type per code page.
    ///
    /// Reads every `.md`/`.html` page under each ROOT, keeps those that hold a
    /// code table, applies the fixes the engine offers, pairs the pages that are
    /// translations of each other, copies the pages into `DIR/tables/<module>/`
    /// (their sources in `tables/SOURCES.toml`), and writes `Cargo.toml`,
    /// `src/`, the committed expansions, a README, each module's docs and a
    /// test per type.
    ///
    /// The crate is ready for others to depend on: its dependents build the
    /// committed expansions, no proc macro (its maintainers turn it on with
    /// `--features regenerate`). Every type is `#[non_exhaustive]`, decodes a
    /// code the pages do not list into a catch-all variant that keeps it
    /// (`other = Other`), and gets serde and `http::StatusCode` conversions
    /// under the crate's features `serde` and `http`; each flag below turns one
    /// of these off. `sync` gives new types the same options (recorded in
    /// `tables/SOURCES.toml`).
    Init {
        /// Documentation trees, one per module (named after the folder; several
        /// ROOTs of one name share a module). The first ROOT's page is the primary
        /// language of a translated type.
        #[arg(required = true, value_name = "ROOT")]
        roots: Vec<PathBuf>,
        /// The crate's folder: new, empty, or made by `init` before (then made again).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The crate's name (default: the folder's name).
        #[arg(long)]
        name: Option<String>,
        /// Depend on status-table at this path (default: the checkout this
        /// CLI was built from, while it is there; else its released version).
        #[arg(long, value_name = "PATH")]
        status_table_path: Option<PathBuf>,
        /// No catch-all variant: a code the pages do not list is refused
        /// (`from`, serde) instead of kept.
        #[arg(long)]
        no_catch_all: bool,
        /// No `#[non_exhaustive]`: users may match every code, and each code
        /// upstream adds is a breaking change.
        #[arg(long)]
        exhaustive: bool,
        /// No `serde` feature (`Serialize`/`Deserialize` for every type).
        #[arg(long)]
        no_serde: bool,
        /// No `http` feature (conversions with `http::StatusCode`).
        #[arg(long)]
        no_http: bool,
    },
    /// In a crate made by `init`: read its trees again and bring it in step.
    ///
    /// Copies changed pages, adds types for new pages, removes the types of pages
    /// gone (your edits to the other invocations are kept), keeps both languages
    /// of a page when one lags (`fallback`), splits a pair whose pages disagree
    /// and pairs it again when they agree, regenerates, and says per module what
    /// changes for users and why. A type whose page upstream is refused is kept
    /// as it was. All or nothing: on any failure no file changes.
    ///
    /// Exit status: 0 done; 1 with `--check`, upstream moved; 2 the run failed and
    /// changed nothing; 3 a page upstream is refused (its type kept; the error and
    /// its fix are printed).
    Sync {
        /// Change nothing; exit 1 when upstream moved (for a scheduled CI job).
        #[arg(long)]
        check: bool,
        /// Also print the unified diff of each file that changes.
        #[arg(long)]
        diff: bool,
        /// The crate (default: the current directory).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// A root found elsewhere: NAME is its module, its path as recorded in
        /// tables/SOURCES.toml, or a folder above recorded roots (`../docs`);
        /// repeatable. `sync` records the new place (relative to the crate).
        #[arg(long = "root", value_name = "NAME=PATH", value_parser = name_and_path)]
        roots: Vec<(String, PathBuf)>,
    },
}

/// Runs the command line; returns the process exit code (0 ok, 1 drift or bad
/// document, 2 usage or I/O error, nothing written; `sync` also 3: a page
/// upstream is refused and its type kept).
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
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
    let result = match cli.command {
        Command::Expand { document, options } => expand(&document, &options, stdout, stderr),
        Command::Inspect {
            document,
            options,
            json,
        } => inspect(&document, &options, json, stdout),
        Command::Generate { root } => {
            with_root(root).and_then(|root| generate(&root, stdout, stderr))
        }
        Command::Check { root, diff } => {
            with_root(root).and_then(|root| run_check(&root, diff, stdout))
        }
        Command::Init {
            roots,
            out,
            name,
            status_table_path,
            no_catch_all,
            exhaustive,
            no_serde,
            no_http,
        } => init::init(
            &init::Args {
                roots,
                out,
                name,
                status_table_path,
                defaults: sdk::Defaults {
                    catch_all: !no_catch_all,
                    non_exhaustive: !exhaustive,
                    serde: !no_serde,
                    http: !no_http,
                },
            },
            stdout,
            stderr,
        ),
        Command::Sync {
            check,
            diff,
            dir,
            roots,
        } => dir.map_or_else(current_dir, Ok).and_then(|dir| {
            let args = sync::Args {
                dir,
                check,
                diff,
                roots,
            };
            sync::sync(&args, stdout, stderr)
        }),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            let _ = writeln!(stderr, "error: {error}");
            ExitCode::from(2)
        }
    }
}

/// `NAME=PATH` of `sync --root`.
fn name_and_path(text: &str) -> Result<(String, PathBuf), String> {
    match text.split_once('=') {
        Some((name, path)) if !name.is_empty() && !path.is_empty() => {
            Ok((name.trim_end_matches('/').to_owned(), PathBuf::from(path)))
        }
        _ => Err(format!("expected NAME=PATH, found `{text}`")),
    }
}

fn with_root(root: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(root) = root {
        return Ok(root);
    }
    workspace_root(&current_dir()?)
}

fn current_dir() -> Result<PathBuf, String> {
    std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))
}

/// The invocation `status_table!("document", options)` as the macro would
/// see it. Errors in the options are located in the `--options` text.
fn invocation_of(document: &Path, options: &str) -> Result<(String, Invocation), String> {
    let path = document.to_string_lossy().replace('\\', "/");
    let tokens: proc_macro2::TokenStream = options
        .parse()
        .map_err(|e| format!("--options is not valid Rust tokens: {e}"))?;
    let invocation = status_codegen::invocation::parse(
        quote_path(&path)
            .into_iter()
            .chain(comma(&tokens))
            .chain(tokens)
            .collect(),
    );
    Ok((path, invocation))
}

fn quote_path(path: &str) -> proc_macro2::TokenStream {
    proc_macro2::TokenTree::Literal(proc_macro2::Literal::string(path)).into()
}

fn comma(options: &proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    if options.is_empty() {
        proc_macro2::TokenStream::new()
    } else {
        proc_macro2::TokenTree::Punct(proc_macro2::Punct::new(',', proc_macro2::Spacing::Alone))
            .into()
    }
}

/// The path a problem in the `--options` text is located in.
const OPTIONS: &str = "--options";

/// The line and column (both from 1) of a span in the options text.
fn option_position(span: proc_macro2::Span) -> (usize, usize) {
    let start = span.start();
    (start.line, start.column + 1)
}

/// `--options:LINE:COL` of a span in the options text.
fn locate_option(span: proc_macro2::Span) -> String {
    let (line, column) = option_position(span);
    format!("{OPTIONS}:{line}:{column}")
}

fn expand(
    document: &Path,
    options: &str,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let (path, invocation) = invocation_of(document, options)?;
    if !invocation.errors().is_empty() {
        for error in invocation.errors() {
            let _ = writeln!(
                stderr,
                "error: {}: {}",
                locate_option(error.span()),
                error.message()
            );
        }
        return Ok(2);
    }
    let loaded = load::load(&path, invocation.options(), &current_dir()?);
    let expansion = &loaded.expansion();
    for diagnostic in expansion.diagnostics() {
        let _ = writeln!(stderr, "error: {diagnostic}\n");
    }
    for error in expansion.invocation_errors() {
        let _ = writeln!(
            stderr,
            "error: {}: {}\n",
            locate_option(error.span()),
            error.message()
        );
    }
    if !expansion.is_ok() {
        // Like a compiler: no output when there are errors (the stand-in type
        // the macro emits then is for rustc's sake, not a reader's).
        return Ok(1);
    }
    let code = format_tokens(expansion.tokens())?;
    stdout
        .write_all(code.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(0)
}

fn inspect(
    document: &Path,
    options: &str,
    json: bool,
    stdout: &mut dyn Write,
) -> Result<u8, String> {
    let (path, invocation) = invocation_of(document, options)?;
    // The model and the problems are shown, never the code: not generated.
    let (checked, _) = load::load_checked(&path, invocation.options(), &current_dir()?);
    let invocation_errors: Vec<_> = invocation
        .errors()
        .iter()
        .chain(checked.invocation_errors())
        .map(|e| (locate_option(e.span()), e.clone()))
        .collect();
    if json {
        let report = inspect::json(checked.model(), checked.diagnostics(), &invocation_errors);
        let mut out = std::io::BufWriter::new(&mut *stdout);
        serde_json::to_writer_pretty(&mut out, &report).map_err(|e| e.to_string())?;
        out.write_all(b"\n")
            .and_then(|()| out.flush())
            .map_err(|e| e.to_string())?;
    } else {
        let text = inspect::human(checked.model(), checked.diagnostics(), &invocation_errors);
        stdout
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    Ok(u8::from(!(checked.is_ok() && invocation_errors.is_empty())))
}

fn generate(root: &Path, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<u8, String> {
    let (files, problems) = committed::expected_files(root)?;
    write_files(root, &files, problems, stdout, stderr)
}

/// Writes the files the invocations produce now (`files`, with the
/// `problems` met making them), removes those of invocations gone, through a
/// staging area: nothing when there is a problem or a write fails.
fn write_files(
    root: &Path,
    files: &[CommittedFile],
    mut problems: Vec<String>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    for file in files {
        problems.extend(file.problems.iter().cloned());
    }
    if !problems.is_empty() {
        for problem in &problems {
            let _ = writeln!(stderr, "{problem}\n");
        }
        let _ = writeln!(
            stderr,
            "error: nothing written: fix the {} problem(s) first",
            problems.len()
        );
        return Ok(1);
    }
    let packages = invocations::packages(root)?;
    let staging = staging::Staging::new(root)?;
    let mut changes = Vec::new();
    // Files of invocations that no longer exist go away.
    for stale in committed::existing_files(root, &packages)? {
        if !files.iter().any(|f| f.path == stale) {
            changes.push(staging::Change {
                path: stale,
                written: false,
            });
        }
    }
    for file in files {
        if std::fs::read_to_string(root.join(&file.path))
            .ok()
            .as_deref()
            != Some(file.contents.as_str())
        {
            staging.write(&file.path, file.contents.as_bytes())?;
            changes.push(staging::Change {
                path: file.path.clone(),
                written: true,
            });
        }
    }
    staging.commit(&changes)?;
    for change in &changes {
        let what = if change.written { "wrote" } else { "removed" };
        let _ = writeln!(stdout, "{what} {}", change.path);
    }
    let _ = writeln!(
        stdout,
        "{} expansion(s) up to date in {DIRECTORY}/",
        files.len()
    );
    Ok(0)
}

fn run_check(root: &Path, diff: bool, stdout: &mut dyn Write) -> Result<u8, String> {
    let report = check::check_with(root, diff)?;
    stdout
        .write_all(report.text.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(u8::from(!report.clean))
}
