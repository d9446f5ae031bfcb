//! The build.rs front end, for projects that will not take a proc macro: the
//! same load step as the macro, writing the generated code to `OUT_DIR`.
//!
//! ```no_run
//! // build.rs, in `fn main`
//! status_codegen::build_script::Generator::new("tables/evs_04_0039.md")
//!     .name("EvsStatus")
//!     .generate()
//!     .unwrap_or_else(|error| panic!("{error}"));
//! ```
//!
//! ```ignore
//! // src/lib.rs
//! include!(concat!(env!("OUT_DIR"), "/evs_04_0039.rs"));
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::load::{self, MANIFEST_DIR_VARIABLE};
use crate::options::Options;

/// Generates one type from one document (and its translations), in a build script.
#[derive(Debug, Clone)]
pub struct Generator {
    document: String,
    options: Options,
    output: Option<String>,
}

/// Why generation failed: every problem, each printed as the macro prints it.
#[derive(Debug)]
pub struct BuildError {
    diagnostics: Vec<Diagnostic>,
}

impl BuildError {
    /// The problems, in document order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}

impl Generator {
    /// A generator for the document at `document`, found as the macro finds
    /// it: in the package's directory (`CARGO_MANIFEST_DIR`, or
    /// `STATUS_TABLE_MANIFEST_DIR` when set), then its parents up to the root
    /// of the workspace the package belongs to.
    pub fn new(document: impl Into<String>) -> Self {
        Self {
            document: document.into(),
            options: Options::default(),
            output: None,
        }
    }

    /// All the options at once (the macro's options, as a value; see
    /// [`crate::invocation::parse`] to read them from the macro's syntax).
    #[must_use]
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The type's name (default `StatusCode`, or `ErrorCode` for error tables).
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.options.type_name = Some(name.into());
        self
    }

    /// The file name written in `OUT_DIR` (default: the document's stem, `.rs`).
    #[must_use]
    pub fn output_file(mut self, name: impl Into<String>) -> Self {
        self.output = Some(name.into());
        self
    }

    /// Writes the code to `OUT_DIR`, tells cargo to rerun when a document or
    /// `STATUS_TABLE_MANIFEST_DIR` changes, and returns the path written.
    pub fn generate(self) -> Result<PathBuf, BuildError> {
        let fail = |message: &str| BuildError {
            diagnostics: vec![Diagnostic::file(&self.document, message)],
        };
        println!("cargo:rerun-if-env-changed={MANIFEST_DIR_VARIABLE}");
        let manifest_dir = load::manifest_dir()
            .ok_or_else(|| fail("CARGO_MANIFEST_DIR is not set: run this from a build script"))?;
        let out_dir = std::env::var_os("OUT_DIR")
            .map(PathBuf::from)
            .ok_or_else(|| fail("OUT_DIR is not set: run this from a build script"))?;
        let output = self.output.clone().unwrap_or_else(|| {
            let stem = Path::new(&self.document).file_stem().map_or_else(
                || "status_table".into(),
                |s| s.to_string_lossy().into_owned(),
            );
            format!("{stem}.rs")
        });
        self.generate_into(&manifest_dir, &out_dir.join(output))
    }

    /// [`generate`](Self::generate) with explicit directories, for tests and tools.
    pub fn generate_into(&self, manifest_dir: &Path, target: &Path) -> Result<PathBuf, BuildError> {
        let loaded = load::load(&self.document, &self.options, manifest_dir);
        for tracked in loaded.tracked() {
            println!("cargo:rerun-if-changed={}", tracked.display());
        }
        let expansion = loaded.expansion;
        let mut diagnostics = expansion.checked.diagnostics;
        diagnostics.extend(
            expansion.checked.invocation_errors.iter().map(|e| {
                Diagnostic::file(&self.document, format!("in the options: {}", e.message))
            }),
        );
        if !diagnostics.is_empty() {
            return Err(BuildError { diagnostics });
        }
        let code = expansion.tokens.to_string();
        // Leave the file alone when nothing changed, so nothing downstream rebuilds.
        if std::fs::read_to_string(target).ok().as_deref() != Some(code.as_str()) {
            std::fs::write(target, code).map_err(|e| BuildError {
                diagnostics: vec![Diagnostic::file(
                    &self.document,
                    format!("cannot write {}: {e}", target.display()),
                )],
            })?;
        }
        Ok(target.to_path_buf())
    }
}
