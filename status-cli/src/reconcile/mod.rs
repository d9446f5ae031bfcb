//! How `sync` brings a crate's invocations in step with its pages read again,
//! in the staging area: the invocation of a page gone goes; a pair whose
//! languages lag gets `fallback` (and loses it when they agree); a pair whose
//! pages truly disagree is split, and paired again when they agree; a type
//! whose page upstream is refused is kept as it was (its copies put back);
//! new pages get an invocation. Every invocation is edited at the byte ranges
//! the tokenizer gave it, and only there. Each decision is recorded with its
//! cause for the report.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use status_codegen::Options;
use status_codegen::{Expansion, Kind, load};

use crate::crate_files::{self, Invocation};
use crate::invocations::{InvocationSite, find_invocations};
use crate::pages::{Reading, join};
use crate::pairing::{self, Pairing};
use crate::report::{Action, Event, Kept, Why};
use crate::sources::Sources;
use crate::staging::Staging;
use crate::type_names;

mod edits;

/// What reconciling decided, beside the edits it made.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(crate) events: Vec<Event>,
    pub(crate) kept: Vec<Kept>,
    /// Copies put back to their old bytes (their type is kept).
    pub(crate) kept_copies: Vec<String>,
    /// Translations that lag: (module, type, lag).
    pub(crate) lags: Vec<(String, String, pairing::Lag)>,
    /// Translations kept apart: (copy, twin's copy, why).
    pub(crate) splits: Vec<(String, String, String)>,
}

/// One edit of a file: `range` becomes `text`.
struct Edit {
    file: String,
    range: Range<usize>,
    text: String,
}

/// Where a page stands upstream.
enum Upstream {
    Here(usize),
    Gone,
    NoCodeTable,
    Small(String),
}

/// The state of one reconciliation.
pub(crate) struct Reconcile<'a> {
    dir: &'a Path,
    staging: &'a Staging,
    reading: &'a Reading,
    pairing: &'a Pairing,
    old: &'a Sources,
    sites: Vec<InvocationSite>,
    texts: BTreeMap<String, String>,
    edits: Vec<Edit>,
    /// Sites removed, or edited already.
    removed: BTreeSet<usize>,
    handled: BTreeSet<usize>,
    /// Names given in this run: (file, name).
    named: Vec<(String, String)>,
    out: Outcome,
}

impl<'a> Reconcile<'a> {
    /// Reconciles the crate at `dir` whose copy is in `staging`, with its
    /// pages (already copied there) as `reading` and `pairing` found them.
    pub(crate) fn new(
        dir: &'a Path,
        staging: &'a Staging,
        reading: &'a Reading,
        pairing: &'a Pairing,
        old: &'a Sources,
    ) -> Result<Self, String> {
        Ok(Self {
            dir,
            staging,
            reading,
            pairing,
            old,
            sites: find_invocations(&staging.path())?,
            texts: BTreeMap::new(),
            edits: Vec::new(),
            removed: BTreeSet::new(),
            handled: BTreeSet::new(),
            named: Vec::new(),
            out: Outcome::default(),
        })
    }

    /// Decides, edits the files in the staging area, and says what it did.
    pub(crate) fn run(mut self) -> Result<Outcome, String> {
        for i in 0..self.sites.len() {
            self.existing(i)?;
        }
        self.pair_again();
        self.add_new();
        self.apply()?;
        Ok(self.out)
    }

    /// An invocation of a page `init` or `sync` wrote.
    fn existing(&mut self, i: usize) -> Result<(), String> {
        let site = self.sites[i].clone();
        let Some(copy) = site.invocation.path().map(str::to_owned) else {
            return Ok(());
        };
        if !self.old.pages.iter().any(|p| p.copy == copy) {
            return Ok(());
        }
        let page = match self.upstream(&copy) {
            Upstream::Here(page) => page,
            gone => {
                let why = match gone {
                    Upstream::Gone | Upstream::Here(_) => Why::PageGone(copy),
                    Upstream::NoCodeTable => Why::NoCodeTable(copy),
                    Upstream::Small(why) => Why::SmallTable(copy, why),
                };
                self.remove(i);
                self.event(&site, None, Action::Removed, why);
                return Ok(());
            }
        };
        let options = site.invocation.options().clone();
        let twin = options.translations().first().map(|t| t.path().to_owned());
        let twin_page = match twin.as_deref().map(|t| (t, self.upstream(t))) {
            None => None,
            Some((_, Upstream::Here(twin))) => Some(twin),
            Some((twin, _)) => {
                self.remove_arguments(i, &["lang", "translation", "fallback"]);
                self.event(
                    &site,
                    None,
                    Action::Changed,
                    Why::TranslationGone(twin.to_owned()),
                );
                return Ok(());
            }
        };
        let changed = self.changed(&copy) || twin.as_deref().is_some_and(|t| self.changed(t));
        let watched = twin_page.is_some() && options.fallback();
        if !(changed || watched) {
            return Ok(());
        }
        let expansion = self.expand(&site, &options);
        let kind = expansion.model().kind();
        match twin_page {
            Some(twin) if expansion.is_ok() && options.fallback() => {
                self.maybe_caught_up(i, page, twin, &options);
                Ok(())
            }
            _ if expansion.is_ok() => Ok(()),
            Some(twin) => self.disagreement(i, page, twin, kind, &expansion),
            None => self.keep(i, &expansion, &[copy]),
        }
    }

    /// A pair that reads cleanly with `fallback`: without it too, now?
    fn maybe_caught_up(&mut self, i: usize, page: usize, twin: usize, options: &Options) {
        let site = self.sites[i].clone();
        let without = options.clone().with_fallback(false);
        if self.expand(&site, &without).is_ok() {
            self.remove_arguments(i, &["fallback"]);
            let copy = self.reading.pages[twin].copy.clone();
            self.event(&site, None, Action::Changed, Why::CaughtUp(copy));
        } else {
            self.lag(&site, None, page, twin);
        }
    }

    /// A pair that does not read cleanly: a lag (`fallback`), a true
    /// disagreement (split), or a page refused (kept as it was).
    fn disagreement(
        &mut self,
        i: usize,
        page: usize,
        twin: usize,
        kind: Kind,
        expansion: &Expansion,
    ) -> Result<(), String> {
        let site = self.sites[i].clone();
        let options = site.invocation.options();
        let with_fallback = options.clone().with_fallback(true);
        let both = self.expand(&site, &with_fallback);
        if both.is_ok() {
            self.add_argument(i, "fallback");
            let lag = self.lag_of(&site, page, twin);
            self.event(&site, None, Action::Changed, Why::Lags(lag.clone()));
            self.out.lags.push((module_of(&site), name_of(&site), lag));
            return Ok(());
        }
        let alone = options.clone().without_translations();
        let twin_alone = self.reading.typed_as(twin, kind).cloned();
        if let Some(typed) = twin_alone.filter(|_| self.expand(&site, &alone).is_ok()) {
            let why = first_problem(&both);
            self.split(i, page, twin, &typed, why);
            return Ok(());
        }
        let copies = [page, twin].map(|p| self.reading.pages[p].copy.clone());
        self.keep(i, expansion, &copies)
    }

    /// Splits a pair whose pages truly disagree: the invocation keeps its
    /// primary page; the twin gets its own.
    fn split(
        &mut self,
        i: usize,
        page: usize,
        twin: usize,
        typed: &crate::pages::Typed,
        why: String,
    ) {
        let site = self.sites[i].clone();
        self.remove_arguments(i, &["lang", "translation", "fallback"]);
        let name = name_of(&site);
        let twin_page = &self.reading.pages[twin];
        let twin_name = self.free_name(
            &site.source,
            &type_names::with_language(&name, twin_page.lang),
        );
        let statement = Invocation {
            copy: &twin_page.copy,
            title: twin_page.title.as_deref().unwrap_or(&twin_page.source),
            source: &twin_page.source,
            twin: None,
            name: &twin_name,
            options: &typed.options,
            defaults: self
                .old
                .defaults
                .map(|d| d.options(&typed.names))
                .unwrap_or_default(),
        }
        .render();
        self.append(&site.source, &statement);
        let module = module_of(&site);
        let why_split = Why::Split {
            twin: twin_name.clone(),
            why: why.clone(),
        };
        self.event(&site, None, Action::Changed, why_split);
        self.out.events.push(Event {
            module,
            name: twin_name,
            action: Action::Added(typed.codes.len()),
            why: Why::SplitFrom {
                from: name,
                why: why.clone(),
            },
        });
        let copies = [page, twin].map(|p| self.reading.pages[p].copy.clone());
        let [a, b] = copies;
        self.out.splits.push((a, b, why));
    }

    /// Keeps a type whose page upstream is refused as it was: its copies get
    /// their old bytes back; the problems are reported in the upstream pages.
    fn keep(&mut self, i: usize, expansion: &Expansion, copies: &[String]) -> Result<(), String> {
        let site = self.sites[i].clone();
        if !copies.iter().any(|c| self.changed(c)) {
            // Not upstream's doing: the final check reports it.
            return Ok(());
        }
        for copy in copies {
            match std::fs::read(self.dir.join(copy)) {
                Ok(bytes) => self.staging.write(copy, &bytes)?,
                Err(_) => self.staging.remove(copy)?,
            }
            self.out.kept_copies.push(copy.clone());
        }
        let mut problems: Vec<String> = expansion
            .diagnostics()
            .iter()
            .map(|d| {
                let d = d.clone().map_paths(|path| self.upstream_path(path));
                format!("error: {d}")
            })
            .collect();
        problems.extend(
            expansion
                .invocation_errors()
                .iter()
                .map(|e| format!("error: {}: {}", site.locate(e.span()), e.message())),
        );
        let options = &site.invocation.options();
        if let (true, Some(twin)) = (options.fallback(), options.translations().first()) {
            let pages = (
                self.reading.page_of_copy(&copies[0]),
                self.reading.page_of_copy(twin.path()),
            );
            if let (Some(page), Some(twin)) = pages {
                self.lag(&site, None, page, twin);
            }
        }
        let line = self.text(&site.source)[..site.statement.start]
            .matches('\n')
            .count()
            + 1;
        self.handled.insert(i);
        self.out.kept.push(Kept {
            module: module_of(&site),
            name: name_of(&site),
            site: format!("{}:{line}", site.source),
            problems,
            fixable: expansion.diagnostics().iter().any(|d| d.fix().is_some()),
        });
        Ok(())
    }

    /// Pairs that agree again, and pages gaining a twin: the primary's
    /// invocation takes the translation; the twin's own invocation goes.
    fn pair_again(&mut self) {
        for ty in &self.pairing.types {
            let Some(twin) = ty.translation else { continue };
            let (copy, twin_copy) = (
                &self.reading.pages[ty.page].copy,
                &self.reading.pages[twin].copy,
            );
            let Some(primary) = self.standalone(copy, ty.kind) else {
                continue;
            };
            let own = self.standalone(twin_copy, ty.kind);
            let twin_is_new = !self.old.pages.iter().any(|p| &p.copy == twin_copy);
            if own.is_none() && !twin_is_new {
                continue;
            }
            let site = self.sites[primary].clone();
            if site.invocation.options().lang().is_some() {
                continue;
            }
            let page = &self.reading.pages[ty.page];
            let twin_page = &self.reading.pages[twin];
            let mut extra = pairing::translation_options(page.lang, twin_page.lang, twin_copy);
            if ty.lag.is_some() {
                extra = join(&[&extra, "fallback"]);
            }
            if !self.reads_with(&site, &extra) {
                continue;
            }
            self.add_argument(primary, &extra);
            let name = name_of(&site);
            if let Some(own) = own {
                let gone = self.sites[own].clone();
                self.remove(own);
                self.event(
                    &gone,
                    None,
                    Action::Removed,
                    Why::PairedAgain {
                        with: name.clone(),
                        copy: twin_copy.clone(),
                    },
                );
            }
            let gains = Why::GainsTranslation {
                lang: twin_page.lang.to_owned(),
                copy: twin_copy.clone(),
            };
            self.event(&site, None, Action::Changed, gains);
            if let Some(lag) = &ty.lag {
                self.out.lags.push((module_of(&site), name, lag.clone()));
            }
        }
    }

    /// Types for pages (and kinds) not written before.
    fn add_new(&mut self) {
        for ty in &self.pairing.types {
            let copy = &self.reading.pages[ty.page].copy;
            let old = self.old.pages.iter().find(|p| &p.copy == copy);
            let written_before = old.is_some_and(|p| p.types.iter().any(|k| k == ty.kind.as_str()));
            let pages: Vec<&str> = std::iter::once(ty.page)
                .chain(ty.translation)
                .map(|p| self.reading.pages[p].copy.as_str())
                .collect();
            if written_before || pages.iter().any(|c| self.invoked(c, ty.kind)) {
                continue;
            }
            let file = format!("src/{}.rs", ty.module);
            let name = self.free_name(&file, &ty.name);
            let mut named = ty.clone();
            named.name.clone_from(&name);
            let defaults = self.old.defaults.as_ref();
            let statement = crate_files::invocation(self.reading, &named, defaults).render();
            self.append(&file, &statement);
            let why = if old.is_some() {
                Why::NowTyped(copy.clone())
            } else {
                Why::NewPage(copy.clone())
            };
            self.out.events.push(Event {
                module: ty.module.clone(),
                name: name.clone(),
                action: Action::Added(ty.codes.len()),
                why,
            });
            if let Some(lag) = &ty.lag {
                self.out.lags.push((ty.module.clone(), name, lag.clone()));
            }
        }
    }

    /// Whether an invocation not removed reads `copy` (as its page or its
    /// translation) as `kind`.
    fn invoked(&self, copy: &str, kind: Kind) -> bool {
        self.sites.iter().enumerate().any(|(i, site)| {
            let options = &site.invocation.options();
            !self.removed.contains(&i)
                && (site.invocation.path() == Some(copy)
                    || options.translations().iter().any(|t| t.path() == copy))
                && self.site_kind(site) == Some(kind)
        })
    }

    /// The invocation of `copy` as `kind` with no translation, not decided yet.
    fn standalone(&self, copy: &str, kind: Kind) -> Option<usize> {
        self.sites.iter().enumerate().position(|(i, site)| {
            !self.removed.contains(&i)
                && !self.handled.contains(&i)
                && site.invocation.path() == Some(copy)
                && site.invocation.options().translations().is_empty()
                && self.site_kind(site) == Some(kind)
        })
    }

    /// An invocation's kind: its `kind` option, else its page's only kind.
    fn site_kind(&self, site: &InvocationSite) -> Option<Kind> {
        if let Some(kind) = site.invocation.options().kind() {
            return Some(kind);
        }
        let page = self.reading.page_of_copy(site.invocation.path()?)?;
        let kinds: BTreeSet<&str> = self
            .reading
            .typed
            .iter()
            .filter(|(p, _, _)| *p == page)
            .map(|(_, k, _)| k.as_str())
            .chain(
                self.reading
                    .untyped
                    .iter()
                    .filter(|u| u.page == page)
                    .map(|u| u.kind.as_str()),
            )
            .collect();
        match kinds.into_iter().collect::<Vec<_>>()[..] {
            [only] => Some(if only == Kind::Status.as_str() {
                Kind::Status
            } else {
                Kind::Error
            }),
            _ => None,
        }
    }

    /// Whether the invocation, with `extra` options after its own, reads cleanly.
    fn reads_with(&mut self, site: &InvocationSite, extra: &str) -> bool {
        let (Some(first), Some(last)) = (site.arguments.first(), site.arguments.last()) else {
            return false;
        };
        let text = self.text(&site.source);
        let arguments = format!("{}, {extra}", &text[first.range.start..last.range.end]);
        let Ok(tokens) = arguments.parse() else {
            return false;
        };
        let parsed = status_codegen::invocation::parse(tokens);
        parsed.errors().is_empty() && self.expand(site, parsed.options()).is_ok()
    }

    fn expand(&self, site: &InvocationSite, options: &Options) -> Expansion {
        let path = site.invocation.path().unwrap_or_default();
        load::load(path, options, &self.staging.path().join(&site.package_dir)).into_expansion()
    }

    fn upstream(&self, copy: &str) -> Upstream {
        if let Some(page) = self.reading.page_of_copy(copy) {
            return Upstream::Here(page);
        }
        let Some(old) = self.old.pages.iter().find(|p| p.copy == copy) else {
            return Upstream::Gone;
        };
        let root = self.old.roots.iter().position(|r| r.path == old.root);
        match self
            .reading
            .skipped
            .iter()
            .find(|s| Some(s.root) == root && s.source == old.path)
        {
            Some(skipped) if skipped.has_code_table => Upstream::Small(skipped.why.clone()),
            Some(_) => Upstream::NoCodeTable,
            None => Upstream::Gone,
        }
    }

    /// Whether the page of `copy` differs upstream from its copy.
    fn changed(&self, copy: &str) -> bool {
        let old = self.old.pages.iter().find(|p| p.copy == copy);
        match (self.reading.page_of_copy(copy), old) {
            (Some(page), Some(old)) => {
                old.sha256
                    != status_codegen::__private::committed::sha256_hex(
                        &self.reading.pages[page].bytes,
                    )
            }
            _ => true,
        }
    }

    /// The upstream page of a copy, as a path on this machine.
    fn upstream_path(&self, copy: &str) -> String {
        self.reading.page_of_copy(copy).map_or_else(
            || copy.to_owned(),
            |page| {
                let page = &self.reading.pages[page];
                self.reading.roots[page.root]
                    .path
                    .join(&page.source)
                    .display()
                    .to_string()
            },
        )
    }

    /// Records the lag of a pair.
    fn lag(&mut self, site: &InvocationSite, name: Option<String>, page: usize, twin: usize) {
        let lag = self.lag_of(site, page, twin);
        let name = name.unwrap_or_else(|| name_of(site));
        self.out.lags.push((module_of(site), name, lag));
    }

    /// How the pair of `site` lags, from the copies in the staging area
    /// (the old ones of a type kept), each read alone with its options.
    fn lag_of(&self, site: &InvocationSite, page: usize, twin: usize) -> pairing::Lag {
        let alone = site.invocation.options().clone().without_translations();
        let (x, y) = (&self.reading.pages[page], &self.reading.pages[twin]);
        let codes = |copy: &str| -> BTreeSet<String> {
            let expansion = load::load(copy, &alone, &self.staging.path().join(&site.package_dir));
            expansion.expansion().model().codes().into_iter().collect()
        };
        let (ours, theirs) = (codes(&x.copy), codes(&y.copy));
        pairing::Lag {
            primary: (x.lang, x.copy.clone()),
            twin: (y.lang, y.copy.clone()),
            missing_in_twin: ours.difference(&theirs).cloned().collect(),
            missing_in_primary: theirs.difference(&ours).cloned().collect(),
        }
    }

    fn event(&mut self, site: &InvocationSite, name: Option<String>, action: Action, why: Why) {
        self.out.events.push(Event {
            module: module_of(site),
            name: name.unwrap_or_else(|| name_of(site)),
            action,
            why,
        });
    }
}

fn name_of(site: &InvocationSite) -> String {
    site.invocation
        .options()
        .name()
        .unwrap_or("its type")
        .to_owned()
}

/// The module of an invocation's file, as its folder is named.
fn module_of(site: &InvocationSite) -> String {
    crate_files::module_of_source(&site.source)
        .trim_start_matches("r#")
        .to_owned()
}

/// The first problem of an expansion, its first line.
fn first_problem(expansion: &Expansion) -> String {
    expansion
        .diagnostics()
        .first()
        .map(ToString::to_string)
        .or_else(|| {
            expansion
                .invocation_errors()
                .first()
                .map(|e| e.message().to_owned())
        })
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}
