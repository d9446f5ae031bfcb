//! The document stage: a Markdown or HTML file read into plain tables of text.
//!
//! Nothing here knows about status codes; it finds every table, its header, its
//! rows and cells (visible text, with rowspan and colspan spread out), the text
//! that introduces it (its section), and the byte offset of each piece.

mod html;
mod markdown;
mod scan;

use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// Everything the engine needs from a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The first level-one heading (or `<title>`), if any.
    pub title: Option<String>,
    /// Every table, in document order.
    pub tables: Vec<Table>,
    /// How many tables could not be read (each has its own diagnostic).
    pub unreadable_tables: usize,
}

/// How a table was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableSyntax {
    /// An HTML `<table>`, in an HTML file or a Markdown HTML block.
    Html,
    /// A GitHub-flavoured Markdown pipe table.
    Pipe,
}

/// One table, its header separated from its body rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Byte offset of the table's first character.
    pub offset: usize,
    /// How the table was written.
    pub syntax: TableSyntax,
    /// The text that introduces the table: its list item, else its caption, else
    /// the nearest heading before it.
    pub section: Option<String>,
    /// The HTML `<caption>`, if any.
    pub caption: Option<String>,
    /// The header row (`<thead>`, else the first row).
    pub header: Row,
    /// The body rows, with spanned cells repeated in every row they span.
    pub rows: Vec<Row>,
}

/// One row of cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// Byte offset of the row.
    pub offset: usize,
    /// Its cells, left to right, including those spanned from rows above.
    pub cells: Vec<Cell>,
}

/// One cell's visible text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Tags stripped, entities decoded, whitespace collapsed.
    pub text: String,
    /// Byte offset of the cell.
    pub offset: usize,
}

/// Reads every table of `source`: as HTML when the path ends in `.html` or
/// `.htm`, as Markdown otherwise.
pub fn read(source: &Source) -> (Document, Vec<Diagnostic>) {
    let extension = std::path::Path::new(source.path()).extension();
    if extension.is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")) {
        html::read_document(source)
    } else {
        markdown::read_document(source)
    }
}

/// Collapses runs of whitespace to one space and trims the ends.
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
