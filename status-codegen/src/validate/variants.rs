//! Rows become variants: one per code (several rows of one code in an error
//! table, or under one `rowspan` in a status table), each named, with the
//! cross-row checks: duplicate codes, colliding names, renames of codes the
//! table lacks.

use std::collections::{HashMap, HashSet};

use super::Findings;
use super::rows::Candidate;
use crate::diagnostic::{InvocationError, visible};
use crate::model::{Kind, Row, Text, Variant};
use crate::naming;
use crate::options::Options;
use crate::source::Source;

/// A variant being built, with where its code was first written.
struct Pending {
    variant: Variant,
    code_offset: usize,
    code_cell: (usize, usize),
    renamed: bool,
    fallback: bool,
    /// The row lists several codes, so its texts name none of them.
    shared: bool,
}

pub(super) fn group(
    source: &Source,
    kind: Kind,
    rows: Vec<Candidate>,
    options: &Options,
    findings: &mut Findings,
) -> Vec<Variant> {
    let mut pending: Vec<Pending> = Vec::new();
    let mut by_code: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    for candidate in rows {
        if let Some(&index) = by_code.get(&candidate.code) {
            let first = &mut pending[index];
            // A status row written out again in its table, word for word, is
            // a mistake; another cause of the same status (or the same row in
            // another table: one table repeated under several headings) is
            // another row of its variant, as in error tables.
            let copy = (kind == Kind::Status && first.code_cell != candidate.code_cell)
                .then(|| {
                    first.variant.rows.iter().find(|row| {
                        row.table == candidate.row.table
                            && row.texts == candidate.row.texts
                            && row.others == candidate.row.others
                    })
                })
                .flatten();
            match copy {
                Some(copied) => duplicate(source, copied, &candidate, findings),
                None => first.variant.rows.push(candidate.row),
            }
            continue;
        }
        by_code.insert(candidate.code.clone(), pending.len());
        pending.push(Pending {
            variant: Variant {
                code: candidate.code,
                number: candidate.number,
                name: String::new(),
                rows: vec![candidate.row],
            },
            code_offset: candidate.code_offset,
            code_cell: candidate.code_cell,
            renamed: false,
            fallback: false,
            shared: candidate.shared,
        });
    }
    // Every status's `Status{code}` is its own, taken before any name is given.
    let mut taken: HashSet<String> = pending
        .iter()
        .filter_map(|p| p.variant.number.map(naming::fallback_name))
        .collect();
    for p in &mut pending {
        name(p, kind, options, &mut taken);
    }
    distinct_names(&mut pending, kind);
    renames_are_used(&pending, options, &mut findings.invocation);
    names_are_distinct(source, pending, options, findings)
}

fn duplicate(source: &Source, copied: &Row, candidate: &Candidate, findings: &mut Findings) {
    let message = || {
        format!(
            "duplicate status code {} (first at line {}): the row is written twice, word for word; expected each row once",
            candidate.code, copied.line
        )
    };
    if let Some(diagnostic) =
        findings
            .diagnostics
            .error(source, candidate.code_offset, message, "duplicate")
    {
        diagnostic.relate(source, copied.offset, "first written here");
    }
}

/// A variant's name: the user's, else from the code (error tables); in status
/// tables from a description that reads as a name, else from the row's reason
/// (when no earlier variant took that name: `200 OK` and `201 OK` on one
/// page), else from the code's registered reason phrase, else from a message
/// that reads as a name; else `Status{code}`. A sentence never names a
/// variant: it stays the description.
fn name(pending: &mut Pending, kind: Kind, options: &Options, taken: &mut HashSet<String>) {
    let variant = &mut pending.variant;
    if let Some(rename) = options.renames.iter().find(|r| r.code == variant.code) {
        variant.name.clone_from(&rename.name);
        pending.renamed = true;
        return;
    }
    let derived = match kind {
        Kind::Error => naming::code_name(&variant.code),
        Kind::Status => {
            let as_name = |text: &str| naming::name_of_words(text);
            // Each source is read only when the ones before it gave no name.
            let registered = || {
                variant
                    .number
                    .and_then(crate::vocabulary::reason_phrase)
                    .and_then(naming::derived_name)
            };
            // A name another code has (or will have as its `Status{code}`)
            // is not free: the next source of a name is tried.
            let own = naming::fallback_name(variant.number.unwrap_or_default());
            let free = |n: &String| !taken.contains(n) || *n == own;
            let described = if pending.shared {
                None
            } else {
                as_name(variant.text(Text::Description)).filter(free)
            };
            let reason = || {
                (!pending.shared)
                    .then(|| naming::derived_name(variant.text(Text::Reason)))
                    .flatten()
            };
            let name = described
                .or_else(|| reason().filter(|n| n.len() <= naming::MAX_PROSE_NAME && free(n)))
                .or_else(|| registered().filter(free))
                .or_else(|| as_name(variant.text(Text::Message)).filter(free));
            if let Some(name) = &name {
                taken.insert(name.clone());
            }
            name
        }
    };
    if let Some(name) = derived {
        variant.name = name;
    } else {
        pending.fallback = true;
        variant.name = match kind {
            Kind::Status => naming::fallback_name(variant.number.unwrap_or_default()),
            Kind::Error => String::new(),
        };
    }
}

/// Derived names that two codes would share are told apart by a documented
/// rule, so that a page is never refused for it: an error code with
/// separators spells them (`InvalidParameter.Conflict` is
/// `InvalidParameterDotConflict` beside `InvalidParameterConflict`); a later
/// status takes its code's registered phrase, else `Status{code}`; a name
/// still shared (codes that differ only in case) gets `Alt`, then `Alt2`, …,
/// in document order (`BadRequestAlt`). A name the invocation chose is never
/// changed, nor another code's name for it (that clash stays an error).
fn distinct_names(pending: &mut [Pending], kind: Kind) {
    // How many variants have each name, kept in step with every rename (a
    // count by scanning every variant made this quadratic in the rows).
    let mut counts: HashMap<String, usize> = HashMap::with_capacity(pending.len());
    for p in pending.iter() {
        *counts.entry(p.variant.name.clone()).or_default() += 1;
    }
    let count =
        |counts: &HashMap<String, usize>, name: &str| counts.get(name).copied().unwrap_or(0);
    let rename = |counts: &mut HashMap<String, usize>, p: &mut Pending, name: String| {
        if let Some(n) = counts.get_mut(&p.variant.name) {
            *n -= 1;
        }
        *counts.entry(name.clone()).or_default() += 1;
        p.variant.name = name;
    };
    if kind == Kind::Error {
        let shared: Vec<usize> = (0..pending.len())
            .filter(|&i| {
                !pending[i].renamed
                    && !pending[i].variant.name.is_empty()
                    && count(&counts, &pending[i].variant.name) > 1
            })
            .collect();
        for i in shared {
            if let Some(spelled) = naming::spelled_code_name(&pending[i].variant.code) {
                rename(&mut counts, &mut pending[i], spelled);
            }
        }
    }
    // A name the invocation gives that another code has is the user's to
    // settle: it stays a located error (`names_are_distinct`).
    let mut seen: HashSet<String> = HashSet::with_capacity(pending.len());
    for i in 0..pending.len() {
        if pending[i].renamed || pending[i].variant.name.is_empty() {
            continue;
        }
        if seen.contains(&pending[i].variant.name) {
            let variant = &pending[i].variant;
            let registered = variant
                .number
                .and_then(crate::vocabulary::reason_phrase)
                .and_then(naming::derived_name)
                .into_iter()
                .chain(variant.number.map(naming::fallback_name));
            let base = variant.name.clone();
            let free = |n: &String| !seen.contains(n) && count(&counts, n) == 0;
            // `Alt`, `Alt2`, …: there are fewer names taken than tries.
            let alternatives = (1..=pending.len() + 1).map(|n| {
                if n == 1 {
                    format!("{base}Alt")
                } else {
                    format!("{base}Alt{n}")
                }
            });
            let name = registered.chain(alternatives).find(free).unwrap_or(base);
            rename(&mut counts, &mut pending[i], name);
        }
        seen.insert(pending[i].variant.name.clone());
    }
}

fn renames_are_used(pending: &[Pending], options: &Options, errors: &mut Vec<InvocationError>) {
    for rename in &options.renames {
        if !pending.iter().any(|p| p.variant.code == rename.code) {
            let what = if rename.code.bytes().all(|b| b.is_ascii_digit()) {
                format!("status code {}", rename.code)
            } else {
                format!("code `{}`", rename.code)
            };
            errors.push(InvocationError::new(
                rename.span,
                format!(
                    "`rename` names {what}, which is not in the table{}",
                    crate::suggest::did_you_mean(
                        &rename.code,
                        pending.iter().map(|p| p.variant.code.as_str())
                    )
                ),
            ));
        }
    }
}

/// How the invocation writes a code in `rename(…)`.
fn rename_key(variant: &Variant) -> String {
    match variant.number {
        Some(number) => number.to_string(),
        None => format!("{:?}", variant.code),
    }
}

fn names_are_distinct(
    source: &Source,
    pending: Vec<Pending>,
    options: &Options,
    findings: &mut Findings,
) -> Vec<Variant> {
    let mut by_name: HashMap<String, usize> = HashMap::with_capacity(pending.len());
    let mut keep = vec![false; pending.len()];
    for (index, p) in pending.iter().enumerate() {
        let variant = &p.variant;
        let first = by_name.get(&variant.name).map(|&i| &pending[i]);
        let problem = if variant.name.is_empty() {
            Some(no_name(p))
        } else if let Some(first) = first {
            Some(collision(p, first))
        } else if !naming::is_identifier(&variant.name) {
            Some((
                format!(
                    "`{}` is not a valid variant name for {}: expected a Rust identifier",
                    variant.name,
                    describe(variant)
                ),
                "not an identifier",
            ))
        } else {
            None
        };
        if let Some((message, label)) = problem {
            if let Some(diagnostic) =
                findings
                    .diagnostics
                    .error(source, p.code_offset, || message, label)
                && let Some(first) = first
            {
                diagnostic.relate(source, first.code_offset, "first named here");
                if p.fallback || first.fallback {
                    diagnostic.notes.push(format!(
                        "`{}` is the name given to a row whose description has no identifier (Chinese text, digits, punctuation)",
                        variant.name
                    ));
                }
            }
            continue;
        }
        if let Some((name, span)) = &options.other
            && *name == variant.name
        {
            findings.invocation.push(InvocationError::new(
                *span,
                format!(
                    "`other = {name}` names the catch-all variant after a documented one ({} at line {}): expected another name",
                    describe(variant),
                    variant.rows[0].line
                ),
            ));
            continue;
        }
        by_name.insert(variant.name.clone(), index);
        keep[index] = true;
    }
    pending
        .into_iter()
        .zip(keep)
        .filter_map(|(p, keep)| keep.then_some(p.variant))
        .collect()
}

fn no_name(p: &Pending) -> (String, &'static str) {
    if naming::code_name(&p.variant.code).is_none() && p.variant.code.eq_ignore_ascii_case("self") {
        return (
            format!(
                "code `{}` would be named `Self`, which Rust reserves: expected `rename({} = Name)`",
                p.variant.code,
                rename_key(&p.variant)
            ),
            "reserved name",
        );
    }
    (
        format!(
            "code `{}` gives no variant name (it has no ASCII letter or digit): expected such a code, or `rename({} = Name)`",
            visible(&p.variant.code),
            rename_key(&p.variant)
        ),
        "no name",
    )
}

/// Two codes that would have one name.
fn collision(p: &Pending, first: &Pending) -> (String, &'static str) {
    let how = if p.renamed {
        "renamed to"
    } else if p.fallback {
        "gives no identifier in its description, so it would be named"
    } else {
        "would be named"
    };
    (
        format!(
            "{} {how} `{}`, the name of {} (line {}): expected distinct variant names; rename one with `rename({} = NewName)`",
            describe(&p.variant),
            p.variant.name,
            describe(&first.variant),
            first.variant.rows[0].line,
            rename_key(&p.variant)
        ),
        "same variant name",
    )
}

fn describe(variant: &Variant) -> String {
    match variant.number {
        Some(number) => format!("status code {number}"),
        None => format!("error code `{}`", visible(&variant.code)),
    }
}

/// The accessors the invocation names for unrecognised columns.
pub(super) fn accessors(
    others: &[String],
    options: &Options,
    errors: &mut Vec<InvocationError>,
) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for accessor in &options.accessors {
        let wanted = crate::vocabulary::normalize(&accessor.header);
        if let Some(index) = others
            .iter()
            .position(|h| crate::vocabulary::normalize(h) == wanted)
        {
            found.push((accessor.name.clone(), index));
        } else {
            {
                let listed = if others.is_empty() {
                    "the tables have none".to_owned()
                } else {
                    others
                        .iter()
                        .map(|h| format!("`{h}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                errors.push(InvocationError::new(
                    accessor.span,
                    format!(
                        "no unrecognised column is headed `{}`: expected one of the columns without a role ({listed})",
                        accessor.header
                    ),
                ));
            }
        }
    }
    found
}
