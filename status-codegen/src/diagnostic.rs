//! Problems found in a document or an invocation, as plain values.
//!
//! The engine never panics on bad input and never stops at the first problem: it
//! collects [`Diagnostic`]s, each with the file, line and column it is about, and
//! every front end prints them with the same text.

use std::fmt;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::source::{Location, Source};

/// At most this many diagnostics are reported for one document; the rest are
/// summarised in one closing line, so that a wholly wrong file does not bury the
/// first (usually the real) problem.
pub const MAX_DIAGNOSTICS: usize = 50;

/// A second place that helps explain a diagnostic ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Where the related place is.
    pub location: Location,
    /// What it is, e.g. "first defined here".
    pub message: String,
    excerpt: (String, usize),
}

/// One problem, located in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The path as the user wrote it.
    pub path: String,
    /// Where in the file, when the problem is about a place in it.
    pub location: Option<Location>,
    /// What was found, and what was expected.
    pub message: String,
    /// A short label put under the offending text.
    pub label: Option<String>,
    /// Other places worth showing.
    pub related: Vec<Related>,
    /// Extra lines, such as the paths that were tried.
    pub notes: Vec<String>,
    /// The source line (or a window of a long one) and the column within it.
    excerpt: Option<(String, usize)>,
}

impl Diagnostic {
    /// A problem with the file as a whole (missing, unreadable, too large).
    pub fn file(path: &str, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            location: None,
            message: message.into(),
            label: None,
            related: Vec::new(),
            notes: Vec::new(),
            excerpt: None,
        }
    }

    /// A problem at a location, without the line's text (used before the text is decoded).
    pub(crate) fn error(path: &str, location: Location, message: impl Into<String>) -> Self {
        Self {
            location: Some(location),
            ..Self::file(path, message)
        }
    }

    /// A problem at a byte offset of `source`; the line is kept for the snippet.
    pub fn at(source: &Source, offset: usize, message: impl Into<String>) -> Self {
        let location = source.location(offset);
        Self {
            excerpt: Some(source.excerpt(offset)),
            ..Self::error(source.path(), location, message)
        }
    }

    /// Adds a label under the offending text.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a second location in the same file ("first defined here").
    pub fn relate(&mut self, source: &Source, offset: usize, message: impl Into<String>) {
        let location = source.location(offset);
        self.related.push(Related {
            location,
            message: message.into(),
            excerpt: source.excerpt(offset),
        });
    }

    /// Adds a note line.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
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
            for related in &self.related {
                group = group.element(snippet(
                    &self.path,
                    &related.excerpt,
                    related.location,
                    AnnotationKind::Context,
                    Some(&related.message),
                ));
            }
            write!(f, "\n{}", Renderer::plain().render(&[group]))?;
        } else {
            for related in &self.related {
                let at = related.location;
                write!(
                    f,
                    "\n  {}:{}:{}: {}",
                    self.path, at.line, at.column, related.message
                )?;
            }
        }
        for note in &self.notes {
            write!(f, "\n  = note: {note}")?;
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

/// The end of the token starting at `start`: a whole tag, or a run of non-space text.
fn token_end(line: &str, start: usize) -> usize {
    let rest = &line[start..];
    if rest.starts_with('<') {
        return rest.find('>').map_or(line.len(), |i| start + i + 1);
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || c == '<' || c == '|')
        .unwrap_or(rest.len());
    start + len.max(rest.chars().next().map_or(0, char::len_utf8))
}

/// Diagnostics in document order (file-level ones, such as a summary, last),
/// capped at [`MAX_DIAGNOSTICS`] plus one closing summary.
pub(crate) fn finish(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_key(|d| (d.location.is_none(), d.location));
    let limit = MAX_DIAGNOSTICS + 1;
    if diagnostics.len() > limit {
        let hidden = diagnostics.len() - MAX_DIAGNOSTICS;
        let path = diagnostics[0].path.clone();
        diagnostics.truncate(MAX_DIAGNOSTICS);
        diagnostics.push(Diagnostic::file(
            &path,
            format!(
                "{hidden} more problems not shown (at most {MAX_DIAGNOSTICS} are reported at once)"
            ),
        ));
    }
    diagnostics
}
