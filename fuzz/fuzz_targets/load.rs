//! Arbitrary bytes as a dataset: see `karabakh::fuzzing::load` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| karabakh::fuzzing::load(bytes));
