//! The command line of status-table, as a library: [`run`] takes the arguments
//! and two writers, so tests drive it exactly as a user would.
//!
//! - `status-table expand <doc> [--options "name = X, …"]` prints the code the
//!   macro generates for a document, formatted.
//! - `status-table generate` writes the expansion of every `status_table!`
//!   invocation in the workspace's library sources to `generated/`.
//! - `status-table check` regenerates in memory and compares: exit 1 with a
//!   diff, a summary of what changed for users, and the command that fixes it.

mod check;
mod committed;
mod workspace;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use check::{Change, ChangeKind, Report, check};
pub use committed::{
    CommittedFile, DIRECTORY, GENERATE_COMMAND, body_of, committed_path, format_tokens, render,
};
pub use workspace::{Use, find_uses, workspace_root};

/// status-table: Rust enums from the status-code tables of API documents.
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
    /// Write the expansion of every `status_table!` invocation of the workspace to `generated/`.
    Generate {
        /// The workspace root (default: found from the current directory).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// Regenerate in memory and compare with the committed files in `generated/`.
    Check {
        /// The workspace root (default: found from the current directory).
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

/// Runs the command line; returns the process exit code (0 ok, 1 drift or bad
/// document, 2 usage or I/O error).
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
        Command::Generate { root } => {
            with_root(root).and_then(|root| generate(&root, stdout, stderr))
        }
        Command::Check { root } => with_root(root).and_then(|root| run_check(&root, stdout)),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            let _ = writeln!(stderr, "error: {error}");
            ExitCode::from(2)
        }
    }
}

fn with_root(root: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(root) = root {
        return Ok(root);
    }
    let here =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    workspace_root(&here).ok_or_else(|| {
        format!(
            "no Cargo.toml with [workspace] in {} or its parents: run inside the workspace or pass --root",
            here.display()
        )
    })
}

fn expand(
    document: &std::path::Path,
    options: &str,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let path = document.to_string_lossy().replace('\\', "/");
    let tokens: proc_macro2::TokenStream = format!("{path:?}, {options}")
        .parse()
        .map_err(|e| format!("--options is not valid Rust tokens: {e}"))?;
    let invocation = status_codegen::invocation::parse(tokens);
    if !invocation.errors.is_empty() {
        for error in &invocation.errors {
            let _ = writeln!(stderr, "error: --options: {}", error.message);
        }
        return Ok(2);
    }
    let bytes =
        std::fs::read(document).map_err(|e| format!("{path}: cannot read the document: {e}"))?;
    let expansion = status_codegen::expand(&path, &bytes, &invocation.options);
    for diagnostic in &expansion.diagnostics {
        let _ = writeln!(stderr, "error: {diagnostic}\n");
    }
    let code = format_tokens(&expansion.tokens)?;
    stdout
        .write_all(code.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(u8::from(!expansion.is_ok()))
}

fn generate(
    root: &std::path::Path,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let files = committed::expected_files(root)?;
    let mut failed = false;
    for file in &files {
        for diagnostic in &file.diagnostics {
            failed = true;
            let _ = writeln!(stderr, "error: {diagnostic}\n");
        }
    }
    if failed {
        let _ = writeln!(stderr, "error: nothing written: fix the documents first");
        return Ok(1);
    }
    let dir = root.join(committed::DIRECTORY);
    if dir.exists() {
        // Files of invocations that no longer exist go away.
        for stale in committed::existing_files(root)? {
            if !files.iter().any(|f| f.path == stale) {
                std::fs::remove_file(root.join(&stale)).map_err(|e| format!("{stale}: {e}"))?;
                let _ = writeln!(stdout, "removed {stale}");
            }
        }
    }
    for file in &files {
        let target = root.join(&file.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        if std::fs::read_to_string(&target).ok().as_deref() != Some(file.contents.as_str()) {
            std::fs::write(&target, &file.contents).map_err(|e| format!("{}: {e}", file.path))?;
            let _ = writeln!(stdout, "wrote {}", file.path);
        }
    }
    let _ = writeln!(
        stdout,
        "{} expansion(s) up to date in {}/",
        files.len(),
        committed::DIRECTORY
    );
    Ok(0)
}

fn run_check(root: &std::path::Path, stdout: &mut dyn Write) -> Result<u8, String> {
    let report = check(root)?;
    stdout
        .write_all(report.text.as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(u8::from(!report.clean))
}
