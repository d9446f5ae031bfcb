//! Visible text: what a reader sees of an element.
//!
//! Text content with entities decoded (by the parser); block elements and `<br>`
//! separate words; whitespace, NBSP included, collapsed. Not visible: scripts,
//! styles, templates, `<sup>` footnote marks and references, and the text of a
//! table nested inside (it is read as a table of its own).

use super::dom::Node;
use ego_tree::NodeRef;
use ego_tree::iter::Edge;

/// Elements whose boundaries separate words even when the source has no
/// space: those a browser lays out apart from the text around them (block,
/// list-item and table boxes, by the HTML Standard's rendering rules), and
/// the line break. Sorted, for a binary search.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "xmp",
];

/// Elements whose content a reader does not see as the element's text.
const HIDDEN_ELEMENTS: &[&str] = &["script", "style", "template", "sup", "table", "noscript"];

/// The visible text of `node`, collapsed. A `table` given as `node` itself is
/// read (its nested tables are not).
pub(crate) fn visible_text(node: NodeRef<'_, Node>) -> String {
    let mut out = Collapsed::default();
    let mut hidden = 0usize;
    for edge in node.traverse() {
        let (child, open) = match edge {
            Edge::Open(child) => (child, true),
            Edge::Close(child) => (child, false),
        };
        match child.value() {
            Node::Text(text) if open && hidden == 0 => out.push_str(text),
            Node::Element(element) => {
                let name = element.name();
                if child != node && HIDDEN_ELEMENTS.contains(&name) {
                    if open {
                        hidden += 1;
                    } else {
                        hidden -= 1;
                    }
                } else if hidden == 0 && BLOCK_ELEMENTS.binary_search(&name).is_ok() {
                    out.space();
                }
            }
            _ => {}
        }
    }
    out.text
}

/// Text with whitespace runs (NBSP included) collapsed to one space as it is
/// written, and no space at either end: one pass, one allocation.
#[derive(Default)]
struct Collapsed {
    text: String,
    /// A space is owed before the next word.
    space: bool,
}

impl Collapsed {
    fn space(&mut self) {
        self.space = !self.text.is_empty();
    }

    fn push_str(&mut self, text: &str) {
        // The pieces between whitespace: a space is owed between two of them.
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space();
            }
            if word.is_empty() {
                continue;
            }
            if self.space {
                self.text.push(' ');
                self.space = false;
            }
            self.text.push_str(word);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn block_elements_are_sorted_for_their_binary_search() {
        assert!(super::BLOCK_ELEMENTS.is_sorted());
    }
}
