//! The stages of one expansion over its documents: each document is decoded
//! and read (rendered, parsed, its tables found) once; validation then runs
//! on what was read, once for the type and once more for each trial of the
//! fixes it proposes, so that trying a fix costs a validation and not a whole
//! expansion.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::document::{self, Document};
use crate::expansion::{Checked, Input};
use crate::options::Options;
use crate::source::Source;
use crate::{translate, validate};

/// Documents larger than this are refused: a code table is a few hundred
/// kilobytes at most, and a runaway file must not stall every build.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The documents of an invocation, read.
pub(crate) struct Pages<'a> {
    path: &'a str,
    /// The primary document; `None` when it could not be decoded (too large,
    /// not UTF-8): then the type has no variants and nothing else is read.
    primary: Option<(Source, Document)>,
    /// What decoding and reading the primary reported.
    primary_problems: Diagnostics,
    /// The translations that decoded, each with its place in
    /// `options.translations`.
    translations: Vec<(usize, Source, Document)>,
    /// What decoding and reading the translations reported, in their order.
    translation_problems: Diagnostics,
    /// Whether the caller gave translations (merged even when none decoded).
    translated: bool,
}

impl<'a> Pages<'a> {
    /// Decodes and reads `primary` and, when it decodes, every translation.
    pub(crate) fn read(primary: Input<'a>, translations: &[Input<'_>], options: &Options) -> Self {
        let mut pages = Self {
            path: primary.path,
            primary: None,
            primary_problems: Diagnostics::new(),
            translations: Vec::new(),
            translation_problems: Diagnostics::new(),
            translated: !translations.is_empty(),
        };
        let Some(source) = decode(primary, &mut pages.primary_problems) else {
            return pages;
        };
        let read = document::read(&source, &mut pages.primary_problems);
        pages.primary = Some((source, read));
        for (index, input) in translations
            .iter()
            .enumerate()
            .take(options.translations.len())
        {
            if let Some(source) = decode(*input, &mut pages.translation_problems) {
                let mut problems = Diagnostics::new();
                let read = document::read(&source, &mut problems);
                pages.translation_problems.extend(problems);
                pages.translations.push((index, source, read));
            }
        }
        pages
    }

    /// Validates what was read under `options`: the model and every problem.
    ///
    /// The problems are pushed in the order a single pass would push them
    /// (the primary's reading, its validation, the translations' reading,
    /// merging), so the cap of shown problems keeps the same ones.
    pub(crate) fn check(&self, options: &Options) -> Checked {
        let mut findings = validate::Findings {
            diagnostics: self.primary_problems.clone(),
            ..validate::Findings::default()
        };
        let Some((source, read)) = &self.primary else {
            return Checked {
                model: validate::empty(self.path, options),
                diagnostics: findings.diagnostics.finish(),
                invocation_errors: Vec::new(),
            };
        };
        let mut model = validate::check(
            source,
            read,
            options,
            validate::Purpose::Primary,
            &mut findings,
        );
        if self.translated {
            findings
                .diagnostics
                .extend(self.translation_problems.clone());
            let others: Vec<_> = self
                .translations
                .iter()
                .filter_map(|(index, source, read)| {
                    Some((options.translations.get(*index)?, source, read))
                })
                .collect();
            translate::merge(&mut model, source, &others, options, &mut findings);
        } else if model.langs.len() > 1 {
            translate::check_texts(
                &mut model,
                source,
                options.fallback,
                &mut findings.diagnostics,
            );
        }
        Checked {
            model,
            diagnostics: findings.diagnostics.finish(),
            invocation_errors: findings.invocation,
        }
    }
}

/// The document as text, or why it cannot be (too large, not UTF-8).
fn decode(input: Input<'_>, diagnostics: &mut Diagnostics) -> Option<Source> {
    if input.bytes.len() > MAX_DOCUMENT_BYTES {
        diagnostics.push(Diagnostic::file(
            input.path,
            format!(
                "document is {} bytes, over the limit of {MAX_DOCUMENT_BYTES} bytes (16 MiB): expected a document of a reasonable size",
                input.bytes.len()
            ),
        ));
        return None;
    }
    match Source::new(input.path, input.bytes) {
        Ok(source) => Some(source),
        Err(error) => {
            diagnostics.push(Diagnostic::at(
                &error.prefix,
                error.offset,
                format!(
                    "document is not valid UTF-8: invalid byte 0x{:02X} at byte offset {}; expected UTF-8 text",
                    error.byte, error.offset
                ),
            ));
            None
        }
    }
}
