//! `karabakh data check` and `karabakh data export`.

use crate::common;

use common::{MINIMAL, dataset_file, karabakh, stdout};

#[test]
fn the_embedded_dataset_passes_the_check() {
    assert_eq!(
        stdout(&["data", "check"]),
        "data.toml (embedded): ok: 9 territories, 7 figures, 17 events, 62 sources\n"
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

// The standard output of `args`, which must exit 1: something differs.
fn differing(args: &[&str]) -> String {
    let out = karabakh(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

// A pair made from the smallest dataset: a changed area, an added source, a removed territory,
// an added alternative and an added figure.
fn changed_pair() -> (tempfile::NamedTempFile, tempfile::NamedTempFile) {
    let new = MINIMAL
        .replacen("area_km2 = 100\n", "area_km2 = 120\n", 1)
        .replacen(
            "[[territories]]\nid = \"south\"",
            "[[sources]]\nid = \"survey\"\ntitle = \"A survey\"\n\n[[territories]]\nid = \"south\"",
            1,
        )
        + "\n[[territories.alternatives]]\narea_km2 = 240\nsource = \"survey\"\n\n\
           [[figures]]\nid = \"visitors\"\nlabel = \"Visitors\"\nunit = \"people\"\n\n\
           [[figures.observations]]\nas_of = 2020\nvalue = 12\nsource = \"survey\"\n";
    (dataset_file(MINIMAL), dataset_file(&new))
}

#[test]
fn data_diff_lists_each_change_with_the_totals_it_moves_and_exits_1() {
    let (old, new) = changed_pair();
    let (old, new) = (old.path().to_str().unwrap(), new.path().to_str().unwrap());
    karabakh(&["data", "diff", old, new])
        .assert()
        .code(1)
        .stdout(
            "record\tfield\tchange\told\tnew\n\
             source survey\t\tadded\t\t{\"id\":\"survey\",\"title\":\"A survey\"}\n\
             territory north\tarea_km2\tchanged\t100\t120\n\
             territory south\talternatives\tadded\t\t{\"area_km2\":240,\"source\":\"survey\"}\n\
             figure visitors\t\tadded\t\t{\"id\":\"visitors\",\"label\":\"Visitors\",\"unit\":\
             \"people\",\"observations\":[{\"as_of\":\"2020\",\"value\":12,\"source\":\"survey\"}]}\n\
             totals (computed)\tarea_km2_listed\tchanged\t350\t370\n\
             totals (computed)\tarea_km2\tchanged\t350\t370\n\
             totals (computed)\tshare_percent\tchanged\t35.0\t37.0\n\
             totals (computed)\tshare_percent_listed\tchanged\t35.0\t37.0\n",
        );
    // The other way round, what was added is removed.
    let back = differing(&["data", "diff", new, old]);
    assert!(
        back.contains("source survey\t\tremoved\t{\"id\":\"survey\",\"title\":\"A survey\"}\t\n"),
        "{back}"
    );
}

#[test]
fn data_diff_writes_json_with_typed_values_and_json_lines() {
    let (old, new) = changed_pair();
    let (old, new) = (old.path().to_str().unwrap(), new.path().to_str().unwrap());
    let json: serde_json::Value =
        serde_json::from_str(&differing(&["data", "diff", old, new, "--format", "json"])).unwrap();
    assert_eq!(
        json[1],
        serde_json::json!({
            "record": "territory north",
            "field": "area_km2",
            "change": "changed",
            "old": 100,
            "new": 120,
        })
    );
    assert_eq!(json[0]["old"], serde_json::Value::Null);
    let lines = differing(&["data", "diff", old, new, "--format", "jsonl"]);
    assert_eq!(lines.lines().count(), json.as_array().unwrap().len());
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(lines.lines().nth(1).unwrap()).unwrap(),
        json[1]
    );
}

#[test]
fn data_diff_matches_observations_by_date_and_ignores_comments_and_format() {
    let old = dataset_file(&format!(
        "{MINIMAL}\n[[figures]]\nid = \"visitors\"\nlabel = \"Visitors\"\nunit = \"people\"\n\n\
         [[figures.observations]]\nas_of = 2020\nvalue = 12\nsource = \"atlas\"\n"
    ));
    let text = std::fs::read_to_string(old.path()).unwrap();
    let new = dataset_file(
        &(text.replacen("value = 12", "value = 15", 1)
            + "\n[[figures.observations]]\nas_of = 2021\nvalue = 20\nsource = \"atlas\"\n"),
    );
    let (old, new) = (old.path().to_str().unwrap(), new.path().to_str().unwrap());
    assert_eq!(
        differing(&["data", "diff", old, new]),
        "record\tfield\tchange\told\tnew\n\
         figure visitors\tobservations[2020].value\tchanged\t12\t15\n\
         figure visitors\tobservations[2021]\tadded\t\t{\"as_of\":\"2021\",\"value\":20,\"source\":\"atlas\"}\n"
    );
    // The same dataset as JSON, with comments in the TOML: nothing differs.
    let json = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    let exported = stdout(&["--data", old, "data", "export", "--format", "json"]);
    std::fs::write(json.path(), exported).unwrap();
    let commented = dataset_file(&format!(
        "# a comment\n{}",
        std::fs::read_to_string(old).unwrap()
    ));
    karabakh(&[
        "data",
        "diff",
        commented.path().to_str().unwrap(),
        json.path().to_str().unwrap(),
    ])
    .assert()
    .code(0)
    .stdout("record\tfield\tchange\told\tnew\n");
}

#[test]
fn data_diff_of_a_file_that_cannot_be_read_or_is_invalid_exits_2() {
    let (old, _) = changed_pair();
    let old = old.path().to_str().unwrap();
    let (code, err) = common::refused(&["data", "diff", old, "no-such-file.toml"]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("error: cannot read the dataset no-such-file.toml"),
        "{err}"
    );
    let bad = dataset_file(&MINIMAL.replacen("area_km2 = 100\n", "area_km2 = 0\n", 1));
    let (code, err) = common::refused(&["data", "diff", old, bad.path().to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("an area must be a positive number of km², not 0"),
        "{err}"
    );
}

#[test]
fn data_export_as_sql_creates_typed_tables_with_keys_and_inserts_every_row() {
    let data = dataset_file(&format!(
        "{MINIMAL}\n[[territories.alternatives]]\narea_km2 = 240\nnote = \"the atlas's \
         second edition\"\nsource = \"atlas\"\n"
    ));
    let sql = stdout(&[
        "--data",
        data.path().to_str().unwrap(),
        "data",
        "export",
        "--format",
        "sql",
    ]);
    insta::assert_snapshot!("data_export_minimal.sql", sql);
}

#[test]
#[ignore = "needs sqlite3"]
fn the_sql_export_loads_into_sqlite_with_its_foreign_keys_intact() {
    common::require("sqlite3", &["-version"]);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("karabakh.sql");
    std::fs::write(&script, stdout(&["data", "export", "--format", "sql"])).unwrap();
    let db = dir.path().join("karabakh.db");
    let sqlite3 = || std::process::Command::new("sqlite3");
    let load = common::succeeded(
        sqlite3()
            .arg(&db)
            .arg(format!(".read {}", script.display())),
        "sqlite3",
    );
    assert_eq!(String::from_utf8_lossy(&load.stderr), "");
    let query = |sql: &str| {
        let out = common::succeeded(
            sqlite3().args(["-separator", "\t"]).arg(&db).arg(sql),
            "sqlite3",
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // No reference without its row, and a sound file.
    assert_eq!(query("PRAGMA foreign_key_check;"), "");
    assert_eq!(query("PRAGMA integrity_check;"), "ok\n");
    // Areas are integers, and every value keeps its sources and its alternatives.
    assert_eq!(
        query(
            "SELECT t.name, typeof(t.area_km2), t.area_km2, a.area_km2, group_concat(c.source, ',') \
             FROM territories t JOIN area_alternatives a ON a.territory = t.id \
             JOIN citations c ON c.cited_table = 'area_alternatives' \
             AND c.cited_key = a.territory || '/' || a.n \
             WHERE t.id = 'kalbajar' GROUP BY a.n ORDER BY a.n;"
        ),
        "Kalbajar\tinteger\t3054\t1936\ttrend-2018-04-02,trend-3216948,azernews-163609\n\
         Kalbajar\tinteger\t3054\t3050\twikipedia-ru-kelbajar\n"
    );
    // As many rows as the dataset has records.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["data", "export", "--format", "json"])).unwrap();
    assert_eq!(
        query(
            "SELECT count(*) FROM territories; SELECT count(*) FROM sources; SELECT count(*) FROM events;"
        ),
        format!(
            "{}\n{}\n{}\n",
            json["territories"].as_array().unwrap().len(),
            json["sources"].as_array().unwrap().len(),
            json["events"].as_array().unwrap().len()
        )
    );
    assert_eq!(
        query("SELECT edition, licence, sha256 FROM dataset;"),
        format!("2026-12\tCC-BY-4.0\t{}\n", common::dataset_sha256())
    );
}

#[test]
#[ignore = "needs python3 with duckdb"]
fn the_sql_export_loads_into_duckdb_and_answers_a_query() {
    let sql = stdout(&["data", "export", "--format", "sql"]);
    let code = r#"
import sys, duckdb
con = duckdb.connect()
con.execute(sys.argv[1])
rows = con.execute("""
    SELECT t.name, r.stage, r.date, r.covers FROM territories t
    JOIN restorations r ON r.territory = t.id WHERE t.id = 'lachin' ORDER BY r.stage
""").fetchall()
for row in rows:
    print(*row, sep="|")
print(con.execute("SELECT sum(area_km2) FROM territories").fetchone()[0])
"#;
    assert_eq!(
        common::python("duckdb", code, &[&sql]),
        "Lachin|1|2020-12-01|None\n\
         Lachin|2|2022-08-26|the town of Lachin (Berdzor) and the villages of Zabukh and Sus\n\
         14682\n"
    );
}

#[test]
#[ignore = "needs node with npm's PGlite"]
fn the_sql_export_and_every_listing_as_sql_load_into_postgresql() {
    // PGlite is PostgreSQL itself, built to run inside node: no server to set up. It reads the
    // export, then each listing in a schema of its own, as their tables may share a name.
    let export = stdout(&["data", "export", "--format", "sql"]);
    let listings: Vec<(&str, String)> = (LISTINGS_AS_SQL.iter())
        .map(|(args, table)| (*table, listing_as(args, &["--format", "sql"])))
        .collect();
    let input = serde_json::json!({ "export": export, "listings": listings });
    let code = r#"
const { PGlite } = require("@electric-sql/pglite");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const db = new PGlite();
  const query = async (q) => (await db.query(q, [], { rowMode: "array" })).rows;
  const print = (rows) => rows.forEach((row) => console.log(row.join("|")));
  await db.exec(input.export);
  print(await query(`SELECT t.name, pg_typeof(t.area_km2), t.area_km2, r.stage, r.date
    FROM territories t JOIN restorations r ON r.territory = t.id
    WHERE t.id = 'lachin' ORDER BY r.stage`));
  print(await query(`SELECT sum(area_km2) FROM territories`));
  print(await query(`SELECT count(*) FROM information_schema.table_constraints
    WHERE constraint_type = 'FOREIGN KEY'`));
  // A reference to a territory the table does not hold is refused.
  try {
    await db.exec(`INSERT INTO aliases (territory, n, name) VALUES ('atlantis', 1, 'x')`);
    console.log("a dangling reference was accepted");
  } catch (e) {
    console.log(e.code);
  }
  for (const [i, [table, sql]] of input.listings.entries()) {
    await db.exec(`CREATE SCHEMA listing${i}; SET search_path TO listing${i}`);
    await db.exec(sql);
    print(await query(`SELECT '${table}', count(*) FROM "${table}"`));
  }
  await db.close();
})().catch((e) => { console.error(String(e)); process.exit(1); });
"#;
    let foreign_keys = export.matches("REFERENCES").count();
    assert!(foreign_keys > 10, "{foreign_keys} foreign keys");
    let mut expected = format!(
        "Lachin|bigint|1840|1|2020-12-01\n\
         Lachin|bigint|1840|2|2022-08-26\n\
         14682\n\
         {foreign_keys}\n\
         23503\n"
    );
    for (args, table) in LISTINGS_AS_SQL {
        expected += &format!("{table}|{}\n", rows_of(args));
    }
    assert_eq!(
        common::node("@electric-sql/pglite", code, &input.to_string()),
        expected
    );
}

// Every kind of listing, each with the table its SQL creates.
const LISTINGS_AS_SQL: [(&[&str], &str); 8] = [
    (&["districts"], "territories"),
    (&["totals", "--by", "year"], "totals"),
    (&["show", "lachin"], "territory"),
    (&["figures", "--history"], "figures"),
    (&["timeline"], "timeline"),
    (&["sources"], "sources"),
    (&["fields"], "fields"),
    (&["check", "Kalbajar, 3,054 km², fell in 1993."], "verdicts"),
];

// The output of the listing `args` with `options`.
fn listing_as(args: &[&str], options: &[&str]) -> String {
    stdout(&[args, options].concat())
}

// How many rows the listing `args` has.
fn rows_of(args: &[&str]) -> usize {
    listing_as(args, &["--format", "tsv", "--no-header"])
        .lines()
        .count()
}

#[test]
#[ignore = "needs sqlite3"]
fn every_listing_as_sql_loads_into_sqlite_with_a_row_for_each_record() {
    common::require("sqlite3", &["-version"]);
    for (args, table) in LISTINGS_AS_SQL {
        let sql = listing_as(args, &["--format", "sql"]);
        let mut sqlite = std::process::Command::new("sqlite3")
            .arg(":memory:")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let script = format!("{sql}\nSELECT count(*) FROM \"{table}\";\n");
        std::io::Write::write_all(&mut sqlite.stdin.take().unwrap(), script.as_bytes()).unwrap();
        let out = sqlite.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("{}\n", rows_of(args)),
            "{args:?}"
        );
    }
}

#[test]
fn data_package_writes_a_descriptor_with_the_edition_licence_sources_and_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("package");
    assert_eq!(stdout(&["data", "package", out.to_str().unwrap()]), "");
    let descriptor: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("datapackage.json")).unwrap())
            .unwrap();
    assert_eq!(descriptor["title"], "The karabakh dataset, edition 2026-12");
    assert_eq!(descriptor["version"], "2026-12");
    assert_eq!(
        descriptor["licenses"],
        serde_json::json!([{
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }])
    );
    let description = descriptor["description"].as_str().unwrap();
    assert!(
        description.contains(&common::dataset_sha256()),
        "{description}"
    );
    assert!(
        description.contains("the sources' own texts are not copied"),
        "{description}"
    );
    // Every source, named with its publisher and address.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["data", "export", "--format", "json"])).unwrap();
    let sources = descriptor["sources"].as_array().unwrap();
    assert_eq!(sources.len(), json["sources"].as_array().unwrap().len());
    assert!(sources.contains(&serde_json::json!({
        "title": "Lachin, Wikipedia",
        "path": "https://en.wikipedia.org/wiki/Lachin",
    })));
    // A resource per table, each a CSV file with the schema's fields as its header.
    let resources = descriptor["resources"].as_array().unwrap();
    let names: Vec<&str> = resources
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "dataset",
            "sources",
            "figures",
            "country",
            "territories",
            "territory_within",
            "aliases",
            "area_alternatives",
            "restorations",
            "observations",
            "observation_parts",
            "observation_alternatives",
            "events",
            "event_territories",
            "citations",
        ]
    );
    for resource in resources {
        let csv = std::fs::read_to_string(out.join(resource["path"].as_str().unwrap())).unwrap();
        let fields: Vec<&str> = (resource["schema"]["fields"].as_array().unwrap().iter())
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(csv.lines().next().unwrap(), fields.join(","), "{resource}");
    }
    let territories = &resources[4];
    assert_eq!(
        territories["schema"]["fields"][6],
        serde_json::json!({
            "name": "area_km2",
            "type": "integer",
            "description": "the area in km² as the source states it; for a territory only \
                            partly occupied, the whole district's",
            "constraints": { "required": true },
        })
    );
    assert_eq!(
        territories["schema"]["primaryKey"],
        serde_json::json!(["id"])
    );
    let kalbajar = std::fs::read_to_string(out.join("territories.csv")).unwrap();
    assert!(
        kalbajar.contains("\nkalbajar,Kalbajar,Kəlbəcər,,district,1993-04-02,3054,\n"),
        "{kalbajar}"
    );
}

#[test]
#[ignore = "needs python3 with frictionless"]
fn the_data_package_is_valid_to_frictionless() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        stdout(&["data", "package", dir.path().to_str().unwrap()]),
        ""
    );
    let code = r#"
import sys
from frictionless import validate
report = validate(sys.argv[1])
print(report.valid, report.stats["tasks"], report.stats["errors"], report.stats["warnings"])
for error in report.flatten(["type", "message"]):
    print(*error)
"#;
    let descriptor = dir.path().join("datapackage.json");
    assert_eq!(
        common::python("frictionless", code, &[descriptor.to_str().unwrap()]),
        "True 15 0 0\n"
    );
}
