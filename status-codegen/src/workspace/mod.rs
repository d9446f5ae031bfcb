//! The workspace a package belongs to and the packages it has, read from the
//! manifests as cargo reads them (a TOML reader, cargo's globs): one answer
//! for the macro's document search and for the CLI's invocations.

mod glob;
pub mod manifest;

use std::path::{Component, Path, PathBuf};

pub use manifest::Manifest;

/// The manifest in `dir`; `None` when there is none or it does not read.
pub fn manifest(dir: &Path) -> Option<Manifest> {
    let text = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
    Manifest::parse(&text).ok()
}

/// Whether `dir`'s manifest declares a workspace (`[workspace]`,
/// `[workspace.package]`, `workspace.members = …`).
pub fn is_root(dir: &Path) -> bool {
    manifest(dir).is_some_and(|m| m.has_table("workspace"))
}

/// The root of the workspace `package` is a member of, as cargo finds it:
/// the directory `package.workspace` names, else the nearest directory at or
/// above the package whose workspace does not exclude it, when its `members`
/// list the package (or it is the package itself).
pub fn root_of(package: &Path) -> Option<PathBuf> {
    if let Some(manifest::Value::String(root)) = manifest(package)
        .as_ref()
        .and_then(|m| m.get(&["package", "workspace"]))
    {
        // Lexically, so that the root is one of the package's ancestors.
        let mut path = package.to_path_buf();
        for part in Path::new(root).components() {
            match part {
                Component::ParentDir => {
                    path.pop();
                }
                Component::CurDir => {}
                part => path.push(part),
            }
        }
        return Some(path);
    }
    for dir in package.ancestors() {
        let Some(manifest) = manifest(dir).filter(|m| m.has_table("workspace")) else {
            continue;
        };
        let within = relative(package, dir);
        if within == "." {
            return Some(dir.to_path_buf());
        }
        if excludes(&manifest, &within) {
            continue;
        }
        return lists(&manifest, &within).then(|| dir.to_path_buf());
    }
    None
}

/// The workspace root for a command run in `start`, as cargo finds it: the
/// root of the nearest package at or above `start`, where a package that no
/// workspace claims (a `cargo new` crate) is its own root; a directory with a
/// virtual manifest is the root of its workspace. The error says what cargo
/// would say: no manifest, or a workspace above that does not list the package.
pub fn root_above(start: &Path) -> Result<PathBuf, String> {
    let Some(nearest) = start
        .ancestors()
        .find(|dir| dir.join("Cargo.toml").is_file())
    else {
        return Err(format!(
            "no Cargo.toml in {} or its parents: run inside a package or a workspace, or pass --root",
            start.display()
        ));
    };
    if let Some(root) = root_of(nearest) {
        return Ok(root);
    }
    // Not a member of any workspace: its own root, unless a workspace above
    // neither lists nor excludes it (cargo refuses to build it then).
    let claimed = nearest.ancestors().skip(1).find(|dir| {
        manifest(dir)
            .is_some_and(|m| m.has_table("workspace") && !excludes(&m, &relative(nearest, dir)))
    });
    match claimed {
        None => Ok(nearest.to_path_buf()),
        Some(root) => Err(format!(
            "{} is in the workspace at {} but not one of its members: list it in that workspace's `members`, or in its `exclude` to make it its own root (cargo asks the same), or pass --root",
            nearest.display(),
            root.display()
        )),
    }
}

/// Every package of the workspace at `root`, relative to it (`.` for the root
/// package), in path order: the root package, and each directory with a
/// `Cargo.toml` that `members` lists and `exclude` leaves in. Build output
/// (`target`) and hidden directories are not searched.
pub fn members(root: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(root.join("Cargo.toml"))
        .map_err(|e| format!("{}: {e}", root.join("Cargo.toml").display()))?;
    let manifest = Manifest::parse(&text)
        .map_err(|e| format!("{}: {e}", root.join("Cargo.toml").display()))?;
    let mut found = Vec::new();
    if manifest.has_table("package") {
        found.push(".".to_owned());
    }
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.')
                || name == "target"
                || !entry.file_type().is_ok_and(|t| t.is_dir())
            {
                continue;
            }
            let path = entry.path();
            let within = relative(&path, root);
            if path.join("Cargo.toml").is_file() && is_member(&manifest, &within) {
                found.push(within);
            }
            dirs.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Whether the package at `within` (relative to the root whose manifest is
/// `root`) is a member: `members` lists it, and `exclude` does not leave it
/// out (a directory `members` names as it is stays in, as in cargo).
pub fn is_member(root: &Manifest, within: &str) -> bool {
    lists(root, within) && !excludes(root, within)
}

fn lists(root: &Manifest, within: &str) -> bool {
    root.strings(&["workspace", "members"])
        .iter()
        .any(|pattern| glob::matches(pattern, within))
}

fn excludes(root: &Manifest, within: &str) -> bool {
    let named = root
        .strings(&["workspace", "members"])
        .iter()
        .any(|pattern| !pattern.contains(['*', '?', '[']) && glob::matches(pattern, within));
    !named
        && root
            .strings(&["workspace", "exclude"])
            .iter()
            .any(|pattern| glob::matches_within(pattern, within))
}

/// `path` relative to `root`, with `/` separators on every platform (`.`
/// for the root itself).
pub fn relative(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch directory with `files` (path, contents), removed on drop.
    struct Tree(PathBuf);

    impl Tree {
        fn new(name: &str, files: &[(&str, &str)]) -> Self {
            let tree = status_testkit::Scratch::temp(&format!("status-table-workspace-{name}"));
            for (path, contents) in files {
                tree.write(path, contents);
            }
            Self(tree.path().to_owned())
        }
    }

    impl Drop for Tree {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    const PACKAGE: &str = "[package]\nname = \"p\"\n";

    fn root(manifest: &str) -> Manifest {
        Manifest::parse(manifest).unwrap()
    }

    #[test]
    fn members_and_excludes_with_every_glob() {
        let m = root(
            "[workspace] # comment\nmembers = [\n  \"core\", # the engine\n  'crates/*',\n  \"sdk/**\",\n  \"v?\",\n]\nexclude = [\"crates/skip\", \"sdk/**/old\"]\n",
        );
        for member in ["core", "crates/evs", "sdk/a", "sdk/a/b", "v1"] {
            assert!(is_member(&m, member), "{member}");
        }
        for outside in [
            "crates/skip",
            "crates/evs/sub",
            "sdk/x/old",
            "sdk/old",
            "v12",
            "target/package/core-0.1.0",
        ] {
            assert!(!is_member(&m, outside), "{outside}");
        }
        // A member named as it is stays in, even under an excluded directory.
        let m = root("workspace.members = [\"vendor/kept\"]\nworkspace.exclude = [\"vendor\"]\n");
        assert!(is_member(&m, "vendor/kept"));
    }

    #[test]
    fn the_root_of_a_member_in_every_manifest_form() {
        for (manifest, found) in [
            ("[workspace]\nmembers = [\"core\"]\n", true),
            ("[workspace] # the workspace\nmembers = [\"core\"]\n", true),
            ("workspace.members = [\"core\"]\n", true),
            (
                "[workspace]\nmembers = [\n  # comment\n  \"**/core\",\n]\n",
                true,
            ),
            (
                "[workspace]\nmembers = [\"cor?\"]\nexclude = [\"core\"]\n",
                false,
            ),
            ("[workspace]\nmembers = [\"other\"]\n", false),
            ("package.name = \"x\"\n", false),
        ] {
            let tree = Tree::new(
                "root",
                &[("Cargo.toml", manifest), ("core/Cargo.toml", PACKAGE)],
            );
            let expected = found.then(|| tree.0.clone());
            assert_eq!(root_of(&tree.0.join("core")), expected, "{manifest}");
            let above = root_above(&tree.0.join("core/src"));
            if found {
                assert_eq!(above, Ok(tree.0.clone()), "{manifest}");
            } else if manifest.contains("exclude") || !manifest.contains("workspace") {
                // Excluded, or no workspace above: the package is its own root.
                assert_eq!(above, Ok(tree.0.join("core")), "{manifest}");
            } else {
                // A workspace above that does not list it: cargo refuses it.
                let error = above.unwrap_err();
                assert!(error.contains("not one of its members"), "{error}");
            }
        }
    }

    #[test]
    fn a_lone_package_is_its_own_root() {
        let tree = Tree::new("lone", &[("codes/Cargo.toml", PACKAGE)]);
        let package = tree.0.join("codes");
        assert_eq!(root_of(&package), None);
        assert_eq!(root_above(&package), Ok(package.clone()));
        assert_eq!(root_above(&package.join("src/api")), Ok(package.clone()));
        assert_eq!(members(&package).unwrap(), ["."]);
        let error = root_above(&tree.0).unwrap_err();
        assert!(error.starts_with("no Cargo.toml in "), "{error}");
    }

    #[test]
    fn package_workspace_names_the_root() {
        let tree = Tree::new(
            "named",
            &[
                ("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n"),
                (
                    "crates/a/Cargo.toml",
                    "[package]\nname = \"a\"\nworkspace = \"../..\"\n",
                ),
            ],
        );
        assert_eq!(root_of(&tree.0.join("crates/a")), Some(tree.0.clone()));
    }

    #[test]
    fn an_excluded_package_belongs_to_a_workspace_further_up() {
        let tree = Tree::new(
            "up",
            &[
                ("Cargo.toml", "[workspace]\nmembers = [\"inner/pkg\"]\n"),
                ("inner/Cargo.toml", "[workspace]\nexclude = [\"pkg\"]\n"),
                ("inner/pkg/Cargo.toml", PACKAGE),
            ],
        );
        assert_eq!(root_of(&tree.0.join("inner/pkg")), Some(tree.0.clone()));
    }

    #[test]
    fn the_members_of_a_workspace_are_read_not_walked() {
        let tree = Tree::new(
            "members",
            &[
                (
                    "Cargo.toml",
                    "package.name = \"root\"\n[workspace]\nmembers = [\"crates/*\", \"tools/**\"]\nexclude = [\"crates/fuzz\"]\n",
                ),
                ("crates/a/Cargo.toml", PACKAGE),
                (
                    "crates/fuzz/Cargo.toml",
                    "[package]\nname = \"f\"\n[workspace]\n",
                ),
                ("crates/a/tests/fixture/Cargo.toml", PACKAGE),
                ("tools/x/y/Cargo.toml", PACKAGE),
                ("examples/loose/Cargo.toml", PACKAGE),
                ("target/package/a-0.1.0/Cargo.toml", PACKAGE),
            ],
        );
        assert_eq!(members(&tree.0).unwrap(), [".", "crates/a", "tools/x/y"]);
    }
}
