//! On a real terminal: `karabakh` run on a pseudo-terminal made by util-linux's `script`, so
//! that its own terminal detection decides, not a forced format.

mod common;

use std::process::Command;

use common::shown_width;

const BIN: &str = env!("CARGO_BIN_EXE_karabakh");

/// Runs `karabakh ARGS` on a pseudo-terminal `columns` wide; its output, with the terminal's
/// line ends made plain.
fn on_terminal(columns: u16, args: &str, env: &[(&str, &str)]) -> String {
    let script = format!("stty cols {columns} rows 50; exec {BIN} {args}");
    let mut command = Command::new("script");
    command
        .args(["--quiet", "--return", "--command", &script, "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("KARABAKH_DATA")
        .env_remove("COLUMNS")
        .env("TERM", "xterm-256color");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command
        .output()
        .expect("`script` (util-linux) runs; .ci/run installs it");
    assert!(
        output.status.success(),
        "karabakh {args} failed on a terminal: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stdout)
        .expect("output is UTF-8")
        .replace("\r\n", "\n")
}

#[test]
fn on_a_terminal_the_listing_is_a_table_that_fits_its_width() {
    let out = on_terminal(60, "districts", &[]);
    assert!(out.contains('╭') && out.contains('┆'), "a table: {out}");
    let widest = out.lines().map(shown_width).max().unwrap();
    assert!(
        widest <= 60,
        "{widest} columns wide on a 60-column terminal:\n{out}"
    );
    // Numbers are never broken across lines; text is.
    for area in ["4,400", "3,054", "1,840"] {
        assert!(out.contains(area), "{area} is broken: {out}");
    }
    // A wide terminal gets the table on one line a row.
    let wide = on_terminal(200, "districts", &[]);
    let widest = wide.lines().map(shown_width).max().unwrap();
    assert!(widest > 60 && widest <= 200, "{widest}");
}

#[test]
fn on_a_terminal_numbers_are_right_aligned_with_separators() {
    let out = on_terminal(200, "districts --color never", &[]);
    let row = out.lines().find(|l| l.contains("kalbajar")).unwrap();
    assert!(row.contains("┆    3,054 ┆"), "{row}");
}

#[test]
fn on_a_terminal_there_is_colour_unless_no_color_or_clicolor_say_otherwise() {
    assert!(on_terminal(120, "districts", &[]).contains("\x1b["));
    assert!(!on_terminal(120, "districts", &[("NO_COLOR", "1")]).contains("\x1b["));
    assert!(!on_terminal(120, "districts", &[("CLICOLOR", "0")]).contains("\x1b["));
    assert!(on_terminal(120, "districts", &[("CLICOLOR", "1")]).contains("\x1b["));
    assert!(!on_terminal(120, "districts --color never", &[]).contains("\x1b["));
}

#[test]
fn piped_on_a_terminal_the_output_is_plain_tab_separated_text() {
    let out = on_terminal(60, "districts | cat", &[]);
    assert!(!out.contains('╭'), "{out}");
    assert!(!out.contains("\x1b["), "{out}");
    assert_eq!(out.lines().next().unwrap().split('\t').count(), 9, "{out}");
}

#[test]
fn on_a_terminal_the_chart_fits_its_width_and_uses_blocks() {
    let out = on_terminal(50, "chart", &[]);
    assert!(out.contains('█'), "{out}");
    for line in out.lines() {
        assert!(shown_width(line) <= 50, "{line}");
    }
}
