//! Every command in every format, checked against committed snapshots.

use crate::common;

use common::{karabakh, snapshot_every_format, stdout};

#[test]
fn districts_render_in_every_format() {
    snapshot_every_format("districts", &["districts"]);
}

#[test]
fn districts_sorted_by_area_and_reversed_render_in_every_format() {
    snapshot_every_format(
        "districts_area_reverse",
        &["districts", "--sort", "area", "--reverse"],
    );
}

#[test]
fn totals_render_in_every_format() {
    snapshot_every_format("totals", &["totals"]);
}

#[test]
fn totals_by_year_render_in_every_format() {
    snapshot_every_format("totals_by_year", &["totals", "--by", "year"]);
}

#[test]
fn show_renders_in_every_format() {
    snapshot_every_format("show_kalbajar", &["show", "kalbajar"]);
}

#[test]
fn show_of_a_territory_within_another_renders_in_every_format() {
    snapshot_every_format("show_shusha", &["show", "shusha"]);
}

#[test]
fn figures_render_in_every_format() {
    snapshot_every_format("figures", &["figures"]);
}

#[test]
fn figures_history_renders_in_every_format() {
    snapshot_every_format("figures_history", &["figures", "--history"]);
}

#[test]
fn timeline_renders_in_every_format() {
    snapshot_every_format("timeline", &["timeline"]);
}

#[test]
fn sources_render_in_every_format() {
    snapshot_every_format("sources", &["sources"]);
}

#[test]
fn piped_output_is_tsv_with_a_header_by_default() {
    let out = stdout(&["districts"]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "id\tname\tname_az\tkind\toccupied\tarea_km2\trestored\tyears_held\tsource\trestored_scope\trestored_source"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "nagorno-karabakh\tNagorno-Karabakh\tDağlıq Qarabağ\tregion\t1988/1992\t4400\t2023-09-20\t30.7–35.7\toccupation-in-figures\twhole\twion-2023-09-20; reuters-straits-times; armenian-public-radio-2023-09-28"
        )
    );
    assert_eq!(out.lines().count(), 10);
}

#[test]
fn no_header_drops_the_header_line_of_tsv_and_csv() {
    let tsv = stdout(&["districts", "--no-header", "--sort", "area"]);
    assert_eq!(tsv.lines().next().unwrap().split('\t').nth(5), Some("289"));
    let csv = stdout(&[
        "districts",
        "--no-header",
        "--format",
        "csv",
        "--sort",
        "area",
    ]);
    assert!(
        csv.starts_with("shusha,Shusha,Şuşa,district,1992-05-08,289,2020-11-08,28.5,"),
        "{csv}"
    );
}

#[test]
fn csv_lines_end_with_crlf_as_rfc_4180_says() {
    let csv = stdout(&["totals", "--format", "csv"]);
    assert_eq!(
        csv,
        "territories,area_km2_listed,area_km2,country_area_km2,country_area_source,share_percent,\
         share_percent_listed,stated_share_percent,stated_share_source\r\n\
         9,14682,14393,86600,cia-factbook-azerbaijan,16.62,16.95,20,occupation-in-figures\r\n"
    );
}

#[test]
fn totals_json_is_one_object_with_the_documented_keys() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["totals", "--format", "json"])).unwrap();
    assert_eq!(json["territories"], 9);
    assert_eq!(json["area_km2_listed"], 14682);
    assert_eq!(json["area_km2"], 14393);
    assert_eq!(json["country_area_km2"], 86600);
    assert_eq!(json["share_percent"], 16.62);
    assert_eq!(json["stated_share_percent"], 20);
}

#[test]
fn districts_json_has_one_object_per_territory_with_plain_values() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["districts", "--format", "json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[0]["occupied"], "1988/1992");
    // A period of occupation leaves a range of years held, as an object.
    assert_eq!(
        rows[0]["years_held"],
        serde_json::json!({ "at_least": 30.7, "at_most": 35.7 })
    );
    assert_eq!(rows[3]["id"], "kalbajar");
    assert_eq!(rows[3]["area_km2"], 3054);
    assert_eq!(rows[3]["years_held"], 27.7);
}

#[test]
fn filters_keep_only_matching_territories() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["districts", "--no-header"];
        full.extend_from_slice(args);
        stdout(&full)
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(&["--year", "1992"]),
        ["nagorno-karabakh", "shusha", "lachin"]
    );
    assert_eq!(ids(&["--year", "1990"]), ["nagorno-karabakh"]);
    assert_eq!(ids(&["--kind", "region"]), ["nagorno-karabakh"]);
    assert_eq!(
        ids(&["--since", "1993-08", "--until", "1993-08-31"]),
        ["fizuli", "jabrayil", "gubadli"]
    );
    assert_eq!(
        ids(&["--min-area", "1390", "--max-area", "3054", "--sort", "area"]),
        ["fizuli", "lachin", "kalbajar"]
    );
    assert_eq!(
        ids(&["--sort", "name"])[..3],
        ["aghdam", "fizuli", "gubadli"]
    );
    assert_eq!(ids(&["--sort", "held"])[..2], ["zangilan", "jabrayil"]);
    assert_eq!(ids(&["--sort", "held"]).last().unwrap(), "nagorno-karabakh");
    assert!(ids(&["--year", "2000"]).is_empty());
}

#[test]
fn totals_follow_the_filters() {
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "totals", "--kind", "district", "--format", "json",
    ]))
    .unwrap();
    assert_eq!(json["territories"], 8);
    assert_eq!(json["area_km2_listed"], 10282);
    // Without Nagorno-Karabakh in the selection, Shusha's area counts.
    assert_eq!(json["area_km2"], 10282);
}

#[test]
fn timeline_limits_to_the_dates_asked_for() {
    let out = stdout(&["timeline", "--since", "2023", "--no-header"]);
    let dates: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(
        dates,
        [
            "2023-09-19",
            "2023-09-20",
            "2023-09-28",
            "2025-09-01",
            "2025-11-30"
        ]
    );
}

#[test]
fn show_finds_a_territory_by_any_spelling() {
    for name in [
        "kelbajar",
        "Kəlbəcər",
        "KALBAJAR",
        "karvachar",
        "füzuli",
        "fuzuli",
        "ŞUŞA",
        "shushi",
    ] {
        let out = stdout(&["show", name, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let expected = match name {
            "füzuli" | "fuzuli" => "fizuli",
            "ŞUŞA" | "shushi" => "shusha",
            _ => "kalbajar",
        };
        assert_eq!(json[0]["field"], "id", "{name}");
        assert_eq!(json[0]["value"], expected, "{name}");
    }
}

#[test]
fn colour_appears_in_tables_only_when_asked_for_off_a_terminal() {
    let plain = stdout(&["totals", "--format", "table"]);
    assert!(!plain.contains('\x1b'), "{plain}");
    let coloured = stdout(&["totals", "--format", "table", "--color", "always"]);
    assert!(coloured.contains("\x1b[1m territories"), "{coloured}");
    // Colour is for tables: machine formats never carry escape codes.
    assert!(!stdout(&["totals", "--format", "tsv", "--color", "always"]).contains('\x1b'));
}

#[test]
fn figures_id_shows_one_figure_and_with_history_its_series() {
    snapshot_every_format("figures_one", &["figures", "missing-persons", "--history"]);
    let latest = stdout(&[
        "figures",
        "missing-persons",
        "--format",
        "tsv",
        "--no-header",
        "--fields",
        "value,as_of",
    ]);
    assert_eq!(latest, "3983\t2025-03-10\n");
    let out = karabakh(&["figures", "missing"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: no figure has the id \"missing\"\n\ndid you mean: missing-persons?\n\n\
         `karabakh figures` lists them all\n"
    );
}

#[test]
fn sources_id_shows_one_source_and_everything_that_cites_it() {
    snapshot_every_format("sources_one", &["sources", "unsc-822"]);
    let out = karabakh(&["sources", "un-822"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean: unsc-822?"));
}

#[test]
fn the_timeline_filters_by_year_territory_and_kind() {
    let dates = |args: &[&str]| {
        let mut full = vec!["timeline", "--no-header", "--fields", "date,type"];
        full.extend(args);
        stdout(&full)
    };
    assert_eq!(
        dates(&["--territory", "shushi"]),
        "1992-05-08\toccupied\n2020-11-08\trestored\n"
    );
    assert_eq!(
        dates(&["--year", "2023", "--kind", "restoration"]),
        "2023-09-20\trestored\n"
    );
    // Several kinds, by name or as the type column writes them.
    assert_eq!(
        dates(&["--territory", "Şuşa", "--kind", "occupied,event"]),
        "1992-05-08\toccupied\n"
    );
    let out = karabakh(&["timeline", "--territory", "atlantis"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_lines_write_one_object_a_line() {
    let lines = stdout(&["districts", "--format", "jsonl"]);
    assert_eq!(lines.lines().count(), 9);
    for line in lines.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(record["area_km2"].is_u64(), "{line}");
    }
    let array: serde_json::Value =
        serde_json::from_str(&stdout(&["districts", "--format", "json"])).unwrap();
    let from_lines: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(array, serde_json::Value::Array(from_lines));
}

#[test]
fn the_state_on_a_day_lists_and_sums_the_territories_held_that_day() {
    snapshot_every_format("totals_on", &["totals", "--on", "1993-06-01"]);
    snapshot_every_format("totals_series", &["totals", "--series"]);
    let held = |day: &str| {
        stdout(&[
            "districts",
            "--on",
            day,
            "--no-header",
            "--fields",
            "id,held_on",
        ])
    };
    assert_eq!(
        held("1993-06-01"),
        "nagorno-karabakh\theld\nshusha\theld\nlachin\theld\nkalbajar\theld\n"
    );
    // Inside the period 1988–1992 the state is not known to the day, and said so.
    assert_eq!(
        held("1990-06-01"),
        "nagorno-karabakh\tnot known to the day\n"
    );
    assert_eq!(held("2024-01-01"), "");
    let area = |day: &str| {
        stdout(&[
            "totals",
            "--on",
            day,
            "--format",
            "tsv",
            "--no-header",
            "--fields",
            "area_km2_at_least,area_km2_at_most",
        ])
    };
    assert_eq!(area("1993-06-01"), "9294\t9294\n");
    // Within 1988–1992 Nagorno-Karabakh's state is not known; Shusha, inside it, was not held.
    assert_eq!(area("1990-06-01"), "0\t4111\n");
    // After Shusha's restoration Nagorno-Karabakh counts its area less Shusha's.
    assert_eq!(area("2020-12-05"), "4111\t4111\n");
    assert_eq!(area("2024-01-01"), "0\t0\n");
    // A town restored: left out, and said so.
    let notes = stdout(&["totals", "--on", "2020-10-18", "--format", "table"]);
    assert!(
        notes.contains("left out as restored by 2020-10-18, though the sources give the date of the town only, not of the whole district: fizuli, jabrayil"),
        "{notes}"
    );
    let show = stdout(&[
        "show",
        "jabrayil",
        "--on",
        "2020-10-03",
        "--fields",
        "held_on",
        "--no-header",
    ]);
    assert!(show.starts_with("held_on\theld\t"), "{show}");
    let out = karabakh(&["districts", "--on", "1993"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--on takes a day, such as 2020-10-10"));
}

#[test]
fn the_series_starts_at_the_first_occupation_and_ends_at_the_last_restoration() {
    let series = stdout(&[
        "totals",
        "--series",
        "--no-header",
        "--fields",
        "date,area_km2_at_least,area_km2_at_most",
    ]);
    let lines: Vec<&str> = series.lines().collect();
    // 1988–1992 is a period: from its first day Nagorno-Karabakh's state is not known, and
    // Shusha, within it, was not yet held.
    assert_eq!(lines.first(), Some(&"1988-01-01\t0\t4111"));
    assert!(lines.contains(&"1992-05-18\t2129\t6240"), "{series}");
    assert!(lines.contains(&"1992-12-31\t6240\t6240"), "{series}");
    assert!(lines.contains(&"1993-10-29\t14393\t14393"), "{series}");
    assert!(lines.contains(&"2020-12-01\t4111\t4111"), "{series}");
    assert_eq!(lines.last(), Some(&"2023-09-20\t0\t0"));
}

#[test]
fn fields_lists_every_field_with_its_unit_origin_and_meaning() {
    snapshot_every_format("fields_districts", &["fields", "districts"]);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["fields", "--units", "mi2", "--format", "json"])).unwrap();
    let rows = json.as_array().unwrap();
    let find = |command: &str, field: &str| {
        rows.iter()
            .find(|r| r["command"] == command && r["field"] == field)
            .unwrap_or_else(|| panic!("{command} {field}"))
    };
    assert_eq!(find("totals", "area_mi2")["origin"], "computed");
    assert_eq!(find("totals", "area_mi2")["unit"], "mi²");
    assert_eq!(find("districts", "area_mi2")["origin"], "sourced");
    assert_eq!(
        find("totals --series", "share_percent_at_most")["unit"],
        "%"
    );
    // Every column of districts is listed, in its order.
    let header = stdout(&["districts", "--units", "mi2"]);
    let header: Vec<&str> = header.lines().next().unwrap().split('\t').collect();
    let listed: Vec<&str> = rows
        .iter()
        .filter(|r| r["command"] == "districts")
        .map(|r| r["field"].as_str().unwrap())
        .collect();
    assert_eq!(listed, header);
}

#[test]
fn fields_lists_the_fields_of_data_diff_and_of_itself_as_their_headers_are() {
    let file = common::dataset_file(common::MINIMAL);
    let data = file.path().to_str().unwrap();
    for (command, args) in [
        ("data diff", &["data", "diff", data, data][..]),
        ("fields", &["fields"][..]),
    ] {
        let listed = stdout(&["fields", command, "--fields", "field"]);
        let listed: Vec<&str> = listed.lines().skip(1).collect();
        let out = stdout(args);
        let header: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
        assert_eq!(listed, header, "{command}");
    }
    assert_eq!(
        stdout(&["fields", "data diff", "--fields", "field,origin"]),
        "field\torigin\nrecord\tcomputed\nfield\tcomputed\nchange\tcomputed\n\
         old\tsourced\nnew\tsourced\n"
    );
}

#[test]
fn notes_go_to_standard_error_on_request_in_machine_formats() {
    let out = karabakh(&["totals", "--format", "json", "--notes"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.lines().all(|l| l.starts_with("note: ")), "{stderr}");
    assert!(
        stderr.contains("note: area as listed is the plain sum"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["area_km2"], 14393);
    // Without --notes, standard error stays empty.
    assert!(
        karabakh(&["totals", "--format", "json"])
            .output()
            .unwrap()
            .stderr
            .is_empty()
    );
}

#[test]
fn a_restoration_in_two_stages_is_told_in_both_and_counted_from_the_first() {
    let timeline = stdout(&[
        "timeline",
        "--territory",
        "lachin",
        "--kind",
        "restoration",
        "--no-header",
    ]);
    assert_eq!(
        timeline,
        "2020-12-01\trestored\tLachin: control restored to Azerbaijan, except for the town of \
         Lachin (Berdzor) and the villages of Zabukh and Sus, which followed on 2022-08-26\t\
         lachin\tjam-news\texcept the Lachin corridor\n\
         2022-08-26\trestored\tLachin: control of the town of Lachin (Berdzor) and the villages \
         of Zabukh and Sus restored to Azerbaijan, the last stage\tlachin\tazernews-198529; \
         daily-sabah-2022-08-26\ton the Lachin corridor; held by the Russian peacekeeping \
         contingent until the Azerbaijani army took control of them, after an alternative road \
         was opened; no source read gives their area\n"
    );
    let show = stdout(&[
        "show",
        "lachin",
        "--on",
        "2021-06-01",
        "--fields",
        "restored,restored_later,held_on",
        "--no-header",
    ]);
    assert_eq!(
        show,
        "restored\t2020-12-01\tjam-news\texcept the Lachin corridor\n\
         restored_later\t2022-08-26\tazernews-198529; daily-sabah-2022-08-26\tthe town of \
         Lachin (Berdzor) and the villages of Zabukh and Sus\n\
         held_on\tnot held\t\tcomputed from the dates above: held on 2021-06-01 if occupied on \
         or before it and not yet restored; not known to the day where a date is a year, a month \
         or a period containing it; counted as restored from the first stage, though the town of \
         Lachin (Berdzor) and the villages of Zabukh and Sus followed only on 2022-08-26\n"
    );
    // A day between the stages: the area counts Lachin as restored, and the note says what
    // followed; after the last stage, nothing is pending.
    let notes = |day: &str| stdout(&["totals", "--on", day, "--format", "markdown"]);
    let pending = "- restored in stages and counted as restored from the first, since no source \
                   gives the area of the later ones: lachin from 2020-12-01, though the town of \
                   Lachin (Berdzor) and the villages of Zabukh and Sus followed on 2022-08-26\n";
    assert!(
        notes("2021-06-01").contains(pending),
        "{}",
        notes("2021-06-01")
    );
    assert!(!notes("2022-08-26").contains("restored in stages"));
    assert!(!notes("2020-11-30").contains("restored in stages"));
}

#[test]
fn sources_name_every_record_that_cites_them_the_azerbaijani_names_too() {
    let cited_by = stdout(&["sources", "wikipedia-districts", "--no-header"]);
    assert!(
        cited_by.contains("cited_by\tterritories.lachin.name_az\n"),
        "{cited_by}"
    );
    let publisher = stdout(&["sources", "virtualkarabakh-centre", "--no-header"]);
    assert!(
        publisher.contains("cited_by\tsources.occupation-in-figures.publisher\n"),
        "{publisher}"
    );
}

#[test]
fn the_displacement_figures_of_each_period_carry_their_dates_sources_and_approximate_marks() {
    let fields = ["--fields", "id,as_of,value,approximate,source,period"];
    let history = |format: &str| {
        let out = stdout(&[&["figures", "--history", "--format", format][..], &fields].concat());
        out.lines()
            .filter(|l| {
                ["idps", "displaced", "refugees"]
                    .iter()
                    .any(|w| l.contains(w))
            })
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        history("tsv"),
        [
            "idps-azerbaijan\t2006\t528000\tabout\tcia-factbook-2006\t1988–1994",
            "displaced-2020\t2021\t90000\tabout\tunhcr-armenia-2021\t2020",
            "refugees-2023\t2023-09-30\t100417\t\tdw-2023-09-30\t2023",
            "refugees-2023\t2024-02-01\t115183\t\tunhcr-2024-02-01\t2023",
        ]
    );
    // (`lines()` leaves CSV's CR of each CRLF.)
    assert_eq!(
        history("csv"),
        [
            "idps-azerbaijan,2006,528000,about,cia-factbook-2006,1988–1994",
            "displaced-2020,2021,90000,about,unhcr-armenia-2021,2020",
            "refugees-2023,2023-09-30,100417,,dw-2023-09-30,2023",
            "refugees-2023,2024-02-01,115183,,unhcr-2024-02-01,2023",
        ]
    );
    assert_eq!(
        history("markdown"),
        [
            "| idps-azerbaijan | 2006 | 528,000 | about | cia-factbook-2006 | 1988–1994 |",
            "| displaced-2020 | 2021 | 90,000 | about | unhcr-armenia-2021 | 2020 |",
            "| refugees-2023 | 2023-09-30 | 100,417 | — | dw-2023-09-30 | 2023 |",
            "| refugees-2023 | 2024-02-01 | 115,183 | — | unhcr-2024-02-01 | 2023 |",
        ]
    );
    // In JSON the mark is a boolean beside the number, which stays a number.
    let json: serde_json::Value = serde_json::from_str(&stdout(
        &[
            &["figures", "displaced-2020", "--format", "json"][..],
            &fields,
        ]
        .concat(),
    ))
    .unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "id": "displaced-2020", "as_of": "2021", "value": 90000, "approximate": true,
            "source": ["unhcr-armenia-2021"], "period": "2020",
        }])
    );
    // Whose count each is, in its note; the remaining refugees of 2021 as a part.
    let notes = stdout(&["figures", "--history", "--fields", "id,note,parts"]);
    for expected in [
        "refugees-2023\tthe Armenian government's count, as DW reports it, citing the government \
         and UNHCR; DW gives the region's estimated population as 120,000\t",
        "displaced-2020\tUNHCR gives \"some 90,000\" in its operational update for \
         October–December 2021\tremaining: 36989",
    ] {
        assert!(notes.contains(expected), "{expected} is not in\n{notes}");
    }
    // A citation says "about", and the note qualifies it.
    assert!(stdout(&["cite", "displaced-2020"]).starts_with(
        "People displaced by the 2020 war who fled to Armenia, as UNHCR counts them: about \
             90,000 people, as of 2021 (as stated by the source; UNHCR gives \"some 90,000\" in \
             its operational update for October–December 2021).\n"
    ));
    // In SQL, a boolean column.
    assert!(
        stdout(&["data", "export", "--format", "sql"])
            .contains("  ('displaced-2020', 1, '2021', 90000, TRUE, 'UNHCR gives \"some 90,000\"")
    );
}

#[test]
fn an_approximate_value_is_checked_at_the_precision_of_its_round_number() {
    let verdict = |text: &str| {
        let out = karabakh(&["check", text, "--format", "tsv", "--fields", "text,verdict"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // Some 528,000 is anything that rounds to it at the thousand.
    assert_eq!(
        verdict("Azerbaijan must support 528,400 internally displaced persons."),
        "text\tverdict\n528,400\tmatches\n"
    );
    assert_eq!(
        verdict("Azerbaijan must support 530,000 internally displaced persons."),
        "text\tverdict\n530,000\tdiffers\n"
    );
    // A count in a sentence that names a territory is compared with the figures it names.
    assert_eq!(
        verdict("Some 100,000 refugees arrived in Armenia from Nagorno-Karabakh."),
        "text\tverdict\nSome 100,000\tmatches\n"
    );
}

#[test]
fn the_page_groups_the_figures_by_the_period_they_belong_to() {
    let html = stdout(&["report"]);
    let headings: Vec<&str> = (html.split("<h2>").skip(1))
        .map(|h| h.split('<').next().unwrap())
        .filter(|h| h.contains("igures"))
        .collect();
    assert_eq!(
        headings,
        [
            "Figures of 1988–1994",
            "Figures of 2020",
            "Figures of 2023",
            "Other figures",
        ]
    );
    let section = html.split("id=\"figures-2020\"").nth(1).unwrap();
    let section = section.split("</section>").next().unwrap();
    assert!(
        section.contains("90,000") && section.contains("about"),
        "{section}"
    );
    assert!(!section.contains("528,000"), "{section}");
}
