//! Cargo rebuilds a crate that uses the macro when its document changes, with
//! no `.rs` file touched: a row added to the document becomes a variant; and
//! when a translation changes, its text follows. A rebuild with unchanged
//! documents takes the expansion kept in the target directory.

use std::path::{Path, PathBuf};
use std::process::Command;

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

fn run(probe: &Path) -> String {
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline"])
        .current_dir(probe)
        .env("CARGO_TARGET_DIR", probe.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "probe build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

#[test]
fn editing_the_document_rebuilds_the_crate() {
    let probe = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rebuild-probe");
    std::fs::create_dir_all(probe.join("src")).unwrap();
    std::fs::create_dir_all(probe.join("tables")).unwrap();
    let macros = workspace().join("status-macros");
    std::fs::write(
        probe.join("Cargo.toml"),
        format!(
            "[package]\nname = \"rebuild-probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nstatus-macros = {{ path = {:?} }}\n\n[workspace]\n",
            macros.display().to_string()
        ),
    )
    .unwrap();
    // The workspace's lock file keeps the probe on the versions already fetched.
    std::fs::copy(workspace().join("Cargo.lock"), probe.join("Cargo.lock")).unwrap();
    std::fs::write(probe.join("src/main.rs"), MAIN).unwrap();
    std::fs::write(probe.join("tables/codes.md"), BEFORE).unwrap();
    std::fs::write(probe.join("tables/codes.zh.md"), BEFORE_ZH).unwrap();

    assert_eq!(run(&probe), "200 Ok 成功\n404 NotFound 未找到\n");

    let main_modified = std::fs::metadata(probe.join("src/main.rs"))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::write(
        probe.join("tables/codes.md"),
        format!("{BEFORE}| 418         | I'm a teapot |\n"),
    )
    .unwrap();
    std::fs::write(
        probe.join("tables/codes.zh.md"),
        format!("{BEFORE_ZH}| 418    | 我是茶壶 |\n"),
    )
    .unwrap();
    assert_eq!(
        run(&probe),
        "200 Ok 成功\n404 NotFound 未找到\n418 ImATeapot 我是茶壶\n"
    );

    // Only the translation changes: its text follows.
    std::fs::write(
        probe.join("tables/codes.zh.md"),
        format!(
            "{}| 418    | 我是茶壶 |\n",
            BEFORE_ZH.replace("未找到", "资源不存在")
        ),
    )
    .unwrap();
    assert_eq!(
        run(&probe),
        "200 Ok 成功\n404 NotFound 资源不存在\n418 ImATeapot 我是茶壶\n"
    );
    let still = std::fs::metadata(probe.join("src/main.rs"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(main_modified, still, "no .rs file was touched");

    // The clean expansion is kept in the target directory, one entry per
    // invocation. A rebuild after a `.rs` edit takes it instead of running
    // the engine: an entry altered here (same length, so still well formed)
    // shows in the program. Deleting the cache is always safe.
    let cache = probe.join("target/status-table-cache");
    let entries: Vec<PathBuf> = std::fs::read_dir(&cache)
        .expect("the cache is in the target directory")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    let mut entry = std::fs::read(&entries[0]).unwrap();
    let (from, to) = (b"ImATeapot", b"ImATeaPot");
    let mut altered = 0;
    for at in 0..entry.len().saturating_sub(from.len()) {
        if entry[at..].starts_with(from) {
            entry[at..at + to.len()].copy_from_slice(to);
            altered += 1;
        }
    }
    assert!(altered > 0, "the expansion names the variant");
    std::fs::write(&entries[0], &entry).unwrap();
    std::fs::write(probe.join("src/main.rs"), format!("// edited\n{MAIN}")).unwrap();
    assert!(run(&probe).ends_with("418 ImATeaPot 我是茶壶\n"));
    std::fs::remove_dir_all(&cache).unwrap();
    std::fs::write(probe.join("src/main.rs"), MAIN).unwrap();
    assert!(run(&probe).ends_with("418 ImATeapot 我是茶壶\n"));
}
