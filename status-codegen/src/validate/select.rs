//! Choosing the tables: every code table of one kind, or those the invocation
//! names. Every table not used says why, for `inspect` and the rustdoc; a skip
//! that could hide rows the user meant is an error.

use std::fmt::Write as _;

use crate::columns::{self, Columns, Headings};
use crate::diagnostic::{Diagnostic, Diagnostics, visible};
use crate::document::{Document, Table};
use crate::fix::Fix;
use crate::model::{ColumnInfo, Kind, Role, TableInfo, TableSkip};
use crate::options::{Options, TableSelector};
use crate::source::Source;

use super::systems;

/// The tables chosen, and what became of every table.
#[derive(Debug)]
pub(crate) struct Selection {
    /// The kind of the type.
    pub(crate) kind: Kind,
    /// The tables whose rows make the type, with their columns.
    pub(crate) used: Vec<(usize, Columns)>,
    /// Every table of the document.
    pub(crate) tables: Vec<TableInfo>,
}

pub(super) fn select(
    source: &Source,
    document: &Document,
    options: &Options,
    diagnostics: &mut Diagnostics,
) -> Selection {
    let mut read = read_columns(document, options);
    let weak = weak_tables(&mut read, options);
    let mut tables: Vec<TableInfo> = document
        .tables
        .iter()
        .zip(&read)
        .map(|(table, columns)| info(source, table, columns))
        .collect();
    let problem = nothing_to_read(source, document);
    if document.refused || problem.is_some() {
        // A refused document has its own error already.
        if let Some(problem) = problem.filter(|_| !document.refused) {
            diagnostics.push(problem);
        }
        return Selection {
            kind: options.kind.unwrap_or(Kind::Status),
            used: Vec::new(),
            tables,
        };
    }
    let chosen = chosen(source, document, options, &mut tables, diagnostics);
    let kind = choose_kind(source, document, &read, &chosen, options, diagnostics);
    let mut used = Vec::new();
    for &index in &chosen {
        if read[index].kind == Some(kind) {
            tables[index].used = true;
            used.push((index, read[index].clone()));
        } else {
            tables[index].skipped_because = Some(skipped_because(
                &document.tables[index],
                &read[index],
                kind,
                options.kind.is_some(),
            ));
            if read[index].kind.is_none() && options.tables.is_some() {
                diagnostics.push(not_a_code_table(source, &document.tables[index]));
            }
        }
    }
    for &index in &weak {
        tables[index].skipped_because = Some(weak_because(&read[index]));
    }
    if used.is_empty() && options.tables.is_none() && !chosen.is_empty() {
        diagnostics.push(no_code_table(source, document, &read, &tables));
    }
    unclosed(source, document, &mut tables, diagnostics);
    let reported = near_misses(source, document, &read, &mut tables, diagnostics);
    if !used.is_empty() {
        let settled: Vec<usize> = (0..document.tables.len())
            .filter(|i| !chosen.contains(i) || reported.contains(i))
            .collect();
        unread_code_tables(source, document, &read, &settled, &mut tables, diagnostics);
        systems::one_system(source, document, &used, &tables, diagnostics);
    }
    Selection { kind, used, tables }
}

/// A `<table>` never closed: an error when its rows are read (a browser
/// shows the rest of the page inside it), else a note on the table left out
/// (a broken parameter table does not refuse a page whose code table is
/// intact).
fn unclosed(
    source: &Source,
    document: &Document,
    tables: &mut [TableInfo],
    diagnostics: &mut Diagnostics,
) {
    for table in document.tables.iter().filter(|t| t.unclosed) {
        let info = &mut tables[table.index];
        if info.used {
            diagnostics.error(
                source,
                table.offset,
                || {
                    "unclosed <table>: expected a matching </table> before the end of the document"
                        .to_owned()
                },
                "this table is never closed",
            );
        } else {
            let why = info.skipped_because.take().map(Box::new);
            info.skipped_because = Some(TableSkip::Unclosed(why));
        }
    }
}

/// Every table's columns. `kind = "error"` reads a word for either (`Code`)
/// as error codes, unless the page has error tables of its own: then it
/// leaves the tables of the other kind out rather than read them again as
/// error codes (a `Code` table of 200, 400, … beside an `Error Code` table).
fn read_columns(document: &Document, options: &Options) -> Vec<Columns> {
    let profiles: Vec<_> = document.tables.iter().map(columns::profiles).collect();
    let read = |kind, headings| -> Vec<Columns> {
        document
            .tables
            .iter()
            .zip(&profiles)
            .map(|(t, profiles)| {
                columns::read_profiled(t, profiles, &options.columns_for(t.index), kind, headings)
            })
            .collect()
    };
    let plain = read(None, Headings::Ignore);
    // A page with an HTTP table (by its header, or by its caption or
    // heading: `HTTP status codes`) and a table headed otherwise
    // (`Error codes`, `Result codes`) holds two systems the headings tell apart.
    let heading = |t: &Table| {
        [t.caption.as_deref(), t.section.as_deref()]
            .into_iter()
            .flatten()
            .find_map(crate::vocabulary::names_system)
    };
    let http = plain.iter().zip(&document.tables).any(|(columns, table)| {
        columns.statuses_by_header()
            || columns.kind == Some(Kind::Status) && heading(table) == Some(Kind::Status)
    });
    let other = document
        .tables
        .iter()
        .any(|t| heading(t) == Some(Kind::Error));
    let headings = if http && other {
        Headings::Read
    } else {
        Headings::Ignore
    };
    let bare = if headings == Headings::Ignore {
        plain
    } else {
        read(None, headings)
    };
    if options.kind.is_none() {
        return bare;
    }
    let asked = read(options.kind, headings);
    if options.kind == Some(Kind::Status) {
        return asked;
    }
    if bare.iter().any(|c| c.kind == Some(Kind::Error)) {
        bare.into_iter()
            .zip(asked)
            .map(|(bare, asked)| {
                if bare.kind == Some(Kind::Status) {
                    bare
                } else {
                    asked
                }
            })
            .collect()
    } else {
        asked
    }
}

/// Tables whose codes are in columns whose header does not name them (a
/// table of endpoints: `Method | Path | Success | Failure`), on a page where
/// another table's header names its codes: not code tables. They are read as
/// no code table (and listed with why); a page of such tables alone is read
/// from them. The invocation's choice of tables overrides this.
fn weak_tables(read: &mut [Columns], options: &Options) -> Vec<usize> {
    let strong = read.iter().any(|c| c.kind.is_some() && !c.weak());
    if !strong || options.tables.is_some() {
        return Vec::new();
    }
    let weak: Vec<usize> = (0..read.len())
        .filter(|&i| read[i].kind.is_some() && read[i].weak())
        .collect();
    for &i in &weak {
        read[i].kind = None;
    }
    weak
}

fn weak_because(columns: &Columns) -> TableSkip {
    TableSkip::Weak(
        columns
            .columns
            .iter()
            .filter(|c| c.from_cells)
            .map(|c| c.header.clone())
            .collect(),
    )
}

/// An empty document, or one with no table at all.
fn nothing_to_read(source: &Source, document: &Document) -> Option<Diagnostic> {
    let message = if source.text().trim().is_empty() {
        "document is empty: expected a Markdown or HTML document with a status-code or error-code table"
    } else if document.tables.is_empty() {
        "no table found: expected a Markdown pipe table or an HTML <table> with a status-code or error-code column"
    } else {
        return None;
    };
    Some(Diagnostic::at(source, 0, message))
}

/// The tables the invocation's `table`/`section`/`caption` chooses (every
/// table without one); the others say why they are not read.
fn chosen(
    source: &Source,
    document: &Document,
    options: &Options,
    tables: &mut [TableInfo],
    diagnostics: &mut Diagnostics,
) -> Vec<usize> {
    let Some(selector) = &options.tables else {
        return (0..document.tables.len()).collect();
    };
    let chosen: Vec<usize> = document
        .tables
        .iter()
        .filter(|t| matches(selector, t))
        .map(|t| t.index)
        .collect();
    if chosen.is_empty() {
        diagnostics.push(Diagnostic::at(
            source,
            0,
            format!(
                "{}: the document's tables, counted from 0, are {}",
                no_match(selector, document.tables.len()),
                list(tables)
            ),
        ));
    }
    for info in tables.iter_mut() {
        if !chosen.contains(&info.index) {
            info.skipped_because = Some(TableSkip::NotChosen(selector.clone()));
        }
    }
    chosen
}

/// Why a chosen table is not read for a type of `kind` (`asked`: the
/// invocation says `kind = …`; else the page's first code table decided it).
fn skipped_because(table: &Table, columns: &Columns, kind: Kind, asked: bool) -> TableSkip {
    match columns.kind {
        Some(other) => TableSkip::OtherKind {
            table: other,
            kind,
            asked,
        },
        None if table.width == 0 => TableSkip::NoRows,
        None => TableSkip::NoCodeColumn(header_texts(table)),
    }
}

/// The bare invocation found no code table: say what each table has, and how
/// to name the columns of one.
fn no_code_table(
    source: &Source,
    document: &Document,
    read: &[Columns],
    tables: &[TableInfo],
) -> Diagnostic {
    // The column a reader would take for codes: the first with no role whose
    // cells are code-shaped words (`Error` over `E1001`), else the first
    // table's first.
    // Never a column of parameters, fields or metrics (`指标ID` over
    // `cpu_util`), nor of states (`Status` over `accepted`), and never a
    // table whose header row holds the codes (a transposed table): no option
    // reads those as codes.
    let code_shaped = |c: &crate::columns::Column| {
        matches!(
            c.profile.dominant(),
            Some(crate::cells::Shape::Code | crate::cells::Shape::Number)
        ) && !crate::vocabulary::names_no_code(&c.header)
            && !crate::vocabulary::names_a_state(&crate::vocabulary::read_header(&c.header).word)
    };
    let shaped = read.iter().enumerate().find_map(|(t, columns)| {
        if transposed(&document.tables[t]) {
            return None;
        }
        columns
            .columns
            .iter()
            .find_map(|c| (c.role == Role::Other && code_shaped(c)).then_some((t, c)))
    });
    let first = &document.tables[0];
    let mut diagnostic = Diagnostic::at(
        source,
        first.header_offset(),
        format!(
            "no status-code or error-code table: expected a column headed with a word such as `状态码`, `Status Code`, `错误码` or `Error Code`; the document's tables are {}",
            list(tables)
        ),
    )
    .with_label("the first table");
    if let Some((table, column)) = shaped {
        diagnostic = diagnostic
            .with_note(format!(
                "the column `{}` of table {table} holds code-shaped words (`{}`), though its header is not a word for codes",
                visible(&column.header),
                column
                    .profile
                    .dominant()
                    .map_or("", |shape| column.profile.sample(shape))
            ))
            .with_fix(Fix::Column {
                table: Some(table),
                role: Role::Code,
                header: column.header.clone(),
            });
    } else if let Some(header) = first.header().first().filter(|h| !h.text.is_empty())
        && !transposed(first)
        && read[0].columns.first().is_some_and(|c| {
            code_shaped(c)
                || c.profile.dominant() == Some(crate::cells::Shape::Status)
                    && !crate::vocabulary::names_no_code(&c.header)
        })
    {
        // Kept only if it reads the table (the `help:` line says so).
        diagnostic = diagnostic.with_fix(Fix::Column {
            table: Some(0),
            role: Role::Code,
            header: header.text.clone(),
        });
    }
    diagnostic
}

/// The kind of the type: the one asked for, else the one the code tables
/// have; both on one page is an error that names the option.
fn choose_kind(
    source: &Source,
    document: &Document,
    read: &[Columns],
    chosen: &[usize],
    options: &Options,
    diagnostics: &mut Diagnostics,
) -> Kind {
    if let Some(kind) = options.kind {
        return kind;
    }
    let of = |kind: Kind| -> Vec<usize> {
        chosen
            .iter()
            .copied()
            .filter(|&i| read[i].kind == Some(kind))
            .collect()
    };
    let (status, error) = (of(Kind::Status), of(Kind::Error));
    match (status.first(), error.first()) {
        (Some(&s), Some(&e)) => {
            let numbers = |tables: &[usize]| {
                tables
                    .iter()
                    .map(|i| format!("{i} (line {})", source.line(document.tables[*i].offset)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let second = s.max(e);
            diagnostics.push(
                Diagnostic::at(
                    source,
                    document.tables[second].header_offset(),
                    format!(
                        "this page has status-code tables ({}) and error-code tables ({}): expected one kind per type; choose with `{}` or `{}`",
                        numbers(&status),
                        numbers(&error),
                        Fix::Kind(Kind::Status),
                        Fix::Kind(Kind::Error)
                    ),
                )
                .with_label("a table of the other kind")
                .with_fix(Fix::Kind(if s < e { Kind::Status } else { Kind::Error })),
            );
            if s < e { Kind::Status } else { Kind::Error }
        }
        (None, Some(_)) => Kind::Error,
        _ => Kind::Status,
    }
}

/// A table skipped for having no code column, when it is a used table with
/// one header changed (`Statsu Code`): that is a typo hiding rows, not another
/// kind of table.
fn near_misses(
    source: &Source,
    document: &Document,
    read: &[Columns],
    tables: &mut [TableInfo],
    diagnostics: &mut Diagnostics,
) -> Vec<usize> {
    let mut reported = Vec::new();
    let used: Vec<usize> = tables.iter().filter(|t| t.used).map(|t| t.index).collect();
    for table in &document.tables {
        if read[table.index].kind.is_some() || tables[table.index].used {
            continue;
        }
        // A table of the other kind (skipped for `kind`) is not a typo.
        let bare = columns::read(
            table,
            &crate::options::ColumnChoice::default(),
            None,
            Headings::Ignore,
        );
        if bare.kind.is_some() {
            continue;
        }
        let header = table.header();
        let near = used
            .iter()
            .find_map(|&u| one_header_typo(&header, &document.tables[u].header()).map(|i| (u, i)));
        let Some((twin, column)) = near else { continue };
        let role = read[twin].columns[column].role;
        let fix = (role != Role::Other).then(|| Fix::Column {
            table: Some(table.index),
            role,
            header: header[column].text.clone(),
        });
        let hint = fix.as_ref().map_or_else(String::new, |fix| {
            format!(
                "; if it is a {} column, name it with `{fix}`",
                role.as_str()
            )
        });
        let mut diagnostic = Diagnostic::at(
            source,
            header[column].offset,
            format!(
                "table {} is skipped: its header `{}` is not recognised, where table {} (line {}) has `{}`{hint}",
                table.index,
                visible(&header[column].text),
                twin,
                source.line(document.tables[twin].offset),
                document.tables[twin].header()[column].text,
            ),
        )
        .with_label("not a recognised header");
        if let Some(fix) = fix {
            diagnostic = diagnostic.with_fix(fix);
        }
        diagnostics.push(diagnostic);
        tables[table.index].skipped_because =
            Some(TableSkip::UnknownHeader(header[column].text.clone()));
        reported.push(table.index);
    }
    reported
}

/// The column where `header` differs from `theirs` by a typo of one header
/// (`Statsu Code`), all the others alike; not another word (`Parameter`
/// where the other table has `Error code`).
fn one_header_typo(
    header: &[crate::document::HeaderCell],
    theirs: &[crate::document::HeaderCell],
) -> Option<usize> {
    if theirs.len() != header.len() {
        return None;
    }
    let normal = |h: &crate::document::HeaderCell| crate::vocabulary::normalize(&h.text);
    let differing: Vec<usize> = (0..header.len())
        .filter(|&i| normal(&header[i]) != normal(&theirs[i]))
        .collect();
    let [i] = differing[..] else {
        return None;
    };
    let typo = !crate::vocabulary::names_no_code(&header[i].text)
        && strsim::normalized_damerau_levenshtein(&normal(&header[i]), &normal(&theirs[i])) >= 0.6;
    typo.then_some(i)
}

/// No silent skip: a table with a column whose header names codes
/// (`错误返回码`, `Error Code`), read as no code table (its cells are not
/// codes), is an error while the page builds from other tables. `settled`:
/// the tables left out by the invocation or already reported.
fn unread_code_tables(
    source: &Source,
    document: &Document,
    read: &[Columns],
    settled: &[usize],
    tables: &mut [TableInfo],
    diagnostics: &mut Diagnostics,
) {
    for table in &document.tables {
        let columns = &read[table.index];
        if columns.kind.is_some() || tables[table.index].used || settled.contains(&table.index) {
            continue;
        }
        let Some(column) = (0..columns.columns.len()).find(|&i| columns.names_codes(i)) else {
            continue;
        };
        let header = &columns.columns[column];
        diagnostics.push(
            Diagnostic::at(
                source,
                header.offset,
                format!(
                    "table {} is not read, though its header `{}` names codes: {}; expected a column of HTTP statuses or error codes, or leave it out with `table`/`section`",
                    table.index,
                    visible(&header.header),
                    header.because
                ),
            )
            .with_label("header naming codes")
            .with_fix(Fix::Column {
                table: Some(table.index),
                role: Role::Code,
                header: header.header.clone(),
            }),
        );
        tables[table.index].skipped_because = Some(TableSkip::NoCodesUnder(header.header.clone()));
    }
}

/// A table whose header row holds the codes (`状态码 | 200 | 400 | …`) and
/// whose rows hold their texts: two or more headers are HTTP statuses.
fn transposed(table: &Table) -> bool {
    table
        .header()
        .iter()
        .filter(|h| crate::cells::shape(&h.text) == Some(crate::cells::Shape::Status))
        .count()
        >= 2
}

fn not_a_code_table(source: &Source, table: &Table) -> Diagnostic {
    let first = table.header();
    let example = first.first().map_or("…", |h| h.text.as_str());
    Diagnostic::at(
        source,
        table.header_offset(),
        format!(
            "table {} has no status-code or error-code column: found headers {}; expected a header such as `状态码`, `Status Code`, `错误码` or `Error Code`, or name the column with `{}`",
            table.index,
            headers(table),
            Fix::Column {
                table: Some(table.index),
                role: Role::Code,
                header: example.to_owned(),
            }
        ),
    )
    .with_label("header row")
}

fn matches(selector: &TableSelector, table: &Table) -> bool {
    match selector {
        TableSelector::Index(i) => *i == table.index,
        TableSelector::Section(s) => table.section.as_deref() == Some(s.as_str()),
        TableSelector::Caption(c) => table.caption.as_deref().is_some_and(|caption| {
            caption == c || crate::document::caption_title(caption) == c.as_str()
        }),
    }
}

fn no_match(selector: &TableSelector, count: usize) -> String {
    match selector {
        TableSelector::Index(i) => format!(
            "`table = {i}` names no table: the document has {count} table(s), counted from 0"
        ),
        TableSelector::Section(s) => format!("`section = {s:?}` matches no table's section"),
        TableSelector::Caption(c) => format!("`caption = {c:?}` matches no table's caption"),
    }
}

/// The table's headers as a reader sees them; none when all are empty.
fn header_texts(table: &Table) -> Vec<String> {
    let headers = table.header();
    if headers.iter().all(|h| h.text.is_empty()) {
        return Vec::new();
    }
    headers.iter().map(|h| visible(&h.text)).collect()
}

fn headers(table: &Table) -> String {
    let headers = table.header();
    if headers.iter().all(|h| h.text.is_empty()) {
        return "none".to_owned();
    }
    headers
        .iter()
        .map(|h| format!("`{}`", visible(&h.text)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(tables: &[TableInfo]) -> String {
    tables
        .iter()
        .map(|t| {
            let mut text = format!("{} (line {}", t.index, t.line);
            if let Some(section) = &t.section {
                let _ = write!(text, ", section `{section}`");
            }
            if let Some(caption) = &t.caption {
                let _ = write!(text, ", caption `{caption}`");
            }
            if t.columns.is_empty() {
                text.push_str(", no rows)");
            } else {
                let headers: Vec<String> = t
                    .columns
                    .iter()
                    .map(|c| format!("`{}`", c.header))
                    .collect();
                let _ = write!(text, ", headers {})", headers.join(" "));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn info(source: &Source, table: &Table, columns: &Columns) -> TableInfo {
    TableInfo {
        index: table.index,
        line: source.line(table.offset),
        offset: table.offset,
        section: table.section.clone(),
        caption: table.caption.clone(),
        kind: columns.kind,
        used: false,
        skipped_because: None,
        columns: columns
            .columns
            .iter()
            .map(|c| ColumnInfo {
                header: c.header.clone(),
                role: c.role,
                lang: c.lang.map(str::to_owned),
                because: c.because.clone(),
            })
            .collect(),
        rows: table.body().count(),
    }
}
