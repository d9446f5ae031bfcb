//! No document breaks the engine: arbitrary bytes, arbitrary text and mutated
//! real-shaped documents, read as Markdown and as HTML, always give a model or
//! located diagnostics, never a panic; and hostile shapes (one-megabyte lines,
//! deep nesting, huge spans) take time roughly linear in their size.
//!
//! Each property runs 256 cases; `PROPTEST_CASES=20000` runs more. The seeds
//! are shared with the fuzz target (`tests/documents/fixtures/seeds/`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use status_codegen::__private::MAX_DIAGNOSTICS;
use status_codegen::model::{Kind, Role};
use status_codegen::{Location, Options, TableSelector, expand};

/// Valid documents of each shape met in practice, to mutate.
const SEEDS: &[&str] = &[
    include_str!("../../tests/documents/fixtures/seeds/list.md"),
    include_str!("../../tests/documents/fixtures/seeds/pipe.md"),
    include_str!("../../tests/documents/fixtures/seeds/page.html"),
    include_str!("../../tests/documents/fixtures/seeds/crlf-bom.md"),
];

/// Paths choose the reader (`.html`/`.htm` is HTML, anything else Markdown)
/// and start every message, so odd ones are worth trying too.
const PATHS: &[&str] = &[
    "tables/doc.md",
    "tables/doc.html",
    "doc.HTM",
    "README",
    "目录/状态 码.md",
    "weird:1:1.html",
];

/// Fragments that matter to one reader or the other: inserting them turns a
/// valid document into every kind of broken one.
const FRAGMENTS: &[&str] = &[
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "</th>",
    "<thead>",
    "</thead>",
    "<tbody>",
    "<caption>",
    "</caption>",
    "<td rowspan=\"5\">",
    "<td rowspan=\"65534\">",
    "<th colspan=\"3\">",
    "<td colspan=\"4294967296\">",
    "<td rowspan=\"0\" colspan=\"-1\">",
    "<td rowspan='",
    "<br>",
    "<p>",
    "<div>",
    "<b>",
    "<script>",
    "</script>",
    "<template>",
    "<title>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<?xml",
    "<![CDATA[",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "&amp;",
    "&#x10FFFF;",
    "&#0;",
    "&",
    "|",
    "|---|---|",
    "| Status Code | Description |",
    "\\|",
    "`",
    "```",
    "*",
    "[x]: y",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "    ",
    "- ",
    "1. ",
    "> ",
    "# ",
    "\u{feff}",
    "\u{0}",
    "\u{200b}",
    "状态码",
    "描述",
    "错误码状态",
    "Status Code",
    "Description",
    "é",
    "😀",
    "200",
    "404",
    "99999",
    "0",
];

/// One edit of a document.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(Index, &'static str),
    Delete(Index, usize),
    Duplicate(Index, usize),
    /// A raw byte, which may break the UTF-8.
    Byte(Index, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), prop::sample::select(FRAGMENTS)).prop_map(|(at, f)| Mutation::Insert(at, f)),
        2 => (any::<Index>(), 1..64usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        2 => (any::<Index>(), 1..256usize).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::Byte(at, b)),
    ]
}

impl Mutation {
    fn apply(&self, doc: &mut Vec<u8>) {
        // Positions are kept on character boundaries, so that most documents
        // stay UTF-8 and reach the readers; `Byte` breaks that on purpose.
        let at = |index: &Index, doc: &[u8]| boundary(doc, index.index(doc.len() + 1));
        match self {
            Self::Insert(index, fragment) => {
                let start = at(index, doc);
                doc.splice(start..start, fragment.bytes());
            }
            Self::Delete(index, len) => {
                let start = at(index, doc);
                let end = boundary(doc, (start + len).min(doc.len()));
                doc.drain(start..end);
            }
            Self::Duplicate(index, len) => {
                let start = at(index, doc);
                let end = boundary(doc, (start + len).min(doc.len()));
                let copy = doc[start..end].to_vec();
                doc.splice(end..end, copy);
            }
            Self::Byte(index, byte) => {
                let start = index.index(doc.len() + 1);
                doc.insert(start, *byte);
            }
        }
    }
}

/// The nearest character boundary at or before `at`.
fn boundary(doc: &[u8], mut at: usize) -> usize {
    while at > 0 && at < doc.len() && doc[at] & 0xC0 == 0x80 {
        at -= 1;
    }
    at
}

fn mutated_document() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(SEEDS),
        prop::collection::vec(mutation(), 1..24),
    )
        .prop_map(|(seed, mutations)| {
            let mut doc = seed.as_bytes().to_vec();
            for mutation in &mutations {
                mutation.apply(&mut doc);
            }
            doc
        })
}

/// Text made only of the fragments: dense in the structure both readers react to.
fn markup_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..300).prop_map(|f| f.concat())
}

/// Options as the macro can produce them, including bad renames and selectors
/// that match nothing.
fn options() -> impl Strategy<Value = Options> {
    let tables = prop_oneof![
        Just(None),
        (0..4usize).prop_map(|i| Some(TableSelector::Index(i))),
        prop::sample::select(vec!["正常", "Normal", ""])
            .prop_map(|c| Some(TableSelector::Caption(c.to_owned()))),
        prop::sample::select(vec!["异常", "Errors", "Success"])
            .prop_map(|s| Some(TableSelector::Section(s.to_owned()))),
    ];
    let renames = prop::collection::vec(
        (
            prop::sample::select(vec![200u16, 404, 413, 999]),
            prop::sample::select(vec!["Missing", "Ok", "fn", "Self", "_", "r#type"]),
        ),
        0..3,
    );
    let column = prop::option::of(prop::sample::select(vec!["Code", "描述", "Reason", ""]));
    let kind = prop::option::of(prop::sample::select(vec![Kind::Status, Kind::Error]));
    (tables, renames, column.clone(), column, kind).prop_map(
        |(tables, renames, code, description, kind)| {
            let mut options = Options::default();
            if let Some(tables) = tables {
                options = options.with_tables(tables);
            }
            if let Some(kind) = kind {
                options = options.with_kind(kind);
            }
            for (code, name) in renames {
                options = options.with_rename(code.to_string(), name);
            }
            if let Some(code) = code {
                options = options.with_column(Role::Status, code);
            }
            if let Some(description) = description {
                options = options.with_column(Role::Description, description);
            }
            options
        },
    )
}

/// Expands `bytes` at `path` and checks what the engine promises: no panic, at
/// most the capped number of diagnostics, each starting with the path and
/// located inside the document, and a model of distinct, in-range codes.
fn check(path: &str, bytes: &[u8], options: &Options) -> Result<(), TestCaseError> {
    let expansion = expand(path, bytes, options);
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(body);
    // Lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalized.split('\n').collect();
    prop_assert!(
        expansion.diagnostics().len() <= MAX_DIAGNOSTICS + 1,
        "{} diagnostics",
        expansion.diagnostics().len()
    );
    for diagnostic in expansion.diagnostics() {
        let rendered = diagnostic.to_string();
        prop_assert_eq!(diagnostic.path(), path);
        prop_assert!(rendered.starts_with(path), "{}", rendered);
        if let Some(at) = diagnostic.location() {
            inside(at, &lines)?;
            let head = format!("{path}:{}:{}: ", at.line(), at.column());
            prop_assert!(rendered.starts_with(&head), "{}", rendered);
        }
        for related in diagnostic.related() {
            inside(related.location(), &lines)?;
        }
    }
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for variant in expansion.model().variants() {
        if let Some(number) = variant.number() {
            prop_assert!((100..=999).contains(&number), "{:?}", variant);
        }
        prop_assert!(!variant.rows().is_empty(), "{:?}", variant);
        for row in variant.rows() {
            prop_assert!((1..=lines.len()).contains(&row.line()), "{:?}", variant);
        }
        prop_assert!(
            codes.insert(variant.code().to_owned()),
            "code twice: {:?}",
            variant
        );
        prop_assert!(
            names.insert(variant.name().to_owned()),
            "name twice: {:?}",
            variant
        );
    }
    // What the macro hands to rustc; printing it must not panic either.
    let _ = expansion.tokens().to_string();
    Ok(())
}

/// A location is 1-based and inside the text: its line exists, and its column
/// is at most one past the line's last character.
fn inside(at: Location, lines: &[&str]) -> Result<(), TestCaseError> {
    prop_assert!(at.line() >= 1 && at.column() >= 1, "{:?}", at);
    let Some(line) = lines.get(at.line() - 1) else {
        return Err(TestCaseError::fail(format!(
            "{at:?} is past the last line ({})",
            lines.len()
        )));
    };
    prop_assert!(
        at.column() <= line.chars().count() + 1,
        "{:?} is past the end of line {:?}",
        at,
        line
    );
    Ok(())
}

fn check_both(bytes: &[u8], options: &Options) -> Result<(), TestCaseError> {
    for path in ["fuzz/doc.md", "fuzz/doc.html"] {
        check(path, bytes, options)?;
    }
    Ok(())
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // A failure prints its shrunk input; nothing is written into the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The tests of this file run one at a time, so that the timings of the
/// bounded-time tests are not skewed by the property tests on other threads.
fn serial() -> MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(PoisonError::into_inner)
}

#[test]
fn seeds_are_valid_documents() {
    let _serial = serial();
    for seed in SEEDS {
        let path = if seed.starts_with("<!DOCTYPE") {
            "seed.html"
        } else {
            "seed.md"
        };
        let expansion = expand(path, seed.as_bytes(), &Options::default());
        let errors: Vec<String> = expansion
            .diagnostics()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
        assert!(expansion.model().variants().len() >= 2, "{path}");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        path in prop::sample::select(PATHS),
    ) {
        let _serial = serial();
        check(path, &bytes, &Options::default())?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,1024}") {
        let _serial = serial();
        check_both(text.as_bytes(), &Options::default())?;
    }

    #[test]
    fn markup_soup_never_panics(text in markup_soup()) {
        let _serial = serial();
        check_both(text.as_bytes(), &Options::default())?;
    }

    #[test]
    fn mutated_documents_never_panic(doc in mutated_document(), options in options()) {
        let _serial = serial();
        check_both(&doc, &options)?;
    }
}

// Bounded work. Each shape is built at a size n and 4n: both must finish, and
// the larger may cost at most 8 times as much (linear work gives about 4,
// quadratic 16). The cost is counted, not timed: the bytes the engine
// allocates and its number of allocations, which a blow-up in spans, cells or
// diagnostics multiplies, and which are the same on a busy machine as on an
// idle one. Time itself is measured by the `hostile` benchmark group
// (`cargo bench -p status-bench --bench expansion -- hostile`), as ratios.

/// Counts what the process allocates, for the work measure above.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters are plain atomics.
#[allow(
    unsafe_code,
    reason = "a counting global allocator, forwarding to System"
)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is System's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is System's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is System's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// (bytes allocated, allocations) while expanding `doc`. The tests of this
/// file run one at a time (`serial`), so nothing else allocates meanwhile.
fn work(path: &str, doc: &str) -> (usize, usize) {
    let (bytes, count) = (
        ALLOCATED.load(Ordering::Relaxed),
        ALLOCATIONS.load(Ordering::Relaxed),
    );
    let expansion = expand(path, doc.as_bytes(), &Options::default());
    let used = (
        ALLOCATED.load(Ordering::Relaxed) - bytes,
        ALLOCATIONS.load(Ordering::Relaxed) - count,
    );
    for diagnostic in expansion.diagnostics() {
        assert!(diagnostic.to_string().starts_with(path));
    }
    used
}

fn assert_linear(shape: &str, n: usize, make: impl Fn(usize) -> String) {
    let small = make(n);
    let large = make(4 * n);
    for path in ["bounded.md", "bounded.html"] {
        let (w1, w4) = (work(path, &small), work(path, &large));
        eprintln!(
            "{shape} ({path}): {} bytes: {w1:?}; {} bytes: {w4:?} (allocated, allocations)",
            small.len(),
            large.len()
        );
        // A floor keeps tiny costs (a fixed setup) from making ratios of noise.
        let linear = |one: usize, four: usize| four <= 8 * one.max(4096);
        assert!(
            linear(w1.0, w4.0) && linear(w1.1, w4.1),
            "{shape} ({path}) grows faster than linearly: {} bytes cost {w1:?}, {} bytes cost {w4:?}",
            small.len(),
            large.len()
        );
    }
}

const HEADER: &str = "<table><tr><th>Code</th><th>Description</th></tr>";

#[test]
fn one_megabyte_lines_take_linear_time() {
    const MB: usize = 1 << 20;
    let _serial = serial();
    assert_linear("one line of text", MB / 4, |n| "a".repeat(n));
    assert_linear("one line of pipes", MB / 4, |n| "|".repeat(n));
    assert_linear("one line of `<`", MB / 4, |n| "<".repeat(n));
    // A minified page: a whole table on one line, of wrong rows or of good ones.
    assert_linear("one line of bad rows", MB / 16 / 30, |n| {
        format!(
            "{HEADER}{}</table>",
            "<tr><td>x</td><td></td></tr>".repeat(n)
        )
    });
    assert_linear("one line of good rows", MB / 16 / 35, |n| {
        let rows = (0..n).fold(String::new(), |mut rows, i| {
            let _ = write!(rows, "<tr><td>{}</td><td>Row {i}</td></tr>", 100 + i % 900);
            rows
        });
        format!("{HEADER}{rows}</table>")
    });
}

#[test]
fn deep_nesting_takes_linear_time() {
    let _serial = serial();
    assert_linear("nested lists `- - -`", 2_500, |n| "- ".repeat(n) + "x");
    assert_linear("nested quotes `> > >`", 2_500, |n| "> ".repeat(n) + "x");
    assert_linear("unclosed <table>s", 2_500, |n| "<table>".repeat(n));
    assert_linear("unclosed <div>s outside tables", 2_500, |n| {
        "<div>".repeat(n)
    });
    assert_linear("unclosed headings", 2_500, |n| "<h2>".repeat(n));
    assert_linear("unclosed comments", 2_500, |n| "<!--<table>".repeat(n));
    assert_linear("nested emphasis and links", 2_500, |n| "*[_`".repeat(n));
}

#[test]
fn ten_thousand_levels_deep_finish() {
    let _serial = serial();
    for doc in [
        "- ".repeat(10_000) + "x",
        "> ".repeat(10_000) + "x",
        "<table>".repeat(10_000),
        "<div>".repeat(10_000),
        "<ul><li>".repeat(10_000),
    ] {
        for path in ["deep.md", "deep.html"] {
            let expansion = expand(path, doc.as_bytes(), &Options::default());
            assert!(!expansion.is_ok(), "{path}: no table, so an error");
        }
    }
}

#[test]
fn huge_spans_take_linear_time() {
    let _serial = serial();
    // One cell spanning every row below it, and rows that add nothing.
    assert_linear("rowspan=65534 over many rows", 1_000, |n| {
        format!(
            "{HEADER}<tr><td rowspan=\"65534\">200</td><td>OK</td></tr>{}</table>",
            "<tr><td>x</td></tr>".repeat(n)
        )
    });
    // Spans bigger than any real table, or not numbers at all.
    assert_linear("huge and malformed colspans", 1_000, |n| {
        let mut cells = String::new();
        for span in [
            "4294967296",
            "18446744073709551616",
            "99999999999999999999999",
            "-1",
            "0",
            "1e9",
            " 65534 ",
        ] {
            let _ = write!(
                cells,
                "<tr><td colspan=\"{span}\">1</td><td rowspan=\"{span}\">a</td></tr>"
            );
        }
        format!("{HEADER}{}</table>", cells.repeat(n / 7 + 1))
    });
}

#[test]
fn many_tables_take_linear_time() {
    let _serial = serial();
    assert_linear("HTML tables, one per line", 500, |n| {
        format!("{HEADER}<tr><td>x</td><td>a</td></tr></table>\n").repeat(n)
    });
    assert_linear("pipe tables", 500, |n| {
        "| Code | Description |\n|---|---|\n| x | a |\n\n".repeat(n)
    });
    assert_linear("pipe rows", 2_000, |n| {
        format!(
            "| Code | Description |\n|---|---|\n{}",
            "| 2x | a |\n".repeat(n)
        )
    });
}

// Found by these tests and reported; each is ignored until the engine is fixed.

/// `push_text` (document/html.rs) recurses once per nested element, so a cell
/// nested a few thousand levels deep overflows the stack and aborts the
/// process (the macro: rustc itself), which no `catch_unwind` can stop.
#[test]
fn deep_nesting_in_a_cell_does_not_overflow_the_stack() {
    let _serial = serial();
    let nested_tables = format!(
        "{}{}",
        "<table><tr><td>".repeat(10_000),
        "</td></tr></table>".repeat(10_000)
    );
    let nested_divs = format!(
        "{HEADER}<tr><td>200</td><td>{}</td></tr></table>",
        "<div>".repeat(10_000)
    );
    let nested_heading = format!("<h1>{}</h1>", "<div>".repeat(10_000));
    for (path, doc) in [
        ("deep.md", &nested_tables),
        ("deep.html", &nested_tables),
        ("deep.md", &nested_divs),
        ("deep.html", &nested_divs),
        ("deep.html", &nested_heading),
    ] {
        // Refused with a located error, not read and not a crash.
        let expansion = expand(path, doc.as_bytes(), &Options::default());
        assert!(expansion.model().variants().is_empty(), "{path}");
        let first = expansion
            .diagnostics()
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert!(
            first.starts_with(&format!("{path}:1:")) && first.contains("more than 256 levels deep"),
            "{path}: {first}"
        );
    }
    // Markup nested less deep than the limit is read, its text whole.
    let deep_but_fine = format!(
        "{HEADER}<tr><td>200</td><td>{}Deep text{}</td></tr></table>",
        "<div>".repeat(200),
        "</div>".repeat(200)
    );
    for path in ["fine.md", "fine.html"] {
        let expansion = expand(path, deep_but_fine.as_bytes(), &Options::default());
        assert!(expansion.is_ok(), "{path}: {:?}", expansion.diagnostics());
        let names: Vec<&str> = expansion
            .model()
            .variants()
            .iter()
            .map(status_codegen::model::Variant::name)
            .collect();
        assert_eq!(names, ["DeepText"], "{path}");
    }
}

/// Rowspans carry cells into later rows, and the spread-out table is as wide as
/// the spans that pile up: n rows that each start a rowspan are n²/2 cells, and
/// one row of wide spans over many empty rows is width × rows cells. 300 KB of
/// either takes gigabytes.
#[test]
fn stacked_rowspans_take_linear_time() {
    let _serial = serial();
    assert_linear("a staircase of rowspans", 500, |n| {
        format!(
            "{HEADER}{}</table>",
            "<tr><td rowspan=\"65534\">x</td></tr>".repeat(n)
        )
    });
    assert_linear("wide spans over empty rows", 500, |n| {
        format!(
            "{HEADER}<tr>{}</tr>{}</table>",
            "<td rowspan=\"65534\" colspan=\"64\">x</td>".repeat(n / 20),
            "<tr></tr>".repeat(n)
        )
    });
}

/// Each unreadable table gets a diagnostic located with `Source::location`,
/// which counts the characters of the line up to the offset: n tables on one
/// line cost n × line length.
#[test]
fn unreadable_tables_on_one_line_take_linear_time() {
    let _serial = serial();
    assert_linear("tables without rows on one line", 1_000, |n| {
        format!("<span></span>{}", "<table></table>".repeat(n))
    });
}

/// For every HTML block, `markdown.rs` scans for a `<table>` tag from the
/// block's start, and the tag scanner skips an unterminated comment (or `<!x`)
/// to the end of the whole document, not of the block.
#[test]
fn unterminated_comments_in_html_blocks_take_linear_time() {
    let _serial = serial();
    assert_linear("HTML blocks with unterminated comments", 1_000, |n| {
        "<div>\n<!--\n\n".repeat(n)
    });
    assert_linear("HTML blocks with unterminated declarations", 1_000, |n| {
        "<div>\n<!x\n\n".repeat(n)
    });
}

/// html5ever's tree builder checks scopes by walking the stack of open
/// elements, and rebuilds the list of open formatting elements: deep nesting
/// in a table costs depth² (`in_scope_named`, `Vec::clone`). The engine could
/// refuse tables nested deeper than any real one before parsing them.
#[test]
fn deep_markup_in_a_table_takes_linear_time() {
    let _serial = serial();
    assert_linear("<div>s in a cell", 1_000, |n| {
        format!(
            "{HEADER}<tr><td>200</td><td>{}</td></tr></table>",
            "<div>".repeat(n)
        )
    });
    assert_linear("distinct formatting elements in a cell", 1_000, |n| {
        let open = (0..n).fold(String::new(), |mut open, i| {
            let _ = write!(open, "<b a{i}>");
            open
        });
        format!(
            "<table><tr><td>{open}{}</td></tr></table>",
            "<p>x</p>".repeat(n)
        )
    });
}
