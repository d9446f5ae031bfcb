//! The validated model: what the generated type will hold, and nothing else.
//! Built by validation; read through methods (its fields are the engine's).

mod table;
mod variant;

pub use table::{ColumnInfo, SkipReason, SkippedRow, TableInfo, TableSkip};
pub use variant::{Row, Variant};

/// What the codes of a table are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// HTTP status codes (`200`, `404`): a `#[repr(u16)]` enum.
    Status,
    /// Error codes written as strings (`EVS.0001`, `111400002`, `badRequest`).
    Error,
}

impl Kind {
    /// `status` or `error`, as the `kind` option and `inspect` write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Status => "status",
            Self::Error => "error",
        }
    }
}

/// What a column of a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The error code (error tables).
    Code,
    /// The HTTP status (the code itself in status tables).
    Status,
    /// A reason phrase or name (`OK`, `Bad Request`, `ERROR_PARAM_MISSING`).
    Reason,
    /// The error message.
    Message,
    /// The description.
    Description,
    /// What to do about it.
    Solution,
    /// The module, service or category.
    Module,
    /// The same code in another notation (`256` beside `0x0100`), in an
    /// error table: `from_code` takes it too.
    Alias,
    /// A column with no recognised role: kept, shown in the docs.
    Other,
}

impl Role {
    /// The role's name in `inspect` and in option names (`{name}_column`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Status => "status",
            Self::Reason => "reason",
            Self::Message => "message",
            Self::Description => "description",
            Self::Solution => "solution",
            Self::Module => "module",
            Self::Alias => "alias",
            Self::Other => "other",
        }
    }
}

/// The texts a row carries, each with an accessor of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Text {
    /// The reason phrase.
    Reason,
    /// The error message.
    Message,
    /// The description.
    Description,
    /// What to do about it.
    Solution,
    /// The module or category.
    Module,
    /// The text introducing the row's table.
    Section,
}

impl Text {
    /// Every text, in the order accessors and docs list them.
    pub const ALL: [Self; 6] = [
        Self::Reason,
        Self::Message,
        Self::Description,
        Self::Solution,
        Self::Module,
        Self::Section,
    ];

    /// The accessor's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reason => "reason",
            Self::Message => "message",
            Self::Description => "description",
            Self::Solution => "solution",
            Self::Module => "module",
            Self::Section => "section",
        }
    }

    /// The text a column role fills, if it is a text role.
    pub fn of_role(role: Role) -> Option<Self> {
        match role {
            Role::Reason => Some(Self::Reason),
            Role::Message => Some(Self::Message),
            Role::Description => Some(Self::Description),
            Role::Solution => Some(Self::Solution),
            Role::Module => Some(Self::Module),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One text in every language of the type, the primary language first.
pub(crate) type Localized = Vec<String>;

/// A checked table of codes, ready to be turned into code: what `inspect`
/// prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub(crate) kind: Kind,
    pub(crate) type_name: String,
    pub(crate) title: Option<String>,
    pub(crate) documents: Vec<DocumentInfo>,
    pub(crate) langs: Vec<String>,
    pub(crate) texts: Vec<Text>,
    pub(crate) has_status: bool,
    pub(crate) others: Vec<String>,
    /// (method name, index into `others`).
    pub(crate) accessors: Vec<(String, usize)>,
    pub(crate) variants: Vec<Variant>,
    pub(crate) tables: Vec<TableInfo>,
    pub(crate) skipped_rows: Vec<SkippedRow>,
}

impl Model {
    /// Status codes or error codes.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The enum's name.
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// The primary document's title, if it has one.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The documents, primary first, each with its language tag.
    pub fn documents(&self) -> &[DocumentInfo] {
        &self.documents
    }

    /// The language tags of the texts, primary first: from the invocation's
    /// `lang` and translations, or from columns with a language in their
    /// header. Empty when the type has one unnamed language. A row's
    /// [`Row::text_in`] takes an index into these.
    pub fn langs(&self) -> &[String] {
        &self.langs
    }

    /// The texts the type has an accessor for (a column, or reasons written in
    /// the code cells), in [`Text::ALL`] order; `Section` always.
    pub fn texts(&self) -> &[Text] {
        &self.texts
    }

    /// Whether the type has an accessor for `text`.
    pub fn has(&self, text: Text) -> bool {
        self.texts.contains(&text)
    }

    /// Whether rows carry HTTP statuses (always for status tables).
    pub fn has_status(&self) -> bool {
        self.has_status
    }

    /// Headers of the columns with no recognised role, in order of first use:
    /// a row's [`Row::other`] takes an index into these.
    pub fn others(&self) -> &[String] {
        &self.others
    }

    /// The methods the invocation's `accessor(…)` names for some of those
    /// columns, each with the index of its column in [`others`](Self::others).
    pub fn accessors(&self) -> impl Iterator<Item = (&str, usize)> {
        self.accessors.iter().map(|(name, i)| (name.as_str(), *i))
    }

    /// The variants, in document order of their first row.
    pub fn variants(&self) -> &[Variant] {
        &self.variants
    }

    /// Every table of the primary document: what was used, what was not and why.
    pub fn tables(&self) -> &[TableInfo] {
        &self.tables
    }

    /// Rows of used tables that were skipped on purpose (class ranges, catch-alls).
    pub fn skipped_rows(&self) -> &[SkippedRow] {
        &self.skipped_rows
    }

    /// Every row of every variant, in document order.
    pub fn rows(&self) -> Vec<(&Variant, &Row)> {
        let mut rows: Vec<(&Variant, &Row)> = self
            .variants
            .iter()
            .flat_map(|v| v.rows.iter().map(move |r| (v, r)))
            .collect();
        rows.sort_by_key(|(_, r)| r.line);
        rows
    }

    /// The codes of the variants, as written, in variant order.
    pub fn codes(&self) -> Vec<String> {
        self.variants.iter().map(|v| v.code.clone()).collect()
    }

    /// The primary document's path.
    pub fn path(&self) -> &str {
        self.documents.first().map_or("", |d| d.path.as_str())
    }
}

/// A document of the type: the primary one or a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    pub(crate) path: String,
    pub(crate) lang: Option<String>,
}

impl DocumentInfo {
    /// The path as the user wrote it (never absolute).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Its language tag (`zh`, `en`), when the invocation gives languages.
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }
}
