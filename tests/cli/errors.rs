//! Exit codes and messages: 1 when nothing is found, 2 for usage and data errors.

use crate::common;

use common::{MINIMAL, dataset_file, dataset_sha256, karabakh, refused, stdout};
use predicates::str::contains;

#[test]
fn an_unknown_name_exits_1_with_suggestions() {
    karabakh(&["show", "kelbajr"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "error: no territory is called \"kelbajr\"\n\ndid you mean: Kalbajar (kalbajar)?\n\n\
             `karabakh districts` lists every territory\n",
        );
}

#[test]
fn a_bad_option_value_exits_2_with_a_usage_message() {
    karabakh(&["districts", "--sort", "size"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("invalid value 'size' for '--sort <SORT>'"))
        .stderr(contains("[possible values: date, area, name, held]"));
}

#[test]
fn an_impossible_date_option_exits_2() {
    karabakh(&["timeline", "--since", "1993-02-30"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("`1993-02-30` is not a date: there is no such day"));
}

#[test]
fn a_minimal_dataset_with_only_the_required_keys_loads() {
    let file = dataset_file(MINIMAL);
    let path = file.path().to_str().unwrap();
    let out = stdout(&["districts", "--data", path]);
    assert_eq!(
        out,
        "id\tname\tname_az\tkind\toccupied\tarea_km2\trestored\tyears_held\tsource\trestored_scope\trestored_source\n\
         south\tSouth\t\tregion\t1999\t250\t\t\tatlas\t\t\n\
         north\tNorth\t\tdistrict\t2001-02-03\t100\t\t\tatlas\t\t\n"
    );
    let totals = stdout(&["totals", "--data", path, "--format", "csv", "--no-header"]);
    assert_eq!(totals, "2,350,350,1000,atlas,35.00,35.00,,\r\n");
}

#[test]
fn the_dataset_can_come_from_the_environment() {
    let file = dataset_file(MINIMAL);
    let output = karabakh(&["districts", "--no-header"])
        .env("KARABAKH_DATA", file.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(output.stdout.iter().filter(|&&b| b == b'\n').count(), 2);
}

#[test]
fn input_that_cannot_mean_anything_is_refused_with_the_reason() {
    assert_eq!(
        refused(&["districts", "--since", "2021", "--until", "2020"]),
        (
            Some(2),
            "error: --since 2021 is after --until 2020: no date lies between them\n".into()
        )
    );
    assert_eq!(
        refused(&["timeline", "--since", "2021-01", "--until", "2020-12-31"]).1,
        "error: --since 2021-01 is after --until 2020-12-31: no date lies between them\n"
    );
    assert_eq!(
        refused(&["totals", "--min-area", "10", "--max-area", "5"]).1,
        "error: --min-area 10 is more than --max-area 5: no area lies between them\n"
    );
    let (code, err) = refused(&["districts", "--min-area", "-5"]);
    assert_eq!(code, Some(2));
    assert!(err.starts_with("error: invalid value '-5' for '--min-area <N>': an area is a positive whole number of km²"), "{err}");
    let (code, err) = refused(&["chart", "--width", "5"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: a text chart 5 columns wide is too narrow; --width needs at least 30 columns\n"
    );
    // Each format has its own minimum, in its own unit.
    assert_eq!(
        refused(&["chart", "--format", "svg", "--width", "29"]).1,
        "error: an SVG chart 29 pixels wide is too narrow; --width needs at least 200 pixels\n"
    );
    assert_eq!(
        refused(&["chart", "--format", "svg", "--width", "30"]).1,
        "error: an SVG chart 30 pixels wide is too narrow; --width needs at least 200 pixels\n"
    );
    // A table's heading given as a field: the message names the field.
    let (code, err) = refused(&["districts", "--fields", "area km²"]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with(
            "error: unknown field `area km²`; did you mean `area_km2` (`area` in any unit)?"
        ),
        "{err}"
    );
    // The same date twice is a range of one day.
    assert!(
        karabakh(&["timeline", "--since", "2020-11-10", "--until", "2020-11-10"])
            .output()
            .unwrap()
            .status
            .success()
    );
}

#[test]
fn the_version_names_the_dataset_its_edition_and_the_hash_of_its_exported_json() {
    let hex = dataset_sha256();
    let short = format!(
        "karabakh 0.1.0 (dataset: edition 2026-12 of 2026-12-03, SHA-256 {}…, schema 1, 9 \
         territories, facts to 2025-11-30)\n",
        &hex[..12]
    );
    assert_eq!(stdout(&["-V"]), short);
    // The long form gives the whole hash and the licences of the code and of the data.
    assert_eq!(
        stdout(&["--version"]),
        format!(
            "{short}dataset SHA-256: {hex}\n\
             code licence: MIT OR Apache-2.0\n\
             data licence: CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>\n\
             The dataset (its compilation of figures, dates and areas, and its labels and\n\
             notes) is licensed under CC BY 4.0; the sources' own texts are not copied, only\n\
             the figures they state, each with its reference.\n"
        )
    );
}
