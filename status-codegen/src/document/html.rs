//! HTML tables: the structure and text come from scraper, the positions from
//! the tag scanner (scraper keeps none).

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::scan::{self, Tag};
use super::{Cell, Document, Row, Table, TableSyntax, collapse_whitespace};
use crate::diagnostic::{Diagnostic, MAX_DIAGNOSTICS};
use crate::source::Source;

/// Columns past this are not read: no real status table is wider, and it bounds
/// the work hostile spans can cause (rowspans carried down a staircase of rows
/// would otherwise widen the table with every row).
const MAX_COLUMNS: usize = 64;

/// Tables whose markup nests deeper than this are refused (see `read_table`).
const MAX_DEPTH: usize = 256;

/// Elements whose boundaries separate words even when the source has no space.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "table",
    "caption",
    "hr",
];

/// Reads a whole `.html` file: headings give sections, `<title>` or the first
/// `<h1>` gives the title, and every top-level `<table>` is read.
pub(super) fn read_document(source: &Source) -> (Document, Vec<Diagnostic>) {
    let text = source.text();
    let mut document = Document::default();
    let mut diagnostics = Vec::new();
    let mut heading: Option<String> = None;
    let mut pos = 0;
    while let Some(tag) = scan::tags(text, pos).find(|t| !t.closing && is_interesting(&t.name)) {
        if tag.name == "table" {
            pos = read_table_at(
                source,
                &tag,
                None,
                heading.clone(),
                &mut document,
                &mut diagnostics,
            );
            continue;
        }
        // A heading or the title: its text up to the matching end tag.
        let close = scan::tags(text, tag.end).find(|t| t.closing && t.name == tag.name);
        let end = close.as_ref().map_or(text.len(), |t| t.start);
        let content = fragment_text(&text[tag.end..end]);
        pos = close.map_or(text.len(), |t| t.end);
        if tag.name == "title" || tag.name == "h1" {
            document.title.get_or_insert_with(|| content.clone());
        }
        if tag.name != "title" && !content.is_empty() {
            heading = Some(content);
        }
    }
    (document, diagnostics)
}

fn is_interesting(name: &str) -> bool {
    matches!(
        name,
        "table" | "title" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
    )
}

/// Reads the table whose start tag is `tag` and returns the offset after it.
///
/// Its section is the list item it sits in, else its caption, else the heading.
pub(super) fn read_table_at(
    source: &Source,
    tag: &Tag,
    item: Option<String>,
    heading: Option<String>,
    document: &mut Document,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let text = source.text();
    // Past the cap a problem is only counted (as a cheap file-level entry that
    // the summary line counts): locating it would cost a scan of its line.
    let mut report = |message: &str, label: &str| {
        document.unreadable_tables += 1;
        diagnostics.push(if diagnostics.len() < MAX_DIAGNOSTICS {
            Diagnostic::at(source, tag.start, message).with_label(label)
        } else {
            Diagnostic::file(source.path(), message)
        });
    };
    let Some(end) = scan::table_end(text, tag.start) else {
        report(
            "unclosed <table>: expected a matching </table> before the end of the document",
            "this table is never closed",
        );
        return text.len();
    };
    match read_table(source, tag.start, end, item, heading) {
        Ok(table) => document.tables.push(table),
        Err(message) => report(&message, "this table cannot be read"),
    }
    end
}

/// Reads the table in `source.text()[start..end]`.
fn read_table(
    source: &Source,
    start: usize,
    end: usize,
    item: Option<String>,
    heading: Option<String>,
) -> Result<Table, String> {
    let raw = &source.text()[start..end];
    let positions = RowPositions::scan(raw, start);
    // html5ever slows down quadratically on very deep markup; no real table
    // nests anywhere near this deep.
    let depth = positions.deepest;
    if depth > MAX_DEPTH {
        return Err(format!(
            "HTML table nests elements {depth} levels deep: expected at most {MAX_DEPTH}"
        ));
    }
    let fragment = Html::parse_fragment(raw);
    let Some(table) = fragment
        .root_element()
        .descendent_elements()
        .find(|e| e.value().name() == "table")
    else {
        return Err("broken HTML table: no <table> element could be read here".to_owned());
    };
    let mut caption = None;
    let mut physical = Vec::new();
    collect_rows(table, &mut caption, &mut physical);
    if physical.is_empty() {
        return Err(
            "HTML table has no rows: expected <tr> rows with <th> or <td> cells".to_owned(),
        );
    }

    let mut rows = Vec::with_capacity(physical.len());
    let mut spans: Vec<Option<(Cell, usize)>> = Vec::new();
    let mut header_index = None;
    for (index, row) in physical.iter().enumerate() {
        let row_offset = positions.row(index).unwrap_or(start);
        let mut cells = Vec::with_capacity(row.cells.len());
        let mut column = 0;
        for (cell_index, element) in row.cells.iter().enumerate() {
            carry_spans(&mut cells, &mut column, &mut spans);
            if column >= MAX_COLUMNS {
                break;
            }
            let cell = Cell {
                text: element_text(*element),
                offset: positions.cell(index, cell_index).unwrap_or(row_offset),
            };
            let colspan = span(*element, "colspan").min(MAX_COLUMNS - column.min(MAX_COLUMNS));
            let rowspan = span(*element, "rowspan");
            for _ in 0..colspan {
                if rowspan > 1 {
                    if spans.len() <= column {
                        spans.resize(column + 1, None);
                    }
                    spans[column] = Some((cell.clone(), rowspan - 1));
                }
                cells.push(cell.clone());
                column += 1;
            }
        }
        // Spans from earlier rows that continue right after this row's last cell.
        carry_spans(&mut cells, &mut column, &mut spans);
        if row.in_head && header_index.is_none() {
            header_index = Some(index);
        }
        rows.push(Row {
            offset: row_offset,
            cells,
        });
    }
    let header = rows.remove(header_index.unwrap_or(0));
    Ok(Table {
        offset: start,
        syntax: TableSyntax::Html,
        section: item.or_else(|| caption.clone()).or(heading),
        caption,
        header,
        rows,
    })
}

/// Copies into `cells` the cells of earlier rows whose rowspan covers `column`
/// onwards, until a column that no span covers.
fn carry_spans(cells: &mut Vec<Cell>, column: &mut usize, spans: &mut [Option<(Cell, usize)>]) {
    while let Some(slot) = spans.get_mut(*column) {
        let Some((cell, left)) = slot else { break };
        cells.push(cell.clone());
        *left -= 1;
        if *left == 0 {
            *slot = None;
        }
        *column += 1;
    }
}

struct PhysicalRow<'a> {
    cells: Vec<ElementRef<'a>>,
    in_head: bool,
}

/// The rows of `table` itself, not of tables nested in its cells.
fn collect_rows<'a>(
    table: ElementRef<'a>,
    caption: &mut Option<String>,
    rows: &mut Vec<PhysicalRow<'a>>,
) {
    // An explicit stack, not recursion: markup nests as deep as a document likes.
    let mut stack: Vec<(ElementRef<'a>, bool)> = Vec::new();
    let push_children =
        |stack: &mut Vec<(ElementRef<'a>, bool)>, parent: ElementRef<'a>, in_head: bool| {
            let start = stack.len();
            stack.extend(parent.child_elements().map(|c| (c, in_head)));
            stack[start..].reverse(); // popped in document order
        };
    push_children(&mut stack, table, false);
    while let Some((element, in_head)) = stack.pop() {
        match element.value().name() {
            "table" => {}
            "caption" => *caption = Some(element_text(element)).filter(|c| !c.is_empty()),
            "tr" => rows.push(PhysicalRow {
                cells: element
                    .child_elements()
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .collect(),
                in_head,
            }),
            name => {
                let in_head = in_head || name == "thead";
                push_children(&mut stack, element, in_head);
            }
        }
    }
}

fn span(element: ElementRef<'_>, name: &str) -> usize {
    element
        .value()
        .attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |n| n.max(1))
}

/// The visible text of an element: tags stripped, entities decoded (by the
/// parser), block boundaries kept as spaces, whitespace collapsed. The tree is
/// walked edge by edge, so deep nesting costs no stack.
fn element_text(element: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut hidden = 0usize; // inside script, style or template
    for edge in element.traverse() {
        let (node, open) = match edge {
            Edge::Open(node) => (node, true),
            Edge::Close(node) => (node, false),
        };
        match node.value() {
            Node::Text(text) if open && hidden == 0 => out.push_str(text),
            Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {
                if open {
                    hidden += 1;
                } else {
                    hidden -= 1;
                }
            }
            Node::Element(e) if BLOCK_ELEMENTS.contains(&e.name()) => out.push(' '),
            _ => {}
        }
    }
    collapse_whitespace(&out)
}

/// The visible text of an HTML fragment (a heading's content).
pub(super) fn fragment_text(raw: &str) -> String {
    if !raw.contains(['<', '&']) {
        return collapse_whitespace(raw);
    }
    element_text(Html::parse_fragment(raw).root_element())
}

/// Byte offsets of the rows and cells of one table, from the tag scanner, and
/// in the same pass how deep its markup nests.
struct RowPositions {
    rows: Vec<(usize, Vec<usize>)>,
    deepest: usize,
}

impl RowPositions {
    fn scan(raw: &str, base: usize) -> Self {
        let mut rows: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut depth = 0usize;
        let mut nesting = scan::Depth::default();
        for tag in scan::tags(raw, 0) {
            nesting.visit(&tag, raw);
            match (tag.name.as_str(), tag.closing) {
                ("table", false) => depth += 1,
                ("table", true) => depth = depth.saturating_sub(1),
                ("tr", false) if depth == 1 => rows.push((base + tag.start, Vec::new())),
                ("td" | "th", false) if depth == 1 => {
                    if let Some((_, cells)) = rows.last_mut() {
                        cells.push(base + tag.start);
                    }
                }
                _ => {}
            }
        }
        Self {
            rows,
            deepest: nesting.deepest,
        }
    }

    fn row(&self, index: usize) -> Option<usize> {
        self.rows.get(index).map(|(offset, _)| *offset)
    }

    fn cell(&self, row: usize, cell: usize) -> Option<usize> {
        self.rows.get(row)?.1.get(cell).copied()
    }
}
