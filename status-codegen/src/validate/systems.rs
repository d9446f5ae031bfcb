//! Code systems are never merged silently. The tables of a page make one type
//! when the page presents them as one system: HTTP statuses always are one
//! (the seed's 正常/异常 tables, ECS's 正常状态码/错误状态码); error-code tables
//! are one system when their codes share a pattern (`EVS.0001` and
//! `Common.0002`) and they share either their code header or their section.
//! Otherwise the page is refused with every table and the option that picks it.

use std::fmt::Write as _;

use crate::cells::{self, Pattern};
use crate::columns::Columns;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::document::Document;
use crate::fix::Fix;
use crate::model::{Kind, TableInfo};
use crate::options::TableSelector;
use crate::source::Source;
use crate::vocabulary;

/// What tells one error-code table's system: its codes' pattern, its code
/// header, its section.
struct System<'a> {
    table: usize,
    pattern: Option<Pattern>,
    /// For numbers: the sign and the digit count most codes share
    /// (`-32001` and `-32700`: negative, five digits).
    width: Option<(bool, usize)>,
    header: String,
    section: Option<&'a str>,
    sample: &'a str,
}

pub(super) fn one_system(
    source: &Source,
    document: &Document,
    used: &[(usize, Columns)],
    tables: &[TableInfo],
    diagnostics: &mut Diagnostics,
) {
    let systems: Vec<System<'_>> = used
        .iter()
        .filter(|(_, columns)| columns.kind == Some(Kind::Error))
        .filter_map(|(index, columns)| {
            let table = &document.tables[*index];
            let group = columns.groups.first()?;
            let code = columns.code(group)?;
            let codes: Vec<&str> = table
                .body()
                .map(|r| r.cells[code].text.as_str())
                .filter(|t| !t.is_empty())
                .collect();
            Some(System {
                table: *index,
                pattern: cells::dominant_pattern(codes.iter().copied()),
                width: width(&codes),
                header: vocabulary::normalize(&columns.columns[code].header),
                section: table.section.as_deref(),
                sample: codes.first().copied().unwrap_or_default(),
            })
        })
        .collect();
    let Some(first) = systems.first() else {
        return;
    };
    let Some(other) = systems.iter().skip(1).find(|s| !same(first, s)) else {
        return;
    };
    let mut message = format!(
        "table {} and table {} hold different code systems (",
        first.table, other.table
    );
    let _ = write!(
        message,
        "`{}` under `{}` and `{}` under `{}`): expected the tables of one system per type; choose one with {}",
        first.sample,
        first.header,
        other.sample,
        other.header,
        systems
            .iter()
            .map(|s| format!("`{}`", picker(s, &systems, tables)))
            .collect::<Vec<_>>()
            .join(" or ")
    );
    diagnostics.push(
        Diagnostic::at(
            source,
            document.tables[other.table].header_offset(),
            message,
        )
        .with_label("another code system")
        .with_fix(picker(first, &systems, tables)),
    );
}

/// Whether two tables are one system: one pattern, and one code header or
/// one section, or numbers of one sign and width (`-32001` beside `-32700`).
fn same(a: &System<'_>, b: &System<'_>) -> bool {
    a.pattern == b.pattern
        && (a.header == b.header
            || a.section == b.section
            || a.pattern == Some(Pattern::Numeric) && a.width.is_some() && a.width == b.width)
}

/// The sign and digit count more than half of `codes` share, when they are
/// decimal numbers.
fn width(codes: &[&str]) -> Option<(bool, usize)> {
    let widths: Vec<(bool, usize)> = codes
        .iter()
        .filter_map(|code| {
            let digits = code.strip_prefix('-').unwrap_or(code);
            digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then_some((digits.len() < code.len(), digits.len()))
        })
        .collect();
    let first = *widths.first()?;
    (widths.iter().filter(|w| **w == first).count() * 2 > codes.len()).then_some(first)
}

/// The option that picks a table's system: its section when that section
/// picks no table of another system, else its index.
fn picker(system: &System<'_>, all: &[System<'_>], tables: &[TableInfo]) -> Fix {
    if let Some(section) = system.section
        && all
            .iter()
            .filter(|s| s.section == Some(section))
            .all(|s| same(s, system))
        && tables
            .iter()
            .filter(|t| t.section.as_deref() == Some(section))
            .all(|t| all.iter().any(|s| s.table == t.index) || !t.used)
    {
        return Fix::Tables(TableSelector::Section(section.to_owned()));
    }
    let caption = tables[system.table]
        .caption
        .as_deref()
        .map(crate::document::caption_title)
        .filter(|c| !c.is_empty());
    if let Some(caption) = caption
        && tables
            .iter()
            .filter(|t| {
                t.caption
                    .as_deref()
                    .is_some_and(|c| crate::document::caption_title(c) == caption)
            })
            .count()
            == 1
    {
        return Fix::Tables(TableSelector::Caption(caption.to_owned()));
    }
    Fix::Tables(TableSelector::Index(system.table))
}
