//! Cargo rebuilds a crate that uses the macro when its document changes, with
//! no `.rs` file touched: a row added to the document becomes a variant; and
//! when a translation changes, its text follows. The macro reuses the
//! committed expansion (`generated/`, written by `status-table generate`) only
//! while its header matches: a hand edit or a changed document is not used.
//! Without the proc macro (the facade's feature `macros` off), `status_table!`
//! is that committed file, and the crate builds nothing else.

use std::path::{Path, PathBuf};
use std::process::Command;

use status_testkit::Scratch;

const BEFORE: &str = "\
# Probe codes

| Status Code | Description |
|-------------|-------------|
| 200         | OK          |
| 404         | Not Found   |
";

/// The same table in Chinese, the translation.
const BEFORE_ZH: &str = "\
# 探针状态码

| 状态码 | 描述 |
|--------|------|
| 200    | 成功 |
| 404    | 未找到 |
";

const MAIN: &str = r#"status_macros::status_table!("tables/codes.md", lang = "en", translation(zh = "tables/codes.zh.md"));

fn main() {
    for status in StatusCode::ALL {
        println!("{} {} {}", status.code(), status.name(), status.description_in("zh").unwrap_or("-"));
    }
}
"#;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One target directory for the probes: status-macros and its dependencies
/// are built once.
fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("probe-target")
}

/// A probe crate in its own workspace, depending on status-macros by path.
fn probe(name: &str, main: &str) -> Scratch {
    let macros = workspace().join("status-macros");
    let tables = format!(
        "[dependencies]\nstatus-macros = {{ path = {:?} }}\n",
        macros.display().to_string()
    );
    probe_with(name, main, &tables)
}

/// A probe crate in its own workspace, with these manifest tables
/// (`[dependencies]`, `[features]`).
fn probe_with(name: &str, main: &str, tables: &str) -> Scratch {
    let probe = Scratch::new(env!("CARGO_TARGET_TMPDIR"), name);
    probe
        .write(
            "Cargo.toml",
            format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
                 [workspace]\n\n{tables}"
            ),
        )
        // The workspace's lock file keeps the probe on the versions already fetched.
        .copy("Cargo.lock", workspace().join("Cargo.lock"))
        .write("src/main.rs", main)
        .folder("tables");
    probe
}

fn run(probe: &Path) -> String {
    run_with(probe, &[])
}

/// `cargo run` in the probe with these arguments; its output.
fn run_with(probe: &Path, args: &[&str]) -> String {
    let output = cargo(probe, "run", args);
    assert!(
        output.status.success(),
        "probe build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

fn cargo(probe: &Path, command: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO"))
        .args([command, "--quiet", "--offline"])
        .args(args)
        .current_dir(probe)
        .env("CARGO_TARGET_DIR", target_dir())
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

/// `status-table generate` in the probe.
fn generate(probe: &Path) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = status_cli::run(
        [
            "status-table",
            "generate",
            "--root",
            &probe.to_string_lossy(),
        ],
        &mut out,
        &mut err,
    );
    assert_eq!(
        code,
        std::process::ExitCode::SUCCESS,
        "{}",
        String::from_utf8_lossy(&err)
    );
}

#[test]
fn editing_the_document_rebuilds_the_crate() {
    let probe = probe("rebuild-probe", MAIN);
    probe.write("tables/codes.md", BEFORE);
    probe.write("tables/codes.zh.md", BEFORE_ZH);

    assert_eq!(run(&probe), "200 Ok 成功\n404 NotFound 未找到\n");

    let main_modified = std::fs::metadata(probe.join("src/main.rs"))
        .unwrap()
        .modified()
        .unwrap();
    probe.write(
        "tables/codes.md",
        format!("{BEFORE}| 418         | I'm a teapot |\n"),
    );
    probe.write(
        "tables/codes.zh.md",
        format!("{BEFORE_ZH}| 418    | 我是茶壶 |\n"),
    );
    assert_eq!(
        run(&probe),
        "200 Ok 成功\n404 NotFound 未找到\n418 ImATeapot 我是茶壶\n"
    );

    // Only the translation changes: its text follows.
    probe.write(
        "tables/codes.zh.md",
        format!(
            "{}| 418    | 我是茶壶 |\n",
            BEFORE_ZH.replace("未找到", "资源不存在")
        ),
    );
    assert_eq!(
        run(&probe),
        "200 Ok 成功\n404 NotFound 资源不存在\n418 ImATeapot 我是茶壶\n"
    );
    let still = std::fs::metadata(probe.join("src/main.rs"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(main_modified, still, "no .rs file was touched");
}

const COMMITTED_MAIN: &str = r#"status_macros::status_table!("tables/codes.md");

fn main() {
    for status in StatusCode::ALL {
        println!("{} {}", status.code(), status.description());
    }
}
"#;

/// `contents` with `from` replaced by `to` in the code below the header, and
/// the header's body hash made right for the new code (SHA-256, as the
/// header's `// body:` line says), unless `seal` is false.
fn edit_body(contents: &str, from: &str, to: &str, seal: bool) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    let body = status_cli::body_of(contents);
    let header = &contents[..contents.len() - body.len()];
    assert!(body.contains(from), "{body}");
    let body = body.replace(from, to);
    if !seal {
        return format!("{header}{body}");
    }
    let hash = sha2::Sha256::digest(body.as_bytes())
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        });
    let header: String = header
        .lines()
        .map(|line| match line.strip_prefix("// body:       sha256 ") {
            Some(rest) => format!("// body:       sha256 {hash}{}\n", &rest[64..]),
            None => format!("{line}\n"),
        })
        .collect();
    format!("{header}{body}")
}

#[test]
fn the_committed_expansion_is_used_only_while_it_matches() {
    let probe = probe("committed-probe", COMMITTED_MAIN);
    probe.write("tables/codes.md", BEFORE);
    generate(&probe);
    let file = probe.join("generated/tables/codes.md.rs");
    let generated = std::fs::read_to_string(&file).unwrap();
    assert_eq!(run(&probe), "200 OK\n404 Not Found\n");

    // A marker planted in the code, with the body's hash made right: the
    // program shows it, so the macro handed rustc the file and did not read
    // the table (the document still says `Not Found`).
    let marked = edit_body(
        &generated,
        "\"Not Found\"",
        "\"Not Found, from generated/\"",
        true,
    );
    std::fs::write(&file, &marked).unwrap();
    assert_eq!(run(&probe), "200 OK\n404 Not Found, from generated/\n");

    // A hand edit (the hash not made right) is never used: the engine reads
    // the document.
    let by_hand = edit_body(&marked, "from generated/", "edited by hand", false);
    std::fs::write(&file, &by_hand).unwrap();
    assert_eq!(run(&probe), "200 OK\n404 Not Found\n");

    // Sealed again, it is used again (a `.rs` edit makes cargo rebuild: a
    // file the macro did not use is not tracked).
    std::fs::write(&file, &marked).unwrap();
    probe.write("src/main.rs", format!("// edited\n{COMMITTED_MAIN}"));
    assert_eq!(run(&probe), "200 OK\n404 Not Found, from generated/\n");

    // A document edited since `generate`: the committed file is stale, and
    // the engine expands the document as it is now.
    probe.write(
        "tables/codes.md",
        format!("{BEFORE}| 418         | I'm a teapot |\n"),
    );
    assert_eq!(run(&probe), "200 OK\n404 Not Found\n418 I'm a teapot\n");

    // The macro writes nothing: no cache beside the build.
    assert!(!target_dir().join("status-table-cache").exists());
    assert_eq!(
        std::fs::read_dir(probe.join("generated")).unwrap().count(),
        1,
        "generated/ holds only what `generate` wrote"
    );
}

/// What an SDK crate writes: the facade without its proc macro, and the
/// maintainers' switch.
const SDK_MANIFEST: &str = "[features]\nregenerate = [\"status-table/macros\"]\n\n\
    [dependencies]\nstatus-table = { path = FACADE, default-features = false }\n";

const SDK_MAIN: &str = r#"status_table::status_table!("tables/codes.md");

mod api {
    status_table::status_table!("tables/codes.md", doc = "Probe.", vis = pub(crate), rename(404 = Missing), name = ProbeStatus);
}

fn main() {
    for status in StatusCode::ALL {
        println!("{} {}", status.code(), status.description());
    }
    println!("{:?}", api::ProbeStatus::Missing);
}
"#;

#[test]
fn without_the_proc_macro_the_committed_file_is_the_type() {
    let facade = format!("{:?}", workspace().display().to_string());
    let manifest = SDK_MANIFEST.replace("FACADE", &facade);
    let probe = probe_with("committed-form-probe", SDK_MAIN, &manifest);
    probe.write("tables/codes.md", BEFORE);

    // Nothing committed yet: rustc names the file the invocation needs.
    let output = cargo(&probe, "build", &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let missing = probe.join("generated/tables/codes.md.rs");
    assert!(
        stderr.contains(&format!("couldn't read `{}`", missing.display())),
        "{stderr}"
    );

    // `generate` writes both files: the second under its `name`, whatever
    // options come before it.
    generate(&probe);
    assert!(
        probe
            .join("generated/tables/codes.md-ProbeStatus.rs")
            .is_file()
    );
    assert_eq!(run(&probe), "200 OK\n404 Not Found\nMissing\n");

    // The committed file is all the crate reads: a marker in it shows, though
    // the document still says `Not Found` (`status-table check` reports such
    // an edit; the proc macro, below, does not use it).
    let contents = std::fs::read_to_string(&missing).unwrap();
    let marked = edit_body(
        &contents,
        "\"Not Found\"",
        "\"Not Found, from generated/\"",
        false,
    );
    std::fs::write(&missing, marked).unwrap();
    assert_eq!(
        run(&probe),
        "200 OK\n404 Not Found, from generated/\nMissing\n"
    );

    // The maintainers' switch: the proc macro reads the document again.
    assert_eq!(
        run_with(&probe, &["--features", "regenerate"]),
        "200 OK\n404 Not Found\nMissing\n"
    );

    // A dependent builds neither the proc macro nor a parser.
    let tree = |args: &[&str]| {
        let output = cargo(&probe, "tree", args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let plain = tree(&["-e", "normal,build"]);
    for name in [
        "status-macros",
        "status-codegen",
        "syn",
        "pulldown-cmark",
        "html5ever",
    ] {
        assert!(!plain.contains(&format!("{name} v")), "{name} in\n{plain}");
    }
    assert!(plain.contains("status-table v"), "{plain}");
    let regenerating = tree(&["-e", "normal,build", "--features", "regenerate"]);
    assert!(regenerating.contains("status-macros v"), "{regenerating}");
}
