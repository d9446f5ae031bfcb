//! An error table's row: its codes by the code grammar ([`super::codes`]),
//! its statuses by the status grammar ([`super::statuses`]), and the
//! invocation's corrections (`skip`, `status`, `code`) applied by code.

use crate::cells;
use crate::diagnostic::{Diagnostics, visible};
use crate::document::Row as DocumentRow;
use crate::fix::Fix;
use crate::model::{Role, Row, SkipReason, SkippedRow, Text};

use super::codes::{self, CodeCell};
use super::rows::{Read, TableReader};
use super::statuses::{self, StatusCell};

impl TableReader<'_> {
    /// The codes of an error table's row (one, or several listed in one
    /// cell), with its statuses; `None` when the row is no code or wrong.
    pub(super) fn error_codes(
        &self,
        row: &DocumentRow,
        group: &[usize],
        column: usize,
        model_row: &mut Row,
        read: &mut Read,
        diagnostics: &mut Diagnostics,
    ) -> Option<Vec<String>> {
        let cell = &row.cells[column];
        let header = &self.columns.columns[column].header;
        if cell.text.is_empty() && self.code_column(column).placeholders {
            // The column writes `NA` where a row has no code: an empty cell
            // says the same.
            read.skipped.push(SkippedRow {
                line: model_row.line,
                table: self.table.index,
                reason: SkipReason::Placeholder(String::new()),
            });
            return None;
        }
        if cell.text.is_empty() {
            diagnostics.error(
                self.source,
                cell.offset,
                || format!("empty error code: expected a code in the `{header}` column"),
                "empty cell",
            );
            return None;
        }
        if self.skipped_by_option(&cell.text, model_row.line, read) {
            return None;
        }
        let text = self.corrected(&cell.text, model_row);
        let alone = alone(row, group, column);
        let written = self.code_column(column);
        let codes = match codes::read(&text, written, header, alone) {
            CodeCell::Codes(codes, remark) => {
                if let Some(remark) = remark {
                    model_row.notes.push(remark);
                }
                codes
            }
            CodeCell::Skip(reason) => {
                read.skipped.push(SkippedRow {
                    line: model_row.line,
                    table: self.table.index,
                    reason,
                });
                return None;
            }
            CodeCell::Wrong(message, meant) => {
                // A row is left out only when it holds no code a reader sees.
                let fix = match meant {
                    Some(code) => Some(Fix::Code {
                        written: text.clone(),
                        code,
                    }),
                    None => (!codes::holds_code(&text, written)).then(|| Fix::Skip(text.clone())),
                };
                if let Some(diagnostic) =
                    diagnostics.error(self.source, cell.offset, || message, "not one code")
                {
                    diagnostic.fix = fix;
                }
                return None;
            }
        };
        let codes: Vec<String> = codes
            .into_iter()
            .filter(|code| !self.skipped_by_option(code, model_row.line, read))
            .collect();
        if codes.is_empty() {
            return None;
        }
        self.error_statuses(row, group, &codes, model_row, diagnostics)?;
        Some(codes)
    }

    /// The code cell's text, as the invocation's `code(…)` corrects it, with
    /// a note for the correction and for characters a reader does not see.
    fn corrected(&self, written: &str, model_row: &mut Row) -> String {
        let mut text = written.to_owned();
        if let Some(fixed) = self.options.codes.iter().find(|c| c.code == text) {
            model_row.notes.push(format!(
                "written `{text}`, read as `{}` (`code(…)`)",
                fixed.value
            ));
            text.clone_from(&fixed.value);
        }
        if text.chars().any(cells::is_invisible) {
            model_row.notes.push(format!(
                "characters a reader does not see were dropped from the code: `{}`",
                visible(&text)
            ));
        }
        text
    }

    /// A pipe-table row that leaves out its first cells, meaning the cells
    /// above continue (a `rowspan` lost in conversion to Markdown: `|404|VPC.0003|…|`
    /// under `|模块|状态码|错误码|…|`): the row with those cells taken from the
    /// row above, when that puts a code in the code column and a status in the
    /// status column and the row as written does not.
    pub(super) fn unshifted(
        &self,
        row: &DocumentRow,
        previous: Option<&DocumentRow>,
        group: &[usize],
    ) -> Option<(DocumentRow, String)> {
        let previous = previous?;
        let code = self.columns.code(group)?;
        if self.kind != crate::model::Kind::Error {
            return None;
        }
        let shown = |i: usize| row.cells[i].written && !row.cells[i].padded;
        let written = group.iter().filter(|&&i| shown(i)).count();
        let missing = group.len().checked_sub(written).filter(|&k| k > 0)?;
        if group[written..].iter().any(|&i| shown(i)) || codes_in(&row.cells[code].text) {
            return None;
        }
        // Only cells before the code and the status continue from above: the
        // row's own cells give both; or neither, when they all fall on text
        // columns: another message of the code above, whose `rowspan` over
        // the code and the status was lost (a one-cell note row is no row).
        let own = |column: usize| {
            group
                .iter()
                .position(|&i| i == column)
                .is_some_and(|j| j >= missing)
        };
        let status = self.columns.find(group, Role::Status);
        let gives_both = own(code) && status.is_none_or(own);
        let continues_both = !own(code)
            && status.is_none_or(|s| !own(s))
            && group[missing..].iter().all(|&i| {
                let role = self.columns.columns[i].role;
                role == Role::Other || crate::model::Text::of_role(role).is_some()
            });
        if written < 2 || !(gives_both || continues_both) {
            return None;
        }
        let mut shifted = row.clone();
        for (j, &i) in group.iter().enumerate() {
            shifted.cells[i] = if j < missing {
                previous.cells[i].clone()
            } else {
                row.cells[group[j - missing]].clone()
            };
        }
        // The status column gets a number (maybe a wrong one, reported then).
        let status_fits = self.columns.find(group, Role::Status).is_none_or(|s| {
            matches!(
                cells::shape(&shifted.cells[s].text),
                Some(cells::Shape::Status | cells::Shape::Number)
            )
        });
        (codes_in(&shifted.cells[code].text) && status_fits).then(|| {
            let first = &self.columns.columns[group[0]].header;
            (
                shifted,
                format!(
                    "the row has {written} cells for {} columns: read as continuing `{first}` from the row above",
                    group.len()
                ),
            )
        })
    }

    /// Whether `skip(…)` leaves the row of `code` out (noted as skipped).
    pub(super) fn skipped_by_option(&self, code: &str, line: usize, read: &mut Read) -> bool {
        let skipped = self.options.skips.iter().any(|s| s.code == code);
        if skipped {
            read.skipped.push(SkippedRow {
                line,
                table: self.table.index,
                reason: SkipReason::Skipped(code.to_owned()),
            });
        }
        skipped
    }

    /// The row's statuses: the invocation's `status(CODE = …)`, else its
    /// status cell read by the grammar; `None` when the cell is wrong.
    fn error_statuses(
        &self,
        row: &DocumentRow,
        group: &[usize],
        codes: &[String],
        model_row: &mut Row,
        diagnostics: &mut Diagnostics,
    ) -> Option<()> {
        let Some(column) = self.columns.find(group, Role::Status) else {
            return Some(());
        };
        let cell = &row.cells[column];
        if let Some(status) = self
            .options
            .statuses
            .iter()
            .find(|s| codes.contains(&s.code))
        {
            model_row.notes.push(format!(
                "status written `{}`, read as {} (`status(…)`)",
                cell.text, status.value
            ));
            model_row.statuses = status.value.parse().into_iter().collect();
            return Some(());
        }
        match statuses::read(&cell.text) {
            StatusCell::Nothing => Some(()),
            StatusCell::Class(class) => {
                model_row
                    .notes
                    .push(format!("the status `{class}` is a class, not one status"));
                Some(())
            }
            StatusCell::Statuses {
                statuses,
                reason,
                note,
            } => {
                model_row.statuses = statuses;
                if let Some(reason) = reason {
                    model_row.text_mut(Text::Reason)[0] = reason;
                }
                if let Some(note) = note {
                    model_row.notes.push(note);
                }
                Some(())
            }
            StatusCell::Wrong(message) => {
                let code = &codes[0];
                let fix = self
                    .nearest_status(column, &cell.text)
                    .map(|status| Fix::Status {
                        code: code.clone(),
                        status,
                    });
                if let Some(diagnostic) =
                    diagnostics.error(self.source, cell.offset, || message, "not a status")
                {
                    diagnostic.fix = fix;
                }
                None
            }
        }
    }

    /// How a column writes its codes: the pattern most share, and whether
    /// every one is namespaced with a `/`.
    fn code_column(&self, column: usize) -> codes::Column {
        let Some(cell) = self.code_columns.get(column) else {
            return codes::Column::default();
        };
        *cell.get_or_init(|| {
            let texts = || {
                self.table
                    .body()
                    .filter_map(|r| r.cells.get(column))
                    .map(|c| c.text.trim())
                    .filter(|t| !t.is_empty())
            };
            let phrases = texts()
                .filter(|t| t.contains(' ') && crate::vocabulary::is_reason_phrase(t))
                .count();
            codes::Column {
                placeholders: texts().any(cells::is_placeholder),
                phrases: phrases > 0 && phrases * 4 >= texts().count(),
                pattern: cells::dominant_pattern(texts()),
                namespaced: texts().count() > 1
                    && texts()
                        .filter(|t| {
                            t.split_once('/').is_some_and(|(a, b)| {
                                !a.is_empty()
                                    && !b.is_empty()
                                    && !t.contains(char::is_whitespace)
                                    && !a.bytes().all(|c| c.is_ascii_digit())
                            })
                        })
                        .count()
                        * 4
                        >= texts().count() * 3,
            }
        })
    }

    /// The status of the column a wrong cell most likely means: the one
    /// sharing the longest start with it (`40`, `4000` → `400`), the most
    /// frequent among equals.
    fn nearest_status(&self, column: usize, wrong: &str) -> Option<u16> {
        let all = self.statuses.get_or_init(|| {
            (0..self.table.width)
                .map(|column| {
                    let mut found: Vec<(u16, usize)> = Vec::new();
                    for cell in self.table.body().filter_map(|r| r.cells.get(column)) {
                        if let StatusCell::Statuses { statuses, .. } = statuses::read(&cell.text) {
                            for status in statuses {
                                match found.iter_mut().find(|(s, _)| *s == status) {
                                    Some((_, count)) => *count += 1,
                                    None => found.push((status, 1)),
                                }
                            }
                        }
                    }
                    found
                })
                .collect()
        });
        let found = all.get(column).cloned().unwrap_or_default();
        // Full-width digits (`４００`) are the same digits.
        let digits: String = wrong
            .chars()
            .filter_map(|c| cells::full_width_digit(c).or(c.is_ascii_digit().then_some(c)))
            .collect();
        let shared = |status: u16| {
            status
                .to_string()
                .bytes()
                .zip(digits.bytes())
                .take_while(|(a, b)| a == b)
                .count()
        };
        found
            .into_iter()
            .filter(|(status, _)| shared(*status) >= 2)
            .max_by_key(|(status, count)| (shared(*status), *count))
            .map(|(status, _)| status)
    }
}

/// Whether the code cell is alone in its row (the others empty), or spread
/// across it (`colspan`): a label or a note, when it is no code.
fn alone(row: &DocumentRow, group: &[usize], column: usize) -> bool {
    let cell = &row.cells[column];
    let spanned = group
        .iter()
        .filter(|&&i| row.cells[i].origin == cell.origin)
        .count();
    spanned > 1
        || group.iter().all(|&i| {
            i == column || row.cells[i].text.is_empty() || row.cells[i].origin == cell.origin
        })
}

/// Whether a cell is one code-shaped word (`Unauthorized`, a reason
/// phrase, and `486`, a number, are ones in a column of codes).
fn codes_in(text: &str) -> bool {
    matches!(
        cells::shape(text),
        Some(
            cells::Shape::Code | cells::Shape::Number | cells::Shape::Phrase | cells::Shape::Status
        )
    ) && !text.trim().contains(char::is_whitespace)
}
