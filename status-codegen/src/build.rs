//! The build.rs front end, for projects that will not take a proc macro: the
//! same engine, writing the generated code to `OUT_DIR`.
//!
//! ```no_run
//! // build.rs, in `fn main`
//! status_codegen::build::Generator::new("tables/evs_04_0039.md")
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
use crate::options::Options;

/// Generates one type from one document, in a build script.
#[derive(Debug, Clone)]
pub struct Generator {
    document: String,
    options: Options,
    output: Option<String>,
}

/// Why generation failed: every problem, each printed as the macro prints it.
#[derive(Debug)]
pub struct BuildError {
    /// The problems, in document order.
    pub diagnostics: Vec<Diagnostic>,
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
    /// A generator for the document at `document`, resolved like the macro's
    /// path: against `CARGO_MANIFEST_DIR`, then its parents up to the workspace root.
    pub fn new(document: impl Into<String>) -> Self {
        Self {
            document: document.into(),
            options: Options::default(),
            output: None,
        }
    }

    /// All the options at once (the macro's options, as a value).
    #[must_use]
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The type's name (default `StatusCode`).
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.options.type_name = name.into();
        self
    }

    /// The file name written in `OUT_DIR` (default: the document's stem, `.rs`).
    #[must_use]
    pub fn output_file(mut self, name: impl Into<String>) -> Self {
        self.output = Some(name.into());
        self
    }

    /// Writes the code to `OUT_DIR`, tells cargo to rerun when the document
    /// changes, and returns the path written.
    pub fn generate(self) -> Result<PathBuf, BuildError> {
        let fail = |message: String| BuildError {
            diagnostics: vec![Diagnostic::file(&self.document, message)],
        };
        let manifest_dir = env_path("CARGO_MANIFEST_DIR").ok_or_else(|| {
            fail("CARGO_MANIFEST_DIR is not set: run this from a build script".to_owned())
        })?;
        let out_dir = env_path("OUT_DIR")
            .ok_or_else(|| fail("OUT_DIR is not set: run this from a build script".to_owned()))?;
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
        let fail = |message: String| BuildError {
            diagnostics: vec![Diagnostic::file(&self.document, message)],
        };
        let found = crate::resolve::resolve(&self.document, manifest_dir).map_err(|tried| {
            let mut diagnostic = Diagnostic::file(
                &self.document,
                "document not found: expected a Markdown or HTML file at one of the paths tried",
            );
            for path in tried {
                diagnostic = diagnostic.with_note(format!("tried {}", path.display()));
            }
            BuildError {
                diagnostics: vec![diagnostic],
            }
        })?;
        println!("cargo:rerun-if-changed={}", found.display());
        let bytes = std::fs::read(&found)
            .map_err(|e| fail(format!("cannot read {}: {e}", found.display())))?;
        let expansion = crate::expand(&self.document, &bytes, &self.options);
        if !expansion.is_ok() {
            return Err(BuildError {
                diagnostics: expansion.diagnostics,
            });
        }
        let code = expansion.tokens.to_string();
        // Leave the file alone when nothing changed, so nothing downstream rebuilds.
        if std::fs::read_to_string(target).ok().as_deref() != Some(code.as_str()) {
            std::fs::write(target, code)
                .map_err(|e| fail(format!("cannot write {}: {e}", target.display())))?;
        }
        Ok(target.to_path_buf())
    }
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).map(PathBuf::from)
}
