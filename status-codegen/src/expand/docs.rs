//! The generated documentation, for the type's users: the enum's page shows
//! the whole table as the document has it (every row, repeated codes
//! included), says which tables and rows were not read and why; every variant
//! gives its texts. What maintainers look for (document lines, "edit the
//! document") is in the committed file's header, not here.

use proc_macro2::Ident;
use quote::format_ident;

use super::View;
use crate::model::{Kind, Row, Text, Variant};

/// The enum's documentation, one `#[doc]` line each.
pub(super) fn enum_doc(view: &View<'_>) -> Vec<String> {
    let model = view.model;
    let mut lines = Vec::new();
    if let Some(doc) = &view.options.doc {
        lines.extend(doc.lines().map(|l| format!(" {l}")));
        lines.push(String::new());
    }
    let what = match model.kind {
        Kind::Status => "Status codes",
        Kind::Error => "Error codes",
    };
    let title = model
        .title
        .as_deref()
        .map_or_else(String::new, |t| format!(" from the page *{}*", escape(t)));
    let sources: Vec<String> = model
        .documents
        .iter()
        .map(|d| match &d.lang {
            Some(lang) if model.documents.len() > 1 => format!("`{}` ({lang})", d.path),
            _ => format!("`{}`", d.path),
        })
        .collect();
    lines.push(format!(
        " {what}{title}, generated from {}.",
        sources.join(" and ")
    ));
    accessors(view, &mut lines);
    if !model.variants.is_empty() {
        lines.push(String::new());
        table(view, &mut lines);
    }
    not_read(view, &mut lines);
    lines
}

/// What the type answers, and what it does not because the page has no such
/// column: the first thing a reader of the enum's page needs.
fn accessors(view: &View<'_>, lines: &mut Vec<String>) {
    let model = view.model;
    let mut has: Vec<String> = vec!["`code()`".into(), "`from_code()`".into(), "`name()`".into()];
    let texts = [
        Text::Reason,
        Text::Message,
        Text::Description,
        Text::Solution,
        Text::Module,
    ];
    has.extend(
        texts
            .iter()
            .filter(|t| model.has(**t))
            .map(|t| format!("`{}()`", t.as_str())),
    );
    has.push("`section()`".into());
    if model.langs.len() > 1 {
        has.push("`*_in(lang)`".into());
    }
    if model.kind == Kind::Error && model.has_status {
        has.extend(["`http_status()`".into(), "`http_statuses()`".into()]);
    }
    if model.kind == Kind::Status {
        has.push("`is_success()` and the other classes".into());
    }
    has.extend(
        model
            .accessors
            .iter()
            .map(|(name, _)| format!("`{name}()`")),
    );
    has.extend(["`rows()`".into(), "`ALL`".into()]);
    lines.push(String::new());
    lines.push(format!(" Each code answers {}.", has.join(", ")));
    let missing: Vec<String> = texts
        .iter()
        .filter(|t| !model.has(**t))
        .map(|t| format!("`{}()`", t.as_str()))
        .collect();
    if !missing.is_empty() && !model.variants.is_empty() {
        lines.push(format!(
            " The page has no column for {}, so the type has no such method.",
            missing.join(", ")
        ));
    }
}

/// The text columns of the table in the docs: every text the type holds,
/// each with its texts in every language.
fn text_columns(view: &View<'_>) -> Vec<Text> {
    Text::ALL
        .into_iter()
        .filter(|t| view.model.has(*t))
        .collect()
}

/// A row's text in every language, one line each in its cell, primary first;
/// a text the translations repeat is written once.
fn texts_cell(row: &Row, text: Text, languages: usize) -> String {
    let mut texts: Vec<&str> = Vec::new();
    for lang in 0..languages {
        let value = row.text_in(text, lang);
        if !value.is_empty() && !texts.contains(&value) {
            texts.push(value);
        }
    }
    texts
        .into_iter()
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The table of every row. It is read at the width of a rustdoc page (about
/// 960 px): the code (in code font, left-aligned, its variant under it) and
/// the HTTP status are as narrow as they can be, and the texts take the rest,
/// each language of a text in one cell rather than a column each, so that a
/// Chinese text is not wrapped every few characters.
fn table(view: &View<'_>, lines: &mut Vec<String>) {
    let model = view.model;
    let rows = model.rows();
    let languages = model.langs.len().max(1);
    // A column with one value on every row is a sentence above the table.
    let (constant, columns): (Vec<_>, Vec<_>) = text_columns(view).into_iter().partition(|text| {
        rows.len() > 1
            && rows.iter().all(|(_, r)| {
                (0..languages).all(|l| r.text_in(*text, l) == rows[0].1.text_in(*text, l))
            })
    });
    for text in &constant {
        let value = texts_cell(rows[0].1, *text, languages).replace("<br>", " / ");
        if !value.is_empty() {
            lines.push(format!(
                " {} of every row: {value}.",
                capitalised(text.as_str())
            ));
            lines.push(String::new());
        }
    }
    let status = model.kind == Kind::Error && model.has_status;
    let mut head = vec!["Code".to_owned()];
    if status {
        head.push("HTTP status".to_owned());
    }
    let in_languages = if model.langs.len() > 1 {
        format!(" ({})", model.langs.join(", "))
    } else {
        String::new()
    };
    head.extend(
        columns
            .iter()
            .map(|t| format!("{}{in_languages}", capitalised(t.as_str()))),
    );
    lines.push(format!(" | {} |", head.join(" | ")));
    lines.push(format!(" |{}|", vec![":---"; head.len()].join("|")));
    for (variant, row) in rows {
        let mut cells = vec![format!(
            "{}<br>[`{}`](Self::{})",
            code_span(&variant.code),
            variant.name,
            variant.name
        )];
        if status {
            let statuses: Vec<String> = row.statuses.iter().map(u16::to_string).collect();
            cells.push(statuses.join(", "));
        }
        cells.extend(columns.iter().map(|t| texts_cell(row, *t, languages)));
        lines.push(format!(" | {} |", cells.join(" | ")));
    }
}

/// A code as code, in a table cell: as a code span when it can be one (a
/// backtick or a pipe would end it), else as escaped text.
fn code_span(code: &str) -> String {
    if code.contains(['`', '|', '\n']) {
        escape(code)
    } else {
        format!("`{code}`")
    }
}

/// The tables and rows of the document that are not in the type, with why.
fn not_read(view: &View<'_>, lines: &mut Vec<String>) {
    let model = view.model;
    let skipped: Vec<String> = model
        .tables
        .iter()
        .filter(|t| !t.used)
        .map(|t| {
            format!(
                " - table {} (line {}): {}",
                t.index,
                t.line,
                escape(
                    &t.skipped_because
                        .as_ref()
                        .map_or_else(|| "not used".to_owned(), ToString::to_string)
                )
            )
        })
        .collect();
    if !skipped.is_empty() {
        lines.push(String::new());
        lines.push(format!(" Tables of `{}` not read:", model.path()));
        lines.push(String::new());
        lines.extend(skipped);
    }
    if !model.skipped_rows.is_empty() {
        lines.push(String::new());
        lines.push(" Rows not read:".to_owned());
        lines.push(String::new());
        for row in &model.skipped_rows {
            lines.push(format!(
                " - line {}: {}",
                row.line,
                escape(&row.reason.to_string())
            ));
        }
    }
}

/// One `#[doc]` list per variant: its main text, its other texts, its status,
/// section and line, and the other rows that list its code.
pub(super) fn variant_docs(view: &View<'_>) -> Vec<Vec<String>> {
    view.model
        .variants
        .iter()
        .map(|v| variant_doc(view, v))
        .collect()
}

fn variant_doc(view: &View<'_>, variant: &Variant) -> Vec<String> {
    let model = view.model;
    let first = &variant.rows[0];
    let main = [Text::Message, Text::Description, Text::Reason]
        .into_iter()
        .find(|t| model.has(*t) && !first.text(*t).is_empty());
    let mut lines = vec![format!(
        " `{}` {}",
        variant.code,
        main.map_or_else(String::new, |t| escape(first.text(t)))
    )];
    let others: Vec<String> = [
        Text::Reason,
        Text::Message,
        Text::Description,
        Text::Solution,
        Text::Module,
    ]
    .into_iter()
    .filter(|t| Some(*t) != main && model.has(*t) && !first.text(*t).is_empty())
    .map(|t| format!(" {}: {}", capitalised(t.as_str()), escape(first.text(t))))
    .collect();
    for note in variant.rows.iter().flat_map(|r| &r.notes) {
        lines.push(String::new());
        lines.push(format!(" Note: {}", escape(note)));
    }
    let aliases = variant.aliases();
    if !aliases.is_empty() {
        let written: Vec<String> = aliases.iter().map(|a| format!("`{a}`")).collect();
        lines.push(String::new());
        lines.push(format!(" Also written {}.", written.join(", ")));
    }
    if model.kind == Kind::Error && model.has_status {
        let statuses: Vec<String> = variant.statuses().iter().map(u16::to_string).collect();
        lines.push(String::new());
        lines.push(format!(" HTTP status {}.", statuses.join(", ")));
    }
    let unmapped = model.others.iter().enumerate().filter_map(|(i, header)| {
        let text = first.other(i);
        (!text.is_empty()).then(|| format!(" {}: {}", escape(header), escape(text)))
    });
    for line in others.into_iter().chain(unmapped) {
        lines.push(String::new());
        lines.push(line);
    }
    let section = first.text(Text::Section);
    if !section.is_empty() {
        lines.push(String::new());
        lines.push(format!(" Section: {}.", escape(section)));
    }
    for row in &variant.rows[1..] {
        let text = main.map_or("", |t| row.text(t));
        lines.push(String::new());
        lines.push(format!(" Also listed as: {}", escape(text)));
    }
    lines
}

/// The doc of a text accessor.
pub(super) fn text_doc(text: Text, lang: Option<&String>) -> String {
    let what = match text {
        Text::Section => {
            "The section of the document the code is listed in (empty if none)".to_owned()
        }
        _ => format!(
            "The {}, exactly as the document writes it (its first row)",
            text.as_str()
        ),
    };
    match lang {
        Some(lang) => format!(" {what}, in `{lang}`."),
        None => format!(" {what}."),
    }
}

/// The row type's text fields, in order.
pub(super) fn row_fields(view: &View<'_>) -> Vec<(Ident, Text)> {
    view.model
        .texts
        .iter()
        .map(|t| (format_ident!("{}", t.as_str()), *t))
        .collect()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Text from the document made inert in Markdown documentation: rustdoc shows
/// it as written instead of reading it as markup or HTML, and a `|` does not
/// end a table cell. Escaped once.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '!' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn doc_text_cannot_become_markup() {
        assert_eq!(escape("a*b*"), "a\\*b\\*");
        assert_eq!(escape("</table>"), "&lt;/table&gt;");
        assert_eq!(escape("x\ny"), "x y");
        assert_eq!(escape("a|b"), "a\\|b");
    }
}
