//! A dataset of 10,000 territories loads (enough to show that nothing is quadratic), every command works on it, long chains, long lists and long cells are worked through whole, and a data file is
//! read afresh at every run.

use crate::common;

use common::{large_dataset, stdout};

fn run(args: &[&str]) -> String {
    run_on(large_dataset().to_str().unwrap(), args)
}

#[test]
fn every_territory_of_a_large_dataset_is_listed() {
    let out = run(&["districts", "--sort", "area", "--reverse"]);
    assert_eq!(out.lines().count(), 10_001);
    // Regions are the largest; among equals, reversed order puts the last name first.
    let first = out.lines().nth(1).unwrap();
    assert!(first.starts_with("t9990\tTerritory 9990\t"), "{first}");
}

#[test]
fn a_large_dataset_is_summed_with_overlaps_counted_once() {
    let json: serde_json::Value =
        serde_json::from_str(&run(&["totals", "--format", "json"])).unwrap();
    assert_eq!(json["territories"], 10_000);
    let listed: u64 = (0..10_000u64)
        .map(|i| {
            if i % 10 == 0 {
                100_000
            } else {
                1 + (i * 7919) % 5000
            }
        })
        .sum();
    let inner: u64 = (0..10_000u64)
        .filter(|i| i % 10 == 1)
        .map(|i| 1 + (i * 7919) % 5000)
        .sum();
    assert_eq!(json["area_km2_listed"], listed);
    assert_eq!(json["area_km2"], listed - inner);
}

#[test]
fn every_other_command_works_on_a_large_dataset() {
    assert_eq!(
        run(&["totals", "--by", "year", "--no-header"])
            .lines()
            .count(),
        100
    );
    assert!(run(&["show", "t9999"]).contains("name\tTerritory 9999\tatlas\t\n"));
    assert_eq!(run(&["figures", "--no-header"]), "");
    assert_eq!(run(&["timeline", "--no-header"]).lines().count(), 20_000);
    assert_eq!(run(&["sources", "--no-header"]).lines().count(), 1);
    assert!(
        run(&["data", "check"])
            .ends_with(": ok: 10000 territories, 0 figures, 0 events, 1 sources\n")
    );
}

#[test]
fn a_data_file_rewritten_between_runs_is_read_afresh_each_time() {
    for (before, after) in [(3, 5), (2_000, 2_001)] {
        let file = common::dataset_file(&common::generated_dataset(before));
        let path = file.path().to_str().unwrap();
        let count = || {
            let out = stdout(&["data", "check", "--data", path]);
            out.split(": ok: ").nth(1).unwrap().to_owned()
        };
        assert!(count().starts_with(&format!("{before} territories")));
        std::fs::write(path, common::generated_dataset(after)).unwrap();
        assert!(count().starts_with(&format!("{after} territories")));
        let json = run_on(path, &["districts", "--sort", "area", "--format", "json"]);
        let listed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(listed.as_array().unwrap().len(), after);
    }
}

fn run_on(path: &str, args: &[&str]) -> String {
    let mut full = args.to_vec();
    full.extend(["--data", path]);
    stdout(&full)
}

#[test]
fn long_chains_many_sources_and_long_cells_are_worked_through_whole() {
    // A figure whose 20,000 parts each count within the one before.
    let mut text = common::MINIMAL.to_owned();
    text.push_str(
        "\n[[figures]]\nid = \"f\"\nlabel = \"F\"\nunit = \"people\"\n\
         [[figures.observations]]\nvalue = 100\nsource = \"atlas\"\n",
    );
    for i in 0..20_000 {
        let of = if i == 0 {
            String::new()
        } else {
            format!("of = \"p{}\"\n", i - 1)
        };
        text.push_str(&format!(
            "[[figures.observations.parts]]\nid = \"p{i}\"\nvalue = 1\n{of}"
        ));
    }
    let file = common::dataset_file(&text);
    let parts = run_on(
        file.path().to_str().unwrap(),
        &["figures", "--fields", "parts", "--no-header"],
    );
    assert!(
        parts.ends_with("; p19999 (of p19998): 1\n"),
        "{}",
        &parts[parts.len() - 80..]
    );
    // A territory citing 20,000 sources, on the page and in a citation.
    let mut text = common::MINIMAL.to_owned();
    let ids: Vec<String> = (0..20_000).map(|i| format!("\"s{i}\"")).collect();
    text = text.replacen(
        "area_km2 = 100\nsource = \"atlas\"",
        &format!("area_km2 = 100\nsource = [\"atlas\", {}]", ids.join(", ")),
        1,
    );
    for i in 0..20_000 {
        text.push_str(&format!(
            "\n[[sources]]\nid = \"s{i}\"\ntitle = \"Source {i}\"\n"
        ));
    }
    let file = common::dataset_file(&text);
    let path = file.path().to_str().unwrap();
    let page = run_on(path, &["report"]);
    assert!(page.contains("Source 19999"));
    let cited = run_on(path, &["cite", "north", "area", "--format", "ris"]);
    assert_eq!(cited.matches("ER  - ").count(), 20_001);
    // A name of 50,000 words, in a table written to a file.
    let words: Vec<String> = (0..50_000).map(|i| format!("w{i}")).collect();
    let text = common::MINIMAL.replacen(
        "name = \"North\"",
        &format!("name = \"{}\"", words.join(" ")),
        1,
    );
    let file = common::dataset_file(&text);
    let table = run_on(
        file.path().to_str().unwrap(),
        &["districts", "--format", "table", "--fields", "name"],
    );
    let shown: Vec<&str> = table
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|w| w.len() > 1 && w.starts_with('w') && w[1..].bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert_eq!(shown.len(), 50_000);
    assert_eq!(shown.last(), Some(&"w49999"));
}
