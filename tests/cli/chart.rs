//! `karabakh chart`: bars and the cumulative step chart, drawn to fit a width.

use crate::common;

use common::{karabakh, shown_width, stdout};

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "snapshots/chart", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(
            shown_width(line) <= width,
            "{} columns, more than {width}: {line}",
            shown_width(line)
        );
    }
}

#[test]
fn bars_show_each_territory_to_scale() {
    let chart = stdout(&["chart", "--width", "80"]);
    snapshot("bars", &chart);
    assert_fits(&chart, 80);
    // The largest territory has the longest bar, ending where the room for bars ends.
    let longest = chart
        .lines()
        .find(|l| l.starts_with("Nagorno-Karabakh"))
        .unwrap();
    assert!(longest.ends_with(" 4,400"), "{longest}");
    assert!(
        !longest.contains("  4,400"),
        "the longest bar fills its room: {longest}"
    );
}

#[test]
fn bars_sort_and_filter_like_districts() {
    let chart = stdout(&[
        "chart",
        "--sort",
        "area",
        "--reverse",
        "--kind",
        "district",
        "--width",
        "60",
    ]);
    snapshot("bars_area_reverse_districts", &chart);
    let names: Vec<&str> = chart
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("note:"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let listed = stdout(&[
        "districts",
        "--sort",
        "area",
        "--reverse",
        "--kind",
        "district",
        "--fields",
        "name",
        "--no-header",
        "--format",
        "tsv",
    ]);
    assert_eq!(names, listed.lines().collect::<Vec<_>>());
    assert_eq!(names.len(), 8);
}

#[test]
fn ascii_bars_use_no_character_beyond_ascii() {
    let chart = stdout(&["chart", "--ascii", "--width", "50", "--units", "mi2"]);
    snapshot("bars_ascii_mi2", &chart);
    assert!(chart.is_ascii(), "{chart}");
    assert_fits(&chart, 50);
    assert!(chart.contains("1,698.85"), "areas are converted: {chart}");
}

#[test]
fn the_cumulative_chart_steps_up_at_each_period() {
    let chart = stdout(&["chart", "--cumulative", "--width", "60"]);
    snapshot("cumulative", &chart);
    assert_fits(&chart, 60);
    for value in ["4,400", "6,240", "14,393"] {
        assert!(chart.contains(value), "{value} missing: {chart}");
    }
    let ascii = stdout(&["chart", "--cumulative", "--ascii", "--width", "40"]);
    snapshot("cumulative_ascii", &ascii);
    assert!(ascii.is_ascii());
    assert_fits(&ascii, 40);
}

#[test]
fn bars_are_coloured_by_kind_only_when_colour_is_on() {
    let plain = stdout(&["chart", "--width", "60"]);
    assert!(!plain.contains('\x1b'), "no colour into a pipe");
    let coloured = stdout(&["chart", "--width", "60", "--color", "always"]);
    snapshot("bars_colour", &coloured);
    assert!(coloured.contains("\x1b[36m"), "regions have their colour");
    assert!(coloured.contains("\x1b[33m"), "districts have theirs");
    let forced = karabakh(&["chart", "--width", "60"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(forced.stdout).unwrap(), coloured);
    let refused = karabakh(&["chart", "--width", "60"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(refused.stdout).unwrap(), plain);
}

#[test]
fn without_a_terminal_the_chart_fits_columns_or_80() {
    let default = stdout(&["chart"]);
    assert_fits(&default, 80);
    let narrow = karabakh(&["chart"]).env("COLUMNS", "40").output().unwrap();
    let narrow = String::from_utf8(narrow.stdout).unwrap();
    assert_fits(&narrow, 40);
    assert_ne!(narrow, default);
}

#[test]
fn the_cumulative_chart_refuses_a_sort_order() {
    let output = karabakh(&["chart", "--cumulative", "--sort", "area"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

#[test]
fn a_chart_of_nothing_says_so() {
    assert_eq!(
        stdout(&["chart", "--year", "1950"]),
        "Area of each territory, km²\n(nothing matches)\n"
    );
    assert_eq!(
        stdout(&["chart", "--cumulative", "--year", "1950", "--ascii"]),
        "Area occupied over time, cumulative, km2\n(nothing matches)\n"
    );
}

#[test]
fn the_area_held_over_time_is_drawn_to_the_scale_of_time() {
    insta::with_settings!({ snapshot_path => "snapshots/chart", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("over_time", stdout(&["chart", "--over-time", "--width", "80"]));
        insta::assert_snapshot!("over_time_ascii", stdout(&["chart", "--over-time", "--width", "50", "--ascii"]));
    });
    let chart = stdout(&["chart", "--over-time", "--width", "80"]);
    assert_fits(&chart, 80);
    let rows: Vec<&str> = chart.lines().skip(1).take(10).collect();
    // Rising in 1992–1993 to the top, flat until 2020, falling then and to nothing in 2023.
    let top = rows[0];
    let bottom = rows[9];
    assert!(top.contains('█') && bottom.contains('█'), "{chart}");
    let end = |row: &str| row.trim_end().chars().count();
    assert!(
        end(top) < end(bottom),
        "the top falls before the bottom does:\n{chart}"
    );
    // The axis is labelled from the first change to the year of the last.
    assert!(chart.contains("1988") && chart.contains("2023"), "{chart}");
    assert!(
        chart.contains('░'),
        "the period 1988–1992 is shaded:\n{chart}"
    );
}
