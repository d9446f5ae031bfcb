//! A forgiving scanner for HTML tags in raw text, used only to find where things
//! are: scraper builds the tree but does not keep source positions.

/// One start or end tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag {
    /// Byte offset of `<`.
    pub start: usize,
    /// Byte offset just past `>` (or the end of the text if unterminated).
    pub end: usize,
    /// The tag name, ASCII-lowercased.
    pub name: String,
    /// `</name>` rather than `<name>`.
    pub closing: bool,
}

/// Iterates over the tags of `text` from byte `from`, skipping comments,
/// doctypes and processing instructions. Linear in the length of the text.
pub(crate) fn tags(text: &str, from: usize) -> impl Iterator<Item = Tag> + '_ {
    let bytes = text.as_bytes();
    let mut pos = from;
    std::iter::from_fn(move || {
        loop {
            let lt = pos + memchr_lt(&bytes[pos.min(bytes.len())..])?;
            let rest = &bytes[lt..];
            if rest.starts_with(b"<!--") {
                pos = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |i| i + 3);
                continue;
            }
            if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
                pos = find(bytes, lt + 2, b">").map_or(bytes.len(), |i| i + 1);
                continue;
            }
            let closing = rest.get(1) == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
                pos = lt + 1;
                continue;
            }
            let end = tag_end(bytes, name_start + name_len);
            pos = end;
            return Some(Tag {
                start: lt,
                end,
                name: text[name_start..name_start + name_len].to_ascii_lowercase(),
                closing,
            });
        }
    })
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// The offset just past the `>` closing a tag, honouring quoted attribute values.
fn tag_end(bytes: &[u8], mut pos: usize) -> usize {
    let mut quote = None;
    let mut after_equals = false;
    while let Some(&b) = bytes.get(pos) {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if b == b'>' {
            return pos + 1;
        } else if (b == b'"' || b == b'\'') && after_equals {
            quote = Some(b);
        }
        if quote.is_none() && !b.is_ascii_whitespace() {
            after_equals = b == b'=';
        }
        pos += 1;
    }
    bytes.len()
}

/// The end of the `<table>` whose start tag begins at `start`: the offset just
/// past its matching `</table>`, counting nested tables. `None` when unclosed.
pub(crate) fn table_end(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0usize;
    for tag in tags(text, start) {
        if tag.name != "table" {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(tag.end);
            }
        } else {
            depth += 1;
        }
    }
    None
}

/// The deepest nesting of elements, fed one tag at a time. Only elements that
/// need an end tag count: void elements (`<br>`), self-closed ones (`<x/>`) and
/// those HTML closes by itself (`<p>`, `<li>`, `<td>`, `<tr>`…, often written
/// without `</…>`) do not.
#[derive(Debug, Default)]
pub(crate) struct Depth {
    current: usize,
    /// The deepest level seen so far.
    pub deepest: usize,
}

impl Depth {
    /// Counts `tag`, found in `text`.
    pub(crate) fn visit(&mut self, tag: &Tag, text: &str) {
        const NOT_NESTING: &[&str] = &[
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot",
            "colgroup", "option", "optgroup", "rb", "rt", "rp",
        ];
        if NOT_NESTING.contains(&tag.name.as_str()) || text[..tag.end].ends_with("/>") {
            return;
        }
        if tag.closing {
            self.current = self.current.saturating_sub(1);
        } else {
            self.current += 1;
            self.deepest = self.deepest.max(self.current);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        tags(text, 0)
            .map(|t| format!("{}{}", if t.closing { "/" } else { "" }, t.name))
            .collect()
    }

    #[test]
    fn finds_tags_and_skips_comments_and_quoted_brackets() {
        let text = r#"<TABLE a="x>y"><!-- <tr> --><Tr>a < b</tr></table>"#;
        assert_eq!(names(text), ["table", "tr", "/tr", "/table"]);
    }

    fn max_depth(text: &str) -> usize {
        let mut depth = Depth::default();
        for tag in tags(text, 0) {
            depth.visit(&tag, text);
        }
        depth.deepest
    }

    #[test]
    fn depth_ignores_void_and_self_closing_elements() {
        assert_eq!(
            max_depth("<table><tr><td><p>a<p>b<br><div><b>x</b></div></td></tr></table>"),
            3
        );
        assert_eq!(max_depth(&"<div>".repeat(300)), 300);
    }

    #[test]
    fn unterminated_tag_ends_the_scan() {
        assert_eq!(names("<td class='a"), ["td"]);
    }

    #[test]
    fn table_end_counts_nesting() {
        let text = "<table><tr><td><table></table></td></tr></table>tail";
        assert_eq!(table_end(text, 0), Some(text.len() - 4));
        assert_eq!(table_end("<table><tr>", 0), None);
    }
}
