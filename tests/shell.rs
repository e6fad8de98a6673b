//! The shell integration: the overview without a command, help texts checked against committed
//! copies, completions and the manual page.

mod common;

use common::{karabakh, stdout};

/// Every command, as the overview and the manual page must name them.
const COMMANDS: [&str; 10] = [
    "districts",
    "totals",
    "show",
    "figures",
    "timeline",
    "sources",
    "chart",
    "data",
    "completions",
    "man",
];

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "snapshots/help", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn without_a_command_karabakh_prints_a_short_overview_and_succeeds() {
    let overview = stdout(&[]);
    snapshot("overview", &overview);
    for command in COMMANDS {
        assert!(
            overview.contains(&format!("\n  {command} ")),
            "the overview lacks {command}"
        );
    }
    assert!(overview.lines().count() < 30, "the overview is short");
}

#[test]
fn the_help_of_every_command_matches_its_committed_copy() {
    // A change to the interface shows up in review as a change to these snapshots.
    snapshot("karabakh", &stdout(&["--help"]));
    for command in COMMANDS {
        let help = stdout(&[command, "--help"]);
        assert!(
            help.contains("Examples:"),
            "`{command} --help` has no examples"
        );
        snapshot(command, &help);
    }
    for command in ["check", "export"] {
        let help = stdout(&["data", command, "--help"]);
        assert!(help.contains("Examples:"));
        snapshot(&format!("data-{command}"), &help);
    }
}

#[test]
fn completions_are_printed_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_karabakh()"),
        ("zsh", "#compdef karabakh"),
        ("fish", "complete -c karabakh"),
        ("elvish", "edit:completion:arg-completer[karabakh]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no {marker}");
        for word in ["districts", "chart", "units", "mi2", "fields", "cumulative"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
}

#[test]
fn an_unknown_shell_is_an_error_that_lists_the_shells() {
    let output = karabakh(&["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{stderr}"
    );
}

#[test]
fn the_manual_page_covers_every_command() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH karabakh 1"), "no page header");
    for command in COMMANDS {
        let heading = format!(".SH \"KARABAKH {}\"", command.to_uppercase());
        assert!(page.contains(&heading), "no section {heading}");
    }
    for heading in [
        ".SH \"KARABAKH DATA CHECK\"",
        ".SH \"KARABAKH DATA EXPORT\"",
    ] {
        assert!(page.contains(heading), "no section {heading}");
    }
    // The options of the commands are in it, with their explanations.
    for option in [
        "\\-\\-cumulative",
        "\\-\\-fields",
        "\\-\\-min\\-area",
        "\\-\\-history",
    ] {
        assert!(page.contains(option), "the page lacks {option}");
    }
    // roff is ASCII; other characters are escaped (the en dash of Armenia–Azerbaijan).
    assert!(page.is_ascii());
    assert!(page.contains("Armenia\\[u2013]Azerbaijan"));
    // One page header only: each command's part is a section of the one page.
    assert_eq!(page.matches(".TH ").count(), 1);
}
