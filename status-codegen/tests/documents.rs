//! The engine on small documents written for these tests: each shape of table
//! met in practice, read into the model. Expected values come from the fixture
//! text in each test.

use std::fmt::Write as _;

use status_codegen::model::Text;
use status_codegen::{Expansion, Options, expand};

fn read(path: &str, text: &str) -> Expansion {
    expand(path, text.as_bytes(), &Options::default())
}

/// (code, variant, description, section, line) of every row, in document order.
fn rows(expansion: &Expansion) -> Vec<(u16, &str, &str, &str, usize)> {
    expansion
        .model()
        .rows()
        .into_iter()
        .map(|(variant, row)| {
            (
                variant.number().expect("a status table"),
                variant.name(),
                row.text(Text::Description),
                row.text(Text::Section),
                row.line(),
            )
        })
        .collect()
}

fn messages(expansion: &Expansion) -> Vec<String> {
    expansion
        .diagnostics()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn bom_and_crlf_keep_lines_right() {
    let text = "\u{feff}# Codes\r\n\r\n| Status Code | Description |\r\n|---|---|\r\n| 200 | OK |\r\n| 20x | Bad |\r\n";
    let expansion = read("crlf.md", text);
    assert_eq!(rows(&expansion), [(200, "Ok", "OK", "Codes", 5)]);
    let errors = messages(&expansion);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("crlf.md:6:3: status code `20x` is not a number"),
        "{errors:?}"
    );
}

#[test]
fn html_file_with_headings_rowspan_and_no_thead() {
    let text = r#"<!DOCTYPE html>
<html><head><title>Codes &amp; more</title></head><body>
<h2>Normal</h2>
<table>
<tr><td><strong>Status Code</strong></td><td>Description</td><td>Module</td></tr>
<tr><td>200</td><td>OK</td><td rowspan="2">core</td></tr>
<tr><td>201</td><td>Created<br>new</td></tr>
</table>
<h2>Abnormal</h2>
<table><caption>Errors</caption>
<thead><tr><th>Code</th><th>Description</th></tr></thead>
<tr><td>404</td><td>Not&nbsp;Found <table><tr><td>999</td><td>nested</td></tr></table></td></tr>
</table>
</body></html>
"#;
    let expansion = read("codes.html", text);
    assert!(expansion.is_ok(), "{:?}", messages(&expansion));
    assert_eq!(expansion.model().title(), Some("Codes & more"));
    assert_eq!(
        rows(&expansion),
        [
            (200, "Ok", "OK", "Normal", 6),
            (201, "CreatedNew", "Created new", "Normal", 7),
            // The caption is nearer than the heading; the table nested in the
            // cell is a table of its own, not part of the cell's text.
            (404, "NotFound", "Not Found", "Errors", 12),
        ]
    );
}

#[test]
fn pipe_table_indented_in_a_list_item_takes_the_items_text() {
    let text = "# Title\n\n1. 异常处理\n\n    | 状态码 | 描述 |\n    | --- | --- |\n    | 500 | 内部错误 |\n    | 503 | Service\\|Unavailable |\n";
    let expansion = read("list.md", text);
    assert!(expansion.is_ok(), "{:?}", messages(&expansion));
    assert_eq!(
        rows(&expansion),
        [
            // A Chinese description gives no name: 500 takes its registered phrase.
            (500, "InternalServerError", "内部错误", "异常处理", 7),
            (
                503,
                "ServiceUnavailable",
                "Service|Unavailable",
                "异常处理",
                8
            ),
        ]
    );
}

#[test]
fn html_table_split_by_blank_lines_is_read_whole() {
    let text = "- Normal\n\n    <table>\n    <tr><th>Status Code</th><th>Description</th></tr>\n\n    <tr><td>200</td>\n\n    <td>OK</td></tr>\n    </table>\n";
    let expansion = read("split.md", text);
    assert!(expansion.is_ok(), "{:?}", messages(&expansion));
    assert_eq!(rows(&expansion), [(200, "Ok", "OK", "Normal", 6)]);
}

#[test]
fn tables_without_the_columns_are_skipped_when_another_has_them() {
    let text = "| Parameter | Type |\n|---|---|\n| id | string |\n\n| Status Code | Description |\n|---|---|\n| 202 | Accepted |\n";
    let expansion = read("two.md", text);
    assert!(expansion.is_ok(), "{:?}", messages(&expansion));
    assert_eq!(rows(&expansion), [(202, "Accepted", "Accepted", "", 7)]);
}

#[test]
fn a_table_with_only_one_of_the_columns_is_an_error() {
    let text = "| Status Code | Description |\n|---|---|\n| 200 | OK |\n\n| Status Code | Descriptoin |\n|---|---|\n| 500 | Oops |\n";
    let expansion = read("typo.md", text);
    assert_eq!(rows(&expansion), [(200, "Ok", "OK", "", 3)]);
    let errors = messages(&expansion);
    assert!(
        errors[0].starts_with("typo.md:5:3: table has no description column"),
        "{errors:?}"
    );
    assert!(
        errors[0].contains("found headers `Status Code`, `Descriptoin`"),
        "{errors:?}"
    );
}

#[test]
fn every_problem_is_reported_at_once_in_document_order() {
    // Line 7 writes line 6 again, word for word: a duplicate (another
    // description would make it a second row of 300).
    let text = "| Code | Description |\n|---|---|\n| 1 | A |\n| 200 |  |\n| x | B |\n| 300 | C |\n| 300 | C |\n";
    let expansion = read("many.md", text);
    let heads: Vec<String> = expansion
        .diagnostics()
        .iter()
        .map(status_codegen::Diagnostic::headline)
        .collect();
    assert_eq!(heads.len(), 4, "{heads:?}");
    assert!(
        heads[0].starts_with("many.md:3:3: status code 1 is out of range"),
        "{heads:?}"
    );
    assert!(
        heads[1].starts_with("many.md:4:8: empty description for status code 200"),
        "{heads:?}"
    );
    assert!(
        heads[2].starts_with("many.md:5:3: status code `x` is not a number"),
        "{heads:?}"
    );
    assert!(
        heads[3].starts_with("many.md:7:3: duplicate status code 300 (first at line 6)"),
        "{heads:?}"
    );
    // The good row is still in the model, so the type is still generated.
    assert_eq!(rows(&expansion), [(300, "C", "C", "", 6)]);
}

#[test]
fn diagnostics_are_capped() {
    // Eighty statuses, each with an empty description: eighty errors.
    let mut text = "| Status Code | Description |\n|---|---|\n".to_owned();
    for code in 200..280 {
        writeln!(text, "| {code} |  |").unwrap();
    }
    let expansion = read("cap.md", &text);
    assert_eq!(
        expansion.diagnostics().len(),
        status_codegen::__private::MAX_DIAGNOSTICS + 1
    );
    let last = &expansion.diagnostics().last().unwrap().message();
    assert!(last.starts_with("30 more problems not shown"), "{last}");
}

#[test]
fn hostile_text_stays_text() {
    let nasty = [
        r#"quote " here"#,
        r"back\slash",
        "*/ comment end",
        "#[attr] }",
        "fn main() {}",
        "</table> inside",
    ];
    let mut text = "| Status Code | Description |\n|---|---|\n".to_owned();
    for (i, description) in nasty.iter().enumerate() {
        let escaped = description.replace('<', "&lt;").replace('>', "&gt;");
        let _ = writeln!(text, "| {} | {escaped} |", 200 + i);
    }
    let expansion = read("nasty.md", &text);
    assert!(expansion.is_ok(), "{:?}", messages(&expansion));
    let descriptions: Vec<&str> = expansion
        .model()
        .variants()
        .iter()
        .map(|v| v.text(Text::Description))
        .collect();
    assert_eq!(descriptions, nasty);
}

#[test]
fn a_translation_with_another_status_is_an_error_in_both_documents() {
    let zh = "| 状态码 | 错误码 | 错误描述 |\n|---|---|---|\n| 400 | ORD.0001 | 订单ID无效 |\n";
    let en = "| Status Code | Error Code | Description |\n|---|---|---|\n| 404 | ORD.0001 | Invalid order ID |\n";
    let invocation = status_codegen::invocation::parse(
        r#""zh.md", lang = "zh", translation(en = "en.md")"#
            .parse()
            .unwrap(),
    );
    let expansion = status_codegen::expand_all(
        status_codegen::Input::new("zh.md", zh.as_bytes()),
        &[status_codegen::Input::new("en.md", en.as_bytes())],
        invocation.options(),
    );
    let errors = messages(&expansion);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]
            .starts_with("zh.md:3:9: code `ORD.0001` has HTTP status 400 here and 404 in en.md"),
        "{errors:?}"
    );
    assert!(
        errors[0].contains("en.md:3:9"),
        "the second location: {errors:?}"
    );
}

/// No generated code path panics: over every document of the repository,
/// bare and with the catch-all and interop options, the expansion holds no
/// `unreachable!`, `panic!`, `unwrap()` or `expect(`.
#[test]
fn generated_code_has_no_panic_path() {
    fn documents(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                documents(&path, found);
            } else if path.extension().is_some_and(|e| e == "md" || e == "html") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    documents(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/documents"),
        &mut found,
    );
    assert!(found.len() > 50, "{}", found.len());
    for path in found {
        let bytes = std::fs::read(&path).unwrap();
        for options in ["", "other = Other, http, serde", "http"] {
            let tokens: proc_macro2::TokenStream =
                format!("\"doc.md\", {options}").parse().unwrap();
            let invocation = status_codegen::invocation::parse(tokens);
            let expansion =
                status_codegen::expand(&path.to_string_lossy(), &bytes, invocation.options());
            let code = expansion.tokens().to_string();
            for word in ["unreachable !", "panic !", ". unwrap ()", ". expect ("] {
                assert!(
                    !code.contains(word),
                    "{} with `{options}`: the expansion has `{word}`",
                    path.display()
                );
            }
        }
    }
}
