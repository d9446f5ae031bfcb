//! Trials of the fixes one expansion proposes, in as few validations as can
//! answer them: a page with fifty bad rows must not be read fifty times.
//!
//! Fixes that cannot touch each other's problem are applied together and
//! tried in one validation: row corrections (`skip`, `status`, `code`) whose
//! codes are all different, and `table(N, …)` column choices of different
//! tables. Every other fix (`kind`, `table`, `section`, `caption`, a column
//! for every table) is an alternative to the others and has a trial of its
//! own; at most [`MAX_TRIALS`] trials are run, the rest of the fixes are not
//! offered.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::fix::apply;
use crate::options::Options;

/// At most this many validations are run to try fixes. Row corrections and
/// column choices take one between them on any real page; the rest are a
/// few alternatives (a kind, a system of codes).
pub(crate) const MAX_TRIALS: usize = 8;

/// What became of one fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome<'a> {
    /// Tried: the problems left with it applied (and the others of its trial).
    Tried(&'a [Diagnostic]),
    /// Not tried: it does not parse, or it sets an option already written.
    Refused,
    /// Not tried: [`MAX_TRIALS`] trials were run already.
    OverBudget,
}

/// Which fixes may share a trial.
#[derive(Debug, PartialEq, Eq)]
enum Family {
    /// Row corrections, by the codes they name (written and meant).
    Rows(Vec<String>),
    /// Column choices for one table (`table(N, …)`).
    Table,
    /// Anything else: an alternative, tried alone.
    Alone,
}

/// A trial: the options with its fixes applied, what those fixes touch, and
/// the problems left once it ran.
struct Trial {
    options: Options,
    family: Family,
    touched: HashSet<String>,
    after: Vec<Diagnostic>,
}

/// The trials of a set of fixes, run.
pub(crate) struct Trials {
    fixes: Vec<(String, Option<usize>, bool)>,
    trials: Vec<Trial>,
}

impl Trials {
    /// Groups `fixes` into trials over `options` and runs each with `validate`.
    pub(crate) fn run<'f>(
        options: &Options,
        fixes: impl IntoIterator<Item = &'f str>,
        validate: impl Fn(&Options) -> Vec<Diagnostic>,
    ) -> Self {
        let mut this = Self {
            fixes: Vec::new(),
            trials: Vec::new(),
        };
        for fix in fixes {
            if this.fixes.iter().any(|(f, _, _)| f == fix) {
                continue;
            }
            let (trial, applies) = this.place(options, fix);
            this.fixes.push((fix.to_owned(), trial, applies));
        }
        for trial in &mut this.trials {
            trial.after = validate(&trial.options);
        }
        this
    }

    /// What became of `fix`.
    pub(crate) fn outcome(&self, fix: &str) -> Outcome<'_> {
        match self.fixes.iter().find(|(f, _, _)| f == fix) {
            Some((_, Some(trial), _)) => Outcome::Tried(&self.trials[*trial].after),
            Some((_, None, true)) => Outcome::OverBudget,
            _ => Outcome::Refused,
        }
    }

    /// The trial `fix` joins (a new one if none can take it), and whether it
    /// applies at all.
    fn place(&mut self, options: &Options, fix: &str) -> (Option<usize>, bool) {
        let Some(alone) = apply(options, fix) else {
            return (None, false);
        };
        let family = family(fix);
        let touched: HashSet<String> = match &family {
            Family::Rows(codes) => codes.iter().cloned().collect(),
            _ => HashSet::new(),
        };
        for (at, trial) in self.trials.iter_mut().enumerate() {
            // Two choices for one table clash, and `apply` refuses them.
            let shares = match (&trial.family, &family) {
                (Family::Rows(_), Family::Rows(_)) => trial.touched.is_disjoint(&touched),
                (Family::Table, Family::Table) => true,
                _ => false,
            };
            if shares && let Some(together) = apply(&trial.options, fix) {
                trial.options = together;
                trial.touched.extend(touched);
                return (Some(at), true);
            }
        }
        if self.trials.len() >= MAX_TRIALS {
            return (None, true);
        }
        self.trials.push(Trial {
            options: alone,
            family,
            touched,
            after: Vec::new(),
        });
        (Some(self.trials.len() - 1), true)
    }
}

/// The family of a fix, from what it adds to no options at all.
fn family(fix: &str) -> Family {
    let Some(add) = apply(&Options::default(), fix) else {
        return Family::Alone;
    };
    let table_wide = add.kind.is_some()
        || add.tables.is_some()
        || !add.columns.columns.is_empty()
        || !add.renames.is_empty();
    let corrections = !(add.skips.is_empty() && add.statuses.is_empty() && add.codes.is_empty());
    if table_wide {
        return Family::Alone;
    }
    match (&add.table_columns[..], corrections) {
        // A code correction touches the code it makes too: `code("A 1" =
        // "A1")` and `skip("A1")` are not independent.
        ([], true) => Family::Rows(
            add.skips
                .iter()
                .chain(&add.statuses)
                .map(|o| o.code.clone())
                .chain(
                    add.codes
                        .iter()
                        .flat_map(|o| [o.code.clone(), o.value.clone()]),
                )
                .collect(),
        ),
        ([_], false) => Family::Table,
        _ => Family::Alone,
    }
}
