//! Prints the medians and ratios of the last `cargo bench -p status-bench` run
//! as Markdown tables, read from criterion's estimates.
//!
//! ```sh
//! cargo run -p status-bench --bin bench-report [CRITERION_DIR]
//! ```
//!
//! `CRITERION_DIR` defaults to `$CARGO_TARGET_DIR/criterion`, else
//! `target/criterion` at the workspace root.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The median time of each benchmark, in nanoseconds, by criterion's full id
/// (`group/function[/parameter]`).
type Medians = BTreeMap<String, f64>;

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(default_dir, PathBuf::from);
    let mut medians = Medians::new();
    collect(&dir, &mut medians);
    if medians.is_empty() {
        eprintln!(
            "no criterion results under {}: run `cargo bench -p status-bench` first",
            dir.display()
        );
        std::process::exit(1);
    }
    print!("{}", expansion(&medians));
    print!("{}", hostile(&medians));
    print!("{}", runtime(&medians));
    print!("{}", catch_all(&medians));
}

fn default_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || status_bench::documents::workspace_root().join("target"),
        PathBuf::from,
    );
    target.join("criterion")
}

/// Reads every `new/benchmark.json` with its `new/estimates.json` under `dir`.
fn collect(dir: &Path, medians: &mut Medians) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|n| n == "new") {
            if let (Some(id), Some(median)) = (
                json(&path.join("benchmark.json"))
                    .and_then(|b| b["full_id"].as_str().map(str::to_owned)),
                json(&path.join("estimates.json"))
                    .and_then(|e| e["median"]["point_estimate"].as_f64()),
            ) {
                medians.insert(id, median);
            }
        } else if path
            .file_name()
            .is_some_and(|n| n != "base" && n != "report")
        {
            collect(&path, medians);
        }
    }
}

fn json(path: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// A duration in the unit that suits it.
fn time(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "–".to_owned(),
    }
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), time)
}

const STAGES: [&str; 5] = ["engine", "read", "check", "generate", "baseline"];

/// Benchmark 1: one line per document, then the growth per 10× rows.
fn expansion(medians: &Medians) -> String {
    // document ("seed", "html", "pipe") → rows (0 for the seed) → function → ns
    let mut docs: BTreeMap<&str, BTreeMap<usize, BTreeMap<&str, f64>>> = BTreeMap::new();
    for (id, &ns) in medians {
        let Some(rest) = id.strip_prefix("expansion-") else {
            continue;
        };
        let mut parts = rest.split('/');
        let (Some(doc), Some(function)) = (parts.next(), parts.next()) else {
            continue;
        };
        let rows = parts.next().and_then(|r| r.parse().ok()).unwrap_or(0);
        docs.entry(doc)
            .or_default()
            .entry(rows)
            .or_default()
            .insert(function, ns);
    }
    if docs.is_empty() {
        return String::new();
    }
    let mut out = String::from("## Expansion (medians)\n\n");
    out.push_str("| document | rows | engine | read | check | generate | baseline | engine / baseline | read / baseline |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (doc, sizes) in &docs {
        for (rows, f) in sizes {
            let get = |name: &str| f.get(name).copied();
            let rows = if *rows == 0 {
                "20 (seed)".to_owned()
            } else {
                rows.to_string()
            };
            let _ = write!(out, "| {doc} | {rows} |");
            for stage in STAGES {
                let _ = write!(out, " {} |", cell(get(stage)));
            }
            let _ = writeln!(
                out,
                " {} | {} |",
                ratio(get("engine"), get("baseline")),
                ratio(get("read"), get("baseline"))
            );
        }
    }
    out.push_str("\n## Expansion growth (time ratio for 10× rows)\n\n");
    out.push_str("| document | step |");
    for stage in STAGES {
        let _ = write!(out, " {stage} |");
    }
    out.push_str("\n|---|---|---:|---:|---:|---:|---:|\n");
    for (doc, sizes) in &docs {
        let sizes: Vec<_> = sizes.iter().filter(|(rows, _)| **rows > 0).collect();
        for pair in sizes.windows(2) {
            let ((small, a), (large, b)) = (pair[0], pair[1]);
            let _ = write!(out, "| {doc} | {small} → {large} |");
            for stage in STAGES {
                let _ = write!(
                    out,
                    " {} |",
                    ratio(b.get(stage).copied(), a.get(stage).copied())
                );
            }
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

/// Hostile shapes: the time at 4n over the time at n (linear work: about 4).
fn hostile(medians: &Medians) -> String {
    let mut shapes: BTreeMap<&str, (Option<f64>, Option<f64>)> = BTreeMap::new();
    for (id, &ns) in medians {
        let Some(rest) = id.strip_prefix("hostile/") else {
            continue;
        };
        let Some((shape, size)) = rest.rsplit_once('/') else {
            continue;
        };
        let entry = shapes.entry(shape).or_default();
        if size == "n" {
            entry.0 = Some(ns);
        } else {
            entry.1 = Some(ns);
        }
    }
    if shapes.is_empty() {
        return String::new();
    }
    let mut out = String::from("## Hostile shapes (time at 4n / time at n; linear is about 4)\n\n");
    out.push_str("| shape | n | 4n | ratio |\n|---|---:|---:|---:|\n");
    for (shape, (n, four)) in &shapes {
        let _ = writeln!(
            out,
            "| {shape} | {} | {} | {} |",
            cell(*n),
            cell(*four),
            ratio(*four, *n)
        );
    }
    out.push('\n');
    out
}

/// The catch-all variant (issue 12): total decoding against the plain enum.
fn catch_all(medians: &Medians) -> String {
    let mut groups: BTreeMap<&str, BTreeMap<&str, f64>> = BTreeMap::new();
    for (id, &ns) in medians {
        if let Some((group, function)) = id.rsplit_once('/')
            && group.starts_with("catch-all")
        {
            groups.entry(group).or_default().insert(function, ns);
        }
    }
    if groups.is_empty() {
        return String::new();
    }
    let mut out = String::from("## Catch-all variant (medians, 20 codes per iteration)\n\n");
    out.push_str("| decode + text | plain enum | with `other` | with `other` / plain |\n|---|---:|---:|---:|\n");
    for (group, f) in &groups {
        let get = |name: &str| f.get(name).copied();
        let _ = writeln!(
            out,
            "| {group} | {} | {} | {} |",
            cell(get("plain")),
            cell(get("catch-all")),
            ratio(get("catch-all"), get("plain"))
        );
    }
    out.push('\n');
    out
}

/// Benchmark 2: one line per operation, generated against its baselines.
fn runtime(medians: &Medians) -> String {
    let mut groups: BTreeMap<&str, BTreeMap<&str, f64>> = BTreeMap::new();
    for (id, &ns) in medians {
        if id.starts_with("expansion-") || id.starts_with("hostile/") || id.starts_with("catch-all")
        {
            continue;
        }
        if let Some((group, function)) = id.rsplit_once('/') {
            groups.entry(group).or_default().insert(function, ns);
        }
    }
    if groups.is_empty() {
        return String::new();
    }
    let mut out = String::from("## Run time (medians, 20 calls per iteration)\n\n");
    out.push_str("| operation | generated | hand-written | http | generated / hand-written | generated / http |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|\n");
    for (group, f) in &groups {
        let get = |name: &str| f.get(name).copied();
        let _ = writeln!(
            out,
            "| {group} | {} | {} | {} | {} | {} |",
            cell(get("generated")),
            cell(get("handwritten")),
            cell(get("http")),
            ratio(get("generated"), get("handwritten")),
            ratio(get("generated"), get("http")),
        );
    }
    out.push('\n');
    out
}
