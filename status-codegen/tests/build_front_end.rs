//! The build.rs front end: writes the code, reports every problem with its
//! location, and finds documents as the macro does.

use status_codegen::build_script::Generator;
use status_testkit::Scratch;

/// `NAME/crate/tables/`, empty: the crate the generator runs for.
fn scratch(name: &str) -> Scratch {
    let dir = Scratch::new(env!("CARGO_TARGET_TMPDIR"), name);
    dir.folder("crate/tables");
    dir
}

#[test]
fn writes_the_type_for_a_good_document() {
    let dir = scratch("build-good");
    dir.write(
        "crate/tables/codes.md",
        "| Code | Description |\n|---|---|\n| 201 | Created |\n",
    );
    let target = dir.join("codes.rs");
    let written = Generator::new("tables/codes.md")
        .name("Codes")
        .generate_into(&dir.join("crate"), &target)
        .unwrap();
    assert_eq!(written, target);
    let code = std::fs::read_to_string(&target).unwrap();
    assert!(code.contains("pub enum Codes"), "{code}");
    assert!(code.contains("Created = 201"), "{code}");
}

#[test]
fn reports_every_problem_with_its_location() {
    let dir = scratch("build-bad");
    dir.write(
        "crate/tables/codes.md",
        "| Code | Description |\n|---|---|\n| 2x1 | Created |\n| 202 |  |\n",
    );
    let error = Generator::new("tables/codes.md")
        .generate_into(&dir.join("crate"), &dir.join("codes.rs"))
        .unwrap_err();
    let text = error.to_string();
    assert_eq!(error.diagnostics().len(), 2, "{text}");
    assert!(
        text.starts_with("tables/codes.md:3:3: status code `2x1` is not a number"),
        "{text}"
    );
    assert!(
        text.contains("tables/codes.md:4:8: empty description for status code 202"),
        "{text}"
    );
    assert!(
        !dir.join("codes.rs").exists(),
        "nothing written for a bad document"
    );
}

#[test]
fn a_missing_document_lists_the_paths_tried() {
    let dir = scratch("build-missing");
    let error = Generator::new("tables/none.md")
        .generate_into(&dir.join("crate"), &dir.join("x.rs"))
        .unwrap_err();
    let text = error.to_string();
    assert!(
        text.starts_with("tables/none.md: document not found"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "tried {}",
            dir.join("crate/tables/none.md").display()
        )),
        "{text}"
    );
}

#[test]
fn resolution_walks_up_to_the_workspace_root_and_no_further() {
    let dir = scratch("resolve-walk");
    let root = dir.subtree("ws");
    let manifest = root.join("crates/inner");
    root.folder("crates/inner")
        .write("Cargo.toml", "[workspace]\nmembers = [\"crates/inner\"]\n");
    dir.write("x.md", "outside the workspace");
    let tried = status_codegen::load::resolve("x.md", &manifest).unwrap_err();
    assert_eq!(
        tried,
        [
            manifest.join("x.md"),
            root.join("crates/x.md"),
            root.join("x.md")
        ]
    );

    root.write("tables/x.md", "found");
    assert_eq!(
        status_codegen::load::resolve("tables/x.md", &manifest),
        Ok(root.join("tables/x.md"))
    );
}
