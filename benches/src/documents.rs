//! The documents the expansion benchmark reads: the seed, and generated ones of
//! any number of rows, as HTML tables inside Markdown (like the seed) or as
//! pipe tables.

use std::fmt::Write as _;
use std::path::PathBuf;

/// The seed document, as the macro in `status-core` names it.
pub const SEED_PATH: &str = "tables/evs_04_0039.md";

/// The EVS error-code page, the largest real document in `tables/` (135 rows,
/// about 160 KB of HTML in Markdown).
pub const ERROR_PAGE_PATH: &str = "tables/evs_04_0038.en.md";

/// The path given to the engine for generated documents (only used in messages;
/// the `.md` extension makes the engine read them as Markdown).
pub const GENERATED_PATH: &str = "tables/generated.md";

/// How many distinct status codes exist (100 to 999): a generated document
/// longer than this repeats codes, and the engine reports every repetition.
pub const DISTINCT_CODES: usize = 900;

/// How the generated table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// An HTML `<table>` in a Markdown list item, as in the seed.
    Html,
    /// A GitHub pipe table under a heading.
    Pipe,
}

impl Syntax {
    /// Both syntaxes, in the order the benchmarks run them.
    pub const ALL: [Self; 2] = [Self::Html, Self::Pipe];

    /// A short name for benchmark ids.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Pipe => "pipe",
        }
    }
}

/// The workspace root: the parent of this crate's manifest directory.
pub fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or_else(|| manifest.clone(), std::path::Path::to_path_buf)
}

/// The bytes of the seed document, read from the workspace.
pub fn seed() -> Vec<u8> {
    let path = workspace_root().join(SEED_PATH);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The bytes of the EVS error-code page, read from the workspace.
pub fn error_page() -> Vec<u8> {
    let path = workspace_root().join(ERROR_PAGE_PATH);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The status code of the generated row `index`: 100, 101, … 999, then again
/// from 100, so that the first [`DISTINCT_CODES`] rows are all distinct.
pub fn code(index: usize) -> u16 {
    let offset = u16::try_from(index % DISTINCT_CODES).unwrap_or(0);
    100 + offset
}

/// A document of `rows` rows in one table.
///
/// HTML rows are compact (`<tr><td><p>100</p></td><td><p>Reason 0</p></td></tr>`):
/// rows marked up like the seed's (about 700 bytes each) would put the
/// 100,000-row document over the engine's 16 MiB limit.
pub fn document(syntax: Syntax, rows: usize) -> String {
    let mut out = String::with_capacity(64 * rows + 256);
    out.push_str("# Generated status codes\n\n");
    match syntax {
        Syntax::Html => {
            out.push_str("-   Generated\n\n");
            out.push_str("    <table><thead align=\"left\"><tr><th><p>状态码</p></th><th><p>描述</p></th></tr>\n");
            out.push_str("    </thead>\n    <tbody>\n");
            for index in 0..rows {
                let _ = writeln!(
                    out,
                    "    <tr><td><p>{}</p></td><td><p>Reason {index}</p></td></tr>",
                    code(index)
                );
            }
            out.push_str("    </tbody>\n    </table>\n");
        }
        Syntax::Pipe => {
            out.push_str("## Generated\n\n| 状态码 | 描述 |\n|---|---|\n");
            for index in 0..rows {
                let _ = writeln!(out, "| {} | Reason {index} |", code(index));
            }
        }
    }
    out
}

/// An error-code table of `rows` rows, `problems` of them broken (issue 29):
/// the pages of `benches/scale.sh`.
///
/// A row is `| SVC.00001 | 400 | Request 1 failed. |` (about 40 bytes, as
/// the pages the fuzzer grew); a broken row has a sentence in its code cell
/// (`The request 7 failed`), which the engine reports with a `skip(…)` fix.
/// The broken rows are spread evenly, the first at row `rows / problems / 2`.
/// Every code is distinct (five digits, then more), so a clean page has no
/// problem at all.
pub fn error_table(syntax: Syntax, rows: usize, problems: usize) -> String {
    let broken = |index: usize| {
        problems > 0 && {
            let every = (rows / problems).max(1);
            index % every == every / 2 && index / every < problems
        }
    };
    let mut out = String::with_capacity(48 * rows + 256);
    out.push_str("# Error codes\n\n");
    match syntax {
        Syntax::Html => out.push_str(
            "<table><thead><tr><th>Error Code</th><th>Status Code</th><th>Error Message</th></tr></thead><tbody>\n",
        ),
        Syntax::Pipe => out.push_str("| Error Code | Status Code | Error Message |\n|---|---|---|\n"),
    }
    for index in 0..rows {
        let code = if broken(index) {
            format!("The request {index} failed")
        } else {
            format!("SVC.{index:05}")
        };
        let status = 400 + index % 4;
        let _ = match syntax {
            Syntax::Html => writeln!(
                out,
                "<tr><td>{code}</td><td>{status}</td><td>Request {index} failed.</td></tr>"
            ),
            Syntax::Pipe => writeln!(out, "| {code} | {status} | Request {index} failed. |"),
        };
    }
    if syntax == Syntax::Html {
        out.push_str("</tbody></table>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_cycle_through_the_three_digit_range() {
        assert_eq!(code(0), 100);
        assert_eq!(code(899), 999);
        assert_eq!(code(900), 100);
    }

    #[test]
    fn error_tables_break_as_many_rows_as_asked() {
        for syntax in Syntax::ALL {
            for (rows, problems) in [(2_000, 0), (2_000, 1), (2_000, 10), (20_000, 50), (7, 10)] {
                let page = error_table(syntax, rows, problems);
                let broken = page.matches("The request").count();
                assert_eq!(broken, problems.min(rows), "{syntax:?} {rows} {problems}");
                assert_eq!(page.matches("failed.").count(), rows);
            }
        }
    }

    #[test]
    fn the_seed_is_found() {
        assert!(String::from_utf8(seed()).unwrap().contains("<table>"));
    }
}
