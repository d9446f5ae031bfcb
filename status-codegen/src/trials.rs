//! Trials of the fixes one expansion proposes, in as few validations as can
//! answer them: a page with fifty bad rows must not be read fifty times.
//!
//! Fixes that cannot touch each other's problem are applied together and
//! tried in one validation: row corrections (`skip`, `status`, `code`) whose
//! codes are all different, and `table(N, …)` column choices for different
//! tables. Every other fix (`kind`, `table`, `section`, `caption`, a column
//! for every table) is an alternative to the others and has a trial of its
//! own. A trial of row corrections whose result says it must be (one that
//! loses a code) is run again in two halves, and so on down to the fix that
//! loses it, so that its verdict is that fix's own: one such fix among fifty
//! costs a dozen trials, not fifty. At most [`MAX_TRIALS`] trials are run;
//! the fixes left are not tried.

use crate::fix::Fix;
use crate::options::Options;

/// At most this many validations are run to try fixes. Row corrections and
/// column choices take one each on any real page, the rest are a few
/// alternatives (a kind, a system of codes), and halving a trial down to the
/// one of fifty fixes that loses a code takes twelve. A validation costs
/// about half a clean expansion without its code (3 s for a page at the
/// 16 MiB limit), so this many stay under a minute there.
pub(crate) const MAX_TRIALS: usize = 16;

/// What became of one fix.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Outcome<'a, T> {
    /// Tried: what the validation with it applied (and the other fixes of
    /// its trial) gave, and whether that loses what must be kept (judged
    /// once per trial).
    Tried {
        /// What the validation gave.
        result: &'a T,
        /// Whether it loses what must be kept.
        loses: bool,
    },
    /// Not tried: it clashes with an option already written.
    Refused,
    /// Not tried: [`MAX_TRIALS`] trials were run already.
    OverBudget,
}

// By hand: a derive would ask `T: Copy` of what is only borrowed.
impl<T> Clone for Outcome<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Outcome<'_, T> {}

/// What a fix may share a trial with.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Claim {
    /// A row correction, by the codes it names (as written, and as meant):
    /// `code("A 1" = "A1")` and `skip("A1")` are not independent.
    Rows(Vec<String>),
    /// A column choice for one table.
    Table(usize),
    /// Anything else: an alternative, tried alone.
    Alone,
}

impl Claim {
    fn of(fix: &Fix) -> Self {
        match fix {
            Fix::Skip(code) | Fix::Status { code, .. } => Self::Rows(vec![code.clone()]),
            Fix::Code { written, code } => Self::Rows(vec![written.clone(), code.clone()]),
            Fix::Column {
                table: Some(table), ..
            } => Self::Table(*table),
            Fix::Kind(_) | Fix::Tables(_) | Fix::Column { table: None, .. } => Self::Alone,
        }
    }

    /// Whether a fix claiming `self` may join a trial whose fixes claim `all`.
    fn joins(&self, all: &[Self]) -> bool {
        !all.is_empty()
            && all.iter().all(|other| match (self, other) {
                (Self::Rows(a), Self::Rows(b)) => a.iter().all(|code| !b.contains(code)),
                (Self::Table(a), Self::Table(b)) => a != b,
                _ => false,
            })
    }
}

/// One trial: its options, the fixes applied and what they claim, and what
/// running it gave.
struct Trial<T> {
    options: Options,
    fixes: Vec<usize>,
    claims: Vec<Claim>,
    result: Option<(T, bool)>,
}

/// The trials of a set of fixes, run.
pub(crate) struct Trials<'f, T> {
    /// Every distinct fix, and the trial whose result stands for it.
    fixes: Vec<(&'f Fix, Placed)>,
    trials: Vec<Trial<T>>,
}

/// Where a fix was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placed {
    In(usize),
    Refused,
    OverBudget,
}

impl<'f, T> Trials<'f, T> {
    /// Groups `fixes` into trials over `options` and runs each with `run`;
    /// a trial of several row corrections that `loses` something is run
    /// again in halves.
    pub(crate) fn run(
        options: &Options,
        fixes: &'f [Fix],
        run: impl Fn(&Options) -> T,
        loses: impl Fn(&T) -> bool,
    ) -> Self {
        let mut this = Self {
            fixes: Vec::new(),
            trials: Vec::new(),
        };
        for fix in fixes {
            if this.fixes.iter().all(|(f, _)| *f != fix) {
                let placed = this.place(options, fix);
                this.fixes.push((fix, placed));
            }
        }
        // Trials added while running (the halves of one) run too.
        let mut at = 0;
        while at < this.trials.len() {
            let result = run(&this.trials[at].options);
            let lost = loses(&result);
            let trial = &mut this.trials[at];
            let rows = matches!(trial.claims.first(), Some(Claim::Rows(_)));
            let again = if rows && trial.fixes.len() > 1 && lost {
                std::mem::take(&mut trial.fixes)
            } else {
                Vec::new()
            };
            trial.result = Some((result, lost));
            if !again.is_empty() {
                let (first, second) = again.split_at(again.len() / 2);
                this.together(options, first);
                this.together(options, second);
            }
            at += 1;
        }
        this
    }

    /// What became of `fix` (one of those given to [`run`](Self::run)).
    pub(crate) fn outcome(&self, fix: &Fix) -> Outcome<'_, T> {
        match self.fixes.iter().find(|(f, _)| *f == fix).map(|(_, p)| *p) {
            Some(Placed::In(trial)) => {
                self.trials[trial]
                    .result
                    .as_ref()
                    .map_or(Outcome::OverBudget, |(result, loses)| Outcome::Tried {
                        result,
                        loses: *loses,
                    })
            }
            Some(Placed::OverBudget) => Outcome::OverBudget,
            Some(Placed::Refused) | None => Outcome::Refused,
        }
    }

    /// Puts `fix` in the first trial it can join, else in a new one.
    fn place(&mut self, options: &Options, fix: &Fix) -> Placed {
        let claim = Claim::of(fix);
        let index = self.fixes.len();
        for (at, trial) in self.trials.iter_mut().enumerate() {
            if !claim.joins(&trial.claims) {
                continue;
            }
            let mut together = trial.options.clone();
            if fix.apply(&mut together).is_ok() {
                trial.options = together;
                trial.fixes.push(index);
                trial.claims.push(claim);
                return Placed::In(at);
            }
        }
        let placed = self.alone(options, fix);
        if let Placed::In(at) = placed {
            self.trials[at].fixes.push(index);
            self.trials[at].claims.push(claim);
        }
        placed
    }

    /// A new trial of `fix` alone, unless it clashes with `options` or the
    /// budget is spent.
    fn alone(&mut self, options: &Options, fix: &Fix) -> Placed {
        let mut fixed = options.clone();
        if fix.apply(&mut fixed).is_err() {
            return Placed::Refused;
        }
        if self.trials.len() >= MAX_TRIALS {
            return Placed::OverBudget;
        }
        self.trials.push(Trial {
            options: fixed,
            fixes: Vec::new(),
            claims: Vec::new(),
            result: None,
        });
        Placed::In(self.trials.len() - 1)
    }

    /// A new trial of the fixes at `members` (of one trial already, so they
    /// apply together), unless the budget is spent.
    fn together(&mut self, options: &Options, members: &[usize]) {
        let mut fixed = options.clone();
        let applied = members
            .iter()
            .all(|&fix| self.fixes[fix].0.apply(&mut fixed).is_ok());
        let placed = if self.trials.len() >= MAX_TRIALS {
            Placed::OverBudget
        } else if applied {
            self.trials.push(Trial {
                options: fixed,
                fixes: members.to_vec(),
                claims: members
                    .iter()
                    .map(|&f| Claim::of(self.fixes[f].0))
                    .collect(),
                result: None,
            });
            Placed::In(self.trials.len() - 1)
        } else {
            Placed::Refused
        };
        for &fix in members {
            self.fixes[fix].1 = placed;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::model::{Kind, Role};
    use crate::options::TableSelector;

    fn skip(code: &str) -> Fix {
        Fix::Skip(code.to_owned())
    }

    fn column(table: usize, header: &str) -> Fix {
        Fix::Column {
            table: Some(table),
            role: Role::Code,
            header: header.to_owned(),
        }
    }

    /// The fixes' trials, run with a validation that returns the options it
    /// was given, counting the runs.
    fn tried(fixes: &[Fix], loses: impl Fn(&Options) -> bool) -> (Trials<'_, Options>, usize) {
        let runs = Cell::new(0);
        let trials = Trials::run(
            &Options::default(),
            fixes,
            |options| {
                runs.set(runs.get() + 1);
                options.clone()
            },
            loses,
        );
        (trials, runs.get())
    }

    fn skips(outcome: Outcome<'_, Options>) -> Vec<String> {
        match outcome {
            Outcome::Tried {
                result: options, ..
            } => options.skips.iter().map(|s| s.code.clone()).collect(),
            _ => panic!("not tried: {outcome:?}"),
        }
    }

    #[test]
    fn row_corrections_of_different_codes_share_one_trial() {
        let fixes = [
            skip("Note A"),
            Fix::Status {
                code: "EVS.0001".to_owned(),
                status: 400,
            },
            Fix::Code {
                written: "EVS. 0002".to_owned(),
                code: "EVS.0002".to_owned(),
            },
            skip("Note B"),
        ];
        let (trials, runs) = tried(&fixes, |_| false);
        assert_eq!(runs, 1);
        assert_eq!(skips(trials.outcome(&fixes[0])), ["Note A", "Note B"]);
        let Outcome::Tried {
            result: options, ..
        } = trials.outcome(&fixes[2])
        else {
            panic!("not tried");
        };
        assert_eq!(options.statuses.len(), 1);
        assert_eq!(options.codes.len(), 1);
    }

    #[test]
    fn a_correction_making_a_code_another_names_is_tried_apart() {
        // `code("A 1" = "A1")` makes the code `skip("A1")` would leave out.
        let fixes = [
            Fix::Code {
                written: "A 1".to_owned(),
                code: "A1".to_owned(),
            },
            skip("A1"),
        ];
        let (trials, runs) = tried(&fixes, |_| false);
        assert_eq!(runs, 2);
        assert_eq!(skips(trials.outcome(&fixes[1])), ["A1"]);
    }

    #[test]
    fn columns_of_different_tables_share_a_trial_alternatives_do_not() {
        let fixes = [
            column(0, "返回值"),
            column(2, "Name"),
            column(0, "Other"),
            Fix::Kind(Kind::Status),
            Fix::Tables(TableSelector::Index(3)),
        ];
        let (trials, runs) = tried(&fixes, |_| false);
        // Tables 0 and 2 together; the second choice for table 0, the kind
        // and the table each alone.
        assert_eq!(runs, 4);
        let Outcome::Tried {
            result: options, ..
        } = trials.outcome(&fixes[1])
        else {
            panic!("not tried");
        };
        assert_eq!(options.table_columns.len(), 2);
        let Outcome::Tried {
            result: options, ..
        } = trials.outcome(&fixes[3])
        else {
            panic!("not tried");
        };
        assert_eq!(
            (options.kind, options.tables.is_none()),
            (Some(Kind::Status), true)
        );
    }

    #[test]
    fn a_trial_that_loses_is_halved_down_to_the_fix_that_loses() {
        let fixes = [skip("A"), skip("B"), skip("C"), skip("D")];
        // Leaving out B loses a code: {A B C D} loses, then {A B} loses and
        // {C D} does not, then {A} and {B} alone.
        let (trials, runs) = tried(&fixes, |options| {
            options.skips.iter().any(|s| s.code == "B")
        });
        assert_eq!(runs, 5);
        assert_eq!(skips(trials.outcome(&fixes[0])), ["A"]);
        assert_eq!(skips(trials.outcome(&fixes[1])), ["B"]);
        assert_eq!(skips(trials.outcome(&fixes[2])), ["C", "D"]);
        assert_eq!(skips(trials.outcome(&fixes[3])), ["C", "D"]);
        let Outcome::Tried { loses, .. } = trials.outcome(&fixes[1]) else {
            panic!("not tried");
        };
        assert!(loses);

        // One of fifty: a dozen trials, within the budget.
        let many: Vec<Fix> = (0..50).map(|i| skip(&format!("R{i}"))).collect();
        let (trials, runs) = tried(&many, |options| {
            options.skips.iter().any(|s| s.code == "R17")
        });
        assert!(runs <= 13, "{runs}");
        for (i, fix) in many.iter().enumerate() {
            let Outcome::Tried { loses, .. } = trials.outcome(fix) else {
                panic!("R{i} not tried");
            };
            assert_eq!(loses, i == 17, "R{i}");
        }
    }

    #[test]
    fn a_clash_is_refused_and_the_budget_bounds_the_trials() {
        let mut written = Options::default();
        Fix::Kind(Kind::Error).apply(&mut written).unwrap();
        let kind = [Fix::Kind(Kind::Status)];
        let trials = Trials::run(&written, &kind, |_| (), |()| false);
        assert_eq!(trials.outcome(&kind[0]), Outcome::Refused);

        let sections: Vec<Fix> = (0..MAX_TRIALS + 2)
            .map(|i| Fix::Tables(TableSelector::Section(format!("S{i}"))))
            .collect();
        let (trials, runs) = tried(&sections, |_| false);
        assert_eq!(runs, MAX_TRIALS);
        assert!(matches!(
            trials.outcome(&sections[0]),
            Outcome::Tried { .. }
        ));
        assert!(matches!(
            trials.outcome(&sections[MAX_TRIALS]),
            Outcome::OverBudget
        ));
    }
}
