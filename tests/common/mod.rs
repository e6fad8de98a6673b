//! The helper every integration test runs `karabakh` through.

#![allow(dead_code)]

use assert_cmd::cargo::cargo_bin_cmd;

/// `karabakh` with `args`, in a clean environment: no dataset or colour variables from the
/// machine running the tests.
pub fn karabakh(args: &[&str]) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("karabakh");
    cmd.args(args)
        .env_remove("KARABAKH_DATA")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// The standard output of a successful run, which must leave standard error empty.
pub fn stdout(args: &[&str]) -> String {
    let output = karabakh(args).output().expect("karabakh runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "karabakh {args:?} failed: {stderr}"
    );
    assert!(
        stderr.is_empty(),
        "karabakh {args:?} wrote to stderr: {stderr}"
    );
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

/// The formats a test forces, since under the test harness stdout is never a terminal.
pub const FORMATS: [&str; 5] = ["table", "tsv", "csv", "json", "markdown"];

/// Snapshots the output of `args` in every format, one snapshot each.
pub fn snapshot_every_format(name: &str, args: &[&str]) {
    for format in FORMATS {
        let mut full = args.to_vec();
        full.extend(["--format", format]);
        let output = stdout(&full);
        // Snapshots live in tests/snapshots, named after the command and format alone.
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("{name}.{format}"), output, &full.join(" "));
        });
    }
}

/// Writes `text` to a temporary `.toml` file and returns it (kept alive by the handle).
pub fn dataset_file(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".toml")
        .tempfile()
        .expect("temp file");
    std::io::Write::write_all(&mut file, text.as_bytes()).expect("write temp file");
    file
}

/// A smallest valid dataset: only the required keys.
pub const MINIMAL: &str = include_str!("../data/minimal.toml");
