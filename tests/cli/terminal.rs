//! On a real terminal: `karabakh` run on a pseudo-terminal made by util-linux's `script`, so
//! that its own terminal detection decides, not a forced format.

use crate::common;

use std::process::Command;

use common::{BIN, shown_width};

/// Runs `karabakh ARGS` on a pseudo-terminal `columns` wide; its output, with the terminal's
/// line ends made plain.
fn on_terminal(columns: u16, args: &str, env: &[(&str, &str)]) -> String {
    on_terminal_of(&format!("cols {columns} rows 50"), args, env)
}

/// Runs `karabakh ARGS` on a pseudo-terminal set with `stty SIZE`.
fn on_terminal_of(size: &str, args: &str, env: &[(&str, &str)]) -> String {
    let script = format!("stty {size}; exec {BIN} {args}");
    let mut command = Command::new("script");
    command
        .args(["--quiet", "--return", "--command", &script, "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("KARABAKH_DATA")
        .env_remove("COLUMNS")
        .env_remove("PAGER")
        // No pager unless a test asks for one: `less` would wait for a key.
        .env("KARABAKH_PAGER", "cat")
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

/// The fields of `args`'s TSV output in `columns` that must never be split on a terminal:
/// dates, numbers (as people read them, `3,054`) and ids.
fn atoms(args: &str, columns: &[&str]) -> Vec<String> {
    let mut full: Vec<&str> = args.split(' ').collect();
    full.extend(["--format", "tsv"]);
    let tsv = common::stdout(&full);
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let picked: Vec<usize> = columns
        .iter()
        .map(|c| {
            header
                .iter()
                .position(|h| h == c)
                .unwrap_or_else(|| panic!("{c}"))
        })
        .collect();
    let mut atoms = Vec::new();
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        for (&i, column) in picked.iter().zip(columns) {
            let number = column.contains("area") || *column == "value";
            // Periods (1988/1992) are written for people in other ways; days, numbers and
            // ids as they are.
            for atom in fields[i]
                .split("; ")
                .filter(|a| !a.is_empty() && !a.contains('/'))
            {
                atoms.push(match atom.parse::<u64>() {
                    Ok(n) if number => karabakh::output::thousands(n),
                    _ => atom.to_owned(),
                });
            }
        }
    }
    atoms
}

#[test]
fn a_terminal_that_gives_its_columns_but_no_rows_is_fitted_too() {
    // `script` makes such a terminal when only `stty cols` is set.
    let out = on_terminal_of("cols 40 rows 0", "districts", &[]);
    for line in out.lines() {
        assert!(common::shown_width(line) <= 40, "{line}");
    }
    assert!(out.contains("Nagorno-Karabakh"), "{out}");
}

#[test]
fn every_view_fits_40_60_80_and_120_columns_without_splitting_a_date_number_or_id() {
    // Each command, with the columns it always shows (ids, dates, numbers) and the labels of
    // those columns.
    let views: [(&str, &[&str], &[&str]); 7] = [
        (
            "districts --sort date",
            &["occupied", "restored", "area_km2"],
            &["name", "occupied", "restored"],
        ),
        (
            "totals",
            &["area_km2", "area_km2_listed"],
            &["area counted once"],
        ),
        (
            "totals --by year",
            &["area_km2", "cumulative_area_km2"],
            &["year", "cumulative"],
        ),
        ("show kelbajar", &["source"], &["field", "value", "source"]),
        (
            "figures",
            &["value", "as_of"],
            &["figure", "value", "as of"],
        ),
        ("timeline", &["date"], &["date", "what"]),
        ("sources", &["id"], &["id", "title"]),
    ];
    for columns in [40u16, 60, 80, 120] {
        for (args, tsv_columns, labels) in views {
            let out = on_terminal(columns, &format!("{args} --color never"), &[]);
            for line in out.lines() {
                assert!(
                    shown_width(line) <= usize::from(columns),
                    "`{args}` at {columns}: {} wide: {line}\n{out}",
                    shown_width(line)
                );
            }
            for atom in atoms(args, tsv_columns) {
                assert!(
                    out.contains(&atom),
                    "`{args}` at {columns}: `{atom}` is split:\n{out}"
                );
            }
            for label in labels {
                assert!(
                    out.contains(label),
                    "`{args}` at {columns} lacks {label}:\n{out}"
                );
            }
        }
    }
}

#[test]
fn a_table_too_wide_leaves_out_the_least_needed_columns_and_says_so() {
    let out = on_terminal(80, "districts --color never", &[]);
    // What every row shares is said once, above the table.
    assert!(out.starts_with("source: occupation-in-figures\n╭"), "{out}");
    let header = out.lines().nth(2).unwrap();
    for kept in ["name", "occupied", "restored", "years"] {
        assert!(header.contains(kept), "{header}");
    }
    assert!(!header.contains(" id "), "{header}");
    assert!(
        out.contains("note: left out to fit: restoration source, restored scope, id, Azerbaijani"),
        "{out}"
    );
    // Every row is one line.
    assert_eq!(
        out.lines().filter(|l| l.contains("┆")).count(),
        2 + 9,
        "{out}"
    );
    // --wide shows every column, whatever the width; --fields shows the columns it names.
    let wide = on_terminal(80, "districts --color never --wide", &[]);
    assert!(
        wide.contains("occupation-in-figures") && wide.contains("Azerbaijani"),
        "{wide}"
    );
    let picked = on_terminal(80, "districts --color never --fields id,source", &[]);
    assert!(
        picked.contains("kalbajar") && picked.contains("occupation-in-figures"),
        "{picked}"
    );
    assert!(!picked.contains("left out"), "{picked}");
}

#[test]
fn long_text_that_must_stay_gets_half_the_terminal_before_an_optional_column_beside_it() {
    let out = on_terminal(
        80,
        "timeline --since 2020-10 --until 2020-12-31 --color never",
        &[],
    );
    let header = out.lines().nth(1).unwrap();
    assert!(
        header.contains(" what ") && !header.contains("territories"),
        "{out}"
    );
    assert!(out.contains("note: left out to fit: territories"), "{out}");
    // The widest line of a row's text is at least half the terminal.
    let what = |line: &str| {
        line.split('┆')
            .nth(2)
            .map(|cell| cell.trim_end_matches('│').trim().len())
    };
    let widest = out.lines().filter_map(what).max().unwrap_or(0);
    assert!(widest >= 40, "{widest}:\n{out}");
    // Where the text is short, the optional columns stay.
    let short = on_terminal(80, "districts --color never", &[]);
    assert!(short.lines().nth(2).unwrap().contains(" kind "), "{short}");
}

#[test]
fn where_no_table_fits_each_record_is_a_block_of_fields() {
    let out = on_terminal(40, "districts --sort date --color never", &[]);
    assert!(
        out.starts_with("source: occupation-in-figures\n-[ 1 ]---"),
        "{out}"
    );
    // A field and its value on a line, or the value on the lines under a record too wide for
    // that.
    let has = |field: &str, value: &str| {
        let lines: Vec<&str> = out.lines().collect();
        lines.iter().any(|l| {
            l.strip_prefix(field)
                .is_some_and(|rest| rest.starts_with("  ") && rest.trim() == value)
        }) || lines
            .windows(2)
            .any(|w| w[0] == field && w[1].trim() == value)
    };
    assert!(has("name", "Nagorno-Karabakh"), "{out}");
    assert!(has("id", "kalbajar"), "{out}");
    assert!(has("restored scope", "town"), "{out}");
    assert_eq!(out.matches("-[ ").count(), 9, "{out}");
}

#[test]
fn long_output_on_a_terminal_goes_through_the_pager_and_never_into_a_pipe() {
    let pager = [("KARABAKH_PAGER", "sed s/^/paged:/")];
    let out = on_terminal(120, "timeline --color never", &pager);
    assert!(out.lines().all(|l| l.starts_with("paged:")), "{out}");
    // PAGER serves when KARABAKH_PAGER is not set; --no-pager and a pipe turn it off.
    let out = on_terminal(120, "sources --no-pager", &pager);
    assert!(!out.contains("paged:"), "{out}");
    let out = on_terminal(120, "timeline | cat", &pager);
    assert!(!out.contains("paged:"), "{out}");
}

#[test]
fn on_a_terminal_numbers_are_right_aligned_with_separators() {
    let out = on_terminal(200, "districts --color never", &[]);
    let row = out.lines().find(|l| l.contains("kalbajar")).unwrap();
    assert!(row.contains("┆    3,054 ┆"), "{row}");
    let row = out.lines().find(|l| l.contains("shusha")).unwrap();
    assert!(row.contains("┆      289 ┆"), "{row}");
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
    assert_eq!(out.lines().next().unwrap().split('\t').count(), 11, "{out}");
}

#[test]
fn on_a_terminal_the_chart_fits_its_width_and_uses_blocks() {
    let out = on_terminal(50, "chart", &[]);
    assert!(out.contains('█'), "{out}");
    for line in out.lines() {
        assert!(shown_width(line) <= 50, "{line}");
    }
}

#[test]
fn charts_fit_40_60_80_and_120_columns_with_every_territory_and_area_whole() {
    for columns in [40u16, 60, 80, 120] {
        for args in ["chart", "chart --cumulative"] {
            let out = on_terminal(columns, &format!("{args} --color never"), &[]);
            for line in out.lines() {
                assert!(
                    shown_width(line) <= usize::from(columns),
                    "`{args}` at {columns}: {line}"
                );
            }
            let whole = if args == "chart" {
                ["4,400", "3,054", "Zangilan"]
            } else {
                ["4,400", "6,240", "14,393"]
            };
            for text in whole {
                assert!(
                    out.contains(text),
                    "`{args}` at {columns} lacks {text}:\n{out}"
                );
            }
        }
    }
}

#[test]
fn a_note_or_source_that_does_not_fit_the_table_is_given_below_it() {
    // What the wide output qualifies each row with: its notes, sources and addresses.
    let cases = [
        ("timeline --since 2020-10 --until 2020-12-31", "note,source"),
        ("figures", "source,note"),
        ("sources", "url"),
    ];
    for (args, caveats) in cases {
        let mut command: Vec<&str> = args.split(' ').collect();
        command.extend(["--format", "tsv", "--no-header", "--fields", caveats]);
        let piped = common::stdout(&command);
        let words: Vec<String> = piped
            .split(['\t', ' ', ';', '\n'])
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        assert!(!words.is_empty(), "{args}: nothing to look for");
        for width in [40, 60, 80, 120] {
            let shown = on_terminal(width, &format!("{args} --color never --no-pager"), &[]);
            let on_screen: std::collections::HashSet<&str> = shown
                .split(|c: char| c.is_whitespace() || "│┆;".contains(c))
                .collect();
            // A word longer than a line is broken across lines, each part whole on its own.
            let squashed: String = shown.split_whitespace().collect();
            for word in &words {
                assert!(
                    on_screen.contains(word.as_str()) || squashed.contains(word.as_str()),
                    "{args} at {width} columns lost `{word}`:\n{shown}"
                );
            }
        }
    }
}

#[test]
fn the_overview_without_a_command_fits_the_terminal() {
    for columns in [40, 80] {
        let out = on_terminal(columns, "", &[]);
        assert!(out.contains("Commands:"), "{out}");
        // An example is a command to copy, so it is never broken, however narrow.
        for line in out.lines().filter(|l| !l.starts_with("  karabakh ")) {
            assert!(
                line.chars().count() <= usize::from(columns),
                "at {columns} columns: {line:?}"
            );
        }
    }
}

#[test]
fn on_a_terminal_every_format_escapes_control_characters_and_into_a_pipe_keeps_them() {
    let text = common::MINIMAL
        .replacen(
            "name = \"North\"",
            r#"name = "North\u001b]0;title\u0007\u202eEnd""#,
            1,
        )
        .replacen(
            "title = \"An atlas\"",
            r#"title = "An atlas\u001b[31m\u202e""#,
            1,
        );
    let file = common::dataset_file(&text);
    let data = file.path().to_str().unwrap();
    for args in [
        "districts --format csv",
        "districts --format tsv",
        "districts --format json",
        "districts --format jsonl",
        "districts --format markdown",
        "show north --format csv",
        "cite north area --format ris",
        "cite north area --format bibtex",
        "cite north area --format csl-json",
        "report",
        "chart --format svg",
    ] {
        let shown = on_terminal(80, &format!("--data {data} {args}"), &[]);
        for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(
                !shown.contains(raw),
                "{args}: raw {raw:?} on the terminal:\n{shown}"
            );
        }
        assert!(shown.contains(r"\u{202e}"), "{args}:\n{shown}");
    }
    // Into a pipe, machine formats keep the value exact.
    let piped = common::stdout(&[
        "--data",
        data,
        "districts",
        "--format",
        "tsv",
        "--fields",
        "name",
    ]);
    assert!(
        piped.contains("North\u{1b}]0;title\u{7}\u{202e}End"),
        "{piped}"
    );
}

#[test]
fn a_pager_that_cannot_run_leaves_the_output_on_the_terminal_with_a_warning() {
    let direct = on_terminal(120, "timeline --color never --no-pager", &[]);
    for pager in ["no-such-pager-anywhere", "less 'unclosed", "exit 3"] {
        let out = on_terminal(120, "timeline --color never", &[("KARABAKH_PAGER", pager)]);
        let warning = out
            .lines()
            .find(|l| l.starts_with("warning: the pager"))
            .unwrap_or_else(|| panic!("{pager}: no warning in\n{out}"));
        assert!(
            warning.starts_with(&format!(
                "warning: the pager `{pager}` failed (exit status: "
            )),
            "{warning}"
        );
        assert!(
            warning.ends_with(
                "; writing to the terminal directly (set KARABAKH_PAGER, or use --no-pager)"
            ),
            "{warning}"
        );
        // Everything else is the output, whole.
        let rest: String = out
            .lines()
            .filter(|l| !l.starts_with("warning:") && !l.starts_with("sh: "))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(rest, direct, "{pager}");
    }
}

#[test]
fn check_fits_40_60_80_and_120_columns_with_every_value_and_note_whole() {
    let args = "check --color never 'Kalbajar, an area of 1,936 km², fell on 2 April 1993. \
                4,049 people were missing.'";
    for columns in [40u16, 60, 80, 120] {
        let out = on_terminal(columns, args, &[]);
        for line in out.lines() {
            assert!(
                shown_width(line) <= usize::from(columns),
                "at {columns}: {} wide: {line}\n{out}",
                shown_width(line)
            );
        }
        // What a figure matches, and that it is not the value stated or not the latest.
        for whole in [
            "1,936",
            "3,054",
            "1993-04-02",
            "4,049",
            "3,983",
            "2025-03-10",
        ] {
            assert!(
                out.contains(whole),
                "at {columns}: `{whole}` is split:\n{out}"
            );
        }
        // The words that end each remark, which a cell may wrap before.
        for said in ["states:", "latest:"] {
            assert!(out.contains(said), "at {columns} lacks {said}:\n{out}");
        }
    }
}
