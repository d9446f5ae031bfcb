//! Pairing and naming, for `init` and `sync`: which pages are one page in two
//! languages (the same first-heading anchor, or else the same codes), whether
//! the engine reads them as one type (with `fallback` when one language lags
//! behind the other), why a pair is split when it is not, and the names of
//! the types. Nothing here writes a file; the pages are read from the copies
//! already in the crate's staging area.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use status_codegen::Kind;

use crate::pages::{self, Reading, join};
use crate::type_names;

/// A type the crate will have.
#[derive(Debug, Clone)]
pub(crate) struct Type {
    /// The module.
    pub(crate) module: String,
    /// The type's name.
    pub(crate) name: String,
    /// Its kind.
    pub(crate) kind: Kind,
    /// The primary page (index in [`Reading::pages`]).
    pub(crate) page: usize,
    /// The page in the other language, when the two are one type.
    pub(crate) translation: Option<usize>,
    /// The options after the path and the name (`kind`, the engine's fixes,
    /// `lang`, `translation`, `fallback`), as written in the invocation.
    pub(crate) options: String,
    /// The distinct codes of the primary page, as written.
    pub(crate) codes: Vec<String>,
    /// The variant names of its pages (a catch-all must not take one).
    pub(crate) names: Vec<String>,
    /// How one language lags behind the other, when it does.
    pub(crate) lag: Option<Lag>,
}

/// A translation that lags: the codes one language lists and the other does
/// not yet. The type has them all (`fallback`), with the other language's
/// texts standing in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lag {
    /// The primary page's language and copy.
    pub(crate) primary: (&'static str, String),
    /// The translation's language and copy.
    pub(crate) twin: (&'static str, String),
    /// Codes only the primary lists.
    pub(crate) missing_in_twin: Vec<String>,
    /// Codes only the translation lists.
    pub(crate) missing_in_primary: Vec<String>,
}

impl fmt::Display for Lag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        for (codes, (lang, copy), (other, _)) in [
            (&self.missing_in_twin, &self.twin, &self.primary),
            (&self.missing_in_primary, &self.primary, &self.twin),
        ] {
            if !codes.is_empty() {
                parts.push(format!(
                    "{} {} not yet in the {} page ({copy}): the {} texts stand in",
                    codes.join(", "),
                    if codes.len() == 1 { "is" } else { "are" },
                    language(lang),
                    language(other)
                ));
            }
        }
        if parts.is_empty() {
            let (lang, copy) = &self.twin;
            parts.push(format!(
                "some texts are empty in the {} page ({copy}): the {} ones stand in",
                language(lang),
                language(self.primary.0)
            ));
        }
        write!(f, "{}", parts.join("; "))
    }
}

/// A language's name in English, for reports.
pub(crate) fn language(tag: &str) -> &str {
    match tag {
        "zh" => "Chinese",
        "en" => "English",
        other => other,
    }
}

/// Two pages of one page in two languages kept as two types.
#[derive(Debug, Clone)]
pub(crate) struct Split {
    /// The primary page and its twin.
    pub(crate) pages: (usize, usize),
    /// Why they are not one type: where they truly disagree.
    pub(crate) why: String,
}

/// The types of a crate, and the pairs kept apart.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pairing {
    /// The types, by module, in page order.
    pub(crate) types: Vec<Type>,
    /// Translations kept apart.
    pub(crate) splits: Vec<Split>,
}

impl Pairing {
    /// The modules of the types, sorted.
    pub(crate) fn modules(&self) -> Vec<String> {
        let mut modules: Vec<String> = self.types.iter().map(|t| t.module.clone()).collect();
        modules.sort();
        modules.dedup();
        modules
    }
}

/// Pages of one anchor (or, without one, of the same codes) in two
/// languages of one module become one type when the engine reads them
/// together (with `fallback` when one lags); the rest stay one type per page.
/// Then names, per module and kind. `base` is the folder holding the copies.
pub(crate) fn pair_and_name(reading: &Reading, base: &Path) -> Pairing {
    let partner = partners(reading);
    let mut pairing = Pairing::default();
    let mut joined: BTreeSet<usize> = BTreeSet::new();
    for (a, (page, kind, typed)) in reading.typed.iter().enumerate() {
        if joined.contains(&a) {
            continue;
        }
        let mut ty = Type {
            module: reading.module_of(*page).to_owned(),
            name: String::new(),
            kind: *kind,
            page: *page,
            translation: None,
            options: typed.options.clone(),
            codes: typed.codes.clone(),
            names: typed.names.clone(),
            lag: None,
        };
        if let Some(&b) = partner.get(&a) {
            let twin = reading.typed[b].0;
            match together(reading, base, *page, twin, &typed.options) {
                Ok((options, fallback)) => {
                    ty.translation = Some(twin);
                    ty.options = options;
                    ty.lag = fallback.then(|| lag(reading, *page, twin, *kind));
                    ty.names.extend(reading.typed[b].2.names.iter().cloned());
                    joined.insert(b);
                }
                Err(why) => pairing.splits.push(Split {
                    pages: (*page, twin),
                    why,
                }),
            }
        }
        pairing.types.push(ty);
    }
    let apart: BTreeMap<usize, usize> = pairing
        .splits
        .iter()
        .map(|s| (s.pages.1, s.pages.0))
        .collect();
    type_names::name_types(&mut pairing.types, reading, &apart);
    pairing
}

/// For each page read alone as a kind (index in [`Reading::typed`]), its
/// twin in the other language, if any: by anchor first, then by the same
/// codes.
pub(crate) fn partners(reading: &Reading) -> BTreeMap<usize, usize> {
    let typed = &reading.typed;
    let mut partner: BTreeMap<usize, usize> = BTreeMap::new();
    let mut taken: BTreeSet<usize> = BTreeSet::new();
    for by_anchor in [true, false] {
        for (a, (pa, ka, ta)) in typed.iter().enumerate() {
            if taken.contains(&a) {
                continue;
            }
            let twin = typed.iter().enumerate().find(|(b, (pb, kb, tb))| {
                let (x, y) = (&reading.pages[*pa], &reading.pages[*pb]);
                *b > a
                    && !taken.contains(b)
                    && ka == kb
                    && x.lang != y.lang
                    && reading.module_of(*pa) == reading.module_of(*pb)
                    && if by_anchor {
                        x.anchor.is_some() && x.anchor == y.anchor
                    } else {
                        !ta.codes.is_empty() && ta.codes == tb.codes
                    }
            });
            if let Some((b, _)) = twin {
                taken.extend([a, b]);
                partner.insert(a, b);
            }
        }
    }
    partner
}

/// The options that read `page` with `twin` as its translation, and whether
/// they need `fallback`; or where the two truly disagree.
pub(crate) fn together(
    reading: &Reading,
    base: &Path,
    page: usize,
    twin: usize,
    options: &str,
) -> Result<(String, bool), String> {
    let (x, y) = (&reading.pages[page], &reading.pages[twin]);
    let options = join(&[options, &translation_options(x.lang, y.lang, &y.copy)]);
    if let Ok(options) = pages::read_with_fixes(base, &x.copy, &options) {
        return Ok((options, false));
    }
    pages::read_with_fixes(base, &x.copy, &join(&[&options, "fallback"]))
        .map(|options| (options, true))
}

/// `lang = "zh", translation(en = "…")`.
pub(crate) fn translation_options(lang: &str, twin_lang: &str, twin_copy: &str) -> String {
    format!("lang = \"{lang}\", translation({twin_lang} = {twin_copy:?})")
}

/// How `twin` lags behind `page` (or runs ahead of it) as `kind`, from the
/// codes each lists read alone.
pub(crate) fn lag(reading: &Reading, page: usize, twin: usize, kind: Kind) -> Lag {
    let codes = |p: usize| -> BTreeSet<&str> {
        reading
            .typed_as(p, kind)
            .map(|t| t.codes.iter().map(String::as_str).collect())
            .unwrap_or_default()
    };
    let (ours, theirs) = (codes(page), codes(twin));
    let (x, y) = (&reading.pages[page], &reading.pages[twin]);
    Lag {
        primary: (x.lang, x.copy.clone()),
        twin: (y.lang, y.copy.clone()),
        missing_in_twin: ours.difference(&theirs).map(|c| (*c).to_owned()).collect(),
        missing_in_primary: theirs.difference(&ours).map(|c| (*c).to_owned()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lag_says_which_codes_each_language_lacks() {
        let lag = Lag {
            primary: ("zh", "tables/evs/状态码.md".to_owned()),
            twin: ("en", "tables/evs/status.md".to_owned()),
            missing_in_twin: vec!["418".to_owned()],
            missing_in_primary: vec!["425".to_owned(), "451".to_owned()],
        };
        assert_eq!(
            lag.to_string(),
            "418 is not yet in the English page (tables/evs/status.md): the Chinese texts stand in; \
             425, 451 are not yet in the Chinese page (tables/evs/状态码.md): the English texts stand in"
        );
    }
}
