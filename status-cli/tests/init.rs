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
fn image_pages(docs: &Path, english_status: u16) -> Vec<PathBuf> {
    let zh = docs.join("zh/ims");
    let en = docs.join("en/ims");
    std::fs::create_dir_all(&zh).unwrap();
    std::fs::create_dir_all(&en).unwrap();
    std::fs::write(
        zh.join("errors.md"),
        "# 错误码<a name=\"ims_02_0042\"></a>\n\n本节介绍镜像服务接口调用失败时返回的错误码及其含义和处理方法。\n\n\
         | 错误码 | 状态码 | 描述 |\n|---|---|---|\n| IMS.0001 | 400 | 参数错误 |\n| IMS.0002 | 404 | 镜像不存在 |\n",
    )
    .unwrap();
    std::fs::write(
        en.join("errors.md"),
        format!(
            "# Error Codes<a name=\"ims_02_0042\"></a>\n\nThe error codes of the image service.\n\n\
             | Error Code | Status Code | Description |\n|---|---|---|\n| IMS.0001 | 400 | Invalid parameter |\n| IMS.0002 | {english_status} | Image not found |\n"
        ),
    )
    .unwrap();
    vec![zh, en]
}

#[test]
fn a_lagging_translation_keeps_both_languages_and_a_disagreeing_pair_is_split_until_it_agrees() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sync-languages");
    let docs = base.join("docs");
    let mut roots = tree(&docs);
    roots.extend(image_pages(&docs, 404));
    let out = base.join("codes");
    let (code, stdout, stderr) = init(&roots, &out);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let dir = out.to_string_lossy().into_owned();
    assert!(
        read(&out.join("src/ims.rs")).contains("\"tables/ims/errors.md\", name = ErrorCode, lang = \"zh\", translation(en = \"tables/ims/2/errors.md\"));"),
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
        module.contains("translation(en = \"tables/evs/evs_04_0039.en.md\"), fallback);"),
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
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sync-invalid");
    let docs = base.join("docs");
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
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sync-failures");
    let docs = base.join("docs");
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
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sync-moves");
    let _ = std::fs::remove_dir_all(&base);
    let first = base.join("first");
    let roots = tree(&first.join("docs"));
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
