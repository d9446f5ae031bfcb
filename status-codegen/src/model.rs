//! The validated model: what the generated type will hold, and nothing else.

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
pub type Localized = Vec<String>;

/// A checked table of codes, ready to be turned into code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// Status codes or error codes.
    pub kind: Kind,
    /// The enum's name.
    pub type_name: String,
    /// The primary document's title, if it has one.
    pub title: Option<String>,
    /// The documents, primary first, each with its language tag.
    pub documents: Vec<DocumentInfo>,
    /// The language tags of the texts, primary first: from the invocation's
    /// `lang` and translations, or from columns with a language in their
    /// header. Empty when the type has one unnamed language.
    pub langs: Vec<String>,
    /// The texts the type has an accessor for (a column, or reasons written in
    /// the code cells), in [`Text::ALL`] order; `Section` always.
    pub texts: Vec<Text>,
    /// Whether rows carry HTTP statuses (always for status tables).
    pub has_status: bool,
    /// Headers of the columns with no recognised role, in order of first use.
    pub others: Vec<String>,
    /// Accessors the invocation names for some of those columns:
    /// (function name, index into `others`).
    pub accessors: Vec<(String, usize)>,
    /// The variants, in document order of their first row.
    pub variants: Vec<Variant>,
    /// Every table of the primary document: what was used, what was not and why.
    pub tables: Vec<TableInfo>,
    /// Rows of used tables that were skipped on purpose (class ranges, catch-alls).
    pub skipped_rows: Vec<SkippedRow>,
}

/// A document of the type: the primary one or a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The path as the user wrote it (never absolute).
    pub path: String,
    /// Its language tag (`zh`, `en`), when the invocation gives languages.
    pub lang: Option<String>,
}

/// One variant: one code, on one row or several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The code as written (`EVS.0001`, `200`).
    pub code: String,
    /// The status code, for status tables.
    pub number: Option<u16>,
    /// The variant name.
    pub name: String,
    /// Every row listing the code, in document order.
    pub rows: Vec<Row>,
}

impl Variant {
    /// The first row's text (primary language).
    pub fn text(&self, text: Text) -> &str {
        self.rows.first().map_or("", |r| r.text(text))
    }

    /// The code's other notations, from every row, each once.
    pub fn aliases(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for alias in self.rows.iter().flat_map(|r| &r.aliases) {
            if alias != &self.code && !out.contains(&alias.as_str()) {
                out.push(alias);
            }
        }
        out
    }

    /// The distinct statuses of every row, in order.
    pub fn statuses(&self) -> Vec<u16> {
        let mut out = Vec::new();
        for status in self.rows.iter().flat_map(|r| &r.statuses) {
            if !out.contains(status) {
                out.push(*status);
            }
        }
        out
    }
}

/// One row of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The 1-based line of the row in the primary document.
    pub line: usize,
    /// The byte offset of the row's code in the primary document.
    pub offset: usize,
    /// The index of its table in the primary document.
    pub table: usize,
    /// The HTTP statuses the row gives, in order (`[code]` for status tables).
    pub statuses: Vec<u16>,
    /// The texts, in [`Text::ALL`] order, each in every language.
    pub texts: [Localized; 6],
    /// The texts of the unrecognised columns, by index into [`Model::others`]
    /// (empty when its table lacks that column).
    pub others: Vec<Localized>,
    /// The code in other notations, from alias columns (`256` for `0x0100`).
    pub aliases: Vec<String>,
    /// What the reader should know about the row: a remark after its code or
    /// status, characters dropped because a reader does not see them, a cell
    /// the invocation corrects.
    pub notes: Vec<String>,
}

impl Row {
    /// A row at `line` (its code at `offset`) of table `table`, with every
    /// text empty, in `languages` languages.
    pub fn new(line: usize, offset: usize, table: usize, languages: usize) -> Self {
        let empty = vec![String::new(); languages.max(1)];
        Self {
            line,
            offset,
            table,
            statuses: Vec::new(),
            texts: std::array::from_fn(|_| empty.clone()),
            others: Vec::new(),
            aliases: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// A text in the primary language.
    pub fn text(&self, text: Text) -> &str {
        self.text_in(text, 0)
    }

    /// A text in the language at `lang` (index into the model's languages).
    pub fn text_in(&self, text: Text, lang: usize) -> &str {
        self.texts[text.index()]
            .get(lang)
            .map_or("", String::as_str)
    }

    /// A text, to write.
    pub fn text_mut(&mut self, text: Text) -> &mut Localized {
        &mut self.texts[text.index()]
    }

    /// An unrecognised column's text in the primary language.
    pub fn other(&self, index: usize) -> &str {
        self.others
            .get(index)
            .and_then(|t| t.first())
            .map_or("", String::as_str)
    }
}

/// What became of one table of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    /// Its index among every table of the document, from 0.
    pub index: usize,
    /// The line of its first character.
    pub line: usize,
    /// The byte offset of its first character.
    pub offset: usize,
    /// The text introducing it.
    pub section: Option<String>,
    /// Its caption.
    pub caption: Option<String>,
    /// Its kind, when it is a code table.
    pub kind: Option<Kind>,
    /// Whether its rows are in the type.
    pub used: bool,
    /// Why not, when it is not.
    pub skipped_because: Option<String>,
    /// Its columns and their roles.
    pub columns: Vec<ColumnInfo>,
    /// How many body rows it has.
    pub rows: usize,
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnInfo {
    /// The header as written.
    pub header: String,
    /// The role it was given.
    pub role: Role,
    /// The language its header names, if any.
    pub lang: Option<String>,
    /// Why it has its role: the header word, and what the cells showed.
    pub because: String,
}

/// A row left out on purpose, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    /// Its line.
    pub line: usize,
    /// Its table.
    pub table: usize,
    /// Why it is not a variant.
    pub reason: SkipReason,
}

/// Why a row of a used table is no variant: what it holds instead of a code.
/// Each keeps the cell's text as written, and prints the reason `inspect`
/// and the type's docs give.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// A placeholder (`-`, `N/A`, `暂无`).
    Placeholder(String),
    /// A row for every code not listed (`All other codes`, `其余状态码`).
    CatchAll(String),
    /// A class of codes (`2xx`, `2xxx`).
    Class(String),
    /// The header written again mid-table.
    RepeatedHeader(String),
    /// A range of codes (`DIS.5000 to DIS.5999`), with its two ends.
    Range {
        /// The cell as written.
        text: String,
        /// The first code of the range.
        from: String,
        /// The last.
        to: String,
    },
    /// A label or a note alone in its row.
    Label(String),
    /// A bold (or emphasised) word alone in its row, heading the rows below.
    EmphasisedLabel(String),
    /// A kramdown attribute list after a pipe table (`{: caption="…"}`).
    AttributeList(String),
    /// A reason phrase in a column of identifiers: its row's HTTP reason.
    ReasonPhrase {
        /// The cell as written.
        text: String,
        /// The status the phrase names.
        status: u16,
    },
    /// Left out by the invocation's `skip(…)`.
    Skipped(String),
}

impl SkipReason {
    /// The cell as written (or the code `skip` names).
    pub fn text(&self) -> &str {
        match self {
            Self::Placeholder(text)
            | Self::CatchAll(text)
            | Self::Class(text)
            | Self::RepeatedHeader(text)
            | Self::Range { text, .. }
            | Self::Label(text)
            | Self::EmphasisedLabel(text)
            | Self::AttributeList(text)
            | Self::ReasonPhrase { text, .. }
            | Self::Skipped(text) => text,
        }
    }
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = self.text();
        match self {
            Self::Placeholder(_) if text.is_empty() => {
                f.write_str("the code cell is empty, as the column's placeholders for no code")
            }
            Self::Placeholder(_) => write!(f, "`{text}` stands for no code"),
            Self::CatchAll(_) => write!(f, "`{text}` stands for every code not listed"),
            Self::Class(_) => write!(f, "`{text}` is a class of codes, not one code"),
            Self::RepeatedHeader(_) => write!(f, "`{text}` repeats the header"),
            Self::Range { from, to, .. } => {
                write!(
                    f,
                    "`{text}` is a range of codes ({from} to {to}), not one code"
                )
            }
            Self::Label(_) => write!(f, "`{text}` is a label or a note, not a code"),
            Self::EmphasisedLabel(_) => write!(
                f,
                "`{text}` is a label or a note (bold, alone in its row), not a code"
            ),
            Self::AttributeList(_) => {
                write!(f, "`{text}` is a kramdown attribute list, not a row")
            }
            Self::ReasonPhrase { status, .. } => write!(
                f,
                "`{text}` is the reason phrase of HTTP {status}, where the column's other codes are identifiers: not a code"
            ),
            Self::Skipped(_) => write!(f, "`{text}` is left out by the invocation (`skip`)"),
        }
    }
}

impl Model {
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

    /// Whether the type has an accessor for `text`.
    pub fn has(&self, text: Text) -> bool {
        self.texts.contains(&text)
    }
}
