//! Every input a fuzzer found a fault with, kept under `tests/fuzz/<target>/`, passes the
//! target's checks now.

use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn every_dataset_a_fuzzer_broke_loading_with_now_passes() {
    for (name, bytes) in inputs("load") {
        eprintln!("{name}");
        karabakh::fuzzing::load(&bytes);
    }
}

#[test]
fn every_name_a_fuzzer_broke_matching_with_now_passes() {
    let found = inputs("names");
    assert!(
        !found.is_empty(),
        "the names fuzzer's findings are kept in tests/fuzz/names"
    );
    for (name, bytes) in found {
        // libFuzzer hands the target only valid UTF-8; do the same.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            eprintln!("{name}");
            karabakh::fuzzing::name(text);
        }
    }
}
