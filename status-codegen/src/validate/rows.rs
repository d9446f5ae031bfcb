//! Reading the rows of the chosen tables: the code (a status number, or an
//! error code as written), the statuses, the texts, each checked and located.

use std::fmt::Write as _;

use crate::columns::Columns;
use crate::diagnostic::{Diagnostics, visible};
use crate::document::{Cell, Document, Row as DocumentRow, Table};
use crate::fix::Fix;
use crate::model::{Kind, Role, Row, SkipReason, SkippedRow, TableSkip, Text};
use crate::options::Options;
use crate::source::Source;

use super::{Purpose, Selection};

/// A row that passed the per-row checks.
#[derive(Debug)]
pub(super) struct Candidate {
    /// The row as the model holds it.
    pub(crate) row: Row,
    /// The code as written (`EVS.0001`, `200`).
    pub(crate) code: String,
    /// The status number, for status tables.
    pub(crate) number: Option<u16>,
    /// Where the code is.
    pub(crate) code_offset: usize,
    /// The written cell the code came from: rows sharing it (a `rowspan`)
    /// are one variant in a status table.
    pub(crate) code_cell: (usize, usize),
    /// Whether the row lists several codes (`500, 502, 503, 504`): its texts
    /// are shared, so they name none of them.
    pub(crate) shared: bool,
}

/// What the rows gave.
#[derive(Debug, Default)]
pub(super) struct Read {
    pub(crate) rows: Vec<Candidate>,
    pub(crate) texts: Vec<Text>,
    pub(crate) has_status: bool,
    pub(crate) others: Vec<String>,
    pub(crate) langs: Vec<String>,
    pub(crate) skipped: Vec<SkippedRow>,
    /// Code tables whose rows could not be read, with why (each also an error).
    pub(crate) refused: Vec<(usize, TableSkip)>,
    /// Every code cell's text as written, to check the options naming codes.
    pub(crate) written: Vec<String>,
}

pub(super) fn read(
    source: &Source,
    document: &Document,
    selection: &Selection,
    options: &Options,
    purpose: Purpose,
    diagnostics: &mut Diagnostics,
) -> Read {
    let langs = languages(selection, options);
    let mut read = Read {
        langs: langs.clone(),
        ..Read::default()
    };
    let others = others(selection);
    for (index, columns) in &selection.used {
        let table = &document.tables[*index];
        for column in &columns.columns {
            if let Some(text) = Text::of_role(column.role)
                && !read.texts.contains(&text)
            {
                read.texts.push(text);
            }
            read.has_status |= column.role == Role::Status;
        }
        if selection.kind == Kind::Status
            && !has_text_column(columns)
            && !has_reasons(table, columns)
        {
            // Its rows would each be "empty": one error for the table says it.
            no_text_column(source, table, columns, diagnostics);
            read.refused.push((*index, TableSkip::NoDescriptionColumn));
            continue;
        }
        let reader = TableReader {
            source,
            table,
            columns,
            kind: selection.kind,
            langs: &langs,
            others: &others,
            purpose,
            options,
            code_columns: std::iter::repeat_with(std::cell::OnceCell::new)
                .take(table.width)
                .collect(),
            statuses: std::cell::OnceCell::new(),
        };
        for group in &columns.groups {
            let mut previous: Option<DocumentRow> = None;
            for row in table.body() {
                let (row, note) = match reader.unshifted(row, previous.as_ref(), group) {
                    Some((row, note)) => (row, Some(note)),
                    None => (row.clone(), None),
                };
                reader.row(&row, group, note, &mut read, diagnostics);
                previous = Some(row);
            }
        }
    }
    read.texts.sort();
    read.others = others;
    read
}

/// The headers of the unrecognised columns of the used tables, each once.
fn others(selection: &Selection) -> Vec<String> {
    let mut others: Vec<String> = Vec::new();
    for (_, columns) in &selection.used {
        for column in columns.columns.iter().filter(|c| c.role == Role::Other) {
            if !others.contains(&column.header) {
                others.push(column.header.clone());
            }
        }
    }
    others
}

/// The languages of the texts: the invocation's `lang` (or the first language
/// a header names) first, then the other languages headers name.
fn languages(selection: &Selection, options: &Options) -> Vec<String> {
    let mut langs: Vec<String> = options.lang.iter().cloned().collect();
    for (_, columns) in &selection.used {
        for lang in columns.columns.iter().filter_map(|c| c.lang) {
            if !langs.iter().any(|l| l == lang) {
                langs.push(lang.to_owned());
            }
        }
    }
    langs
}

fn has_text_column(columns: &Columns) -> bool {
    columns
        .columns
        .iter()
        .any(|c| matches!(c.role, Role::Reason | Role::Description | Role::Message))
}

fn has_reasons(table: &Table, columns: &Columns) -> bool {
    columns.groups.iter().any(|group| {
        columns.code(group).is_some_and(|code| {
            table.body().any(|r| {
                matches!(
                    status_cell(&r.cells[code].text),
                    StatusCell::Codes(_, Some(_))
                )
            })
        })
    })
}

fn no_text_column(
    source: &Source,
    table: &Table,
    columns: &Columns,
    diagnostics: &mut Diagnostics,
) {
    let found: Vec<String> = columns
        .columns
        .iter()
        .map(|c| format!("`{}`", visible(&c.header)))
        .collect();
    let other = columns.columns.iter().find(|c| c.role == Role::Other);
    let code = columns
        .columns
        .iter()
        .find(|c| c.role == Role::Status)
        .filter(|c| can_hold_error_codes(&c.header));
    let note = code.map(|c| {
        format!(
            "if the `{}` column holds error codes rather than HTTP statuses, write `{}` (an error-code table needs no description)",
            c.header,
            Fix::Kind(Kind::Error)
        )
    });
    let diagnostic = diagnostics.error(
        source,
        table.header_offset(),
        || {
            let mut message = format!(
                "table has no description column (expected a header such as {}); found headers {}",
                crate::vocabulary::words_for(Role::Description),
                found.join(", ")
            );
            if let Some(other) = other {
                let _ = write!(
                    message,
                    ": name it with `{}`",
                    Fix::Column {
                        table: None,
                        role: Role::Description,
                        header: other.header.clone(),
                    }
                );
            }
            message
        },
        "header row",
    );
    if let (Some(diagnostic), Some(note)) = (diagnostic, note) {
        diagnostic.notes.push(note);
    }
}

/// Whether a column's header word can name error codes (`Code`), so that
/// `kind = "error"` would read it as such.
fn can_hold_error_codes(header: &str) -> bool {
    let word = crate::vocabulary::read_header(header).word;
    crate::vocabulary::roles_of(&word).is_some_and(|(_, roles)| roles.contains(&Role::Code))
}

/// What a status table's code cell holds.
#[derive(Debug, PartialEq, Eq)]
enum StatusCell {
    /// One code or several (`500, 502, 503, 504`), and what is written after
    /// a single code: its reason (`400 Bad Request`) or a remark in
    /// parentheses.
    Codes(Vec<u16>, Option<String>),
    /// Not a row of codes: a class range (`2xx`) or a catch-all (`All other codes`).
    Skip(SkipReason),
    /// A mistake: (message, label).
    Wrong(String, &'static str),
}

fn status_cell(written: &str) -> StatusCell {
    if crate::cells::is_catch_all(written) {
        return StatusCell::Skip(SkipReason::CatchAll(written.to_owned()));
    }
    if crate::cells::is_placeholder(written) {
        return StatusCell::Skip(SkipReason::Placeholder(written.to_owned()));
    }
    if crate::cells::is_status_class(written) {
        return StatusCell::Skip(SkipReason::Class(written.to_owned()));
    }
    // `(no HTTP code)`: a remark in the place of a status.
    if written.starts_with(['(', '（']) && written.ends_with([')', '）']) {
        return StatusCell::Skip(SkipReason::Label(written.to_owned()));
    }
    if written
        .chars()
        .any(|c| crate::cells::full_width_digit(c).is_some())
    {
        return StatusCell::Wrong(
            format!(
                "status code `{written}` is written in full-width digits: expected ASCII digits, such as 404"
            ),
            "full-width digits",
        );
    }
    let canonical = crate::cells::canonical_status(written, true);
    let text = canonical.as_ref();
    let (head, rest) = number_and_rest(text);
    let class = head.as_bytes();
    if class.len() == 3
        && (b'1'..=b'5').contains(&class[0])
        && class[1].eq_ignore_ascii_case(&b'x')
        && class[2].eq_ignore_ascii_case(&b'x')
        && rest.is_none_or(|r| !r.contains(|c: char| c.is_ascii_digit()))
    {
        return StatusCell::Skip(SkipReason::Class(head.to_owned()));
    }
    if head.is_empty() {
        return StatusCell::Wrong(
            "empty status code: expected a number such as 404".to_owned(),
            "empty cell",
        );
    }
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return match several_statuses(text) {
            Some((codes, reason)) => StatusCell::Codes(codes, reason),
            None => StatusCell::Wrong(
                format!("status code `{}` is not a number", visible(written)),
                "not a number",
            ),
        };
    }
    if head.len() == 3 && head.starts_with('0') || head.len() > 3 && head.starts_with('0') {
        return StatusCell::Wrong(
            format!(
                "status code {head} has a leading zero: expected a three-digit code from 100 to 999"
            ),
            "leading zero",
        );
    }
    match head.parse::<u16>() {
        Ok(code) if (100..=999).contains(&code) => {
            StatusCell::Codes(vec![code], rest.map(str::to_owned))
        }
        _ => StatusCell::Wrong(
            format!(
                "status code {head} is out of range: expected a three-digit code from 100 to 999"
            ),
            "out of range",
        ),
    }
}

/// A kramdown attribute list (`{: caption="Table 1"}`, `{: #id .class}`).
fn is_attribute_list(text: &str) -> bool {
    text.starts_with("{:") && text.ends_with('}') && !text[2..text.len() - 1].contains('}')
}

/// The number a status cell starts with and what is written after it:
/// `401Unauthorized` (the reason against the number), `400 Bad Request`,
/// `429 - Too Many Requests` (the reason after its dash).
fn number_and_rest(text: &str) -> (&str, Option<&str>) {
    let glued = text
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&at| at == 3 && text[at..].starts_with(|c: char| c.is_ascii_alphabetic()));
    match glued.or_else(|| text.find(char::is_whitespace)) {
        Some(at) => (
            &text[..at],
            Some(
                text[at..]
                    .trim()
                    .trim_start_matches(['-', '–', '—', ':', '：'])
                    .trim(),
            )
            .filter(|r| !r.is_empty()),
        ),
        None => (text, None),
    }
}

/// A cell listing several statuses (`400/404`, `500, 502, 503, 504`), each
/// a code from 100 to 999, once, maybe followed by the text they share
/// (`500, 502, 503, 504 - Server Errors`).
fn several_statuses(text: &str) -> Option<(Vec<u16>, Option<String>)> {
    // The list ends at the first word that is neither `or` nor the `xx` of
    // a class (`2xx`): the text after it.
    let mut list_end = text.len();
    let mut at = 0;
    while let Some(start) = text[at..].find(char::is_alphabetic).map(|i| at + i) {
        let end = text[start..]
            .find(|c: char| !c.is_alphabetic())
            .map_or(text.len(), |i| start + i);
        let word = &text[start..end];
        let class = text[..start].ends_with(|c: char| c.is_ascii_digit())
            && word.chars().all(|c| c.eq_ignore_ascii_case(&'x'));
        if !class && !word.eq_ignore_ascii_case("or") && word != "或" {
            list_end = start;
            break;
        }
        at = end;
    }
    let (list, rest) = text.split_at(list_end);
    let list = list
        .trim()
        .trim_end_matches(['-', '–', '—', ':', '：'])
        .trim();
    let mut parts = vec![list];
    for separator in ["/", ",", "，", "、", ";", " or ", "或"] {
        parts = parts.into_iter().flat_map(|p| p.split(separator)).collect();
    }
    let mut codes: Vec<u16> = Vec::new();
    let mut classes = 0;
    for part in parts.iter().map(|p| p.trim()) {
        // `2xx or 405`: the class is no status, the 405 is.
        if crate::cells::is_status_class(part) {
            classes += 1;
            continue;
        }
        let code = part
            .parse::<u16>()
            .ok()
            .filter(|c| part.len() == 3 && (100..=999).contains(c))?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    let reason = Some(rest.trim().to_owned()).filter(|r| !r.is_empty());
    (codes.len() > 1 || !codes.is_empty() && classes > 0).then_some((codes, reason))
}

pub(super) struct TableReader<'a> {
    pub(super) source: &'a Source,
    pub(super) table: &'a Table,
    pub(super) columns: &'a Columns,
    pub(super) kind: Kind,
    pub(super) langs: &'a [String],
    pub(super) others: &'a [String],
    pub(super) purpose: Purpose,
    pub(super) options: &'a Options,
    /// Per column, read once and only for a column read for codes: the
    /// pattern of its codes; and the statuses each column gives, with how
    /// often (for the code and status grammars).
    pub(super) code_columns: Vec<std::cell::OnceCell<super::codes::Column>>,
    pub(super) statuses: std::cell::OnceCell<Vec<Vec<(u16, usize)>>>,
}

impl TableReader<'_> {
    fn row(
        &self,
        row: &DocumentRow,
        group: &[usize],
        note: Option<String>,
        read: &mut Read,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(code_column) = self.columns.code(group) else {
            return;
        };
        let code_cell = &row.cells[code_column];
        if group.iter().all(|&i| row.cells[i].text.is_empty()) {
            return;
        }
        read.written.push(code_cell.text.clone());
        if self.not_a_row(row, group, code_column, read) {
            return;
        }
        let written = group.iter().filter(|&&i| row.cells[i].written).count();
        if !code_cell.written {
            self.short_row(row, written, group.len(), diagnostics);
            return;
        }
        let line = self.source.line(row.offset);
        let mut model_row = Row::new(line, code_cell.offset, self.table.index, self.langs.len());
        model_row.notes.extend(note);
        let codes: Vec<(String, Option<u16>)> = match self.kind {
            Kind::Status => {
                self.status_code(code_cell, code_column, &mut model_row, read, diagnostics)
            }
            Kind::Error => {
                let Some(codes) =
                    self.error_codes(row, group, code_column, &mut model_row, read, diagnostics)
                else {
                    return;
                };
                codes.into_iter().map(|c| (c, None)).collect()
            }
        };
        let Some((code, _)) = codes.first().cloned() else {
            return;
        };
        let reason = model_row.text(Text::Reason).to_owned();
        self.texts(row, group, &mut model_row);
        if !reason.is_empty() {
            // The reason written next to an error's status, when no column has one.
            if model_row.text(Text::Reason).is_empty() {
                model_row.text_mut(Text::Reason)[0] = reason;
            }
            if !read.texts.contains(&Text::Reason) {
                read.texts.push(Text::Reason);
            }
        }
        if self.kind == Kind::Status
            && self.purpose == Purpose::Primary
            && !Self::has_text(&model_row)
        {
            if written < group.len() {
                self.short_row(row, written, group.len(), diagnostics);
            } else {
                self.empty_description(row, group, &code, diagnostics);
            }
            return;
        }
        let shared = codes.len() > 1;
        let mut push = |mut row: Row, code: String, number: Option<u16>| {
            row.statuses.extend(number);
            read.rows.push(Candidate {
                row,
                code,
                number,
                code_offset: code_cell.offset,
                code_cell: (self.table.index, code_cell.origin),
                shared,
            });
        };
        // The row is copied for each code but the last, which takes it.
        let mut codes = codes;
        let last = codes.pop();
        for (code, number) in codes {
            push(model_row.clone(), code, number);
        }
        if let Some((code, number)) = last {
            push(model_row, code, number);
        }
    }

    /// Rows that show no code and are no mistake, noted as skipped: a
    /// kramdown attribute list after a pipe table (`{: caption="…"}`: the
    /// site's renderer turns it into the caption, GFM into a row), a bold
    /// word alone in its row heading the rows below it (`**Limits**`). (A
    /// blank half-row, where the right half of a side-by-side table runs out
    /// first, shows nothing: the caller passes it by.)
    fn not_a_row(
        &self,
        row: &DocumentRow,
        group: &[usize],
        code_column: usize,
        read: &mut Read,
    ) -> bool {
        let alone = |column: usize| {
            group
                .iter()
                .all(|&i| i == column || row.cells[i].text.is_empty())
        };
        let first = group[0];
        let code = &row.cells[code_column];
        let reason = if is_attribute_list(&row.cells[first].text) && alone(first) {
            SkipReason::AttributeList(row.cells[first].text.clone())
        } else if code.bold && code.written && alone(code_column) {
            SkipReason::EmphasisedLabel(code.text.clone())
        } else {
            return false;
        };
        read.skipped.push(SkippedRow {
            line: self.source.line(row.offset),
            table: self.table.index,
            reason,
        });
        true
    }

    /// A status table's code cell: the code (and the reason written after it),
    /// or a row skipped on purpose, or a mistake.
    fn status_code(
        &self,
        cell: &Cell,
        column: usize,
        model_row: &mut Row,
        read: &mut Read,
        diagnostics: &mut Diagnostics,
    ) -> Vec<(String, Option<u16>)> {
        // What a reader does not see is not part of the code.
        let text = crate::cells::visible(&cell.text);
        if text != cell.text.as_str() {
            model_row.notes.push(format!(
                "characters a reader does not see were dropped from the code: `{}`",
                visible(&cell.text)
            ));
        }
        match status_cell(&text) {
            StatusCell::Codes(codes, rest) => {
                match rest {
                    Some(remark) if remark.starts_with(['(', '（']) => {
                        let remark = remark
                            .trim_start_matches(['(', '（'])
                            .trim_end_matches([')', '）']);
                        model_row.notes.push(remark.trim().to_owned());
                    }
                    Some(reason) => {
                        if let Some(slot) = model_row.text_mut(Text::Reason).first_mut() {
                            *slot = reason;
                        }
                        if !read.texts.contains(&Text::Reason) {
                            read.texts.push(Text::Reason);
                        }
                    }
                    None => {}
                }
                codes
                    .into_iter()
                    .filter(|code| !self.skipped_by_option(&code.to_string(), model_row.line, read))
                    .map(|code| (code.to_string(), Some(code)))
                    .collect()
            }
            StatusCell::Skip(reason) => {
                read.skipped.push(SkippedRow {
                    line: model_row.line,
                    table: self.table.index,
                    reason,
                });
                Vec::new()
            }
            StatusCell::Wrong(message, label) => {
                self.wrong_code(cell, column, message, label, diagnostics);
                Vec::new()
            }
        }
    }

    fn texts(&self, row: &DocumentRow, group: &[usize], model_row: &mut Row) {
        let section = self.table.section.clone().unwrap_or_default();
        model_row.text_mut(Text::Section).fill(section);
        model_row.others = vec![Vec::new(); self.others.len()];
        for &i in group {
            let column = &self.columns.columns[i];
            let text = &row.cells[i].text;
            if column.role == Role::Alias {
                if !text.is_empty() {
                    model_row.aliases.push(text.clone());
                }
                continue;
            }
            if column.role == Role::Other {
                if let Some(index) = self.others.iter().position(|h| *h == column.header) {
                    model_row.others[index] = vec![text.clone()];
                }
                continue;
            }
            let Some(role) = Text::of_role(column.role) else {
                continue;
            };
            let lang = column
                .lang
                .and_then(|l| self.langs.iter().position(|x| x == l))
                .unwrap_or(0);
            model_row.text_mut(role)[lang].clone_from(text);
        }
    }

    fn has_text(row: &Row) -> bool {
        [Text::Reason, Text::Description, Text::Message]
            .iter()
            .any(|t| !row.text(*t).is_empty())
    }

    fn short_row(
        &self,
        row: &DocumentRow,
        written: usize,
        width: usize,
        diagnostics: &mut Diagnostics,
    ) {
        diagnostics.error(
            self.source,
            row.offset,
            || {
                format!(
                    "row has {} but the header has {width}: expected one cell per column",
                    if written == 1 {
                        "1 cell".to_owned()
                    } else {
                        format!("{written} cells")
                    }
                )
            },
            "short row",
        );
    }

    fn empty_description(
        &self,
        row: &DocumentRow,
        group: &[usize],
        code: &str,
        diagnostics: &mut Diagnostics,
    ) {
        let column = group.iter().copied().find(|&i| {
            matches!(
                self.columns.columns[i].role,
                Role::Description | Role::Message | Role::Reason
            )
        });
        let (offset, header) = column.map_or((row.offset, String::new()), |i| {
            (row.cells[i].offset, self.columns.columns[i].header.clone())
        });
        diagnostics.error(
            self.source,
            offset,
            || format!("empty description for status code {code}: expected text in the `{header}` column"),
            "empty cell",
        );
    }

    fn wrong_code(
        &self,
        cell: &Cell,
        column: usize,
        message: String,
        label: &'static str,
        diagnostics: &mut Diagnostics,
    ) {
        let header = self.columns.columns[column].header.clone();
        let can_be_codes = can_hold_error_codes(&header);
        if let Some(diagnostic) = diagnostics.error(
            self.source,
            cell.offset,
            || {
                if label == "not a number" {
                    format!("{message}: expected a number such as 404 in the `{header}` column")
                } else {
                    message
                }
            },
            label,
        ) && label == "not a number"
            && can_be_codes
        {
            diagnostic.notes.push(format!(
                "if the `{header}` column holds error codes rather than HTTP statuses, write `{}`",
                Fix::Kind(Kind::Error)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_cells() {
        let code =
            |code: u16, rest: Option<&str>| StatusCell::Codes(vec![code], rest.map(str::to_owned));
        assert_eq!(status_cell("200"), code(200, None));
        assert_eq!(
            status_cell("401Unauthorized"),
            code(401, Some("Unauthorized"))
        );
        assert_eq!(
            status_cell("400 Bad Request"),
            code(400, Some("Bad Request"))
        );
        assert!(matches!(status_cell("2xx"), StatusCell::Skip(_)));
        assert!(matches!(
            status_cell("4XX Client errors"),
            StatusCell::Skip(_)
        ));
        assert!(matches!(
            status_cell("All other codes"),
            StatusCell::Skip(_)
        ));
        assert!(matches!(status_cell("其余状态码"), StatusCell::Skip(_)));
        assert!(
            matches!(status_cell("0203"), StatusCell::Wrong(m, _) if m.contains("leading zero"))
        );
        assert!(
            matches!(status_cell("1000"), StatusCell::Wrong(m, _) if m.contains("out of range"))
        );
        assert_eq!(
            status_cell("500, 502, 503, 504"),
            StatusCell::Codes(vec![500, 502, 503, 504], None)
        );
        assert_eq!(
            status_cell("500, 502, 503, 504 - Server Errors"),
            StatusCell::Codes(vec![500, 502, 503, 504], Some("Server Errors".to_owned()))
        );
        assert_eq!(
            status_cell("400/404"),
            StatusCell::Codes(vec![400, 404], None)
        );
        assert!(
            matches!(status_cell("20x"), StatusCell::Wrong(m, _) if m.contains("not a number"))
        );
        // Invisible characters are dropped before (`status_code`), as a reader
        // does not see them; placeholders and full-width digits.
        assert!(matches!(status_cell("N/A"), StatusCell::Skip(_)));
        assert!(matches!(status_cell("暂无"), StatusCell::Skip(_)));
        assert!(
            matches!(status_cell("４０４"), StatusCell::Wrong(m, _) if m.contains("full-width"))
        );
        assert_eq!(
            status_cell("429 (retry after 120 s)"),
            code(429, Some("(retry after 120 s)"))
        );
        // The forms pages write statuses in.
        assert_eq!(status_cell("HTTP 429"), code(429, None));
        assert_eq!(
            status_cell("Bad Gateway (502)"),
            code(502, Some("Bad Gateway"))
        );
        assert_eq!(status_cell("Conflict"), code(409, Some("Conflict")));
        assert_eq!(
            status_cell("429 - Too Many Requests"),
            code(429, Some("Too Many Requests"))
        );
    }
}
