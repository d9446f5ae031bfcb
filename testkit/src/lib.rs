//! Scratch trees for the workspace's tests: a folder made fresh for a test
//! under a base folder, and files written into it with their parent folders.
//!
//! Setting a tree up is test code: a failure panics with the path it was
//! about, and the tree stays in place after the test, to be looked at when
//! the test failed.
//!
//! ```
//! let tree = status_testkit::Scratch::temp("status-testkit-doc");
//! tree.write("Cargo.toml", "[workspace]\nmembers = [\"probe\"]\n")
//!     .write("probe/src/lib.rs", "//! Probe.\n");
//! assert!(tree.join("probe/src/lib.rs").is_file());
//! ```

use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A folder a test builds its files in.
#[derive(Debug)]
pub struct Scratch {
    root: PathBuf,
}

impl Scratch {
    /// `base/name`, with whatever an earlier run left there removed, created
    /// empty. `base` is usually `env!("CARGO_TARGET_TMPDIR")`, which cargo
    /// gives integration tests for their files.
    pub fn new(base: impl AsRef<Path>, name: &str) -> Self {
        let root = base.as_ref().join(name);
        match std::fs::remove_dir_all(&root) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => panic!(
                "{}: cannot remove an earlier run's tree: {e}",
                root.display()
            ),
        }
        create_dir_all(&root);
        Scratch { root }
    }

    /// `name-PID` in the system's temporary folder: for a tree that must be
    /// outside every cargo workspace, and for unit tests, which have no
    /// `CARGO_TARGET_TMPDIR`. The process id keeps two test runs at once
    /// (two checkouts) out of each other's trees.
    pub fn temp(name: &str) -> Self {
        Scratch::new(
            std::env::temp_dir(),
            &format!("{name}-{}", std::process::id()),
        )
    }

    /// The folder `relative` of this tree, created with its parents if
    /// missing, as a tree of its own. It is not emptied: it is part of a tree
    /// that was made fresh.
    #[must_use]
    pub fn subtree(&self, relative: impl AsRef<Path>) -> Scratch {
        let root = self.inside(relative.as_ref());
        create_dir_all(&root);
        Scratch { root }
    }

    /// Creates the folder `relative` with its parents (for a folder that
    /// stays empty; files bring theirs); returns the tree.
    pub fn folder(&self, relative: impl AsRef<Path>) -> &Self {
        create_dir_all(&self.inside(relative.as_ref()));
        self
    }

    /// The tree's folder.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Writes `contents` to the file `relative`, creating its parent folders;
    /// returns the tree, for the next file.
    pub fn write(&self, relative: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.file(relative.as_ref());
        std::fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("{}: cannot write: {e}", path.display()));
        self
    }

    /// Copies the file `from` to `relative`, creating its parent folders;
    /// returns the tree, for the next file.
    pub fn copy(&self, relative: impl AsRef<Path>, from: impl AsRef<Path>) -> &Self {
        let (from, path) = (from.as_ref(), self.file(relative.as_ref()));
        std::fs::copy(from, &path)
            .unwrap_or_else(|e| panic!("{}: cannot copy {}: {e}", path.display(), from.display()));
        self
    }

    /// `relative` in the tree, its parent folders created.
    fn file(&self, relative: &Path) -> PathBuf {
        let path = self.inside(relative);
        if let Some(parent) = path.parent() {
            create_dir_all(parent);
        }
        path
    }

    /// `relative` in the tree; an absolute path would leave it (`join`
    /// replaces the base with it), so that is a mistake in the test.
    fn inside(&self, relative: &Path) -> PathBuf {
        assert!(
            relative.is_relative(),
            "{}: not a path inside the tree {}",
            relative.display(),
            self.root.display()
        );
        self.root.join(relative)
    }
}

/// A tree is used where its path would be (`tree.join(…)`, `&tree` as a
/// `&Path`), as the `PathBuf`s it replaces were.
impl Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.root
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.root
    }
}

fn create_dir_all(path: &Path) {
    std::fs::create_dir_all(path)
        .unwrap_or_else(|e| panic!("{}: cannot create the folder: {e}", path.display()));
}

#[cfg(test)]
mod tests {
    use super::Scratch;

    #[test]
    fn a_tree_is_made_fresh_and_files_bring_their_folders() {
        let first = Scratch::temp("status-testkit-fresh");
        first.write("left/over.txt", "an earlier run\n");
        let tree = Scratch::temp("status-testkit-fresh");
        assert_eq!(tree.path(), first.path());
        assert!(
            !tree.join("left").exists(),
            "the earlier run's files are gone"
        );

        tree.write("a/b/c.md", "text")
            .copy("d/e.md", tree.join("a/b/c.md"));
        assert_eq!(
            std::fs::read_to_string(tree.join("a/b/c.md")).unwrap(),
            "text"
        );
        assert_eq!(
            std::fs::read_to_string(tree.join("d/e.md")).unwrap(),
            "text"
        );

        // A folder of the tree is not emptied.
        let a = tree.subtree("a");
        assert!(a.join("b/c.md").is_file());
        a.folder("empty");
        assert!(tree.join("a/empty").is_dir());
        std::fs::remove_dir_all(tree.path()).unwrap();
    }

    #[test]
    #[should_panic(expected = "not a path inside the tree")]
    fn an_absolute_path_is_refused() {
        let tree = Scratch::temp("status-testkit-absolute");
        tree.write(std::env::temp_dir().join("status-testkit-escaped.txt"), "");
    }

    #[test]
    #[should_panic(expected = "cannot copy")]
    fn a_failure_names_the_paths() {
        let tree = Scratch::temp("status-testkit-failure");
        tree.copy("to.md", tree.join("missing.md"));
    }
}
