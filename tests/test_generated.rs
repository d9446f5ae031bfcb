//! The committed expansions are real code: each one compiles here, on its own,
//! and behaves as the type the macro generates from the same documents.

use std::path::Path;

// Their `http`/`serde` items are under features of status-core, which this
// package does not have.
#[allow(unexpected_cfgs)]
mod committed {
    include!("../status-core/generated/tables/evs_04_0039.md.rs");
    include!("../status-core/generated/tables/evs_04_0038.en.md-ErrorCode.rs");
}

/// The SDK example's types, with their catch-all variants (only some of
/// their items are exercised here; the example's own tests use the rest).
#[allow(dead_code, unreachable_pub)]
mod sdk {
    include!("../examples/sdk-client/generated/tables/evs_04_0039.md-Status.rs");
    include!("../examples/sdk-client/generated/tables/evs_04_0038.en.md-ErrorCode.rs");
}

/// Every committed file is included above; a new one must be added there.
const INCLUDED: &[&str] = &[
    "examples/sdk-client/generated/tables/evs_04_0038.en.md-ErrorCode.rs",
    "examples/sdk-client/generated/tables/evs_04_0039.md-Status.rs",
    "status-core/generated/tables/evs_04_0038.en.md-ErrorCode.rs",
    "status-core/generated/tables/evs_04_0039.md.rs",
];

/// The `.rs` files of every `generated/` folder under `dir`.
fn committed_files(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !path.is_dir() || name.starts_with('.') || name == "target" {
            continue;
        }
        if name == "generated" {
            files_under(root, &path, found);
        } else {
            committed_files(root, &path, found);
        }
    }
}

/// Every file under a `generated/` folder (the files mirror their documents' folders).
fn files_under(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(root, &path, found);
        } else {
            let relative = path.strip_prefix(root).unwrap().to_string_lossy();
            found.push(relative.replace('\\', "/"));
        }
    }
}

#[test]
fn every_committed_file_is_compiled_by_this_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    committed_files(root, root, &mut found);
    found.sort();
    assert_eq!(found, INCLUDED);
}

#[test]
fn the_committed_catch_all_types_keep_what_they_receive() {
    assert_eq!(sdk::Status::from(429).code(), 429);
    assert_eq!(sdk::Status::from(413), sdk::Status::OverLimit);
    assert_eq!(sdk::ErrorCode::from("EVS.9999").code(), "EVS.9999");
}

#[test]
fn the_committed_status_type_behaves_as_the_macros() {
    use committed::StatusCode as Committed;
    use status_core::evs::StatusCode as Expanded;
    assert_eq!(Committed::ALL.len(), Expanded::ALL.len());
    assert_eq!(Committed::LANGS, Expanded::LANGS);
    for (committed, expanded) in Committed::ALL.iter().zip(Expanded::ALL) {
        assert_eq!(committed.code(), expanded.code());
        assert_eq!(committed.name(), expanded.name());
        assert_eq!(committed.description(), expanded.description());
        for lang in Committed::LANGS {
            assert_eq!(committed.section_in(lang), expanded.section_in(lang));
        }
        assert_eq!(committed.to_string(), expanded.to_string());
    }
    assert_eq!(Committed::from_code(413), Some(Committed::OverLimit));
}

#[test]
fn the_committed_error_type_behaves_as_the_macros() {
    use committed::ErrorCode as Committed;
    use status_core::evs::ErrorCode as Expanded;
    assert_eq!(Committed::ALL.len(), Expanded::ALL.len());
    for (committed, expanded) in Committed::ALL.iter().zip(Expanded::ALL) {
        assert_eq!(committed.code(), expanded.code());
        assert_eq!(committed.name(), expanded.name());
        assert_eq!(committed.message(), expanded.message());
        assert_eq!(committed.http_statuses(), expanded.http_statuses());
        assert_eq!(committed.rows().len(), expanded.rows().len());
        assert_eq!(committed.to_string(), expanded.to_string());
    }
}
