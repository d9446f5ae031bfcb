//! What `init` and `sync` make of documentation trees: which pages hold code
//! tables (by what the engine reads in them, not by their names), the options
//! that type each one (the fixes the engine offers, applied as a user would),
//! which pages are translations of each other, and the names of the types.
//! Nothing here writes a file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use status_codegen::Kind;
use status_codegen::load;

/// A documentation tree given to `init`.
#[derive(Debug, Clone)]
pub(crate) struct Root {
    /// The directory.
    pub(crate) path: PathBuf,
    /// The module its pages go to: its directory's name.
    pub(crate) module: String,
}

/// A page of a root that holds a code table.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// Which root (index in the roots given).
    pub(crate) root: usize,
    /// Its path in the root, `/`-separated.
    pub(crate) source: String,
    /// Where the crate keeps its copy: `tables/<module>/<source>`.
    pub(crate) copy: String,
    /// Its bytes.
    pub(crate) bytes: Vec<u8>,
    /// `zh` when the page is written in Chinese, else `en`.
    pub(crate) lang: &'static str,
    /// The anchor of its first heading (`evs_04_0039`), the same in every
    /// language of the page.
    pub(crate) anchor: Option<String>,
    /// Its first heading.
    pub(crate) title: Option<String>,
}

/// A type the crate will have.
#[derive(Debug, Clone)]
pub(crate) struct Type {
    /// The module.
    pub(crate) module: String,
    /// The type's name.
    pub(crate) name: String,
    /// Its kind.
    pub(crate) kind: Kind,
    /// The primary page (index in [`Plan::pages`]).
    pub(crate) page: usize,
    /// The page in the other language, when the two are one type.
    pub(crate) translation: Option<usize>,
    /// The options after the path and the name (`kind`, the engine's fixes,
    /// `lang` and `translation`), as written in the invocation.
    pub(crate) options: String,
    /// The distinct codes, as written.
    pub(crate) codes: Vec<String>,
}

/// A page with a code table the engine cannot type, even with its fixes.
#[derive(Debug, Clone)]
pub(crate) struct Untyped {
    /// The page (index in [`Plan::pages`]).
    pub(crate) page: usize,
    /// The first error, as the engine words it.
    pub(crate) error: String,
}

/// Two pages of one anchor in two languages kept as two types.
#[derive(Debug, Clone)]
pub(crate) struct Twins {
    /// The two pages.
    pub(crate) pages: (usize, usize),
    /// Why they are not one type.
    pub(crate) why: String,
}

/// A page left out, and why (no code table, or code tables that are a small
/// part of a page about something else).
#[derive(Debug, Clone)]
pub(crate) struct Skipped {
    /// The root.
    pub(crate) root: usize,
    /// Its path in the root.
    pub(crate) source: String,
    /// Why.
    pub(crate) why: String,
    /// Whether the page has a code table at all.
    pub(crate) has_code_table: bool,
}

/// Everything `init` or `sync` will write.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    /// The roots.
    pub(crate) roots: Vec<Root>,
    /// Pages with a code table, each copied into the crate.
    pub(crate) pages: Vec<Page>,
    /// The types, by module, in page order.
    pub(crate) types: Vec<Type>,
    /// Pages the engine could not type.
    pub(crate) untyped: Vec<Untyped>,
    /// Translations kept apart.
    pub(crate) twins: Vec<Twins>,
    /// Pages left out.
    pub(crate) skipped: Vec<Skipped>,
    /// Every `.md`/`.html` file read.
    pub(crate) read: usize,
    /// Each page's type of each kind, before pairing.
    candidates: Vec<(usize, Kind, Typed)>,
}

/// How many rounds of the engine's fixes are applied (a fix can reveal the
/// next problem).
const FIX_ROUNDS: usize = 3;

/// The module name of a root: its directory's name as a Rust module name.
pub(crate) fn module_name(dir: &Path) -> String {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let snake = heck::AsSnakeCase(&name).to_string();
    let snake: String = snake
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let snake = snake.trim_matches('_').to_owned();
    // `src/lib.rs`, `src/main.rs` and `build.rs` are cargo's; `crate`, `self`
    // and `super` cannot be raw identifiers.
    if ["lib", "main", "build", "crate", "self", "super"].contains(&snake.as_str()) {
        format!("{snake}_")
    } else if snake.is_empty() {
        "docs".to_owned()
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("m{snake}")
    } else {
        snake
    }
}

/// The module as written in Rust (`as` is a keyword: `r#as`).
pub(crate) fn module_ident(module: &str) -> String {
    if syn::parse_str::<syn::Ident>(module).is_ok() {
        module.to_owned()
    } else {
        format!("r#{module}")
    }
}

/// One page as the engine reads it.
enum Reading {
    /// Not a page of codes.
    Skip { why: String, has_code_table: bool },
    /// A type per kind (or the error that stops it).
    Kinds(Vec<(Kind, Result<Typed, String>)>),
}

#[derive(Debug, Clone)]
struct Typed {
    options: String,
    codes: Vec<String>,
}

/// Reads every page of `roots`: which hold codes, and how each is typed
/// alone. `progress` gets a line per root as it is done. Then copy the pages
/// and call [`Plan::pair_and_name`].
pub(crate) fn plan(roots: Vec<Root>, progress: &mut dyn FnMut(&str)) -> Result<Plan, String> {
    let mut plan = Plan {
        roots,
        ..Plan::default()
    };
    // Each page with code tables, and its types read alone.
    let mut readings: Vec<(Page, Vec<(Kind, Typed)>)> = Vec::new();
    for (r, root) in plan.roots.iter().enumerate() {
        let started = std::time::Instant::now();
        let files = files_of(&root.path)?;
        let count = files.len();
        plan.read += count;
        let results = read_all(&root.path, &files);
        let mut typed = 0;
        let mut kept = 0;
        for (source, (bytes, reading)) in files.into_iter().zip(results) {
            match reading {
                Reading::Skip {
                    why,
                    has_code_table,
                } => plan.skipped.push(Skipped {
                    root: r,
                    source,
                    why,
                    has_code_table,
                }),
                Reading::Kinds(kinds) => {
                    kept += 1;
                    let mut page = page_of(r, root, source, bytes);
                    // Two roots of one module with a page at the same path.
                    if readings.iter().any(|(p, _)| p.copy == page.copy) {
                        let nth = plan.roots[..r]
                            .iter()
                            .filter(|x| x.module == root.module)
                            .count()
                            + 1;
                        page.copy = format!("tables/{}/{nth}/{}", root.module, page.source);
                    }
                    let index = readings.len();
                    let mut ok = Vec::new();
                    for (kind, result) in kinds {
                        match result {
                            Ok(t) => {
                                typed += 1;
                                ok.push((kind, t));
                            }
                            Err(error) => plan.untyped.push(Untyped { page: index, error }),
                        }
                    }
                    readings.push((page, ok));
                }
            }
        }
        progress(&format!(
            "{}: {count} page(s) read, {kept} with code tables, {typed} typed alone ({:.1} s)",
            root.module,
            started.elapsed().as_secs_f64()
        ));
    }
    plan.pages = readings.iter().map(|(p, _)| p.clone()).collect();
    let mut candidates: Vec<(usize, Kind, Typed)> = readings
        .into_iter()
        .enumerate()
        .flat_map(|(i, (_, kinds))| kinds.into_iter().map(move |(k, t)| (i, k, t)))
        .collect();
    candidates.sort_by_key(|(page, kind, _)| (*page, kind_order(*kind)));
    plan.candidates = candidates;
    Ok(plan)
}

fn kind_order(kind: Kind) -> u8 {
    match kind {
        Kind::Status => 0,
        Kind::Error => 1,
    }
}

impl Plan {
    /// Pages of one anchor (or, without one, of the same codes) in two
    /// languages become one type when the engine reads them together; the
    /// rest stay one type per page. Then names, per module and kind.
    /// Run once the copies are in `base` (the crate's folder), where the
    /// pages are read together as the invocations will read them.
    pub(crate) fn pair_and_name(&mut self, base: &Path) {
        let candidates = std::mem::take(&mut self.candidates);
        let mut partner: BTreeMap<usize, usize> = BTreeMap::new();
        let mut taken: BTreeSet<usize> = BTreeSet::new();
        // By anchor first, then by the same codes.
        for by_anchor in [true, false] {
            for (a, (pa, ka, ta)) in candidates.iter().enumerate() {
                if taken.contains(&a) {
                    continue;
                }
                let twin = candidates.iter().enumerate().find(|(b, (pb, kb, tb))| {
                    let (x, y) = (&self.pages[*pa], &self.pages[*pb]);
                    *b > a
                        && !taken.contains(b)
                        && ka == kb
                        && x.lang != y.lang
                        && self.roots[x.root].module == self.roots[y.root].module
                        && if by_anchor {
                            x.anchor.is_some() && x.anchor == y.anchor
                        } else {
                            !ta.codes.is_empty() && ta.codes == tb.codes
                        }
                });
                if let Some((b, _)) = twin {
                    taken.insert(a);
                    taken.insert(b);
                    partner.insert(a, b);
                }
            }
        }
        let mut types: Vec<Type> = Vec::new();
        let mut joined: BTreeSet<usize> = BTreeSet::new();
        for (a, (page, kind, typed)) in candidates.iter().enumerate() {
            if joined.contains(&a) {
                continue;
            }
            let module = self.roots[self.pages[*page].root].module.clone();
            let mut ty = Type {
                module,
                name: String::new(),
                kind: *kind,
                page: *page,
                translation: None,
                options: typed.options.clone(),
                codes: typed.codes.clone(),
            };
            if let Some(&b) = partner.get(&a) {
                let twin = candidates[b].0;
                match self.together(base, *page, twin, &typed.options) {
                    Ok(options) => {
                        ty.translation = Some(twin);
                        ty.options = options;
                        joined.insert(b);
                    }
                    Err(why) => self.twins.push(Twins {
                        pages: (*page, twin),
                        why,
                    }),
                }
            }
            types.push(ty);
        }
        let apart: BTreeSet<usize> = self.twins.iter().map(|t| t.pages.1).collect();
        name_types(&mut types, &self.pages, &apart);
        self.types = types;
    }

    /// The options that read `page` with `twin` as its translation, or why
    /// they cannot be one type.
    fn together(
        &self,
        base: &Path,
        page: usize,
        twin: usize,
        options: &str,
    ) -> Result<String, String> {
        let (x, y) = (&self.pages[page], &self.pages[twin]);
        let mut options = join(&[
            options,
            &format!(
                "lang = \"{}\", translation({} = {:?})",
                x.lang, y.lang, y.copy
            ),
        ]);
        for round in 0..=FIX_ROUNDS {
            let outcome = load_page(base, &x.copy, &options)?;
            if outcome.errors.is_empty() {
                return Ok(options);
            }
            if round == FIX_ROUNDS || outcome.fixes.is_empty() {
                return Err(outcome.errors[0].clone());
            }
            options = join(&[&options, &outcome.fixes.join(", ")]);
        }
        Err("the engine's fixes did not converge".to_owned())
    }
}

/// Names: the first type of each kind in a module is `StatusCode` or
/// `ErrorCode`; a translation kept apart adds its language (`ErrorCodeEn`);
/// the others are named after their page's file name when it is written in
/// ASCII letters and does not read as the first one's name (`ReturnedValues`),
/// else numbered (`ErrorCode2`).
fn name_types(types: &mut [Type], pages: &[Page], apart: &BTreeSet<usize>) {
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for ty in types.iter_mut() {
        let taken = used.entry(ty.module.clone()).or_default();
        let base = match ty.kind {
            Kind::Status => "StatusCode",
            Kind::Error => "ErrorCode",
        };
        let stem = Path::new(&pages[ty.page].source)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let from_stem = heck::AsUpperCamelCase(&stem).to_string();
        let from_stem_ok = !from_stem.is_empty()
            && from_stem.chars().all(|c| c.is_ascii_alphanumeric())
            && from_stem.starts_with(|c: char| c.is_ascii_uppercase())
            && !from_stem.starts_with(base)
            && from_stem != "Self";
        let with_lang = format!("{base}{}", heck::AsUpperCamelCase(pages[ty.page].lang));
        let name = if !taken.contains(base) {
            base.to_owned()
        } else if apart.contains(&ty.page) && !taken.contains(&with_lang) {
            with_lang
        } else if from_stem_ok && !taken.contains(&from_stem) {
            from_stem
        } else {
            numbered(base, |n| taken.contains(n))
        };
        taken.insert(name.clone());
        ty.name = name;
    }
}

/// `{base}2`, `{base}3`, …: the first that is not taken.
pub(crate) fn numbered(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut n = 2usize;
    loop {
        let name = format!("{base}{n}");
        if !taken(&name) {
            return name;
        }
        n += 1;
    }
}

/// Options text joined with commas, empty parts left out.
pub(crate) fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `.md`/`.html` files under a root, sorted, `/`-separated; hidden
/// folders and `target` are not read.
fn files_of(root: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "target" {
                continue;
            }
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(path);
            } else if [".md", ".markdown", ".html", ".htm"]
                .iter()
                .any(|e| name.to_ascii_lowercase().ends_with(e))
            {
                found.push(crate::invocations::relative(&path, root));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Reads the files of a root on every core (the engine's values stay on the
/// thread that made them; only plain data comes back).
fn read_all(root: &Path, files: &[String]) -> Vec<(Vec<u8>, Reading)> {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len().max(1));
    let mut results: Vec<Option<(Vec<u8>, Reading)>> = (0..files.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(source) = files.get(i) else { break };
                        let bytes = std::fs::read(root.join(source)).unwrap_or_default();
                        let reading = read_page(root, source);
                        done.push((i, bytes, reading));
                    }
                    done
                })
            })
            .collect();
        for handle in handles {
            for (i, bytes, reading) in handle.join().unwrap_or_default() {
                results[i] = Some((bytes, reading));
            }
        }
    });
    results
        .into_iter()
        .map(|r| {
            r.unwrap_or_else(|| {
                (
                    Vec::new(),
                    Reading::Skip {
                        why: "not read".to_owned(),
                        has_code_table: false,
                    },
                )
            })
        })
        .collect()
}

/// What one read of a page found.
struct Outcome {
    /// The tables: their kind (when they hold codes) and row count.
    tables: Vec<(Option<Kind>, usize)>,
    /// Every error, the first line of each.
    errors: Vec<String>,
    /// The fixes the engine offers, distinct.
    fixes: Vec<String>,
    codes: Vec<String>,
    /// Why the first skipped row was skipped.
    skipped: Option<String>,
}

/// Reads `path` under `base` with `options`, as the macro would.
fn load_page(base: &Path, path: &str, options: &str) -> Result<Outcome, String> {
    let (written, invocation) = crate::invocation_of(Path::new(path), options)?;
    let loaded = load::load(&written, &invocation.options, base);
    let expansion = &loaded.expansion;
    let first_line = |text: String| text.lines().next().unwrap_or_default().to_owned();
    let mut errors: Vec<String> = invocation
        .errors
        .iter()
        .chain(&expansion.invocation_errors)
        .map(|e| format!("in the options `{options}`: {}", e.message))
        .collect();
    errors.extend(
        expansion
            .diagnostics
            .iter()
            .map(|d| first_line(d.to_string())),
    );
    let mut fixes: Vec<String> = Vec::new();
    for fix in expansion
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(ToString::to_string))
    {
        if !fixes.contains(&fix) {
            fixes.push(fix);
        }
    }
    let model = &expansion.model;
    let codes: BTreeSet<String> = model.variants.iter().map(|v| v.code.clone()).collect();
    Ok(Outcome {
        tables: model.tables.iter().map(|t| (t.kind, t.rows)).collect(),
        errors,
        fixes,
        codes: codes.into_iter().collect(),
        skipped: model
            .skipped_rows
            .first()
            .map(|r| format!("line {}: {}", r.line, r.reason)),
    })
}

/// Whether a page holds codes, and the type of each kind it holds.
fn read_page(root: &Path, source: &str) -> Reading {
    let bare = match load_page(root, source, "") {
        Ok(outcome) => outcome,
        Err(why) => {
            return Reading::Skip {
                why,
                has_code_table: false,
            };
        }
    };
    let all_rows: usize = bare.tables.iter().map(|t| t.1).sum();
    let code_rows: usize = bare
        .tables
        .iter()
        .filter(|t| t.0.is_some())
        .map(|t| t.1)
        .sum();
    if code_rows == 0 {
        return Reading::Skip {
            why: bare
                .errors
                .first()
                .map_or_else(|| "no code table".to_owned(), Clone::clone),
            has_code_table: false,
        };
    }
    // An API operation's page lists its responses' statuses in a small table
    // beside its parameters: that page is about the operation.
    if code_rows * 2 < all_rows {
        return Reading::Skip {
            why: format!(
                "its code tables hold {code_rows} of the page's {all_rows} table rows: a page about something else (an API operation and its responses, say)"
            ),
            has_code_table: true,
        };
    }
    let kinds: BTreeSet<u8> = bare
        .tables
        .iter()
        .filter_map(|t| t.0)
        .map(kind_order)
        .collect();
    let kinds: Vec<Kind> = kinds
        .into_iter()
        .map(|k| if k == 0 { Kind::Status } else { Kind::Error })
        .collect();
    let several = kinds.len() > 1;
    // With one kind, the bare reading is the first round.
    let mut first = (!several).then_some(bare);
    let results = kinds
        .into_iter()
        .map(|kind| {
            let options = if several {
                format!("kind = \"{}\"", kind.as_str())
            } else {
                String::new()
            };
            (kind, type_with_fixes(root, source, options, first.take()))
        })
        .collect();
    Reading::Kinds(results)
}

/// Reads with `options`, then with the engine's fixes added, up to
/// [`FIX_ROUNDS`] times.
fn type_with_fixes(
    root: &Path,
    source: &str,
    mut options: String,
    first: Option<Outcome>,
) -> Result<Typed, String> {
    let mut outcome = match first {
        Some(outcome) => outcome,
        None => load_page(root, source, &options)?,
    };
    for round in 0..=FIX_ROUNDS {
        if outcome.errors.is_empty() && outcome.codes.is_empty() {
            // An empty enum types nothing (OBS's page lists only `2xx`, `4xx`, `5xx`).
            return Err(format!(
                "{source}: its code tables list no single code (every row is skipped; {})",
                outcome.skipped.as_deref().unwrap_or("no rows")
            ));
        }
        if outcome.errors.is_empty() {
            return Ok(Typed {
                options,
                codes: outcome.codes,
            });
        }
        if round == FIX_ROUNDS || outcome.fixes.is_empty() {
            break;
        }
        options = join(&[&options, &outcome.fixes.join(", ")]);
        outcome = load_page(root, source, &options)?;
    }
    Err(outcome.errors.swap_remove(0))
}

fn page_of(r: usize, root: &Root, source: String, bytes: Vec<u8>) -> Page {
    let text = String::from_utf8_lossy(&bytes);
    let heading = text
        .lines()
        .find(|l| l.starts_with("# ") || l.to_ascii_lowercase().contains("<h1"));
    let anchor = heading.and_then(|h| {
        let at = h.find("name=\"")? + 6;
        let end = h[at..].find('"')?;
        Some(h[at..at + end].to_owned()).filter(|a| !a.is_empty())
    });
    let title = heading.map(|h| {
        let h = h.trim_start_matches('#').trim();
        h.find('<').map_or(h, |at| &h[..at]).trim().to_owned()
    });
    let han = text
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(20)
        .count();
    Page {
        root: r,
        copy: format!("tables/{}/{source}", root.module),
        source,
        lang: if han >= 20 { "zh" } else { "en" },
        anchor,
        title: title.filter(|t| !t.is_empty()),
        bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_are_named_after_their_folder_as_rust_allows() {
        assert_eq!(module_name(Path::new("/docs/evs")), "evs");
        assert_eq!(module_name(Path::new("/docs/API-Gateway")), "api_gateway");
        assert_eq!(module_name(Path::new("/docs/3d-maps")), "m3d_maps");
        assert_eq!(module_name(Path::new("/docs/lib")), "lib_");
        assert_eq!(module_name(Path::new("/docs/self")), "self_");
        assert_eq!(module_ident("as"), "r#as");
        assert_eq!(module_ident("evs"), "evs");
    }

    #[test]
    fn numbered_names_skip_the_taken_ones() {
        let taken = ["ErrorCode2", "ErrorCode3"];
        assert_eq!(numbered("ErrorCode", |n| taken.contains(&n)), "ErrorCode4");
    }
}
