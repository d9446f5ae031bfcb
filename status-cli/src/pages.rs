//! Reading the pages of documentation trees, for `init` and `sync`: which
//! pages hold code tables (by what the engine reads in them, not by their
//! names), and how each is typed alone (the fixes the engine offers applied
//! as a user would). A page that cannot be read, or whose reading panics, is
//! a failure of the run, reported with its path: never a page silently left
//! out. Nothing here writes a file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use status_codegen::Kind;
use status_codegen::load;

/// A documentation tree.
#[derive(Debug, Clone)]
pub(crate) struct Root {
    /// The folder, as found on this machine.
    pub(crate) path: PathBuf,
    /// The folder relative to the crate, `/`-separated: what the crate records.
    pub(crate) recorded: String,
    /// The module its pages go to: its folder's name.
    pub(crate) module: String,
}

/// A page of a root that holds a code table.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// Which root (index in the roots).
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

/// A page read alone as a type of one kind.
#[derive(Debug, Clone)]
pub(crate) struct Typed {
    /// The options after the path (`kind`, the engine's fixes).
    pub(crate) options: String,
    /// The distinct codes, as written, sorted.
    pub(crate) codes: Vec<String>,
    /// The variant names, sorted: a catch-all must not take one.
    pub(crate) names: Vec<String>,
}

/// A page with a code table the engine cannot type, even with its fixes.
#[derive(Debug, Clone)]
pub(crate) struct Untyped {
    /// The page (index in [`Reading::pages`]).
    pub(crate) page: usize,
    /// The kind it was read as.
    pub(crate) kind: Kind,
    /// The first error, as the engine words it.
    pub(crate) error: String,
}

/// A page left out, and why.
#[derive(Debug, Clone)]
pub(crate) struct Skipped {
    /// The root.
    pub(crate) root: usize,
    /// Its path in the root.
    pub(crate) source: String,
    /// Why.
    pub(crate) why: String,
    /// Whether the page has a code table at all (else it is a small part of a
    /// page about something else).
    pub(crate) has_code_table: bool,
}

/// What the pages of the roots hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Reading {
    /// The roots.
    pub(crate) roots: Vec<Root>,
    /// Pages with a code table, each to be copied into the crate.
    pub(crate) pages: Vec<Page>,
    /// Each page's type of each kind, read alone, in page order.
    pub(crate) typed: Vec<(usize, Kind, Typed)>,
    /// Pages (and kinds) the engine could not type.
    pub(crate) untyped: Vec<Untyped>,
    /// Pages left out.
    pub(crate) skipped: Vec<Skipped>,
    /// Every `.md`/`.html` file read.
    pub(crate) read: usize,
}

impl Reading {
    /// The page whose copy is `copy`.
    pub(crate) fn page_of_copy(&self, copy: &str) -> Option<usize> {
        self.pages.iter().position(|p| p.copy == copy)
    }

    /// The page read alone as `kind`.
    pub(crate) fn typed_as(&self, page: usize, kind: Kind) -> Option<&Typed> {
        self.typed
            .iter()
            .find(|(p, k, _)| *p == page && *k == kind)
            .map(|(_, _, t)| t)
    }

    /// The module of a page.
    pub(crate) fn module_of(&self, page: usize) -> &str {
        &self.roots[self.pages[page].root].module
    }
}

/// How many rounds of the engine's fixes are applied (a fix can reveal the
/// next problem).
pub(crate) const FIX_ROUNDS: usize = 3;

/// The module name of a root: its folder's name as a Rust module name.
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
enum Found {
    /// Not a page of codes.
    Skip { why: String, has_code_table: bool },
    /// A type per kind (or the error that stops it).
    Kinds(Vec<(Kind, Result<Typed, String>)>),
}

/// Reads every page of `roots`. `progress` gets a line per root as it is
/// done. Every page that cannot be read is a failure, each named.
pub(crate) fn read(
    roots: Vec<Root>,
    progress: &mut dyn FnMut(&str),
) -> Result<Reading, Vec<String>> {
    let mut reading = Reading {
        roots,
        ..Reading::default()
    };
    let mut failures = Vec::new();
    for r in 0..reading.roots.len() {
        let root = reading.roots[r].clone();
        let started = std::time::Instant::now();
        let files = files_of(&root.path).map_err(|e| vec![e])?;
        reading.read += files.len();
        let (mut kept, mut typed) = (0, 0);
        for (source, result) in files.iter().zip(read_all(&root.path, &files)) {
            match result {
                Err(failure) => failures.push(failure),
                Ok((
                    _,
                    Found::Skip {
                        why,
                        has_code_table,
                    },
                )) => reading.skipped.push(Skipped {
                    root: r,
                    source: source.clone(),
                    why,
                    has_code_table,
                }),
                Ok((bytes, Found::Kinds(kinds))) => {
                    kept += 1;
                    typed += kinds.iter().filter(|(_, t)| t.is_ok()).count();
                    reading.add(r, source, bytes, kinds);
                }
            }
        }
        progress(&format!(
            "{}: {} page(s) read, {kept} with code tables, {typed} typed alone ({:.1} s)",
            root.module,
            files.len(),
            started.elapsed().as_secs_f64()
        ));
    }
    if failures.is_empty() {
        Ok(reading)
    } else {
        Err(failures)
    }
}

impl Reading {
    fn add(
        &mut self,
        r: usize,
        source: &str,
        bytes: Vec<u8>,
        kinds: Vec<(Kind, Result<Typed, String>)>,
    ) {
        let root = &self.roots[r];
        let mut page = page_of(r, root, source.to_owned(), bytes);
        // Two roots of one module with a page at the same path.
        if self.pages.iter().any(|p| p.copy == page.copy) {
            let nth = self.roots[..r]
                .iter()
                .filter(|x| x.module == root.module)
                .count()
                + 1;
            page.copy = format!("tables/{}/{nth}/{}", root.module, page.source);
        }
        let index = self.pages.len();
        self.pages.push(page);
        for (kind, result) in kinds {
            match result {
                Ok(typed) => self.typed.push((index, kind, typed)),
                Err(error) => self.untyped.push(Untyped {
                    page: index,
                    kind,
                    error,
                }),
            }
        }
    }
}

fn kind_order(kind: Kind) -> u8 {
    match kind {
        Kind::Status => 0,
        Kind::Error => 1,
    }
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

type PageResult = Result<(Vec<u8>, Found), String>;

/// Reads the files of a root on every core (the engine's values stay on the
/// thread that made them; only plain data comes back). A page that cannot be
/// read, or whose reading panics, is an error naming it.
fn read_all(root: &Path, files: &[String]) -> Vec<PageResult> {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len().max(1));
    let mut results: Vec<Option<PageResult>> = (0..files.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(source) = files.get(i) else { break };
                        done.push((i, read_one(root, source)));
                    }
                    done
                })
            })
            .collect();
        // `read_one` catches the engine's panics; a worker that still stops
        // leaves its pages unread, each reported below.
        for handle in handles {
            for (i, result) in handle.join().into_iter().flatten() {
                results[i] = Some(result);
            }
        }
    });
    results
        .into_iter()
        .zip(files)
        .map(|(result, source)| {
            result.unwrap_or_else(|| {
                Err(format!(
                    "{}: not read (the thread reading it stopped)",
                    root.join(source).display()
                ))
            })
        })
        .collect()
}

/// One page: its bytes and what it holds, or why it could not be read.
fn read_one(root: &Path, source: &str) -> PageResult {
    let path = root.join(source);
    match std::fs::read(&path) {
        Err(e) => Err(format!("{}: cannot be read: {e}", path.display())),
        Ok(bytes) => std::panic::catch_unwind(|| read_page(root, source))
            .map(|found| (bytes, found))
            .map_err(|panic| {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                format!(
                    "{}: reading it panicked ({what}): please report this page",
                    path.display()
                )
            }),
    }
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
    names: Vec<String>,
    /// Why the first skipped row was skipped.
    skipped: Option<String>,
}

/// Reads `path` under `base` with `options`, as the macro would.
fn load_page(base: &Path, path: &str, options: &str) -> Result<Outcome, String> {
    let (written, invocation) = crate::arguments::invocation_of(Path::new(path), options)?;
    let loaded = load::load(&written, invocation.options(), base);
    let expansion = loaded.expansion();
    let first_line = |text: String| text.lines().next().unwrap_or_default().to_owned();
    let mut errors: Vec<String> = invocation
        .errors()
        .iter()
        .chain(expansion.invocation_errors())
        .map(|e| format!("in the options `{options}`: {}", e.message()))
        .collect();
    errors.extend(
        expansion
            .diagnostics()
            .iter()
            .map(|d| first_line(d.to_string())),
    );
    let mut fixes: Vec<String> = Vec::new();
    for fix in expansion
        .diagnostics()
        .iter()
        .filter_map(|d| d.fix().map(ToString::to_string))
    {
        if !fixes.contains(&fix) {
            fixes.push(fix);
        }
    }
    let model = &expansion.model();
    let codes: BTreeSet<String> = model
        .variants()
        .iter()
        .map(|v| v.code().to_owned())
        .collect();
    let names: BTreeSet<String> = model
        .variants()
        .iter()
        .map(|v| v.name().to_owned())
        .collect();
    Ok(Outcome {
        tables: model
            .tables()
            .iter()
            .map(|t| (t.kind(), t.row_count()))
            .collect(),
        errors,
        fixes,
        codes: codes.into_iter().collect(),
        names: names.into_iter().collect(),
        skipped: model
            .skipped_rows()
            .first()
            .map(|r| format!("line {}: {}", r.line(), r.reason())),
    })
}

/// Whether a page holds codes, and the type of each kind it holds.
fn read_page(root: &Path, source: &str) -> Found {
    let bare = match load_page(root, source, "") {
        Ok(outcome) => outcome,
        Err(why) => {
            return Found::Skip {
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
        return Found::Skip {
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
        return Found::Skip {
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
    Found::Kinds(results)
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
                names: outcome.names,
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

/// The message of pages that could not be read: nothing was written.
pub(crate) fn unread(failures: &[String]) -> String {
    format!(
        "{} page(s) could not be read; nothing written:\n  {}",
        failures.len(),
        failures.join("\n  ")
    )
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

/// The first error of reading `path` under `base` with `options` (with the
/// engine's fixes applied, up to [`FIX_ROUNDS`]), or the options that read
/// it cleanly.
pub(crate) fn read_with_fixes(base: &Path, path: &str, options: &str) -> Result<String, String> {
    let mut options = options.to_owned();
    for round in 0..=FIX_ROUNDS {
        let outcome = load_page(base, path, &options)?;
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
    fn an_unreadable_page_is_a_failure_naming_it() {
        let tree = status_testkit::Scratch::temp("pages-unreadable");
        tree.write("ok.md", "# Fine\n");
        let root = tree.path();
        // A link to nothing: listed as a page, and unreadable (also as root).
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("gone.md"), root.join("broken.md")).unwrap();
        #[cfg(unix)]
        {
            let results = read_all(root, &["broken.md".to_owned(), "ok.md".to_owned()]);
            let error = results[0].as_ref().err().unwrap();
            assert!(
                error
                    .ends_with("broken.md: cannot be read: No such file or directory (os error 2)"),
                "{error}"
            );
            assert!(results[1].is_ok());
        }
        std::fs::remove_dir_all(root).unwrap();
    }
}
