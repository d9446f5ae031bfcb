//! Problems found in a document or an invocation, as plain values, and the one
//! collector every stage pushes them into.
//!
//! The engine never panics on bad input and never stops at the first problem:
//! each stage reports into a [`Diagnostics`], which owns the cap and the count of
//! what it did not keep, and every front end prints the same text.

use std::fmt::{self, Write as _};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::fix::Fix;
use crate::source::{Location, Source};

/// At most this many diagnostics are reported for one expansion; the rest are
/// counted in one closing line, so that a wholly wrong file does not bury the
/// first (usually the real) problem.
pub const MAX_DIAGNOSTICS: usize = 50;

/// A problem in the invocation itself (an option, the path), at the tokens it
/// is about. The macro turns it into a compile error there; the CLI prints the
/// span's line and column in the Rust file.
#[derive(Debug, Clone)]
pub struct InvocationError {
    pub(crate) span: proc_macro2::Span,
    pub(crate) message: String,
}

impl InvocationError {
    /// A problem at `span`.
    pub(crate) fn new(span: proc_macro2::Span, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
        }
    }

    /// The tokens the problem is about.
    pub fn span(&self) -> proc_macro2::Span {
        self.span
    }

    /// What was found and what was expected.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// A second place that helps explain a diagnostic ("first defined here"),
/// possibly in another file (a translation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    path: String,
    location: Location,
    message: String,
    excerpt: (String, usize),
}

impl Related {
    /// The file it is in, as the user wrote it.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where in that file.
    pub fn location(&self) -> Location {
        self.location
    }

    /// What it is, e.g. "first defined here".
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// One problem, located in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub(crate) path: String,
    pub(crate) location: Option<Location>,
    pub(crate) message: String,
    label: Option<String>,
    related: Vec<Related>,
    pub(crate) notes: Vec<String>,
    pub(crate) fix: Option<Fix>,
    /// The source line (or a window of a long one) and the column within it.
    excerpt: Option<(String, usize)>,
}

impl Diagnostic {
    /// The path as the user wrote it.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where in the file, when the problem is about a place in it.
    pub fn location(&self) -> Option<Location> {
        self.location
    }

    /// What was found, and what was expected.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// A short label put under the offending text.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// Other places worth showing.
    pub fn related(&self) -> &[Related] {
        &self.related
    }

    /// Extra lines, such as the paths that were tried.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Options that make this problem go away (printed as written after the
    /// path: `kind = "status"`); offered only when applying them was tried,
    /// the problem was gone and every code was kept.
    pub fn fix(&self) -> Option<&Fix> {
        self.fix.as_ref()
    }

    /// The same problem with each path (its own, its related places')
    /// replaced by `map` of it: for a front end that shows a copy's problems
    /// in the file it was copied from.
    #[must_use]
    pub fn map_paths(mut self, mut map: impl FnMut(&str) -> String) -> Self {
        self.path = map(&self.path);
        for related in &mut self.related {
            related.path = map(&related.path);
        }
        self
    }

    /// The first line: `path:line:col: message`.
    pub fn headline(&self) -> String {
        match self.location {
            Some(at) => format!("{}:{}:{}: {}", self.path, at.line, at.column, self.message),
            None => format!("{}: {}", self.path, self.message),
        }
    }
}

/// Building a diagnostic: the engine's stages.
impl Diagnostic {
    /// A problem with the file as a whole (missing, unreadable, too large), or
    /// with no place in it.
    pub(crate) fn file(path: &str, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            location: None,
            message: message.into(),
            label: None,
            related: Vec::new(),
            notes: Vec::new(),
            fix: None,
            excerpt: None,
        }
    }

    /// A problem at a line and column whose text is not at hand (the location
    /// of a macro invocation in a Rust file, found by the CLI).
    pub(crate) fn at_location(path: &str, location: Location, message: impl Into<String>) -> Self {
        Self {
            location: Some(location),
            ..Self::file(path, message)
        }
    }

    /// A problem at a byte offset of `source`; the line is kept for the snippet.
    pub(crate) fn at(source: &Source, offset: usize, message: impl Into<String>) -> Self {
        Self {
            excerpt: Some(source.excerpt(offset)),
            ..Self::at_location(source.path(), source.location(offset), message)
        }
    }

    /// Adds a label under the offending text.
    #[must_use]
    pub(crate) fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a second location, in `source` (this file or another).
    pub(crate) fn relate(&mut self, source: &Source, offset: usize, message: impl Into<String>) {
        self.related.push(Related {
            path: source.path().to_owned(),
            location: source.location(offset),
            message: message.into(),
            excerpt: source.excerpt(offset),
        });
    }

    /// Proposes options that may make the problem go away; the engine tries
    /// them and keeps them only if they do.
    #[must_use]
    pub(crate) fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Adds a note line.
    #[must_use]
    pub(crate) fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        if let (Some(at), Some(excerpt)) = (self.location, &self.excerpt) {
            let mut group = Group::with_level(Level::ERROR).element(snippet(
                &self.path,
                excerpt,
                at,
                AnnotationKind::Primary,
                self.label.as_deref(),
            ));
            // A window of a long line cannot name its file (its columns are
            // not the file's): the label says where it is instead.
            let labels: Vec<String> = self
                .related
                .iter()
                .map(|r| {
                    if r.excerpt.1 == r.location.column {
                        r.message.clone()
                    } else {
                        format!(
                            "{} ({}:{}:{})",
                            r.message, r.path, r.location.line, r.location.column
                        )
                    }
                })
                .collect();
            for (related, label) in self.related.iter().zip(&labels) {
                group = group.element(snippet(
                    &related.path,
                    &related.excerpt,
                    related.location,
                    AnnotationKind::Context,
                    Some(label),
                ));
            }
            write!(f, "\n{}", Renderer::plain().render(&[group]))?;
        } else {
            for related in &self.related {
                let at = related.location;
                write!(
                    f,
                    "\n  {}:{}:{}: {}",
                    related.path, at.line, at.column, related.message
                )?;
            }
        }
        for note in &self.notes {
            write!(f, "\n  = note: {note}")?;
        }
        if let Some(fix) = &self.fix {
            write!(f, "\n  = help: write `{fix}` after the path")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// One source line with a marker under the token at `at`. The line may be a
/// window of a long line; then the snippet names no path, since its columns
/// would not be the file's (the headline has the true column).
fn snippet<'a>(
    path: &'a str,
    (line, column): &'a (String, usize),
    at: Location,
    kind: AnnotationKind,
    label: Option<&'a str>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let start = line
        .char_indices()
        .nth(column - 1)
        .map_or(line.len(), |(i, _)| i);
    let end = token_end(line, start);
    let annotation = kind.span(start..end);
    let annotation = match label {
        Some(label) => annotation.label(label),
        None => annotation,
    };
    let snippet = Snippet::source(line.as_str())
        .line_start(at.line)
        .annotation(annotation);
    if *column == at.column {
        snippet.path(path)
    } else {
        snippet
    }
}

/// The end of the token starting at `start`: a whole tag, or a run of text up
/// to the next tag or pipe (cell text has spaces: `400 Bad Request`).
fn token_end(line: &str, start: usize) -> usize {
    let rest = &line[start..];
    if rest.starts_with('<') {
        return rest.find('>').map_or(line.len(), |i| start + i + 1);
    }
    let len = rest.find(['<', '|']).unwrap_or(rest.len());
    let len = rest[..len].trim_end().len();
    start + len.max(rest.chars().next().map_or(0, char::len_utf8))
}

/// Text from a document as a message shows it: invisible and control
/// characters written as `\u{200b}`, so that `200\u{200b}` does not look like `200`.
pub(crate) fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let invisible = c.is_control()
            || matches!(
                c,
                '\u{00AD}'
                    | '\u{180E}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{FEFF}'
            );
        if invisible {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Every problem of one expansion, in one place. Stages push into it; it keeps
/// the first [`MAX_DIAGNOSTICS`] and counts the rest, so no stage needs to know
/// the cap and the count stays right when several stages overflow it.
///
/// Dropping it unread is allowed (a front end may stop early); nothing panics.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    kept: Vec<Diagnostic>,
    hidden: usize,
}

impl Diagnostics {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.hidden == 0
    }

    /// How many problems were reported, shown or not.
    pub fn len(&self) -> usize {
        self.kept.len() + self.hidden
    }

    /// Whether the cap is reached: a caller may then skip building a message
    /// (locating it costs a scan of its line) and call [`count`](Self::count).
    pub fn is_full(&self) -> bool {
        self.kept.len() >= MAX_DIAGNOSTICS
    }

    /// Adds a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.is_full() {
            self.hidden += 1;
        } else {
            self.kept.push(diagnostic);
        }
    }

    /// Counts a problem that is not shown.
    pub fn count(&mut self) {
        self.hidden += 1;
    }

    /// Adds a problem at `offset` of `source` with a label, built only when it
    /// will be shown; returns it for more detail.
    pub fn error(
        &mut self,
        source: &Source,
        offset: usize,
        message: impl FnOnce() -> String,
        label: &str,
    ) -> Option<&mut Diagnostic> {
        if self.is_full() {
            self.hidden += 1;
            return None;
        }
        self.kept
            .push(Diagnostic::at(source, offset, message()).with_label(label));
        self.kept.last_mut()
    }

    /// Adds every problem of `other`.
    pub fn extend(&mut self, other: Self) {
        for diagnostic in other.kept {
            self.push(diagnostic);
        }
        self.hidden += other.hidden;
    }

    /// The problems in file and document order (file-level ones last), then one
    /// line counting those not shown.
    pub fn finish(self) -> Vec<Diagnostic> {
        let Self { mut kept, hidden } = self;
        kept.sort_by(|a, b| {
            (&a.path, a.location.is_none(), a.location).cmp(&(
                &b.path,
                b.location.is_none(),
                b.location,
            ))
        });
        if hidden > 0 {
            let path = kept.first().map_or_else(String::new, |d| d.path.clone());
            kept.push(Diagnostic::file(
                &path,
                format!(
                    "{hidden} more problems not shown (at most {MAX_DIAGNOSTICS} are reported at once)"
                ),
            ));
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::EXCERPT_CHARS;

    #[test]
    fn the_cap_counts_every_stage() {
        let source = Source::new("t.md", b"x\ny\n").unwrap();
        let mut first = Diagnostics::new();
        for _ in 0..60 {
            first.error(&source, 0, || "a".to_owned(), "l");
        }
        let mut second = Diagnostics::new();
        second.push(Diagnostic::at(&source, 2, "b"));
        first.extend(second);
        assert_eq!(first.len(), 61);
        let shown = first.finish();
        assert_eq!(shown.len(), MAX_DIAGNOSTICS + 1);
        assert!(
            shown[MAX_DIAGNOSTICS]
                .message
                .starts_with("11 more problems not shown"),
            "{}",
            shown[MAX_DIAGNOSTICS].message
        );
    }

    #[test]
    fn both_places_name_their_file_on_long_lines() {
        // A corpus page's HTML lines run to hundreds of characters; a second
        // document (a translation) must still be told apart from the first.
        let long = format!("<td title=\"{}\">200</td>\n", "x".repeat(300));
        let first = Source::new("en.md", long.as_bytes()).unwrap();
        let second = Source::new("zh.md", b"| 200 | OK |\n").unwrap();
        let mut diagnostic = Diagnostic::at(&second, 2, "duplicate");
        diagnostic.relate(&first, 312, "first defined here");
        let text = diagnostic.to_string();
        assert!(text.contains("--> zh.md:1:3"), "{text}");
        assert!(text.contains("::: en.md:1:313"), "{text}");

        // Past the window, the label carries the place.
        let huge = format!("{}200\n", "x".repeat(EXCERPT_CHARS * 2));
        let huge = Source::new("huge.html", huge.as_bytes()).unwrap();
        let mut diagnostic = Diagnostic::at(&second, 2, "duplicate");
        diagnostic.relate(&huge, EXCERPT_CHARS * 2, "first defined here");
        let text = diagnostic.to_string();
        let place = format!("first defined here (huge.html:1:{})", EXCERPT_CHARS * 2 + 1);
        assert!(text.contains(&place), "{text}");
    }

    #[test]
    fn invisible_characters_are_spelled_out() {
        assert_eq!(visible("200\u{200b}"), "200\\u{200b}");
        assert_eq!(visible("a\tb"), "a\\u{9}b");
        assert_eq!(visible("状态码"), "状态码");
    }
}
