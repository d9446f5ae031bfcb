//! The document stage: a Markdown or HTML file read into plain tables of text,
//! the way a reader sees it.
//!
//! Markdown is rendered to HTML as GitHub renders it (the `render` module); that HTML (or
//! an HTML file as it is) is parsed by html5ever as a browser parses it; one
//! walker then reads every table of the tree, with its rows and cells (visible
//! text, spans spread out), the text that introduces it and the source offset of
//! each piece. Nothing here knows about status codes.

pub(crate) mod dom;
mod grid;
mod render;
mod scan;
mod text;
mod tree;

pub use grid::{Cell, HeaderCell, Row, RowKind};

use crate::diagnostic::Diagnostics;
use crate::source::Source;

/// Markup nested deeper than this is refused: html5ever slows down
/// quadratically on very deep markup, and no real document comes near it.
pub const MAX_DEPTH: usize = 256;

/// Everything the engine needs from a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The first heading (or `<title>`), if any.
    pub title: Option<String>,
    /// Every table, in document order (a nested table after the one holding it).
    pub tables: Vec<Table>,
    /// The document was refused (its markup nests too deep), with an error
    /// saying so: it has no table to look for.
    pub refused: bool,
}

/// How a document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `CommonMark` with GitHub's extensions, raw HTML included.
    Markdown,
    /// HTML (`.html`, `.htm`, `.xhtml`).
    Html,
}

impl Syntax {
    /// The syntax of a document, by the extension of its path.
    pub fn of_path(path: &str) -> Self {
        let extension = std::path::Path::new(path).extension();
        if extension.is_some_and(|e| {
            ["html", "htm", "xhtml"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        }) {
            Self::Html
        } else {
            Self::Markdown
        }
    }
}

/// One table: every row, spans spread out, each row marked as a title, header,
/// label or body row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Its position among all the tables of the document, from 0.
    pub index: usize,
    /// Byte offset of the table's first character.
    pub offset: usize,
    /// The text that introduces the table: its list item (or a list item just
    /// before it), else its `<caption>`, else the nearest heading before it.
    pub section: Option<String>,
    /// Its `<caption>`, else the `Table N …` paragraph just above it, else a
    /// title row.
    pub caption: Option<String>,
    /// Every row, in document order.
    pub rows: Vec<Row>,
    /// The number of columns.
    pub width: usize,
    /// Whether its `<table>` is never closed (a browser shows the rest of the
    /// page inside it): an error when its rows are read, a note otherwise.
    pub unclosed: bool,
}

impl Table {
    /// One header per column: the header rows' texts, top to bottom.
    pub fn header(&self) -> Vec<HeaderCell> {
        grid::header(self)
    }

    /// The body rows.
    pub fn body(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.kind == RowKind::Body)
    }

    /// The offset of the header's first cell (or of the table).
    pub fn header_offset(&self) -> usize {
        self.rows
            .iter()
            .rfind(|r| r.kind == RowKind::Header)
            .and_then(|r| r.cells.first())
            .map_or(self.offset, |c| c.offset)
    }
}

/// Reads every table of `source`, Markdown or HTML by its path.
pub fn read(source: &Source, diagnostics: &mut Diagnostics) -> Document {
    read_as(source, Syntax::of_path(source.path()), diagnostics)
}

/// Reads every table of `source` as `syntax`.
pub fn read_as(source: &Source, syntax: Syntax, diagnostics: &mut Diagnostics) -> Document {
    let rendering = rendered(source, syntax, render::Marks::Tables);
    tree::read(source, syntax, &rendering, diagnostics)
}

/// The HTML a browser would parse for `source`, the chosen start tags marked
/// with their source offset (`data-at`).
pub(crate) fn rendered(source: &Source, syntax: Syntax, marks: render::Marks) -> render::Rendering {
    match syntax {
        Syntax::Markdown => render::markdown(source.text(), marks),
        Syntax::Html => render::html(source.text(), marks),
    }
}

/// A caption without its table number: `Table 4 Error codes` → `Error codes`,
/// `表1 错误码` → `错误码`, `TABLE 2-1 Codes` → `Codes`; `None` when the text
/// does not start with one (`Tables of codes`). The one rule, `Table` in any
/// ASCII case or `表`, then a number, both for finding a caption above a table
/// and for matching `caption = "…"` against one.
pub(crate) fn strip_table_number(caption: &str) -> Option<&str> {
    let rest = match caption.get(..5) {
        Some(word) if word.eq_ignore_ascii_case("table") => &caption[5..],
        _ => caption.strip_prefix('表')?,
    }
    .trim_start();
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '-')
            .trim_start(),
    )
}

/// A caption without its table number, or the caption when it has none.
pub(crate) fn caption_title(caption: &str) -> &str {
    strip_table_number(caption).unwrap_or(caption)
}

/// Collapses runs of whitespace (NBSP included) to one space and trims the ends.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::strip_table_number;

    #[test]
    fn a_table_number_is_stripped_in_any_ascii_case_or_after_表() {
        for (caption, title) in [
            ("Table 4 Error codes", "Error codes"),
            ("table 4 Error codes", "Error codes"),
            ("TABLE 2-1 Codes", "Codes"),
            ("TaBlE3.2 Codes", "Codes"),
            ("表1 错误码", "错误码"),
            ("表 12 错误码", "错误码"),
            ("Table 7", ""),
        ] {
            assert_eq!(strip_table_number(caption), Some(title), "{caption}");
        }
    }

    #[test]
    fn text_without_a_table_number_is_no_caption() {
        for text in [
            "Tables of codes",
            "Table of codes",
            "Table",
            "表格 1",
            "Error codes",
            "",
            "Tabl",
            "错误码表 1",
        ] {
            assert_eq!(strip_table_number(text), None, "{text}");
        }
    }
}
