//! The committed expansions in `generated/` are real code: each one compiles
//! here, on its own, and behaves as the type the macro generates.

mod committed_evs {
    include!("../status-core/generated/evs_04_0039-StatusCode.rs");
}

/// Every committed file is included above; a new one must be added there.
const INCLUDED: &[&str] = &["status-core/generated/evs_04_0039-StatusCode.rs"];

#[test]
fn every_committed_file_is_compiled_by_this_test() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for package in ["status-core"] {
        let package = root.join(package).join("generated");
        for file in std::fs::read_dir(&package).unwrap() {
            let file = file.unwrap().path();
            found.push(
                file.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    found.sort();
    assert_eq!(found, INCLUDED);
}

#[test]
fn the_committed_evs_type_behaves_as_the_macros() {
    use committed_evs::StatusCode as Committed;
    use status_table::evs::StatusCode as Expanded;
    assert_eq!(Committed::ALL.len(), Expanded::ALL.len());
    for (committed, expanded) in Committed::ALL.iter().zip(Expanded::ALL) {
        assert_eq!(committed.code(), expanded.code());
        assert_eq!(committed.name(), expanded.name());
        assert_eq!(committed.description(), expanded.description());
        assert_eq!(committed.section(), expanded.section());
        assert_eq!(committed.to_string(), expanded.to_string());
    }
    assert_eq!(Committed::from_code(413), Some(Committed::OverLimit));
}
