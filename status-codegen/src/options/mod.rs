//! What the user can choose about the generated type. Front ends fill this in:
//! the macro and the CLI from the invocation's options ([`crate::invocation`]),
//! build.rs from the builder methods (`Options::default().with_name(…)`).
//! `written` prints them back as an invocation writes them.

mod written;

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
    pub(crate) fn written(&self) -> String {
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
pub(crate) struct ColumnChoice {
    /// (role, header text), at most one per role.
    pub(crate) columns: Vec<(Role, String)>,
}

impl ColumnChoice {
    /// The header named for `role`, if any.
    pub(crate) fn get(&self, role: Role) -> Option<&str> {
        self.columns
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, h)| h.as_str())
    }

    /// Names the column for `role`; false when it was named already.
    pub(crate) fn set(&mut self, role: Role, header: String) -> bool {
        if self.get(role).is_some() {
            return false;
        }
        self.columns.push((role, header));
        true
    }
}

/// A variant name chosen by the user.
#[derive(Debug, Clone)]
pub(crate) struct Rename {
    /// The code as written in the invocation (`413`, `"EVS.0001"`).
    pub(crate) code: String,
    /// The variant name.
    pub(crate) name: String,
    /// Where the code is written in the invocation.
    pub(crate) span: Span,
}

/// A row-level correction by code: `skip(CODE)`, `status(CODE = 400)`,
/// `code("DCS. 4855" = "DCS.4855")`.
#[derive(Debug, Clone)]
pub(crate) struct Override {
    /// The code as the document writes it.
    pub(crate) code: String,
    /// The status or the corrected code (empty for `skip`).
    pub(crate) value: String,
    /// Where the code is written in the invocation.
    pub(crate) span: Span,
}

/// A document in another language: `translation(en = "path")`.
#[derive(Debug, Clone)]
pub struct Translation {
    pub(crate) lang: String,
    pub(crate) path: String,
    /// Where it is named in the invocation.
    pub(crate) span: Span,
}

impl Translation {
    /// Its BCP 47 tag (`en`, `zh-Hant`).
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Its path as written, resolved as the primary document's.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// An accessor for a column the vocabulary does not know.
#[derive(Debug, Clone)]
pub(crate) struct Accessor {
    /// The method's name.
    pub(crate) name: String,
    /// The column's header text.
    pub(crate) header: String,
    /// Where it is named in the invocation.
    pub(crate) span: Span,
}

/// Options for one generated type. `Options::default()` is the bare
/// `status_table!("path")`; [`invocation::parse`](crate::invocation::parse)
/// reads every option from the macro's syntax, the `with_…` methods set the
/// common ones, and `Display` prints them as an invocation writes them
/// (`name = EvsStatus, kind = "status"`).
///
/// ```
/// use status_codegen::{Condition, Interop, Kind, Options};
///
/// let options = Options::default()
///     .with_name("EvsStatus")
///     .with_kind(Kind::Status)
///     .with_interop(Interop::Serde, Condition::Feature("serde".to_owned()));
/// assert_eq!(options.to_string(), r#"name = EvsStatus, kind = "status", serde = "serde""#);
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    /// The enum's name; `None` is `StatusCode` or `ErrorCode` by kind.
    pub(crate) type_name: Option<String>,
    /// The visibility of the enum and its companion types, e.g. `pub(crate)`.
    pub(crate) visibility: TokenStream,
    /// Extra derives, as paths (`serde::Serialize`).
    pub(crate) derives: Vec<TokenStream>,
    /// Extra attributes on the enum, each the tokens inside `#[...]`.
    pub(crate) attributes: Vec<TokenStream>,
    /// Put `#[non_exhaustive]` on the enum.
    pub(crate) non_exhaustive: bool,
    /// Variant names chosen by the user.
    pub(crate) renames: Vec<Rename>,
    /// Only read these tables; `None` reads every code table.
    pub(crate) tables: Option<TableSelector>,
    /// The kind of table to read, when a page has both.
    pub(crate) kind: Option<Kind>,
    /// Columns named for every table.
    pub(crate) columns: ColumnChoice,
    /// Columns named for one table: (table index, choice).
    pub(crate) table_columns: Vec<(usize, ColumnChoice)>,
    /// Accessors for unrecognised columns.
    pub(crate) accessors: Vec<Accessor>,
    /// Text put before the generated documentation of the enum.
    pub(crate) doc: Option<String>,
    /// Conversions to and from `http::StatusCode` (the caller depends on `http`).
    pub(crate) http: Option<Condition>,
    /// `serde` as the number or the code string (the caller depends on `serde`).
    pub(crate) serde: Option<Condition>,
    /// The primary document's language tag.
    pub(crate) lang: Option<String>,
    /// Documents in other languages.
    pub(crate) translations: Vec<Translation>,
    /// A missing translation falls back to the primary text instead of failing.
    pub(crate) fallback: bool,
    /// The name of a catch-all variant for codes the document does not list,
    /// with where it is written.
    pub(crate) other: Option<(String, Span)>,
    /// Documented rows left out, by code (`skip(…)`).
    pub(crate) skips: Vec<Override>,
    /// Statuses that replace a row's status cell, by code (`status(…)`).
    pub(crate) statuses: Vec<Override>,
    /// Codes that replace a code cell as written (`code(…)`).
    pub(crate) codes: Vec<Override>,
    /// Where `http` and `serde` are written: the generated code names those
    /// crates, so the invoking package must depend on them.
    pub(crate) interop_spans: Vec<(Interop, Span)>,
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

/// Reading the options.
impl Options {
    /// The `name` option: the enum's name as given; `None` is `StatusCode`
    /// or `ErrorCode` by kind (see [`type_name`](Self::type_name)).
    pub fn name(&self) -> Option<&str> {
        self.type_name.as_deref()
    }

    /// The type's name for a table of `kind`.
    pub fn type_name(&self, kind: Kind) -> &str {
        self.type_name.as_deref().unwrap_or(match kind {
            Kind::Status => "StatusCode",
            Kind::Error => "ErrorCode",
        })
    }

    /// The kind of table to read, when a page has both (`kind = "…"`).
    pub fn kind(&self) -> Option<Kind> {
        self.kind
    }

    /// The tables to read (`table`, `section`, `caption`); `None` reads every
    /// code table.
    pub fn tables(&self) -> Option<&TableSelector> {
        self.tables.as_ref()
    }

    /// Whether the enum is `#[non_exhaustive]`.
    pub fn non_exhaustive(&self) -> bool {
        self.non_exhaustive
    }

    /// Whether, and under which condition, the code for `interop` (`http`,
    /// `serde`) is generated.
    pub fn interop(&self, interop: Interop) -> Option<&Condition> {
        match interop {
            Interop::Http => self.http.as_ref(),
            Interop::Serde => self.serde.as_ref(),
        }
    }

    /// The primary document's language tag (`lang = "…"`).
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }

    /// The documents in other languages, in the invocation's order.
    pub fn translations(&self) -> &[Translation] {
        &self.translations
    }

    /// Whether a translation that lags takes the primary texts (`fallback`).
    pub fn fallback(&self) -> bool {
        self.fallback
    }

    /// The name of the catch-all variant for codes the document does not
    /// list (`other = …`).
    pub fn other(&self) -> Option<&str> {
        self.other.as_ref().map(|(name, _)| name.as_str())
    }

    /// The columns named for the table at `index`: its own, then those for every table.
    pub(crate) fn columns_for(&self, index: usize) -> ColumnChoice {
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

/// Setting the options, as an invocation writes them. Options that name
/// something in the invocation (for its errors) name the caller instead.
impl Options {
    /// `name = …`: the enum's name.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.type_name = Some(name.into());
        self
    }

    /// `kind = "…"`: the kind of table to read.
    #[must_use]
    pub fn with_kind(mut self, kind: Kind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// `table = N`, `section = "…"` or `caption = "…"`: the tables to read.
    #[must_use]
    pub fn with_tables(mut self, tables: TableSelector) -> Self {
        self.tables = Some(tables);
        self
    }

    /// `{role}_column = "…"`: the column of every table whose header is
    /// `header` has `role` (in place of one named before for that role).
    #[must_use]
    pub fn with_column(mut self, role: Role, header: impl Into<String>) -> Self {
        self.columns.columns.retain(|(r, _)| *r != role);
        self.columns.columns.push((role, header.into()));
        self
    }

    /// `rename(CODE = Name)`: the variant of `code` (as written) is `name`.
    #[must_use]
    pub fn with_rename(mut self, code: impl Into<String>, name: impl Into<String>) -> Self {
        self.renames.push(Rename {
            code: code.into(),
            name: name.into(),
            span: Span::call_site(),
        });
        self
    }

    /// `non_exhaustive`: whether the enum is `#[non_exhaustive]`.
    #[must_use]
    pub fn with_non_exhaustive(mut self, non_exhaustive: bool) -> Self {
        self.non_exhaustive = non_exhaustive;
        self
    }

    /// `http`, `serde = "feature"`: the code for `interop`, always or under a
    /// feature of the invoking crate (which must depend on that crate).
    #[must_use]
    pub fn with_interop(mut self, interop: Interop, condition: Condition) -> Self {
        match interop {
            Interop::Http => self.http = Some(condition),
            Interop::Serde => self.serde = Some(condition),
        }
        self.interop_spans.retain(|(i, _)| *i != interop);
        self.interop_spans.push((interop, Span::call_site()));
        self
    }

    /// `fallback`: whether a translation that lags takes the primary texts.
    #[must_use]
    pub fn with_fallback(mut self, fallback: bool) -> Self {
        self.fallback = fallback;
        self
    }

    /// The options for the primary document alone: no translation, and so
    /// no `lang` and no `fallback`.
    #[must_use]
    pub fn without_translations(mut self) -> Self {
        self.translations.clear();
        self.lang = None;
        self.fallback = false;
        self
    }

    /// `other = Name`: a catch-all variant for codes the document does not list.
    #[must_use]
    pub fn with_other(mut self, name: impl Into<String>) -> Self {
        self.other = Some((name.into(), Span::call_site()));
        self
    }
}
