//! Arbitrary bytes as a dataset: see `fuzz/checks.rs`, `load` for what is checked.
#![no_main]

// Each target uses some of the shared checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::load(bytes));
