//! `status-table init ROOT… --out DIR`: documentation trees become a crate
//! with a module per tree and a type per code page, and the files both `init`
//! and `sync` write (the copies, `SOURCES.toml`, the README, the test).

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use status_codegen::Kind;

use crate::committed::{self, CommittedFile};
use crate::plan::{self, Plan, module_ident};
use crate::sources::{self, Sources};

/// What `init` was asked.
#[derive(Debug, Clone)]
pub(crate) struct Args {
    pub(crate) roots: Vec<PathBuf>,
    pub(crate) out: PathBuf,
    pub(crate) name: Option<String>,
    pub(crate) status_table_path: Option<PathBuf>,
}

/// Runs `init`.
pub(crate) fn init(
    args: &Args,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let started = Instant::now();
    let out = &args.out;
    refuse_foreign(out)?;
    let roots = args
        .roots
        .iter()
        .map(|root| {
            let path = std::fs::canonicalize(root)
                .ok()
                .filter(|p| p.is_dir())
                .ok_or_else(|| format!("{}: not a folder", root.display()))?;
            let module = plan::module_name(&path);
            Ok(plan::Root { path, module })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let name = match &args.name {
        Some(name) if is_crate_name(name) => name.clone(),
        Some(name) => {
            return Err(format!(
                "--name {name:?} is not a crate name: expected ASCII letters, digits, `-` and `_`, starting with a letter"
            ));
        }
        None => crate_name(out),
    };
    let mut plan = plan::plan(roots, &mut |line| {
        let _ = writeln!(stderr, "{line}");
    })?;
    // A crate made by init is made again from nothing.
    for folder in ["tables", "src", "generated", "tests"] {
        let _ = std::fs::remove_dir_all(out.join(folder));
    }
    let mut sources = copy_pages(out, &plan, &Sources::default())?;
    plan.pair_and_name(out);
    record_types(&mut sources, &plan);
    write(out, sources::PATH, &sources.render()?)?;
    write(
        out,
        "Cargo.toml",
        &manifest(&name, args.status_table_path.as_deref())?,
    )?;
    write(out, ".gitignore", "/target\n")?;
    for module in modules(&plan) {
        let types: Vec<&plan::Type> = plan.types.iter().filter(|t| t.module == module).collect();
        write(
            out,
            &format!("src/{module}.rs"),
            &module_file(&plan, &module, &types),
        )?;
    }
    write(out, "src/lib.rs", &lib_file(&plan, &modules(&plan)))?;
    let expected = committed::expected_files(out)?;
    let code = finish(out, &name, &plan, expected, stdout, stderr)?;
    summary(&plan, started, stdout);
    Ok(code)
}

/// The files both `init` and `sync` write once the sources are in place:
/// the committed expansions (`files`, as [`committed::expected_files`] made
/// them, with its `problems`), the test and the README, both from the models
/// of those files.
pub(crate) fn finish(
    out: &Path,
    name: &str,
    plan: &Plan,
    (files, problems): (Vec<CommittedFile>, Vec<String>),
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, String> {
    let code = crate::write_files(out, &files, problems, &mut Vec::new(), stderr)?;
    let types = typed(&files);
    write(
        out,
        "tests/codes.rs",
        &test_file(&name.replace('-', "_"), &types),
    )?;
    write(out, "README.md", &readme(name, plan, &types))?;
    let _ = writeln!(
        stdout,
        "{}: {} type(s) in {} module(s), expansions committed in generated/",
        out.display(),
        types.len(),
        modules(plan).len()
    );
    Ok(code)
}

/// An existing folder is written only when empty or made by `init`.
fn refuse_foreign(out: &Path) -> Result<(), String> {
    let empty = std::fs::read_dir(out).map_or(true, |mut entries| entries.next().is_none());
    if empty || out.join(sources::PATH).is_file() {
        Ok(())
    } else {
        Err(format!(
            "{} is not empty and was not made by `status-table init` (it has no {}): choose a new folder",
            out.display(),
            sources::PATH
        ))
    }
}

fn is_crate_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The crate's name from its folder: `family-codes`.
fn crate_name(out: &Path) -> String {
    let folder = std::fs::canonicalize(out)
        .ok()
        .or_else(|| std::env::current_dir().ok().map(|d| d.join(out)))
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let name = heck::AsKebabCase(&folder).to_string();
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("codes{}", if name.is_empty() { "" } else { "-" }) + &name
    } else {
        name
    }
}

/// The modules of a plan, sorted.
pub(crate) fn modules(plan: &Plan) -> Vec<String> {
    let mut modules: Vec<String> = plan.types.iter().map(|t| t.module.clone()).collect();
    modules.sort();
    modules.dedup();
    modules
}

/// Copies every page with a code table into `tables/<module>/` (only those
/// whose bytes changed), removes copies of pages gone, and returns the new
/// `SOURCES.toml`.
pub(crate) fn copy_pages(out: &Path, plan: &Plan, old: &Sources) -> Result<Sources, String> {
    let mut sources = Sources::default();
    for root in &plan.roots {
        let repository = sources::repository(&root.path);
        let licence = sources::licence(&root.path, repository.as_ref().map(|r| r.0.as_path()));
        sources.roots.push(sources::Root {
            path: root.path.to_string_lossy().into_owned(),
            module: root.module.clone(),
            repository: repository
                .as_ref()
                .map(|r| r.0.to_string_lossy().into_owned()),
            commit: repository.map(|r| r.1),
            licence: licence.map(|l| l.to_string_lossy().into_owned()),
        });
    }
    for page in &plan.pages {
        let root = &sources.roots[page.root];
        let sha256 = status_codegen::committed::sha256_hex(&page.bytes);
        let target = out.join(&page.copy);
        if std::fs::read(&target).ok().as_deref() != Some(page.bytes.as_slice()) {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&target, &page.bytes)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
        sources.pages.push(sources::Page {
            copy: page.copy.clone(),
            root: root.path.clone(),
            path: page.source.clone(),
            sha256,
            commit: root.commit.clone(),
            licence: root.licence.clone(),
            types: Vec::new(),
        });
    }
    for gone in old
        .pages
        .iter()
        .filter(|p| !sources.pages.iter().any(|n| n.copy == p.copy))
    {
        let _ = std::fs::remove_file(out.join(&gone.copy));
    }
    Ok(sources)
}

/// Records in `sources` the kinds each page was typed as (once paired).
pub(crate) fn record_types(sources: &mut Sources, plan: &Plan) {
    for (i, page) in plan.pages.iter().enumerate() {
        let mut kinds: Vec<String> = plan
            .types
            .iter()
            .filter(|t| t.page == i || t.translation == Some(i))
            .map(|t| t.kind.as_str().to_owned())
            .collect();
        kinds.sort();
        kinds.dedup();
        if let Some(entry) = sources.pages.iter_mut().find(|p| p.copy == page.copy) {
            entry.types = kinds;
        }
    }
}

/// Writes `text` to `out/relative`, making its folder.
pub(crate) fn write(out: &Path, relative: &str, text: &str) -> Result<(), String> {
    let target = out.join(relative);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    if std::fs::read_to_string(&target).ok().as_deref() == Some(text) {
        return Ok(());
    }
    std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))
}

fn manifest(name: &str, status_table_path: Option<&Path>) -> Result<String, String> {
    let dependency = match status_table_path {
        Some(path) => {
            let path = std::fs::canonicalize(path)
                .map_err(|e| format!("--status-table-path {}: {e}", path.display()))?;
            format!(
                "{{ path = {:?} }}",
                path.to_string_lossy().replace('\\', "/")
            )
        }
        None => format!("\"{}\"", env!("CARGO_PKG_VERSION")),
    };
    Ok(format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
description = "Status and error codes typed from documentation pages, written by `status-table init`."
# The pages' licences are in tables/SOURCES.toml: settle them before publishing.
publish = false

[dependencies]
status-table = {dependency}

# Its own workspace: remove this table to make the crate a member of yours.
[workspace]

# The macro checks the SHA-256 of each committed expansion and page at every
# build: optimised, that takes milliseconds instead of a good part of a second.
[profile.dev.package.sha2]
opt-level = 3
"#
    ))
}

fn lib_file(plan: &Plan, modules: &[String]) -> String {
    let mut text = format!(
        "//! Status and error codes of {} documentation tree(s), typed from their pages.\n\
         //!\n\
         //! Written by `status-table init`: one module per tree, one type per page\n\
         //! (see README.md). `status-table sync` keeps it in step with the trees\n\
         //! recorded in `tables/SOURCES.toml`; it adds and removes invocations and keeps\n\
         //! your edits to them (options, renames).\n\n",
        plan.roots.len()
    );
    for module in modules {
        let _ = writeln!(text, "pub mod {};", module_ident(module));
    }
    text
}

/// A module's file: a comment, then one invocation per type.
pub(crate) fn module_file(plan: &Plan, module: &str, types: &[&plan::Type]) -> String {
    let roots: Vec<String> = plan
        .roots
        .iter()
        .filter(|r| r.module == module)
        .map(|r| format!("`{}`", r.path.display()))
        .collect();
    let mut text = format!(
        "//! The codes of `{module}`, from {}.\n\
         //!\n\
         //! Written by `status-table init`; edit the invocations as you like (options,\n\
         //! renames): `status-table sync` only adds invocations for new pages and\n\
         //! removes those of pages gone.\n",
        roots.join(" and ")
    );
    for ty in types {
        text.push('\n');
        text.push_str(&invocation(plan, ty));
    }
    text
}

/// One invocation, with a comment naming its page(s).
pub(crate) fn invocation(plan: &Plan, ty: &plan::Type) -> String {
    let page = &plan.pages[ty.page];
    let mut comment = format!(
        "// {} ({})",
        page.title.as_deref().unwrap_or(&page.source),
        page.source
    );
    if let Some(twin) = ty.translation {
        let _ = write!(comment, ", with {}", plan.pages[twin].source);
    }
    let options = plan::join(&[&format!("name = {}", ty.name), &ty.options]);
    format!(
        "{comment}\nstatus_table::status_table!({:?}, {options});\n",
        page.copy
    )
}

/// A type of the crate as its invocation now reads.
pub(crate) struct TypeInfo {
    /// The module (from the source file), raw identifier included.
    pub(crate) module: String,
    pub(crate) name: String,
    pub(crate) kind: Kind,
    pub(crate) documents: Vec<String>,
    pub(crate) rows: usize,
    pub(crate) codes: Vec<String>,
}

/// Every type of the crate, from the files its invocations produce (an
/// invocation with a problem has no type).
pub(crate) fn typed(files: &[CommittedFile]) -> Vec<TypeInfo> {
    files
        .iter()
        .filter(|f| f.problems.is_empty())
        .map(|file| {
            let model = &file.model;
            let module = Path::new(&file.source)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| s != "lib")
                .map(|s| module_ident(&s))
                .unwrap_or_default();
            TypeInfo {
                module,
                name: model.type_name.clone(),
                kind: model.kind,
                documents: model.documents.iter().map(|d| d.path.clone()).collect(),
                rows: model.rows().len(),
                codes: model.variants.iter().map(|v| v.code.clone()).collect(),
            }
        })
        .collect()
}

fn test_file(crate_ident: &str, types: &[TypeInfo]) -> String {
    let mut text = String::from(
        "//! Every code the pages document round-trips through its type.\n\
         //!\n\
         //! Written by `status-table init` from the pages, and again by every\n\
         //! `status-table sync`: edits here are overwritten.\n",
    );
    for ty in types {
        let path = if ty.module.is_empty() {
            format!("{crate_ident}::{}", ty.name)
        } else {
            format!("{crate_ident}::{}::{}", ty.module, ty.name)
        };
        let function = format!(
            "{}_{}",
            ty.module.trim_start_matches("r#"),
            heck::AsSnakeCase(&ty.name)
        )
        .trim_start_matches('_')
        .to_owned();
        let (element, codes) = match ty.kind {
            Kind::Status => ("u16", ty.codes.join(", ")),
            Kind::Error => (
                "&str",
                ty.codes
                    .iter()
                    .map(|c| format!("{c:?}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        };
        let _ = write!(
            text,
            "\n#[test]\nfn {function}() {{\n    use {path} as T;\n    let documented: &[{element}] = &[{codes}];\n    for &code in documented {{\n        let variant = T::from_code(code).unwrap_or_else(|| panic!(\"{{code}} is documented but has no variant\"));\n        assert_eq!(variant.code(), code);\n        assert_eq!(code.to_string().parse::<T>().ok(), Some(variant));\n    }}\n    assert_eq!(T::ALL.len(), documented.len(), \"every variant is a documented code\");\n}}\n"
        );
    }
    text
}

fn readme(name: &str, plan: &Plan, types: &[TypeInfo]) -> String {
    let mut text = format!(
        "# {name}\n\n\
         Status and error codes typed from documentation pages: one module per\n\
         documentation tree, one type per page, generated at compile time by\n\
         [status-table](https://github.com/status-table/status-table)'s\n\
         `status_table!` from the pages copied in `tables/` (their sources are in\n\
         `tables/SOURCES.toml`).\n\n\
         Written by `status-table init`, and rewritten by `status-table sync`,\n\
         which reads the trees again, copies changed pages, adds and removes types\n\
         and says what changed for users (`status-table sync --check` only says it,\n\
         and exits 1 when upstream moved). `cargo test` round-trips every\n\
         documented code; `status-table check` compares the committed expansions\n\
         in `generated/`.\n\n\
         ## Modules and types\n\n\
         | module | type | kind | rows | page(s) |\n|---|---|---|---|---|\n"
    );
    for ty in types {
        let _ = writeln!(
            text,
            "| `{}` | `{}` | {} | {} | {} |",
            ty.module,
            ty.name,
            ty.kind.as_str(),
            ty.rows,
            ty.documents
                .iter()
                .map(|d| format!("`{d}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !plan.untyped.is_empty() {
        text.push_str(
            "\n## Pages not typed\n\nThese pages hold a code table the engine cannot type, even with the fixes it\noffers; their copies are in `tables/`. Add the options an invocation needs\n(see `status-table inspect PAGE`) to the module's file.\n\n",
        );
        for untyped in &plan.untyped {
            let _ = writeln!(
                text,
                "- `{}`: {}",
                plan.pages[untyped.page].copy,
                untyped.error.replace('\n', " ")
            );
        }
    }
    if !plan.twins.is_empty() {
        text.push_str(
            "\n## Translations kept apart\n\nThese pages are one page in two languages (the same anchor), but their tables\ndo not agree code for code (different versions of the product), so each is\nits own type.\n\n",
        );
        for twins in &plan.twins {
            let _ = writeln!(
                text,
                "- `{}` and `{}`: {}",
                plan.pages[twins.pages.0].copy,
                plan.pages[twins.pages.1].copy,
                twins.why.replace('\n', " ")
            );
        }
    }
    let minor: Vec<&plan::Skipped> = plan.skipped.iter().filter(|s| s.has_code_table).collect();
    if !minor.is_empty() {
        text.push_str("\n## Pages with a small code table, not typed\n\n");
        for skipped in minor {
            let _ = writeln!(
                text,
                "- `{}` in `{}`: {}",
                skipped.source,
                plan.roots[skipped.root].path.display(),
                skipped.why
            );
        }
    }
    text
}

fn summary(plan: &Plan, started: Instant, stdout: &mut dyn Write) {
    let no_table = plan.skipped.iter().filter(|s| !s.has_code_table).count();
    let minor = plan.skipped.len() - no_table;
    let _ = writeln!(
        stdout,
        "{} page(s) read: {} with code tables, typed as {} type(s) ({} translation pair(s)); \
         {} not typed (listed in README.md), {minor} with only a small code table, {no_table} with none; {:.1} s",
        plan.read,
        plan.pages.len(),
        plan.types.len(),
        plan.types
            .iter()
            .filter(|t| t.translation.is_some())
            .count(),
        plan.untyped.len(),
        started.elapsed().as_secs_f64()
    );
}
