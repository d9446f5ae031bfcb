//! Fixes tried together give each problem its own verdict (issue 29): the
//! engine tries the fixes of independent rows in one validation, and a page's
//! problems must still get exactly the fixes that remove them, whatever their
//! number. The pages are written here; what each row needs is read from them.

use std::fmt::Write as _;

use status_codegen::__private::MAX_DIAGNOSTICS;
use status_codegen::{Expansion, Options, expand, invocation};

/// The options an invocation writes after the path.
fn options(written: &str) -> Options {
    let tokens = format!("\"page.md\", {written}").parse().unwrap();
    let parsed = invocation::parse(tokens);
    assert!(parsed.errors().is_empty(), "{written}");
    parsed.options().clone()
}

/// Each diagnostic's place and fix, as `line:col fix` (`-` for none).
fn fixes(expansion: &Expansion) -> Vec<String> {
    expansion
        .diagnostics()
        .iter()
        .map(|d| {
            let at = d
                .location()
                .map_or_else(String::new, |l| format!("{}:{}", l.line(), l.column()));
            let fix = d
                .fix()
                .as_ref()
                .map_or_else(|| "-".to_owned(), ToString::to_string);
            format!("{at} {fix}")
        })
        .collect()
}

fn codes(expansion: &Expansion) -> Vec<&str> {
    expansion
        .model()
        .variants()
        .iter()
        .map(status_codegen::model::Variant::code)
        .collect()
}

const MIXED: &str = "# Error codes

| Error Code | Status Code | Error Message |
|---|---|---|
| SVC.0001 | 400 | Bad input. |
| The request failed | 400 | A sentence, not a code. |
| SVC. 0002 | 404 | Not found. |
| SVC.0003 | 4O4 | Gone away. |
| SVC.0004 | 409 | Conflict. |
| SVC.0005 | 4x9 | Too late. |
";

#[test]
fn each_problem_of_a_page_gets_the_fix_that_removes_it() {
    let expansion = expand("page.md", MIXED.as_bytes(), &Options::default());
    // Line 6 is a sentence, not a code: left out. Line 7's code has a space
    // in it. Lines 8 and 10 have no status a reader can tell.
    assert_eq!(
        fixes(&expansion),
        [
            "6:3 skip(\"The request failed\")",
            "7:3 code(\"SVC. 0002\" = \"SVC.0002\")",
            "8:14 -",
            "10:14 -",
        ]
    );
    assert_eq!(codes(&expansion), ["SVC.0001", "SVC.0004"]);

    // Both fixes written together: their problems are gone, the others stay.
    let fixed = expand(
        "page.md",
        MIXED.as_bytes(),
        &options("skip(\"The request failed\"), code(\"SVC. 0002\" = \"SVC.0002\")"),
    );
    assert_eq!(fixes(&fixed), ["8:14 -", "10:14 -"]);
    assert_eq!(codes(&fixed), ["SVC.0001", "SVC.0002", "SVC.0004"]);
}

#[test]
fn fifty_problems_each_get_their_own_fix() {
    // 60 rows whose code cell is a sentence, one in three: the 50 shown each
    // get the `skip` of their own row, the rest are counted.
    let mut page = String::from("# Error codes\n\n| Error Code | Error Message |\n|---|---|\n");
    for row in 0..180 {
        if row % 3 == 0 {
            let _ = writeln!(page, "| Row {row} is a sentence | Text {row}. |");
        } else {
            let _ = writeln!(page, "| SVC.{row:04} | Text {row}. |");
        }
    }
    let expansion = expand("page.md", page.as_bytes(), &Options::default());
    let found = fixes(&expansion);
    assert_eq!(found.len(), MAX_DIAGNOSTICS + 1);
    for (shown, fix) in found.iter().take(MAX_DIAGNOSTICS).enumerate() {
        // The n-th problem shown is row 3n, on line 5 + 3n.
        let row = 3 * shown;
        assert_eq!(
            *fix,
            format!("{}:3 skip(\"Row {row} is a sentence\")", 5 + row)
        );
    }
    assert!(
        expansion.diagnostics()[MAX_DIAGNOSTICS]
            .message()
            .starts_with("10 more problems not shown"),
        "{}",
        expansion.diagnostics()[MAX_DIAGNOSTICS].message()
    );
    assert_eq!(codes(&expansion).len(), 120);
}
