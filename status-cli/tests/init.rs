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

use status_testkit::Scratch;

mod common;
use common::run;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

const OTC: &str = "tests/documents/corpus/otc-family";

/// `DOCS/<tree>/…` from the repository's pages; returns the four roots.
fn tree(docs: &Scratch) -> Vec<PathBuf> {
    let (tables, otc) = (repo().join("tables"), repo().join(OTC));
    for (to, from) in [
        ("zh/evs/evs_04_0039.md", tables.join("evs_04_0039.md")),
        ("en/evs/evs_04_0039.en.md", tables.join("evs_04_0039.en.md")),
        ("en/evs/evs_04_0038.en.md", tables.join("evs_04_0038.en.md")),
        ("en/cce/status-code.md", otc.join("cce_status-code.en.md")),
        ("en/cce/error-codes.md", otc.join("cce_error-codes.en.md")),
        (
            "en/ecs/http-status-code.md",
            otc.join("ecs_http-status-code.en.md"),
        ),
        (
            "en/ecs/returned-values.md",
            otc.join("ecs_returned-values.en.md"),
        ),
    ] {
        docs.copy(to, from);
    }
    docs.write(
        "en/ecs/overview.md",
        "# Overview\n\nAn ECS is a virtual machine. This page has no table.\n",
    );
    ["zh/evs", "en/evs", "en/cce", "en/ecs"]
        .iter()
        .map(|r| docs.join(r))
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

/// `status-table init ROOTS --out OUT`, as a user types it: the crate
/// depends on status-table where this CLI was built from.
fn init(roots: &[PathBuf], out: &Path) -> (u8, String, String) {
    init_with(roots, out, &[])
}

fn init_with(roots: &[PathBuf], out: &Path, flags: &[&str]) -> (u8, String, String) {
    let mut args: Vec<String> = vec!["init".to_owned()];
    args.extend(roots.iter().map(|r| r.to_string_lossy().into_owned()));
    args.extend(["--out".to_owned(), out.to_string_lossy().into_owned()]);
    args.extend(flags.iter().map(|f| (*f).to_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args)
}

#[test]
fn init_types_a_tree_and_sync_follows_it() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-tree");
    let docs = base.subtree("docs");
    let roots = tree(&docs);
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
        evs.contains("status_table::status_table!(\"tables/evs/evs_04_0039.md\", name = StatusCode, lang = \"zh\", translation(en = \"tables/evs/evs_04_0039.en.md\"), other = Other, non_exhaustive, serde = \"serde\", http = \"http\");"),
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
    assert!(readme.contains("| [`evs`](docs/evs.md) | `StatusCode` | status | 20 | `tables/evs/evs_04_0039.md`, `tables/evs/evs_04_0039.en.md` |"), "{readme}");
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
    let cce = docs.join("en/cce/status-code.md");
    let page = read(&cce).replacen(
        "</tbody>",
        "<tr><td><p>418</p></td><td><p>I'm a teapot</p></td><td><p>The server refuses to brew coffee.</p></td></tr>\n</tbody>",
        1,
    );
    std::fs::write(&cce, page).unwrap();
    std::fs::remove_file(docs.join("en/ecs/returned-values.md")).unwrap();
    docs.copy(
        "en/ecs/error-codes.md",
        repo().join(OTC).join("antiddos_error-codes.en.md"),
    );

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
        ecs_part.contains("removed type `ReturnedValues`: tables/ecs/returned-values.md: the page is gone upstream  [breaking]"),
        "{stdout}"
    );
    assert!(
        ecs_part.contains("new type `ErrorCode` (34 code(s)): new page tables/ecs/error-codes.md"),
        "{stdout}"
    );
    assert_eq!(expected_codes("antiddos_error-codes.en.md"), 34);

    let ecs = read(&out.join("src/ecs.rs"));
    assert!(!ecs.contains("returned-values"), "{ecs}");
    // The new type gets the options init gave every type (SOURCES.toml).
    assert!(
        ecs.contains("\"tables/ecs/error-codes.md\", name = ErrorCode, other = Other, non_exhaustive, serde = \"serde\", http = \"http\");"),
        "{ecs}"
    );
    let ecs_docs = read(&out.join("docs/ecs.md"));
    assert!(!ecs_docs.contains("ReturnedValues"), "{ecs_docs}");
    assert!(ecs_docs.contains("[`ErrorCode`](ErrorCode)"), "{ecs_docs}");
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
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-refuses");
    let roots = tree(&base.subtree("docs"));
    base.write("mine/notes.txt", "mine\n");
    let out = base.join("mine");
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
    let dir = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "sync-nowhere");
    let (code, _, stderr) = run(&["sync", "--dir", &dir.to_string_lossy()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("not a crate written by `status-table init`"),
        "{stderr}"
    );
}

#[test]
fn sources_name_the_commit_and_the_licence_of_a_tree_in_git() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-git");
    let docs = base.subtree("docs");
    let roots = tree(&docs);
    docs.write("LICENSE", "Apache-2.0\n");
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .arg("-C")
            .arg(docs.path())
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
    // Relative to the crate, as every path it records.
    assert!(
        sources.contains("licence = \"../docs/LICENSE\""),
        "{sources}"
    );
}

/// Every file of the crate at `dir` (but `target/`) and its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(folder) = dirs.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() && !path.ends_with("target") {
                dirs.push(path);
            } else if path.is_file() {
                let bytes = std::fs::read(&path).unwrap();
                files.push((path, bytes));
            }
        }
    }
    files.sort();
    files
}

/// `page` with `row` put before the row of the seed pages holding 415.
fn with_row_before_415(page: &Path, row: &str) {
    let text = read(page);
    let at = text
        .find("    <tr id=\"row83520425316\">")
        .expect("the 415 row");
    std::fs::write(page, format!("{}{row}{}", &text[..at], &text[at..])).unwrap();
}

/// A Chinese error page and its English twin (the same anchor), written for
/// this test: the two pages of a pair whose statuses may disagree.
fn image_pages(docs: &Scratch, english_status: u16) -> Vec<PathBuf> {
    docs.write(
        "zh/ims/errors.md",
        "# 错误码<a name=\"ims_02_0042\"></a>\n\n本节介绍镜像服务接口调用失败时返回的错误码及其含义和处理方法。\n\n\
         | 错误码 | 状态码 | 描述 |\n|---|---|---|\n| IMS.0001 | 400 | 参数错误 |\n| IMS.0002 | 404 | 镜像不存在 |\n",
    )
    .write(
        "en/ims/errors.md",
        format!(
            "# Error Codes<a name=\"ims_02_0042\"></a>\n\nThe error codes of the image service.\n\n\
             | Error Code | Status Code | Description |\n|---|---|---|\n| IMS.0001 | 400 | Invalid parameter |\n| IMS.0002 | {english_status} | Image not found |\n"
        ),
    );
    vec![docs.join("zh/ims"), docs.join("en/ims")]
}

#[test]
fn a_lagging_translation_keeps_both_languages_and_a_disagreeing_pair_is_split_until_it_agrees() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "sync-languages");
    let docs = base.subtree("docs");
    let mut roots = tree(&docs);
    roots.extend(image_pages(&docs, 404));
    let out = base.join("codes");
    let (code, stdout, stderr) = init(&roots, &out);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let dir = out.to_string_lossy().into_owned();
    assert!(
        read(&out.join("src/ims.rs")).contains("\"tables/ims/errors.md\", name = ErrorCode, lang = \"zh\", translation(en = \"tables/ims/2/errors.md\"), other = Other, non_exhaustive, serde = \"serde\", http = \"http\");"),
        "{}",
        read(&out.join("src/ims.rs"))
    );

    // The Chinese seed page gains 418, the English one does not yet; the
    // English image page gives IMS.0002 another status.
    with_row_before_415(
        &docs.join("zh/evs/evs_04_0039.md"),
        "    <tr><td><p>418</p></td>\n    <td><p>我是茶壶</p></td>\n    </tr>\n",
    );
    image_pages(&docs, 409);
    let (code, stdout, stderr) = run(&["sync", "--dir", &dir]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let evs = &stdout[stdout.find("evs:").unwrap()..];
    assert!(
        evs.contains("`StatusCode`: 418 is not yet in the English page (tables/evs/evs_04_0039.en.md): the Chinese texts stand in (`fallback` added)"),
        "{stdout}"
    );
    // 418 has no registered reason phrase, and the Chinese text is no name.
    assert!(evs.contains("added `Status418` = 418"), "{stdout}");
    let module = read(&out.join("src/evs.rs"));
    assert!(
        module.contains("translation(en = \"tables/evs/evs_04_0039.en.md\"), other = Other, non_exhaustive, serde = \"serde\", http = \"http\", fallback);"),
        "{module}"
    );
    assert!(
        tested_codes(&out, "evs", "StatusCode")
            .iter()
            .any(|c| c == "418")
    );
    // The type keeps both languages, and its docs say which texts stand in.
    let committed = read(&out.join("generated/tables/evs/evs_04_0039.md-StatusCode.rs"));
    assert!(
        committed.contains(r#"pub const LANGS: &'static [&'static str] = &["zh", "en"];"#),
        "both languages"
    );
    assert!(
        committed.contains(r"/// Note: not yet in tables/evs/evs\_04\_0039.en.md (\`en\`): its \`en\` texts are the \`zh\` ones (\`fallback\`)"),
        "the docs of 418 say so"
    );
    assert!(read(&out.join("README.md")).contains("## Translations that lag"));
    // The image pages disagree on a status: two types, and why.
    let ims = &stdout[stdout.find("ims:").unwrap()..];
    assert!(
        ims.contains(
            "`ErrorCode`: its translation disagrees with it, and is the type `ErrorCodeEn` now: "
        ),
        "{stdout}"
    );
    assert!(
        ims.contains("has HTTP status 404 here and 409 in tables/ims/2/errors.md"),
        "{stdout}"
    );
    assert!(
        ims.contains("new type `ErrorCodeEn` (2 code(s)): kept apart from `ErrorCode`"),
        "{stdout}"
    );
    let readme = read(&out.join("README.md"));
    assert!(
        readme.contains("- `tables/ims/errors.md` and `tables/ims/2/errors.md`: ")
            && readme.contains("409"),
        "{readme}"
    );
    assert_eq!(run(&["check", "--root", &dir]).0, 0);

    // A lagging pair whose page upstream is refused is kept as it was, its
    // lag still in the README: no file changes.
    let zh = docs.join("zh/evs/evs_04_0039.md");
    let lagging = read(&zh);
    let before = snapshot(&out);
    with_row_before_415(
        &zh,
        "    <tr><td><p>418</p></td>\n    <td><p>我是茶壶</p></td>\n    </tr>\n",
    );
    let (code, stdout, _) = run(&["sync", "--dir", &dir]);
    assert_eq!(code, 3, "{stdout}");
    assert!(stdout.contains("duplicate status code 418"), "{stdout}");
    assert_eq!(snapshot(&out), before, "no file of the crate changes");
    std::fs::write(&zh, lagging).unwrap();

    // The English pages catch up: `fallback` goes, the pair is one again.
    with_row_before_415(
        &docs.join("en/evs/evs_04_0039.en.md"),
        "    <tr><td><p>418</p></td>\n    <td><p>I'm a teapot</p></td>\n    </tr>\n",
    );
    image_pages(&docs, 404);
    let (code, stdout, stderr) = run(&["sync", "--dir", &dir]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains(
            "`StatusCode`: tables/evs/evs_04_0039.en.md has caught up: `fallback` taken out"
        ),
        "{stdout}"
    );
    assert!(!read(&out.join("src/evs.rs")).contains("fallback"));
    assert!(
        stdout.contains("removed type `ErrorCodeEn`: tables/ims/2/errors.md agrees with `ErrorCode`'s page again"),
        "{stdout}"
    );
    assert!(
        stdout.contains("`ErrorCode`: it gains its English texts, from tables/ims/2/errors.md"),
        "{stdout}"
    );
    let ims = read(&out.join("src/ims.rs"));
    assert_eq!(ims.matches("status_table!").count(), 1, "{ims}");
    assert!(
        !read(&out.join("README.md")).contains("## Translations"),
        "nothing lags or is apart"
    );
    assert_eq!(run(&["check", "--root", &dir]).0, 0);
    assert_eq!(run(&["sync", "--check", "--dir", &dir]).0, 0);
}

#[test]
fn an_invalid_upstream_page_changes_nothing_of_its_type() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "sync-invalid");
    let docs = base.subtree("docs");
    let roots = tree(&docs);
    let out = base.join("codes");
    assert_eq!(init(&roots, &out).0, 0);
    let dir = out.to_string_lossy().into_owned();
    let before = snapshot(&out);
    // The CCE status page repeats the row of 101.
    let page = docs.join("en/cce/status-code.md");
    let text = read(&page);
    let start = text
        .find("<tr id=\"r6a99ef6e489144e99ff1552d7d892504\">")
        .unwrap();
    let end = start + text[start..].find("</tr>").unwrap() + "</tr>\n".len();
    std::fs::write(&page, format!("{}{}", &text[..end], &text[start..])).unwrap();
    for args in [
        vec!["sync", "--check", "--dir", &dir],
        vec!["sync", "--dir", &dir],
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 3, "{stdout}{stderr}");
        assert!(stdout.contains("`StatusCode` (src/cce.rs:"), "{stdout}");
        assert!(
            stdout.contains("is kept as it was: its page upstream is refused"),
            "{stdout}"
        );
        // Located in the upstream page, where the row is repeated.
        let located = format!("{}:", page.display());
        assert!(stdout.contains(&located), "{stdout}");
        assert!(stdout.contains("duplicate status code 101"), "{stdout}");
        assert!(stdout.contains("a page upstream is refused"), "{stdout}");
        assert_eq!(snapshot(&out), before, "no file of the crate changes");
    }
}

#[test]
fn a_failure_at_any_step_changes_nothing() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "sync-failures");
    let docs = base.subtree("docs");
    let roots = tree(&docs);
    let out = base.join("codes");
    assert_eq!(init(&roots, &out).0, 0);
    let dir = out.to_string_lossy().into_owned();
    // Upstream moves, so that a sync would write.
    std::fs::remove_file(docs.join("en/ecs/returned-values.md")).unwrap();
    let before = snapshot(&out);

    // An unreadable page (a link to nothing, unreadable even as root).
    let broken = docs.join("en/ecs/broken.md");
    std::os::unix::fs::symlink(docs.join("en/ecs/nowhere.md"), &broken).unwrap();
    let (code, _, stderr) = run(&["sync", "--dir", &dir]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("broken.md: cannot be read"), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert_eq!(snapshot(&out), before);
    // `init` too leaves nothing behind.
    let fresh = base.join("fresh");
    let (code, _, stderr) = init(&roots, &fresh);
    assert_eq!(code, 2, "{stderr}");
    assert!(!fresh.exists());
    std::fs::remove_file(&broken).unwrap();

    // An engine error: an invocation of the crate no longer expands.
    let module = read(&out.join("src/cce.rs"));
    let broken_module = module.replace("name = ErrorCode", "name = ErrorCode, table = 7");
    std::fs::write(out.join("src/cce.rs"), &broken_module).unwrap();
    let before_engine = snapshot(&out);
    let (code, _, stderr) = run(&["sync", "--dir", &dir]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("do not expand cleanly; nothing written"),
        "{stderr}"
    );
    assert_eq!(snapshot(&out), before_engine);
    std::fs::write(out.join("src/cce.rs"), &module).unwrap();

    // A write error: where sync writes a file, a folder.
    std::fs::remove_file(out.join("tests/codes.rs")).unwrap();
    std::fs::create_dir_all(out.join("tests/codes.rs")).unwrap();
    std::fs::write(out.join("tests/codes.rs/keep.txt"), "mine\n").unwrap();
    let before_write = snapshot(&out);
    let (code, _, stderr) = run(&["sync", "--dir", &dir]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("tests/codes.rs"), "{stderr}");
    assert_eq!(snapshot(&out), before_write);
    assert!(!out.join(".status-table-staging").exists());
    std::fs::remove_dir_all(out.join("tests/codes.rs")).unwrap();

    // With nothing in the way, it goes through.
    let (code, stdout, stderr) = run(&["sync", "--dir", &dir]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("removed type `ReturnedValues`"), "{stdout}");
    assert_eq!(run(&["check", "--root", &dir]).0, 0);
}

#[test]
fn the_crate_and_its_trees_move_together() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "sync-moves");
    let first = base.join("first");
    let roots = tree(&base.subtree("first/docs"));
    let out = first.join("codes");
    assert_eq!(init(&roots, &out).0, 0);
    // No file of the crate names where it was made.
    let here = first.to_string_lossy().into_owned();
    for (path, bytes) in snapshot(&out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&here),
            "{} names {here}",
            path.display()
        );
    }
    let moved = base.join("elsewhere");
    std::fs::rename(&first, &moved).unwrap();
    let dir = moved.join("codes").to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(&["sync", "--check", "--dir", &dir]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("in step with upstream"), "{stdout}");

    // The trees alone move: sync says how to name them again, and does.
    let docs = base.join("docs-now");
    std::fs::rename(moved.join("docs"), &docs).unwrap();
    let (code, _, stderr) = run(&["sync", "--check", "--dir", &dir]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("name it again with `--root"), "{stderr}");
    let named = format!("../docs={}", docs.display());
    let (code, stdout, stderr) = run(&["sync", "--dir", &dir, "--root", &named]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        read(&moved.join("codes/tables/SOURCES.toml")).contains("path = \"../../docs-now/zh/evs\"")
    );
    assert_eq!(run(&["sync", "--check", "--dir", &dir]).0, 0);
}

/// The statement of the invocation of `page` in a module's file.
fn invocation_of<'a>(module: &'a str, page: &str) -> &'a str {
    let at = module
        .find(&format!("status_table::status_table!(\"{page}\""))
        .unwrap_or_else(|| panic!("no invocation of {page} in\n{module}"));
    let end = at + module[at..].find(");").unwrap() + 2;
    &module[at..end]
}

#[test]
fn init_writes_a_crate_for_others_to_depend_on() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-sdk");
    let roots = tree(&base.subtree("docs"));
    let out = base.join("codes");
    let (code, stdout, stderr) = init(&roots, &out);
    assert_eq!(code, 0, "{stdout}{stderr}");

    // Dependents take the committed form; the maintainers turn the proc
    // macro on; serde and http are features of the crate.
    let manifest = read(&out.join("Cargo.toml"));
    for line in [
        "regenerate = [\"status-table/macros\"]",
        "serde = [\"dep:serde\"]",
        "http = [\"dep:http\"]",
        "serde = { version = \"1\", optional = true, default-features = false }",
        "http = { version = \"1\", optional = true }",
        "serde_json = \"1\"",
    ] {
        assert!(
            manifest.contains(&format!("\n{line}\n")),
            "{line} in\n{manifest}"
        );
    }
    assert!(
        manifest.contains(", default-features = false }\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains("\"generated/**\", \"tables/**\""),
        "{manifest}"
    );

    // Every type: non_exhaustive, a catch-all, serde and http under the features.
    let sdk = "other = Other, non_exhaustive, serde = \"serde\", http = \"http\");";
    let evs = read(&out.join("src/evs.rs"));
    assert!(
        invocation_of(&evs, "tables/evs/evs_04_0038.en.md")
            .ends_with(&format!("name = ErrorCode, {sdk}")),
        "{evs}"
    );
    assert!(
        invocation_of(&evs, "tables/evs/evs_04_0039.md").ends_with(sdk),
        "{evs}"
    );
    for module in ["cce", "ecs", "evs"] {
        let text = read(&out.join(format!("src/{module}.rs")));
        assert_eq!(
            text.matches("status_table::status_table!(").count(),
            text.matches(sdk).count(),
            "{text}"
        );
    }
    let committed = read(&out.join("generated/tables/evs/evs_04_0038.en.md-ErrorCode.rs"));
    assert!(
        committed
            .contains("#[non_exhaustive]\n#[allow(clippy::doc_markdown)]\npub enum ErrorCode {"),
        "non_exhaustive"
    );
    assert!(
        committed.contains("    Other(UnknownErrorCode),\n}"),
        "the catch-all"
    );
    assert!(committed.contains("#[cfg(feature = \"serde\")]"), "serde");
    assert!(committed.contains("#[cfg(feature = \"http\")]"), "http");
    // What init chose is recorded for sync.
    let sources = read(&out.join("tables/SOURCES.toml"));
    assert!(
        sources.contains(
            "[defaults]\ncatch_all = true\nnon_exhaustive = true\nserde = true\nhttp = true\n"
        ),
        "{sources}"
    );

    // The generated test decodes an undocumented code (the issue's EVS.9999:
    // the page lists EVS.0001 to EVS.5503, not it) with the catch-all.
    let tests = read(&out.join("tests/codes.rs"));
    let evs_tests = &tests[tests
        .find("mod evs_error_code {")
        .expect("evs::ErrorCode's tests")..];
    let evs_tests = &evs_tests[..evs_tests.find("\n}\n").unwrap()];
    assert!(
        evs_tests.contains("const UNDOCUMENTED: &str = \"EVS.9999\";"),
        "{evs_tests}"
    );
    assert!(
        evs_tests.contains("fn an_undocumented_code_is_kept()"),
        "{evs_tests}"
    );
    assert!(
        evs_tests.contains("assert!(matches!(code, T::Other(_))"),
        "{evs_tests}"
    );
    assert!(
        evs_tests.contains(
            "#[cfg(feature = \"serde\")]\n    #[test]\n    fn every_code_goes_through_serde()"
        ),
        "{evs_tests}"
    );
    // EVS.0001's status is 400 on the page.
    assert!(
        evs_tests.contains("(\"EVS.0001\", Some(400))"),
        "{evs_tests}"
    );
    // A status type: 599 is not on the seed page.
    assert!(
        tests.contains("use codes::evs::StatusCode as T;"),
        "{tests}"
    );
    assert!(tests.contains("const UNDOCUMENTED: u16 = 599;"), "{tests}");
}

#[test]
fn the_docs_name_the_trees_as_recorded_and_show_a_first_use() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-docs");
    let roots = tree(&base.subtree("docs"));
    let out = base.join("codes");
    assert_eq!(init(&roots, &out).0, 0);
    // A module's docs: its trees relative to the crate, its types, a first use.
    let module = read(&out.join("src/evs.rs"));
    assert!(
        module.starts_with("#![doc = include_str!(\"../docs/evs.md\")]\n"),
        "{module}"
    );
    let docs = read(&out.join("docs/evs.md"));
    assert!(
        docs.starts_with("A type per code page: [`StatusCode`] (HTTP状态码), [`ErrorCode`] (Error Codes).\n\nFrom the pages of the documentation trees `../docs/zh/evs` and `../docs/en/evs`, as"),
        "{docs}"
    );
    assert!(
        !docs.contains(&base.to_string_lossy().into_owned()),
        "{docs}"
    );
    assert!(docs.contains("| [`ErrorCode`](ErrorCode) | 125 error code(s) | Error Codes: `tables/evs/evs_04_0038.en.md` |"), "{docs}");
    // Decode an error reply with serde (EVS.0001, the page's first code),
    // match the code, print its text (the page's Error Message column).
    for line in [
        "# #[cfg(feature = \"serde\")] {",
        "#[derive(serde::Deserialize)]",
        "    error_code: ErrorCode,",
        "let body = r#\"{\"error_code\": \"EVS.0001\", \"error_msg\": \"…\"}\"#;",
        "let reply: ErrorBody = serde_json::from_str(body).unwrap();",
        "    ErrorCode::Evs0001 => println!(\"{}\", code.message()),",
        "    ErrorCode::Other(unknown) => println!(\"undocumented: {}\", unknown.code()),",
        "let body = r#\"{\"error_code\": \"EVS.9999\", \"error_msg\": \"…\"}\"#;",
        "assert_eq!(newer.error_code.code(), \"EVS.9999\");",
    ] {
        assert!(docs.contains(&format!("\n{line}\n")), "{line} in\n{docs}");
    }
    // The README: a first use (tested by the crate's ReadmeDoctests under
    // `serde`, so without rustdoc's hidden lines) and links that work from a
    // clone.
    let readme = read(&out.join("README.md"));
    assert!(
        readme.contains("\n```rust\nuse codes::cce::ErrorCode;\n"),
        "{readme}"
    );
    assert!(!readme.contains("\n# #[cfg"), "{readme}");
    let lib = read(&out.join("src/lib.rs"));
    assert!(
        lib.contains("#[cfg(all(doctest, feature = \"serde\"))]\n#[doc = include_str!(\"../README.md\")]\nstruct ReadmeDoctests;"),
        "{lib}"
    );
    let mut links = 0;
    for (at, _) in readme.match_indices("](") {
        let target = &readme[at + 2..at + 2 + readme[at + 2..].find(')').unwrap()];
        assert!(!target.contains("docs.rs"), "{target}: not published");
        if !target.starts_with("http") {
            links += 1;
            assert!(
                out.join(target).exists(),
                "README.md links {target}, which is not there"
            );
        }
    }
    assert!(
        links >= 4,
        "the modules' docs and status-table's README: {readme}"
    );
}

#[test]
fn the_dependency_is_the_checkout_this_cli_was_built_from() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-dependency");
    let roots = tree(&base.subtree("docs"));
    let out = base.join("codes");
    assert_eq!(init(&roots[..1], &out).0, 0);
    let manifest = read(&out.join("Cargo.toml"));
    let line = manifest
        .lines()
        .find(|l| l.starts_with("status-table = { path = \""))
        .unwrap_or_else(|| panic!("{manifest}"));
    let path = line.split('"').nth(1).unwrap();
    assert!(!Path::new(path).is_absolute(), "{path}");
    assert_eq!(
        std::fs::canonicalize(out.join(path)).unwrap(),
        std::fs::canonicalize(repo()).unwrap()
    );
    // `--status-table-path` still chooses another.
    let elsewhere = base.subtree("elsewhere");
    let other = base.join("other");
    let flag = elsewhere.to_string_lossy().into_owned();
    assert_eq!(
        init_with(&roots[..1], &other, &["--status-table-path", &flag]).0,
        0
    );
    assert!(
        read(&other.join("Cargo.toml"))
            .contains("status-table = { path = \"../elsewhere\", default-features = false }")
    );
}

#[test]
fn each_sdk_default_has_a_flag_and_sync_keeps_the_choice() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-flags");
    let docs = base.subtree("docs");
    let roots = tree(&docs);
    let out = base.join("codes");
    let flags = ["--no-catch-all", "--exhaustive", "--no-serde", "--no-http"];
    let (code, help, _) = run(&["init", "--help"]);
    assert_eq!(code, 0);
    for flag in flags {
        assert!(
            help.contains(&format!("\n      {flag}\n")),
            "{flag} in\n{help}"
        );
    }
    let (code, stdout, stderr) = init_with(&roots, &out, &flags);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let evs = read(&out.join("src/evs.rs"));
    assert!(
        invocation_of(&evs, "tables/evs/evs_04_0038.en.md").ends_with("name = ErrorCode);"),
        "{evs}"
    );
    let manifest = read(&out.join("Cargo.toml"));
    assert!(
        !manifest.contains("serde") && !manifest.contains("http"),
        "{manifest}"
    );
    assert!(
        manifest.contains("regenerate = [\"status-table/macros\"]"),
        "{manifest}"
    );
    let tests = read(&out.join("tests/codes.rs"));
    assert!(
        tests.contains("fn an_undocumented_code_is_refused()"),
        "{tests}"
    );
    assert!(
        !tests.contains("an_undocumented_code_is_kept") && !tests.contains("serde_json"),
        "{tests}"
    );
    let docs_evs = read(&out.join("docs/evs.md"));
    assert!(
        docs_evs
            .contains("\nlet code = &ErrorCode::from_code(\"EVS.0001\").expect(\"documented\");\n"),
        "{docs_evs}"
    );
    assert!(!docs_evs.contains("Other"), "{docs_evs}");
    assert!(read(&out.join("src/lib.rs")).contains("#[cfg(all(doctest))]"));
    // A page upstream gains a sibling: sync types it as init chose.
    docs.copy(
        "en/ecs/error-codes.md",
        repo().join(OTC).join("antiddos_error-codes.en.md"),
    );
    let (code, stdout, stderr) = run(&["sync", "--dir", &out.to_string_lossy()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let ecs = read(&out.join("src/ecs.rs"));
    assert!(
        invocation_of(&ecs, "tables/ecs/error-codes.md").ends_with("name = ErrorCode);"),
        "{ecs}"
    );
    // Each flag alone.
    for (flag, gone) in [
        ("--no-catch-all", "other = Other, "),
        ("--exhaustive", "non_exhaustive, "),
        ("--no-serde", "serde = \"serde\", "),
        ("--no-http", ", http = \"http\""),
    ] {
        let one = base.join(flag.trim_start_matches('-'));
        assert_eq!(init_with(&roots[2..3], &one, &[flag]).0, 0, "{flag}");
        let all = "other = Other, non_exhaustive, serde = \"serde\", http = \"http\"";
        let cce = read(&one.join("src/cce.rs"));
        assert!(
            cce.contains(&format!("name = ErrorCode, {});", all.replace(gone, ""))),
            "{flag}: {cce}"
        );
    }
}

#[test]
fn a_second_page_of_a_kind_is_named_after_its_page() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-names");
    let docs = base.subtree("docs");
    let page = |path: &str, title: &str, code: &str, words: &str| {
        docs.write(
            path,
            format!(
                "# {title}\n\n{words}\n\n| 错误码 | 状态码 | 描述 |\n|---|---|---|\n| {code} | 400 | 参数错误 |\n"
            ),
        );
    };
    let chinese = "本节介绍密钥管理服务接口调用失败时返回的错误码及其含义和处理方法。";
    page("zh/kms/错误码.md", "错误码", "KMS.0001", chinese);
    page("zh/kms/历史错误码.md", "历史错误码", "KMS.1001", chinese);
    page("zh/kms/用户指南/错误码.md", "错误码", "KMS.2001", chinese);
    page(
        "en/kms/error-codes.md",
        "Error Codes",
        "KMS.3001",
        "The error codes.",
    );
    page(
        "en/kms/api/ssh-keys.md",
        "SSH Key Pair Error Codes",
        "KMS.4001",
        "The SSH key errors.",
    );
    let out = base.join("codes");
    let (code, stdout, stderr) = init(&[docs.join("zh/kms"), docs.join("en/kms")], &out);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let kms = read(&out.join("src/kms.rs"));
    for (page, name) in [
        // The page titled as the kind is the plain name.
        ("tables/kms/错误码.md", "ErrorCode"),
        // Its title, its words read: 历史 is "history".
        ("tables/kms/历史错误码.md", "HistoryErrorCode"),
        // Titled as the first: its folder, 用户指南 ("user guide").
        ("tables/kms/用户指南/错误码.md", "UserGuideErrorCode"),
        // Titled as the kind, at the top of its tree: the tree's folder.
        ("tables/kms/error-codes.md", "KmsErrorCodes"),
        ("tables/kms/api/ssh-keys.md", "SshKeyPairErrorCodes"),
    ] {
        assert!(
            invocation_of(&kms, page).starts_with(&format!(
                "status_table::status_table!({page:?}, name = {name}, "
            )),
            "{page}: {name} in\n{kms}"
        );
    }
    assert!(!kms.contains("ErrorCode2"), "{kms}");
}

#[test]
fn a_catch_all_takes_a_name_no_documented_code_has() {
    let base = Scratch::new(env!("CARGO_TARGET_TMPDIR"), "init-catch-all");
    let docs = base.join("docs/web");
    // 299 has no registered reason phrase: its variant is its description, `Other`.
    base.write(
        "docs/web/status.md",
        "# Status Codes\n\n| Status Code | Description |\n|---|---|\n| 200 | OK |\n| 299 | Other |\n",
    );
    let out = base.join("codes");
    let (code, stdout, stderr) = init(&[docs], &out);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let web = read(&out.join("src/web.rs"));
    assert!(
        web.contains("name = StatusCode, other = Undocumented, non_exhaustive"),
        "{web}"
    );
    assert!(
        read(&out.join("tests/codes.rs")).contains("assert!(matches!(code, T::Undocumented(_))")
    );
    assert_eq!(run(&["check", "--root", &out.to_string_lossy()]).0, 0);
}
