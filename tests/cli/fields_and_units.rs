//! `--fields` picks and orders the columns of any listing; `--units` converts every area.

use crate::common;

use common::{karabakh, snapshot_every_format, stdout};

#[test]
fn fields_pick_and_order_the_columns_in_every_format() {
    snapshot_every_format(
        "districts_fields",
        &["districts", "--fields", "name,area_km2,occupied"],
    );
    let tsv = stdout(&["districts", "--fields", "area_km2,id", "--format", "tsv"]);
    assert_eq!(tsv.lines().next(), Some("area_km2\tid"));
    assert_eq!(tsv.lines().nth(1), Some("4400\tnagorno-karabakh"));
}

#[test]
fn fields_apply_to_totals_timeline_figures_and_sources() {
    for (args, header) in [
        (
            &["totals", "--fields", "area_km2,territories"][..],
            "area_km2,territories",
        ),
        (
            &[
                "totals",
                "--by",
                "year",
                "--fields",
                "year,cumulative_area_km2",
            ][..],
            "year,cumulative_area_km2",
        ),
        (&["timeline", "--fields", "date,label"][..], "date,label"),
        (&["figures", "--fields", "id,value"][..], "id,value"),
        (&["sources", "--fields", "id"][..], "id"),
    ] {
        let mut full = args.to_vec();
        full.extend(["--format", "csv"]);
        let csv = stdout(&full);
        assert_eq!(csv.lines().next(), Some(header), "{args:?}");
    }
}

#[test]
fn fields_of_show_pick_the_fields_of_the_record() {
    let tsv = stdout(&[
        "show",
        "kalbajar",
        "--fields",
        "area_km2,name",
        "--format",
        "tsv",
    ]);
    assert_eq!(
        tsv,
        "field\tvalue\tsource\tnote\n\
         area_km2\t3054\toccupation-in-figures\t\n\
         name\tKalbajar\toccupation-in-figures\t\n"
    );
    let json = stdout(&[
        "show",
        "kalbajar",
        "--fields",
        "name,area_km2",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            { "field": "name", "value": "Kalbajar", "source": ["occupation-in-figures"], "note": null },
            { "field": "area_km2", "value": 3054, "source": ["occupation-in-figures"], "note": null },
        ])
    );
}

#[test]
fn an_unknown_field_is_an_error_that_lists_the_fields() {
    let output = karabakh(&["districts", "--fields", "name,size"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: unknown field `size`; the fields here are: id, name, name_az, kind, occupied, \
         area_km2, restored, years_held, source, restored_scope, restored_source\n"
    );
}

#[test]
fn units_convert_areas_and_rename_their_columns() {
    snapshot_every_format(
        "districts_mi2",
        &["districts", "--units", "mi2", "--fields", "name,area_mi2"],
    );
    let tsv = stdout(&[
        "districts",
        "--units",
        "ha",
        "--fields",
        "id,area_ha",
        "--format",
        "tsv",
    ]);
    assert_eq!(tsv.lines().nth(1), Some("nagorno-karabakh\t440000"));
    // 4,400 km² / 2.589988110336 km² per mi² = 1,698.849… mi².
    let json = stdout(&["districts", "--units", "mi2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["area_mi2"], serde_json::json!(1698.85));
    assert!(json[0].get("area_km2").is_none());
}

#[test]
fn units_apply_to_totals_and_their_notes() {
    snapshot_every_format("totals_mi2", &["totals", "--units", "mi2"]);
    let csv = stdout(&["totals", "--by", "year", "--units", "ha", "--format", "csv"]);
    assert_eq!(
        csv.lines().next(),
        Some("year,territories,area_ha_listed,area_ha,cumulative_area_ha,cumulative_share_percent")
    );
    assert!(csv.contains(",1439300,"), "{csv}");
}

#[test]
fn units_apply_to_show() {
    let json = stdout(&["show", "fizuli", "--units", "mi2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    // 1,390 km² is 536.68 mi².
    let area = json
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["field"] == "area_mi2");
    assert_eq!(area.unwrap()["value"], serde_json::json!(536.68));
    // Kalbajar's notes quote no area of a source, which stays as the source gives it.
    let table = stdout(&["show", "kalbajar", "--units", "mi2", "--format", "table"]);
    assert!(
        table.contains("area_mi2") && table.contains("1,179.16"),
        "{table}"
    );
    assert!(
        table.contains("33,436.45 mi²"),
        "the notes convert too: {table}"
    );
    assert!(!table.contains("km²"), "{table}");
}

#[test]
fn a_field_named_without_its_unit_is_found_in_any_unit() {
    for (args, expected) in [
        (
            &[
                "districts",
                "--fields",
                "id,area",
                "--units",
                "mi2",
                "--no-header",
            ][..],
            "nagorno-karabakh\t1698.85\n",
        ),
        (
            &[
                "show",
                "kalbajar",
                "--fields",
                "area",
                "--units",
                "ha",
                "--no-header",
            ][..],
            "area_ha\t305400\toccupation-in-figures\t\n",
        ),
        (
            &[
                "totals",
                "--fields",
                "area_listed",
                "--units",
                "mi2",
                "--no-header",
            ][..],
            "5668.75\n",
        ),
    ] {
        let out = stdout(args);
        assert!(out.starts_with(expected), "{args:?}: {out}");
    }
    let output = karabakh(&["districts", "--units", "mi2", "--fields", "area_km2"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).starts_with(
        "error: unknown field `area_km2`; did you mean `area_mi2` (`area` in any unit)?"
    ));
}

#[test]
fn a_field_can_be_named_in_the_unit_asked_for_only() {
    let output = karabakh(&["districts", "--units", "mi2", "--fields", "area_km2"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("area_mi2"));
}
