//! `tables/SOURCES.toml`: where each page of a crate made by `status-table
//! init` came from, and the only file in that crate special to `init`. `sync`
//! reads the ROOTs recorded here again. Every path in it is relative to the
//! crate, so that the crate and its trees can move together (a CI checkout):
//! nothing in the crate names a path of the machine that ran `init`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::pages::Reading;
use crate::sdk::Defaults;

/// The file, relative to the crate.
pub(crate) const PATH: &str = "tables/SOURCES.toml";

const HEADER: &str = "\
# Where each page under tables/ came from: written by `status-table init`,
# read and rewritten by `status-table sync` (which reads every root again).
# `commit` is the root's repository HEAD when the page was read; `licence` the
# licence file found beside the pages: check it before publishing the crate.
# Paths are relative to the crate; `status-table sync --root NAME=PATH` names a
# root again when the trees are elsewhere. `[defaults]`: the options `init` gave
# every type (its flags), which `sync` gives each new one.

";

/// The whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Sources {
    /// The options every type gets; none in a crate written before them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) defaults: Option<Defaults>,
    /// The documentation trees, in the order they were given.
    #[serde(default, rename = "root")]
    pub(crate) roots: Vec<Root>,
    /// Every page copied into `tables/`.
    #[serde(default, rename = "page")]
    pub(crate) pages: Vec<Page>,
}

/// One ROOT of `init`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Root {
    /// The directory, relative to the crate.
    pub(crate) path: String,
    /// The module its pages go to.
    pub(crate) module: String,
    /// The top of the git repository holding it, if any, relative to the crate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) repository: Option<String>,
    /// That repository's commit when the pages were read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) commit: Option<String>,
    /// The licence file found at or above the root, relative to the crate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) licence: Option<String>,
}

/// One copied page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Page {
    /// The copy, relative to the crate (`tables/evs/…`).
    pub(crate) copy: String,
    /// The root it came from (as in `[[root]]`).
    pub(crate) root: String,
    /// Its path in the root.
    pub(crate) path: String,
    /// The SHA-256 of its bytes when copied.
    pub(crate) sha256: String,
    /// The root's commit when it was copied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) commit: Option<String>,
    /// The licence file found for its root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) licence: Option<String>,
    /// The kinds of the types `init` or `sync` wrote for it (`status`,
    /// `error`): `sync` adds an invocation only for a kind not listed, so an
    /// invocation you deleted stays deleted.
    #[serde(default)]
    pub(crate) types: Vec<String>,
}

impl Sources {
    /// Reads `tables/SOURCES.toml` of the crate at `dir`.
    pub(crate) fn read(dir: &Path) -> Result<Self, String> {
        let path = dir.join(PATH);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: {e}: not a crate written by `status-table init` (run `status-table init ROOT… --out DIR` first)",
                path.display()
            )
        })?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The sources of the pages `reading` found, for the crate at `dir`
    /// (absolute); `kinds` gives each copy's kinds of type. The pages in
    /// `kept` keep their entry in `old` (their type was kept as it was).
    pub(crate) fn of(
        reading: &Reading,
        dir: &Path,
        kinds: &dyn Fn(&str) -> Vec<String>,
        old: &Self,
        kept: &[String],
    ) -> Self {
        let mut sources = Self {
            defaults: old.defaults,
            ..Self::default()
        };
        for root in &reading.roots {
            let repository = repository(&root.path);
            let licence = licence(&root.path, repository.as_ref().map(|r| r.0.as_path()));
            sources.roots.push(Root {
                path: root.recorded.clone(),
                module: root.module.clone(),
                repository: repository.as_ref().map(|r| relative_to(&r.0, dir)),
                commit: repository.map(|r| r.1),
                licence: licence.map(|l| relative_to(&l, dir)),
            });
        }
        for page in &reading.pages {
            if let Some(kept) = old
                .pages
                .iter()
                .find(|p| p.copy == page.copy && kept.contains(&p.copy))
            {
                sources.pages.push(kept.clone());
                continue;
            }
            let root = &sources.roots[page.root];
            sources.pages.push(Page {
                copy: page.copy.clone(),
                root: root.path.clone(),
                path: page.source.clone(),
                sha256: status_codegen::__private::committed::sha256_hex(&page.bytes),
                commit: root.commit.clone(),
                licence: root.licence.clone(),
                types: kinds(&page.copy),
            });
        }
        sources
    }

    /// The file's text.
    pub(crate) fn render(&self) -> Result<String, String> {
        let body = toml::to_string(self).map_err(|e| format!("{PATH}: {e}"))?;
        Ok(format!("{HEADER}{body}"))
    }
}

/// `path` relative to `base` (both absolute), `/`-separated: `../docs/evs`.
pub(crate) fn relative_to(path: &Path, base: &Path) -> String {
    let (path, base) = (normalise(path), normalise(base));
    let common = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = base.components().count() - common;
    let parts: Vec<String> = std::iter::repeat_n("..".to_owned(), ups)
        .chain(
            path.components()
                .skip(common)
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

/// `path` as an absolute path with its links resolved as far as it exists.
pub(crate) fn absolute(path: &Path) -> Result<PathBuf, String> {
    let here = std::env::current_dir().map_err(|e| format!("the current folder: {e}"))?;
    let path = here.join(path);
    let existing = path.ancestors().find(|a| a.exists()).unwrap_or(&here);
    let rest = path.strip_prefix(existing).unwrap_or(Path::new(""));
    std::fs::canonicalize(existing)
        .map(|real| real.join(rest))
        .map_err(|e| format!("{}: {e}", existing.display()))
}

/// `recorded` (relative to the crate at `dir`, or absolute) as a path here,
/// with `.` and `..` resolved as written.
pub(crate) fn resolve(dir: &Path, recorded: &str) -> PathBuf {
    normalise(&dir.join(recorded))
}

/// A path with `.` and `..` taken out, lexically.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The git repository holding `dir` and its HEAD commit, when git is there
/// and `dir` is in a repository.
pub(crate) fn repository(dir: &Path) -> Option<(PathBuf, String)> {
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let commit = git(&["rev-parse", "HEAD"])?;
    Some((PathBuf::from(top), commit))
}

/// The licence file at `dir` or above it: up to the repository's top when
/// there is one, else up to three levels (a documentation tree's licence sits
/// at its repository's root, a few folders above a service's pages).
pub(crate) fn licence(dir: &Path, repository: Option<&Path>) -> Option<PathBuf> {
    let limit = if repository.is_some() { usize::MAX } else { 4 };
    for folder in dir.ancestors().take(limit) {
        let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && p.file_name().is_some_and(|n| {
                        let n = n.to_string_lossy().to_ascii_uppercase();
                        n.starts_with("LICENSE")
                            || n.starts_with("LICENCE")
                            || n.starts_with("COPYING")
                    })
            })
            .collect();
        found.sort();
        if let Some(first) = found.into_iter().next() {
            return Some(first);
        }
        if repository.is_some_and(|top| folder == top) {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_reads_back_as_written() {
        let sources = Sources {
            defaults: Some(Defaults::SDK),
            roots: vec![Root {
                path: "../docs/evs".to_owned(),
                module: "evs".to_owned(),
                repository: None,
                commit: Some("0123".to_owned()),
                licence: None,
            }],
            pages: vec![Page {
                copy: "tables/evs/状态码.md".to_owned(),
                root: "../docs/evs".to_owned(),
                path: "状态码.md".to_owned(),
                sha256: status_codegen::__private::committed::sha256_hex(b"abc"),
                commit: Some("0123".to_owned()),
                licence: None,
                types: vec!["status".to_owned()],
            }],
        };
        let text = sources.render().unwrap();
        assert_eq!(
            relative_to(Path::new("/a/docs/evs"), Path::new("/a/b/codes")),
            "../../docs/evs"
        );
        assert_eq!(
            relative_to(Path::new("/a/b/codes/x"), Path::new("/a/b/codes")),
            "x"
        );
        assert_eq!(
            resolve(Path::new("/a/b/codes"), "../../docs/./evs"),
            Path::new("/a/docs/evs")
        );
        assert!(text.starts_with("# Where each page"));
        assert!(text.contains("[[root]]") && text.contains("[[page]]"));
        assert!(text.contains("[defaults]\ncatch_all = true\n"), "{text}");
        assert_eq!(toml::from_str::<Sources>(&text).unwrap(), sources);
    }
}
