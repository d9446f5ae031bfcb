//! Benchmark 2, run time of the generated code: `status_core::evs::StatusCode`
//! (`generated`) against the same enum written by hand (`handwritten`,
//! `status_bench::handwritten`) and against `http::StatusCode` (`http`).
//!
//! Every iteration goes over all 20 codes of the table (`known`) or over 20
//! codes that are not in it (`unknown`), each through `black_box`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::Criterion;
use status_bench::{KNOWN, UNKNOWN, handwritten};
use status_core::evs::StatusCode as Generated;

fn strings(codes: &[u16]) -> Vec<String> {
    codes.iter().map(u16::to_string).collect()
}

fn from_code(c: &mut Criterion) {
    for (set, codes) in [("known", KNOWN), ("unknown", UNKNOWN)] {
        let mut group = c.benchmark_group(format!("from_code/{set}"));
        group.bench_function("generated", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(Generated::from_code(black_box(code)));
                }
            });
        });
        group.bench_function("handwritten", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(handwritten::StatusCode::from_code(black_box(code)));
                }
            });
        });
        group.bench_function("http", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(http::StatusCode::from_u16(black_box(code)).ok());
                }
            });
        });
        group.finish();
    }
}

/// The number to the description: `from_code` + `description`, against
/// `http`'s `from_u16` + `canonical_reason`.
fn reason(c: &mut Criterion) {
    for (set, codes) in [("known", KNOWN), ("unknown", UNKNOWN)] {
        let mut group = c.benchmark_group(format!("reason/{set}"));
        group.bench_function("generated", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(Generated::from_code(black_box(code)).map(Generated::description));
                }
            });
        });
        group.bench_function("handwritten", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(
                        handwritten::StatusCode::from_code(black_box(code))
                            .map(handwritten::StatusCode::description),
                    );
                }
            });
        });
        group.bench_function("http", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(
                        http::StatusCode::from_u16(black_box(code))
                            .ok()
                            .and_then(|s| s.canonical_reason()),
                    );
                }
            });
        });
        group.finish();
    }
}

fn description(c: &mut Criterion) {
    let http: Vec<http::StatusCode> = KNOWN
        .iter()
        .map(|&code| http::StatusCode::from_u16(code).expect("three digits"))
        .collect();
    let mut group = c.benchmark_group("description");
    group.bench_function("generated", |b| {
        b.iter(|| {
            for &status in Generated::ALL {
                black_box(black_box(status).description());
            }
        });
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| {
            for &status in handwritten::StatusCode::ALL {
                black_box(black_box(status).description());
            }
        });
    });
    group.bench_function("http", |b| {
        b.iter(|| {
            for &status in &http {
                black_box(black_box(status).canonical_reason());
            }
        });
    });
    group.finish();
}

/// `Display` into a reused `String` (`413 overLimit`; `http` writes
/// `413 Payload Too Large`).
fn display(c: &mut Criterion) {
    let http: Vec<http::StatusCode> = KNOWN
        .iter()
        .map(|&code| http::StatusCode::from_u16(code).expect("three digits"))
        .collect();
    let mut group = c.benchmark_group("display");
    let mut out = String::with_capacity(64);
    group.bench_function("generated", |b| {
        b.iter(|| {
            for &status in Generated::ALL {
                out.clear();
                write!(out, "{}", black_box(status)).expect("String never fails");
                black_box(&out);
            }
        });
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| {
            for &status in handwritten::StatusCode::ALL {
                out.clear();
                write!(out, "{}", black_box(status)).expect("String never fails");
                black_box(&out);
            }
        });
    });
    group.bench_function("http", |b| {
        b.iter(|| {
            for &status in &http {
                out.clear();
                write!(out, "{}", black_box(status)).expect("String never fails");
                black_box(&out);
            }
        });
    });
    group.finish();
}

/// `FromStr` on the number (`"413"`): the one form all three accept. The
/// generated and hand-written types also accept names; `from_str/names` has
/// those.
fn from_str(c: &mut Criterion) {
    let names: Vec<String> = Generated::ALL.iter().map(|s| s.name().to_owned()).collect();
    let sets = [
        ("known", strings(&KNOWN)),
        ("unknown", strings(&UNKNOWN)),
        ("names", names),
    ];
    for (set, inputs) in &sets {
        let mut group = c.benchmark_group(format!("from_str/{set}"));
        group.bench_function("generated", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(Generated::from_str(black_box(input)).ok());
                }
            });
        });
        group.bench_function("handwritten", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(handwritten::StatusCode::from_str(black_box(input)).ok());
                }
            });
        });
        if *set != "names" {
            group.bench_function("http", |b| {
                b.iter(|| {
                    for input in inputs {
                        black_box(http::StatusCode::from_str(black_box(input)).ok());
                    }
                });
            });
        }
        group.finish();
    }
}

/// The seed with a catch-all variant (`other = Other`, issue 12), and the EVS
/// error page with and without one, to measure what total decoding costs
/// against the plain enums.
mod catch_all {
    status_macros::status_table!("tables/evs_04_0039.md", name = Status, other = Other);
    status_macros::status_table!("tables/evs_04_0038.en.md", name = PlainError);
    status_macros::status_table!("tables/evs_04_0038.en.md", name = Error, other = Other);
}

/// The first 20 error codes of the page, and 20 it does not list.
fn error_codes() -> (Vec<&'static str>, Vec<String>) {
    let known: Vec<&'static str> = catch_all::PlainError::ALL[..20]
        .iter()
        .map(|c| c.code())
        .collect();
    let unknown = (0..20).map(|i| format!("EVS.9{i:03}")).collect();
    (known, unknown)
}

/// Decoding a status the plain way (`TryFrom<u16>`, which fails on an
/// undocumented code) and the total way (`From<u16>` with a catch-all), then
/// reading its description; and the same for error codes (`from_code(&str)`
/// against `From<&str>`, which keeps an undocumented code in a `Box<str>`).
fn catch_all_cost(c: &mut Criterion) {
    for (set, codes) in [("known", KNOWN), ("unknown", UNKNOWN)] {
        let mut group = c.benchmark_group(format!("catch-all-status/{set}"));
        group.bench_function("plain", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(
                        Generated::try_from(black_box(code))
                            .map(Generated::description)
                            .ok(),
                    );
                }
            });
        });
        group.bench_function("catch-all", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(catch_all::Status::from(black_box(code)).description());
                }
            });
        });
        group.finish();
    }
    let (known, unknown) = error_codes();
    let unknown: Vec<&str> = unknown.iter().map(String::as_str).collect();
    for (set, codes) in [("known", &known), ("unknown", &unknown)] {
        let mut group = c.benchmark_group(format!("catch-all-error/{set}"));
        group.bench_function("plain", |b| {
            b.iter(|| {
                for code in codes {
                    black_box(
                        catch_all::PlainError::from_code(black_box(code))
                            .map(catch_all::PlainError::message),
                    );
                }
            });
        });
        group.bench_function("catch-all", |b| {
            b.iter(|| {
                for code in codes {
                    let error = catch_all::Error::from(black_box(*code));
                    black_box(error.message());
                }
            });
        });
        group.finish();
    }
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
    targets = from_code, reason, description, display, from_str, catch_all_cost
}
criterion::criterion_main!(benches);
