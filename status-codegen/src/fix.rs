//! Fixes: options that make a problem go away, offered as data (`inspect
//! --json`'s `"fix"`, a `help:` line) only after they were tried. A fix is
//! parsed as the invocation parses options and applied to the invocation's
//! options; one that does not parse, clashes with an option already written,
//! or leaves its problem in place is dropped.

use proc_macro2::TokenStream;

use crate::diagnostic::Diagnostic;
use crate::options::Options;
use crate::trials::{MAX_TRIALS, Outcome, Trials};

/// Keeps each diagnostic's fix only if `expand` with the fix applied no longer
/// reports that diagnostic (same place, same message).
pub(crate) fn verify(
    diagnostics: &mut [Diagnostic],
    options: &Options,
    expand: impl Fn(&Options) -> Vec<Diagnostic>,
) {
    // Fixes that cannot touch each other's problem are tried together
    // (`trials`); what a trial leaves is compared with every diagnostic whose
    // fix it applied.
    let fixes: Vec<String> = diagnostics.iter().filter_map(|d| d.fix.clone()).collect();
    let trials = Trials::run(options, fixes.iter().map(String::as_str), expand);
    for diagnostic in diagnostics.iter_mut() {
        let Some(fix) = diagnostic.fix.as_deref() else {
            continue;
        };
        let outcome = trials.outcome(fix);
        let gone = match outcome {
            Outcome::Tried(after) => !after
                .iter()
                .any(|d| d.location == diagnostic.location && d.message == diagnostic.message),
            Outcome::Refused | Outcome::OverBudget => false,
        };
        if !gone {
            diagnostic.fix = None;
        }
        if outcome == Outcome::OverBudget {
            diagnostic.notes.push(format!(
                "a fix was found but not tried: at most {MAX_TRIALS} trials of fixes are run for one expansion; apply the fixes offered, then build again"
            ));
        }
    }
}

/// `options` with `fix` added, or `None` when the fix does not parse or
/// sets an option already set.
pub(crate) fn apply(options: &Options, fix: &str) -> Option<Options> {
    let tokens: TokenStream = format!("\"fix\", {fix}").parse().ok()?;
    let parsed = crate::invocation::parse(tokens);
    if !parsed.errors.is_empty() {
        return None;
    }
    let add = parsed.options;
    let mut fixed = options.clone();
    if add.kind.is_some() {
        if fixed.kind.is_some() {
            return None;
        }
        fixed.kind = add.kind;
    }
    if add.tables.is_some() {
        if fixed.tables.is_some() {
            return None;
        }
        fixed.tables = add.tables;
    }
    for (role, header) in add.columns.columns {
        if !fixed.columns.set(role, header) {
            return None;
        }
    }
    for (index, choice) in add.table_columns {
        if fixed.table_columns.iter().any(|(i, _)| *i == index) {
            return None;
        }
        fixed.table_columns.push((index, choice));
    }
    fixed.renames.extend(add.renames);
    for (have, add) in [
        (&mut fixed.skips, add.skips),
        (&mut fixed.statuses, add.statuses),
        (&mut fixed.codes, add.codes),
    ] {
        if add.iter().any(|a| have.iter().any(|h| h.code == a.code)) {
            return None;
        }
        have.extend(add);
    }
    Some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn problem(message: &str, fix: &str) -> Diagnostic {
        Diagnostic::file("page.md", message).with_fix(fix)
    }

    #[test]
    fn a_fix_is_kept_only_when_its_problem_is_gone() {
        let mut found = vec![
            problem("two kinds", "kind = \"status\""),
            problem("no table", "table = 3"),
            problem("bad option", "kind = "),
        ];
        verify(&mut found, &Options::default(), |fixed| {
            // `kind` removes "two kinds"; `table = 3` leaves "no table".
            if fixed.kind.is_some() {
                vec![problem("no table", "")]
            } else {
                vec![problem("no table", ""), problem("two kinds", "")]
            }
        });
        let fixes: Vec<Option<&str>> = found.iter().map(|d| d.fix.as_deref()).collect();
        assert_eq!(fixes, [Some("kind = \"status\""), None, None]);
    }

    #[test]
    fn a_fix_is_added_unless_it_clashes() {
        let fixed = apply(&Options::default(), "kind = \"status\"").unwrap();
        assert_eq!(fixed.kind, Some(Kind::Status));
        assert!(apply(&fixed, "kind = \"error\"").is_none());
        let fixed = apply(&Options::default(), "table(1, code_column = \"返回值\")").unwrap();
        assert_eq!(fixed.table_columns.len(), 1);
        assert!(apply(&Options::default(), "kind = ").is_none());
    }
}
