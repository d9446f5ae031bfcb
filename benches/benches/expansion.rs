//! Benchmark 1, expansion: the engine on the seed and on generated documents of
//! 1,000, 10,000 and 100,000 rows (HTML tables in Markdown, and pipe tables),
//! against pulldown-cmark and html5ever alone parsing the same document and
//! visiting every cell (`baseline`).
//!
//! Functions, per document:
//! - `engine`: `status_codegen::expand`, the whole path the macro takes;
//! - `read`: decoding and `stages::read` (parsing, the engine's share of
//!   what the baseline does);
//! - `check`: `stages::check` on a document already read;
//! - `generate`: `stages::generate` on a table already checked;
//! - `baseline`: `status_bench::baseline::rendered`, the document rendered and
//!   parsed as the engine reads it (the baseline issue 10's 1.5× is against);
//! - `parse`: `status_bench::baseline::markdown`, the cheaper walk of the
//!   engine before it rendered.
//!
//! Generated documents repeat codes after 900 rows (only 100–999 exist), so
//! `engine` and `check` on them include one duplicate-code diagnostic per
//! repeated row; `read` and `baseline` are unaffected.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput, measurement::WallTime};
use status_bench::baseline;
use status_bench::documents::{self, GENERATED_PATH, SEED_PATH, Syntax};
use status_codegen::__private::{Source, stages};
use status_codegen::Options;

/// The row counts of the generated documents.
const ROWS: [usize; 3] = [1_000, 10_000, 100_000];

/// Benchmarks every function on one document, the `rows` parameter (if any)
/// naming it within the group.
fn functions(
    group: &mut BenchmarkGroup<'_, WallTime>,
    path: &str,
    bytes: &[u8],
    rows: Option<usize>,
) {
    let id = |function: &str| match rows {
        Some(rows) => format!("{function}/{rows}"),
        None => function.to_owned(),
    };
    let options = Options::default();
    let text = std::str::from_utf8(bytes).expect("documents are UTF-8");
    let source = Source::new(path, bytes).expect("documents decode");
    let read = stages::read(&source);
    let model = stages::check(&source, &read, &options);
    assert!(!model.variants().is_empty(), "{path}: no row read");

    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(id("engine"), |b| {
        b.iter(|| status_codegen::expand(path, black_box(bytes), &options));
    });
    group.bench_function(id("read"), |b| {
        b.iter(|| {
            let source = Source::new(path, black_box(bytes)).expect("documents decode");
            stages::read(&source)
        });
    });
    group.bench_function(id("check"), |b| {
        b.iter(|| stages::check(&source, black_box(&read), &options));
    });
    group.bench_function(id("generate"), |b| {
        b.iter(|| stages::generate(black_box(&model), &options));
    });
    group.bench_function(id("baseline"), |b| {
        b.iter(|| baseline::rendered(black_box(text)));
    });
    group.bench_function(id("parse"), |b| {
        b.iter(|| baseline::markdown(black_box(text)));
    });
}

fn seed(c: &mut Criterion) {
    let bytes = documents::seed();
    let mut group = c.benchmark_group("expansion-seed");
    functions(&mut group, SEED_PATH, &bytes, None);
    group.finish();
}

fn error_page(c: &mut Criterion) {
    let bytes = documents::error_page();
    let mut group = c.benchmark_group("expansion-error-page");
    functions(&mut group, documents::ERROR_PAGE_PATH, &bytes, None);
    group.finish();
}

fn generated(c: &mut Criterion) {
    for syntax in Syntax::ALL {
        let mut group = c.benchmark_group(format!("expansion-{}", syntax.name()));
        // Milliseconds to a second an iteration: flat sampling with few
        // samples keeps the whole run to minutes, and medians stay stable.
        group.sampling_mode(SamplingMode::Flat);
        for rows in ROWS {
            group.sample_size(if rows >= 10_000 { 10 } else { 20 });
            let bytes = documents::document(syntax, rows).into_bytes();
            functions(&mut group, GENERATED_PATH, &bytes, Some(rows));
        }
        group.finish();
    }
}

/// A hostile shape: its name, its size n, and the document of a given size.
type Shape = (&'static str, usize, fn(usize) -> String);

/// Hostile shapes at sizes n and 4n: the time ratio says whether the engine
/// stays linear where a naive reader goes quadratic (the robustness tests
/// count allocations for the same shapes; this measures time).
fn hostile(c: &mut Criterion) {
    let shapes: [Shape; 5] = [
        ("one-line-of-lt", 65_536, |n| "<".repeat(n)),
        ("one-line-of-tags", 16_384, |n| "<a".repeat(n)),
        ("nested-lists", 2_000, |n| "- ".repeat(n) + "x"),
        ("unclosed-comments", 2_000, |n| "<!--<table>".repeat(n)),
        ("rowspan-staircase", 300, |n| {
            let mut doc = String::from("<table><tr><th>Code</th><th>Description</th></tr>");
            for i in 0..n {
                let _ = write!(
                    doc,
                    "<tr><td rowspan=\"{n}\">{}</td><td>x</td></tr>",
                    100 + i % 900
                );
            }
            doc + "</table>"
        }),
    ];
    let mut group = c.benchmark_group("hostile");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    let options = Options::default();
    for (shape, n, make) in shapes {
        for (size, label) in [(n, "n"), (4 * n, "4n")] {
            let doc = make(size);
            group.bench_function(format!("{shape}/{label}"), |b| {
                b.iter(|| {
                    status_codegen::expand("hostile.md", black_box(doc.as_bytes()), &options)
                });
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .nresamples(10_000)
}

criterion::criterion_group! {
    name = benches;
    config = config();
    targets = seed, error_page, generated, hostile
}
criterion::criterion_main!(benches);
