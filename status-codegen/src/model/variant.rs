//! A variant of the type and the document rows that list its code.

use super::{Localized, Text};

/// One variant: one code, on one row or several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub(crate) code: String,
    pub(crate) number: Option<u16>,
    pub(crate) name: String,
    pub(crate) rows: Vec<Row>,
}

impl Variant {
    /// The code as written (`EVS.0001`, `200`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The status code, for status tables.
    pub fn number(&self) -> Option<u16> {
        self.number
    }

    /// The variant's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Every row listing the code, in document order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

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
    pub(crate) line: usize,
    pub(crate) offset: usize,
    pub(crate) table: usize,
    pub(crate) statuses: Vec<u16>,
    /// In [`Text::ALL`] order, each in every language.
    pub(crate) texts: [Localized; 6],
    /// By index into the model's `others` (empty when its table lacks that
    /// column).
    pub(crate) others: Vec<Localized>,
    pub(crate) aliases: Vec<String>,
    pub(crate) notes: Vec<String>,
}

impl Row {
    /// A row at `line` (its code at `offset`) of table `table`, with every
    /// text empty, in `languages` languages.
    pub(crate) fn new(line: usize, offset: usize, table: usize, languages: usize) -> Self {
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

    /// The 1-based line of the row in the primary document.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The byte offset of the row's code in the primary document.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The index of its table in the primary document (see
    /// [`Model::tables`](super::Model::tables)).
    pub fn table(&self) -> usize {
        self.table
    }

    /// The HTTP statuses the row gives, in order (`[code]` for status tables).
    pub fn statuses(&self) -> &[u16] {
        &self.statuses
    }

    /// A text in the primary language (empty when the row has none).
    pub fn text(&self, text: Text) -> &str {
        self.text_in(text, 0)
    }

    /// A text in the language at `lang` (an index into
    /// [`Model::langs`](super::Model::langs)).
    pub fn text_in(&self, text: Text, lang: usize) -> &str {
        self.texts[text.index()]
            .get(lang)
            .map_or("", String::as_str)
    }

    /// A text, to write.
    pub(crate) fn text_mut(&mut self, text: Text) -> &mut Localized {
        &mut self.texts[text.index()]
    }

    /// An unrecognised column's text in the primary language: `index` is the
    /// column's in [`Model::others`](super::Model::others).
    pub fn other(&self, index: usize) -> &str {
        self.others
            .get(index)
            .and_then(|t| t.first())
            .map_or("", String::as_str)
    }

    /// The code in other notations, from alias columns (`256` for `0x0100`).
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// What the reader should know about the row: a remark after its code or
    /// status, characters dropped because a reader does not see them, a cell
    /// the invocation corrects.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
}
