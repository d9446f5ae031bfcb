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
    line_text: String,
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
    line_text: Option<String>,
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
            line_text: None,
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
            line_text: Some(source.line_text(location.line).to_owned()),
            ..Self::error(source.path(), location, message)
        }
    }

    /// Adds a label under the offending text.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a second location in the same file.
    #[must_use]
    pub fn with_related(
        mut self,
        source: &Source,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let location = source.location(offset);
        self.related.push(Related {
            location,
            message: message.into(),
            line_text: source.line_text(location.line).to_owned(),
        });
        self
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
        if let (Some(at), Some(line)) = (self.location, &self.line_text) {
            let mut group = Group::with_level(Level::ERROR).element(snippet(
                &self.path,
                line,
                at,
                AnnotationKind::Primary,
                self.label.as_deref(),
            ));
            for related in &self.related {
                group = group.element(snippet(
                    &self.path,
                    &related.line_text,
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

/// One source line with a marker under the token that starts at `at`.
fn snippet<'a>(
    path: &'a str,
    line: &'a str,
    at: Location,
    kind: AnnotationKind,
    label: Option<&'a str>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let start = line
        .char_indices()
        .nth(at.column - 1)
        .map_or(line.len(), |(i, _)| i);
    let end = token_end(line, start);
    let annotation = kind.span(start..end);
    let annotation = match label {
        Some(label) => annotation.label(label),
        None => annotation,
    };
    Snippet::source(line)
        .line_start(at.line)
        .path(path)
        .annotation(annotation)
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

/// Diagnostics in document order, capped at [`MAX_DIAGNOSTICS`].
pub(crate) fn finish(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_key(|d| d.location);
    if diagnostics.len() > MAX_DIAGNOSTICS {
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
