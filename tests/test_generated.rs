//! The committed expansions are real code: each one compiles here, on its own,
//! and behaves as the type the macro generates from the same documents.

mod committed {
    include!("../status-core/generated/evs_04_0039-StatusCode.rs");
    include!("../status-core/generated/evs_04_0038.en-ErrorCode.rs");
}

/// Every committed file is included above; a new one must be added there.
const INCLUDED: &[&str] = &[
    "status-core/generated/evs_04_0038.en-ErrorCode.rs",
    "status-core/generated/evs_04_0039-StatusCode.rs",
];

#[test]
fn every_committed_file_is_compiled_by_this_test() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for package in std::fs::read_dir(root).unwrap() {
        let generated = package.unwrap().path().join("generated");
        if !generated.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&generated).unwrap() {
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
fn the_committed_status_type_behaves_as_the_macros() {
    use committed::StatusCode as Committed;
    use status_table::evs::StatusCode as Expanded;
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
    use status_table::evs::ErrorCode as Expanded;
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
