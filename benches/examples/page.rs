//! Writes one synthetic page of `benches/scale.sh` to standard output: an
//! error-code table of ROWS rows, PROBLEMS of them with a sentence in the code
//! cell (`status_bench::documents::error_table`).
//!
//! ```sh
//! cargo run --release -p status-bench --example page -- pipe|html ROWS PROBLEMS > page.md
//! ```

use std::io::Write as _;

use status_bench::documents::{self, Syntax};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let syntax = match args.first().map(String::as_str) {
        Some("pipe") => Syntax::Pipe,
        Some("html") => Syntax::Html,
        _ => usage(),
    };
    let number = |i: usize| -> usize {
        args.get(i)
            .and_then(|a| a.replace('_', "").parse().ok())
            .unwrap_or_else(|| usage())
    };
    let page = documents::error_table(syntax, number(1), number(2));
    std::io::stdout()
        .lock()
        .write_all(page.as_bytes())
        .expect("stdout is writable");
}

fn usage() -> ! {
    eprintln!("usage: page pipe|html ROWS PROBLEMS");
    std::process::exit(2)
}
