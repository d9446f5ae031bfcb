//! What the user can choose about the generated type. Front ends fill this in:
//! the macro and the CLI from the invocation's options ([`crate::invocation`]),
//! build.rs from a builder.

use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::model::{Kind, Role};

/// Which of a document's tables to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableSelector {
    /// The n-th table of the document, counting from 0 over every table
    /// (HTML and pipe tables, nested ones included).
    Index(usize),
    /// The table whose caption is this text (with or without its `Table N`).
    Caption(String),
    /// The tables whose section (list item, caption or heading) is this text.
    Section(String),
}

impl TableSelector {
    /// The option as written after the path: `table = 1`, `section = "异常"`.
    pub fn written(&self) -> String {
        match self {
            Self::Index(i) => format!("table = {i}"),
            Self::Section(s) => format!("section = {s:?}"),
            Self::Caption(c) => format!("caption = {c:?}"),
        }
    }
}

/// The condition under which optional trait impls (`http`, `serde`) are emitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// Always: the invoking crate depends on the library.
    Always,
    /// Under `#[cfg(feature = "...")]` of the invoking crate.
    Feature(String),
}

/// The crates an invocation's code may name besides `core`: each option of
/// that name (`http`, `serde`) makes code that uses the crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interop {
    /// `http`: conversions with `http::StatusCode`.
    Http,
    /// `serde`: `Serialize` and `Deserialize`.
    Serde,
}

impl Interop {
    /// The option's name, which is the crate's.
    pub fn name(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Serde => "serde",
        }
    }
}

/// Columns named by their header text, for headers the vocabulary does not
/// know: `code_column = "…"`, `status_column = "…"`, ….
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnChoice {
    /// (role, header text), at most one per role.
    pub columns: Vec<(Role, String)>,
}

impl ColumnChoice {
    /// The header named for `role`, if any.
    pub fn get(&self, role: Role) -> Option<&str> {
        self.columns
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, h)| h.as_str())
    }

    /// Names the column for `role`; false when it was named already.
    pub fn set(&mut self, role: Role, header: String) -> bool {
        if self.get(role).is_some() {
            return false;
        }
        self.columns.push((role, header));
        true
    }
}

/// A variant name chosen by the user.
#[derive(Debug, Clone)]
pub struct Rename {
    /// The code as written in the invocation (`413`, `"EVS.0001"`).
    pub code: String,
    /// The variant name.
    pub name: String,
    /// Where the code is written in the invocation.
    pub span: Span,
}

/// A row-level correction by code: `skip(CODE)`, `status(CODE = 400)`,
/// `code("DCS. 4855" = "DCS.4855")`.
#[derive(Debug, Clone)]
pub struct Override {
    /// The code as the document writes it.
    pub code: String,
    /// The status or the corrected code (empty for `skip`).
    pub value: String,
    /// Where the code is written in the invocation.
    pub span: Span,
}

/// A document in another language.
#[derive(Debug, Clone)]
pub struct Translation {
    /// Its BCP 47 tag (`en`, `zh-Hant`).
    pub lang: String,
    /// Its path, resolved as the primary document's.
    pub path: String,
    /// Where it is named in the invocation.
    pub span: Span,
}

/// An accessor for a column the vocabulary does not know.
#[derive(Debug, Clone)]
pub struct Accessor {
    /// The method's name.
    pub name: String,
    /// The column's header text.
    pub header: String,
    /// Where it is named in the invocation.
    pub span: Span,
}

/// Options for one generated type. `Options::default()` is the bare
/// `status_table!("path")`.
#[derive(Debug, Clone)]
pub struct Options {
    /// The enum's name; `None` is `StatusCode` or `ErrorCode` by kind.
    pub type_name: Option<String>,
    /// The visibility of the enum and its companion types, e.g. `pub(crate)`.
    pub visibility: TokenStream,
    /// Extra derives, as paths (`serde::Serialize`).
    pub derives: Vec<TokenStream>,
    /// Extra attributes on the enum, each the tokens inside `#[...]`.
    pub attributes: Vec<TokenStream>,
    /// Put `#[non_exhaustive]` on the enum.
    pub non_exhaustive: bool,
    /// Variant names chosen by the user.
    pub renames: Vec<Rename>,
    /// Only read these tables; `None` reads every code table.
    pub tables: Option<TableSelector>,
    /// The kind of table to read, when a page has both.
    pub kind: Option<Kind>,
    /// Columns named for every table.
    pub columns: ColumnChoice,
    /// Columns named for one table: (table index, choice).
    pub table_columns: Vec<(usize, ColumnChoice)>,
    /// Accessors for unrecognised columns.
    pub accessors: Vec<Accessor>,
    /// Text put before the generated documentation of the enum.
    pub doc: Option<String>,
    /// Conversions to and from `http::StatusCode` (the caller depends on `http`).
    pub http: Option<Condition>,
    /// `serde` as the number or the code string (the caller depends on `serde`).
    pub serde: Option<Condition>,
    /// The primary document's language tag.
    pub lang: Option<String>,
    /// Documents in other languages.
    pub translations: Vec<Translation>,
    /// A missing translation falls back to the primary text instead of failing.
    pub fallback: bool,
    /// The name of a catch-all variant for codes the document does not list,
    /// with where it is written.
    pub other: Option<(String, Span)>,
    /// Documented rows left out, by code (`skip(…)`).
    pub skips: Vec<Override>,
    /// Statuses that replace a row's status cell, by code (`status(…)`).
    pub statuses: Vec<Override>,
    /// Codes that replace a code cell as written (`code(…)`).
    pub codes: Vec<Override>,
    /// Where `http` and `serde` are written: the generated code names those
    /// crates, so the invoking package must depend on them.
    pub interop_spans: Vec<(Interop, Span)>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            type_name: None,
            visibility: quote!(pub),
            derives: Vec::new(),
            attributes: Vec::new(),
            non_exhaustive: false,
            renames: Vec::new(),
            tables: None,
            kind: None,
            columns: ColumnChoice::default(),
            table_columns: Vec::new(),
            accessors: Vec::new(),
            doc: None,
            http: None,
            serde: None,
            lang: None,
            translations: Vec::new(),
            fallback: false,
            other: None,
            skips: Vec::new(),
            statuses: Vec::new(),
            codes: Vec::new(),
            interop_spans: Vec::new(),
        }
    }
}

/// The options as written after the path, the one printer of an invocation
/// (`name = EvsStatus, kind = "status", translation(en = "a.en.md")`): what
/// `status_table!` parses back into the same options. Options given by default
/// are not written; spans are not part of it.
impl std::fmt::Display for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        self.write_type(&mut parts);
        self.write_tables(&mut parts);
        self.write_texts(&mut parts);
        self.write_corrections(&mut parts);
        f.write_str(&parts.join(", "))
    }
}

impl Options {
    /// The options about the type itself: its name, visibility, derives,
    /// attributes, variant names.
    fn write_type(&self, parts: &mut Vec<String>) {
        parts.extend(self.type_name.iter().map(|name| format!("name = {name}")));
        let visibility = self.visibility.to_string();
        if visibility != "pub" {
            parts.push(format!("vis = {visibility}"));
        }
        // A path's tokens print spaced (`serde :: Serialize`); a path holds
        // no literal, so the spaces can go.
        list(
            parts,
            "derive",
            self.derives.iter().map(|d| d.to_string().replace(' ', "")),
        );
        list(
            parts,
            "attr",
            self.attributes.iter().map(ToString::to_string),
        );
        if self.non_exhaustive {
            parts.push("non_exhaustive".to_owned());
        }
        list(
            parts,
            "rename",
            self.renames
                .iter()
                .map(|r| format!("{} = {}", code_key(&r.code), r.name)),
        );
    }

    /// The options choosing tables and columns.
    fn write_tables(&self, parts: &mut Vec<String>) {
        parts.extend(self.kind.map(|kind| format!("kind = {:?}", kind.as_str())));
        parts.extend(self.tables.iter().map(TableSelector::written));
        for (role, header) in &self.columns.columns {
            parts.push(format!("{}_column = {header:?}", role.as_str()));
        }
        for (index, choice) in &self.table_columns {
            let columns: Vec<String> = choice
                .columns
                .iter()
                .map(|(role, header)| format!("{}_column = {header:?}", role.as_str()))
                .collect();
            parts.push(format!("table({index}, {})", columns.join(", ")));
        }
        list(
            parts,
            "accessor",
            self.accessors
                .iter()
                .map(|a| format!("{} = {:?}", a.name, a.header)),
        );
    }

    /// The options about texts and the code around the type: docs, interop,
    /// languages, the catch-all.
    fn write_texts(&self, parts: &mut Vec<String>) {
        for line in self.doc.iter().flat_map(|doc| doc.split('\n')) {
            parts.push(format!("doc = {line:?}"));
        }
        for (name, condition) in [("http", &self.http), ("serde", &self.serde)] {
            parts.extend(condition.as_ref().map(|condition| match condition {
                Condition::Always => name.to_owned(),
                Condition::Feature(feature) => format!("{name} = {feature:?}"),
            }));
        }
        parts.extend(self.lang.iter().map(|lang| format!("lang = {lang:?}")));
        for translation in &self.translations {
            let tag = &translation.lang;
            let identifier = tag.starts_with(|c: char| c.is_ascii_alphabetic())
                && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let tag = if identifier {
                tag.clone()
            } else {
                format!("{tag:?}")
            };
            parts.push(format!("translation({tag} = {:?})", translation.path));
        }
        if self.fallback {
            parts.push("fallback".to_owned());
        }
        parts.extend(self.other.iter().map(|(name, _)| format!("other = {name}")));
    }

    /// The corrections of rows: `skip`, `status`, `code`.
    fn write_corrections(&self, parts: &mut Vec<String>) {
        list(parts, "skip", self.skips.iter().map(|s| code_key(&s.code)));
        list(
            parts,
            "status",
            self.statuses
                .iter()
                .map(|s| format!("{} = {}", code_key(&s.code), s.value)),
        );
        list(
            parts,
            "code",
            self.codes
                .iter()
                .map(|c| format!("{:?} = {:?}", c.code, c.value)),
        );
    }
}

/// A list option (`rename(413 = A, "EVS.0001" = B)`), when it has items.
fn list(parts: &mut Vec<String>, name: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if !items.is_empty() {
        parts.push(format!("{name}({})", items.join(", ")));
    }
}

/// A code as an option's key: a number as a number when it reads back the
/// same (`413`), anything else as a string (`"EVS.0001"`, `"0413"`).
fn code_key(code: &str) -> String {
    if code.parse::<u64>().is_ok_and(|n| n.to_string() == code) {
        code.to_owned()
    } else {
        format!("{code:?}")
    }
}

impl Options {
    /// The type's name for a table of `kind`.
    pub fn type_name(&self, kind: Kind) -> &str {
        self.type_name.as_deref().unwrap_or(match kind {
            Kind::Status => "StatusCode",
            Kind::Error => "ErrorCode",
        })
    }

    /// The columns named for the table at `index`: its own, then those for every table.
    pub fn columns_for(&self, index: usize) -> ColumnChoice {
        let mut choice = self
            .table_columns
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        for (role, header) in &self.columns.columns {
            choice.set(*role, header.clone());
        }
        choice
    }
}
