//! The baselines of the expansion benchmark: what pulldown-cmark and html5ever
//! alone take to read a document and visit the text of every table cell.
//! html5ever builds the engine's own tree (`stages::parse_html`), as it does
//! when the engine reads.
//!
//! [`rendered`] reads the document as the engine does, as a reader sees it:
//! rendered to HTML by pulldown-cmark (GitHub's extensions on) and parsed whole
//! by html5ever. [`markdown`] is the cheaper walk of the engine before it
//! rendered (pulldown-cmark events, html5ever on table blocks only). Both do the
//! least a reader of the table must do, and nothing the engine adds (offsets,
//! sections, spans, validation, code generation): the engine's time over a
//! baseline is the price of everything the engine adds.

use ego_tree::Tree;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use status_codegen::__private::stages::{self, Node};

/// What a visit saw, so that no part of the work can be optimised away.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Visit {
    /// Cells visited, header cells included.
    pub cells: usize,
    /// Bytes of cell text seen.
    pub bytes: usize,
}

impl Visit {
    fn cell(&mut self, text: &str) {
        self.cells += 1;
        self.bytes += text.len();
    }
}

/// A Markdown document: walked with pulldown-cmark (tables enabled); the text
/// of each pipe-table cell is gathered from its events, and each HTML block
/// holding a `<table>` is parsed with html5ever and every `<td>`/`<th>` text read.
pub fn markdown(text: &str) -> Visit {
    let mut visit = Visit::default();
    let mut block = String::new();
    let mut cell = String::new();
    let mut in_cell = false;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::HtmlBlock) => block.clear(),
            Event::Html(html) => block.push_str(&html),
            Event::End(TagEnd::HtmlBlock) if block.contains("<table") => {
                html_cells(&block, &mut visit);
            }
            Event::Start(Tag::TableCell) => {
                cell.clear();
                in_cell = true;
            }
            Event::Text(text) | Event::Code(text) if in_cell => cell.push_str(&text),
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                visit.cell(&cell);
            }
            _ => {}
        }
    }
    visit
}

/// A Markdown document as a reader sees it: rendered to HTML with
/// `pulldown_cmark::html::push_html` (tables, strikethrough, footnotes, YAML
/// front matter), the whole page parsed with html5ever, and the text of every
/// `<td>`/`<th>` gathered.
pub fn rendered(text: &str) -> Visit {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(text, options));
    let mut visit = Visit::default();
    cells(&stages::parse_html(&html), &mut visit);
    visit
}

/// An HTML fragment: parsed with html5ever, and the text of every `<td>` and
/// `<th>` gathered.
pub fn html(text: &str) -> Visit {
    let mut visit = Visit::default();
    html_cells(text, &mut visit);
    visit
}

/// A fragment is parsed as a document: the engine's parse has no fragment
/// mode, and a document holding only the fragment has the same cells.
fn html_cells(text: &str, visit: &mut Visit) {
    cells(&stages::parse_html(text), visit);
}

/// The text of every `<td>`/`<th>` of `tree`: its text nodes, joined.
fn cells(tree: &Tree<Node>, visit: &mut Visit) {
    let mut cell = String::new();
    for node in tree.root().descendants() {
        if node
            .value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "td" | "th"))
        {
            cell.clear();
            for text in node.descendants() {
                if let Node::Text(text) = text.value() {
                    cell.push_str(text);
                }
            }
            visit.cell(&cell);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::{self, Syntax};

    #[test]
    fn every_cell_of_the_seed_is_visited() {
        let seed = String::from_utf8(documents::seed()).unwrap();
        // Two tables: 4 and 16 rows, each with a header row, two columns.
        assert_eq!(markdown(&seed).cells, 2 * (5 + 17));
    }

    #[test]
    fn the_rendered_baseline_visits_the_same_cells() {
        let seed = String::from_utf8(documents::seed()).unwrap();
        assert_eq!(rendered(&seed).cells, markdown(&seed).cells);
    }

    #[test]
    fn every_cell_of_a_generated_document_is_visited() {
        for syntax in Syntax::ALL {
            let document = documents::document(syntax, 1000);
            assert_eq!(markdown(&document).cells, 2 * 1001, "{syntax:?}");
        }
    }
}
