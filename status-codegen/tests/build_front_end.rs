//! The build.rs front end: writes the code, reports every problem with its
//! location, and finds documents as the macro does.

use status_codegen::build_script::Generator;

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("crate/tables")).unwrap();
    dir
}

#[test]
fn writes_the_type_for_a_good_document() {
    let dir = scratch("build-good");
    std::fs::write(
        dir.join("crate/tables/codes.md"),
        "| Code | Description |\n|---|---|\n| 201 | Created |\n",
    )
    .unwrap();
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
    std::fs::write(
        dir.join("crate/tables/codes.md"),
        "| Code | Description |\n|---|---|\n| 2x1 | Created |\n| 202 |  |\n",
    )
    .unwrap();
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
    let root = dir.join("ws");
    let manifest = root.join("crates/inner");
    std::fs::create_dir_all(&manifest).unwrap();
    std::fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nmembers = [\"crates/inner\"]\n",
    )
    .unwrap();
    std::fs::write(dir.join("x.md"), "outside the workspace").unwrap();
    let tried = status_codegen::load::resolve("x.md", &manifest).unwrap_err();
    assert_eq!(
        tried,
        [
            manifest.join("x.md"),
            root.join("crates/x.md"),
            root.join("x.md")
        ]
    );

    std::fs::create_dir_all(root.join("tables")).unwrap();
    std::fs::write(root.join("tables/x.md"), "found").unwrap();
    assert_eq!(
        status_codegen::load::resolve("tables/x.md", &manifest),
        Ok(root.join("tables/x.md"))
    );
}
