//! `karabakh data check` and `karabakh data export`.

use crate::common;

use common::{MINIMAL, dataset_file, karabakh, stdout};

#[test]
fn the_embedded_dataset_passes_the_check() {
    assert_eq!(
        stdout(&["data", "check"]),
        "data.toml (embedded): ok: 9 territories, 4 figures, 17 events, 59 sources\n"
    );
}

#[test]
fn the_check_lists_every_problem_one_per_line_and_exits_2() {
    let text = MINIMAL
        .replacen("area_km2 = 100\n", "area_km2 = 0\n", 1)
        .replacen("id = \"south\"", "id = \"north\"", 1)
        .replacen(
            "occupied = \"1999\"\narea_km2 = 250\nsource = \"atlas\"",
            "occupied = \"1999\"\narea_km2 = 250\nsource = \"map\"",
            1,
        );
    let file = dataset_file(&text);
    let path = file.path().display().to_string();
    karabakh(&["data", "check", &path])
        .assert()
        .code(2)
        .stdout(format!(
            "{path}:17:12: territories[0].area_km2: an area must be a positive number of km², not 0\n\
             {path}:21:6: territories[1].id: territory id `north` is used twice; ids must be unique\n\
             {path}:26:10: territories[1].source: unknown source `map`: no [[sources]] entry has \
             this id; add one or correct the reference\n"
        ))
        .stderr(format!("error: {path}: 3 problems\n"));
}

#[test]
fn the_check_takes_the_dataset_given_with_data() {
    let file = dataset_file(MINIMAL);
    let path = file.path().display().to_string();
    assert_eq!(
        stdout(&["--data", &path, "data", "check"]),
        format!("{path}: ok: 2 territories, 0 figures, 0 events, 1 sources\n")
    );
}

#[test]
fn an_exported_dataset_loads_back_and_gives_the_same_answers() {
    for (format, suffix) in [("toml", ".toml"), ("json", ".json")] {
        let exported = stdout(&["data", "export", "--format", format]);
        let file = tempfile::Builder::new().suffix(suffix).tempfile().unwrap();
        std::fs::write(file.path(), &exported).unwrap();
        let path = file.path().display().to_string();
        for command in [
            &["districts"][..],
            &["totals"],
            &["totals", "--by", "year"],
            &["show", "shusha"],
            &["figures", "--history"],
            &["timeline"],
            &["sources"],
        ] {
            let mut args = command.to_vec();
            args.extend(["--format", "json"]);
            let embedded = stdout(&args);
            args.extend(["--data", &path]);
            assert_eq!(stdout(&args), embedded, "{format}: {command:?}");
        }
        // Exporting the exported dataset again changes nothing.
        assert_eq!(
            stdout(&["--data", &path, "data", "export", "--format", format]),
            exported
        );
    }
}

#[test]
fn a_json_dataset_with_an_error_names_the_path_line_and_column() {
    let file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    let json = stdout(&["data", "export", "--format", "json"]).replacen(
        "\"area_km2\": 4400",
        "\"area_km2\": \"4400\"",
        1,
    );
    std::fs::write(file.path(), json).unwrap();
    let path = file.path().display().to_string();
    let output = karabakh(&["districts", "--data", &path]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!("error: {path}:")) && stderr.contains(": territories[0].area_km2: invalid type: string \"4400\", expected a whole number\n"),
        "{stderr}"
    );
}

#[test]
fn every_address_in_the_built_in_data_is_a_link_with_the_date_it_was_checked() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["sources", "--format", "json"])).unwrap();
    for source in json.as_array().unwrap() {
        let Some(url) = source["url"].as_str() else {
            continue;
        };
        assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "{source}"
        );
        // The document's address is where it is stored; facts.md gives no date it was read.
        if source["id"] != "occupation-in-figures" {
            assert!(source["accessed"].is_string(), "{source}");
        }
    }
}
