//! Columns: a table's headers mapped to roles, and so the table's kind.
//!
//! The header word is the first evidence ([`crate::vocabulary`]); the cells
//! confirm or overrule it ([`crate::cells`]) when the word names codes: a
//! `返回值` column of `BMS.0001` holds error codes, a `Code` column of
//! `Switching Protocols` reason phrases, a `Code` column of `0` and `4001`
//! application codes. A header of unknown words whose cells are HTTP statuses
//! is a status column. Every column says why it has its role.

use std::fmt::Write as _;

mod evidence;
mod neighbours;

use evidence::{Candidates, Context, DEFERRED};

use crate::cells::{Profile, Shape};
use crate::document::Table;
use crate::model::{Kind, Role};
use crate::options::ColumnChoice;
use crate::vocabulary;

/// One column and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    /// The header as written.
    pub(crate) header: String,
    /// Byte offset of the header's text.
    pub(crate) offset: usize,
    /// Its role.
    pub(crate) role: Role,
    /// The language its header names.
    pub(crate) lang: Option<&'static str>,
    /// Why it has its role, for `inspect`.
    pub(crate) because: String,
    /// The role it wanted first, when another column took it first.
    pub(crate) outranked: Option<Role>,
    /// What its cells hold.
    pub(crate) profile: Profile,
    /// Whether its role comes from its cells alone (a header of unknown
    /// words over HTTP statuses: `Success`, `Failure`).
    pub(crate) from_cells: bool,
    /// Whether the invocation names its role (`code_column = "…"`): its
    /// neighbours never change it.
    pub(crate) named: bool,
}

impl Column {
    /// Gives the column another role, adding why to what `because` said.
    pub(crate) fn recast(&mut self, role: Role, why: impl std::fmt::Display) {
        self.role = role;
        let _ = write!(self.because, "; {why}");
    }
}

/// A table's columns, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    /// One per column of the table.
    #[allow(clippy::struct_field_names, reason = "a table's columns")]
    pub(crate) columns: Vec<Column>,
    /// The kind, when the table holds codes.
    pub(crate) kind: Option<Kind>,
    /// The groups of columns that each form a table: one group, or two for a
    /// side-by-side table (`Code | Description | Code | Description`).
    pub(crate) groups: Vec<Vec<usize>>,
}

impl Columns {
    /// The column of `role` in `group` (the first, for text roles with languages).
    pub(crate) fn find(&self, group: &[usize], role: Role) -> Option<usize> {
        group
            .iter()
            .copied()
            .find(|&i| self.columns[i].role == role)
    }

    /// The column holding the code: the error code, else the status.
    pub(crate) fn code(&self, group: &[usize]) -> Option<usize> {
        match self.kind? {
            Kind::Error => self.find(group, Role::Code),
            Kind::Status => self.find(group, Role::Status),
        }
    }

    /// Whether the table's codes are in a column whose header does not name
    /// them (`Success`, `Failure` over statuses): weaker evidence than a
    /// header that does, so such a table is left out beside one that has it.
    pub(crate) fn weak(&self) -> bool {
        self.groups
            .first()
            .and_then(|group| self.code(group))
            .is_some_and(|i| self.columns[i].from_cells)
    }

    /// Whether a column holds HTTP statuses by its header's word, one that
    /// names statuses only (`Status Code`, `HTTP Status`, `状态码`).
    pub(crate) fn statuses_by_header(&self) -> bool {
        self.columns.iter().any(|c| {
            c.role == Role::Status
                && !c.from_cells
                && vocabulary::header_roles(&vocabulary::read_header(&c.header).word)
                    .is_some_and(|(_, roles, _)| !roles.contains(&Role::Code))
        })
    }

    /// Whether a column's header names codes (`错误返回码`, `Error Code`,
    /// `Status Code`), whatever role the cells gave it.
    pub(crate) fn names_codes(&self, column: usize) -> bool {
        let word = vocabulary::read_header(&self.columns[column].header).word;
        if vocabulary::names_a_state(&word) {
            return false;
        }
        vocabulary::header_roles(&word)
            .is_some_and(|(_, roles, _)| matches!(roles.first(), Some(Role::Code | Role::Status)))
    }
}

/// Whether the text introducing a table is evidence for a header that can
/// name either statuses or codes (`Code` under `Error codes`): only on a page
/// that has an HTTP status table (by its header, or under `HTTP status
/// codes`) and a table under a heading naming another system, which the
/// headings then tell apart (alone, `Error code reference` over `400`, `401`
/// names HTTP statuses loosely).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Headings {
    /// Read them.
    Read,
    /// Leave them out.
    Ignore,
}

/// Reads the columns of a table from its headers and cells. `choice` names
/// columns by header for roles; `kind` is the kind the invocation asks for.
pub(crate) fn read(
    table: &Table,
    choice: &ColumnChoice,
    kind: Option<Kind>,
    headings: Headings,
) -> Columns {
    read_profiled(table, &profiles(table), choice, kind, headings)
}

/// The shapes of each column's body cells, counted: what reading a table's
/// columns costs most, the same for every reading of them.
pub(crate) fn profiles(table: &Table) -> Vec<Profile> {
    (0..table.width)
        .map(|i| {
            Profile::of(
                table
                    .body()
                    .filter_map(|row| row.cells.get(i).map(|c| c.text.as_str())),
            )
        })
        .collect()
}

/// [`read`], with the table's [`profiles`] already counted (a page read with
/// and without its headings' evidence counts them once).
pub(crate) fn read_profiled(
    table: &Table,
    profiles: &[Profile],
    choice: &ColumnChoice,
    kind: Option<Kind>,
    headings: Headings,
) -> Columns {
    let headers = table.header();
    let groups = groups(&headers);
    let mut columns: Vec<Column> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| Column {
            header: h.text.clone(),
            offset: h.offset,
            role: Role::Other,
            lang: None,
            because: String::new(),
            outranked: None,
            from_cells: false,
            named: false,
            profile: profiles.get(i).cloned().unwrap_or_default(),
        })
        .collect();
    // What the text introducing the table says it lists (`HTTP status codes`,
    // `Error codes`): evidence for a header that can name either.
    let heading = (headings == Headings::Read)
        .then(|| {
            [table.caption.as_deref(), table.section.as_deref()]
                .into_iter()
                .flatten()
                .find_map(|text| vocabulary::names_system(text).map(|kind| (kind, text)))
        })
        .flatten();
    for group in &groups {
        assign(&mut columns, group, choice, Context { kind, heading });
        named_code_column(&mut columns, group, choice, kind);
    }
    for group in &groups {
        neighbours::codes_beside_statuses(&mut columns, group);
        neighbours::names_of_repeated_statuses(table, &mut columns, group);
        neighbours::types_of_key_statuses(table, &mut columns, group);
        neighbours::distinct_codes_beside_repeated(table, &mut columns, group);
        neighbours::phrases_are_reasons(&mut columns, group);
        neighbours::aliases(table, &mut columns, group);
    }
    let has = |role: Role| columns.iter().any(|c| c.role == role);
    let kind = if has(Role::Code) {
        Some(Kind::Error)
    } else if has(Role::Status) {
        Some(Kind::Status)
    } else {
        None
    };
    if kind == Some(Kind::Status) && !has(Role::Description) {
        // A status table's message is its description.
        for column in &mut columns {
            if column.role == Role::Message {
                column.recast(
                    Role::Description,
                    "a status table's message is its description",
                );
            }
        }
    }
    Columns {
        columns,
        kind,
        groups,
    }
}

/// The groups of columns that each form a table: one, or two halves of a
/// side-by-side table whose second half repeats the first half's headers
/// (`Code | Description | Code | Description`).
fn groups(headers: &[crate::document::HeaderCell]) -> Vec<Vec<usize>> {
    let width = headers.len();
    let half = width / 2;
    let side_by_side = width >= 4
        && width.is_multiple_of(2)
        && (0..half).all(|i| {
            vocabulary::normalize(&headers[i].text)
                == vocabulary::normalize(&headers[i + half].text)
        });
    if side_by_side {
        vec![(0..half).collect(), (half..width).collect()]
    } else {
        vec![(0..width).collect()]
    }
}

/// `code_column` names the column of codes: status codes, unless the table
/// has an HTTP status column besides or error codes are asked for.
fn named_code_column(
    columns: &mut [Column],
    group: &[usize],
    choice: &ColumnChoice,
    kind: Option<Kind>,
) {
    let Some(named) = choice.get(Role::Code) else {
        return;
    };
    let status_elsewhere = group.iter().any(|&i| columns[i].role == Role::Status);
    for &i in group {
        if columns[i].role == Role::Code
            && !status_elsewhere
            && kind != Some(Kind::Error)
            && columns[i].profile.dominant() != Some(Shape::Code)
            && vocabulary::normalize(named) == vocabulary::normalize(&columns[i].header)
        {
            columns[i].role = Role::Status;
        }
    }
}

/// Gives the columns of one group their roles: those the invocation names
/// first, then by header word and cells, earlier words first.
fn assign(columns: &mut [Column], group: &[usize], choice: &ColumnChoice, context: Context<'_>) {
    let mut taken: Vec<(Role, Option<&'static str>)> = Vec::new();
    let mut ranked: Vec<(usize, usize, Vec<Role>)> = Vec::new();
    for &i in group {
        let column = &mut columns[i];
        column.lang = vocabulary::read_header(&column.header).lang;
        let chosen = choice.columns.iter().find(|(_, named)| {
            vocabulary::normalize(named) == vocabulary::normalize(&column.header)
        });
        if let Some((role, _)) = chosen {
            column.role = *role;
            column.named = true;
            column.because = format!("named by `{}_column`", role.as_str());
            taken.push((*role, column.lang));
            continue;
        }
        match evidence::candidates(&column.header, &column.profile, context) {
            Some(Candidates {
                rank,
                roles,
                because,
            }) => {
                column.because = because;
                column.from_cells = rank == DEFERRED && !roles.is_empty();
                ranked.push((rank, i, roles));
            }
            None => {
                column.because = format!(
                    "header `{}` is not a word for a role",
                    vocabulary::normalize(&column.header)
                );
            }
        }
    }
    ranked.sort_by_key(|(rank, i, _)| (*rank, *i));
    for (_, i, roles) in ranked {
        if roles.is_empty() {
            continue;
        }
        let lang = columns[i].lang;
        let role = roles.iter().copied().find(|role| {
            !taken.iter().any(|(r, l)| {
                r == role && (matches!(role, Role::Code | Role::Status) || *l == lang)
            })
        });
        if let Some(role) = role {
            columns[i].role = role;
            taken.push((role, lang));
        } else {
            columns[i].outranked = roles.first().copied();
            let wanted: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            let _ = write!(
                columns[i].because,
                "; another column has the role ({}) first",
                wanted.join(", ")
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::document::{Cell, Row, RowKind};

    /// A table of `headers` over `rows`.
    pub(crate) fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        let row = |kind, texts: &[&str]| Row {
            offset: 0,
            kind,
            cells: texts
                .iter()
                .enumerate()
                .map(|(origin, text)| Cell {
                    text: (*text).to_owned(),
                    offset: 0,
                    origin,
                    written: true,
                    padded: false,
                    bold: false,
                })
                .collect(),
        };
        let mut all = vec![row(RowKind::Header, headers)];
        all.extend(rows.iter().map(|r| row(RowKind::Body, r)));
        Table {
            index: 0,
            offset: 0,
            section: None,
            caption: None,
            rows: all,
            width: headers.len(),
            unclosed: false,
        }
    }

    fn cells(headers: &[&str]) -> Table {
        table(headers, &[])
    }

    fn roles(headers: &[&str], kind: Option<Kind>) -> (Vec<Role>, Option<Kind>) {
        let columns = read(
            &cells(headers),
            &ColumnChoice::default(),
            kind,
            Headings::Read,
        );
        (
            columns.columns.iter().map(|c| c.role).collect(),
            columns.kind,
        )
    }

    #[test]
    fn the_seed_is_a_status_table() {
        assert_eq!(
            roles(&["错误码状态", "描述"], None),
            (vec![Role::Status, Role::Description], Some(Kind::Status))
        );
    }

    #[test]
    fn error_tables_take_every_role() {
        assert_eq!(
            roles(
                &[
                    "HTTP Status Code",
                    "Error Code",
                    "Description",
                    "Error Message",
                    "Solution"
                ],
                None
            ),
            (
                vec![
                    Role::Status,
                    Role::Code,
                    Role::Description,
                    Role::Message,
                    Role::Solution
                ],
                Some(Kind::Error)
            )
        );
    }

    #[test]
    fn a_second_word_for_a_role_takes_the_next_role() {
        // LTS: the returned value is the reason when a status column exists.
        assert_eq!(
            roles(&["Status Code", "Returned Value", "Description"], None).0,
            [Role::Status, Role::Reason, Role::Description]
        );
        // `Code | HTTP Status`: the HTTP status wins the status role.
        assert_eq!(
            roles(&["Code", "HTTP Status", "Description"], None),
            (
                vec![Role::Code, Role::Status, Role::Description],
                Some(Kind::Error)
            )
        );
        // Two description words: the second is kept as another column.
        assert_eq!(
            roles(&["Status Code", "Description", "Meaning"], None).0,
            [Role::Status, Role::Description, Role::Other]
        );
    }

    #[test]
    fn kind_error_reads_a_code_column_as_error_codes() {
        assert_eq!(
            roles(&["Case", "Code"], Some(Kind::Error)),
            (vec![Role::Other, Role::Code], Some(Kind::Error))
        );
        assert_eq!(roles(&["Case", "Code"], None).1, Some(Kind::Status));
    }

    #[test]
    fn kind_status_leaves_an_error_code_table_an_error_table() {
        // The ELB page's third table: `kind = "status"` must skip it, not read
        // it as a second table of HTTP statuses.
        assert_eq!(
            roles(
                &["Module", "HTTP Status Code", "Error Code", "Description"],
                Some(Kind::Status)
            ),
            (
                vec![Role::Module, Role::Status, Role::Code, Role::Description],
                Some(Kind::Error)
            )
        );
        assert_eq!(
            roles(&["Code", "Description"], Some(Kind::Status)),
            (vec![Role::Status, Role::Description], Some(Kind::Status))
        );
    }

    #[test]
    fn a_column_per_language_keeps_both() {
        let (found, _) = roles(&["错误码", "错误描述（English）", "错误描述（中文）"], None);
        assert_eq!(found, [Role::Code, Role::Description, Role::Description]);
    }

    #[test]
    fn side_by_side_tables_are_two_groups() {
        let headers = cells(&["Code", "Description", "Code", "Description"]);
        let columns = read(&headers, &ColumnChoice::default(), None, Headings::Read);
        assert_eq!(columns.groups, [vec![0, 1], vec![2, 3]]);
        assert_eq!(columns.code(&columns.groups[1]), Some(2));
    }

    #[test]
    fn code_column_names_status_codes_unless_the_table_has_a_status_column() {
        let read_with = |headers: &[&str], code: &str, kind| {
            let mut choice = ColumnChoice::default();
            choice.set(Role::Code, code.to_owned());
            let columns = read(&cells(headers), &choice, kind, Headings::Read);
            (
                columns.columns.iter().map(|c| c.role).collect::<Vec<_>>(),
                columns.kind,
            )
        };
        assert_eq!(
            read_with(&["返回状态", "描述"], "返回状态", None),
            (vec![Role::Status, Role::Description], Some(Kind::Status))
        );
        assert_eq!(
            read_with(&["HTTP Status Code", "错误ID", "描述"], "错误ID", None),
            (
                vec![Role::Status, Role::Code, Role::Description],
                Some(Kind::Error)
            )
        );
        assert_eq!(
            read_with(&["Name", "Case"], "Name", Some(Kind::Error)).1,
            Some(Kind::Error)
        );
    }

    #[test]
    fn a_status_tables_message_is_its_description() {
        assert_eq!(
            roles(&["Status Code", "Message"], None).0,
            [Role::Status, Role::Description]
        );
    }

    /// Roles and kind of a table of `headers` over `rows`, as read bare.
    fn read_cells(headers: &[&str], rows: &[&[&str]]) -> (Vec<Role>, Option<Kind>) {
        let columns = read(
            &table(headers, rows),
            &ColumnChoice::default(),
            None,
            Headings::Read,
        );
        (
            columns.columns.iter().map(|c| c.role).collect(),
            columns.kind,
        )
    }

    #[test]
    fn cells_of_error_codes_under_a_status_word_make_an_error_table() {
        // BMS: `返回值` (a returned value) holds BMS.0001.
        assert_eq!(
            read_cells(
                &["HTTP状态码", "返回值", "说明", "Error Message", "处理措施"],
                &[
                    &[
                        "400",
                        "BMS.0001",
                        "请求数据错误。",
                        "Fail to parse request.",
                        "请检查。"
                    ],
                    &[
                        "400",
                        "Common.0018",
                        "token无效",
                        "tenantId in token is wrong.",
                        "请检查。"
                    ],
                ]
            ),
            (
                vec![
                    Role::Status,
                    Role::Code,
                    Role::Description,
                    Role::Message,
                    Role::Solution
                ],
                Some(Kind::Error)
            )
        );
    }

    #[test]
    fn reason_phrases_under_code_are_the_reason() {
        // CCE: `Status Code | Code | Description`, the `Code` cells are phrases.
        assert_eq!(
            read_cells(
                &["Status Code", "Code", "Description"],
                &[
                    &["100", "Continue", "The server has received the request."],
                    &[
                        "101",
                        "Switching Protocols",
                        "The server switches protocols."
                    ],
                ]
            ),
            (
                vec![Role::Status, Role::Reason, Role::Description],
                Some(Kind::Status)
            )
        );
        // OpenStack fault names are codes, not phrases.
        assert_eq!(
            read_cells(
                &["Error Type", "Response Code", "Description"],
                &[
                    &["badRequest", "400", "Malformed."],
                    &["unauthorized", "401", "No."]
                ]
            )
            .0,
            [Role::Code, Role::Status, Role::Description]
        );
    }

    #[test]
    fn numbers_outside_the_statuses_are_application_codes() {
        // Anti-DDoS: `Code` holds 0 and 10000000.
        assert_eq!(
            read_cells(
                &["Code", "Description"],
                &[&["0", "Success"], &["10000000", "The task is received."]]
            ),
            (vec![Role::Code, Role::Description], Some(Kind::Error))
        );
        // One typo among statuses does not change the column.
        assert_eq!(
            read_cells(
                &["Status Code", "Description"],
                &[&["200", "OK"], &["1000", "Too big"], &["404", "Not Found"]]
            )
            .1,
            Some(Kind::Status)
        );
    }

    #[test]
    fn sentences_under_a_code_word_are_a_text() {
        // VPCEP: `Error Code` over sentences.
        assert_eq!(
            read_cells(
                &["Status Code", "Returned Value", "Error Code"],
                &[
                    &["200", "OK", "The results of GET are returned as expected."],
                    &["204", "No Content", "The results of DELETE are returned."],
                ]
            ),
            (
                vec![Role::Status, Role::Reason, Role::Description],
                Some(Kind::Status)
            )
        );
    }

    #[test]
    fn compound_headers_and_unknown_headers_over_statuses() {
        // ELB: `错误返回码 | 类型 | 可能的错误原因`.
        assert_eq!(
            read_cells(
                &["错误返回码", "类型", "可能的错误原因"],
                &[
                    &["400", "Bad request", "Malformed request"],
                    &["401", "Unauthorized", "No token"]
                ]
            ),
            (
                vec![Role::Status, Role::Reason, Role::Description],
                Some(Kind::Status)
            )
        );
        // Unknown words over two statuses; one number is no evidence.
        assert_eq!(
            read_cells(&["Value", "Text"], &[&["200", "fine"], &["404", "gone"]]).0,
            [Role::Status, Role::Other]
        );
        assert_eq!(
            read_cells(&["Value", "Text"], &[&["500", "requests a minute"]]).1,
            None
        );
        // gRPC's mapping: the second column is no second status column.
        assert_eq!(
            read_cells(
                &["HTTP Status Code", "gRPC Status Code"],
                &[
                    &["400 Bad Request", "INTERNAL"],
                    &["401 Unauthorized", "UNAUTHENTICATED"]
                ]
            )
            .0,
            [Role::Status, Role::Other]
        );
    }

    #[test]
    fn header_words_win_where_the_cells_are_plausible() {
        // bk-base: `错误码ID` over 401 and 500 stays a column of error codes.
        assert_eq!(
            read_cells(
                &["错误码ID", "错误码名称", "含义"],
                &[
                    &["401", "ERROR_PARAM_MISSING", "参数缺失"],
                    &["500", "ERROR_RUNTIME", "运行异常"]
                ]
            ),
            (
                vec![Role::Code, Role::Reason, Role::Description],
                Some(Kind::Error)
            )
        );
        // CSS: a status table's `Message` of reason phrases is its reason.
        assert_eq!(
            read_cells(
                &["Status Code", "Message", "Description"],
                &[&["100", "Continue", "Go on."], &["200", "OK", "Fine."]]
            )
            .0,
            [Role::Status, Role::Reason, Role::Description]
        );
    }

    #[test]
    fn every_column_says_why() {
        let columns = read(
            &table(
                &["返回值", "说明"],
                &[&["BMS.0001", "错误"], &["BMS.0002", "错误"]],
            ),
            &ColumnChoice::default(),
            None,
            Headings::Read,
        );
        assert!(
            columns.columns[0].because.contains("`返回值`")
                && columns.columns[0].because.contains("`BMS.0001`"),
            "{}",
            columns.columns[0].because
        );
        assert_eq!(columns.columns[1].because, "header word `说明`");
    }
}
