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

/// The codes of the seed's table, in document order: the `known` inputs of the
/// run-time benchmark and of its instruction counts.
pub const KNOWN: [u16; 20] = [
    200, 201, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 413, 415, 500, 501, 502, 503,
    504,
];

/// Three-digit codes that are not in the table (so `http` accepts them all but
/// knows a reason for only some, as for the table's): the `unknown` inputs.
pub const UNKNOWN: [u16; 20] = [
    100, 150, 203, 205, 299, 302, 399, 402, 410, 411, 418, 429, 451, 499, 505, 511, 599, 600, 777,
    999,
];
