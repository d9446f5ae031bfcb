//! Shared fixtures for the benchmarks (document generators).
