//! One benchmarked operation, repeated, for counting instructions with valgrind
//! (`benches/instructions.sh`): on a shared machine wall-clock medians swing
//! by tens of percent, instruction counts by well under one.
//!
//! ```sh
//! instructions expansion seed|error-page|html|pipe|errors|errors-html ROWS engine|checked|read|check|generate|baseline|parse N
//! instructions runtime OPERATION generated|handwritten|http N
//! ```
//!
//! `errors` and `errors-html` are the error tables of issue 29
//! (`documents::error_table`); their ROWS may be `ROWS:PROBLEMS`.
//!
//! Everything but the `N` repetitions (reading the seed, generating the
//! document, the stages before the one measured) is done once, so the count of
//! a run with `N` less that of a run with 0 is `N` times the operation.

use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;

use status_bench::documents::{self, Syntax};
use status_bench::handwritten::StatusCode as Handwritten;
use status_bench::{KNOWN, UNKNOWN};
use status_codegen::__private::{Source, stages};
use status_codegen::Options;
use status_core::evs::StatusCode as Generated;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    let times: usize = arg(args.len().saturating_sub(1))
        .parse()
        .unwrap_or_else(|_| usage());
    match arg(0) {
        "expansion" => expansion(arg(1), arg(2), arg(3), times),
        "runtime" => runtime(arg(1), arg(2), times),
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: instructions expansion seed|error-page|html|pipe|errors|errors-html ROWS[:PROBLEMS] STAGE N\n       instructions runtime OPERATION IMPL N"
    );
    std::process::exit(2)
}

fn expansion(doc: &str, size: &str, stage: &str, times: usize) {
    let (rows, problems) = size.split_once(':').unwrap_or((size, "0"));
    let (rows, problems): (usize, usize) =
        (rows.parse().unwrap_or(0), problems.parse().unwrap_or(0));
    let (path, bytes) = match doc {
        "seed" => (documents::SEED_PATH, documents::seed()),
        "error-page" => (documents::ERROR_PAGE_PATH, documents::error_page()),
        "html" => (
            documents::GENERATED_PATH,
            documents::document(Syntax::Html, rows).into_bytes(),
        ),
        "pipe" => (
            documents::GENERATED_PATH,
            documents::document(Syntax::Pipe, rows).into_bytes(),
        ),
        "errors" => (
            documents::GENERATED_PATH,
            documents::error_table(Syntax::Pipe, rows, problems).into_bytes(),
        ),
        "errors-html" => (
            documents::GENERATED_PATH,
            documents::error_table(Syntax::Html, rows, problems).into_bytes(),
        ),
        _ => usage(),
    };
    let options = Options::default();
    let text = std::str::from_utf8(&bytes).expect("documents are UTF-8");
    let source = Source::new(path, &bytes).expect("documents decode");
    // Only the stages the one measured needs, so that the peak memory of a
    // run (`/usr/bin/time`) is that stage's.
    let read = matches!(stage, "check" | "generate").then(|| stages::read(&source));
    let read = read.unwrap_or_default();
    let model = (stage == "generate").then(|| stages::check(&source, &read, &options));
    for _ in 0..times {
        match stage {
            "engine" => drop(black_box(status_codegen::expand(
                path,
                black_box(&bytes),
                &options,
            ))),
            "checked" => drop(black_box(status_codegen::check_all(
                status_codegen::Input::new(path, black_box(&bytes)),
                &[],
                &options,
            ))),
            "read" => {
                let source = Source::new(path, black_box(&bytes)).expect("documents decode");
                drop(black_box(stages::read(&source)));
            }
            "check" => drop(black_box(stages::check(
                &source,
                black_box(&read),
                &options,
            ))),
            "generate" => {
                if let Some(model) = &model {
                    drop(black_box(stages::generate(black_box(model), &options)));
                }
            }
            "baseline" => drop(black_box(status_bench::baseline::rendered(black_box(text)))),
            "parse" => drop(black_box(status_bench::baseline::markdown(black_box(text)))),
            _ => usage(),
        }
    }
}

fn runtime(operation: &str, implementation: &str, times: usize) {
    let codes: &'static [u16] = if operation.ends_with("unknown") {
        &UNKNOWN
    } else {
        &KNOWN
    };
    // The operation is chosen once, so the loop measures it and not the choice.
    let mut run: Box<dyn FnMut()> = match operation {
        "from_code/known" | "from_code/unknown" => from_code(implementation, codes),
        "reason/known" | "reason/unknown" => reason(implementation, codes),
        "description" => description(implementation),
        "display" => display(implementation),
        "from_str/known" | "from_str/unknown" => from_str(implementation, codes),
        _ => usage(),
    };
    for _ in 0..times {
        run();
    }
}

/// The documented codes as `http::StatusCode`s.
fn http_codes() -> Vec<http::StatusCode> {
    KNOWN
        .iter()
        .map(|&c| http::StatusCode::from_u16(c).expect("three digits"))
        .collect()
}

fn from_code(implementation: &str, codes: &'static [u16]) -> Box<dyn FnMut()> {
    match implementation {
        "generated" => Box::new(move || {
            for &c in codes {
                black_box(Generated::from_code(black_box(c)));
            }
        }),
        "handwritten" => Box::new(move || {
            for &c in codes {
                black_box(Handwritten::from_code(black_box(c)));
            }
        }),
        "http" => Box::new(move || {
            for &c in codes {
                black_box(http::StatusCode::from_u16(black_box(c)).ok());
            }
        }),
        _ => usage(),
    }
}

fn reason(implementation: &str, codes: &'static [u16]) -> Box<dyn FnMut()> {
    match implementation {
        "generated" => Box::new(move || {
            for &c in codes {
                black_box(Generated::from_code(black_box(c)).map(Generated::description));
            }
        }),
        "handwritten" => Box::new(move || {
            for &c in codes {
                black_box(Handwritten::from_code(black_box(c)).map(Handwritten::description));
            }
        }),
        "http" => Box::new(move || {
            for &c in codes {
                black_box(
                    http::StatusCode::from_u16(black_box(c))
                        .ok()
                        .and_then(|s| s.canonical_reason()),
                );
            }
        }),
        _ => usage(),
    }
}

fn description(implementation: &str) -> Box<dyn FnMut()> {
    match implementation {
        "generated" => Box::new(|| {
            for &s in Generated::ALL {
                black_box(black_box(s).description());
            }
        }),
        "handwritten" => Box::new(|| {
            for &s in Handwritten::ALL {
                black_box(black_box(s).description());
            }
        }),
        "http" => {
            let http = http_codes();
            Box::new(move || {
                for &s in &http {
                    black_box(black_box(s).canonical_reason());
                }
            })
        }
        _ => usage(),
    }
}

fn display(implementation: &str) -> Box<dyn FnMut()> {
    fn each<T: std::fmt::Display + Copy + 'static>(all: Vec<T>) -> Box<dyn FnMut()> {
        let mut out = String::with_capacity(64);
        Box::new(move || {
            for &s in &all {
                out.clear();
                let _ = write!(out, "{}", black_box(s));
                black_box(&out);
            }
        })
    }
    match implementation {
        "generated" => each(Generated::ALL.to_vec()),
        "handwritten" => each(Handwritten::ALL.to_vec()),
        "http" => each(http_codes()),
        _ => usage(),
    }
}

fn from_str(implementation: &str, codes: &[u16]) -> Box<dyn FnMut()> {
    let strings: Vec<String> = codes.iter().map(u16::to_string).collect();
    match implementation {
        "generated" => Box::new(move || {
            for s in &strings {
                black_box(Generated::from_str(black_box(s)).ok());
            }
        }),
        "handwritten" => Box::new(move || {
            for s in &strings {
                black_box(Handwritten::from_str(black_box(s)).ok());
            }
        }),
        "http" => Box::new(move || {
            for s in &strings {
                black_box(http::StatusCode::from_str(black_box(s)).ok());
            }
        }),
        _ => usage(),
    }
}
