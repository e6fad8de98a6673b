//! Text from a dataset never reaches a terminal raw, and machine formats keep it exactly.

use crate::common;

use common::{MINIMAL, dataset_file, stdout};

// A name with an ANSI colour sequence, a right-to-left override, a tab, a newline, a
// backslash, a pipe, a comma and quotes.
const HOSTILE_TOML: &str =
    r#""Evil\u001b[31mRed\u202eTxet\tTab\nLine\\Back|Pipe,Comma \"Quoted\"""#;
const HOSTILE: &str = "Evil\u{1b}[31mRed\u{202e}Txet\tTab\nLine\\Back|Pipe,Comma \"Quoted\"";

fn hostile_dataset() -> tempfile::NamedTempFile {
    let text = MINIMAL.replacen("name = \"North\"", &format!("name = {HOSTILE_TOML}"), 1);
    assert_ne!(text, MINIMAL);
    dataset_file(&text)
}

fn run(file: &tempfile::NamedTempFile, args: &[&str]) -> String {
    let mut full = args.to_vec();
    full.extend(["--data", file.path().to_str().unwrap()]);
    stdout(&full)
}

fn assert_no_raw_controls(out: &str) {
    for c in ['\u{1b}', '\u{202e}', '\t'] {
        assert!(!out.contains(c), "raw {c:?} in {out}");
    }
}

#[test]
fn tables_show_control_characters_escaped() {
    let file = hostile_dataset();
    for args in [
        &["districts", "--format", "table"][..],
        &["show", "north", "--format", "table"],
    ] {
        let out = run(&file, args);
        assert_no_raw_controls(&out);
        assert!(
            out.contains(r"Evil\u{1b}[31mRed\u{202e}Txet\tTab\nLine\Back|Pipe"),
            "{out}"
        );
    }
}

#[test]
fn markdown_escapes_controls_and_pipes() {
    let file = hostile_dataset();
    let out = run(&file, &["districts", "--format", "markdown"]);
    assert_no_raw_controls(&out);
    assert!(
        out.contains(r"| Evil\\u{1b}\[31mRed\\u{202e}Txet\\tTab\\nLine\\Back\|Pipe,Comma"),
        "{out}"
    );
    assert!(
        out.lines()
            .filter(|l| l.starts_with('|'))
            .all(|l| l.matches(" | ").count() == 10),
        "{out}"
    );
}

#[test]
fn tsv_escapes_separators_so_every_line_has_the_same_fields() {
    let file = hostile_dataset();
    let out = run(&file, &["districts"]);
    let counts: Vec<usize> = out.lines().map(|l| l.split('\t').count()).collect();
    assert_eq!(counts, [11, 11, 11]);
    assert!(
        out.contains("Evil\u{1b}[31mRed\u{202e}Txet\\tTab\\nLine\\\\Back|Pipe"),
        "{out}"
    );
}

#[test]
fn csv_quotes_fields_so_they_read_back_exactly() {
    let file = hostile_dataset();
    let out = run(&file, &["districts", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let names: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    assert_eq!(names, ["South", HOSTILE]);
}

#[test]
fn json_keeps_the_text_exactly() {
    let file = hostile_dataset();
    let out = run(&file, &["districts", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[1]["name"], HOSTILE);
}

#[test]
fn error_messages_quoting_the_dataset_escape_it_too() {
    let text = MINIMAL.replacen(
        "source = \"atlas\"\n\n[[territories]]\nid = \"south\"",
        "source = \"a\\u001b[2Jb\"\n\n[[territories]]\nid = \"south\"",
        1,
    );
    let file = dataset_file(&text);
    let output = common::karabakh(&["districts", "--data"])
        .arg(file.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    assert!(stderr.contains(r"unknown source `a\u{1b}[2Jb`"), "{stderr}");
}

#[test]
fn citations_for_people_show_control_characters_escaped_and_bibtex_keeps_its_braces_balanced() {
    let file = hostile_dataset();
    for format in ["text", "markdown"] {
        let out = run(&file, &["cite", "north", "name", "--format", format]);
        assert_no_raw_controls(&out);
        assert!(
            out.contains(r"\u{1b}") && out.contains(r"\u{202e}Txet"),
            "{out}"
        );
    }
    let bib = run(&file, &["cite", "north", "name", "--format", "bibtex"]);
    assert_eq!(
        bib.matches('{').count() - bib.matches("\\{").count(),
        bib.matches('}').count() - bib.matches("\\}").count(),
        "{bib}"
    );
}

/// A dataset whose name, title and address are Markdown and HTML that would go live.
const MARKUP_TOML: &str = r#"schema = 1
[country]
name = "Testland"
area_km2 = 1000
source = "atlas"
[[sources]]
id = "atlas"
title = "An *atlas* ![i](http://evil.example/i.png)"
url = "http://evil.example/<img src=x onerror=alert(1)>"
[[territories]]
id = "t1"
name = "<script>alert(1)</script><svg onload=alert(2)> ![i](http://evil.example/t.png) **bold** &amp;"
kind = "district"
occupied = 1993-01-01
area_km2 = 100
source = "atlas"
"#;

#[test]
fn markdown_writes_markup_from_a_dataset_as_literal_text() {
    let file = dataset_file(MARKUP_TOML);
    let out = run(
        &file,
        &["districts", "--format", "markdown", "--fields", "name"],
    );
    assert_eq!(
        out.lines().nth(2).unwrap(),
        r"| \<script\>alert(1)\</script\>\<svg onload=alert(2)\> \!\[i\](http://evil.example/t.png) \*\*bold\*\* \&amp; |"
    );
    let cited = run(&file, &["cite", "t1", "area", "--format", "markdown"]);
    assert!(
        cited.contains(
            r"[^atlas]: *An \*atlas\* \!\[i\](http://evil.example/i.png)*, <http://evil.example/%3Cimg%20src=x%20onerror=alert(1)%3E>."
        ),
        "{cited}"
    );
}

#[test]
#[ignore = "needs pandoc"]
fn pandoc_renders_markup_from_a_dataset_as_text_and_no_tag() {
    common::require("pandoc", &["--version"]);
    let file = dataset_file(MARKUP_TOML);
    for args in [
        &["districts", "--format", "markdown"][..],
        &["show", "t1", "--format", "markdown"],
        &["cite", "t1", "area", "--format", "markdown"],
    ] {
        let page = tempfile::Builder::new().suffix(".md").tempfile().unwrap();
        std::fs::write(page.path(), run(&file, args)).unwrap();
        let mut pandoc = std::process::Command::new("pandoc");
        pandoc.args(["-f", "gfm", "-t", "html"]).arg(page.path());
        let html = String::from_utf8(common::succeeded(&mut pandoc, "pandoc").stdout).unwrap();
        // (A title is in italics by design, and an address a link.)
        for tag in ["<script", "<svg", "<img", "<strong"] {
            assert!(!html.contains(tag), "{args:?}: {tag} in\n{html}");
        }
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{args:?}:\n{html}"
        );
    }
}

/// A dataset whose title and name a spreadsheet would run as formulas.
const FORMULA_TOML: &str = r#"schema = 1
[country]
name = "Testland"
area_km2 = 1000
source = "atlas"
[[sources]]
id = "atlas"
title = "=HYPERLINK(\"http://evil.example\",\"click\")"
[[territories]]
id = "t1"
name = "@SUM(1+1)*cmd|' /C calc'!A0"
kind = "district"
occupied = 1993-01-01
area_km2 = 100
source = "atlas"
[[territories]]
id = "t2"
name = "-2+3"
kind = "district"
occupied = 1994-01-01
area_km2 = 5
source = "atlas"
"#;

#[test]
fn csv_for_spreadsheets_writes_formulas_as_text_and_plain_csv_keeps_them_exact() {
    let file = dataset_file(FORMULA_TOML);
    let args = [
        "districts",
        "--format",
        "csv",
        "--fields",
        "id,name,area_km2,occupied",
    ];
    let bom = run(&file, &[&args[..], &["--bom"]].concat());
    assert_eq!(
        bom,
        "\u{feff}id,name,area_km2,occupied\r\nt1,'@SUM(1+1)*cmd|' /C calc'!A0,100,1993-01-01\r\n\
         t2,'-2+3,5,1994-01-01\r\n"
    );
    let exact = run(&file, &args);
    assert_eq!(
        exact,
        "id,name,area_km2,occupied\r\nt1,@SUM(1+1)*cmd|' /C calc'!A0,100,1993-01-01\r\n\
         t2,-2+3,5,1994-01-01\r\n"
    );
}

#[test]
fn data_check_warns_of_text_a_spreadsheet_would_run_as_a_formula() {
    let file = dataset_file(FORMULA_TOML);
    let path = file.path().to_str().unwrap();
    let out = common::karabakh(&["data", "check", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{path}: ok: 2 territories, 0 figures, 0 events, 1 sources\n")
    );
    let warning = |place: &str, what: &str, first: &str| {
        format!(
            "warning: {path}:{place}: {what}: starts with {first}, which a spreadsheet opening a \
             CSV file may run as a formula; CSV for spreadsheets (--bom) writes it after a ', \
             and a workbook as text\n"
        )
    };
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        [
            warning("8:9", "sources[0].title", "'='"),
            warning("11:8", "territories[0].name", "'@'"),
            warning("18:8", "territories[1].name", "'-'"),
        ]
        .concat()
    );
    // The dataset karabakh carries has none.
    let out = common::karabakh(&["data", "check", "data.toml"])
        .output()
        .unwrap();
    assert!(out.status.success() && out.stderr.is_empty());
}

#[test]
fn ris_values_hold_no_character_that_a_reader_splits_lines_at() {
    // Each of Python's `splitlines()` breaks, followed by a forged tag.
    let breaks = [
        "\\n", "\\r", "\\u000b", "\\u000c", "\\u001c", "\\u001d", "\\u001e", "\\u0085", "\\u2028",
        "\\u2029",
    ];
    let title: String = breaks.iter().map(|b| format!("A{b}ER  - ")).collect();
    let text = MINIMAL.replacen(
        "title = \"An atlas\"",
        &format!("title = \"{title}\"\nurl = \"https://example.org/\\u2028TY  - X\""),
        1,
    );
    let file = dataset_file(&text);
    let ris = run(&file, &["cite", "north", "area", "--format", "ris"]);
    // What every reader sees as lines: the Unicode line breaks included.
    let lines: Vec<&str> = ris
        .split([
            '\n', '\r', '\u{b}', '\u{c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}',
            '\u{2029}',
        ])
        .filter(|l| !l.is_empty())
        .collect();
    let tags: Vec<&str> = lines.iter().map(|l| &l[..2]).collect();
    assert_eq!(tags, ["TY", "ID", "TI", "UR", "ER"], "{ris:?}");
    assert!(lines[2].starts_with("TI  - A ER  - A ER  - "), "{ris:?}");
}

#[test]
fn no_message_quoting_the_dataset_starts_a_line_of_its_own() {
    let forged = r#""North\nerror: forged\u001b[31m""#;
    let text = MINIMAL.replacen("name = \"North\"", &format!("name = {forged}"), 1);
    let file = dataset_file(&text);
    let data = file.path().to_str().unwrap();
    let bad = dataset_file(
        &text.replacen("area_km2 = 100", "area_km2 = 0", 1).replacen(
            "id = \"south\"",
            "id = \"north\"",
            1,
        ),
    );
    let bad_data = bad.path().to_str().unwrap();
    for args in [
        vec!["--data", data, "show", "nort"],
        vec!["--data", data, "cite", "nort"],
        vec!["--data", data, "cite", "north", "nosuch"],
        vec!["--data", data, "show", "North\nerror: typed"],
        vec!["--data", bad_data, "districts"],
    ] {
        let out = common::karabakh(&args).output().unwrap();
        assert_eq!(out.status.code().map(|c| c > 0), Some(true), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{args:?}:\n{stderr}"
        );
        assert!(!stderr.contains('\u{1b}'), "{args:?}:\n{stderr}");
    }
}
