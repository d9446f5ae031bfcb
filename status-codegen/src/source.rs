//! The document as text: decoding, and byte offsets turned into lines and columns.
//!
//! Every location the engine reports is computed here, so that the macro, the CLI
//! and build.rs all print the same `path:line:col`.

/// The most characters of one line handed to the snippet renderer, which
/// shortens what it shows to the terminal's width but keeps the true column.
/// Longer lines (a minified HTML page is one line) are cut to a window first,
/// which bounds the work of 50 diagnostics on a 16 MiB line.
pub(crate) const EXCERPT_CHARS: usize = 4096;

/// A line and column, both 1-based; the column counts characters, as rustc does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Location {
    /// Line `line` (1-based), column `column` (1-based, in characters).
    pub fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }

    /// The 1-based line number.
    pub fn line(self) -> usize {
        self.line
    }

    /// The 1-based column, in characters.
    pub fn column(self) -> usize {
        self.column
    }
}

/// A document that is not UTF-8: where the first bad byte is.
#[derive(Debug, Clone)]
pub struct NotUtf8 {
    /// The text before the bad byte, to locate it.
    pub prefix: Source,
    /// Byte offset of the bad byte.
    pub offset: usize,
    /// The bad byte.
    pub byte: u8,
}

/// A decoded document with the index needed to locate byte offsets.
#[derive(Debug, Clone)]
pub struct Source {
    path: String,
    text: String,
    line_starts: Vec<usize>,
}

impl Source {
    /// Decodes `bytes` as UTF-8, dropping a leading byte-order mark.
    ///
    /// `path` is the path as the user wrote it; it is only used in messages.
    pub fn new(path: impl Into<String>, bytes: &[u8]) -> Result<Self, NotUtf8> {
        let path = path.into();
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Self::from_text(path, text.to_owned())),
            Err(error) => {
                let offset = error.valid_up_to();
                // The valid prefix is real text: it locates the bad byte.
                let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
                Err(NotUtf8 {
                    prefix: Self::from_text(path, prefix),
                    offset,
                    byte: bytes[offset],
                })
            }
        }
    }

    /// A source from text already decoded.
    pub fn from_text(path: impl Into<String>, text: String) -> Self {
        // CommonMark ends a line at `\n`, `\r\n` or a lone `\r`.
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// The path as given by the user.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The decoded text, without a byte-order mark.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text[start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count()
            + 1;
        Location {
            line: line + 1,
            column,
        }
    }

    /// The 1-based line of a byte offset; cheaper than [`location`](Self::location).
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset.min(self.text.len()))
    }

    /// The line holding `offset`, cut to a window of at most [`EXCERPT_CHARS`]
    /// characters around it on long lines (a minified HTML file is one line),
    /// with the 1-based column of `offset` within the excerpt.
    pub fn excerpt(&self, offset: usize) -> (String, usize) {
        let location = self.location(offset);
        let line = self.line_text(location.line);
        let count = line.chars().count();
        if count <= EXCERPT_CHARS {
            return (line.to_owned(), location.column);
        }
        let half = EXCERPT_CHARS / 2;
        let first = location
            .column
            .saturating_sub(1)
            .saturating_sub(half)
            .min(count - EXCERPT_CHARS);
        let mut text: String = line.chars().skip(first).take(EXCERPT_CHARS).collect();
        let mut column = location.column - first;
        if first > 0 {
            text.insert(0, '…');
            column += 1;
        }
        if first + EXCERPT_CHARS < count {
            text.push('…');
        }
        (text, column)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.line_starts.get(line).map_or(self.text.len(), |&e| e);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let source = Source::new("t.md", "ab\n状态码x\n".as_bytes()).unwrap();
        assert_eq!(source.location(0), Location { line: 1, column: 1 });
        assert_eq!(source.location(3), Location { line: 2, column: 1 });
        // "状态码" is 9 bytes and 3 characters.
        assert_eq!(source.location(12), Location { line: 2, column: 4 });
        assert_eq!(source.line_text(2), "状态码x");
    }

    #[test]
    fn long_lines_are_cut_around_the_offset() {
        let n = EXCERPT_CHARS;
        let line = format!("{}<td>x</td>{}", "a".repeat(n), "b".repeat(n));
        let source = Source::new("t.html", line.as_bytes()).unwrap();
        let (text, column) = source.excerpt(n);
        assert_eq!(source.location(n).column, n + 1);
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert_eq!(text.chars().count(), EXCERPT_CHARS + 2);
        assert!(
            text.chars()
                .skip(column - 1)
                .collect::<String>()
                .starts_with("<td>x</td>")
        );
        assert_eq!(source.line(n), 1);
    }

    #[test]
    fn bom_is_dropped_and_crlf_keeps_line_numbers() {
        let source = Source::new("t.md", b"\xEF\xBB\xBFa\r\nb\r\n").unwrap();
        assert_eq!(source.text(), "a\r\nb\r\n");
        assert_eq!(source.location(3), Location { line: 2, column: 1 });
        assert_eq!(source.line_text(1), "a");
    }

    #[test]
    fn invalid_utf8_is_located_in_the_valid_prefix() {
        let error = Source::new("t.md", b"ok\n\xFFbad").unwrap_err();
        assert_eq!((error.offset, error.byte), (3, 0xFF));
        assert_eq!(error.prefix.location(3), Location { line: 2, column: 1 });
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let source = Source::new("t.md", b"a\rb\r\nc\nd").unwrap();
        assert_eq!(source.location(2), Location { line: 2, column: 1 });
        assert_eq!(source.location(5), Location { line: 3, column: 1 });
        assert_eq!(source.line_text(2), "b");
        assert_eq!(source.line(7), 4);
    }
}
