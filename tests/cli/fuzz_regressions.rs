//! Every input a fuzzer found a fault with, and the seeds it starts from, kept under
//! `tests/fuzz/<target>/`, passes the target's checks now.

use std::path::Path;

// The fuzz targets' own checks, which are not part of the program.
#[path = "../../fuzz/checks.rs"]
#[allow(dead_code)] // The fuzz targets use what the tests do not.
mod checks;

/// The inputs kept for `target`; an error if there are none, since a regression test that
/// replays nothing cannot fail.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the inputs of fuzz target `{target}` belong in {dir:?}: {e}"));
    let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty(), "{dir:?} holds no inputs");
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

/// The text a libFuzzer target that takes `&str` is given for `bytes`: their longest valid
/// UTF-8 prefix, as `arbitrary` makes it.
fn as_libfuzzer_text(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap(),
    }
}

#[test]
fn every_dataset_a_fuzzer_broke_loading_with_now_passes() {
    for (name, bytes) in inputs("load") {
        eprintln!("{name}");
        // 64 KB: enough for every shape an input amplifies to, in a debug build's time.
        checks::load_amplified_to(&bytes, 1 << 16);
    }
}

#[test]
fn every_name_a_fuzzer_broke_matching_with_now_passes() {
    for (name, bytes) in inputs("names") {
        eprintln!("{name}");
        checks::name(as_libfuzzer_text(&bytes));
    }
}

#[test]
fn text_that_is_not_utf8_is_replayed_as_its_valid_prefix() {
    assert_eq!(as_libfuzzer_text(b"ful\xc7\xbf\xbf4h"), "fulǿ");
    assert_eq!(as_libfuzzer_text(b"\xff"), "");
    assert_eq!(as_libfuzzer_text("Kəlbəcər".as_bytes()), "Kəlbəcər");
}
