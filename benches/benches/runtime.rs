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

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .nresamples(10_000)
}

criterion::criterion_group! {
    name = benches;
    config = config();
    targets = from_code, reason, description, display, from_str
}
criterion::criterion_main!(benches);
