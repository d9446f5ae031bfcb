//! The baselines of the expansion benchmark: what pulldown-cmark and scraper
//! alone take to read a document and visit the text of every table cell.
//!
//! [`rendered`] reads the document as the engine does, as a reader sees it:
//! rendered to HTML by pulldown-cmark (GitHub's extensions on) and parsed whole
//! by html5ever. [`markdown`] is the cheaper walk of the engine before it
//! rendered (pulldown-cmark events, scraper on table blocks only). Both do the
//! least a reader of the table must do, and nothing the engine adds (offsets,
//! sections, spans, validation, code generation): the engine's time over a
//! baseline is the price of everything the engine adds.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::Html;

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
/// holding a `<table>` is parsed with scraper and every `<td>`/`<th>` text read.
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
/// front matter), the whole page parsed with scraper, and the text of every
/// `<td>`/`<th>` gathered.
pub fn rendered(text: &str) -> Visit {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(text, options));
    let mut visit = Visit::default();
    let page = Html::parse_document(&html);
    let mut cell = String::new();
    for element in page.root_element().descendent_elements() {
        if matches!(element.value().name(), "td" | "th") {
            cell.clear();
            cell.extend(element.text());
            visit.cell(&cell);
        }
    }
    visit
}

/// An HTML fragment: parsed with scraper, and the text of every `<td>` and
/// `<th>` gathered.
pub fn html(text: &str) -> Visit {
    let mut visit = Visit::default();
    html_cells(text, &mut visit);
    visit
}

fn html_cells(text: &str, visit: &mut Visit) {
    let fragment = Html::parse_fragment(text);
    let mut cell = String::new();
    for element in fragment.root_element().descendent_elements() {
        if matches!(element.value().name(), "td" | "th") {
            cell.clear();
            cell.extend(element.text());
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
