//! The JSON form of an expansion, a contract other tools read (`inspect
//! --json`, and the rows block of each committed file, which `check` compares):
//! every key always present, `null` when the page has no such column.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value, json};
use status_codegen::model::{Model, Row, Text, Variant};
use status_codegen::{Diagnostic, Kind};

/// The whole report: document, kind, tables, rows, diagnostics.
///
/// Serialized as it is written out, a row at a time: as a tree of values, a
/// page of 20,000 rows took 75 MB before the first byte was printed.
pub(crate) struct Report<'a> {
    model: &'a Model,
    diagnostics: Vec<Value>,
}

/// The report of `model` with `diagnostics` (already in their JSON form).
pub(crate) fn report(model: &Model, diagnostics: Vec<Value>) -> Report<'_> {
    Report { model, diagnostics }
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let model = self.model;
        let documents: Vec<Value> = model
            .documents
            .iter()
            .map(|d| json!({"path": d.path, "lang": d.lang}))
            .collect();
        let skipped: Vec<Value> = model
            .skipped_rows
            .iter()
            .map(|r| json!({"line": r.line, "table": r.table, "reason": r.reason.to_string()}))
            .collect();
        let mut map = serializer.serialize_map(Some(9))?;
        map.serialize_entry("document", model.path())?;
        map.serialize_entry("documents", &documents)?;
        map.serialize_entry("kind", model.kind.as_str())?;
        map.serialize_entry("type", &model.type_name)?;
        map.serialize_entry("langs", &model.langs)?;
        map.serialize_entry("tables", &tables(model))?;
        map.serialize_entry("rows", &Rows(model))?;
        map.serialize_entry("skipped_rows", &skipped)?;
        map.serialize_entry("diagnostics", &self.diagnostics)?;
        map.end()
    }
}

/// [`rows`], made one at a time as they are written.
struct Rows<'a>(&'a Model);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows = self.0.rows();
        let mut seq = serializer.serialize_seq(Some(rows.len()))?;
        for (variant, r) in rows {
            seq.serialize_element(&row(self.0, variant, r))?;
        }
        seq.end()
    }
}

/// Every table of the primary document.
pub(crate) fn tables(model: &Model) -> Vec<Value> {
    model
        .tables
        .iter()
        .map(|t| {
            let columns: Vec<Value> = t
                .columns
                .iter()
                .map(|c| json!({"header": c.header, "role": c.role.as_str(), "lang": c.lang, "because": c.because}))
                .collect();
            json!({
                "index": t.index,
                "line": t.line,
                "section": t.section,
                "caption": t.caption,
                "kind": t.kind.map(Kind::as_str),
                "used": t.used,
                "skipped_because": t.skipped_because,
                "rows": t.rows,
                "columns": columns,
            })
        })
        .collect()
}

/// Every row, in document order, repeated codes included.
pub(crate) fn rows(model: &Model) -> Vec<Value> {
    model
        .rows()
        .into_iter()
        .map(|(v, r)| row(model, v, r))
        .collect()
}

/// One row: texts are exactly what the generated accessors return, as a string,
/// or an object keyed by language tag when the type has several languages.
pub(crate) fn row(model: &Model, variant: &Variant, row: &Row) -> Value {
    let code = match (model.kind, variant.number) {
        (Kind::Status, Some(number)) => json!(number),
        _ => json!(variant.code),
    };
    let mut object = Map::new();
    object.insert("line".to_owned(), json!(row.line));
    object.insert("table".to_owned(), json!(row.table));
    object.insert("code".to_owned(), code);
    object.insert("status".to_owned(), json!(row.statuses));
    object.insert("aliases".to_owned(), json!(row.aliases));
    object.insert("notes".to_owned(), json!(row.notes));
    for text in Text::ALL {
        object.insert(text.as_str().to_owned(), text_value(model, row, text));
    }
    let other: Map<String, Value> = model
        .others
        .iter()
        .enumerate()
        .map(|(i, header)| (header.clone(), json!(row.other(i))))
        .collect();
    object.insert("other".to_owned(), Value::Object(other));
    object.insert("variant".to_owned(), json!(variant.name));
    Value::Object(object)
}

fn text_value(model: &Model, row: &Row, text: Text) -> Value {
    if !model.has(text) {
        return Value::Null;
    }
    if model.langs.len() < 2 {
        return json!(row.text(text));
    }
    let by_lang: Map<String, Value> = model
        .langs
        .iter()
        .enumerate()
        .map(|(i, lang)| (lang.clone(), json!(row.text_in(text, i))))
        .collect();
    Value::Object(by_lang)
}

/// A diagnostic: its path, line and column (from 1, `null` for a whole-file
/// problem) and its message.
pub(crate) fn diagnostic(diagnostic: &Diagnostic) -> Value {
    json!({
        "path": diagnostic.path,
        "line": diagnostic.location.map(|l| l.line),
        "column": diagnostic.location.map(|l| l.column),
        "message": diagnostic.message,
        "notes": diagnostic.notes,
        "fix": diagnostic.fix.as_ref().map(ToString::to_string),
    })
}
