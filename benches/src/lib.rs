//! Shared fixtures for the benchmarks of status-table: the documents the
//! expansion benchmark reads, the parse baseline it is measured against, and the
//! hand-written enum the generated code is measured against.
//!
//! The benchmarks themselves are in `benches/` (`cargo bench -p status-bench`),
//! the build-cost script is `build-cost.sh`, and the results are in
//! `BENCHMARKS.md` at the workspace root.

pub mod baseline;
pub mod documents;
pub mod handwritten;
