//! The committed expansion: `{package}/generated/{document path}[-{name}].rs`
//! (the document's path as written, and the `name` option when given),
//! written by `status-table generate`, checked by `status-table check`, and
//! reused by the macro as its cache. The file starts with a header in the style
//! of ucd-generate (DO NOT EDIT, the command, the engine, the invocation, every
//! document and its SHA-256, the SHA-256 of the code below the header, the rows
//! as data), then the code. The writer and the reader of that header are both
//! here, so they cannot disagree.
//!
//! The macro hands rustc `include!` of the file only while the header says it
//! was made by this very engine, from this invocation, from these documents'
//! bytes, and the code below the header still has the hash written above it:
//! a hand edit, a stale document or another engine is a miss, and the engine
//! runs as if the file were not there.

use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use sha2::{Digest, Sha256};

use crate::load::LoadedDocument;
use crate::options::Options;

/// The folder of each package where its committed expansions live.
pub const DIRECTORY: &str = "generated";

/// The one command that rewrites them.
pub const GENERATE_COMMAND: &str = "status-table generate";

/// This engine: its version and a hash of its source (made by `build.rs`), so
/// that two commits of a path or git dependency with one version differ.
pub const ENGINE: &str = concat!(
    "status-codegen ",
    env!("CARGO_PKG_VERSION"),
    " (source ",
    env!("STATUS_CODEGEN_SOURCE_HASH"),
    ")"
);

/// The line before the rows block.
pub const ROWS_HEADER: &str = "// rows (read by `status-table check`; one JSON object per row):";

const ENGINE_KEY: &str = "// engine:     ";
const SOURCE_KEY: &str = "// source:     ";
const INVOCATION_KEY: &str = "// invocation: ";
const CONTINUATION: &str = "//             ";
const DOCUMENT_KEY: &str = "// document:   ";
const SHA256_KEY: &str = "// sha256:     ";
const BODY_KEY: &str = "// body:       sha256 ";

/// The identity a committed file must name for a front end to reuse it: this
/// engine and the front end that emits the file (the macro crate), each with
/// its version and source hash, as `status-macros 0.1.0 (source 0123…)`.
pub fn identity(front_end: &str) -> String {
    format!("{ENGINE}, {front_end}")
}

/// Where the expansion of an invocation is kept in `generated/`: the
/// document's path as written, extension included, then `-{name}` when the
/// invocation names its type (`name = ErrorCode`), then `.rs`:
/// `tables/evs_04_0039.md.rs`, `tables/evs_04_0038.en.md-ErrorCode.rs`.
///
/// Both parts are tokens of the invocation as written, so the committed form
/// of `status_table!` (a `macro_rules!`, no proc macro: see the `status-table`
/// crate) finds the file with `concat!` alone; the default type name, which
/// depends on the kind of table read, is not part of it. The whole path keeps
/// `tables/evs/状态码.md` and `tables/vpc/状态码.md`, or `codes.md` and
/// `codes.html`, apart. Separators are `/`; `.` is left out, as the file system
/// reads it. `None` when the path leaves `generated/` (`..`, an absolute path)
/// or names no file: no such file can be committed in the package.
pub fn file_name(document: &str, name: Option<&str>) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for component in Path::new(document).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if document.ends_with(['/', '\\']) {
        return None;
    }
    let last = parts.pop()?;
    let suffix = name.map_or_else(String::new, |name| format!("-{name}"));
    parts.push(format!("{last}{suffix}.rs"));
    Some(parts.join("/"))
}

/// The file in `package` that holds the invocation's expansion ([`file_name`]
/// in its `generated/` folder).
pub fn file(package: &Path, document: &str, options: &Options) -> Option<PathBuf> {
    file_name(document, options.type_name.as_deref()).map(|name| package.join(DIRECTORY).join(name))
}

/// The invocation's tokens as text, the same whether they come from the
/// compiler (the macro) or from a source file (the CLI). Every token is kept
/// with whether a punctuation mark is joined to the next, so the text lexes
/// back to the same tokens: two invocations with one text parse alike.
pub fn invocation_text(tokens: &TokenStream) -> String {
    let mut out = String::new();
    write_tokens(&mut out, tokens.clone());
    out
}

fn write_tokens(out: &mut String, tokens: TokenStream) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    // Whether the previous token is glued to the next one: a joined
    // punctuation mark (`=>`, the first `:` of `::`) or the second `:` of `::`.
    let mut glue_next = true; // no space before the first token
    let mut after_ident = false;
    for (i, token) in tokens.iter().enumerate() {
        let path_separator = |at: usize| {
            matches!(tokens.get(at), Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
                && matches!(tokens.get(at + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':')
        };
        let glue = glue_next
            || matches!(token, TokenTree::Punct(p) if p.as_char() == ',')
            || (after_ident
                && (path_separator(i)
                    || matches!(token, TokenTree::Group(g) if g.delimiter() != Delimiter::None)));
        if !glue {
            out.push(' ');
        }
        glue_next = i > 0 && path_separator(i - 1);
        after_ident = false;
        match token {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{", "}"),
                    // Only macro_rules makes these; no source file has them,
                    // so such an invocation never matches a committed file.
                    Delimiter::None => ("\u{27e6}", "\u{27e7}"),
                };
                out.push_str(open);
                write_tokens(out, group.stream());
                out.push_str(close);
            }
            TokenTree::Ident(ident) => {
                let _ = write!(out, "{ident}");
                after_ident = true;
            }
            TokenTree::Punct(punct) => {
                out.push(punct.as_char());
                glue_next |= punct.spacing() == Spacing::Joint;
            }
            TokenTree::Literal(literal) => {
                let _ = write!(out, "{literal}");
            }
        }
    }
}

/// What a committed file is made from, for its header.
#[derive(Debug, Clone)]
pub struct Header<'a> {
    /// [`identity`] of the engine and front end.
    pub identity: &'a str,
    /// The file holding the invocation, relative to the workspace root.
    pub source: &'a str,
    /// [`invocation_text`] of the invocation.
    pub invocation: &'a str,
    /// Every document, primary first: its path relative to the workspace root
    /// and its bytes.
    pub documents: &'a [(String, &'a [u8])],
    /// The rows as data, one JSON object per line (for `status-table check`).
    pub rows: &'a [String],
}

impl Header<'_> {
    /// The whole file: this header, a blank line, then `code`.
    pub fn render(&self, code: &str) -> String {
        let mut out = String::new();
        out.push_str("// DO NOT EDIT THIS FILE. It was generated from a status-code table by:\n");
        out.push_str("//\n");
        let _ = writeln!(out, "//     {GENERATE_COMMAND}");
        out.push_str("//\n");
        out.push_str(
            "// Edit the documents named below instead, then run it again. Each row below\n",
        );
        out.push_str("// gives the document line its code comes from.\n");
        out.push_str("//\n");
        let _ = writeln!(out, "{ENGINE_KEY}{}", self.identity);
        let _ = writeln!(out, "{SOURCE_KEY}{}", self.source);
        out.push_str(&invocation_lines(self.invocation));
        for (path, bytes) in self.documents {
            let _ = writeln!(out, "{DOCUMENT_KEY}{path}");
            let _ = writeln!(out, "{SHA256_KEY}{}", sha256_hex(bytes));
        }
        let _ = writeln!(
            out,
            "{BODY_KEY}{} (the code below this header; the macro uses this file only while it matches)",
            sha256_hex(code.as_bytes())
        );
        out.push_str("//\n");
        let _ = writeln!(out, "{ROWS_HEADER}");
        for row in self.rows {
            let _ = writeln!(out, "// {row}");
        }
        out.push('\n');
        out.push_str(code);
        out
    }
}

/// The `// invocation:` line, and a continuation line for each line break a
/// literal of the invocation holds.
fn invocation_lines(invocation: &str) -> String {
    let mut out = String::new();
    for (i, line) in format!("status_table!({invocation})")
        .split('\n')
        .enumerate()
    {
        let key = if i == 0 { INVOCATION_KEY } else { CONTINUATION };
        let _ = writeln!(out, "{key}{line}");
    }
    out
}

/// The header of a committed file (its leading `// ` lines) and the code below
/// it (after one blank line); `None` when the file does not have that shape.
/// A `///` or `//!` line is not a header line: it would be documentation.
pub fn split(contents: &str) -> Option<(&str, &str)> {
    let mut at = 0;
    loop {
        let rest = &contents[at..];
        let end = rest.find('\n')?;
        let line = &rest[..end];
        if line.is_empty() {
            return (at > 0).then(|| (&contents[..at], &rest[end + 1..]));
        }
        if line != "//" && !line.starts_with("// ") {
            return None;
        }
        at += end + 1;
    }
}

/// The code of a committed file, without its header (the whole text when it
/// has no header).
pub fn body_of(contents: &str) -> &str {
    split(contents).map_or(contents, |(_, body)| body)
}

/// Whether `contents` may stand for the expansion of `invocation` (an
/// [`invocation_text`]) over `documents` (primary first) by the engine and
/// front end `identity`: the header names exactly these, and the code below
/// it has the hash the header gives. Only then is the file's code the code
/// the engine would generate now, as `status-table generate` wrote it.
pub fn matches(contents: &str, identity: &str, invocation: &str, documents: &[&[u8]]) -> bool {
    let Some((header, body)) = split(contents) else {
        return false;
    };
    let mut engine = Vec::new();
    let mut invocations = Vec::new();
    let mut hashes = Vec::new();
    let mut bodies = Vec::new();
    let mut lines = header.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(value) = line.strip_prefix(ENGINE_KEY) {
            engine.push(value);
        } else if line.starts_with(INVOCATION_KEY) {
            let mut block = format!("{line}\n");
            while let Some(next) = lines.next_if(|l| l.starts_with(CONTINUATION)) {
                block.push_str(next);
                block.push('\n');
            }
            invocations.push(block);
        } else if let Some(value) = line.strip_prefix(SHA256_KEY) {
            hashes.push(value);
        } else if let Some(value) = line.strip_prefix(BODY_KEY) {
            bodies.push(value.split(' ').next().unwrap_or_default());
        }
    }
    engine == [identity]
        && invocations == [invocation_lines(invocation)]
        && hashes.len() == documents.len()
        && bodies.len() == 1
        && hashes
            .iter()
            .zip(documents)
            .all(|(hash, bytes)| *hash == sha256_hex(bytes))
        && bodies[0] == sha256_hex(body.as_bytes())
}

/// The committed expansion a front end may hand rustc instead of running the
/// engine: its [`file()`] in `package`, when it [`matches()`] the
/// invocation (its tokens as written), its documents as read, and `identity`.
/// `None` when a document was not read.
pub fn find(
    package: &Path,
    document: &str,
    options: &Options,
    tokens: &TokenStream,
    identity: &str,
    documents: &[LoadedDocument],
) -> Option<PathBuf> {
    let bytes: Vec<&[u8]> = documents
        .iter()
        .map(|d| d.bytes.as_deref())
        .collect::<Option<_>>()?;
    let invocation = invocation_text(tokens);
    file(package, document, options).filter(|file| {
        std::fs::read_to_string(file)
            .is_ok_and(|contents| matches(&contents, identity, &invocation, &bytes))
    })
}

/// The SHA-256 of `bytes`, in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "pub enum StatusCode {\n    Ok = 200,\n}\n";

    fn file(invocation: &str, documents: &[(String, &[u8])]) -> String {
        Header {
            identity: "status-codegen 9 (source a), status-macros 9 (source b)",
            source: "src/lib.rs",
            invocation,
            documents,
            rows: &["{\"code\":200}".to_owned()],
        }
        .render(CODE)
    }

    fn tokens(text: &str) -> TokenStream {
        text.parse().unwrap()
    }

    const IDENTITY: &str = "status-codegen 9 (source a), status-macros 9 (source b)";

    #[test]
    fn a_file_matches_only_what_it_was_made_from() {
        let invocation = invocation_text(&tokens("\"a.md\", name = X"));
        let documents = [("tables/a.md".to_owned(), b"| Status Code |".as_slice())];
        let contents = file(&invocation, &documents);
        let bytes: &[&[u8]] = &[b"| Status Code |"];
        assert!(matches(&contents, IDENTITY, &invocation, bytes));
        assert_eq!(body_of(&contents), CODE);
        // Another engine or front end, invocation, document or document count.
        assert!(!matches(
            &contents,
            "status-codegen 9 (source c), status-macros 9 (source b)",
            &invocation,
            bytes
        ));
        let other = invocation_text(&tokens("\"a.md\", name = Y"));
        assert!(!matches(&contents, IDENTITY, &other, bytes));
        assert!(!matches(
            &contents,
            IDENTITY,
            &invocation,
            &[b"| Status Code  |"]
        ));
        assert!(!matches(
            &contents,
            IDENTITY,
            &invocation,
            &[b"| Status Code |", b""]
        ));
    }

    #[test]
    fn a_hand_edited_file_never_matches() {
        let invocation = invocation_text(&tokens("\"a.md\""));
        let documents = [("tables/a.md".to_owned(), b"x".as_slice())];
        let contents = file(&invocation, &documents);
        let bytes: &[&[u8]] = &[b"x"];
        assert!(matches(&contents, IDENTITY, &invocation, bytes));
        let edits = [
            contents.replace("Ok = 200", "Ok = 201"),
            format!("{contents}\n"),
            // Documentation slipped into the header would reach the type.
            contents.replace("//\n// rows", "/// Injected.\n// rows"),
            contents.replace("//\n// rows", "#[doc = \"x\"]\n// rows"),
            // A second engine line, or none.
            contents.replace("// source:", "// engine:     other\n// source:"),
            contents.replace("// engine:", "// Engine:"),
            contents.replace("\n\npub enum", "\npub enum"),
        ];
        for edited in &edits {
            assert_ne!(edited, &contents);
            assert!(!matches(edited, IDENTITY, &invocation, bytes), "{edited}");
        }
        // The rows and the free text are for people and `check`, not the macro.
        let rows = contents.replace("{\"code\":200}", "{\"code\":201}");
        assert!(matches(&rows, IDENTITY, &invocation, bytes));
    }

    #[test]
    fn the_invocation_text_is_the_same_from_the_compiler_and_from_a_file() {
        // Spacing as written does not matter; joined punctuation does.
        let a = invocation_text(&tokens(
            "\"a.md\" ,name=X,derive( serde :: Serialize ),vis = pub ( crate )",
        ));
        assert_eq!(
            a,
            "\"a.md\", name = X, derive(serde::Serialize), vis = pub(crate)"
        );
        assert_eq!(invocation_text(&tokens("a: :b")), "a : : b");
        assert_eq!(
            invocation_text(&tokens("a = ::b::c => -1")),
            "a = ::b::c => - 1"
        );
        assert_ne!(
            invocation_text(&tokens("a b")),
            invocation_text(&tokens("ab"))
        );
        assert_eq!(
            invocation_text(&tokens("doc = r\"x\ny\"")),
            "doc = r\"x\ny\""
        );
    }

    #[test]
    fn a_literal_over_two_lines_stays_in_the_header() {
        let invocation = invocation_text(&tokens("\"a.md\", doc = \"one\ntwo\""));
        let documents = [("tables/a.md".to_owned(), b"x".as_slice())];
        let contents = file(&invocation, &documents);
        assert!(
            contents.contains(
                "// invocation: status_table!(\"a.md\", doc = \"one\n//             two\")\n"
            ),
            "{contents}"
        );
        assert!(matches(&contents, IDENTITY, &invocation, &[b"x"]));
        let one_line = invocation_text(&tokens("\"a.md\", doc = \"one two\""));
        assert!(!matches(&contents, IDENTITY, &one_line, &[b"x"]));
    }

    #[test]
    fn the_file_follows_the_path_and_the_name_as_written() {
        let mut options = Options::default();
        let package = Path::new("/p");
        // The kind does not matter: the macro_rules form cannot know it.
        assert_eq!(
            super::file(package, "tables/evs.en.md", &options),
            Some(PathBuf::from("/p/generated/tables/evs.en.md.rs"))
        );
        options.kind = Some(crate::Kind::Error);
        assert_eq!(
            super::file(package, "tables/evs.en.md", &options),
            Some(PathBuf::from("/p/generated/tables/evs.en.md.rs"))
        );
        options.type_name = Some("Evs".to_owned());
        assert_eq!(
            super::file(package, "tables/evs.en.md", &options),
            Some(PathBuf::from("/p/generated/tables/evs.en.md-Evs.rs"))
        );
    }

    #[test]
    fn file_names_keep_the_whole_path_of_the_document() {
        assert_eq!(
            file_name("tables/evs/状态码.md", None).as_deref(),
            Some("tables/evs/状态码.md.rs")
        );
        assert_ne!(
            file_name("tables/evs/状态码.md", None),
            file_name("tables/vpc/状态码.md", None)
        );
        assert_ne!(file_name("codes.md", None), file_name("codes.html", None));
        assert_eq!(
            file_name("./codes.md", Some("E")).as_deref(),
            Some("codes.md-E.rs")
        );
        // Out of `generated/`, or no file at all: nothing can be committed.
        for outside in [
            "../../t/codes.html",
            "tables/../../x.md",
            "/abs/x.md",
            "",
            "tables/",
        ] {
            assert_eq!(file_name(outside, None), None, "{outside}");
        }
    }

    #[test]
    fn sha256_of_known_inputs() {
        // FIPS 180-2's examples.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
