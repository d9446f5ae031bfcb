//! The docs of a crate `init` writes, for its users first: the README (how to
//! depend on it, a first use, its features, its modules and types, then what
//! its maintainers run and the pages left out) and each module's docs
//! (`docs/{module}.md`: its trees as recorded, its types, a first use). The
//! examples are compiled: the module docs' as doctests, the README's through
//! the crate's `ReadmeDoctests`. Written again by every `sync`.

use std::fmt::Write as _;

use status_codegen::Kind;
use status_codegen::{Condition, Interop};

use crate::crate_files::{self, Dependency, Notes, TypeInfo};
use crate::crate_tests;
use crate::pages::Root;
use crate::staging::Staging;

/// A module's docs, relative to the crate.
pub(crate) fn module_docs_path(module: &str) -> String {
    format!("docs/{}.md", module.trim_start_matches("r#"))
}

/// Writes `docs/{module}.md` for every module with a type; the docs of
/// modules gone go.
pub(crate) fn write_module_docs(
    staging: &Staging,
    crate_ident: &str,
    types: &[TypeInfo],
    roots: &[Root],
) -> Result<(), String> {
    let mut modules: Vec<&str> = types.iter().map(|t| t.module.as_str()).collect();
    modules.dedup();
    let written: Vec<String> = modules.iter().map(|m| module_docs_path(m)).collect();
    if let Ok(entries) = std::fs::read_dir(staging.path().join("docs")) {
        for entry in entries.flatten() {
            let path = format!("docs/{}", entry.file_name().to_string_lossy());
            let markdown = std::path::Path::new(&path)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"));
            if markdown && !written.contains(&path) {
                staging.remove(&path)?;
            }
        }
    }
    for module in modules {
        let of_module: Vec<&TypeInfo> = types.iter().filter(|t| t.module == module).collect();
        let name = module.trim_start_matches("r#");
        let trees: Vec<&str> = roots
            .iter()
            .filter(|r| r.module == name)
            .map(|r| r.recorded.as_str())
            .collect();
        let text = module_docs(crate_ident, &trees, &of_module);
        staging.write(&module_docs_path(module), text.as_bytes())?;
    }
    Ok(())
}

/// One module's docs: a line naming its types (rustdoc's summary of the
/// module), its trees, a table of its types, a first use.
fn module_docs(crate_ident: &str, trees: &[&str], types: &[&TypeInfo]) -> String {
    let trees: Vec<String> = trees.iter().map(|t| format!("`{t}`")).collect();
    let named: Vec<String> = types
        .iter()
        .map(|ty| match &ty.title {
            Some(title) => format!("[`{}`] ({title})", ty.name),
            None => format!("[`{}`]", ty.name),
        })
        .collect();
    let mut text = format!(
        "A type per code page: {}.\n\n\
         From the pages of the documentation tree{} {}, as `tables/SOURCES.toml`\n\
         records {}; each code is a variant carrying the page's texts.\n\n\
         | type | codes | page |\n|---|---|---|\n",
        named.join(", "),
        if trees.len() == 1 { "" } else { "s" },
        trees.join(" and "),
        if trees.len() == 1 { "it" } else { "them" },
    );
    for ty in types {
        let pages: Vec<String> = ty.documents.iter().map(|d| format!("`{d}`")).collect();
        let title = ty
            .title
            .as_deref()
            .map(|t| format!("{}: ", t.replace('|', "\\|")))
            .unwrap_or_default();
        let _ = writeln!(
            text,
            "| [`{name}`]({name}) | {} {} code(s) | {title}{} |",
            ty.variants.len(),
            ty.kind.as_str(),
            pages.join(", "),
            name = ty.name,
        );
    }
    if let Some(ty) = showcased(types) {
        let _ = write!(
            text,
            "\n{}\n# First use\n\n{}",
            promises(ty),
            example(crate_ident, ty, true)
        );
    }
    text.push_str(
        "\n<!-- Written by `status-table init`, and again by every `status-table sync`:\n\
         edits here are overwritten. -->\n",
    );
    text
}

/// The type a first use shows: the first error type whose first code reads
/// as one (`EVS.0001`, not `0`), else the first error type, else the first.
fn showcased<'a>(types: &[&'a TypeInfo]) -> Option<&'a TypeInfo> {
    let lettered = |t: &TypeInfo| {
        t.variants
            .first()
            .is_some_and(|v| v.0.contains(|c: char| c.is_ascii_alphabetic()))
    };
    let errors = || types.iter().copied().filter(|t| t.kind == Kind::Error);
    errors()
        .find(|t| lettered(t))
        .or_else(|| errors().next())
        .or_else(|| types.first().copied())
}

/// A first use of `ty`: the sentence, then the code block.
fn example(crate_ident: &str, ty: &TypeInfo, hidden: bool) -> String {
    format!(
        "{}\n```rust\n{}```\n",
        first_use_intro(ty),
        first_use(crate_ident, ty, hidden)
    )
}

/// What every type promises its users, from the showcased type's options.
fn promises(ty: &TypeInfo) -> String {
    let mut text = String::new();
    if let Some(other) = ty.catch_all() {
        let _ = writeln!(
            text,
            "A code the pages do not list decodes as the catch-all variant `{other}`, which keeps it."
        );
    }
    if ty.options.non_exhaustive() {
        text.push_str(
            "The types are `#[non_exhaustive]`: a code the pages add upstream is not a breaking change.\n",
        );
    }
    text
}

/// The sentence before the example.
fn first_use_intro(ty: &TypeInfo) -> String {
    match (ty.kind, ty.options.interop(Interop::Serde)) {
        (Kind::Error, Some(Condition::Feature(feature))) => format!(
            "Decode a server's error reply (with the feature `{feature}`), match its code, print its text:\n"
        ),
        (Kind::Error, Some(Condition::Always)) => {
            "Decode a server's error reply, match its code, print its text:\n".to_owned()
        }
        (Kind::Error, None) => {
            "Take the code a server sent, match it, print its text:\n".to_owned()
        }
        (Kind::Status, _) => {
            "Take the status a server sent, match it, print its text:\n".to_owned()
        }
    }
}

/// The example of a first use of `ty`, its lines ending in `\n`: decode,
/// match a code, print its text. In rustdoc (`hidden`), a feature it needs
/// gates it with hidden lines; in the README, the crate's doctest is gated.
pub(crate) fn first_use(crate_ident: &str, ty: &TypeInfo, hidden: bool) -> String {
    let name = &ty.name;
    let (code, variant, literal) = showcase(ty);
    let serde = ty
        .options
        .interop(Interop::Serde)
        .filter(|_| ty.kind == Kind::Error);
    let mut lines = vec![format!("use {crate_ident}::{};", ty.path()), String::new()];
    // With serde, the reply's message is printed beside another code.
    let (message, argument) = if serde.is_some() {
        lines.extend(
            [
                "/// The body of an error reply (its field names are the service's).",
                "#[derive(serde::Deserialize)]",
                "struct ErrorBody {",
                &format!("    error_code: {name},"),
                "    error_msg: String,",
                "}",
                "",
                &format!("let body = {};", json(&code)),
                "let reply: ErrorBody = serde_json::from_str(body).unwrap();",
                "let code = &reply.error_code;",
            ]
            .map(str::to_owned),
        );
        (": {}", ", reply.error_msg")
    } else {
        let what = if ty.kind == Kind::Status {
            "status"
        } else {
            "code"
        };
        lines.push(format!("// The {what} a server sent."));
        lines.push(match ty.catch_all() {
            Some(_) => format!("let code = &{name}::from({literal});"),
            None => format!("let code = &{name}::from_code({literal}).expect(\"documented\");"),
        });
        ("", "")
    };
    let text = ty
        .text
        .map_or_else(|| "code".to_owned(), |t| format!("code.{t}()"));
    lines.push("match code {".to_owned());
    lines.push(format!(
        "    {name}::{variant} => println!(\"{{}}\", {text}),"
    ));
    if let Some(other) = ty.catch_all() {
        lines.push(format!(
            "    {name}::{other}(unknown) => println!(\"undocumented: {{}}\", unknown.code()),"
        ));
    }
    if ty.variants.len() > 1 || ty.options.non_exhaustive() {
        lines.push(format!(
            "    _ => println!(\"{{code}}{message}\"{argument}), // another code, and its text"
        ));
    }
    lines.push("}".to_owned());
    lines.push(format!("assert_eq!(code, &{name}::{variant});"));
    if let (Some(_), Some(_)) = (serde, ty.catch_all()) {
        let newer = crate_tests::undocumented(ty);
        lines.extend([
            String::new(),
            "// A code the pages do not list yet is kept as the server sent it.".to_owned(),
            format!("let body = {};", json(&newer)),
            "let newer: ErrorBody = serde_json::from_str(body).unwrap();".to_owned(),
            format!("assert_eq!(newer.error_code.code(), {newer:?});"),
        ]);
    }
    if let (true, Some(Condition::Feature(feature))) = (hidden, serde) {
        lines.insert(0, format!("# #[cfg(feature = {feature:?})] {{"));
        lines.push("# }".to_owned());
    }
    lines.iter().fold(String::new(), |mut text, line| {
        let _ = writeln!(text, "{line}");
        text
    })
}

/// The code an example shows, its variant, and the code as a Rust literal:
/// a status type's first error status (4xx, 5xx), else its first code.
fn showcase(ty: &TypeInfo) -> (String, String, String) {
    let chosen = match ty.kind {
        Kind::Status => ty
            .variants
            .iter()
            .find(|v| v.0.parse::<u16>().is_ok_and(|n| n >= 400))
            .or_else(|| ty.variants.first()),
        Kind::Error => ty.variants.first(),
    };
    let (code, variant) = chosen.map_or_else(Default::default, |v| (v.0.clone(), v.1.clone()));
    let literal = if ty.kind == Kind::Status {
        code.clone()
    } else {
        format!("{code:?}")
    };
    (code, variant, literal)
}

/// A raw string literal of an error reply's JSON body with `code`.
fn json(code: &str) -> String {
    let body = format!(
        "{{\"error_code\": {}, \"error_msg\": \"…\"}}",
        serde_json::to_string(code).unwrap_or_default()
    );
    if body.contains("\"#") {
        format!("{body:?}")
    } else {
        format!("r#\"{body}\"#")
    }
}

/// The crate's README.
pub(crate) fn readme(
    name: &str,
    types: &[TypeInfo],
    roots: usize,
    dependency: &Dependency,
    notes: &Notes,
) -> String {
    let crate_ident = name.replace('-', "_");
    let status_table = match dependency {
        Dependency::Path(path) => format!("[status-table]({path}/README.md)"),
        Dependency::Version => "[status-table](https://crates.io/crates/status-table)".to_owned(),
    };
    let mut text = format!(
        "# {name}\n\n\
         Status and error codes of {roots} documentation tree(s), typed from their pages\n\
         by {status_table}: a module per tree, an enum per code page, each\n\
         code a variant carrying the page's texts. `cargo doc --open` shows them all.\n"
    );
    text.push_str(&use_section(&crate_ident, types));
    text.push_str("\n## Modules and types\n\n| module | type | kind | codes | page(s) |\n|---|---|---|---|---|\n");
    for ty in types {
        let pages: Vec<String> = ty.documents.iter().map(|d| format!("`{d}`")).collect();
        let module = ty.module.trim_start_matches("r#");
        let _ = writeln!(
            text,
            "| [`{module}`]({}) | `{}` | {} | {} | {} |",
            module_docs_path(module),
            ty.name,
            ty.kind.as_str(),
            ty.variants.len(),
            pages.join(", ")
        );
    }
    text.push_str(&maintenance(types));
    notes_sections(&mut text, notes);
    text
}

/// How to depend on the crate, a first use, and its features.
fn use_section(crate_ident: &str, types: &[TypeInfo]) -> String {
    let feature = |pick: fn(&TypeInfo) -> Option<&Condition>| {
        types
            .iter()
            .find_map(|t| crate_files::feature(pick(t)?))
            .map(str::to_owned)
    };
    let serde = feature(|t| t.options.interop(Interop::Serde));
    let http = feature(|t| t.options.interop(Interop::Http));
    let features: Vec<String> = [&serde, &http]
        .into_iter()
        .flatten()
        .map(|f| format!("{f:?}"))
        .collect();
    let mut text = format!(
        "\n## Use\n\n\
         ```toml\n[dependencies]\n{} = {{ path = \"…\"{} }}\n```\n\n\
         Its dependents build the types committed in `generated/`: no proc macro, no\n\
         parser.\n",
        crate_ident.replace('_', "-"),
        if features.is_empty() {
            String::new()
        } else {
            format!(", features = [{}]", features.join(", "))
        }
    );
    let all: Vec<&TypeInfo> = types.iter().collect();
    if let Some(ty) = showcased(&all) {
        let _ = write!(text, "\n{}", example(crate_ident, ty, false));
    }
    text.push_str("\n| feature | what it gives |\n|---|---|\n");
    if let Some(serde) = serde {
        let _ = writeln!(
            text,
            "| `{serde}` | `Serialize`/`Deserialize` for every type: status codes as numbers, error codes as strings |"
        );
    }
    if let Some(http) = http {
        let _ = writeln!(
            text,
            "| `{http}` | conversions with `http::StatusCode` (status types), `http_status_code()` (error types) |"
        );
    }
    text.push_str(
        "| `regenerate` | for the crate's maintainers: the types are read from the pages at build time by `status_table!`'s proc macro, and rebuilt when one changes |\n",
    );
    text
}

/// What the crate's maintainers run.
fn maintenance(types: &[TypeInfo]) -> String {
    let features: Vec<String> = types
        .iter()
        .flat_map(|t| {
            [
                t.options.interop(Interop::Serde),
                t.options.interop(Interop::Http),
            ]
        })
        .filter_map(|c| crate_files::feature(c?).map(str::to_owned))
        .fold(Vec::new(), |mut all, f| {
            if !all.contains(&f) {
                all.push(f);
            }
            all
        });
    let test = if features.is_empty() {
        "cargo test".to_owned()
    } else {
        format!("cargo test --features {}", features.join(","))
    };
    format!(
        "\n## Maintenance\n\n\
         Written by `status-table init`, rewritten by `status-table sync`, which reads\n\
         the trees recorded in `tables/SOURCES.toml` again, copies changed pages, adds\n\
         and removes types, keeps your edits to the invocations in `src/`, and says\n\
         what changed for users:\n\n\
         ```sh\n\
         status-table sync --check          # what changed upstream; exit 1 when it moved (a scheduled CI job)\n\
         status-table sync                  # take it\n\
         {test:<34} # every documented code round-trips; an undocumented one is kept\n\
         cargo test --features regenerate   # the types read from the pages by the proc macro\n\
         status-table check                 # generated/ matches the pages (CI)\n\
         ```\n"
    )
}

/// The README's notes on the pages: lags, splits, pages left out.
fn notes_sections(text: &mut String, notes: &Notes) {
    section(
        text,
        "Translations that lag",
        "One language of these types lists codes (or texts) the other does not yet: the\n\
         type has them all, the other language's texts standing in (`fallback`), and\n\
         each such variant's docs say so. `status-table sync` takes `fallback` out when\n\
         the pages agree again.",
        notes.lags.iter().map(|(ty, lag)| format!("`{ty}`: {lag}")),
    );
    section(
        text,
        "Translations kept apart",
        "These pages are one page in two languages (the same anchor), but their tables\n\
         disagree (a different status for one code, say), so each is its own type.\n\
         `status-table sync` pairs them again once they agree.",
        notes
            .splits
            .iter()
            .map(|(a, b, why)| format!("`{a}` and `{b}`: {}", why.replace('\n', " "))),
    );
    section(
        text,
        "Pages not typed",
        "These pages hold a code table the engine cannot type, even with the fixes it\n\
         offers; their copies are in `tables/`. Add the options an invocation needs\n\
         (see `status-table inspect PAGE`) to the module's file.",
        notes
            .untyped
            .iter()
            .map(|(copy, error)| format!("`{copy}`: {}", error.replace('\n', " "))),
    );
    section(
        text,
        "Pages with a small code table, not typed",
        "",
        notes
            .small
            .iter()
            .map(|(root, path, why)| format!("`{path}` in `{root}`: {why}")),
    );
}

/// A README section listing `items`, when there are any.
fn section(text: &mut String, title: &str, intro: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = write!(text, "\n## {title}\n\n");
    if !intro.is_empty() {
        let _ = write!(text, "{intro}\n\n");
    }
    for item in items {
        let _ = writeln!(text, "- {item}");
    }
}
