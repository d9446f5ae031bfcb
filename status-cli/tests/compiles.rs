//! A committed expansion is compiled as a file (`include!`), where rustc lints
//! it as the user's own code: lints it skips inside a macro's expansion
//! (`unused_variables`, say) apply. So every expansion `status-table expand`
//! prints for the repository's documents (the tables and the fixtures with the
//! rows and columns of real pages) must compile as a library on its own with
//! `-D warnings`, and, where clippy is installed (CI has it), with
//! `clippy::pedantic` too: a user crate that lints pedantically gets no
//! warning from the types it includes.

use std::path::{Path, PathBuf};
use std::process::Command;

use status_testkit::Scratch;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn documents(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            documents(&path, out);
        } else if path.extension().is_some_and(|e| e == "md" || e == "html")
            && path.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(path);
        }
    }
}

/// `clippy-driver` with the pedantic lints when it runs here, else rustc.
fn compiler() -> Command {
    let clippy = Command::new("clippy-driver")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if clippy {
        let mut command = Command::new("clippy-driver");
        command.args(["-W", "clippy::pedantic"]);
        command
    } else {
        eprintln!("clippy-driver is not here: compiled with rustc alone");
        Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
    }
}

#[test]
fn every_expansion_compiles_as_a_file_without_warnings() {
    let root = repo();
    let mut found = Vec::new();
    documents(&root.join("tables"), &mut found);
    for folder in ["rows", "columns"] {
        documents(
            &root.join("tests/documents/fixtures").join(folder),
            &mut found,
        );
    }
    found.sort();
    let scratch = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "compiles");
    let mut compiled = 0;
    for document in &found {
        let relative = document.strip_prefix(&root).unwrap().to_string_lossy();
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = status_cli::run(["status-table", "expand", &relative], &mut out, &mut err);
        if code != std::process::ExitCode::SUCCESS {
            // Documents that need options are covered by their expectations.
            continue;
        }
        let file = format!("expansion{compiled}.rs");
        scratch.write(&file, &out);
        let output = compiler()
            .args(["--edition", "2024", "--crate-type", "lib", "-D", "warnings"])
            .arg("--out-dir")
            .arg(scratch.path())
            .arg(scratch.join(&file))
            .current_dir(&root)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{relative}: its expansion does not compile cleanly as a file:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        compiled += 1;
    }
    // The tables and most fixtures need no option.
    assert!(compiled >= 10, "only {compiled} documents expanded");
}
