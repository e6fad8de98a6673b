//! Exit codes and messages: 1 when nothing is found, 2 for usage and data errors.

mod common;

use common::{MINIMAL, dataset_file, karabakh, stdout};
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
        "id\tname\tname_az\tkind\toccupied\tarea_km2\trestored\tyears_held\tsource\n\
         south\tSouth\t\tregion\t1999\t250\t\t\tatlas\n\
         north\tNorth\t\tdistrict\t2001-02-03\t100\t\t\tatlas\n"
    );
    let totals = stdout(&["totals", "--data", path, "--format", "csv", "--no-header"]);
    assert_eq!(totals, "2,350,350,1000,35.00,35.00,,\r\n");
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
fn a_data_error_names_the_file_line_and_column_and_exits_2() {
    let text = MINIMAL.replace(
        "source = \"atlas\"\n\n[[territories]]\nid = \"south\"",
        "source = \"atlus\"\n\n[[territories]]\nid = \"south\"",
    );
    let file = dataset_file(&text);
    let path = file.path().display().to_string();
    karabakh(&["districts", "--data", &path])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {path}:18:10: unknown source `atlus`: no [[sources]] entry has this id; \
             add one or correct the reference\n"
        ));
}

#[test]
fn a_missing_dataset_file_exits_2_with_the_reason() {
    karabakh(&["districts", "--data", "/nonexistent/karabakh.toml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: cannot read the dataset /nonexistent/karabakh.toml: No such file or directory \
             (os error 2)\n",
        );
}

#[test]
fn an_empty_dataset_says_what_a_dataset_needs() {
    let file = dataset_file("\n");
    let path = file.path().display().to_string();
    karabakh(&["totals", "--data", &path])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {path}: the dataset is empty; it needs at least `schema`, `[country]`, \
         `[[sources]]` and `[[territories]]` (see docs/data.md)\n"
        ));
}

#[test]
fn an_unknown_key_is_named_with_the_keys_allowed_there() {
    let file =
        dataset_file(&MINIMAL.replace("kind = \"district\"", "kind = \"district\"\ncolour = 1"));
    let path = file.path().display().to_string();
    karabakh(&["districts", "--data", &path])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!(
            "{path}:16:1: unknown field `colour`, expected one of `id`, `name`"
        )));
}

#[test]
fn an_impossible_date_in_a_dataset_is_located() {
    let file = dataset_file(&MINIMAL.replace("2001-02-03", "1993-02-30"));
    let path = file.path().display().to_string();
    karabakh(&["districts", "--data", &path])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {path}:16:12: invalid date, expected day between 01 and 28\n"
        ));
}

#[test]
fn every_problem_of_a_dataset_is_reported_at_once() {
    let text = MINIMAL
        .replace("area_km2 = 100\n", "area_km2 = 0\n")
        .replace("id = \"south\"", "id = \"north\"");
    let file = dataset_file(&text);
    let path = file.path().display().to_string();
    karabakh(&["districts", "--data", &path]).assert().code(2).stdout("").stderr(format!(
        "error: {path} has 2 problems:\n  {path}:17:12: an area must be a positive number of km², not 0\n  \
         {path}:21:6: territory id `north` is used twice; ids must be unique\n"
    ));
}
