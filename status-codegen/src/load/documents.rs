//! Finding and reading an invocation's documents, then checking or
//! expanding what was read: [`load`](super::load) in two halves, for the
//! macro, which looks for a committed expansion between them.

use std::path::{Path, PathBuf};

use super::{Loaded, LoadedDocument, resolve};
use crate::diagnostic::Diagnostic;
use crate::options::{Interop, Options};
use crate::{Checked, Input};

/// `http` and `serde` make code that names `::http` and `::serde`: when the
/// invoking package's `Cargo.toml` names no such dependency, say which line
/// to add, at the option (rather than rustc's `cannot find serde` at the whole
/// invocation). Conservative: any key or table of that name counts, and an
/// unreadable manifest is not judged.
fn missing_dependencies(
    options: &Options,
    manifest_dir: &Path,
) -> Vec<(Interop, crate::InvocationError)> {
    // No interop option, nothing to check: most invocations read no manifest.
    if options.interop_spans.is_empty() {
        return Vec::new();
    }
    let Ok(manifest) = std::fs::read_to_string(manifest_dir.join("Cargo.toml")) else {
        return Vec::new();
    };
    options
        .interop_spans
        .iter()
        .filter(|(interop, _)| !declares(&manifest, interop.name()))
        .map(|&(interop, span)| {
            let name = interop.name();
            let error = crate::InvocationError::new(
                span,
                format!(
                    "`{name}` makes code that uses the `{name}` crate, which this package's Cargo.toml does not name: add `{name} = \"1\"` under `[dependencies]`"
                ),
            );
            (interop, error)
        })
        .collect()
}

/// Whether a manifest names a dependency `name`: a key or a table right
/// under a `*dependencies` table (`serde = …`, `serde.workspace = true`,
/// `[dependencies.serde]`, `[target.'cfg(unix)'.dependencies.http]`). A
/// manifest that does not read is not judged.
fn declares(manifest: &str, name: &str) -> bool {
    let Ok(manifest) = crate::workspace::Manifest::parse(manifest) else {
        return true;
    };
    manifest.paths().any(|path| {
        path.windows(2)
            .any(|w| w[0].ends_with("dependencies") && w[1] == name)
    })
}

/// The documents of an invocation, read but not yet expanded.
#[derive(Debug, Clone)]
pub struct Documents {
    /// Primary first, then the translations in the invocation's order.
    list: Vec<LoadedDocument>,
    problems: Vec<Diagnostic>,
    /// The interop options whose crate the package does not depend on.
    missing: Vec<(Interop, crate::InvocationError)>,
}

impl Documents {
    /// The documents, primary first, then the translations in the
    /// invocation's order.
    pub fn list(&self) -> &[LoadedDocument] {
        &self.list
    }

    /// Whether every document was found and read.
    pub fn all_read(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The first half of [`load`](crate::load::load): finds and reads the invocation's documents.
pub fn read_documents(path: &str, options: &Options, manifest_dir: &Path) -> Documents {
    let mut read_all = vec![read(path, manifest_dir)];
    for translation in &options.translations {
        read_all.push(read(&translation.path, manifest_dir));
    }
    let problems = read_all.iter().filter_map(|d| d.problem.clone()).collect();
    Documents {
        list: read_all.into_iter().map(|d| d.document).collect(),
        problems,
        missing: missing_dependencies(options, manifest_dir),
    }
}

/// The second half of [`load`](crate::load::load): expands documents read by [`read_documents`]
/// (or gives the placeholder and the reading problems).
pub fn expand_documents(path: &str, options: &Options, documents: Documents) -> Loaded {
    let (checked, options, documents) = checked(path, options, documents);
    Loaded {
        expansion: checked.generate(&options),
        documents,
    }
}

/// Checks documents read by [`read_documents`], with the options the code is
/// generated with.
pub(super) fn checked(
    path: &str,
    options: &Options,
    documents: Documents,
) -> (Checked, Options, Vec<LoadedDocument>) {
    let Documents {
        list: documents,
        problems,
        missing,
    } = documents;
    // An interop whose crate is missing is left out: its error alone shows,
    // not a cascade of "cannot find serde".
    let mut without = options.clone();
    for (interop, _) in &missing {
        match interop {
            Interop::Http => without.http = None,
            Interop::Serde => without.serde = None,
        }
    }
    let mut checked = if problems.is_empty() {
        let primary = Input {
            path,
            bytes: bytes(&documents[0]),
        };
        let translations: Vec<Input<'_>> = documents[1..]
            .iter()
            .map(|d| Input {
                path: &d.written,
                bytes: bytes(d),
            })
            .collect();
        crate::check_all(primary, &translations, &without)
    } else {
        crate::expansion::unread(path, &without, problems)
    };
    checked
        .invocation_errors
        .extend(missing.into_iter().map(|(_, error)| error));
    (checked, without, documents)
}

fn bytes(document: &LoadedDocument) -> &[u8] {
    document.bytes.as_deref().unwrap_or_default()
}

struct Read {
    document: LoadedDocument,
    problem: Option<Diagnostic>,
}

fn read(written: &str, manifest_dir: &Path) -> Read {
    let mut document = LoadedDocument {
        written: written.to_owned(),
        found: None,
        bytes: None,
    };
    let problem = match resolve(written, manifest_dir) {
        Err(tried) => {
            let mut diagnostic = Diagnostic::file(
                written,
                "document not found: expected a Markdown or HTML file at one of the paths tried",
            );
            let near = near_files(written, &tried);
            for path in tried {
                diagnostic = diagnostic.with_note(format!("tried {}", path.display()));
            }
            if !near.is_empty() {
                diagnostic = diagnostic.with_note(format!("did you mean {}?", near.join(" or ")));
            }
            Some(diagnostic)
        }
        Ok(found) => {
            match std::fs::read(&found) {
                Ok(bytes) => {
                    document.bytes = Some(bytes);
                    // Tracked once read: cargo rebuilds when it changes.
                    document.found = Some(found);
                    return Read {
                        document,
                        problem: None,
                    };
                }
                Err(_) if found.is_dir() => Some(Diagnostic::file(
                    written,
                    format!(
                        "resolved to {}, which is a directory: expected a Markdown or HTML file",
                        found.display()
                    ),
                )),
                Err(error) => Some(Diagnostic::file(
                    written,
                    format!(
                        "resolved to {}, which cannot be read: {error}",
                        found.display()
                    ),
                )),
            }
        }
    };
    Read { document, problem }
}

/// The files beside the places tried whose names are near the one written,
/// each as the user would write it (`tables/evs_error-codes.md`).
fn near_files(written: &str, tried: &[PathBuf]) -> Vec<String> {
    let wanted = Path::new(written);
    let Some(name) = wanted.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    for place in tried {
        let Some(entries) = place.parent().and_then(|dir| std::fs::read_dir(dir).ok()) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Some(other) = entry.file_name().to_str()
                && !names.iter().any(|n| n == other)
            {
                names.push(other.to_owned());
            }
        }
    }
    names.sort();
    let folder = wanted.parent().and_then(Path::to_str).unwrap_or_default();
    crate::suggest::nearest(name, names.iter().map(String::as_str))
        .into_iter()
        .map(|near| {
            if folder.is_empty() {
                format!("`{near}`")
            } else {
                format!("`{folder}/{near}`")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_interop_dependency_is_named_at_the_option() {
        let manifest = "[package]\nname = \"x\"\n\n[dependencies]\nstatus-table = \"0.1\"\nserde_json = \"1\"\n";
        assert!(!declares(manifest, "serde"));
        assert!(!declares(manifest, "http"));
        for absent in [
            "[dependencies]\n# serde = \"1\"\n",
            "[package]\nname = \"serde\"\n",
            "[features]\nserde = []\n",
        ] {
            assert!(!declares(absent, "serde"), "{absent}");
        }
        for present in [
            "[dependencies]\nserde = \"1\"\n",
            "[dependencies]\nserde.workspace = true\n",
            "[dependencies]\n  http = { version = \"1\", optional = true }\n",
            "[dependencies.serde]\nversion = \"1\"\n",
            "[target.'cfg(unix)'.dependencies.http]\nversion = \"1\"\n",
            "[dependencies] # used by the generated code\nserde = { version = \"1\" }\n",
            "dependencies.http = \"1\"\n",
        ] {
            assert!(
                declares(present, "serde") || declares(present, "http"),
                "{present}"
            );
        }
        let tree = status_testkit::Scratch::temp("status-table-deps");
        tree.write("Cargo.toml", manifest);
        let dir = tree.path();
        let tokens: proc_macro2::TokenStream = "\"x.md\", serde, http".parse().unwrap();
        let options = crate::invocation::parse(tokens).options;
        let errors = missing_dependencies(&options, dir);
        let _ = std::fs::remove_dir_all(dir);
        let messages: Vec<&str> = errors.iter().map(|(_, e)| e.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("add `serde = \"1\"` under `[dependencies]`"),
            "{messages:?}"
        );
        assert!(messages[1].contains("add `http = \"1\"`"), "{messages:?}");
    }

    #[test]
    fn a_package_outside_the_workspace_looks_only_inside_itself() {
        let tree = status_testkit::Scratch::temp("status-table-resolve");
        tree.folder("target/package/core-0.1.0")
            .folder("core")
            .write("Cargo.toml", "[workspace]\nmembers = [\"core\"]\n")
            .write("doc.md", "x");
        let root = tree.path();
        let package = root.join("target/package/core-0.1.0");
        let member = root.join("core");
        assert_eq!(resolve("doc.md", &member), Ok(root.join("doc.md")));
        assert_eq!(
            resolve("doc.md", &package),
            Err(vec![package.join("doc.md")])
        );
        std::fs::remove_dir_all(root).unwrap();
    }
}
