//! Arbitrary text as TOML read in pieces and whole: see `karabakh::fuzzing::pieces`.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| karabakh::fuzzing::pieces(text));
