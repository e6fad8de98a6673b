//! What users hand on: SVG charts, citations, workbooks, CSV for spreadsheets and the HTML page,
//! each checked by the program that reads it (librsvg, Chromium, openpyxl, bibtexparser).

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{
    chromium, dataset_file, dataset_sha256, file_url, inked_share, karabakh, pixels, python,
    refused, require, stdout, stdout_bytes, succeeded,
};

#[test]
fn an_svg_chart_has_a_title_a_description_axes_values_and_its_sources() {
    let svg = stdout(&["chart", "--format", "svg"]);
    assert!(svg.starts_with("<svg "), "{svg}");
    assert!(svg.contains(r#"width="800""#), "{svg}");
    assert!(
        svg.contains("<title>Area of each territory, km²</title>"),
        "{svg}"
    );
    let desc = svg
        .split("<desc>")
        .nth(1)
        .unwrap()
        .split("</desc>")
        .next()
        .unwrap();
    for expected in [
        "Kalbajar: 3,054",
        "Shusha: 289",
        "The Occupation in Figures",
    ] {
        assert!(desc.contains(expected), "{expected} is not in {desc}");
    }
    // The svg crate writes each text on a line of its own.
    for expected in ["area, km²", "3,054", "district", "Kalbajar"] {
        assert!(
            svg.lines().any(|l| l == expected),
            "{expected} is not in the picture"
        );
    }
    // A credit line, not a list of sources; no ids, no command line. The full list on request.
    assert!(
        svg.lines()
            .any(|l| l.starts_with("Source: The Occupation in Figures (“Virtual Karabakh”")),
        "{svg}"
    );
    assert!(!svg.lines().any(|l| l == "Sources:"), "{svg}");
    for absent in ["karabakh show", "occupation-in-figures", "nagorno-karabakh"] {
        assert!(!svg.contains(absent), "{absent} is in the picture");
    }
    let full = stdout(&["chart", "--format", "svg", "--sources", "full"]);
    assert!(full.lines().any(|l| l == "Sources:"), "{full}");
    assert!(!full.contains("[occupation-in-figures]"), "{full}");
    let narrow = stdout(&[
        "chart",
        "--over-time",
        "--format",
        "svg",
        "--width",
        "400",
        "--height",
        "2200",
    ]);
    assert!(
        narrow.contains(r#"height="2200" role="img" viewBox="0 0 400 2200" width="400""#),
        "{narrow}"
    );
}

#[test]
fn an_svg_chart_of_a_given_height_draws_everything_inside_it() {
    for (args, height) in [
        (&["chart", "--format", "svg", "--height", "600"][..], 600.0),
        (
            &[
                "chart",
                "--format",
                "svg",
                "--over-time",
                "--width",
                "400",
                "--height",
                "2200",
            ],
            2200.0,
        ),
        (
            &[
                "chart",
                "--format",
                "svg",
                "--cumulative",
                "--height",
                "320",
            ],
            320.0,
        ),
    ] {
        let svg = stdout(args);
        let lowest = (svg.split(" y=\"").skip(1))
            .map(|rest| rest.split('"').next().unwrap().parse::<f64>().unwrap())
            .fold(0.0, f64::max);
        assert!(
            lowest <= height,
            "{args:?}: a text at {lowest}, below {height}"
        );
        assert!(
            lowest > height * 0.6,
            "{args:?}: nothing below {lowest} of {height}"
        );
    }
}

/// Each text of `svg` as its opening tag and its content, which the SVG writer puts on the
/// line after the tag.
fn svg_texts(svg: &str) -> Vec<(&str, &str)> {
    let lines: Vec<&str> = svg.lines().collect();
    (lines.windows(2))
        .filter(|pair| pair[0].starts_with("<text "))
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

/// The value of attribute `name` in the tag `tag`.
fn attr(tag: &str, name: &str) -> String {
    let rest = tag.split(&format!(" {name}=\"")).nth(1).unwrap();
    rest.split('"').next().unwrap().to_owned()
}

/// The numbers written under a horizontal axis of `svg`: (x of their middle, text), left to right.
fn tick_labels(svg: &str) -> Vec<(f64, String)> {
    let mut by_row: Vec<(String, Vec<(f64, String)>)> = Vec::new();
    for (tag, content) in svg_texts(svg) {
        if !tag.starts_with("<text text-anchor=\"middle\"")
            || content.is_empty()
            || !content.chars().all(|c| c.is_ascii_digit() || c == ',')
        {
            continue;
        }
        let (x, y) = (attr(tag, "x").parse::<f64>().unwrap(), attr(tag, "y"));
        match by_row.iter_mut().find(|(row, _)| *row == y) {
            Some((_, labels)) => labels.push((x, content.to_string())),
            None => by_row.push((y, vec![(x, content.to_string())])),
        }
    }
    // The axis is the row with the most numbers on it.
    let mut labels = by_row
        .into_iter()
        .max_by_key(|(_, labels)| labels.len())
        .map(|(_, labels)| labels)
        .unwrap_or_default();
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    labels
}

#[test]
fn the_numbers_under_an_svg_axis_never_touch_at_any_width() {
    for width in (300..=800).step_by(50) {
        for chart in [&[][..], &["--over-time"][..]] {
            let width_arg = width.to_string();
            let mut args = vec!["chart", "--format", "svg", "--width", &width_arg];
            args.extend_from_slice(chart);
            let labels = tick_labels(&stdout(&args));
            assert!(labels.len() >= 2, "{args:?}: {labels:?}");
            for pair in labels.windows(2) {
                let ((x1, a), (x2, b)) = (&pair[0], &pair[1]);
                // Digits and commas of DejaVu Sans at 13 px are at most 8.3 px wide.
                let needed = (a.len() + b.len()) as f64 / 2.0 * 8.3 + 4.0;
                assert!(
                    x2 - x1 >= needed,
                    "{args:?}: {a} at {x1} and {b} at {x2} are closer than {needed} px"
                );
            }
        }
    }
}

#[test]
fn the_chart_over_time_marks_the_events_with_labels_that_never_touch() {
    for width in (300..=800).step_by(100) {
        let width_arg = width.to_string();
        let svg = stdout(&[
            "chart",
            "--over-time",
            "--format",
            "svg",
            "--width",
            &width_arg,
        ]);
        // A mark's label is a text of its own size, placed to one side of its line.
        let mut labels: Vec<(String, f64, f64, String)> = (svg_texts(&svg).into_iter())
            .filter(|(tag, _)| tag.contains(r#"font-size="11.5" text-anchor=""#))
            .map(|(tag, content)| {
                // As the layout measures text: 0.6 of the size a character.
                let length = content.chars().count() as f64 * 11.5 * 0.6;
                let x: f64 = attr(tag, "x").parse().unwrap();
                let (from, to) = match attr(tag, "text-anchor").as_str() {
                    "end" => (x - length, x),
                    _ => (x, x + length),
                };
                (attr(tag, "y"), from, to, content.to_owned())
            })
            .collect();
        labels.sort_by(|a, b| a.3.cmp(&b.3));
        let names: Vec<&str> = labels.iter().map(|l| l.3.as_str()).collect();
        assert_eq!(
            names,
            [
                "1994 ceasefire",
                "2020 war",
                "2023 offensive",
                "ceasefire, handovers agreed"
            ],
            "at {width}"
        );
        for (i, a) in labels.iter().enumerate() {
            assert!(
                a.1 >= 0.0 && a.2 <= f64::from(width),
                "at {width}: {a:?} is cut"
            );
            for b in &labels[i + 1..] {
                let apart = a.0 != b.0 || a.2 <= b.1 || b.2 <= a.1;
                assert!(apart, "at {width}: {a:?} touches {b:?}");
            }
        }
        assert!(svg.contains(
            "; events marked: 1994 ceasefire (1994-05-12); 2020 war (2020-09-27); ceasefire, \
             handovers agreed (2020-11-10); 2023 offensive (2023-09-19). "
        ));
    }
}

#[test]
fn an_svg_chart_too_small_to_draw_is_refused_with_the_size_it_needs() {
    assert_eq!(
        refused(&["chart", "--format", "svg", "--width", "150"]),
        (
            Some(2),
            "error: an SVG chart 150 pixels wide is too narrow; --width needs at least 200 pixels\n"
                .to_owned()
        )
    );
    let (code, stderr) = refused(&["chart", "--format", "svg", "--height", "200"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("too low for 9 bars; give --height"),
        "{stderr}"
    );
}

// Every SVG chart, written with --output into `dir`: its name and its file.
fn svg_charts(dir: &Path) -> Vec<(&'static str, std::path::PathBuf)> {
    let charts = [
        ("bars", vec![]),
        ("cumulative", vec!["--cumulative"]),
        ("over-time", vec!["--over-time"]),
    ];
    (charts.into_iter())
        .map(|(name, extra)| {
            let svg = dir.join(format!("{name}.svg"));
            let mut args = vec![
                "chart",
                "--format",
                "svg",
                "--output",
                svg.to_str().unwrap(),
            ];
            args.extend(extra);
            assert_eq!(stdout(&args), "");
            (name, svg)
        })
        .collect()
}

#[test]
#[ignore = "needs rsvg-convert"]
fn every_svg_chart_renders_with_librsvg_to_a_picture_with_ink() {
    require("rsvg-convert", &["--version"]);
    let dir = tempfile::tempdir().unwrap();
    for (name, svg) in svg_charts(dir.path()) {
        let png = dir.path().join(format!("{name}.png"));
        let out = Command::new("rsvg-convert")
            .arg(&svg)
            .arg("-o")
            .arg(&png)
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "rsvg-convert: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let share = inked_share(&png);
        assert!(
            share > 0.03 && share < 0.6,
            "{name}: {share} of the picture is inked"
        );
    }
}

#[test]
#[ignore = "needs chromium"]
fn every_svg_chart_renders_in_chromium_to_a_picture_with_ink() {
    let dir = tempfile::tempdir().unwrap();
    for (name, svg) in svg_charts(dir.path()) {
        let shot = dir.path().join(format!("{name}-chromium.png"));
        chromium(
            &[
                &format!("--screenshot={}", shot.display()),
                "--window-size=800,900",
            ],
            &file_url(&svg),
        );
        let share = inked_share(&shot);
        assert!(
            share > 0.03,
            "{name} in Chromium: {share} of the picture is inked"
        );
    }
}

/// A dataset whose names, titles and addresses are markup and script.
const HOSTILE: &str = r#"schema = 1
[country]
name = "Testland"
area_km2 = 1000
source = "atlas"
[[sources]]
id = "atlas"
title = "An atlas </text><script>alert(1)</script><img src=x onerror=alert(1)>"
url = "https://example.org/\" onclick=\"alert(3)"
[[territories]]
id = "t1"
name = "<script>alert(1)</script> & \" onload=\"alert(2)"
name_az = "\" onload=\"alert(2)"
kind = "district"
occupied = 1993-01-01
area_km2 = 100
source = "atlas"
"#;

#[test]
fn a_hostile_name_is_text_in_a_picture_and_never_markup() {
    let data = dataset_file(HOSTILE);
    let svg = stdout(&[
        "--data",
        data.path().to_str().unwrap(),
        "chart",
        "--format",
        "svg",
    ]);
    assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \" onload=\"alert(2)"),
        "{svg}"
    );
}

#[test]
fn cite_gives_a_sourced_value_with_its_reference() {
    assert_eq!(
        stdout(&["cite", "kalbajar", "area"]),
        format!(
            "Kalbajar, area: 3,054 km² (as stated by the source).\n  [occupation-in-figures] The \
             Occupation in Figures, “Virtual Karabakh” Information-Communication Technology \
             Centre (virtualkarabakh.az), set up under Azerbaijan's State Programme “Azerbaijan \
             Youth 2011–2015”, http://www.virtualkarabakh.az/menu.php?lang=2&id=54\n  \
             [karabakh-dataset-2026-12] The karabakh dataset, edition 2026-12, The karabakh \
             project, 2026-12-03, SHA-256 {}, CC BY 4.0\n",
            dataset_sha256()
        )
    );
    // An area in another unit is the source's, converted.
    assert!(
        stdout(&["cite", "kalbajar", "area", "--units", "mi2"]).starts_with(
            "Kalbajar, area: 1,179.16 mi² (as stated by the source; converted by karabakh \
             from the km² the source states).\n"
        )
    );
    // A share is a percentage in any unit of area ("share" holds "ha", which is no unit), and
    // the stated share is never said to be converted.
    for unit in ["km2", "mi2", "ha"] {
        let share = stdout(&["cite", "totals", "share_percent", "--units", unit]);
        assert!(
            share.starts_with("Totals of every territory, share of the country: 16.62% (computed"),
            "{share}"
        );
        let stated = stdout(&["cite", "totals", "stated_share_percent", "--units", unit]);
        assert!(
            stated.starts_with(
                "Totals of every territory, share stated by the source: 20% (as stated by the \
                 source).\n"
            ),
            "{stated}"
        );
    }
    assert!(
        stdout(&["cite", "totals", "area", "--units", "ha"])
            .starts_with("Totals of every territory, area counted once: 1,439,300 ha (computed")
    );
    // Every spelling `show` accepts.
    assert_eq!(
        stdout(&["cite", "Kəlbəcər", "area_km2"]),
        stdout(&["cite", "kelbajar", "area"])
    );
    let hash = dataset_sha256();
    assert_eq!(
        stdout(&["cite", "kalbajar", "area", "--format", "markdown"]),
        format!(
            "Kalbajar, area: 3,054 km² (as stated by the source).[^occupation-in-figures]\
             [^karabakh-dataset-2026-12]\n\n\
             [^occupation-in-figures]: *The Occupation in Figures*, “Virtual Karabakh” \
             Information-Communication Technology Centre (virtualkarabakh.az), set up under \
             Azerbaijan's State Programme “Azerbaijan Youth 2011–2015”, <http://www.virtualkarabakh.az/menu.php?lang=2&id=54>.\n\
             [^karabakh-dataset-2026-12]: *The karabakh dataset, edition 2026-12*, The karabakh \
             project, 2026-12-03, SHA-256 `{hash}`, licensed \
             [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).\n"
        )
    );
    assert_eq!(
        stdout(&["cite", "kalbajar", "area", "--format", "ris"]),
        format!(
            "TY  - ELEC\nID  - occupation-in-figures\nTI  - The Occupation in Figures\n\
             PB  - “Virtual Karabakh” Information-Communication Technology Centre \
             (virtualkarabakh.az), set up under Azerbaijan's State Programme “Azerbaijan Youth \
             2011–2015”\nUR  - http://www.virtualkarabakh.az/menu.php?lang=2&id=54\nER  - \n\
             {}",
            dataset_ris(&hash)
        )
    );
}

// The RIS record of the built-in dataset, whose hash is `hash`.
fn dataset_ris(hash: &str) -> String {
    format!(
        "TY  - DATA\nID  - karabakh-dataset-2026-12\nTI  - The karabakh dataset, edition 2026-12\n\
         AU  - The karabakh project\nET  - 2026-12\nPY  - 2026\nDA  - 2026/12/03\n\
         N1  - SHA-256 {hash}; licensed CC BY 4.0\nER  - \n"
    )
}

#[test]
fn cite_dataset_cites_the_edition_alone_in_every_format() {
    let hash = dataset_sha256();
    assert_eq!(
        stdout(&["cite", "--dataset"]),
        format!(
            "The karabakh dataset, edition 2026-12, The karabakh project, 2026-12-03, SHA-256 \
             {hash}, CC BY 4.0.\n  Licence: Creative Commons Attribution 4.0 International \
             <https://creativecommons.org/licenses/by/4.0/>\n"
        )
    );
    assert_eq!(
        stdout(&["cite", "--dataset", "--format", "markdown"]),
        format!(
            "*The karabakh dataset, edition 2026-12*, The karabakh project, 2026-12-03, SHA-256 \
             `{hash}`, licensed [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).\n"
        )
    );
    assert_eq!(
        stdout(&["cite", "--dataset", "--format", "bibtex"]),
        format!(
            "@dataset{{karabakh-dataset-2026-12,\n  title = {{The karabakh dataset, edition \
             2026-12}},\n  author = {{{{The karabakh project}}}},\n  version = {{2026-12}},\n  \
             year = {{2026}},\n  date = {{2026-12-03}},\n  note = {{SHA-256 {hash}; licensed CC \
             BY 4.0}}\n}}\n"
        )
    );
    let csl: serde_json::Value =
        serde_json::from_str(&stdout(&["cite", "--dataset", "--format", "csl-json"])).unwrap();
    assert_eq!(
        csl,
        serde_json::json!([{
            "id": "karabakh-dataset-2026-12",
            "type": "dataset",
            "title": "The karabakh dataset, edition 2026-12",
            "author": [{ "literal": "The karabakh project" }],
            "version": "2026-12",
            "issued": { "date-parts": [[2026, 12, 3]] },
            "license": "CC BY 4.0",
            "note": format!("SHA-256 {hash}"),
        }])
    );
    assert_eq!(
        stdout(&["cite", "--dataset", "--format", "ris"]),
        dataset_ris(&hash)
    );
    // A value and --dataset are two different requests.
    let (code, err) = refused(&["cite", "--dataset", "kalbajar"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn a_dataset_without_an_edition_is_not_cited_and_cite_dataset_says_why() {
    let data = dataset_file(common::MINIMAL);
    let path = data.path().to_str().unwrap();
    let cited = stdout(&["--data", path, "cite", "north", "area"]);
    assert!(!cited.contains("karabakh dataset"), "{cited}");
    let (code, err) = refused(&["--data", path, "cite", "--dataset"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: this dataset names no edition, so there is nothing to cite it by: give it an \
         [edition] with its id and release day (see docs/data.md)\n"
    );
}

#[test]
fn a_computed_value_is_cited_with_every_source_it_is_computed_from() {
    let share = stdout(&["cite", "totals", "share_percent"]);
    assert!(
        share.starts_with(
            "Totals of every territory, share of the country: 16.62% (computed by karabakh from 3 \
             sources"
        ),
        "{share}"
    );
    // The areas, the country's area, and the source of the overlap the area counted once
    // leaves out (Shusha within Nagorno-Karabakh).
    for source in [
        "[occupation-in-figures]",
        "[cia-factbook-azerbaijan]",
        "[wikipedia-shusha-district]",
    ] {
        assert!(share.contains(source), "{source} in {share}");
    }
    let area = stdout(&["cite", "totals", "area_km2"]);
    assert!(area.contains("[wikipedia-shusha-district]"), "{area}");
    let listed = stdout(&["cite", "totals", "area_km2_listed"]);
    assert!(!listed.contains("[wikipedia-shusha-district]"), "{listed}");
    let held = stdout(&["cite", "kelbajar", "years_held"]);
    assert!(
        held.starts_with("Kalbajar, years held: 27.7 years (computed by karabakh from 5 sources"),
        "{held}"
    );
    // The date of restoration's sources are among them.
    assert!(held.contains("[aljazeera-2020-11-25]"), "{held}");
    let figure = stdout(&["cite", "missing-persons"]);
    assert!(
        figure.contains("People: 3,983 people, as of 2025-03-10 (as stated by the source)."),
        "{figure}"
    );
    let share = stdout(&["cite", "occupied-share"]);
    assert!(
        share.starts_with(
            "Share of Azerbaijan's territory stated as occupied: 20% (as stated by the source; \
             stated by the document; the totals give the share computed from the listed areas).\n"
        ),
        "{share}"
    );
    // A value with no source of its own is not computed: it is cited as the sources give it.
    assert!(
        stdout(&["cite", "shusha", "alias"]).starts_with(
            "Shusha, alias: Susa (as stated by the source).\n  [wikipedia-districts] "
        )
    );
    let kind = stdout(&["cite", "kelbajar", "kind"]);
    assert!(
        kind.starts_with(
            "Kalbajar, kind: district (the dataset's own value; no source gives it).\n  \
             [karabakh-dataset-2026-12] The karabakh dataset"
        ),
        "{kind}"
    );
}

#[test]
fn cite_names_the_fields_there_are_when_one_is_unknown() {
    let out = karabakh(&["cite", "kelbajar", "size"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: kalbajar has no field \"size\"; it has: id, name, name_az"),
        "{stderr}"
    );
    let out = karabakh(&["cite", "nowhere"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("NAME may also be a figure id"));
}

#[test]
#[ignore = "needs python3 with bibtexparser"]
fn bibtex_citations_parse_with_bibtexparser() {
    let bib = stdout(&["cite", "totals", "share_percent", "--format", "bibtex"]);
    let code = r#"
import sys, bibtexparser
library = bibtexparser.parse_string(sys.argv[1])
assert not library.failed_blocks, library.failed_blocks
for entry in library.entries:
    print(entry.key, entry.entry_type, entry["title"], sep="|")
"#;
    let parsed = python("bibtexparser", code, &[&bib]);
    assert_eq!(
        parsed,
        "occupation-in-figures|online|The Occupation in Figures\n\
         wikipedia-shusha-district|online|Shusha District\n\
         cia-factbook-azerbaijan|misc|The World Factbook: Azerbaijan\n\
         karabakh-dataset-2026-12|dataset|The karabakh dataset, edition 2026-12\n"
    );
    // Two outputs pasted into one file: a source's entry is the same text in both, so the
    // file's entries, each once, parse.
    let other = stdout(&["cite", "kalbajar", "area", "--format", "bibtex"]);
    let mut entries: Vec<&str> = Vec::new();
    for entry in [bib.as_str(), other.as_str()]
        .iter()
        .flat_map(|b| b.split("\n\n"))
        .map(str::trim)
        .filter(|e| e.starts_with('@'))
    {
        if !entries.contains(&entry) {
            entries.push(entry);
        }
    }
    let keys: Vec<&str> = entries
        .iter()
        .map(|e| e.split(',').next().unwrap())
        .collect();
    let mut unique = keys.clone();
    unique.dedup();
    assert_eq!(keys, unique, "one entry per key: {entries:?}");
    let parsed = python("bibtexparser", code, &[&entries.join("\n\n")]);
    // The three sources of the share and the dataset; Kalbajar's area has the first source.
    assert_eq!(parsed.lines().count(), 4, "{parsed}");
}

#[test]
#[ignore = "needs pandoc"]
fn pandoc_renders_the_citations_as_clean_references_without_warnings() {
    require("pandoc", &["--version"]);
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.md");
    std::fs::write(&doc, "---\nnocite: \"@*\"\n---\n").unwrap();
    for (format, file) in [("bibtex", "refs.bib"), ("csl-json", "refs.json")] {
        let refs = dir.path().join(file);
        let cited = stdout(&[
            "cite",
            "kalbajar:area_km2_other",
            "fizuli:area_km2_other",
            "--format",
            format,
        ]);
        std::fs::write(&refs, cited).unwrap();
        let out = std::process::Command::new("pandoc")
            .arg(&doc)
            .args(["--citeproc", "--wrap=none", "-t", "plain", "--bibliography"])
            .arg(&refs)
            .output()
            .unwrap();
        let (text, warnings) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(
            out.status.success() && warnings.is_empty(),
            "{format}: {warnings}"
        );
        // One publisher each, the access date, and titles in another language as written.
        for expected in [
            "“Trend News Agency, Article 3216948.” 2020. Trend. April 2, 2020. \
             https://en.trend.az/azerbaijan/karabakh/3216948.html.",
            "“Distretto di Füzuli.” n.d. Wikipedia (Italian edition). Accessed December 2, \
             2026. https://it.wikipedia.org/wiki/Yuxar%C4%B1_Veys%C9%99lli.",
            "“Кельбаджарский район (an earlier revision).” n.d. Wikipedia (Russian edition).",
            // The dataset, as pandoc's default style writes a dataset.
            "The karabakh project. 2026. “The Karabakh Dataset, Edition 2026-12.”",
        ] {
            assert!(
                text.contains(expected),
                "{format}: {expected} is not in\n{text}"
            );
        }
    }
}

#[test]
fn csl_json_items_have_the_fields_csl_requires_and_dates_as_date_parts() {
    let json = stdout(&["cite", "shusha", "restored", "--format", "csl-json"]);
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = items.as_array().unwrap();
    assert!(!items.is_empty());
    // CSL-JSON's schema requires `id` and `type`, and `type` is one of its item types.
    for item in items {
        assert!(item["id"].is_string(), "{item}");
        assert!(
            ["webpage", "document", "dataset"].contains(&item["type"].as_str().unwrap()),
            "{item}"
        );
        assert!(item["title"].is_string(), "{item}");
        if let Some(issued) = item.get("issued") {
            let parts = issued["date-parts"][0].as_array().unwrap();
            assert!(
                (1..=3).contains(&parts.len()) && parts.iter().all(|p| p.is_u64()),
                "{item}"
            );
        }
        // An item is the source alone, the same wherever it is cited; a page has the date
        // its address was checked.
        // The dataset's item carries its hash as a note, the same wherever it is cited.
        match item["type"].as_str() {
            Some("dataset") => assert!(item["note"].as_str().unwrap().starts_with("SHA-256 ")),
            _ => assert!(item.get("note").is_none(), "{item}"),
        }
        if item.get("URL").is_some() {
            let parts = item["accessed"]["date-parts"][0].as_array().unwrap();
            assert!(!parts.is_empty(), "{item}");
        }
    }
}

#[test]
#[ignore = "needs python3 with openpyxl"]
fn a_workbook_has_numbers_dates_a_frozen_header_and_sheets_of_sources_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("territories.xlsx");
    // The extension chooses the format.
    assert_eq!(
        stdout(&["districts", "--output", book.to_str().unwrap()]),
        ""
    );
    let code = r#"
import sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
print(wb.sheetnames)
ws = wb["data"]
print(ws.freeze_panes)
header = [c.value for c in ws[1]]
print(header[:8])
row = {h: c.value for h, c in zip(header, ws[3])}
print(row["name"], type(row["area_km2"]).__name__, row["area_km2"], type(row["occupied"]).__name__, row["occupied"].date(), row["years_held"], row["source"])
print(ws["A2"].value, ws["E2"].value, ws.column_dimensions["B"].width > 10)
print([c.value for c in wb["sources"][2]][:2])
print(wb["notes"]["A2"].value)
print(wb["notes"]["A3"].value)
# A source's address is a link and its dates are dates (a month stays text).
sources = wb["sources"]
keys = [c.value for c in sources[1]]
for row in sources.iter_rows(min_row=2):
    cell = {k: c for k, c in zip(keys, row)}
    if cell["id"].value == "jam-news":
        print(cell["url"].hyperlink.target == cell["url"].value, type(cell["date"].value).__name__, cell["accessed"].value)
# The last row cites the edition of the dataset the values were compiled in.
last = [c.value for c in sources[sources.max_row]]
print(last[0], "|", last[1], "|", last[2], "|", last[3].date())
"#;
    let read = python("openpyxl", code, &[book.to_str().unwrap()]);
    assert_eq!(
        read,
        format!(
            "['data', 'sources', 'notes']\nA2\n\
         ['id', 'name', 'name_az', 'kind', 'occupied', 'area_km2', 'restored', 'years_held']\n\
         Shusha int 289 datetime 1992-05-08 28.5 occupation-in-figures\n\
         nagorno-karabakh 1988/1992 True\n\
         ['occupation-in-figures', 'The Occupation in Figures']\n\
         years held is computed: days held ÷ 365.2425; where a date is a year, a month or a \
         period, it is a range (such as 30.7–35.7) from the fewest days the dates allow to the \
         most\n\
         other sources give other areas for Nagorno-Karabakh, Shusha, Lachin, Kalbajar, Aghdam, \
         Fizuli, Jabrayil\n\
         True datetime 2026-11\n\
         karabakh-dataset-2026-12 | The karabakh dataset, edition 2026-12 (SHA-256 {}), CC BY \
         4.0 | The karabakh project | 2026-12-03\n",
            dataset_sha256()
        )
    );
}

#[test]
#[ignore = "needs python3 with openpyxl"]
fn every_listing_writes_a_workbook_that_reads_back_with_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let code = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(wb.sheetnames == ["data", "sources", "notes"], wb["data"].max_row - 1, wb["data"]["A1"].value)
"#;
    for args in [
        &["totals"][..],
        &["totals", "--by", "year"],
        &["show", "shusha"],
        &["figures", "--history"],
        &["timeline"],
        &["sources"],
        &["fields"],
    ] {
        let book = dir.path().join(format!("{}.xlsx", args.join("-")));
        let mut full = args.to_vec();
        full.extend(["--format", "xlsx", "--output", book.to_str().unwrap()]);
        assert_eq!(stdout(&full), "");
        let read = python("openpyxl", code, &[book.to_str().unwrap()]);
        // As many rows as the TSV has, less its header, under the same first heading.
        let tsv = stdout(&[args, &["--format", "tsv"][..]].concat());
        let first = tsv.split(['\t', '\n']).next().unwrap();
        let rows = tsv.lines().count() - 1;
        assert_eq!(read, format!("True {rows} {first}\n"), "{args:?}");
    }
}

#[test]
#[ignore = "needs LibreOffice and python3 with openpyxl"]
fn libreoffice_reads_every_sheet_of_a_workbook_as_openpyxl_does() {
    require("soffice", &["--version"]);
    let dir = tempfile::tempdir().unwrap();
    // Each cell as openpyxl reads it, shown by its number format, against LibreOffice's CSV of
    // the sheet with the cells as shown; the lines that differ, or the rows compared.
    let code = r#"
import csv, sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    with open(sys.argv[2] + "-" + ws.title + ".csv", newline="", encoding="utf-8") as f:
        office = list(csv.reader(f))
    def shown(c):
        v = c.value
        if v is None: return ""
        if isinstance(v, datetime.datetime): return v.date().isoformat()
        if isinstance(v, bool): return str(v).upper()
        if isinstance(v, (int, float)):
            places = len(c.number_format.split(".")[1]) if "." in c.number_format else 0
            return f"{v:.{places}f}" if places else str(int(v)) if float(v).is_integer() else repr(v)
        return v
    mine = [[shown(c) for c in row] for row in ws.iter_rows()]
    width = max((len(r) for r in mine), default=0)
    office = [r + [""] * (width - len(r)) for r in office]
    for i, (a, b) in enumerate(zip(mine, office)):
        if a != b: out.append(f"{ws.title} row {i + 1}: openpyxl {a} LibreOffice {b}")
    if len(mine) != len(office): out.append(f"{ws.title}: {len(mine)} rows, LibreOffice {len(office)}")
    out.append(f"{ws.title} {len(mine)}")
print("\n".join(out))
"#;
    for args in [
        &["districts"][..],
        &["districts", "--units", "mi2", "--on", "2020-11-01"],
        &["totals"],
        &["show", "shusha"],
        &["figures", "--history"],
        &["timeline"],
    ] {
        let book = dir.path().join("book.xlsx");
        let mut full = args.to_vec();
        full.extend(["--output", book.to_str().unwrap()]);
        assert_eq!(stdout(&full), "");
        let csv = dir.path().join("csv");
        // Sheets written as shown (the ninth field), all of them (the twelfth), in UTF-8.
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
        succeeded(
            Command::new("soffice")
                .arg(format!(
                    "-env:UserInstallation=file://{}/profile",
                    dir.path().display()
                ))
                .args(["--headless", "--convert-to", filter, "--outdir"])
                .arg(&csv)
                .arg(&book),
            "soffice",
        );
        let read = python(
            "openpyxl",
            code,
            &[book.to_str().unwrap(), csv.join("book").to_str().unwrap()],
        );
        let rows = stdout(&[args, &["--format", "tsv"][..]].concat())
            .lines()
            .count();
        // The other sheets' counts, however many rows they have.
        let count = |sheet: &str| {
            let prefix = format!("{sheet} ");
            (read.lines())
                .find(|l| {
                    l.strip_prefix(&prefix)
                        .is_some_and(|n| n.parse::<usize>().is_ok())
                })
                .unwrap_or("no count")
                .to_owned()
        };
        let (sources, notes) = (count("sources"), count("notes"));
        assert_eq!(
            read,
            format!("data {rows}\n{sources}\n{notes}\n"),
            "{args:?}"
        );
    }
}

#[test]
fn a_png_chart_is_the_svg_drawn_with_the_font_karabakh_carries_and_says_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("chart.png");
    // The extension chooses the format.
    assert_eq!(
        stdout(&[
            "chart",
            "--over-time",
            "--width",
            "400",
            "-o",
            png.to_str().unwrap()
        ]),
        ""
    );
    let (w, h, _) = pixels(&png);
    assert_eq!(w, 400);
    let svg = stdout(&["chart", "--over-time", "--format", "svg", "--width", "400"]);
    let height = svg
        .split(" height=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert_eq!(h.to_string(), height, "as high as the SVG picture");
    let share = inked_share(&png);
    assert!(
        share > 0.02 && share < 0.5,
        "{share} of the picture is inked"
    );
    // The same picture every time, with its title and credit as text chunks.
    let again = stdout_bytes(&["chart", "--over-time", "--width", "400", "--format", "png"]);
    assert_eq!(std::fs::read(&png).unwrap(), again);
    let decoder = png::Decoder::new(std::io::Cursor::new(again));
    let reader = decoder.read_info().unwrap();
    let texts: Vec<(String, String)> = (reader.info().utf8_text.iter())
        .map(|t| (t.keyword.clone(), t.get_text().unwrap()))
        .collect();
    assert_eq!(
        texts[0],
        ("Title".to_owned(), "Area held over time, km²".to_owned())
    );
    assert_eq!(texts[1].0, "Source");
    assert!(
        texts[1].1.starts_with("Source: The Occupation in Figures"),
        "{texts:?}"
    );
    // The credit ends with the edition of the dataset, as the version names it.
    let version = stdout(&["-V"]);
    let (_, named) = version.split_once("(dataset: ").unwrap();
    let (named, _) = named.split_once("…, ").unwrap();
    assert!(
        (texts[1].1).ends_with(&format!("; compiled in the karabakh dataset, {named}…")),
        "{texts:?}"
    );
    // Binary: never to a terminal; and as small as an SVG picture may be.
    assert_eq!(
        refused(&["chart", "--format", "png", "--width", "150"]),
        (
            Some(2),
            "error: a PNG chart 150 pixels wide is too narrow; --width needs at least 200 pixels\n"
                .to_owned()
        )
    );
}

#[test]
fn a_workbook_and_a_png_are_never_written_to_a_terminal() {
    require("script", &["--version"]);
    let bin = env!("CARGO_BIN_EXE_karabakh");
    let out = Command::new("script")
        .args([
            "--quiet",
            "--return",
            "--command",
            &format!("{bin} districts --format xlsx"),
            "/dev/null",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
        "error: a workbook is binary and standard output is a terminal; redirect it \
         (> territories.xlsx) or give --output FILE\n"
    );
    let out = Command::new("script")
        .args(["--quiet", "--return", "--command"])
        .arg(format!("{bin} chart --format png"))
        .arg("/dev/null")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
        "error: a PNG picture is binary and standard output is a terminal; redirect it \
         (> chart.png) or give --output FILE\n"
    );
}

#[test]
fn csv_with_bom_starts_with_the_byte_order_mark_and_only_csv_takes_it() {
    let csv = karabakh(&["districts", "--format", "csv", "--bom"])
        .output()
        .unwrap();
    assert!(csv.stdout.starts_with(b"\xef\xbb\xbfid,name,name_az"));
    assert_eq!(
        refused(&["districts", "--format", "tsv", "--bom"]),
        (
            Some(2),
            "error: --bom is for CSV only; add --format csv\n".to_owned()
        )
    );
}

#[test]
fn output_goes_to_the_file_named_in_the_format_its_extension_names() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    assert_eq!(stdout(&["totals", "-o", csv.to_str().unwrap()]), "");
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        stdout(&["totals", "--format", "csv"])
    );
    // An explicit format wins over the extension.
    assert_eq!(
        stdout(&["totals", "-o", csv.to_str().unwrap(), "--format", "json"]),
        ""
    );
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        stdout(&["totals", "--format", "json"])
    );
    let (code, stderr) = refused(&["totals", "-o", "/nonexistent/dir/t.csv"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("error: cannot write /nonexistent/dir/t.csv: "),
        "{stderr}"
    );
}

#[test]
fn the_extension_of_the_output_file_picks_what_is_written_and_one_that_cannot_be_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    assert_eq!(stdout(&["chart", "-o", &at("c.svg")]), "");
    assert_eq!(
        std::fs::read_to_string(at("c.svg")).unwrap(),
        stdout(&["chart", "--format", "svg"])
    );
    assert_eq!(stdout(&["chart", "-o", &at("c.txt")]), "");
    assert_eq!(
        std::fs::read_to_string(at("c.txt")).unwrap(),
        stdout(&["chart", "--format", "text", "--width", "80"])
    );
    for (args, message) in [
        (
            vec!["chart", "-o", "c.gif"],
            "error: c.gif names a .gif file, which a chart cannot be written as: give a file \
             ending in .svg, .png or .txt (the extension picks the format), or --format\n",
        ),
        (
            vec!["report", "-o", "r.pdf"],
            "error: r.pdf names a .pdf file, which the page cannot be written as: give a file \
             ending in .html or .htm: the page is HTML\n",
        ),
        (
            vec!["districts", "-o", "d.svg"],
            "error: d.svg names a .svg file, which a listing cannot be written as: give a file \
             ending in .tsv, .txt, .csv, .json, .jsonl, .md, .sql or .xlsx (the extension picks \
             the format), or --format\n",
        ),
    ] {
        let (code, stderr) = refused(&args);
        assert_eq!(code, Some(2), "{args:?}");
        assert_eq!(stderr, message);
    }
    // Nothing was written for a refused name.
    assert!(!std::path::Path::new("c.gif").exists());
}

#[test]
fn the_page_is_self_contained_and_forbids_loading_anything() {
    let html = stdout(&["report"]);
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"),
        "{}",
        &html[..200]
    );
    assert!(html.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">"#));
    for absent in ["<script", "<link", "<img", "src=", "@import", "url("] {
        assert!(!html.contains(absent), "the page has {absent}");
    }
    // Headings in order, tables with headers, every value linked to a numbered source.
    let headings: Vec<&str> = html
        .match_indices("<h")
        .map(|(i, _)| &html[i..i + 3])
        .filter(|h| h.as_bytes()[2].is_ascii_digit())
        .collect();
    assert_eq!(headings[0], "<h1");
    assert!(headings[1..].iter().all(|h| *h == "<h2"), "{headings:?}");
    assert_eq!(
        html.matches("<table").count(),
        html.matches("<thead>").count()
    );
    assert!(html.contains(
        r##"<a class="cite" href="#source-1" title="The Occupation in Figures">[1]</a>"##
    ));
    assert!(html.contains(r#"<li id="source-1"><cite>The Occupation in Figures</cite>"#));
    assert_well_formed(&html);
}

/// The words of `html` a reader sees above its list of sources, with the attributes shown on
/// hover: what the page says, without its addresses.
fn read_above_sources(html: &str) -> String {
    let body = &html[html.find("<body").unwrap()..html.find("<section id=\"sources\"").unwrap()];
    let mut read = String::new();
    for piece in body.split('<').skip(1) {
        let (tag, text) = piece.split_once('>').unwrap();
        if let Some(title) = tag.split(" title=\"").nth(1) {
            read.push_str(title.split('"').next().unwrap());
        }
        read.push(' ');
        read.push_str(text);
    }
    read
}

#[test]
fn the_page_names_territories_sources_and_parts_as_people_write_them() {
    let html = stdout(&["report"]);
    let read = read_above_sources(&html);
    for expected in [
        "other sources give other areas for Nagorno-Karabakh, Shusha, Lachin",
        "only partly occupied, though their whole areas are counted: Aghdam, Fizuli",
        "the sources date only the town's restoration: Fizuli, Jabrayil, Zangilan",
        "The Occupation in Figures states 20%",
        "(The World Factbook: Azerbaijan)",
        "military: 3,209; civilians: 774; from the war of the 1990s: 3,977; from the 2020 war: 6",
    ] {
        assert!(read.contains(expected), "{expected:?} is not on the page");
    }
    // No command line, and none of the short ids a command takes.
    for command in [
        "show",
        "totals",
        "districts",
        "figures",
        "timeline",
        "cite",
        "chart",
    ] {
        let line = format!("karabakh {command}");
        assert!(!read.contains(&line), "{line} is on the page");
    }
    assert!(!read.contains('`'), "a command line on the page");
    let ds = stdout(&["data", "export", "--format", "json"]);
    let ds: serde_json::Value = serde_json::from_str(&ds).unwrap();
    let ids = ["territories", "sources", "figures"]
        .into_iter()
        .flat_map(|table| {
            ds[table]
                .as_array()
                .unwrap()
                .iter()
                .map(|record| record["id"].as_str().unwrap().to_owned())
        });
    for id in ids {
        let words = read.split(|c: char| !(c.is_alphanumeric() || c == '-'));
        assert!(
            !words.into_iter().any(|w| w == id),
            "the id {id} is on the page"
        );
    }
}

// Every element that is opened is closed, in order: text holds `<` only as `&lt;`, and the
// page has no comments, so every `<` starts a tag.
fn assert_well_formed(html: &str) {
    const VOID: [&str; 4] = ["meta", "br", "hr", "input"];
    let mut open: Vec<String> = Vec::new();
    for tag in html
        .split('<')
        .skip(1)
        .map(|t| &t[..t.find('>').expect("a tag ends")])
    {
        if tag.starts_with('!') || tag.ends_with('/') {
            continue;
        }
        let name = tag.split_whitespace().next().unwrap().to_ascii_lowercase();
        if let Some(closed) = name.strip_prefix('/') {
            assert_eq!(
                open.pop().as_deref(),
                Some(closed),
                "</{closed}> closes nothing open"
            );
        } else if !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "never closed: {open:?}");
}

// The page `karabakh report --output` writes into `dir`.
fn written_page(dir: &Path) -> std::path::PathBuf {
    let page = dir.join("report.html");
    assert_eq!(stdout(&["report", "--output", page.to_str().unwrap()]), "");
    page
}

// A page that shows the report in a frame of `width` pixels and writes how wide its content is,
// read back with --dump-dom: the report's own policy forbids scripts in it.
fn measured_width(report: &Path, width: u32) -> u32 {
    let read = in_frame(report, width, "d.documentElement.scrollWidth");
    read.parse().unwrap()
}

// What `expression` (JavaScript, of the frame's document `d`) gives for the report shown in a
// frame of `width` pixels.
fn in_frame(report: &Path, width: u32, expression: &str) -> String {
    let dir = report.parent().unwrap();
    let probe = dir.join(format!("probe-{width}.html"));
    std::fs::write(
        &probe,
        format!(
            r#"<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="{}" style="width:{width}px;height:900px;border:0"></iframe>
<script>document.getElementById('f').onload = function () {{
  var d = this.contentDocument;
  document.title = 'read=' + ({expression});
}};</script></body></html>"#,
            report.file_name().unwrap().to_str().unwrap()
        ),
    )
    .unwrap();
    let dom = chromium(
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ],
        &file_url(&probe),
    );
    let title = dom
        .split("<title>read=")
        .nth(1)
        .expect("the probe read the page");
    title.split('<').next().unwrap().replace("&amp;", "&")
}

#[test]
#[ignore = "needs chromium"]
fn on_a_phone_the_page_draws_its_charts_to_fit_and_says_which_tables_scroll() {
    let dir = tempfile::tempdir().unwrap();
    let page = written_page(dir.path());
    // Each shown chart against its room; each table that scrolls, and whether a line says so.
    let probe = "[].map.call(d.querySelectorAll('figure'), function (f) { \
        return getComputedStyle(f).display == 'none' ? '' : \
          'chart ' + (f.scrollWidth <= f.clientWidth ? 'fits' : 'overflows') + ';'; }).join('') + \
      [].map.call(d.querySelectorAll('div.scroll'), function (s) { \
        var hint = s.previousElementSibling; \
        var said = hint && hint.className == 'scrolls' && getComputedStyle(hint).display != 'none'; \
        return 'table ' + (s.scrollWidth > s.clientWidth ? 'scrolls' : 'fits') + \
          (said ? ' and says so' : '') + ';'; }).join('')";
    let counts = |read: &str| {
        let mut seen: Vec<(String, usize)> = Vec::new();
        for item in read.split(';').filter(|i| !i.is_empty()) {
            match seen.iter_mut().find(|(s, _)| s == item) {
                Some((_, n)) => *n += 1,
                None => seen.push((item.to_owned(), 1)),
            }
        }
        seen.sort();
        seen.iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // The listings scroll on a phone, each with its line (territories, the figures of each of
    // four periods, the timeline); the totals' tables fit.
    assert_eq!(
        counts(&in_frame(&page, 390, probe)),
        "2 chart fits, 2 table fits, 6 table scrolls and says so"
    );
    assert_eq!(
        counts(&in_frame(&page, 1280, probe)),
        "2 chart fits, 8 table fits"
    );
}

#[test]
#[ignore = "needs chromium"]
fn in_chromium_the_page_holds_every_territory_and_the_totals_and_fits_a_phone_and_a_desktop() {
    let dir = tempfile::tempdir().unwrap();
    let page = written_page(dir.path());
    let dom = chromium(&["--dump-dom"], &file_url(&page));
    for name in stdout(&["districts", "--fields", "name", "--no-header"]).lines() {
        assert!(
            dom.contains(&format!("<td>{name}</td>")),
            "{name} is not in the page"
        );
    }
    assert!(
        dom.contains("<td class=\"number computed\">14,393</td>"),
        "the total is not in the page"
    );
    assert!(dom.contains("<svg"));
    for width in [390u32, 1280] {
        let shot = dir.path().join(format!("shot-{width}.png"));
        chromium(
            &[
                &format!("--screenshot={}", shot.display()),
                &format!("--window-size={width},1600"),
            ],
            &file_url(&page),
        );
        let (w, _, _) = pixels(&shot);
        assert_eq!(w, width);
        let share = inked_share(&shot);
        assert!(
            share > 0.02,
            "at {width} px: {share} of the screenshot is inked"
        );
        let content = measured_width(&page, width);
        assert!(
            content <= width,
            "at {width} px the page is {content} px wide"
        );
    }
    // It prints: Chromium makes a PDF of it.
    let pdf = dir.path().join("report.pdf");
    chromium(
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
        ],
        &file_url(&page),
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(
        bytes.starts_with(b"%PDF-") && bytes.len() > 20_000,
        "{} bytes",
        bytes.len()
    );
}

#[test]
fn a_hostile_dataset_page_holds_no_script_and_shows_the_text() {
    let data = dataset_file(HOSTILE);
    let html = stdout(&["--data", data.path().to_str().unwrap(), "report"]);
    assert!(!html.contains("<script"), "a script element");
    assert!(!html.contains("<img"), "an image element");
    assert!(
        html.contains(r#"<a href="https://example.org/%22%20onclick=%22alert(3)">https://example.org/&quot; onclick=&quot;alert(3)</a>"#),
        "an address is one attribute, percent-encoded, and shown as written"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

/// The Nu HTML checker's messages on `files`, errors and warnings alike, one a line; it is
/// `vnu.jar`, from `$VNU_JAR` or where `.ci/run` installs it, run with java.
fn nu_checker(files: &[&Path]) -> String {
    let jar = std::env::var_os("VNU_JAR").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/tools/node_modules/vnu-jar/build/dist/vnu.jar")
        },
        std::path::PathBuf::from,
    );
    require("java", &["-version"]);
    assert!(
        jar.exists(),
        "{} is missing: this test needs the Nu HTML checker; `.ci/run` installs it",
        jar.display()
    );
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--also-check-svg", "--format", "gnu"])
        .args(files)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stderr).into_owned() + &String::from_utf8_lossy(&output.stdout)
}

#[test]
#[ignore = "needs java and the Nu HTML checker (vnu-jar)"]
fn the_nu_html_checker_finds_no_error_and_no_warning_in_the_page_or_the_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let page = written_page(dir.path());
    let miles = dir.path().join("miles.html");
    std::fs::write(&miles, stdout(&["report", "--units", "mi2"])).unwrap();
    let hostile = dir.path().join("hostile.html");
    let data = dataset_file(HOSTILE);
    std::fs::write(
        &hostile,
        stdout(&["--data", data.path().to_str().unwrap(), "report"]),
    )
    .unwrap();
    let mut files = vec![page, miles, hostile];
    for (name, svg) in svg_charts(dir.path()) {
        assert!(svg.exists(), "{name}");
        files.push(svg);
    }
    let files: Vec<&Path> = files.iter().map(|f| f.as_path()).collect();
    assert_eq!(nu_checker(&files), "");
    // It does report what is wrong.
    let broken = dir.path().join("broken.html");
    std::fs::write(&broken, "<!DOCTYPE html><title>t</title><p><div></p>").unwrap();
    assert!(
        nu_checker(&[&broken]).contains("error"),
        "the checker checks nothing"
    );
}

#[test]
#[ignore = "needs chromium"]
fn in_chromium_a_hostile_dataset_page_runs_nothing_and_shows_the_text() {
    let data = dataset_file(HOSTILE);
    let html = stdout(&["--data", data.path().to_str().unwrap(), "report"]);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("hostile.html");
    std::fs::write(&page, &html).unwrap();
    let dom = chromium(&["--dump-dom"], &file_url(&page));
    assert!(!dom.contains("<script"), "Chromium found a script element");
    // Text holds `<` only as `&lt;`, so every `<` starts a tag; outside its quoted values
    // (every other piece between quotes), a tag names its attributes.
    for tag in dom.split('<').skip(1).map(|t| t.split('>').next().unwrap()) {
        let names: String = tag.split('"').step_by(2).collect();
        assert!(
            !names.contains(" on"),
            "Chromium found an event handler: <{tag}>"
        );
    }
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_page_names_the_edition_of_its_dataset_as_the_version_does() {
    let html = stdout(&["report"]);
    let version = stdout(&["-V"]);
    // "karabakh 0.1.0 (dataset: edition 2026-12 of 2026-12-03, SHA-256 85245c1b5bff…, …".
    let (_, rest) = version.split_once("(dataset: ").unwrap();
    let (named, _) = rest.split_once("…, ").unwrap();
    let said = format!("from its dataset: {named}…; 9 territories");
    assert!(html.contains(&said), "{said:?} is not on the page");
    // Its footer says how to cite the dataset, with the whole hash, and its licence.
    let footer = format!(
        "<footer><p>To cite the dataset: The karabakh dataset, edition 2026-12, The karabakh \
         project, 2026-12-03, SHA-256 {}, CC BY 4.0.</p><p>Licence: The dataset (its \
         compilation of figures, dates and areas, and its labels and notes) is licensed under CC \
         BY 4.0; the sources' own texts are not copied, only the figures they state, each with \
         its reference. <a href=\"https://creativecommons.org/licenses/by/4.0/\">Creative \
         Commons Attribution 4.0 International</a>.</p></footer>",
        dataset_sha256()
    );
    assert!(html.contains(&footer), "{html}");
}
