//! The engine's share of an SDK-scale build, for benches/sdk-scale.sh: runs the
//! macro's own steps (parse the invocation, `load::load`: read the documents,
//! expand) for every invocation of the `macro` crate, outside rustc, and prints
//! the time and the number of tokens of each. Built in the dev profile it runs
//! the engine unoptimised, as cargo builds a proc macro in `cargo build`; built
//! with `--release`, as it would run with an optimised macro.
//!
//! Usage: engine-time CRATE_DIR INVOCATIONS_FILE [REPEAT]
//! INVOCATIONS_FILE: one invocation a line, `path<TAB>options` (as the macro
//! crate's `status_table!` arguments, path relative to CRATE_DIR).

use std::time::{Duration, Instant};

use proc_macro2::{TokenStream, TokenTree};

fn count(tokens: &TokenStream) -> usize {
    tokens
        .clone()
        .into_iter()
        .map(|t| match t {
            TokenTree::Group(g) => 1 + count(&g.stream()),
            _ => 1,
        })
        .sum()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(&args[1]);
    let list = std::fs::read_to_string(&args[2]).expect("the invocations file");
    let repeat: u32 = args.get(3).map_or(5, |r| r.parse().expect("REPEAT"));
    let (mut total, mut total_read, mut total_tokens, mut total_bytes) =
        (Duration::ZERO, Duration::ZERO, 0, 0);
    println!("document\tbytes\tengine_ms\tread_ms\ttokens");
    for line in list.lines().filter(|l| !l.is_empty()) {
        let (path, options) = line.split_once('\t').unwrap_or((line, ""));
        let input = if options.is_empty() {
            format!("{path:?}")
        } else {
            format!("{path:?}, {options}")
        };
        let mut best = Duration::MAX;
        let mut best_read = Duration::MAX;
        let mut tokens = 0;
        let mut bytes = 0;
        for _ in 0..repeat {
            // Reading the files alone, as `load` does first.
            let start = Instant::now();
            bytes = std::fs::read(dir.join(path)).expect("the document").len();
            best_read = best_read.min(start.elapsed());
            // What the macro does: parse its input, load (read, expand), and
            // the tracking list.
            let start = Instant::now();
            let tokens_in: TokenStream = input.parse().expect("the invocation's tokens");
            let invocation = status_codegen::invocation::parse(tokens_in);
            let loaded = status_codegen::load::load(path, &invocation.options, &dir);
            assert!(loaded.expansion.is_ok(), "{path}: {:?}", loaded.expansion.diagnostics);
            let tracked = loaded.tracked().count();
            best = best.min(start.elapsed());
            tokens = count(&loaded.expansion.tokens) + 8 * tracked;
        }
        total += best;
        total_read += best_read;
        total_tokens += tokens;
        total_bytes += bytes;
        println!(
            "{path}\t{bytes}\t{:.3}\t{:.3}\t{tokens}",
            best.as_secs_f64() * 1e3,
            best_read.as_secs_f64() * 1e3
        );
    }
    println!(
        "total\t{total_bytes}\t{:.3}\t{:.3}\t{total_tokens}",
        total.as_secs_f64() * 1e3,
        total_read.as_secs_f64() * 1e3
    );
}
