//! Fixes: options that make a problem go away, as typed values. A [`Fix`]
//! prints itself as the options text a user writes after the path (the
//! `help:` line, `inspect --json`'s `"fix"`) and applies itself to
//! [`Options`], reporting a clash with an option already written.
//!
//! A fix is offered only after it was tried (`verify`): applied, its problem
//! is gone, and it keeps every code a reader sees. A fix may choose between
//! tables (`kind`, `table`, `section`, `caption`) or name a column; at row
//! level it may correct a typo or leave out a row that is no code, but it
//! never drops a documented code and never rewrites a code as written.

use std::collections::HashSet;
use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::model::{Kind, Role};
use crate::options::{ColumnChoice, Options, Override, TableSelector};
use crate::trials::{MAX_TRIALS, Outcome, Trials};

/// One fix: options to write after the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// `kind = "status"` / `kind = "error"`: the kind of tables to read.
    Kind(Kind),
    /// `table = N`, `section = "…"` or `caption = "…"`: the tables to read.
    Tables(TableSelector),
    /// `code_column = "…"` (every table) or `table(N, code_column = "…")`.
    Column {
        /// The table the choice is for; `None` for every table.
        table: Option<usize>,
        /// The role the column is given.
        role: Role,
        /// The column's header as written.
        header: String,
    },
    /// `skip("…")`: a row that holds no code (a note, a label) left out.
    Skip(String),
    /// `status("CODE" = 400)`: a status cell's typo corrected.
    Status {
        /// The code of the row, as written.
        code: String,
        /// The status meant.
        status: u16,
    },
    /// `code("DCS. 4855" = "DCS.4855")`: a code cell's typo corrected.
    Code {
        /// The cell as written.
        written: String,
        /// The code meant.
        code: String,
    },
}

/// Why a fix cannot be added to the options: the option already written
/// that it would contradict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash(Fix);

impl Clash {
    /// The option already written, as the fix it would be.
    pub fn written(&self) -> &Fix {
        &self.0
    }
}

impl fmt::Display for Clash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "it clashes with `{}`, already written", self.0)
    }
}

/// A fix prints as the options it adds, through the options' one printer.
impl fmt::Display for Fix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut options = Options::default();
        // Nothing is written yet, so nothing clashes.
        let _ = self.apply(&mut options);
        write!(f, "{options}")
    }
}

impl Fix {
    /// Whether the fix corrects or leaves out one row (rather than choosing
    /// tables or columns): such a fix must keep every code the page had.
    pub(crate) fn is_row_level(&self) -> bool {
        matches!(
            self,
            Self::Skip(_) | Self::Status { .. } | Self::Code { .. }
        )
    }

    /// Adds the fix to `options`, or says which option it clashes with.
    pub fn apply(&self, options: &mut Options) -> Result<(), Clash> {
        match self {
            Self::Kind(kind) => match options.kind {
                Some(written) if written != *kind => Err(Clash(Self::Kind(written))),
                _ => {
                    options.kind = Some(*kind);
                    Ok(())
                }
            },
            Self::Tables(selector) => match &options.tables {
                Some(written) if written != selector => Err(Clash(Self::Tables(written.clone()))),
                _ => {
                    options.tables = Some(selector.clone());
                    Ok(())
                }
            },
            Self::Column {
                table,
                role,
                header,
            } => {
                let choice = match table {
                    None => &mut options.columns,
                    Some(index) => table_choice(options, *index),
                };
                match choice.get(*role) {
                    Some(written) if written != header => Err(Clash(Self::Column {
                        table: *table,
                        role: *role,
                        header: written.to_owned(),
                    })),
                    Some(_) => Ok(()),
                    None => {
                        choice.set(*role, header.clone());
                        Ok(())
                    }
                }
            }
            Self::Skip(code) => add_override(&mut options.skips, code, String::new(), |o| {
                Self::Skip(o.code.clone())
            }),
            Self::Status { code, status } => {
                add_override(&mut options.statuses, code, status.to_string(), |o| {
                    Self::Status {
                        code: o.code.clone(),
                        status: o.value.parse().unwrap_or_default(),
                    }
                })
            }
            Self::Code { written, code } => {
                add_override(&mut options.codes, written, code.clone(), |o| Self::Code {
                    written: o.code.clone(),
                    code: o.value.clone(),
                })
            }
        }
    }
}

/// The column choice of one table, made when the options have none yet.
fn table_choice(options: &mut Options, index: usize) -> &mut ColumnChoice {
    let at = options
        .table_columns
        .iter()
        .position(|(i, _)| *i == index)
        .unwrap_or_else(|| {
            options.table_columns.push((index, ColumnChoice::default()));
            options.table_columns.len() - 1
        });
    &mut options.table_columns[at].1
}

/// Adds a row correction unless one for the same code is written already
/// (the same one is no clash); `written` is the fix that wrote it.
fn add_override(
    list: &mut Vec<Override>,
    code: &str,
    value: String,
    written: impl Fn(&Override) -> Fix,
) -> Result<(), Clash> {
    match list.iter().find(|o| o.code == code) {
        Some(existing) if existing.value == value => Ok(()),
        Some(existing) => Err(Clash(written(existing))),
        None => {
            list.push(Override {
                code: code.to_owned(),
                value,
                span: proc_macro2::Span::call_site(),
            });
            Ok(())
        }
    }
}

/// What a trial expansion with a fix applied gives, for [`verify`].
#[derive(Debug, Default)]
pub(crate) struct Trial {
    /// Its problems.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The codes of its type, as written.
    pub(crate) codes: Vec<String>,
}

/// Keeps each diagnostic's fix only if it can be added to `options`, and the
/// expansion with it applied (`expand`) no longer reports that diagnostic
/// (same place, same message) and, for a fix at row level, still has every
/// code of `codes` (the type's codes without it): a fix never drops a
/// documented code.
pub(crate) fn verify(
    diagnostics: &mut [Diagnostic],
    options: &Options,
    codes: &[String],
    expand: impl Fn(&Options) -> Trial,
) {
    // Fixes that cannot touch each other's problem are tried together
    // (`trials`); a trial of row fixes that loses a code is run again in
    // halves, so that only the fix that loses it is not offered.
    let lost = |trial: &Trial| {
        let kept: HashSet<&str> = trial.codes.iter().map(String::as_str).collect();
        codes.iter().any(|c| !kept.contains(c.as_str()))
    };
    let fixes: Vec<Fix> = diagnostics.iter().filter_map(|d| d.fix.clone()).collect();
    let trials = Trials::run(options, &fixes, expand, lost);
    for diagnostic in diagnostics.iter_mut() {
        let Some(fix) = diagnostic.fix.clone() else {
            continue;
        };
        let outcome = trials.outcome(&fix);
        let kept = match outcome {
            Outcome::Tried { result, loses } => {
                let gone = !result
                    .diagnostics
                    .iter()
                    .any(|d| d.location == diagnostic.location && d.message == diagnostic.message);
                gone && !(fix.is_row_level() && loses)
            }
            Outcome::Refused | Outcome::OverBudget => false,
        };
        if !kept {
            diagnostic.fix = None;
        }
        if matches!(outcome, Outcome::OverBudget) {
            diagnostic.notes.push(format!(
                "a fix was found but not tried: at most {MAX_TRIALS} trials of fixes are run for one expansion; apply the fixes offered, then build again"
            ));
        }
    }
}

/// The fix `text` names, as the invocation parses it: `None` when it is not
/// exactly one fix. (The printer's inverse, for its test.)
#[cfg(test)]
fn parse(text: &str) -> Option<Fix> {
    let tokens: proc_macro2::TokenStream = format!("\"fix\", {text}").parse().ok()?;
    let parsed = crate::invocation::parse(tokens);
    if !parsed.errors.is_empty() {
        return None;
    }
    let o = parsed.options;
    let mut found: Vec<Fix> = Vec::new();
    found.extend(o.kind.map(Fix::Kind));
    found.extend(o.tables.map(Fix::Tables));
    for (role, header) in o.columns.columns {
        found.push(Fix::Column {
            table: None,
            role,
            header,
        });
    }
    for (table, choice) in o.table_columns {
        for (role, header) in choice.columns {
            found.push(Fix::Column {
                table: Some(table),
                role,
                header,
            });
        }
    }
    found.extend(o.skips.into_iter().map(|s| Fix::Skip(s.code)));
    for s in o.statuses {
        found.push(Fix::Status {
            status: s.value.parse().ok()?,
            code: s.code,
        });
    }
    for c in o.codes {
        found.push(Fix::Code {
            written: c.code,
            code: c.value,
        });
    }
    (found.len() == 1).then(|| found.remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(message: &str, fix: Fix) -> Diagnostic {
        Diagnostic::file("page.md", message).with_fix(fix)
    }

    fn every_kind_of_fix() -> Vec<Fix> {
        vec![
            Fix::Kind(Kind::Status),
            Fix::Tables(TableSelector::Index(3)),
            Fix::Tables(TableSelector::Section("异常".to_owned())),
            Fix::Tables(TableSelector::Caption("V3 \"errors\"".to_owned())),
            Fix::Column {
                table: None,
                role: Role::Description,
                header: "Notes".to_owned(),
            },
            Fix::Column {
                table: Some(1),
                role: Role::Code,
                header: "返回值".to_owned(),
            },
            Fix::Skip("Note: see below".to_owned()),
            Fix::Status {
                code: "AOS.1001".to_owned(),
                status: 400,
            },
            Fix::Code {
                written: "DCS. 4855".to_owned(),
                code: "DCS.4855".to_owned(),
            },
        ]
    }

    #[test]
    fn a_fix_prints_as_the_invocation_reads_it() {
        for fix in every_kind_of_fix() {
            assert_eq!(parse(&fix.to_string()), Some(fix.clone()), "{fix}");
        }
        assert_eq!(
            Fix::Column {
                table: Some(1),
                role: Role::Code,
                header: "返回值".to_owned()
            }
            .to_string(),
            "table(1, code_column = \"返回值\")"
        );
        assert_eq!(parse("kind = "), None);
        assert_eq!(parse("kind = \"status\", table = 1"), None);
    }

    #[test]
    fn a_fix_is_kept_only_when_its_problem_is_gone() {
        let mut found = vec![
            problem("two kinds", Fix::Kind(Kind::Status)),
            problem("no table", Fix::Tables(TableSelector::Index(3))),
        ];
        verify(&mut found, &Options::default(), &[], |fixed| Trial {
            // `kind` removes "two kinds"; `table = 3` leaves "no table".
            diagnostics: if fixed.kind.is_some() {
                vec![problem("no table", Fix::Kind(Kind::Error))]
            } else {
                vec![
                    problem("no table", Fix::Kind(Kind::Error)),
                    problem("two kinds", Fix::Kind(Kind::Error)),
                ]
            },
            codes: Vec::new(),
        });
        let fixes: Vec<Option<Fix>> = found.iter().map(|d| d.fix.clone()).collect();
        assert_eq!(fixes, [Some(Fix::Kind(Kind::Status)), None]);
    }

    #[test]
    fn a_row_fix_that_loses_a_code_is_not_offered() {
        let skip = Fix::Skip("ECS.0014".to_owned());
        let mut found = vec![problem("remark", skip)];
        let codes = ["ECS.0013".to_owned(), "ECS.0014".to_owned()];
        verify(&mut found, &Options::default(), &codes, |_| Trial {
            diagnostics: Vec::new(),
            codes: vec!["ECS.0013".to_owned()],
        });
        assert_eq!(found[0].fix, None);
    }

    #[test]
    fn a_fix_is_added_unless_it_clashes() {
        let mut options = Options::default();
        Fix::Kind(Kind::Status).apply(&mut options).unwrap();
        assert_eq!(options.kind, Some(Kind::Status));
        assert_eq!(
            Fix::Kind(Kind::Error).apply(&mut options),
            Err(Clash(Fix::Kind(Kind::Status)))
        );
        let column = Fix::Column {
            table: Some(1),
            role: Role::Code,
            header: "返回值".to_owned(),
        };
        column.apply(&mut options).unwrap();
        assert_eq!(options.table_columns.len(), 1);
        // The same fix twice is no clash; another header for the role is.
        column.apply(&mut options).unwrap();
        let other = Fix::Column {
            table: Some(1),
            role: Role::Code,
            header: "Name".to_owned(),
        };
        assert!(other.apply(&mut options).is_err());
        Fix::Skip("X".to_owned()).apply(&mut options).unwrap();
        let typo = Fix::Code {
            written: "X".to_owned(),
            code: "Y".to_owned(),
        };
        typo.apply(&mut options).unwrap();
        let again = Fix::Code {
            written: "X".to_owned(),
            code: "Z".to_owned(),
        };
        assert_eq!(
            again.apply(&mut options),
            Err(Clash(Fix::Code {
                written: "X".to_owned(),
                code: "Y".to_owned()
            }))
        );
    }
}
