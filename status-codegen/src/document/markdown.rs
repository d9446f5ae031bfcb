//! Markdown documents: walked with pulldown-cmark, keeping byte offsets.
//!
//! HTML tables in HTML blocks (or inline HTML) are handed to the HTML reader with
//! their raw source, so that a table split by blank lines is still read whole;
//! pipe tables are read from pulldown-cmark's table events.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::html;
use super::scan;
use super::{Cell, Document, Row, Table, TableSyntax};
use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// How many enclosing list items are searched for a table's section.
const MAX_SECTION_LOOKBACK: usize = 16;

pub(super) fn read_document(source: &Source) -> (Document, Vec<Diagnostic>) {
    let mut walker = Walker {
        source,
        document: Document::default(),
        diagnostics: Vec::new(),
        items: Vec::new(),
        heading: None,
        last_heading: None,
        skip_until: 0,
        pipe: None,
    };
    let parser = Parser::new_ext(source.text(), Options::ENABLE_TABLES).into_offset_iter();
    for (event, range) in parser {
        walker.event(event, range);
    }
    (walker.document, walker.diagnostics)
}

/// The introductory text of a list item: what comes before its first block.
struct Intro {
    text: String,
    open: bool,
}

struct PipeTable {
    offset: usize,
    section: Option<String>,
    header: Option<Row>,
    rows: Vec<Row>,
    row: Row,
    cell: Option<Cell>,
}

struct Walker<'s> {
    source: &'s Source,
    document: Document,
    diagnostics: Vec<Diagnostic>,
    items: Vec<Intro>,
    /// The text of the heading being read, and whether it is a level-one heading.
    heading: Option<(String, bool)>,
    last_heading: Option<String>,
    /// Content before this offset belongs to an HTML table already read.
    skip_until: usize,
    pipe: Option<PipeTable>,
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        let skipped = range.start < self.skip_until;
        match event {
            Event::Start(tag) => self.start(&tag, range, skipped),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) if !skipped => self.text(&text),
            Event::SoftBreak | Event::HardBreak if !skipped => self.text(" "),
            Event::Html(html) | Event::InlineHtml(html) if !skipped => {
                if html.trim_start().starts_with("<br") {
                    self.text(" ");
                }
                self.html(range);
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>, range: Range<usize>, skipped: bool) {
        if !matches!(tag, Tag::Paragraph | Tag::Item) && !is_inline(tag) {
            self.close_intro();
        }
        match tag {
            Tag::Item => self.items.push(Intro {
                text: String::new(),
                open: true,
            }),
            Tag::Heading { level, .. } => {
                self.heading = Some((String::new(), *level == HeadingLevel::H1));
            }
            Tag::Table(_) if !skipped => {
                self.pipe = Some(PipeTable {
                    offset: range.start,
                    section: self.section(),
                    header: None,
                    rows: Vec::new(),
                    row: Row::default(),
                    cell: None,
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(pipe) = &mut self.pipe {
                    pipe.row = Row {
                        offset: range.start,
                        ..Row::default()
                    };
                }
            }
            Tag::TableCell => {
                if let Some(pipe) = &mut self.pipe {
                    // Point at the cell's text, not at the space after the pipe.
                    let raw = &self.source.text()[range.clone()];
                    let indent = raw.len() - raw.trim_start().len();
                    let offset = if raw.trim().is_empty() {
                        range.start
                    } else {
                        range.start + indent
                    };
                    // pulldown-cmark pads a short row with empty-ranged cells; they
                    // were not written, so they are left out and the row stays short.
                    pipe.cell = (!range.is_empty()).then(|| Cell {
                        text: String::new(),
                        offset,
                    });
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.close_intro(),
            TagEnd::Item => {
                self.items.pop();
            }
            TagEnd::Heading(_) => {
                if let Some((text, h1)) = self.heading.take() {
                    let text = super::collapse_whitespace(&text);
                    if !text.is_empty() {
                        if h1 || self.document.title.is_none() {
                            self.document.title.get_or_insert_with(|| text.clone());
                        }
                        self.last_heading = Some(text);
                    }
                }
            }
            TagEnd::TableCell => {
                if let Some(pipe) = &mut self.pipe
                    && let Some(mut cell) = pipe.cell.take()
                {
                    cell.text = super::collapse_whitespace(&cell.text);
                    pipe.row.cells.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(pipe) = &mut self.pipe {
                    pipe.header = Some(std::mem::take(&mut pipe.row));
                }
            }
            TagEnd::TableRow => {
                if let Some(pipe) = &mut self.pipe {
                    pipe.rows.push(std::mem::take(&mut pipe.row));
                }
            }
            TagEnd::Table => {
                if let Some(pipe) = self.pipe.take() {
                    self.document.tables.push(Table {
                        offset: pipe.offset,
                        syntax: TableSyntax::Pipe,
                        section: pipe.section,
                        caption: None,
                        header: pipe.header.unwrap_or_default(),
                        rows: pipe.rows,
                    });
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(pipe) = &mut self.pipe {
            if let Some(cell) = &mut pipe.cell {
                cell.text.push_str(text);
            }
        } else if let Some((heading, _)) = &mut self.heading {
            heading.push_str(text);
        } else if let Some(intro) = self.items.last_mut().filter(|i| i.open) {
            intro.text.push_str(text);
        }
    }

    /// Raw HTML: an HTML table starting in it is read from the raw source.
    fn html(&mut self, range: Range<usize>) {
        // Scan this event's text only: an unclosed comment in it must not send
        // the scanner to the end of the document for every HTML line.
        let text = &self.source.text()[..range.end];
        let Some(tag) = scan::tags(text, range.start).find(|t| t.name == "table" && !t.closing)
        else {
            return;
        };
        self.close_intro();
        self.skip_until = html::read_table_at(
            self.source,
            &tag,
            self.item_intro(),
            self.last_heading.clone(),
            &mut self.document,
            &mut self.diagnostics,
        );
    }

    fn close_intro(&mut self) {
        if let Some(intro) = self.items.last_mut()
            && !intro.text.trim().is_empty()
        {
            intro.open = false;
        }
    }

    /// The text of the innermost list item that has any.
    fn item_intro(&self) -> Option<String> {
        // A section is never dozens of list levels up; the bound keeps absurdly
        // deep lists from costing their depth for every table.
        self.items
            .iter()
            .rev()
            .take(MAX_SECTION_LOOKBACK)
            .find(|i| !i.text.trim().is_empty())
            .map(|i| super::collapse_whitespace(&i.text))
    }

    /// The innermost list item with introductory text, else the last heading.
    fn section(&self) -> Option<String> {
        self.item_intro().or_else(|| self.last_heading.clone())
    }
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}
