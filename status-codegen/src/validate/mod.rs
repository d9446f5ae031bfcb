//! Validation: the document's tables become a [`Model`], and every problem a
//! located [`Diagnostic`](crate::Diagnostic).
//!
//! Three steps: choose the tables ([`select`]), read their rows with per-row
//! checks ([`rows`]), then group rows into variants with the cross-row checks
//! (duplicates, names, renames: [`variants`]). A bad row is left out of the
//! model, so that the type can still be generated.

mod codes;
mod error_rows;
mod rows;
mod select;
mod statuses;
mod systems;
mod variants;

use crate::diagnostic::{Diagnostics, InvocationError};
use crate::document::Document;
use crate::model::{DocumentInfo, Kind, Model, Text};
use crate::options::Options;
use crate::source::Source;

pub(crate) use select::Selection;

/// What validation found besides the model: problems in the document, and
/// problems with the invocation that only the document could reveal (a
/// `rename` of a code the table lacks).
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// Problems located in the document.
    pub(crate) diagnostics: Diagnostics,
    /// Problems located in the invocation.
    pub(crate) invocation: Vec<InvocationError>,
}

/// What a document is to the type being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// The primary document: it decides the variants.
    Primary,
    /// A translation: its rows are matched to the primary's, and a missing
    /// text is judged when they are merged (`fallback` may fill it).
    Translation,
}

/// Builds the model of `document`, with every problem found on the way.
pub(crate) fn check(
    source: &Source,
    document: &Document,
    options: &Options,
    purpose: Purpose,
    findings: &mut Findings,
) -> Model {
    let selection = select::select(source, document, options, &mut findings.diagnostics);
    let kind = selection.kind;
    let read = rows::read(
        source,
        document,
        &selection,
        options,
        purpose,
        &mut findings.diagnostics,
    );
    corrections_are_used(&read, options, &mut findings.invocation);
    let mut model = Model {
        kind,
        type_name: options.type_name(kind).to_owned(),
        title: document.title.clone(),
        documents: vec![DocumentInfo {
            path: source.path().to_owned(),
            lang: options.lang.clone(),
        }],
        langs: read.langs,
        texts: read.texts,
        has_status: kind == Kind::Status || read.has_status,
        others: read.others,
        accessors: Vec::new(),
        variants: Vec::new(),
        tables: selection.tables,
        skipped_rows: read.skipped,
    };
    for (index, why) in read.refused {
        model.tables[index].used = false;
        model.tables[index].skipped_because = Some(why);
    }
    if !model.texts.contains(&Text::Section) {
        model.texts.push(Text::Section);
    }
    model.variants = variants::group(source, kind, read.rows, options, findings);
    model.accessors = variants::accessors(&model.others, options, &mut findings.invocation);
    model
}

/// Every `skip`, `status` and `code` option names a code the tables write.
fn corrections_are_used(read: &rows::Read, options: &Options, errors: &mut Vec<InvocationError>) {
    let known = |code: &str| {
        read.written.iter().any(|w| w == code)
            || read.rows.iter().any(|r| r.code == code)
            || read.skipped.iter().any(|s| s.reason.text() == code)
    };
    for (option, list) in [
        ("skip", &options.skips),
        ("status", &options.statuses),
        ("code", &options.codes),
    ] {
        for named in list.iter().filter(|o| !known(&o.code)) {
            errors.push(InvocationError::new(
                named.span,
                format!(
                    "`{option}` names code `{}`, which is not in the table{}",
                    named.code,
                    crate::suggest::did_you_mean(
                        &named.code,
                        read.written.iter().map(String::as_str)
                    )
                ),
            ));
        }
    }
}

/// The model of a document that could not be read: the promised type with no
/// variants, and every accessor a type of its kind can have, so that code using
/// the type meets the real error and no cascade of "no method".
pub(crate) fn empty(path: &str, options: &Options) -> Model {
    let kind = options.kind.unwrap_or(Kind::Status);
    Model {
        kind,
        type_name: options.type_name(kind).to_owned(),
        title: None,
        documents: vec![DocumentInfo {
            path: path.to_owned(),
            lang: options.lang.clone(),
        }],
        langs: options.lang.iter().cloned().collect(),
        texts: Text::ALL.to_vec(),
        has_status: true,
        others: Vec::new(),
        accessors: Vec::new(),
        variants: Vec::new(),
        tables: Vec::new(),
        skipped_rows: Vec::new(),
    }
}
