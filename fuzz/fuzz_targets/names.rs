//! Arbitrary text as a name for `show`: see `karabakh::fuzzing::name` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|name: &str| karabakh::fuzzing::name(name));
