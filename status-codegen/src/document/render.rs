//! A document as a browser would see it: Markdown rendered to HTML as GitHub
//! renders it (`CommonMark` with GFM tables, strikethrough and footnotes; YAML
//! front matter is not shown), raw HTML passed through.
//!
//! The start tags of tables, rows and cells carry their source offset as a
//! `data-at` attribute, the tags rendered from Markdown and the raw HTML tags
//! alike, so that the parsed tree knows where each one came from (every start
//! tag, on the rare path that locates markup nested too deep). The same pass
//! bounds how deep the markup nests and finds the `<table>`s never closed.

use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::scan;

/// The attribute that carries a start tag's byte offset in the source.
pub(crate) const OFFSET_ATTRIBUTE: &str = "data-at";

/// The Markdown extensions GitHub renders.
pub(crate) fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// Which start tags carry their offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marks {
    /// Tables, rows and cells: what the reader locates.
    Tables,
    /// Every start tag.
    All,
}

impl Marks {
    fn wants(self, name: &str) -> bool {
        self == Self::All
            || ["table", "tr", "td", "th"]
                .iter()
                .any(|t| name.eq_ignore_ascii_case(t))
    }
}

/// A document as HTML, with what the same pass learned about it.
#[derive(Debug, Clone)]
pub(crate) struct Rendering {
    /// The HTML.
    pub(crate) html: String,
    /// At least as deep as the markup nests (the raw HTML's depth plus the
    /// rendered elements'): when it is within the limit, the markup is.
    pub(crate) depth_bound: usize,
    /// Source offsets of `<table>` tags with no matching `</table>`.
    pub(crate) unclosed: Vec<usize>,
}

/// What marking raw HTML keeps across its pieces.
#[derive(Debug, Default)]
struct RawState {
    depth: scan::Depth,
    open_tables: Vec<usize>,
}

/// An HTML document, its tags marked.
pub(crate) fn html(text: &str, marks: Marks) -> Rendering {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut raw = RawState::default();
    mark_tags(&mut out, text, &[(0, 0)], marks, &mut raw);
    Rendering {
        html: out,
        depth_bound: raw.depth.deepest,
        unclosed: raw.open_tables,
    }
}

/// A Markdown document rendered to HTML, its tags marked.
pub(crate) fn markdown(text: &str, marks: Marks) -> Rendering {
    let mut renderer = Renderer {
        text,
        out: String::with_capacity(text.len() + text.len() / 2),
        block: None,
        table: None,
        image: 0,
        metadata: false,
        marks,
        raw: RawState::default(),
        depth: 0,
        deepest: 0,
    };
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        renderer.event(event, range);
    }
    Rendering {
        depth_bound: renderer.deepest + renderer.raw.depth.deepest,
        unclosed: renderer.raw.open_tables,
        html: renderer.out,
    }
}

/// Raw HTML collected over the lines of one HTML block, with where each piece
/// starts in the source (list indentation and `> ` are not part of it).
struct RawBlock {
    text: String,
    /// (offset in `text`, offset in the source), sorted.
    segments: Vec<(usize, usize)>,
}

struct TableState {
    alignments: Vec<Alignment>,
    in_head: bool,
    cell: usize,
}

struct Renderer<'t> {
    text: &'t str,
    out: String,
    block: Option<RawBlock>,
    table: Option<TableState>,
    /// Inside an image: its text is alt text, not content.
    image: usize,
    metadata: bool,
    marks: Marks,
    raw: RawState,
    /// Rendered elements open now, and the most at once.
    depth: usize,
    deepest: usize,
}

impl Renderer<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if self.metadata && !matches!(event, Event::End(TagEnd::MetadataBlock(_))) {
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(block) = &mut self.block {
                    // Indentation pulldown-cmark keeps inside an HTML block.
                    block.text.push_str(&text);
                } else if self.image == 0 {
                    escape(&mut self.out, &text);
                }
            }
            // Inside an image everything is alt text: not shown, not markup.
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
                if self.image > 0 => {}
            Event::Code(text) => {
                if self.image == 0 {
                    self.open("code", range.start, "");
                    escape(&mut self.out, &text);
                    self.out.push_str("</code>");
                }
            }
            Event::Html(text) => match &mut self.block {
                Some(block) => {
                    block.segments.push((block.text.len(), range.start));
                    block.text.push_str(&text);
                }
                None => mark_tags(
                    &mut self.out,
                    &text,
                    &[(0, range.start)],
                    self.marks,
                    &mut self.raw,
                ),
            },
            Event::InlineHtml(text) => {
                mark_tags(
                    &mut self.out,
                    &text,
                    &[(0, range.start)],
                    self.marks,
                    &mut self.raw,
                );
            }
            Event::SoftBreak => self.out.push('\n'),
            Event::HardBreak => {
                self.open("br", range.start, "");
                self.out.push('\n');
            }
            Event::Rule => {
                self.open("hr", range.start, "");
                self.out.push('\n');
            }
            Event::FootnoteReference(label) => {
                self.open("sup", range.start, " class=\"footnote-reference\"");
                escape(&mut self.out, &label);
                self.out.push_str("</sup>");
            }
            Event::TaskListMarker(checked) => {
                let checked = if checked { " checked" } else { "" };
                self.open(
                    "input",
                    range.start,
                    &format!(" disabled type=\"checkbox\"{checked}"),
                );
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => escape(&mut self.out, &text),
        }
    }

    /// Writes `<name data-at="offset"{attributes}>` (the offset only when the
    /// marks want it).
    fn open(&mut self, name: &str, offset: usize, attributes: &str) {
        if self.marks.wants(name) {
            let _ = write!(
                self.out,
                "<{name} {OFFSET_ATTRIBUTE}=\"{offset}\"{attributes}>"
            );
        } else {
            let _ = write!(self.out, "<{name}{attributes}>");
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let at = range.start;
        if !matches!(
            tag,
            Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::Image { .. }
        ) {
            self.depth += 1;
            self.deepest = self.deepest.max(self.depth + 1);
        }
        match tag {
            Tag::Paragraph => self.open("p", at, ""),
            Tag::Heading { level, .. } => self.open(&format!("{level}"), at, ""),
            Tag::BlockQuote(_) => self.open("blockquote", at, ""),
            Tag::CodeBlock(kind) => self.code_block(&kind, at),
            Tag::HtmlBlock => {
                self.block = Some(RawBlock {
                    text: String::new(),
                    segments: Vec::new(),
                });
            }
            Tag::List(Some(1)) => self.open("ol", at, ""),
            Tag::List(Some(first)) => self.open("ol", at, &format!(" start=\"{first}\"")),
            Tag::List(None) => self.open("ul", at, ""),
            Tag::Item => self.open("li", at, ""),
            Tag::FootnoteDefinition(label) => self.footnote_definition(&label, at),
            Tag::Table(alignments) => {
                self.open("table", at, "");
                self.table = Some(TableState {
                    alignments,
                    in_head: false,
                    cell: 0,
                });
            }
            Tag::TableHead | Tag::TableRow => self.table_row(&tag, at),
            Tag::TableCell => self.table_cell(range),
            Tag::Emphasis => self.open("em", at, ""),
            Tag::Strong => self.open("strong", at, ""),
            Tag::Strikethrough => self.open("del", at, ""),
            Tag::Superscript => self.open("sup", at, ""),
            Tag::Subscript => self.open("sub", at, ""),
            Tag::Link { dest_url, .. } => {
                let mut attributes = String::from(" href=\"");
                escape(&mut attributes, &dest_url);
                attributes.push('"');
                self.open("a", at, &attributes);
            }
            Tag::Image { .. } => {
                // Alt text is not visible text: the image is shown instead.
                if self.image == 0 {
                    self.open("img", at, "");
                }
                self.image += 1;
            }
            Tag::MetadataBlock(_) => self.metadata = true,
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {}
        }
    }

    fn code_block(&mut self, kind: &CodeBlockKind<'_>, at: usize) {
        self.open("pre", at, "");
        let language = match kind {
            CodeBlockKind::Fenced(info) if !info.is_empty() => {
                let mut class = String::from(" class=\"language-");
                escape(&mut class, info.split_whitespace().next().unwrap_or(""));
                class.push('"');
                class
            }
            _ => String::new(),
        };
        self.open("code", at, &language);
    }

    fn footnote_definition(&mut self, label: &str, at: usize) {
        let mut attributes = String::from(" class=\"footnote-definition\" id=\"");
        escape(&mut attributes, label);
        attributes.push('"');
        self.open("div", at, &attributes);
        self.open("sup", at, " class=\"footnote-definition-label\"");
        escape(&mut self.out, label);
        self.out.push_str("</sup>");
    }

    /// The head row (in `<thead>`) or a body row of a pipe table.
    fn table_row(&mut self, tag: &Tag<'_>, at: usize) {
        let head = matches!(tag, Tag::TableHead);
        if head {
            self.open("thead", at, "");
        }
        self.open("tr", at, "");
        if let Some(table) = &mut self.table {
            table.in_head |= head;
            table.cell = 0;
        }
    }

    /// A pipe-table cell: `<th>` in the head, `<td>` in the body, pointing at
    /// its text rather than at the space after the pipe. A cell pulldown-cmark
    /// adds to fill a short row (empty range) was not written: GitHub shows it
    /// empty, and `data-pad` says so.
    fn table_cell(&mut self, range: Range<usize>) {
        let Some(table) = &mut self.table else {
            return;
        };
        let name = if table.in_head { "th" } else { "td" };
        let align = match table.alignments.get(table.cell) {
            Some(Alignment::Left) => " style=\"text-align: left\"",
            Some(Alignment::Center) => " style=\"text-align: center\"",
            Some(Alignment::Right) => " style=\"text-align: right\"",
            _ => "",
        };
        table.cell += 1;
        let raw = &self.text[range.clone()];
        let offset = if range.is_empty() {
            // pulldown-cmark puts a padding cell where the row's line ends,
            // which may be the start of the next line: point just past the
            // row's last written character instead.
            self.text[..range.start].trim_end().len()
        } else if raw.trim().is_empty() {
            range.start
        } else {
            range.start + (raw.len() - raw.trim_start().len())
        };
        let pad = if range.is_empty() { " data-pad" } else { "" };
        self.open(name, offset, &format!("{align}{pad}"));
    }

    fn end(&mut self, tag: TagEnd) {
        if !matches!(
            tag,
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image
        ) {
            self.depth = self.depth.saturating_sub(1);
        }
        let close = match tag {
            TagEnd::Paragraph => "</p>\n",
            TagEnd::Heading(level) => {
                let _ = writeln!(self.out, "</{level}>");
                return;
            }
            TagEnd::BlockQuote(_) => "</blockquote>\n",
            TagEnd::CodeBlock => "</code></pre>\n",
            TagEnd::HtmlBlock => {
                if let Some(block) = self.block.take() {
                    mark_tags(
                        &mut self.out,
                        &block.text,
                        &block.segments,
                        self.marks,
                        &mut self.raw,
                    );
                }
                return;
            }
            TagEnd::List(true) => "</ol>\n",
            TagEnd::List(false) => "</ul>\n",
            TagEnd::Item => "</li>\n",
            TagEnd::FootnoteDefinition => "</div>\n",
            TagEnd::Table => {
                self.table = None;
                "</tbody></table>\n"
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.in_head = false;
                }
                "</tr></thead><tbody>\n"
            }
            TagEnd::TableRow => "</tr>\n",
            TagEnd::TableCell => match &self.table {
                Some(table) if table.in_head => "</th>",
                _ => "</td>",
            },
            TagEnd::Emphasis => "</em>",
            TagEnd::Strong => "</strong>",
            TagEnd::Strikethrough => "</del>",
            TagEnd::Superscript => "</sup>",
            TagEnd::Subscript => "</sub>",
            TagEnd::Link => "</a>",
            TagEnd::Image => {
                self.image = self.image.saturating_sub(1);
                ""
            }
            TagEnd::MetadataBlock(_) => {
                self.metadata = false;
                ""
            }
            TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => "",
        };
        self.out.push_str(close);
    }
}

/// Copies raw HTML into `out`, adding the source offset to the start tags
/// `marks` wants, while counting how deep it nests and which tables stay open.
/// `segments` maps offsets in `raw` to offsets in the source: (raw, source),
/// sorted, the first at 0.
fn mark_tags(
    out: &mut String,
    raw: &str,
    segments: &[(usize, usize)],
    marks: Marks,
    state: &mut RawState,
) {
    let mut copied = 0;
    for tag in scan::tags(raw, 0) {
        state.depth.visit(&tag, raw);
        let is_table = tag.is("table");
        if tag.closing {
            if is_table {
                state.open_tables.pop();
            }
            continue;
        }
        let wanted = marks.wants(tag.name);
        if !wanted && !is_table {
            continue;
        }
        let segment = segments.partition_point(|(at, _)| *at <= tag.start);
        let (raw_at, source_at) = segments[segment.saturating_sub(1)];
        let offset = source_at + (tag.start - raw_at);
        if is_table {
            state.open_tables.push(offset);
        }
        if wanted {
            out.push_str(&raw[copied..tag.name_end]);
            let _ = write!(out, " {OFFSET_ATTRIBUTE}=\"{offset}\"");
            copied = tag.name_end;
        }
    }
    out.push_str(&raw[copied..]);
}

fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_tags_get_their_source_offsets() {
        let text =
            "- Normal\n\n    <table><tr><td\n      class=\"x\">200</td></tr>\n    </table>\n";
        let html = markdown(text, Marks::Tables).html;
        let td = text.find("<td").unwrap();
        assert!(html.contains(&format!("<td data-at=\"{td}\"\n")), "{html}");
        let table = text.find("<table").unwrap();
        assert!(
            html.contains(&format!("<table data-at=\"{table}\">")),
            "{html}"
        );
    }

    #[test]
    fn pipe_cells_point_at_their_text_and_padding_is_marked() {
        let text = "| a | b |\n|---|---|\n|  x |\n";
        let html = markdown(text, Marks::Tables).html;
        let x = text.find('x').unwrap();
        assert!(
            html.contains(&format!("<td data-at=\"{x}\">x</td>")),
            "{html}"
        );
        assert!(html.contains("data-pad></td>"), "{html}");
    }

    #[test]
    fn front_matter_and_image_text_are_not_content() {
        let html = markdown("---\ntitle: x\n---\n![alt text](a.png) shown\n", Marks::All).html;
        assert!(!html.contains("title"), "{html}");
        assert!(!html.contains("alt text"), "{html}");
        assert!(html.contains("shown"), "{html}");
    }
}
