//! The enum's documentation renders the document's table as rustdoc shows
//! it: every text escaped once, so a `|`, `*`, backticks or `<tag>` in a cell
//! stays text in its own cell. The docs are read back from the generated
//! tokens and rendered with pulldown-cmark (GitHub tables, as rustdoc renders
//! them); the expected texts are the fixture's cells.

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
use status_codegen::expand;

/// The `#[doc]` lines of the generated enum, joined as rustdoc joins them.
fn enum_doc(code: &proc_macro2::TokenStream) -> String {
    let file: syn::File = syn::parse2(code.clone()).expect("the generated code parses");
    let item = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Enum(e) => Some(e),
            _ => None,
        })
        .expect("an enum");
    item.attrs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rows of the first table of rendered Markdown, as cell texts (a `<br>`
/// as a line break, code spans in backticks), and its columns' alignments.
fn rendered_table(markdown: &str) -> (Vec<Vec<String>>, Vec<Alignment>) {
    let mut rows = Vec::new();
    let mut alignments = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(columns)) if alignments.is_empty() => alignments = columns,
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(row), Some(text)) = (rows.last_mut(), cell.take()) {
                    row.push(text);
                }
            }
            Event::Text(text) => {
                if let Some(cell) = &mut cell {
                    cell.push_str(&text);
                }
            }
            Event::Code(text) => {
                if let Some(cell) = &mut cell {
                    cell.push('`');
                    cell.push_str(&text);
                    cell.push('`');
                }
            }
            Event::InlineHtml(html) if html.as_ref() == "<br>" => {
                if let Some(cell) = &mut cell {
                    cell.push('\n');
                }
            }
            _ => {}
        }
    }
    (rows, alignments)
}

#[test]
fn every_description_is_one_cell_of_the_rendered_table() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/documents/fixtures/injection.md"
    );
    let bytes = std::fs::read(path).unwrap();
    let expansion = expand("injection.md", &bytes, &status_codegen::Options::default());
    assert!(expansion.is_ok(), "{:?}", expansion.diagnostics());
    let (table, alignments) = rendered_table(&enum_doc(expansion.tokens()));
    // Every row is in one section: a sentence above the table, not a column.
    // The code's cell holds its variant too, and no column is for
    // maintainers (document lines are in the committed file's header).
    assert_eq!(table[0], ["Code", "Description"]);
    // Left-aligned, as text is read (a right-aligned string code is ragged).
    assert_eq!(alignments, [Alignment::Left, Alignment::Left]);
    let doc = enum_doc(expansion.tokens());
    assert!(!doc.contains("edit the document"), "{doc}");
    assert!(doc.contains("Section of every row: "), "{doc}");
    // The methods it has, and those the page gives it no column for.
    assert!(
        doc.contains("`description()`") && doc.contains("no column for `reason()`"),
        "{doc}"
    );
    // (code, description) as the fixture writes them, entities decoded.
    let expected = [
        ("200", r#"say "hello""#),
        ("203", r#"#[doc = "x"] #![no_std]"#),
        ("205", "</table> and <script>"),
        ("206", "line one line two"),
        ("210", "`code` *bold* [link](x) | pipe"),
    ];
    for (code, description) in expected {
        // The code in code font, its variant on the next line.
        let row = table
            .iter()
            .find(|row| row[0].starts_with(&format!("`{code}`\n`")))
            .unwrap_or_else(|| panic!("no row {code}: {table:?}"));
        assert_eq!(row.len(), 2, "{row:?}");
        assert_eq!(row[1], description, "{row:?}");
    }
}

#[test]
fn each_language_of_a_text_shares_its_cell() {
    // The seed page in Chinese with its English twin.
    let tokens: proc_macro2::TokenStream =
        r#""tables/evs_04_0039.md", lang = "zh", translation(en = "tables/evs_04_0039.en.md")"#
            .parse()
            .unwrap();
    let invocation = status_codegen::invocation::parse(tokens);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let loaded = status_codegen::load::load(invocation.path().unwrap(), invocation.options(), root);
    assert!(
        loaded.expansion().is_ok(),
        "{:?}",
        loaded.expansion().diagnostics()
    );
    let (table, _) = rendered_table(&enum_doc(loaded.expansion().tokens()));
    // Two columns of texts, not four: the languages of a text share a cell.
    assert_eq!(
        table[0],
        ["Code", "Description (zh, en)", "Section (zh, en)"]
    );
    // The documents' row for 413: `overLimit` in both (written once), in the
    // section 异常 / Abnormal.
    let row = table
        .iter()
        .find(|row| row[0].starts_with("`413`"))
        .unwrap();
    assert_eq!(row, &["`413`\n`OverLimit`", "overLimit", "异常\nAbnormal"]);
}
