//! Translations: the same table in other languages, from other documents
//! (`translation(en = "…")`) or from columns of one table (`描述（English）`),
//! merged into one model whose texts each come in every language.
//!
//! The primary document decides the variants and their names; a translation's
//! tables are the ones at the same positions, its rows are matched by code
//! (a repeated code by order). A code in one document and not the other, a
//! different HTTP status for one code, or a missing text is an error located
//! in both documents. With `fallback`, a translation that lags behind (or runs
//! ahead) is no error: a missing text or a code missing in one language takes
//! the other language's texts, and the row's notes say so (the variant's docs
//! show them), so no language's texts are dropped and none is shown as
//! another's without a word. A different status for one code stays an error:
//! the documents disagree.

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
        let langs = model.langs.clone();
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
                None if self.fallback => self.fill(variant, &langs),
                None => self.missing_code(variant),
            }
        }
        // In the translation's order, so that a code only it lists joins the
        // type after the code it follows there.
        let mut after: Option<usize> = None;
        for variant in theirs
            .variants
            .iter()
            .filter(|v| by_code.contains_key(v.code.as_str()))
        {
            match model.variants.iter().position(|v| v.code == variant.code) {
                Some(at) => after = Some(at),
                None if self.fallback => {
                    let at = after.map_or(model.variants.len(), |a| a + 1);
                    self.adopt(variant, model, at);
                    after = Some(at);
                }
                None => self.extra_code(variant, model),
            }
        }
    }

    /// Under `fallback`: a code only the translation lists becomes a
    /// variant whose texts in the other languages are the translation's, with
    /// a note saying so; its row's line is the translation's.
    fn adopt(&mut self, variant: &Variant, model: &mut Model, at: usize) {
        if let Some(taken) = model.variants.iter().find(|v| v.name == variant.name) {
            let mut diagnostic = Diagnostic::at(
                self.source,
                variant.rows[0].offset,
                format!(
                    "code `{}`, only in this translation, would be named `{}` as code `{}` of {} is: expected distinct names (write `rename({} = …)`)",
                    visible(&variant.code),
                    variant.name,
                    visible(&taken.code),
                    model.path(),
                    visible(&variant.code)
                ),
            )
            .with_label("only here");
            diagnostic.relate(self.primary, taken.rows[0].offset, "named so here");
            self.diagnostics.push(diagnostic);
            return;
        }
        let langs = self.lang + 1;
        let primary = model.langs.first().map_or("und", String::as_str).to_owned();
        let note = format!(
            "not yet in {} (`{primary}`): this row is line {} of {}, and its `{primary}` texts are the `{}` ones (`fallback`)",
            model.path(),
            variant.rows[0].line,
            self.source.path(),
            model.langs.get(self.lang).map_or("und", String::as_str),
        );
        let mut adopted = variant.clone();
        for row in &mut adopted.rows {
            for text in &mut row.texts {
                let theirs = text.first().cloned().unwrap_or_default();
                *text = vec![theirs; langs];
            }
            row.others = (0..model.others.len())
                .map(|i| vec![row.other(i).to_owned(); langs])
                .collect();
            row.notes.push(note.clone());
        }
        model.variants.insert(at, adopted);
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
                    if self.fallback && text != Text::Section {
                        row.notes.push(format!(
                            "its {} is empty in {}: the translation shows this document's (`fallback`)",
                            text.as_str(),
                            self.source.path()
                        ));
                    }
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

    /// Under `fallback`: a code the translation does not list yet takes the
    /// primary texts in its language, with a note saying so.
    fn fill(&self, variant: &mut Variant, langs: &[String]) {
        let tag = |i: usize| langs.get(i).map_or("und", String::as_str);
        let note = format!(
            "not yet in {} (`{}`): its `{}` texts are the `{}` ones (`fallback`)",
            self.source.path(),
            tag(self.lang),
            tag(self.lang),
            tag(0)
        );
        for row in &mut variant.rows {
            for text in row.texts.iter_mut().chain(&mut row.others) {
                let primary = text[0].clone();
                text[self.lang] = primary;
            }
            row.notes.push(note.clone());
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
                "code `{}` is not in the translation {}: expected every code in every language, or `fallback` to give it this document's texts there",
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
                "code `{}` is in this translation but not in {}: expected every code in every language, or `fallback` to take it with this document's texts",
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

#[cfg(test)]
mod tests {
    use crate::model::{Model, Text};
    use crate::{Expansion, Input, expand_all};

    const ZH: &str = "| 状态码 | 描述 |\n|---|---|\n| 200 | 请求成功 |\n| 404 | 资源不存在 |\n| 418 | 我是茶壶 |\n";
    const EN: &str = "| Status Code | Description |\n|---|---|\n| 200 | Request succeeded |\n| 404 | Not Found |\n";

    fn expand(zh: &str, en: &str, extra: &str) -> Expansion {
        let tokens = format!("\"zh.md\", lang = \"zh\", translation(en = \"en.md\"){extra}");
        let parsed = crate::invocation::parse(tokens.parse().unwrap());
        assert!(parsed.errors.is_empty());
        expand_all(
            Input {
                path: "zh.md",
                bytes: zh.as_bytes(),
            },
            &[Input {
                path: "en.md",
                bytes: en.as_bytes(),
            }],
            &parsed.options,
        )
    }

    fn variant<'a>(model: &'a Model, code: &str) -> &'a crate::model::Variant {
        model
            .variants
            .iter()
            .find(|v| v.code == code)
            .unwrap_or_else(|| panic!("no {code} in {:?}", model.variants))
    }

    /// The expansion has one problem, whose message starts with `start`.
    fn one_error(expansion: &Expansion, start: &str) {
        let messages: Vec<&str> = expansion
            .diagnostics()
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].starts_with(start), "{messages:?}");
    }

    #[test]
    fn a_code_the_translation_lacks_is_an_error_without_fallback() {
        one_error(
            &expand(ZH, EN, ""),
            "code `418` is not in the translation en.md",
        );
    }

    #[test]
    fn fallback_gives_a_code_the_translation_lacks_the_primary_texts_and_says_so() {
        let expansion = expand(ZH, EN, ", fallback");
        assert!(expansion.is_ok(), "{:?}", expansion.diagnostics());
        let mut teapot = variant(expansion.model(), "418").rows[0].clone();
        assert_eq!(
            teapot.text_mut(Text::Description).clone(),
            ["我是茶壶", "我是茶壶"]
        );
        assert_eq!(
            teapot.notes,
            ["not yet in en.md (`en`): its `en` texts are the `zh` ones (`fallback`)"]
        );
        // The codes both list keep their own texts, with no note.
        let mut found = variant(expansion.model(), "404").rows[0].clone();
        assert_eq!(
            found.text_mut(Text::Description).clone(),
            ["资源不存在", "Not Found"]
        );
        assert!(found.notes.is_empty());
    }

    #[test]
    fn fallback_takes_a_code_only_the_translation_lists_after_the_code_it_follows_there() {
        let zh = "| 状态码 | 描述 |\n|---|---|\n| 200 | 请求成功 |\n| 409 | 冲突 |\n";
        let en = "| Status Code | Description |\n|---|---|\n| 200 | OK |\n| 404 | Not Found |\n| 409 | Conflict |\n";
        assert!(!expand(zh, en, "").is_ok());
        let expansion = expand(zh, en, ", fallback");
        assert!(expansion.is_ok(), "{:?}", expansion.diagnostics());
        let codes: Vec<&str> = expansion
            .model()
            .variants
            .iter()
            .map(|v| v.code.as_str())
            .collect();
        assert_eq!(codes, ["200", "404", "409"]);
        let found = variant(expansion.model(), "404");
        assert_eq!(found.name, "NotFound");
        let mut row = found.rows[0].clone();
        assert_eq!(
            row.text_mut(Text::Description).clone(),
            ["Not Found", "Not Found"]
        );
        // Line 4 of the English table.
        assert_eq!(row.line, 4);
        assert_eq!(
            row.notes,
            [
                "not yet in zh.md (`zh`): this row is line 4 of en.md, and its `zh` texts are the `en` ones (`fallback`)"
            ]
        );
    }

    #[test]
    fn fallback_does_not_hide_a_different_status() {
        let zh = "| 错误码 | 状态码 | 描述 |\n|---|---|---|\n| EVS.0001 | 400 | 参数错误 |\n";
        let en = "| Error Code | Status Code | Description |\n|---|---|---|\n| EVS.0001 | 404 | Bad parameter |\n";
        one_error(
            &expand(zh, en, ", fallback"),
            "code `EVS.0001` has HTTP status 400 here and 404 in en.md",
        );
    }

    #[test]
    fn fallback_notes_an_empty_translated_cell() {
        let en = "| Status Code | Description |\n|---|---|\n| 200 | Request succeeded |\n| 404 | |\n| 418 | I'm a teapot |\n";
        let expansion = expand(ZH, en, ", fallback");
        assert!(expansion.is_ok(), "{:?}", expansion.diagnostics());
        let mut row = variant(expansion.model(), "404").rows[0].clone();
        assert_eq!(
            row.text_mut(Text::Description).clone(),
            ["资源不存在", "资源不存在"]
        );
        assert_eq!(
            row.notes,
            [
                "its description is empty in en.md: the translation shows this document's (`fallback`)"
            ]
        );
    }
}
