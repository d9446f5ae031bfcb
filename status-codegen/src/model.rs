//! The validated model: what the generated type will hold, and nothing else.

/// A checked table of status codes, ready to be turned into code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusTable {
    /// The enum's name.
    pub type_name: String,
    /// The document's path as the user wrote it (never absolute).
    pub path: String,
    /// The document's title, if it has one.
    pub title: Option<String>,
    /// The rows, in document order.
    pub entries: Vec<Entry>,
}

/// One row of the table: one variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The status code, 100 to 999.
    pub code: u16,
    /// The variant name.
    pub name: String,
    /// The description, exactly as the document writes it.
    pub description: String,
    /// The text introducing the row's table ("正常"), or empty.
    pub section: String,
    /// The 1-based line of the row in the document.
    pub line: usize,
}
