//! Every example in the README prints what the README shows.
//!
//! A `console` block holds commands after `$ `, each followed by its output (standard output
//! and standard error together, as a terminal shows them). Each command runs in `bash` with
//! the freshly built `karabakh` first on the `PATH`.

use std::path::Path;
use std::process::Command;

use crate::common;

struct Example {
    // 1-based line of the command; its output follows on the lines after it.
    line: usize,
    command: String,
    expected: String,
}

fn examples(markdown: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    let mut in_console = false;
    for (i, line) in markdown.lines().enumerate() {
        if line.starts_with("```") {
            in_console = !in_console && line == "```console";
        } else if !in_console {
            continue;
        } else if let Some(command) = line.strip_prefix("$ ") {
            examples.push(Example {
                line: i + 1,
                command: command.to_owned(),
                expected: String::new(),
            });
        } else if let Some(example) = examples.last_mut() {
            example.expected.push_str(line);
            example.expected.push('\n');
        }
    }
    examples
}

// Whether an example runs a program besides karabakh and the shell's own: jq or sqlite3.
fn needs_tools(example: &Example) -> bool {
    example.command.contains("| jq") || example.command.contains("sqlite3")
}

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    check_examples(|example| !needs_tools(example), 15);
}

#[test]
#[ignore = "needs jq and sqlite3"]
fn every_readme_example_piped_into_jq_or_sqlite3_prints_what_the_readme_shows() {
    common::require("jq", &["--version"]);
    common::require("sqlite3", &["-version"]);
    check_examples(needs_tools, 5);
}

// Runs the README's examples that `pick` picks, at least `at_least` of them, and checks that
// each prints what the README shows.
fn check_examples(pick: fn(&Example) -> bool, at_least: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let examples: Vec<Example> = examples(&readme).into_iter().filter(pick).collect();
    assert!(
        examples.len() >= at_least,
        "only {} examples found",
        examples.len()
    );

    let path = common::path_with_karabakh();

    // Examples run in an empty folder that sees the repository's test data, so that an example
    // writing a file leaves the checkout alone.
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(root.join("tests"), dir.path().join("tests")).unwrap();

    let mut failures = Vec::new();
    let mut updated: Vec<(usize, String, String)> = Vec::new();
    for example in examples {
        let output = Command::new("bash")
            .args(["-o", "pipefail", "-c", &format!("{} 2>&1", example.command)])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env_remove("KARABAKH_DATA")
            .env_remove("NO_COLOR")
            // A table fits $COLUMNS; the examples say so where they give it.
            .env_remove("COLUMNS")
            .output()
            .unwrap();
        // CSV ends lines with CRLF (RFC 4180); a terminal shows it as the README does.
        let actual = String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n");
        updated.push((example.line, example.expected.clone(), actual.clone()));
        if actual != example.expected {
            failures.push(format!(
                "README.md:{}: $ {}\n--- shown\n{}--- printed\n{actual}",
                example.line, example.command, example.expected
            ));
        }
    }
    // KARABAKH_UPDATE_README=1 writes what the examples print into the README, for review.
    if std::env::var_os("KARABAKH_UPDATE_README").is_some() {
        let mut lines: Vec<String> = readme.lines().map(str::to_owned).collect();
        for (line, expected, actual) in updated.into_iter().rev() {
            let old = expected.lines().count();
            let new: Vec<String> = actual.lines().map(str::to_owned).collect();
            lines.splice(line..line + old, new);
        }
        std::fs::write(root.join("README.md"), lines.join("\n") + "\n").unwrap();
        return;
    }
    assert!(
        failures.is_empty(),
        "{}\n(KARABAKH_UPDATE_README=1 cargo test readme:: -- --include-ignored --test-threads=1 \
         updates the README)",
        failures.join("\n")
    );
}

#[test]
fn the_minimal_dataset_of_the_schema_document_loads() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data.md"))
        .unwrap();
    let start = doc.find("```toml\n").unwrap() + "```toml\n".len();
    let block = &doc[start..start + doc[start..].find("```").unwrap()];
    let ds = karabakh::data::parse(block, "docs/data.md", karabakh::data::Syntax::Toml)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.territories.len(), 1);
    assert_eq!(ds.territories[0].id, "north");
}

// The README's block of completions and manual pages, for an install with Cargo.
fn completion_block() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let install = &readme[readme.find("## Install").unwrap()..readme.find("## Commands").unwrap()];
    (install.split("```sh\n").skip(1))
        .map(|b| &b[..b.find("```").unwrap()])
        .find(|b| b.contains("karabakh completions"))
        .unwrap()
        .to_owned()
}

#[test]
fn the_readme_install_lines_work_on_a_fresh_account() {
    let block = &completion_block();
    assert!(block.contains("karabakh completions bash") && block.contains("karabakh man"));
    let home = tempfile::tempdir().unwrap();
    let path = common::path_with_karabakh();
    let out = Command::new("bash")
        .args(["-e", "-c", block])
        .env("HOME", home.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        ".local/share/bash-completion/completions/karabakh",
        ".zfunc/_karabakh",
        ".config/fish/completions/karabakh.fish",
        ".local/share/man/man1/karabakh.1",
        ".local/share/man/man1/karabakh-districts.1",
    ] {
        let written = std::fs::read_to_string(home.path().join(file)).unwrap_or_default();
        assert!(written.contains("karabakh"), "{file} was not written");
    }
}

#[test]
#[ignore = "needs man (man-db)"]
fn after_the_readme_install_lines_man_finds_the_manual_pages() {
    common::require("man", &["--version"]);
    let block = &completion_block();
    let home = tempfile::tempdir().unwrap();
    // A fresh account: ~/.local/bin is not on PATH, so only the README's MANPATH line helps.
    let out = Command::new("bash")
        .args([
            "-e",
            "-c",
            &format!("{block}\nman -w karabakh karabakh-districts"),
        ])
        .env("HOME", home.path())
        .env("PATH", common::path_with_karabakh())
        .env_remove("MANPATH")
        .output()
        .unwrap();
    let found = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        found.contains(".local/share/man/man1/karabakh.1")
            && found.contains("karabakh-districts.1"),
        "{found}"
    );
}
