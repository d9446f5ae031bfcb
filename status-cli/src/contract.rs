//! The `inspect --json` contract, as types: one struct per JSON object, one
//! field per key, each key named explicitly. `inspect --json` writes a
//! [`Report`], `check` and `sync` read a committed file's rows back as
//! [`Row`]s, and the tests read reports with these same types, so a key
//! renamed or dropped here is a change every reader sees.
//!
//! Every key is always present, `null` when the page has no such column;
//! `status` is always an array; `line` and `column` count from 1. A tool
//! reading the JSON may deserialize it into these types (with `serde_json`):
//! every struct refuses a key it does not know, so a report of another
//! version says where it differs instead of reading as empty fields.

use std::fmt;

use indexmap::IndexMap;
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use status_codegen::model::{self, Model};

/// What `status-table inspect --json` prints: the documents, the type, every
/// table of the primary document, the rows, the rows skipped and the problems.
///
/// `R` holds the rows: a `Vec<Row>` as a reader reads them; as `inspect`
/// writes them, a row at a time (as a tree of values, a page of 20,000 rows
/// took 75 MB before the first byte was printed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report<R = Vec<Row>> {
    /// The primary document's path, as the invocation writes it.
    #[serde(rename = "document")]
    pub document: String,
    /// Every document of the type, the primary one first.
    #[serde(rename = "documents")]
    pub documents: Vec<Document>,
    /// Status codes or error codes.
    #[serde(rename = "kind")]
    pub kind: Kind,
    /// The enum's name.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The language tags of the texts, primary first; empty when the type has
    /// one unnamed language.
    #[serde(rename = "langs")]
    pub langs: Vec<String>,
    /// Every table of the primary document, nested ones included, used or not.
    #[serde(rename = "tables")]
    pub tables: Vec<Table>,
    /// Every row in document order, repeated codes included.
    #[serde(rename = "rows")]
    pub rows: R,
    /// The rows of used tables read as no code, each with its reason.
    #[serde(rename = "skipped_rows")]
    pub skipped_rows: Vec<SkippedRow>,
    /// Every problem: in the documents, and in the options.
    #[serde(rename = "diagnostics")]
    pub diagnostics: Vec<Diagnostic>,
}

/// A document of the type: the primary one or a translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Its path, as the invocation writes it.
    #[serde(rename = "path")]
    pub path: String,
    /// Its language tag (`zh`, `en`), when the invocation gives languages.
    #[serde(rename = "lang")]
    pub lang: Option<String>,
}

/// What the codes of a type or a table are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// HTTP statuses (`200`, `404`).
    #[serde(rename = "status")]
    Status,
    /// Error codes (`EVS.0001`, `NoSuchKey`).
    #[serde(rename = "error")]
    Error,
}

/// A table of the primary document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Its index among every table of the document, from 0 (what `table = N` counts).
    #[serde(rename = "index")]
    pub index: usize,
    /// The line of its first character.
    #[serde(rename = "line")]
    pub line: usize,
    /// The text introducing it (a list item, a caption, a heading).
    #[serde(rename = "section")]
    pub section: Option<String>,
    /// Its caption.
    #[serde(rename = "caption")]
    pub caption: Option<String>,
    /// Its kind, when it is a code table.
    #[serde(rename = "kind")]
    pub kind: Option<Kind>,
    /// Whether its rows are in the type.
    #[serde(rename = "used")]
    pub used: bool,
    /// Why not, when it is not.
    #[serde(rename = "skipped_because")]
    pub skipped_because: Option<String>,
    /// How many body rows it has.
    #[serde(rename = "rows")]
    pub rows: usize,
    /// Its columns, in order.
    #[serde(rename = "columns")]
    pub columns: Vec<Column>,
}

/// A column of a table, and the role it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The header as written.
    #[serde(rename = "header")]
    pub header: String,
    /// What the column holds.
    #[serde(rename = "role")]
    pub role: Role,
    /// The language its header names (`描述（English）`), if any.
    #[serde(rename = "lang")]
    pub lang: Option<String>,
    /// Why it has its role: its header word, what its cells showed.
    #[serde(rename = "because")]
    pub because: String,
}

/// What a column holds (the names of the `{role}_column` options).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// The error code (error tables).
    #[serde(rename = "code")]
    Code,
    /// The HTTP status (the code itself in status tables).
    #[serde(rename = "status")]
    Status,
    /// A reason phrase or name.
    #[serde(rename = "reason")]
    Reason,
    /// The error message.
    #[serde(rename = "message")]
    Message,
    /// The description.
    #[serde(rename = "description")]
    Description,
    /// What to do about it.
    #[serde(rename = "solution")]
    Solution,
    /// The module, service or category.
    #[serde(rename = "module")]
    Module,
    /// The code in another notation (`256` beside `0x0100`).
    #[serde(rename = "alias")]
    Alias,
    /// No recognised role: the row's `other` cells.
    #[serde(rename = "other")]
    Other,
}

/// One row of the type (a code listed on several rows has one each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Its line in the primary document.
    #[serde(rename = "line")]
    pub line: usize,
    /// The index of its table.
    #[serde(rename = "table")]
    pub table: usize,
    /// The code: a number for status tables, a string as written for error tables.
    #[serde(rename = "code")]
    pub code: Code,
    /// Its HTTP statuses (empty when the table has no status column or the cell gives none).
    #[serde(rename = "status")]
    pub status: Vec<u16>,
    /// The code's other notations, from an alias column.
    #[serde(rename = "aliases")]
    pub aliases: Vec<String>,
    /// What a reader should know about the row: a remark after its code or
    /// status, invisible characters dropped, a cell the invocation corrects, a
    /// row continuing cells from the row above.
    #[serde(rename = "notes")]
    pub notes: Vec<String>,
    /// `reason()`, when the type has it.
    #[serde(rename = "reason")]
    pub reason: Option<Text>,
    /// `message()`, when the type has it.
    #[serde(rename = "message")]
    pub message: Option<Text>,
    /// `description()`, when the type has it.
    #[serde(rename = "description")]
    pub description: Option<Text>,
    /// `solution()`, when the type has it.
    #[serde(rename = "solution")]
    pub solution: Option<Text>,
    /// `module()`, when the type has it.
    #[serde(rename = "module")]
    pub module: Option<Text>,
    /// `section()`: the text introducing the row's table.
    #[serde(rename = "section")]
    pub section: Option<Text>,
    /// The cells of the columns with no role, by header (primary language).
    #[serde(rename = "other")]
    pub other: IndexMap<String, String>,
    /// The variant's name.
    #[serde(rename = "variant")]
    pub variant: String,
}

/// A row's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Code {
    /// A status table's code: `404`.
    Number(u16),
    /// An error table's code, exactly as written: `"EVS.0001"`, `"0"`.
    Text(String),
}

/// A text of a row, exactly what the generated accessor returns: one string,
/// or with translations (or a column per language) one per language tag
/// (`{"zh": "…", "en": "…"}`), primary first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// The type has one language.
    One(String),
    /// The text in each language of the type.
    ByLang(IndexMap<String, String>),
}

/// A row read as no code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkippedRow {
    /// Its line.
    #[serde(rename = "line")]
    pub line: usize,
    /// The index of its table.
    #[serde(rename = "table")]
    pub table: usize,
    /// Why: a class range (`2xx`) or catch-all (`Others`), a range of error
    /// codes (`DIS.5000 to DIS.5999`), a placeholder (`-`, `...`), the header
    /// repeated mid-table, a label or note alone in its row.
    #[serde(rename = "reason")]
    pub reason: String,
}

/// A problem, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// The file as written, or `--options` for a problem in the options.
    #[serde(rename = "path")]
    pub path: String,
    /// Its line, from 1; `null` for a problem with the whole file.
    #[serde(rename = "line")]
    pub line: Option<usize>,
    /// Its column in characters, from 1; `null` with `line`.
    #[serde(rename = "column")]
    pub column: Option<usize>,
    /// What was found, and what was expected.
    #[serde(rename = "message")]
    pub message: String,
    /// Extra lines, such as the paths that were tried.
    #[serde(rename = "notes")]
    pub notes: Vec<String>,
    /// The options text that, written after the path, makes the problem go
    /// away (tried by the engine before it is offered).
    #[serde(rename = "fix")]
    pub fix: Option<String>,
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(number) => write!(f, "{number}"),
            Self::Text(text) => f.write_str(text),
        }
    }
}

impl Row {
    /// The text `which`, as its key holds it.
    pub fn text(&self, which: model::Text) -> Option<&Text> {
        match which {
            model::Text::Reason => self.reason.as_ref(),
            model::Text::Message => self.message.as_ref(),
            model::Text::Description => self.description.as_ref(),
            model::Text::Solution => self.solution.as_ref(),
            model::Text::Module => self.module.as_ref(),
            model::Text::Section => self.section.as_ref(),
        }
    }

    /// One row of `model`'s variant `variant`.
    pub(crate) fn of(model: &Model, variant: &model::Variant, row: &model::Row) -> Self {
        let code = match (model.kind(), variant.number()) {
            (model::Kind::Status, Some(number)) => Code::Number(number),
            _ => Code::Text(variant.code().to_owned()),
        };
        let text = |which| Text::of(model, row, which);
        Self {
            line: row.line(),
            table: row.table(),
            code,
            status: row.statuses().to_vec(),
            aliases: row.aliases().to_vec(),
            notes: row.notes().to_vec(),
            reason: text(model::Text::Reason),
            message: text(model::Text::Message),
            description: text(model::Text::Description),
            solution: text(model::Text::Solution),
            module: text(model::Text::Module),
            section: text(model::Text::Section),
            other: model
                .others()
                .iter()
                .enumerate()
                .map(|(i, header)| (header.clone(), row.other(i).to_owned()))
                .collect(),
            variant: variant.name().to_owned(),
        }
    }

    /// Every row of `model`, in document order.
    pub(crate) fn all(model: &Model) -> Vec<Self> {
        model
            .rows()
            .into_iter()
            .map(|(variant, row)| Self::of(model, variant, row))
            .collect()
    }
}

impl Text {
    /// The text as a reader reads it: the text, or each language's
    /// (`zh: 参数错误 / en: Invalid parameter`).
    pub fn reading(&self) -> String {
        match self {
            Self::One(text) => text.clone(),
            Self::ByLang(by_lang) => keyed(by_lang),
        }
    }

    /// `null` when the type has no accessor for `which`.
    fn of(model: &Model, row: &model::Row, which: model::Text) -> Option<Self> {
        if !model.has(which) {
            return None;
        }
        Some(if model.langs().len() < 2 {
            Self::One(row.text(which).to_owned())
        } else {
            Self::ByLang(
                model
                    .langs()
                    .iter()
                    .enumerate()
                    .map(|(i, lang)| (lang.clone(), row.text_in(which, i).to_owned()))
                    .collect(),
            )
        })
    }
}

/// Texts by key as one line: `key: text / key: text`.
pub(crate) fn keyed(texts: &IndexMap<String, String>) -> String {
    texts
        .iter()
        .map(|(key, text)| format!("{key}: {text}"))
        .collect::<Vec<_>>()
        .join(" / ")
}

impl From<model::Kind> for Kind {
    fn from(kind: model::Kind) -> Self {
        match kind {
            model::Kind::Status => Self::Status,
            model::Kind::Error => Self::Error,
        }
    }
}

impl From<model::Role> for Role {
    fn from(role: model::Role) -> Self {
        match role {
            model::Role::Code => Self::Code,
            model::Role::Status => Self::Status,
            model::Role::Reason => Self::Reason,
            model::Role::Message => Self::Message,
            model::Role::Description => Self::Description,
            model::Role::Solution => Self::Solution,
            model::Role::Module => Self::Module,
            model::Role::Alias => Self::Alias,
            model::Role::Other => Self::Other,
        }
    }
}

impl From<&model::TableInfo> for Table {
    fn from(table: &model::TableInfo) -> Self {
        Self {
            index: table.index(),
            line: table.line(),
            section: table.section().map(str::to_owned),
            caption: table.caption().map(str::to_owned),
            kind: table.kind().map(Kind::from),
            used: table.is_used(),
            skipped_because: table.skipped_because().map(ToString::to_string),
            rows: table.row_count(),
            columns: table
                .columns()
                .iter()
                .map(|c| Column {
                    header: c.header().to_owned(),
                    role: c.role().into(),
                    lang: c.lang().map(str::to_owned),
                    because: c.because().to_owned(),
                })
                .collect(),
        }
    }
}

impl From<&status_codegen::Diagnostic> for Diagnostic {
    fn from(diagnostic: &status_codegen::Diagnostic) -> Self {
        Self {
            path: diagnostic.path().to_owned(),
            line: diagnostic.location().map(status_codegen::Location::line),
            column: diagnostic.location().map(status_codegen::Location::column),
            message: diagnostic.message().to_owned(),
            notes: diagnostic.notes().to_vec(),
            fix: diagnostic.fix().map(ToString::to_string),
        }
    }
}

/// The rows of a model, made one at a time as they are written.
pub(crate) struct RowsOf<'a>(&'a Model);

impl Serialize for RowsOf<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows = self.0.rows();
        let mut seq = serializer.serialize_seq(Some(rows.len()))?;
        for (variant, row) in rows {
            seq.serialize_element(&Row::of(self.0, variant, row))?;
        }
        seq.end()
    }
}

impl<'a> Report<RowsOf<'a>> {
    /// The report of `model` with `diagnostics`, its rows written as they are made.
    pub(crate) fn of(model: &'a Model, diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            document: model.path().to_owned(),
            documents: model
                .documents()
                .iter()
                .map(|d| Document {
                    path: d.path().to_owned(),
                    lang: d.lang().map(str::to_owned),
                })
                .collect(),
            kind: model.kind().into(),
            type_name: model.type_name().to_owned(),
            langs: model.langs().to_vec(),
            tables: model.tables().iter().map(Table::from).collect(),
            rows: RowsOf(model),
            skipped_rows: model
                .skipped_rows()
                .iter()
                .map(|r| SkippedRow {
                    line: r.line(),
                    table: r.table(),
                    reason: r.reason().to_string(),
                })
                .collect(),
            diagnostics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the crate docs (`lib.rs`), as written there.
    fn documented() -> String {
        include_str!("lib.rs")
            .lines()
            .skip_while(|l| *l != "//! ```json")
            .skip(1)
            .take_while(|l| *l != "//! ```")
            .map(|l| l.trim_start_matches("//!"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_crate_docs_show_the_contract_key_for_key() {
        let text = documented();
        assert!(text.contains("\"rows\""), "lib.rs shows a ```json example");
        let written: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
        // A key the docs show and the types lack fails here (every struct
        // denies unknown keys) ...
        let report: Report = serde_json::from_value(written.clone())
            .unwrap_or_else(|e| panic!("the crate docs' example is no contract::Report: {e}"));
        // ... and one the types have and the docs lack, or a key out of the
        // order the types write, makes the two differ.
        assert_eq!(
            serde_json::to_string(&report).unwrap(),
            serde_json::to_string(&written).unwrap()
        );
    }

    #[test]
    fn roles_and_kinds_are_named_as_the_engine_names_them() {
        use model::Role as R;
        for role in [
            R::Code,
            R::Status,
            R::Reason,
            R::Message,
            R::Description,
            R::Solution,
            R::Module,
            R::Alias,
            R::Other,
        ] {
            assert_eq!(
                serde_json::to_value(Role::from(role)).unwrap(),
                role.as_str()
            );
        }
        for kind in [model::Kind::Status, model::Kind::Error] {
            assert_eq!(
                serde_json::to_value(Kind::from(kind)).unwrap(),
                kind.as_str()
            );
        }
    }

    #[test]
    fn each_text_is_under_its_accessors_name() {
        let one = |t: &str| Some(Text::One(t.to_owned()));
        let row = Row {
            line: 3,
            table: 0,
            code: Code::Text("0".to_owned()),
            status: vec![400, 404],
            aliases: Vec::new(),
            notes: Vec::new(),
            reason: one("r"),
            message: one("m"),
            description: one("d"),
            solution: None,
            module: one("mo"),
            section: Some(Text::ByLang(IndexMap::from([
                ("zh".to_owned(), "异常".to_owned()),
                ("en".to_owned(), "Abnormal".to_owned()),
            ]))),
            other: IndexMap::new(),
            variant: "V".to_owned(),
        };
        let value = serde_json::to_value(&row).unwrap();
        for which in model::Text::ALL {
            assert_eq!(
                value[which.as_str()],
                serde_json::to_value(row.text(which)).unwrap(),
                "{}",
                which.as_str()
            );
        }
        // An error code that looks like a number stays the string it was.
        assert_eq!(value["code"], "0");
        let back: Row = serde_json::from_value(value).unwrap();
        assert_eq!(back, row);
        assert_eq!(
            back.section.map(|s| s.reading()).as_deref(),
            Some("zh: 异常 / en: Abnormal")
        );
    }

    #[test]
    fn a_row_of_another_shape_is_refused_not_read_as_empty() {
        // `description` renamed: read leniently, every text would change "from null".
        let renamed = r#"{"line":1,"table":0,"code":200,"status":[200],"aliases":[],"notes":[],"reason":null,"message":null,"desc":"OK","solution":null,"module":null,"section":"","other":{},"variant":"Ok"}"#;
        let error = serde_json::from_str::<Row>(renamed).unwrap_err();
        assert!(
            error.to_string().contains("unknown field `desc`"),
            "{error}"
        );
    }
}
