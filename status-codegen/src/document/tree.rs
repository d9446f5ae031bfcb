//! The parsed tree, walked once in document order: headings give sections and
//! the title, and every `<table>` element (nested ones too) is read with the
//! text that introduces it.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;

use super::dom::{self, Element, Node};
use super::grid::{self, Written, WrittenRow};
use super::render::{Marks, OFFSET_ATTRIBUTE, Rendering};
use super::text::visible_text;
use super::{Document, MAX_DEPTH, Syntax, Table, scan};
use crate::diagnostic::Diagnostics;
use crate::source::Source;

/// Reads the tables of `rendering`, the HTML of `source`.
pub(super) fn read(
    source: &Source,
    syntax: Syntax,
    rendering: &Rendering,
    diagnostics: &mut Diagnostics,
) -> Document {
    if let Some(offset) = too_deep(source, syntax, rendering) {
        diagnostics.error(
            source,
            offset,
            || format!("the document nests elements more than {MAX_DEPTH} levels deep: expected a document a browser can show"),
            "too deep",
        );
        return Document {
            refused: true,
            ..Document::default()
        };
    }
    let tree = dom::parse(&rendering.html);
    let unclosed = &rendering.unclosed;
    let mut reader = Reader {
        source,
        document: Document::default(),
        heading: None,
    };
    for edge in tree.root().traverse() {
        let Edge::Close(node) = edge else {
            if let Edge::Open(node) = edge
                && node
                    .value()
                    .as_element()
                    .is_some_and(|e| e.name() == "table")
            {
                reader.table(node, unclosed);
            }
            continue;
        };
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title") {
            let text = visible_text(node);
            if !text.is_empty() {
                reader.document.title.get_or_insert_with(|| text.clone());
                if name != "title" {
                    reader.heading = Some(text);
                }
            }
        }
    }
    reader.document
}

/// The source offset of the first tag past [`MAX_DEPTH`], if the markup nests
/// that deep. The rendering's bound settles nearly every document; past it the
/// HTML is walked, and the rare document that is too deep rendered again with
/// every tag marked, to say where.
fn too_deep(source: &Source, syntax: Syntax, rendering: &Rendering) -> Option<usize> {
    if rendering.depth_bound <= MAX_DEPTH {
        return None;
    }
    deepest_tag(&rendering.html)?;
    let marked = super::rendered(source, syntax, Marks::All);
    let tag = deepest_tag(&marked.html)?;
    let offset = tag
        .split_once(&format!("{OFFSET_ATTRIBUTE}=\""))
        .and_then(|(_, rest)| rest.split('"').next()?.parse().ok());
    Some(offset.unwrap_or(0))
}

/// The first tag of `html` past [`MAX_DEPTH`], as written.
fn deepest_tag(html: &str) -> Option<&str> {
    let mut depth = scan::Depth::default();
    scan::tags(html, 0).find_map(|tag| {
        depth.visit(&tag, html);
        (depth.deepest > MAX_DEPTH).then(|| &html[tag.start..tag.end])
    })
}

struct Reader<'s> {
    source: &'s Source,
    document: Document,
    heading: Option<String>,
}

impl Reader<'_> {
    fn table(&mut self, table: NodeRef<'_, Node>, unclosed: &[usize]) {
        let offset = self.offset(table).unwrap_or(0);
        let (written, caption) = self.written_rows(table, offset);
        let (rows, width) = grid::spread(written);
        let caption = caption.or_else(|| caption_paragraph(table)).or_else(|| {
            rows.iter()
                .find(|r| r.kind == grid::RowKind::Title)
                .and_then(|r| r.cells.first())
                .map(|c| c.text.clone())
                .filter(|t| !t.is_empty())
        });
        let section = item_label(table)
            .or_else(|| caption_element(table))
            .or_else(|| self.heading.clone());
        self.document.tables.push(Table {
            index: self.document.tables.len(),
            offset,
            section,
            caption,
            rows,
            width,
            unclosed: unclosed.binary_search(&offset).is_ok(),
        });
    }

    /// The rows of `table` itself (not of tables nested in its cells), and its
    /// `<caption>`.
    fn written_rows(
        &self,
        table: NodeRef<'_, Node>,
        offset: usize,
    ) -> (Vec<WrittenRow>, Option<String>) {
        let mut rows = Vec::new();
        let mut caption = None;
        // Rows of one group (a thead, tbody, tfoot, or the rows between them)
        // share rowspans; a span never crosses into the next group.
        let mut group = 0;
        let mut loose = false;
        for (child, element) in dom::child_elements(table) {
            match element.name() {
                "caption" => caption = Some(visible_text(child)).filter(|c| !c.is_empty()),
                "thead" | "tbody" | "tfoot" => {
                    group += 1;
                    loose = false;
                    let in_head = element.name() == "thead";
                    for (tr, _) in dom::child_elements(child).filter(|(_, e)| e.name() == "tr") {
                        rows.push(self.row(tr, in_head, group, offset));
                    }
                }
                "tr" => {
                    if !loose {
                        group += 1;
                        loose = true;
                    }
                    rows.push(self.row(child, false, group, offset));
                }
                _ => {}
            }
        }
        (rows, caption)
    }

    fn row(
        &self,
        tr: NodeRef<'_, Node>,
        in_head: bool,
        group: usize,
        table_offset: usize,
    ) -> WrittenRow {
        let cells: Vec<Written> = dom::child_elements(tr)
            .filter(|(_, e)| matches!(e.name(), "td" | "th"))
            .map(|(cell, element)| {
                let text = visible_text(cell);
                Written {
                    offset: self.text_offset(cell, &text).unwrap_or(table_offset),
                    text,
                    rowspan: span(element, "rowspan"),
                    colspan: span(element, "colspan"),
                    // A cell pulldown-cmark adds to fill a short pipe row.
                    padded: element.attr("data-pad").is_some(),
                    bold: is_bold(cell),
                }
            })
            .collect();
        let offset = self
            .offset(tr)
            .or_else(|| cells.first().map(|c| c.offset))
            .unwrap_or(table_offset);
        WrittenRow {
            offset,
            in_head,
            group,
            cells,
        }
    }

    /// The source offset an element's start tag was marked with.
    fn offset(&self, node: NodeRef<'_, Node>) -> Option<usize> {
        let offset: usize = node
            .value()
            .as_element()?
            .attr(OFFSET_ATTRIBUTE)?
            .parse()
            .ok()?;
        (offset <= self.source.text().len()).then_some(offset)
    }

    /// Where a cell's text starts: past its `<td …><p …><a …></a>` markup, when
    /// the first character found there is the text's own; else (an empty cell,
    /// text the scan cannot find) the cell's start tag.
    fn text_offset(&self, cell: NodeRef<'_, Node>, text: &str) -> Option<usize> {
        let offset = self.offset(cell)?;
        let source = self.source.text();
        if !source[offset..].starts_with('<') {
            return Some(offset); // a pipe-table cell already points at its text
        }
        let found = text.chars().next().and_then(|first| {
            let found = scan::text_start(source, offset, source.len())?;
            let at = source[found..].chars().next()?;
            (at == first || at == '&').then_some(found)
        });
        Some(found.unwrap_or(offset))
    }
}

/// A `rowspan`/`colspan`, read as browsers read it (HTML's rules for
/// non-negative integers: leading whitespace and `+` skipped, the digits up to
/// the first other character, a huge number the largest), from 1 to 65534.
fn span(cell: &Element, name: &str) -> usize {
    let Some(value) = cell.attr(name) else {
        return 1;
    };
    let value = value.trim_start_matches([' ', '\t', '\n', '\x0C', '\r']);
    let value = value.strip_prefix('+').unwrap_or(value);
    let digits: &str = &value[..value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len())];
    if digits.is_empty() {
        return 1;
    }
    let value = digits.parse::<usize>().unwrap_or(usize::MAX);
    // `rowspan="0"` spans to the end of the row group (the HTML rule); the
    // grid ends every rowspan with its group.
    if value == 0 && name == "rowspan" {
        return 65_534;
    }
    value.clamp(1, 65_534)
}

/// Whether a node shows nothing: whitespace, an empty anchor, an empty
/// paragraph. Such nodes sit between a table and what introduces it.
fn is_blank(node: NodeRef<'_, Node>) -> bool {
    match node.value() {
        Node::Text(text) => text.trim().is_empty(),
        Node::Element(e) => {
            !matches!(e.name(), "table" | "ul" | "ol" | "img" | "hr")
                && visible_text(node).is_empty()
        }
        _ => true, // comments, doctypes, processing instructions
    }
}

/// Whether every visible character of a cell is emphasised (inside
/// `<strong>`, `<b>`, `<em>` or `<i>`), and there is one.
fn is_bold(cell: NodeRef<'_, Node>) -> bool {
    let mut bold = 0usize;
    let mut any = false;
    for edge in cell.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if matches!(e.name(), "strong" | "b" | "em" | "i") => bold += 1,
                Node::Text(text) if !text.trim().is_empty() => {
                    if bold == 0 {
                        return false;
                    }
                    any = true;
                }
                _ => {}
            },
            Edge::Close(node) => {
                if node
                    .value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "strong" | "b" | "em" | "i"))
                {
                    bold = bold.saturating_sub(1);
                }
            }
        }
    }
    any
}

/// Whether a paragraph's text names a table: `Table 4 Error codes`, `表1 错误码`.
fn is_caption_text(text: &str) -> bool {
    super::strip_table_number(text).is_some()
}

/// The element just before `node`, past blank nodes.
fn previous_shown(node: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    let mut previous = node.prev_sibling();
    while let Some(p) = previous {
        if !is_blank(p) {
            return Some(p);
        }
        previous = p.prev_sibling();
    }
    None
}

/// The `Table N …` paragraph right above a table.
fn caption_paragraph(table: NodeRef<'_, Node>) -> Option<String> {
    let previous = previous_shown(table)?;
    let element = previous.value().as_element()?;
    if !matches!(element.name(), "p" | "div" | "strong" | "b") {
        return None;
    }
    let text = visible_text(previous);
    is_caption_text(&text).then_some(text)
}

fn caption_element(table: NodeRef<'_, Node>) -> Option<String> {
    dom::child_elements(table)
        .find(|(_, e)| e.name() == "caption")
        .map(|(c, _)| visible_text(c))
        .filter(|c| !c.is_empty())
}

/// The text of the list item a table sits in, or of a list item just before it.
///
/// In an item, the table's label is the first text of the part of the item
/// since the previous table (an item may hold "Normal", a table, "Abnormal", a
/// table), else the item's first text.
fn item_label(table: NodeRef<'_, Node>) -> Option<String> {
    let mut child = table;
    for ancestor in table.ancestors() {
        if ancestor
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "li")
        {
            let caption = caption_paragraph(table);
            let mut segment = Vec::new();
            let mut previous = child.prev_sibling();
            while let Some(p) = previous {
                if holds_table(p) {
                    break;
                }
                segment.push(p);
                previous = p.prev_sibling();
            }
            segment.reverse();
            return first_text(&segment, caption.as_deref()).or_else(|| {
                first_text(&ancestor.children().collect::<Vec<_>>(), caption.as_deref())
            });
        }
        child = ancestor;
    }
    // Not in a list: a list just before the table introduces it when its last
    // item holds no table of its own.
    let mut previous = previous_shown(table)?;
    if caption_paragraph(table).is_some() {
        previous = previous_shown(previous)?;
    }
    let element = previous.value().as_element()?;
    if !matches!(element.name(), "ul" | "ol") {
        return None;
    }
    let last = previous
        .children()
        .filter(|c| c.value().as_element().is_some_and(|e| e.name() == "li"))
        .last()?;
    if holds_table(last) {
        return None;
    }
    first_text(&last.children().collect::<Vec<_>>(), None)
}

fn holds_table(node: NodeRef<'_, Node>) -> bool {
    node.descendants()
        .any(|d| d.value().as_element().is_some_and(|e| e.name() == "table"))
}

/// The first run of text among `nodes`: inline content up to a block, or the
/// text of a paragraph. `caption` (the table's `Table N` paragraph) does not count.
fn first_text(nodes: &[NodeRef<'_, Node>], caption: Option<&str>) -> Option<String> {
    let mut inline = String::new();
    for node in nodes {
        let block = node.value().as_element().is_some_and(|e| {
            matches!(
                e.name(),
                "p" | "div"
                    | "ul"
                    | "ol"
                    | "table"
                    | "pre"
                    | "blockquote"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "hr"
                    | "dl"
            )
        });
        if !block {
            if let Node::Text(text) = node.value() {
                inline.push_str(text);
            } else {
                inline.push(' ');
                inline.push_str(&visible_text(*node));
                inline.push(' ');
            }
            continue;
        }
        let run = super::collapse_whitespace(&inline);
        if !run.is_empty() {
            return Some(run);
        }
        inline.clear();
        let name = node.value().as_element().map(Element::name);
        if matches!(name, Some("p" | "div")) {
            let text = visible_text(*node);
            if !text.is_empty() && Some(text.as_str()) != caption && !holds_table(*node) {
                return Some(text);
            }
        }
    }
    Some(super::collapse_whitespace(&inline)).filter(|t| !t.is_empty())
}
