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
