//! What a column's neighbours say: once every column of a table has the role
//! its own header and cells give it, the table as a whole settles the rest
//! (words beside the HTTP statuses are no codes; distinct words where the
//! statuses repeat are; a column of reason phrases is the reason, or the
//! statuses; a second column of the same codes is their alias).

use super::Column;
use crate::cells::Shape;
use crate::document::Table;
use crate::model::Role;
use crate::vocabulary;

/// Words under a header that names only statuses (`gRPC Status Code` over
/// `INTERNAL`) are read as error codes when no other column holds the
/// statuses; beside a column of HTTP statuses they are another notation of
/// them, not the codes, and keep no role.
pub(super) fn codes_beside_statuses(columns: &mut [Column], group: &[usize]) {
    if !group.iter().any(|&i| columns[i].role == Role::Status) {
        return;
    }
    for &i in group {
        let column = &mut columns[i];
        let word = vocabulary::read_header(&column.header).word;
        let forced = column.role == Role::Code
            && !column.named
            && vocabulary::header_roles(&word)
                .is_some_and(|(_, roles, _)| !roles.contains(&Role::Code));
        if forced {
            column.recast(
                Role::Other,
                "another column holds the HTTP statuses, so these are not the codes",
            );
        }
    }
}

/// A status table whose statuses repeat (`500` on three rows) beside a
/// column of distinct code-shaped words (`API_CONFIGURATION_ERROR`,
/// `AUTHORIZER_FAILURE`) under a header that names no role or a name
/// (`Gateway response type`): the words are the codes, each with its status.
pub(super) fn names_of_repeated_statuses(table: &Table, columns: &mut [Column], group: &[usize]) {
    let has_code = group.iter().any(|&i| columns[i].role == Role::Code);
    let Some(status) = status_by_header(columns, group) else {
        return;
    };
    if has_code || !repeats(table, status) {
        return;
    }
    let candidate = group.iter().copied().find(|&i| {
        matches!(columns[i].role, Role::Other | Role::Reason)
            && columns[i].profile.dominant() == Some(Shape::Code)
            && one_word_each(table, i)
            && !repeats(table, i)
            && !vocabulary::names_no_code(&columns[i].header)
    });
    if let Some(i) = candidate {
        let sample = columns[i].profile.sample(Shape::Code).to_owned();
        columns[i].recast(
            Role::Code,
            format_args!("its cells are distinct code-shaped words (`{sample}`) where the statuses repeat, so they are the codes"),
        );
    }
}

/// The group's status column, when its header says so (not a column of
/// unknown words whose cells happened to be statuses).
fn status_by_header(columns: &[Column], group: &[usize]) -> Option<usize> {
    group
        .iter()
        .copied()
        .find(|&i| columns[i].role == Role::Status && !columns[i].from_cells)
}

/// `Status Code | Error Type` (an SDK's exception per status): the statuses,
/// each once and left of the type, are the table's key, and the type names
/// each: its reason, not an error code. (`Error Type | Response Code`, the
/// type first, keeps the type as the code.)
pub(super) fn types_of_key_statuses(table: &Table, columns: &mut [Column], group: &[usize]) {
    let Some(status) = status_by_header(columns, group) else {
        return;
    };
    if repeats(table, status) {
        return;
    }
    for &i in group.iter().filter(|&&i| i > status) {
        let column = &mut columns[i];
        let word = vocabulary::read_header(&column.header).word;
        let a_type = vocabulary::header_roles(&word)
            .is_some_and(|(_, roles, _)| roles == [Role::Code, Role::Reason]);
        if column.role == Role::Code && a_type && !column.named {
            column.recast(
                Role::Reason,
                "the statuses left of it are the table's key, each once, so it names them",
            );
        }
    }
}

/// A column of error codes that repeat (`0` on most rows, a `MySQL Error
/// Code`) beside a column of unknown header holding a distinct code-shaped
/// word on every row (`VT03001`): those words are the codes, and the
/// repeating column another text of each.
pub(super) fn distinct_codes_beside_repeated(
    table: &Table,
    columns: &mut [Column],
    group: &[usize],
) {
    let Some(code) = group
        .iter()
        .copied()
        .find(|&i| columns[i].role == Role::Code && !columns[i].named && mostly_repeated(table, i))
    else {
        return;
    };
    let key = group.iter().copied().find(|&i| {
        let column = &columns[i];
        column.role == Role::Other
            && vocabulary::header_roles(&vocabulary::read_header(&column.header).word).is_none()
            && !vocabulary::names_no_code(&column.header)
            && column.profile.dominant() == Some(Shape::Code)
            && column.profile.total() == table.body().count()
            && one_word_each(table, i)
            && mostly_distinct(table, i)
    });
    if let Some(key) = key {
        let sample = columns[key].profile.sample(Shape::Code).to_owned();
        let repeated = columns[code].header.clone();
        let key_header = columns[key].header.clone();
        columns[code].recast(
            Role::Other,
            format_args!(
                "its codes repeat, where `{key_header}` holds a distinct code on every row"
            ),
        );
        columns[key].recast(
            Role::Code,
            format_args!("its cells are distinct code-shaped words (`{sample}`) where `{repeated}` repeats, so they are the codes"),
        );
    }
}

/// How many non-empty cells a column has, and how many distinct texts.
fn distinct(table: &Table, column: usize) -> (usize, usize) {
    let texts: Vec<&str> = table
        .body()
        .filter_map(|row| row.cells.get(column))
        .map(|cell| cell.text.as_str())
        .filter(|text| !text.is_empty())
        .collect();
    let distinct: std::collections::HashSet<&&str> = texts.iter().collect();
    (texts.len(), distinct.len())
}

/// Whether most of a column's cells repeat another's text (fewer distinct
/// texts than half the cells).
fn mostly_repeated(table: &Table, column: usize) -> bool {
    let (cells, distinct) = distinct(table, column);
    cells >= 4 && distinct * 2 < cells
}

/// Whether nearly every cell of a column is its own text (nine in ten: a
/// code written twice by mistake does not make it another kind of column).
fn mostly_distinct(table: &Table, column: usize) -> bool {
    let (cells, distinct) = distinct(table, column);
    distinct * 10 >= cells * 9
}

/// Whether every non-empty cell of a column is one word (`UNAUTHORIZED`
/// among `ACCESS_DENIED`s is a word, though also a reason phrase).
fn one_word_each(table: &Table, column: usize) -> bool {
    table
        .body()
        .filter_map(|row| row.cells.get(column))
        .all(|cell| !cell.text.trim().contains(char::is_whitespace))
}

/// Whether a column's non-empty cells repeat a text (another row of it).
fn repeats(table: &Table, column: usize) -> bool {
    let mut seen = std::collections::HashSet::new();
    table
        .body()
        .filter_map(|row| row.cells.get(column))
        .filter(|cell| !cell.text.is_empty())
        .any(|cell| !seen.insert(cell.text.as_str()))
}

/// Reason phrases, read by where they stand. Under a header naming statuses
/// with no column of statuses beside them (`HTTP Status` over `Conflict`),
/// they are the statuses, named by their phrase. Beside a column of statuses,
/// a `Message` column or a column with no known header (an empty one, as
/// in a table whose header row is blank) is the reason; and a blank-headed
/// column of sentences beside them is the description.
pub(super) fn phrases_are_reasons(columns: &mut [Column], group: &[usize]) {
    let has = |columns: &[Column], role: Role| group.iter().any(|&i| columns[i].role == role);
    let phrases = |column: &Column| column.profile.dominant() == Some(Shape::Phrase);
    if !has(columns, Role::Status)
        && let Some(&i) = group.iter().find(|&&i| {
            let column = &columns[i];
            column.role == Role::Reason && phrases(column) && names_statuses(&column.header)
        })
    {
        columns[i].recast(
            Role::Status,
            "no other column holds the statuses, so its phrases name them",
        );
        return;
    }
    if !has(columns, Role::Status) || has(columns, Role::Code) {
        return;
    }
    if !has(columns, Role::Reason)
        && let Some(&i) = group.iter().find(|&&i| {
            let column = &columns[i];
            (column.role == Role::Message
                || column.role == Role::Other && column.header.trim().is_empty())
                && phrases(column)
        })
    {
        let sample = columns[i].profile.sample(Shape::Phrase).to_owned();
        columns[i].recast(
            Role::Reason,
            format_args!("its cells are HTTP reason phrases (`{sample}`), so it is the reason"),
        );
    }
    // Sentences beside the statuses in an untitled column, or in a column of
    // unknown words when the table has no text column at all, describe them.
    let texts = [Role::Reason, Role::Description, Role::Message]
        .iter()
        .any(|&role| has(columns, role));
    if !has(columns, Role::Description)
        && let Some(&i) = group.iter().find(|&&i| {
            let column = &columns[i];
            column.role == Role::Other
                && (column.header.trim().is_empty() || !texts)
                && !vocabulary::names_no_code(&column.header)
                && column.profile.dominant() == Some(Shape::Prose)
        })
    {
        columns[i].recast(
            Role::Description,
            if texts {
                "an untitled column of text beside the statuses is their description"
            } else {
                "the table's only column of text beside the statuses is their description"
            },
        );
    }
}

/// Whether a header's word names HTTP statuses (`HTTP Status`, `状态码`),
/// whatever roles its cells gave it.
fn names_statuses(header: &str) -> bool {
    let word = vocabulary::read_header(header).word;
    vocabulary::header_roles(&word)
        .is_some_and(|(_, roles, _)| roles.first() == Some(&Role::Status))
}

/// A second column of codes that lost the code role to the first, holding the
/// same codes in another notation (`状态码（16进制）` 0x0100 beside
/// `状态码（10进制）` 256): where both cells of a row are numbers they are
/// equal, and no row repeats the code as it is.
pub(super) fn aliases(table: &Table, columns: &mut [Column], group: &[usize]) {
    let Some(code) = group
        .iter()
        .copied()
        .find(|&i| columns[i].role == Role::Code)
    else {
        return;
    };
    for &i in group {
        let column = &columns[i];
        let wants_code = column.role == Role::Other
            && matches!(column.profile.dominant(), Some(Shape::Number | Shape::Code))
            && column.outranked == Some(Role::Code);
        if !wants_code {
            continue;
        }
        let mut numeric = 0;
        let same_codes = table.body().all(|row| {
            let (Some(a), Some(b)) = (row.cells.get(code), row.cells.get(i)) else {
                return true;
            };
            if a.text.is_empty() || b.text.is_empty() {
                return true;
            }
            match (number(&a.text), number(&b.text)) {
                (Some(x), Some(y)) => {
                    numeric += 1;
                    x == y && a.text != b.text
                }
                _ => false,
            }
        });
        if same_codes && numeric > 0 {
            let first = columns[code].header.clone();
            columns[i].recast(
                Role::Alias,
                format_args!("the same codes as `{first}` in another notation"),
            );
        }
    }
}

/// A decimal or `0x` hexadecimal number.
fn number(text: &str) -> Option<u64> {
    let text = text.trim();
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}
