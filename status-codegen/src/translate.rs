//! Translations: the same table in other languages, from other documents
//! (`translation(en = "…")`) or from columns of one table (`描述（English）`),
//! merged into one model whose texts each come in every language.
//!
//! The primary document decides the variants and their names; a translation's
//! tables are the ones at the same positions, its rows are matched by code
//! (a repeated code by order). A code in one document and not the other, a
//! different HTTP status for one code, or a missing text is an error located
//! in both documents (a missing text is allowed with `fallback`).

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, InvocationError, visible};
use crate::document::Document;
use crate::model::{DocumentInfo, Model, Text, Variant};
use crate::options::{Options, TableSelector, Translation};
use crate::source::Source;
use crate::validate::{self, Findings, Purpose};

/// Merges the translations into `model`, the primary document's.
pub(crate) fn merge(
    model: &mut Model,
    primary: &Source,
    translations: &[(&Translation, &Source, &Document)],
    options: &Options,
    findings: &mut Findings,
) {
    if options.lang.is_none()
        && let Some((first, _, _)) = translations.first()
    {
        findings.invocation.push(InvocationError::new(
            first.span,
            "a translation needs the primary document's language: add `lang = \"…\"` (for example `lang = \"zh\"`)",
        ));
    }
    let used: Vec<usize> = model
        .tables
        .iter()
        .filter(|t| t.used)
        .map(|t| t.index)
        .collect();
    for (translation, source, document) in translations {
        let lang = model.langs.len().max(1);
        let theirs = translated_model(source, document, model, options, findings);
        model.documents.push(DocumentInfo {
            path: source.path().to_owned(),
            lang: Some(translation.lang.clone()),
        });
        if model.langs.is_empty() {
            model
                .langs
                .push(options.lang.clone().unwrap_or_else(|| "und".to_owned()));
        }
        model.langs.push(translation.lang.clone());
        let matching = Matching {
            primary,
            source,
            lang,
            used: &used,
            their_tables: &theirs.tables,
            fallback: options.fallback,
            diagnostics: &mut findings.diagnostics,
        };
        matching.run(model, &theirs);
    }
}

/// The translation read with the primary's kind, every table considered (its
/// matching tables are picked by position afterwards).
fn translated_model(
    source: &Source,
    document: &Document,
    primary: &Model,
    options: &Options,
    findings: &mut Findings,
) -> Model {
    let used: Vec<usize> = primary
        .tables
        .iter()
        .filter(|t| t.used)
        .map(|t| t.index)
        .collect();
    let options = Options {
        kind: Some(primary.kind),
        tables: (used.len() == 1).then(|| TableSelector::Index(used[0])),
        renames: Vec::new(),
        accessors: Vec::new(),
        other: None,
        lang: None,
        translations: Vec::new(),
        ..options.clone()
    };
    let mut theirs = Findings::default();
    let model = validate::check(
        source,
        document,
        &options,
        Purpose::Translation,
        &mut theirs,
    );
    findings.diagnostics.extend(theirs.diagnostics);
    model
}

struct Matching<'a> {
    primary: &'a Source,
    source: &'a Source,
    /// The index of the translation's language.
    lang: usize,
    used: &'a [usize],
    /// The translation's tables, to point at the one a code is missing from.
    their_tables: &'a [crate::model::TableInfo],
    /// A missing text takes the primary one instead of being an error.
    fallback: bool,
    diagnostics: &'a mut Diagnostics,
}

impl Matching<'_> {
    fn run(mut self, model: &mut Model, theirs: &Model) {
        let by_code: HashMap<&str, &Variant> = theirs
            .variants
            .iter()
            .filter(|v| v.rows.iter().any(|r| self.used.contains(&r.table)))
            .map(|v| (v.code.as_str(), v))
            .collect();
        for variant in &mut model.variants {
            for row in &mut variant.rows {
                for text in &mut row.texts {
                    text.resize(self.lang + 1, String::new());
                }
                for other in &mut row.others {
                    other.resize(self.lang + 1, String::new());
                }
            }
            match by_code.get(variant.code.as_str()) {
                Some(translated) => self.rows(variant, translated),
                None => self.missing_code(variant),
            }
        }
        let ours: Vec<&str> = model.variants.iter().map(|v| v.code.as_str()).collect();
        for variant in by_code.values() {
            if !ours.contains(&variant.code.as_str()) {
                self.extra_code(variant, model);
            }
        }
    }

    fn rows(&mut self, variant: &mut Variant, translated: &Variant) {
        if variant.rows.len() != translated.rows.len() {
            let mut diagnostic = Diagnostic::at(
                self.primary,
                variant.rows[0].offset,
                format!(
                    "code `{}` is on {} row(s) here and on {} in {}: expected the same rows in every language",
                    visible(&variant.code),
                    variant.rows.len(),
                    translated.rows.len(),
                    self.source.path()
                ),
            )
            .with_label("here");
            diagnostic.relate(self.source, translated.rows[0].offset, "in the translation");
            self.diagnostics.push(diagnostic);
        }
        for (row, theirs) in variant.rows.iter_mut().zip(&translated.rows) {
            if row.statuses != theirs.statuses {
                let mut diagnostic = Diagnostic::at(
                    self.primary,
                    row.offset,
                    format!(
                        "code `{}` has HTTP status {} here and {} in {}: expected the same status in every language",
                        visible(&variant.code),
                        statuses(&row.statuses),
                        statuses(&theirs.statuses),
                        self.source.path()
                    ),
                )
                .with_label("status differs");
                diagnostic.relate(self.source, theirs.offset, "in the translation");
                self.diagnostics.push(diagnostic);
            }
            for text in Text::ALL {
                let translated = theirs.text(text);
                let primary = row.text(text).to_owned();
                if translated.is_empty() && !primary.is_empty() {
                    if self.fallback || text == Text::Section {
                        row.text_mut(text)[self.lang] = primary;
                    } else {
                        self.missing_text(&variant.code, text, row.offset, theirs.offset);
                    }
                    continue;
                }
                translated.clone_into(&mut row.text_mut(text)[self.lang]);
            }
        }
    }

    fn missing_text(&mut self, code: &str, text: Text, ours: usize, theirs: usize) {
        let path = self.source.path().to_owned();
        if let Some(diagnostic) = self.diagnostics.error(
            self.primary,
            ours,
            || {
                format!(
                    "the {} of code `{}` is empty in the translation {path}: expected a translation of every cell, or `fallback` to use this document's text",
                    text.as_str(),
                    visible(code)
                )
            },
            "untranslated",
        ) {
            diagnostic.relate(self.source, theirs, "the translation's row");
        }
    }

    fn missing_code(&mut self, variant: &Variant) {
        let mut diagnostic = Diagnostic::at(
            self.primary,
            variant.rows[0].offset,
            format!(
                "code `{}` is not in the translation {}: expected every code in every language",
                visible(&variant.code),
                self.source.path()
            ),
        )
        .with_label("only here");
        let table = variant.rows[0].table;
        let offset = self.their_tables.get(table).map_or(0, |t| t.offset);
        diagnostic.relate(self.source, offset, "the translation's table");
        self.diagnostics.push(diagnostic);
    }

    fn extra_code(&mut self, variant: &Variant, model: &Model) {
        let mut diagnostic = Diagnostic::at(
            self.source,
            variant.rows[0].offset,
            format!(
                "code `{}` is in this translation but not in {}: expected every code in every language",
                visible(&variant.code),
                model.path()
            ),
        )
        .with_label("only here");
        let table = variant.rows[0].table;
        let offset = model.tables.get(table).map_or(0, |t| t.offset);
        diagnostic.relate(self.primary, offset, "the primary document's table");
        self.diagnostics.push(diagnostic);
    }
}

fn statuses(statuses: &[u16]) -> String {
    statuses
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

/// Every text the primary language has must exist in every other language,
/// unless the invocation allows falling back to the primary text.
pub(crate) fn check_texts(
    model: &mut Model,
    primary: &Source,
    fallback: bool,
    diagnostics: &mut Diagnostics,
) {
    if model.langs.len() < 2 {
        return;
    }
    let texts: Vec<Text> = model.texts.clone();
    let langs = model.langs.clone();
    for variant in &mut model.variants {
        for row in &mut variant.rows {
            let offset = row.offset;
            for text in &texts {
                let values = row.text_mut(*text);
                let primary_missing =
                    values[0].is_empty() && values[1..].iter().any(|v| !v.is_empty());
                if primary_missing && *text != Text::Section {
                    // Nothing to fall back to: the primary text is the one missing.
                    diagnostics.error(
                        primary,
                        offset,
                        || {
                            format!(
                                "the {} of code `{}` has no `{}` text, though another language has one: expected the primary language's text",
                                text.as_str(),
                                visible(&variant.code),
                                langs[0]
                            )
                        },
                        "untranslated",
                    );
                    continue;
                }
                for lang in 1..langs.len() {
                    if values[0].is_empty() || !values[lang].is_empty() {
                        continue;
                    }
                    if fallback {
                        let primary = values[0].clone();
                        values[lang] = primary;
                    } else if *text != Text::Section {
                        diagnostics.error(
                            primary,
                            offset,
                            || {
                                format!(
                                    "the {} of code `{}` has no `{}` text: expected a translation of every cell, or `fallback` to use the `{}` text",
                                    text.as_str(),
                                    visible(&variant.code),
                                    langs[lang],
                                    langs[0]
                                )
                            },
                            "untranslated",
                        );
                    }
                }
            }
        }
    }
}
