//! The macro's expansion cache. Every build of a crate re-runs every
//! `status_table!`, also when only a `.rs` file changed; at SDK scale (50
//! invocations) the engine and the handing over of its tokens cost more than
//! the rest of the rebuild. So the macro keeps each clean expansion as text in
//! the build's target directory, under `status-table-cache/`, beside what it
//! was made from: the engine's identity, the invocation, and every document's
//! path and bytes. The next expansion of the same invocation over the same
//! bytes is that text, compared byte for byte (no hash decides it), so a hit
//! can never be stale. An expansion with problems is never kept.
//!
//! One file per invocation (a new expansion replaces the old one), written to
//! a temporary name and renamed, so parallel builds never read half a file.
//! The cache is only used inside a target directory cargo made (one with
//! `CACHEDIR.TAG`); nothing is written anywhere else. Deleting it is always
//! safe; `STATUS_TABLE_NO_CACHE` (set to anything) turns it off.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::load::LoadedDocument;

/// What an entry's key starts with: the format and the engine that wrote it.
/// The source hash (from `build.rs`) changes with the engine's own code; the
/// `TypeId` of one of its types changes with the compiler and with the version
/// and features of every crate the engine is built from (cargo mixes them all
/// into the crate's metadata), so `cargo update` of a parser is a miss too.
fn identity() -> String {
    format!(
        "status-table-cache 1 {} {} {:?}",
        env!("CARGO_PKG_VERSION"),
        env!("STATUS_CODEGEN_SOURCE_HASH"),
        std::any::TypeId::of::<crate::Expansion>(),
    )
}

/// The directory of the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache of the build: `status-table-cache/` in `CARGO_TARGET_DIR`,
    /// else in the nearest `target/` above `manifest_dir`; only when that
    /// directory is one cargo made (it holds `CACHEDIR.TAG`).
    pub fn find(manifest_dir: &Path) -> Option<Self> {
        if std::env::var_os("STATUS_TABLE_NO_CACHE").is_some() {
            return None;
        }
        Self::locate(
            manifest_dir,
            std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from),
        )
    }

    /// [`find`](Self::find) with the value of `CARGO_TARGET_DIR` given.
    fn locate(manifest_dir: &Path, target_dir: Option<PathBuf>) -> Option<Self> {
        let is_target = |dir: &Path| dir.join("CACHEDIR.TAG").is_file();
        let target = match target_dir {
            Some(dir) => Some(dir).filter(|d| is_target(d))?,
            None => manifest_dir
                .ancestors()
                .map(|dir| dir.join("target"))
                .find(|dir| is_target(dir))?,
        };
        Some(Self::at(target.join("status-table-cache")))
    }

    /// A cache in `dir` (created when the first entry is written).
    pub fn at(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The expansion kept for this invocation over these documents, if the
    /// entry was made from exactly them by this engine.
    pub fn get(&self, invocation: &str, documents: &[LoadedDocument]) -> Option<String> {
        let key = key(invocation, documents)?;
        let entry = std::fs::read(self.slot(invocation, documents)).ok()?;
        let (stored, rest) = field(&entry)?;
        let (text, rest) = field(rest)?;
        if stored != key.as_slice() || !rest.is_empty() {
            return None;
        }
        String::from_utf8(text.to_vec()).ok()
    }

    /// Keeps `expansion` for this invocation over these documents. Failures
    /// (a read-only target directory) only mean the next build expands again.
    pub fn put(&self, invocation: &str, documents: &[LoadedDocument], expansion: &str) {
        let Some(key) = key(invocation, documents) else {
            return;
        };
        let mut entry = Vec::with_capacity(16 + key.len() + expansion.len());
        push_field(&mut entry, &key);
        push_field(&mut entry, expansion.as_bytes());
        let slot = self.slot(invocation, documents);
        let temporary = slot.with_extension(format!("{}.tmp", std::process::id()));
        let written = std::fs::create_dir_all(&self.dir)
            .and_then(|()| std::fs::write(&temporary, &entry))
            .and_then(|()| std::fs::rename(&temporary, &slot));
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
    }

    /// The file of an invocation: its text and where its documents were found
    /// (the same text in two crates can name two files).
    fn slot(&self, invocation: &str, documents: &[LoadedDocument]) -> PathBuf {
        let mut hasher = DefaultHasher::new();
        invocation.hash(&mut hasher);
        for document in documents {
            document.found.hash(&mut hasher);
        }
        self.dir.join(format!("{:016x}", hasher.finish()))
    }
}

/// Everything an expansion is made from, each part length-prefixed; `None`
/// when a document was not read (such an expansion has errors and is not kept).
fn key(invocation: &str, documents: &[LoadedDocument]) -> Option<Vec<u8>> {
    let mut key = Vec::new();
    push_field(&mut key, identity().as_bytes());
    push_field(&mut key, invocation.as_bytes());
    for document in documents {
        push_field(&mut key, document.written.as_bytes());
        push_field(
            &mut key,
            document.found.as_ref()?.to_string_lossy().as_bytes(),
        );
        push_field(&mut key, document.bytes.as_ref()?);
    }
    Some(key)
}

/// Appends `bytes` with its length (8 bytes, little-endian) before it.
fn push_field(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// A field written by [`push_field`], and what follows it.
fn field(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (length, rest) = bytes.split_at_checked(8)?;
    let length = usize::try_from(u64::from_le_bytes(length.try_into().ok()?)).ok()?;
    rest.split_at_checked(length)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(bytes: &[u8]) -> LoadedDocument {
        LoadedDocument {
            written: "tables/a.md".to_owned(),
            found: Some(PathBuf::from("/work/tables/a.md")),
            bytes: Some(bytes.to_vec()),
        }
    }

    fn scratch(name: &str) -> Cache {
        let dir = std::env::temp_dir().join(format!(
            "status-table-cache-test-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        Cache::at(dir)
    }

    #[test]
    fn an_entry_is_served_only_for_the_same_invocation_and_bytes() {
        let cache = scratch("same");
        let documents = [document(b"| Status Code | Description |")];
        assert_eq!(cache.get("\"a.md\"", &documents), None);
        cache.put("\"a.md\"", &documents, "pub enum StatusCode {}");
        assert_eq!(
            cache.get("\"a.md\"", &documents).as_deref(),
            Some("pub enum StatusCode {}")
        );
        // One byte of the document, the invocation, a translation added.
        assert_eq!(
            cache.get("\"a.md\"", &[document(b"| Status Code | DescriptioN |")]),
            None
        );
        assert_eq!(cache.get("\"a.md\", name = X", &documents), None);
        let two = [document(b"| Status Code | Description |"), document(b"x")];
        assert_eq!(cache.get("\"a.md\"", &two), None);
        // A new expansion replaces the old one in the invocation's one file.
        cache.put("\"a.md\"", &[document(b"v2")], "pub enum StatusCode { V2 }");
        assert_eq!(cache.get("\"a.md\"", &documents), None);
        assert_eq!(std::fs::read_dir(&cache.dir).unwrap().count(), 1);
        let _ = std::fs::remove_dir_all(&cache.dir);
    }

    #[test]
    fn unread_documents_and_damaged_entries_are_misses() {
        let cache = scratch("damaged");
        let unread = [LoadedDocument {
            bytes: None,
            ..document(b"")
        }];
        cache.put("\"a.md\"", &unread, "x");
        assert!(!cache.dir.exists(), "nothing kept for an unread document");
        let documents = [document(b"abc")];
        cache.put("\"a.md\"", &documents, "pub enum StatusCode {}");
        let slot = cache.slot("\"a.md\"", &documents);
        let entry = std::fs::read(&slot).unwrap();
        assert!(cache.get("\"a.md\"", &documents).is_some());
        for cut in [0, 4, 8, 20, entry.len() - 1] {
            std::fs::write(&slot, &entry[..cut]).unwrap();
            assert_eq!(cache.get("\"a.md\"", &documents), None, "cut at {cut}");
        }
        std::fs::write(&slot, [entry.as_slice(), b"x"].concat()).unwrap();
        assert_eq!(cache.get("\"a.md\"", &documents), None, "a longer entry");
        let _ = std::fs::remove_dir_all(&cache.dir);
    }

    #[test]
    fn only_a_target_directory_cargo_made_holds_the_cache() {
        let root = std::env::temp_dir().join(format!("status-table-find-{}", std::process::id()));
        let package = root.join("crates/sdk");
        let elsewhere = root.join("elsewhere");
        std::fs::create_dir_all(&package).unwrap();
        std::fs::create_dir_all(root.join("target")).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        assert_eq!(Cache::locate(&package, None), None, "no CACHEDIR.TAG");
        assert_eq!(Cache::locate(&package, Some(elsewhere.clone())), None);
        let tag = "Signature: 8a477f597d28d172789f06886806bc55";
        std::fs::write(root.join("target/CACHEDIR.TAG"), tag).unwrap();
        std::fs::write(elsewhere.join("CACHEDIR.TAG"), tag).unwrap();
        assert_eq!(
            Cache::locate(&package, None),
            Some(Cache::at(root.join("target/status-table-cache")))
        );
        assert_eq!(
            Cache::locate(&package, Some(elsewhere.clone())),
            Some(Cache::at(elsewhere.join("status-table-cache"))),
            "CARGO_TARGET_DIR first"
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
