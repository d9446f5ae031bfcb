//! `status-table init` and `sync` on a small documentation tree made of the
//! repository's pages (the seed in Chinese and English, the EVS error page,
//! and Open Telekom Cloud pages of the corpus): modules, types, translations,
//! sources, the README, the test file and `check`; then the tree moves
//! upstream (a page gains a code, a page goes, a page comes) and `sync` says so.
//!
//! Expected codes come from the pages: the seed's 20 statuses (issue 1 and
//! the seed itself), and the hand-written `*.expect.json` of the corpus pages
//! (their `distinct_codes`, written by reading the pages).

use std::path::{Path, PathBuf};

mod common;
use common::run;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

const OTC: &str = "tests/documents/corpus/otc-family";

/// `ROOT/<tree>/…` from the repository's pages; returns the four ROOTs.
fn tree(base: &Path) -> Vec<PathBuf> {
    let _ = std::fs::remove_dir_all(base);
    let put = |to: &str, from: &str| {
        let target = base.join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(repo().join(from), target).unwrap();
    };
    put("zh/evs/evs_04_0039.md", "tables/evs_04_0039.md");
    put("en/evs/evs_04_0039.en.md", "tables/evs_04_0039.en.md");
    put("en/evs/evs_04_0038.en.md", "tables/evs_04_0038.en.md");
    put(
        "en/cce/status-code.md",
        &format!("{OTC}/cce_status-code.en.md"),
    );
    put(
        "en/cce/error-codes.md",
        &format!("{OTC}/cce_error-codes.en.md"),
    );
    put(
        "en/ecs/http-status-code.md",
        &format!("{OTC}/ecs_http-status-code.en.md"),
    );
    put(
        "en/ecs/returned-values.md",
        &format!("{OTC}/ecs_returned-values.en.md"),
    );
    std::fs::write(
        base.join("en/ecs/overview.md"),
        "# Overview\n\nAn ECS is a virtual machine. This page has no table.\n",
    )
    .unwrap();
    ["zh/evs", "en/evs", "en/cce", "en/ecs"]
        .iter()
        .map(|r| base.join(r))
        .collect()
}

/// `distinct_codes` of a corpus page's hand-written expectation.
fn expected_codes(page: &str) -> usize {
    let text =
        std::fs::read_to_string(repo().join(OTC).join(format!("{page}.expect.json"))).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    usize::try_from(value["distinct_codes"].as_u64().unwrap()).unwrap()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The codes listed by the test of `module::Type` in `tests/codes.rs`.
fn tested_codes(crate_dir: &Path, module: &str, name: &str) -> Vec<String> {
    let text = read(&crate_dir.join("tests/codes.rs"));
    let from = text
        .find(&format!("::{module}::{name} as T;"))
        .unwrap_or_else(|| panic!("no test of {module}::{name} in\n{text}"));
    let list = &text[from..];
    let open = list.find("= &[").unwrap() + 4;
    let close = open + list[open..].find("];").unwrap();
    list[open..close]
        .split(", ")
        .map(|c| c.trim_matches('"').to_owned())
        .filter(|c| !c.is_empty())
        .collect()
}

fn init(roots: &[PathBuf], out: &Path) -> (u8, String, String) {
    let mut args: Vec<String> = vec!["init".to_owned()];
    args.extend(roots.iter().map(|r| r.to_string_lossy().into_owned()));
    args.extend([
        "--out".to_owned(),
        out.to_string_lossy().into_owned(),
        "--status-table-path".to_owned(),
        repo().to_string_lossy().into_owned(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args)
}

#[test]
fn init_types_a_tree_and_sync_follows_it() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("init-tree");
    let roots = tree(&base.join("docs"));
    let out = base.join("codes");
    let (code, stdout, stderr) = init(&roots, &out);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // A line per root, then the summary.
    assert!(stderr.contains("cce: 2 page(s) read"), "{stderr}");
    assert!(
        stderr.contains("ecs: 3 page(s) read, 2 with code tables"),
        "{stderr}"
    );
    assert!(
        stdout.contains("8 page(s) read: 7 with code tables"),
        "{stdout}"
    );

    // One module per root name; `evs` gathers both languages.
    let lib = read(&out.join("src/lib.rs"));
    for module in ["pub mod cce;", "pub mod ecs;", "pub mod evs;"] {
        assert!(lib.contains(module), "{lib}");
    }
    // The seed and its English page share the anchor evs_04_0039: one type.
    let evs = read(&out.join("src/evs.rs"));
    assert!(
        evs.contains("status_table::status_table!(\"tables/evs/evs_04_0039.md\", name = StatusCode, lang = \"zh\", translation(en = \"tables/evs/evs_04_0039.en.md\"));"),
        "{evs}"
    );
    assert!(
        evs.contains("\"tables/evs/evs_04_0038.en.md\", name = ErrorCode"),
        "{evs}"
    );
    // The seed: 正常 200, 201, 202, 204 and 异常 400 to 504 (16 codes).
    let statuses = tested_codes(&out, "evs", "StatusCode");
    assert_eq!(statuses.len(), 20, "{statuses:?}");
    for code in ["200", "201", "202", "204", "400", "413", "415", "504"] {
        assert!(statuses.iter().any(|c| c == code), "{code} in {statuses:?}");
    }
    // Two status pages in one module: the second is named after its file.
    assert_eq!(
        tested_codes(&out, "cce", "StatusCode").len(),
        expected_codes("cce_status-code.en.md")
    );
    assert_eq!(
        tested_codes(&out, "cce", "ErrorCode").len(),
        expected_codes("cce_error-codes.en.md")
    );
    assert_eq!(
        tested_codes(&out, "ecs", "StatusCode").len(),
        expected_codes("ecs_http-status-code.en.md")
    );
    assert_eq!(
        tested_codes(&out, "ecs", "ReturnedValues").len(),
        expected_codes("ecs_returned-values.en.md")
    );

    // The pages with code tables are copied, with their sources; the page
    // without one is not.
    assert!(out.join("tables/evs/evs_04_0039.md").is_file());
    assert!(!out.join("tables/ecs/overview.md").exists());
    let sources = read(&out.join("tables/SOURCES.toml"));
    assert_eq!(sources.matches("[[root]]").count(), 4, "{sources}");
    assert_eq!(sources.matches("[[page]]").count(), 7, "{sources}");
    assert!(sources.contains("path = \"status-code.md\""), "{sources}");
    let readme = read(&out.join("README.md"));
    assert!(readme.contains("| `evs` | `StatusCode` | status | 20 | `tables/evs/evs_04_0039.md`, `tables/evs/evs_04_0039.en.md` |"), "{readme}");
    let manifest = read(&out.join("Cargo.toml"));
    assert!(manifest.contains("status-table = { path = "), "{manifest}");

    // The committed expansions are in step.
    let (code, stdout, _) = run(&["check", "--root", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}");
    let (code, stdout, _) = run(&["sync", "--check", "--dir", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("in step with upstream"), "{stdout}");

    // A user's edit to an invocation.
    let edited = evs.replace(
        "\"tables/evs/evs_04_0038.en.md\", name = ErrorCode",
        "\"tables/evs/evs_04_0038.en.md\", name = ErrorCode, doc = \"Edited by hand.\"",
    );
    std::fs::write(out.join("src/evs.rs"), &edited).unwrap();
    let (code, _, stderr) = run(&["generate", "--root", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stderr}");

    // Upstream moves: the CCE status page gains 418, the returned-values page
    // goes, and an error page comes to ecs.
    let docs = base.join("docs");
    let cce = docs.join("en/cce/status-code.md");
    let page = read(&cce).replacen(
        "</tbody>",
        "<tr><td><p>418</p></td><td><p>I'm a teapot</p></td><td><p>The server refuses to brew coffee.</p></td></tr>\n</tbody>",
        1,
    );
    std::fs::write(&cce, page).unwrap();
    std::fs::remove_file(docs.join("en/ecs/returned-values.md")).unwrap();
    std::fs::copy(
        repo().join(OTC).join("antiddos_error-codes.en.md"),
        docs.join("en/ecs/error-codes.md"),
    )
    .unwrap();

    // `--check` says so and changes nothing.
    let before = read(&out.join("tables/cce/status-code.md"));
    let (code, stdout, _) = run(&["sync", "--check", "--dir", &out.to_string_lossy()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("= 418"), "{stdout}");
    assert!(stdout.contains("upstream moved"), "{stdout}");
    assert_eq!(read(&out.join("tables/cce/status-code.md")), before);
    assert!(out.join("tables/ecs/returned-values.md").is_file());

    // `sync` does it, per module.
    let (code, stdout, stderr) = run(&["sync", "--dir", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let cce_part = &stdout[stdout.find("cce:").unwrap()..];
    assert!(
        cce_part.contains("changed page tables/cce/status-code.md"),
        "{stdout}"
    );
    assert!(cce_part.contains("= 418 (document line"), "{stdout}");
    let ecs_part = &stdout[stdout.find("ecs:").unwrap()..];
    assert!(
        ecs_part.contains("removed type `ReturnedValues`"),
        "{stdout}"
    );
    assert!(ecs_part.contains("[breaking]"), "{stdout}");
    assert!(
        ecs_part.contains("new type `ErrorCode` (34 code(s)) from tables/ecs/error-codes.md"),
        "{stdout}"
    );
    assert_eq!(expected_codes("antiddos_error-codes.en.md"), 34);

    let ecs = read(&out.join("src/ecs.rs"));
    assert!(!ecs.contains("returned-values"), "{ecs}");
    assert!(!out.join("tables/ecs/returned-values.md").exists());
    assert!(read(&out.join("src/evs.rs")).contains("doc = \"Edited by hand.\""));
    assert!(
        tested_codes(&out, "cce", "StatusCode")
            .iter()
            .any(|c| c == "418")
    );
    assert_eq!(
        tested_codes(&out, "cce", "StatusCode").len(),
        expected_codes("cce_status-code.en.md") + 1
    );
    let (code, stdout, _) = run(&["check", "--root", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}");
    let (code, stdout, _) = run(&["sync", "--check", "--dir", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}");

    // A type the user deletes stays deleted: sync adds only what is new upstream.
    let cce = read(&out.join("src/cce.rs"));
    let kept: String = cce
        .lines()
        .filter(|l| !l.contains("\"tables/cce/error-codes.md\""))
        .flat_map(|l| [l, "\n"])
        .collect();
    assert_ne!(kept, cce);
    std::fs::write(out.join("src/cce.rs"), &kept).unwrap();
    let (code, stdout, stderr) = run(&["sync", "--dir", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("new type"), "{stdout}");
    assert_eq!(read(&out.join("src/cce.rs")), kept);
    let (code, stdout, _) = run(&["check", "--root", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn init_refuses_a_folder_it_did_not_make() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("init-refuses");
    let roots = tree(&base.join("docs"));
    let out = base.join("mine");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine\n").unwrap();
    let (code, _, stderr) = init(&roots, &out);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("is not empty and was not made by `status-table init`"),
        "{stderr}"
    );
    assert_eq!(read(&out.join("notes.txt")), "mine\n");
    assert!(!out.join("src").exists());
}

#[test]
fn sync_outside_a_crate_made_by_init_says_what_to_do() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sync-nowhere");
    std::fs::create_dir_all(&dir).unwrap();
    let (code, _, stderr) = run(&["sync", "--dir", &dir.to_string_lossy()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("not a crate written by `status-table init`"),
        "{stderr}"
    );
}

#[test]
fn sources_name_the_commit_and_the_licence_of_a_tree_in_git() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("init-git");
    let roots = tree(&base.join("docs"));
    let docs = base.join("docs");
    std::fs::write(docs.join("LICENSE"), "Apache-2.0\n").unwrap();
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .arg("-C")
            .arg(&docs)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "docs"]);
    let head = git(&["rev-parse", "HEAD"]);
    let out = base.join("codes");
    let (code, stdout, stderr) = init(&roots[2..3], &out);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let sources = read(&out.join("tables/SOURCES.toml"));
    assert_eq!(
        sources.matches(&format!("commit = \"{head}\"")).count(),
        3,
        "{sources}"
    );
    let licence = std::fs::canonicalize(docs.join("LICENSE")).unwrap();
    assert!(
        sources.contains(&format!("licence = {:?}", licence.to_string_lossy())),
        "{sources}"
    );
}
