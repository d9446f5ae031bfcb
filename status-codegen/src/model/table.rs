//! What became of each table of the document, its columns, and the rows of
//! a used table that are no variant.

use super::{Kind, Role};
use crate::fix::Fix;
use crate::options::TableSelector;

/// What became of one table of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    pub(crate) index: usize,
    pub(crate) line: usize,
    pub(crate) offset: usize,
    pub(crate) section: Option<String>,
    pub(crate) caption: Option<String>,
    pub(crate) kind: Option<Kind>,
    pub(crate) used: bool,
    pub(crate) skipped_because: Option<TableSkip>,
    pub(crate) columns: Vec<ColumnInfo>,
    /// How many body rows it has.
    pub(crate) rows: usize,
}

impl TableInfo {
    /// Its index among every table of the document, from 0 (what `table = N`
    /// counts).
    pub fn index(&self) -> usize {
        self.index
    }

    /// The line of its first character.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The byte offset of its first character.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The text introducing it (what `section = "…"` matches).
    pub fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }

    /// Its caption (what `caption = "…"` matches).
    pub fn caption(&self) -> Option<&str> {
        self.caption.as_deref()
    }

    /// Its kind, when it is a code table.
    pub fn kind(&self) -> Option<Kind> {
        self.kind
    }

    /// Whether its rows are in the type.
    pub fn is_used(&self) -> bool {
        self.used
    }

    /// Why not, when it is not.
    pub fn skipped_because(&self) -> Option<&TableSkip> {
        self.skipped_because.as_ref()
    }

    /// Its columns and their roles.
    pub fn columns(&self) -> &[ColumnInfo] {
        &self.columns
    }

    /// How many body rows it has.
    pub fn row_count(&self) -> usize {
        self.rows
    }
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnInfo {
    pub(crate) header: String,
    pub(crate) role: Role,
    pub(crate) lang: Option<String>,
    pub(crate) because: String,
}

impl ColumnInfo {
    /// The header as written.
    pub fn header(&self) -> &str {
        &self.header
    }

    /// The role it was given.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The language its header names, if any.
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }

    /// Why it has its role: the header word, and what the cells showed.
    pub fn because(&self) -> &str {
        &self.because
    }
}

/// A row left out on purpose, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    pub(crate) line: usize,
    pub(crate) table: usize,
    pub(crate) reason: SkipReason,
}

impl SkippedRow {
    /// Its line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Its table's index.
    pub fn table(&self) -> usize {
        self.table
    }

    /// Why it is not a variant.
    pub fn reason(&self) -> &SkipReason {
        &self.reason
    }
}

/// Why a table of the document gives no variant. It prints the reason
/// `inspect` and the type's docs give.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TableSkip {
    /// A code table of the other kind.
    OtherKind {
        /// The table's kind.
        table: Kind,
        /// The type's kind.
        kind: Kind,
        /// Whether the invocation chose the type's kind (`kind = "…"`).
        asked: bool,
    },
    /// A table with no rows.
    NoRows,
    /// No column holds codes; its headers as written (none when all are empty).
    NoCodeColumn(Vec<String>),
    /// Its statuses are under headers that do not name codes, beside a table
    /// whose header does.
    Weak(Vec<String>),
    /// Not the table the invocation's `table`, `section` or `caption` chooses.
    NotChosen(TableSelector),
    /// A header the type cannot read (reported as an error).
    UnknownHeader(String),
    /// A header naming codes over a column that holds none (reported as an error).
    NoCodesUnder(String),
    /// A status table with no text column (reported as an error).
    NoDescriptionColumn,
    /// Its `<table>` is never closed, perhaps besides another reason.
    Unclosed(Option<Box<TableSkip>>),
}

impl std::fmt::Display for TableSkip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let quoted = |headers: &[String]| {
            headers
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Self::OtherKind { table, kind, asked } => {
                let article = if *table == Kind::Error { "an" } else { "a" };
                let (table, kind_name) = (table.as_str(), kind.as_str());
                write!(
                    f,
                    "{article} {table} table, and the type reads {kind_name} tables ("
                )?;
                if *asked {
                    write!(f, "`{}`)", Fix::Kind(*kind))
                } else {
                    f.write_str("the first code table's kind; choose with `kind`)")
                }
            }
            Self::NoRows => f.write_str("it has no rows"),
            Self::NoCodeColumn(headers) if headers.is_empty() => {
                f.write_str("no status-code or error-code column (headers none)")
            }
            Self::NoCodeColumn(headers) => write!(
                f,
                "no status-code or error-code column (headers {})",
                quoted(headers)
            ),
            Self::Weak(headers) => write!(
                f,
                "its statuses are under headers that do not name codes ({}), and another table's header does: not a code table",
                quoted(headers)
            ),
            Self::NotChosen(selector) => write!(f, "not chosen by `{}`", selector.written()),
            Self::UnknownHeader(header) => {
                write!(f, "header `{header}` not recognised (an error)")
            }
            Self::NoCodesUnder(header) => write!(
                f,
                "header `{header}` names codes, but no column holds codes (an error)"
            ),
            Self::NoDescriptionColumn => f.write_str("no description column (an error)"),
            Self::Unclosed(None) => f.write_str("its <table> is never closed"),
            Self::Unclosed(Some(why)) => write!(f, "{why}; its <table> is never closed"),
        }
    }
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
