//! The command line's grammar: the commands, their arguments and their help
//! (clap), and the command body each one calls. The bodies live in a module
//! each (`expand`, `inspect`, `generate`, `check`, `init`, `sync`).

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::arguments::{current_dir, with_root};
use crate::{check, expand, generate, init, inspect, sdk, sync};

/// status-table: Rust enums from the status-code and error-code tables of API documents.
#[derive(Debug, Parser)]
#[command(name = "status-table", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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

impl Command {
    /// Runs the command: its exit code, or the error printed as `error: …`
    /// with exit code 2.
    pub(crate) fn run(self, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<u8, String> {
        match self {
            Command::Expand { document, options } => {
                expand::run(&document, &options, stdout, stderr)
            }
            Command::Inspect {
                document,
                options,
                json,
            } => inspect::run(&document, &options, json, stdout),
            Command::Generate { root } => {
                with_root(root).and_then(|root| generate::run(&root, stdout, stderr))
            }
            Command::Check { root, diff } => {
                with_root(root).and_then(|root| check::run(&root, diff, stdout))
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
