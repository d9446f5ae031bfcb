//! The staging area through which `init`, `sync` and `generate` write: every
//! file is made under `ROOT/.status-table-staging/new/` first, and moved into
//! place only once every step has succeeded. A failure while moving puts back
//! what was already moved, so on any error every file of ROOT is as it was.

use std::io;
use std::path::{Path, PathBuf};

/// The staging folder, in the folder written to (so that moving a file into
/// place is a rename on one file system).
pub(crate) const FOLDER: &str = ".status-table-staging";

/// Folders of a crate that are never copied, compared or written.
const NEVER: [&str; 3] = ["target", ".git", FOLDER];

/// What happens to one file of ROOT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change {
    /// The path relative to ROOT, `/`-separated.
    pub(crate) path: String,
    /// Whether the staging area has it (written) or not (removed).
    pub(crate) written: bool,
}

/// A staging area for ROOT; removed when dropped (with ROOT itself when it
/// was made for this and nothing was committed).
pub(crate) struct Staging {
    root: PathBuf,
    base: PathBuf,
    made_root: bool,
    /// Set when a failed move could not be undone: the backups stay.
    keep: bool,
}

impl Staging {
    /// An empty staging area for ROOT, made if it does not exist.
    pub(crate) fn new(root: &Path) -> Result<Self, String> {
        let made_root = !root.exists();
        let base = root.join(FOLDER);
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(base.join("new"))
            .map_err(|e| format!("{}: {e}", base.display()))?;
        Ok(Self {
            root: root.to_path_buf(),
            base,
            made_root,
            keep: false,
        })
    }

    /// A staging area holding a copy of ROOT, without `target/`, `.git/` and
    /// the top-level folders in `skip`.
    pub(crate) fn copy_of(root: &Path, skip: &[&str]) -> Result<Self, String> {
        let staging = Self::new(root)?;
        copy_tree(root, &staging.path(), &|name: &str| {
            NEVER.contains(&name) || skip.contains(&name)
        })?;
        Ok(staging)
    }

    /// Where the new files are made.
    pub(crate) fn path(&self) -> PathBuf {
        self.base.join("new")
    }

    /// Writes `bytes` to `relative` in the staging area.
    pub(crate) fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), String> {
        let target = self.path().join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{relative}: {e}"))?;
        }
        std::fs::write(&target, bytes).map_err(|e| format!("{relative}: {e}"))
    }

    /// Removes `relative` from the staging area, if there.
    pub(crate) fn remove(&self, relative: &str) -> Result<(), String> {
        match std::fs::remove_file(self.path().join(relative)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(format!("{relative}: {e}")),
            _ => Ok(()),
        }
    }

    /// The files that differ between the staging area and ROOT: every file
    /// of the staging area whose bytes are new, and every file of ROOT for
    /// which `managed` holds that the staging area lacks. Sorted.
    pub(crate) fn changes(&self, managed: &dyn Fn(&str) -> bool) -> Result<Vec<Change>, String> {
        let skip = |name: &str| NEVER.contains(&name);
        let mut staged = Vec::new();
        list_files(&self.path(), &self.path(), &skip, &mut staged)?;
        let mut existing = Vec::new();
        list_files(&self.root, &self.root, &skip, &mut existing)?;
        let mut changes = Vec::new();
        for path in &staged {
            let new = std::fs::read(self.path().join(path)).map_err(|e| format!("{path}: {e}"))?;
            if std::fs::read(self.root.join(path)).ok().as_deref() != Some(new.as_slice()) {
                changes.push(Change {
                    path: path.clone(),
                    written: true,
                });
            }
        }
        for path in existing
            .iter()
            .filter(|p| managed(p) && !staged.contains(p))
        {
            changes.push(Change {
                path: path.clone(),
                written: false,
            });
        }
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(changes)
    }

    /// Moves the `changes` into ROOT: all of them, or, on a failure, none.
    pub(crate) fn commit(mut self, changes: &[Change]) -> Result<(), String> {
        self.commit_with(changes, &mut |from, to| std::fs::rename(from, to))
    }

    /// [`Staging::commit`] with the rename to use (tests fail it on purpose).
    fn commit_with(
        &mut self,
        changes: &[Change],
        rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
    ) -> Result<(), String> {
        let mut moves = Moves::default();
        for change in changes {
            if let Err(error) = self.move_one(change, rename, &mut moves) {
                let undone = moves.undo(rename);
                if undone.is_empty() {
                    return Err(format!("{error}: nothing was changed"));
                }
                self.keep = true;
                return Err(format!(
                    "{error}; and putting back what was moved failed: {} (the originals are in {})",
                    undone.join("; "),
                    self.base.join("old").display()
                ));
            }
        }
        self.made_root = false;
        for change in changes.iter().filter(|c| !c.written) {
            remove_empty_parents(&self.root, &self.root.join(&change.path));
        }
        Ok(())
    }

    fn move_one(
        &self,
        change: &Change,
        rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
        moves: &mut Moves,
    ) -> Result<(), String> {
        let target = self.root.join(&change.path);
        if target.exists() {
            let aside = self.base.join("old").join(&change.path);
            make_parents(&aside, &mut Vec::new())?;
            rename(&target, &aside).map_err(|e| format!("{}: {e}", change.path))?;
            moves.aside.push((target.clone(), aside));
        }
        if change.written {
            make_parents(&target, &mut moves.made)?;
            rename(&self.path().join(&change.path), &target)
                .map_err(|e| format!("{}: {e}", change.path))?;
            moves.placed.push(target);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.keep {
            return;
        }
        let _ = std::fs::remove_dir_all(&self.base);
        if self.made_root {
            let _ = std::fs::remove_dir(&self.root);
        }
    }
}

/// What a commit has done so far, to undo it.
#[derive(Default)]
struct Moves {
    /// Files of ROOT moved aside: (where it was, where it is).
    aside: Vec<(PathBuf, PathBuf)>,
    /// Files moved into place.
    placed: Vec<PathBuf>,
    /// Folders made for them.
    made: Vec<PathBuf>,
}

impl Moves {
    /// Puts everything back; returns what could not be.
    fn undo(&self, rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>) -> Vec<String> {
        let mut failed = Vec::new();
        for placed in self.placed.iter().rev() {
            if let Err(e) = std::fs::remove_file(placed) {
                failed.push(format!("{}: {e}", placed.display()));
            }
        }
        for folder in self.made.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
        for (was, is) in self.aside.iter().rev() {
            if let Err(e) = rename(is, was) {
                failed.push(format!("{}: {e}", was.display()));
            }
        }
        failed
    }
}

/// Makes the missing folders above `file`, recording each.
fn make_parents(file: &Path, made: &mut Vec<PathBuf>) -> Result<(), String> {
    let Some(parent) = file.parent() else {
        return Ok(());
    };
    let mut missing: Vec<&Path> = parent.ancestors().take_while(|a| !a.exists()).collect();
    missing.reverse();
    for folder in missing {
        std::fs::create_dir(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        made.push(folder.to_path_buf());
    }
    Ok(())
}

/// Removes the folders above `file` that are empty now, up to `root`.
fn remove_empty_parents(root: &Path, file: &Path) {
    for folder in file.ancestors().skip(1) {
        if folder == root || !folder.starts_with(root) || std::fs::remove_dir(folder).is_err() {
            break;
        }
    }
}

/// Copies the tree at `from` to `to`, leaving out the top-level names `skip`
/// holds.
fn copy_tree(from: &Path, to: &Path, skip: &dyn Fn(&str) -> bool) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let name = entry.file_name();
        if skip(&name.to_string_lossy()) {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            copy_tree(&entry.path(), &target, &|_| false)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Every file under `dir`, relative to `root`, leaving out the top-level
/// names `skip` holds.
fn list_files(
    dir: &Path,
    root: &Path,
    skip: &dyn Fn(&str) -> bool,
    found: &mut Vec<String>,
) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name();
        if dir == root && skip(&name.to_string_lossy()) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            list_files(&entry.path(), root, skip, found)?;
        } else {
            found.push(crate::invocations::relative(&entry.path(), root));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `root` (outside the staging folder) and its text.
    fn snapshot(root: &Path) -> Vec<(String, String)> {
        let mut files = Vec::new();
        list_files(root, root, &|n| n == FOLDER, &mut files).unwrap();
        files.sort();
        files
            .into_iter()
            .map(|f| {
                let text = std::fs::read_to_string(root.join(&f)).unwrap();
                (f, text)
            })
            .collect()
    }

    fn tree(name: &str) -> PathBuf {
        let tree = status_testkit::Scratch::temp(&format!("staging-{name}"));
        tree.write("a.txt", "a")
            .write("src/b.rs", "b")
            .write("old/c.txt", "c");
        tree.path().to_owned()
    }

    /// A staging area that changes `a.txt`, adds `new/d.txt` and removes
    /// `old/c.txt`.
    fn staged(root: &Path) -> (Staging, Vec<Change>) {
        let staging = Staging::copy_of(root, &[]).unwrap();
        staging.write("a.txt", b"A").unwrap();
        staging.write("new/d.txt", b"d").unwrap();
        staging.remove("old/c.txt").unwrap();
        let changes = staging.changes(&|_| true).unwrap();
        (staging, changes)
    }

    #[test]
    fn a_commit_moves_every_change_into_place() {
        let root = tree("commit");
        let (staging, changes) = staged(&root);
        let paths: Vec<(&str, bool)> = changes
            .iter()
            .map(|c| (c.path.as_str(), c.written))
            .collect();
        assert_eq!(
            paths,
            [("a.txt", true), ("new/d.txt", true), ("old/c.txt", false)]
        );
        staging.commit(&changes).unwrap();
        assert_eq!(
            snapshot(&root),
            [
                ("a.txt".to_owned(), "A".to_owned()),
                ("new/d.txt".to_owned(), "d".to_owned()),
                ("src/b.rs".to_owned(), "b".to_owned()),
            ]
        );
        assert!(!root.join("old").exists(), "an emptied folder goes");
        assert!(!root.join(FOLDER).exists());
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_move_that_fails_at_any_step_leaves_every_file_as_it_was() {
        let root = tree("fail");
        let before = snapshot(&root);
        // The commit renames four times: a.txt aside, a.txt in, d.txt in,
        // c.txt aside. Fail each in turn.
        for failing in 0..4 {
            let (mut staging, changes) = staged(&root);
            let mut count = 0;
            let mut rename = |from: &Path, to: &Path| {
                count += 1;
                if count == failing + 1 {
                    Err(io::Error::other("disk full"))
                } else {
                    std::fs::rename(from, to)
                }
            };
            let error = staging.commit_with(&changes, &mut rename).unwrap_err();
            assert!(error.ends_with("disk full: nothing was changed"), "{error}");
            drop(staging);
            assert_eq!(snapshot(&root), before, "failing rename {failing}");
            assert!(!root.join("new").exists());
            assert!(!root.join(FOLDER).exists());
        }
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_folder_made_for_nothing_goes_again() {
        let root = std::env::temp_dir().join(format!("staging-fresh-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let staging = Staging::new(&root).unwrap();
        staging.write("x.txt", b"x").unwrap();
        drop(staging);
        assert!(!root.exists());
    }
}
