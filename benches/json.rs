//! Filled in by the next commit: JSON encode/decode and streaming benchmarks.
fn main() {}
