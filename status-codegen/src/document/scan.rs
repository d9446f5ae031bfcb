//! A forgiving scanner for HTML tags in raw text. It only finds where tags are:
//! the tree itself comes from html5ever. Used to mark every start tag with its
//! source offset before parsing, to check that each `<table>` is closed, and to
//! find where a cell's visible text starts.

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// One start or end tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag<'t> {
    /// Byte offset of `<`.
    pub start: usize,
    /// Byte offset just past the tag name.
    pub name_end: usize,
    /// Byte offset just past `>` (or the end of the text if unterminated).
    pub end: usize,
    /// The tag name as written (compare with `eq_ignore_ascii_case`).
    pub name: &'t str,
    /// `</name>` rather than `<name>`.
    pub closing: bool,
}

impl Tag<'_> {
    /// Whether this is the tag `name` (lowercase), ignoring case.
    pub(crate) fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// Iterates over the tags of `text` from byte `from`, skipping comments,
/// doctypes, processing instructions and the content of raw-text elements
/// (`<script>`, `<title>`, …). Linear in the length of the text.
pub(crate) fn tags(text: &str, from: usize) -> impl Iterator<Item = Tag<'_>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = from;
    let mut raw_until: Option<&'static str> = None;
    std::iter::from_fn(move || {
        loop {
            let lt = pos + memchr::memchr(b'<', bytes.get(pos..)?)?;
            let rest = &bytes[lt..];
            if raw_until.is_none() {
                if rest.starts_with(b"<!--") {
                    pos = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |i| i + 3);
                    continue;
                }
                // In SVG and MathML, CDATA holds text; elsewhere html5ever
                // reads it as a comment. Either way no tag inside is marked.
                if rest.starts_with(b"<![CDATA[") {
                    pos = find(bytes, lt + 9, b"]]>").map_or(bytes.len(), |i| i + 3);
                    continue;
                }
                if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
                    pos = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |i| lt + i + 1);
                    continue;
                }
            }
            let closing = rest.get(1) == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                pos = lt + 1;
                continue;
            }
            // Inside raw text only the end tag matters; a name is not read,
            // so that `<a<a<a…` costs no scan to the end of the text per `<`.
            if let Some(raw) = raw_until
                && !(closing
                    && bytes[name_start..]
                        .get(..raw.len())
                        .is_some_and(|n| n.eq_ignore_ascii_case(raw.as_bytes())))
            {
                pos = lt + 1;
                continue;
            }
            // As the HTML tokenizer reads it: from a letter to whitespace, `/`
            // or `>` (`<br\>` is the element `br\`, not `br`).
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>'))
                .count();
            let name = &text[name_start..name_start + name_len];
            if let Some(raw) = raw_until {
                // Inside raw text only the matching end tag counts.
                if !(closing && name.eq_ignore_ascii_case(raw)) {
                    pos = lt + 1;
                    continue;
                }
                raw_until = None;
            } else if !closing {
                raw_until = RAW_TEXT
                    .iter()
                    .find(|r| name.eq_ignore_ascii_case(r))
                    .copied();
            }
            let end = tag_end(bytes, name_start + name_len);
            // After `<plaintext>` the rest of the document is text.
            pos = if !closing && name.eq_ignore_ascii_case("plaintext") {
                bytes.len()
            } else {
                end
            };
            return Some(Tag {
                start: lt,
                name_end: name_start + name_len,
                end,
                name,
                closing,
            });
        }
    })
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| i + from)
}

/// The offset just past the `>` closing a tag, honouring quoted attribute
/// values: a quote opens one only right after `=` (spaces between allowed).
/// It jumps from one `>` or quote to the next: attribute-heavy tags
/// (`<td class="…" valign="top" headers="…">`) are most of a page's bytes.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    if bytes.get(from) == Some(&b'>') {
        return from + 1; // `<td>`: no attribute
    }
    let mut pos = from;
    while let Some(found) = bytes
        .get(pos..)
        .and_then(|rest| memchr::memchr3(b'>', b'"', b'\'', rest))
    {
        let at = pos + found;
        let quote = bytes[at];
        if quote == b'>' {
            return at + 1;
        }
        let after_equals = bytes[from..at]
            .iter()
            .rev()
            .find(|b| !b.is_ascii_whitespace())
            == Some(&b'=');
        pos = if after_equals {
            match memchr::memchr(quote, &bytes[at + 1..]) {
                Some(close) => at + 1 + close + 1,
                None => return bytes.len(),
            }
        } else {
            at + 1
        };
    }
    bytes.len()
}

/// The offset of the first visible character after the start tag at `start`:
/// tags, comments and whitespace skipped, stopping at `limit`. Used to point a
/// diagnostic at a cell's text rather than at its `<td class=…>` markup.
pub(crate) fn text_start(text: &str, start: usize, limit: usize) -> Option<usize> {
    let limit = limit.min(text.len());
    let bytes = text.as_bytes();
    let mut pos = tag_end(bytes, start + 1);
    while pos < limit {
        let rest = &text[pos..limit];
        let trimmed = rest.trim_start();
        pos += rest.len() - trimmed.len();
        if pos >= limit {
            return None;
        }
        if trimmed.starts_with("<!--") {
            pos = find(bytes, pos + 4, b"-->").map_or(limit, |i| i + 3);
        } else if trimmed.starts_with('<')
            && trimmed[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
        {
            pos = tag_end(bytes, pos + 1);
        } else {
            return Some(pos);
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

/// Whether an element, by its lower-case name, does not nest: a void one, or
/// one HTML closes by itself. (A `match`: every tag of a page comes here.)
#[rustfmt::skip]
fn does_not_nest(name: &[u8]) -> bool {
    matches!(
        name,
        b"area" | b"base" | b"br" | b"col" | b"colgroup" | b"dd" | b"dt" | b"embed" | b"hr"
            | b"img" | b"input" | b"li" | b"link" | b"meta" | b"optgroup" | b"option" | b"p"
            | b"rb" | b"rp" | b"rt" | b"source" | b"tbody" | b"td" | b"tfoot" | b"th"
            | b"thead" | b"tr" | b"track" | b"wbr"
    )
}

/// The longest name [`does_not_nest`] knows: a longer one is none of them.
const LONGEST_NOT_NESTING: usize = 8;

impl Depth {
    /// Counts `tag`, found in `text`.
    pub(crate) fn visit(&mut self, tag: &Tag<'_>, text: &str) {
        let listed = tag.name.len() <= LONGEST_NOT_NESTING && {
            let mut lower = [0u8; LONGEST_NOT_NESTING];
            let lower = &mut lower[..tag.name.len()];
            lower.copy_from_slice(tag.name.as_bytes());
            lower.make_ascii_lowercase();
            does_not_nest(lower)
        };
        if listed || text[..tag.end].ends_with("/>") {
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

    #[test]
    fn names_that_do_not_nest_fit_the_lowercase_buffer() {
        for name in ["colgroup", "optgroup"] {
            assert_eq!(name.len(), LONGEST_NOT_NESTING);
            assert!(does_not_nest(name.as_bytes()));
        }
        assert!(!does_not_nest(b"div") && !does_not_nest(b"table"));
        let mut depth = Depth::default();
        let text = "<TD><COLGROUP><Div><Optgroup></div>";
        for tag in tags(text, 0) {
            depth.visit(&tag, text);
        }
        assert_eq!(depth.deepest, 1);
    }

    fn names(text: &str) -> Vec<String> {
        tags(text, 0)
            .map(|t| {
                format!(
                    "{}{}",
                    if t.closing { "/" } else { "" },
                    t.name.to_ascii_lowercase()
                )
            })
            .collect()
    }

    #[test]
    fn finds_tags_and_skips_comments_and_quoted_brackets() {
        let text = r#"<TABLE a="x>y"><!-- <tr> --><Tr>a < b</tr></table>"#;
        assert_eq!(names(text), ["table", "tr", "/tr", "/table"]);
    }

    #[test]
    fn tag_names_end_where_the_html_tokenizer_ends_them() {
        assert_eq!(
            names("<br\\><td.x>a</td.x><th<>"),
            ["br\\", "td.x", "/td.x", "th<"]
        );
        assert_eq!(names("<svg><![CDATA[ a > <b>x]]></svg>"), ["svg", "/svg"]);
        assert_eq!(names("<td>a<plaintext><b>x</b>"), ["td", "plaintext"]);
    }

    #[test]
    fn raw_text_elements_hide_their_content() {
        let text = "<title>a <td> b</title><script>if (a<b) x='<tr>'</script><td>";
        assert_eq!(names(text), ["title", "/title", "script", "/script", "td"]);
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
    fn text_start_skips_markup_and_space() {
        let text = r#"<td class="x"> <p><a name="a"></a><!-- c -->200</p></td>"#;
        let at = text_start(text, 0, text.len()).unwrap();
        assert!(text[at..].starts_with("200"));
        assert_eq!(text_start("<td> </td>", 0, 5), None);
    }
}
