//! Arbitrary text as a name for `show`: see `fuzz/checks.rs`, `name` for what is checked.
#![no_main]

// Each target uses some of the shared checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|name: &str| checks::name(name));
