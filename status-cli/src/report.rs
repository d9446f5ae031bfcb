//! What `sync` found, as data, and how it is printed: per module, what
//! changes for users first and in full (types added, removed and changed,
//! each with its true cause), then the types kept as they were because their
//! page upstream is refused, the translations that lag, and last the pages
//! copied. The unified diff of every file only with `--diff`.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use crate::diff::{self, Shift};
use crate::pairing::{Lag, language};

/// Why a type is added, removed or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Why {
    /// Its page is new upstream.
    NewPage(String),
    /// Its page was there and holds a code table of this kind now.
    NowTyped(String),
    /// Its page is gone upstream.
    PageGone(String),
    /// Its page holds no code table any more.
    NoCodeTable(String),
    /// Its page's code tables are now a small part of it.
    SmallTable(String, String),
    /// Its page is the translation of another type's again.
    PairedAgain { with: String, copy: String },
    /// Its page is kept apart from its twin's type, `from`.
    SplitFrom { from: String, why: String },
    /// Its translation is kept apart now (as the type `twin`).
    Split { twin: String, why: String },
    /// Its translation is gone (or holds no code table) upstream.
    TranslationGone(String),
    /// It gains a translation: the page `copy` in `lang`.
    GainsTranslation { lang: String, copy: String },
    /// One language lags: `fallback` added.
    Lags(Lag),
    /// The lagging language has caught up: `fallback` taken out.
    CaughtUp(String),
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NewPage(copy) => write!(f, "new page {copy}"),
            Self::NowTyped(copy) => write!(f, "{copy} holds a code table of this kind now"),
            Self::PageGone(copy) => write!(f, "{copy}: the page is gone upstream"),
            Self::NoCodeTable(copy) => write!(f, "{copy}: the page holds no code table any more"),
            Self::SmallTable(copy, why) => write!(f, "{copy}: {why}"),
            Self::PairedAgain { with, copy } => write!(
                f,
                "{copy} agrees with `{with}`'s page again: it is `{with}`'s translation now"
            ),
            Self::SplitFrom { from, why } => write!(
                f,
                "kept apart from `{from}`, whose page disagrees with this one: {why}"
            ),
            Self::Split { twin, why } => write!(
                f,
                "its translation disagrees with it, and is the type `{twin}` now: {why}"
            ),
            Self::TranslationGone(copy) => write!(
                f,
                "its translation {copy} is gone upstream (or holds no code table): the type keeps its primary language only"
            ),
            Self::GainsTranslation { lang, copy } => {
                write!(f, "it gains its {} texts, from {copy}", language(lang))
            }
            Self::Lags(lag) => write!(f, "{lag} (`fallback` added)"),
            Self::CaughtUp(copy) => {
                write!(f, "{copy} has caught up: `fallback` taken out")
            }
        }
    }
}

/// What happens to a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    /// A new type, with this many codes.
    Added(usize),
    /// A type gone.
    Removed,
    /// A type whose invocation changes.
    Changed,
}

/// A type added, removed or changed, and why.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub(crate) module: String,
    pub(crate) name: String,
    pub(crate) action: Action,
    pub(crate) why: Why,
}

/// A type kept as it was because its page upstream is refused.
#[derive(Debug, Clone)]
pub(crate) struct Kept {
    pub(crate) module: String,
    pub(crate) name: String,
    /// Its invocation: `src/evs.rs:12`.
    pub(crate) site: String,
    /// The engine's problems, located in the upstream page(s).
    pub(crate) problems: Vec<String>,
    /// Whether any problem offers a fix.
    pub(crate) fixable: bool,
}

/// A regenerated type, with what changes for users and why.
#[derive(Debug, Clone)]
pub(crate) struct Drift {
    pub(crate) module: String,
    pub(crate) name: String,
    pub(crate) file: String,
    /// The causes: its pages changed, or what sync did to its invocation.
    pub(crate) reasons: Vec<String>,
    pub(crate) shift: Shift,
}

/// Everything `sync` has to say.
#[derive(Debug, Clone, Default)]
pub(crate) struct Report {
    pub(crate) events: Vec<Event>,
    pub(crate) drifts: Vec<Drift>,
    pub(crate) kept: Vec<Kept>,
    /// Translations that lag: (module, type, lag).
    pub(crate) lags: Vec<(String, String, Lag)>,
    /// New pages the engine cannot type: (module, copy, error).
    pub(crate) not_typed: Vec<(String, String, String)>,
    /// Page copies: (module, line).
    pub(crate) pages: Vec<(String, String)>,
    /// Every file that changes, with its old and new text (for `--diff`).
    pub(crate) files: Vec<(String, String, String)>,
}

impl Report {
    /// Whether upstream moved: anything to do.
    pub(crate) fn moved(&self) -> bool {
        !(self.events.is_empty()
            && self.drifts.is_empty()
            && self.pages.is_empty()
            && self.files.is_empty())
    }

    /// The report, per module.
    pub(crate) fn render(&self, with_diff: bool) -> String {
        let mut modules: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for event in &self.events {
            let line = match event.action {
                Action::Added(codes) => {
                    format!("new type `{}` ({codes} code(s)): {}", event.name, event.why)
                }
                Action::Removed => {
                    format!("removed type `{}`: {}  [breaking]", event.name, event.why)
                }
                Action::Changed => format!("`{}`: {}", event.name, event.why),
            };
            modules.entry(&event.module).or_default().push(line);
        }
        for drift in &self.drifts {
            let mut lines = String::new();
            diff::describe_shift(&mut lines, &drift.shift);
            modules.entry(&drift.module).or_default().push(format!(
                "`{}` changes ({}), {}:\n{}",
                drift.name,
                drift.reasons.join("; "),
                drift.file,
                lines.trim_end()
            ));
        }
        for kept in &self.kept {
            let help = if kept.fixable {
                "add the options its `help:` line offers to the invocation, then run `status-table sync` again"
            } else {
                "no option makes the engine accept it: have the page fixed upstream, or take its type out of the invocation's file"
            };
            modules.entry(&kept.module).or_default().push(format!(
                "`{}` ({}) is kept as it was: its page upstream is refused; {help}\n{}",
                kept.name,
                kept.site,
                kept.problems.join("\n")
            ));
        }
        let reported = |module: &str, name: &str| {
            self.events
                .iter()
                .any(|e| e.module == module && e.name == name && matches!(e.why, Why::Lags(_)))
        };
        for (module, name, lag) in self.lags.iter().filter(|(m, n, _)| !reported(m, n)) {
            modules
                .entry(module)
                .or_default()
                .push(format!("`{name}`: {lag}"));
        }
        for (module, copy, error) in &self.not_typed {
            modules
                .entry(module)
                .or_default()
                .push(format!("not typed: {copy}: {error}"));
        }
        for (module, line) in &self.pages {
            modules.entry(module).or_default().push(line.clone());
        }
        let mut text = String::new();
        for (module, lines) in &modules {
            let _ = writeln!(text, "{module}:");
            for line in lines {
                let _ = writeln!(text, "  {}", line.replace('\n', "\n  "));
            }
        }
        if with_diff {
            for (path, old, new) in &self.files {
                let unified = similar::TextDiff::from_lines(old.as_str(), new.as_str());
                let _ = write!(
                    text,
                    "{}",
                    unified
                        .unified_diff()
                        .context_radius(3)
                        .header(&format!("{path} (now)"), &format!("{path} (after sync)"))
                );
            }
        }
        text
    }
}
