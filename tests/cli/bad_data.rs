//! Bad datasets: each gets its own message on stderr naming the file, the line and column
//! where they apply, and the key or id; exit status 2; nothing on stdout; never a panic.

use crate::common;

use common::{MINIMAL, dataset_file, karabakh, refused};

/// Runs `districts` on `text` saved as a `.toml` file and checks the exact error.
/// `{file}` in `expected` stands for the file's path.
fn rejects(text: &str, expected: &str) {
    let file = dataset_file(text);
    rejects_file(&file.path().display().to_string(), expected);
}

fn rejects_file(path: &str, expected: &str) {
    let output = karabakh(&["districts", "--data", path]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "",
        "nothing on stdout"
    );
    assert_eq!(stderr, expected.replace("{file}", path));
}

/// The minimal dataset with `to` in place of `from`, which must be there.
fn minimal_with(from: &str, to: &str) -> String {
    assert!(
        MINIMAL.contains(from),
        "{from:?} is not in the minimal dataset"
    );
    MINIMAL.replacen(from, to, 1)
}

#[test]
fn a_missing_file_is_named_with_the_reason() {
    rejects_file(
        "/nonexistent/karabakh.toml",
        "error: cannot read the dataset {file}: No such file or directory (os error 2)\n",
    );
}

#[test]
fn a_directory_is_not_a_dataset() {
    let dir = tempfile::tempdir().unwrap();
    rejects_file(
        &dir.path().display().to_string(),
        "error: cannot read the dataset {file}: Is a directory (os error 21)\n",
    );
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_named_with_the_reason() {
    // Reading this file fails even for root, unlike a file without read permission.
    rejects_file(
        "/proc/self/mem",
        "error: cannot read the dataset {file}: Input/output error (os error 5)\n",
    );
}

#[test]
fn a_file_that_is_not_utf8_is_placed_at_its_first_bad_byte() {
    let mut file = dataset_file("schema = 1\nname = \"");
    std::io::Write::write_all(&mut file, b"\xE9t\xE9\"\n").unwrap();
    rejects_file(
        &file.path().display().to_string(),
        "error: {file}:2:9: the dataset is not UTF-8 text; save it as UTF-8 (a dataset is a TOML or \
         JSON text file)\n",
    );
}

#[test]
fn random_bytes_are_not_a_dataset() {
    let mut file = dataset_file("");
    let bytes: Vec<u8> = (0..512u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::io::Write::write_all(&mut file, &bytes).unwrap();
    let output = karabakh(&["districts", "--data"])
        .arg(file.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!("error: {}:", file.path().display())),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn an_empty_file_says_what_a_dataset_needs() {
    rejects(
        "\n  \n",
        "error: {file}: the dataset is empty; it needs at least `schema`, `country`, `sources` and \
         `territories` (see docs/data.md)\n",
    );
}

#[test]
fn malformed_toml_reports_its_first_syntax_error_and_how_many_may_follow() {
    // The errors after the first may be its echoes (an unclosed table makes every later line
    // wrong): the first is the one sure to be worth correcting.
    rejects(
        "schema = = 1\nname = \"open\n",
        "error: {file}:1:10: extra `=`, expected nothing (the parser found 2 more syntax errors \
         after this one, which may follow from it: correct it and check again)\n",
    );
}

#[test]
fn a_value_of_the_wrong_type_names_its_key() {
    rejects(
        &minimal_with("area_km2 = 100\n", "area_km2 = \"big\"\n"),
        "error: {file}:17:12: territories[0].area_km2: invalid type: string \"big\", expected a \
         whole number\n",
    );
}

#[test]
fn a_missing_required_key_is_named() {
    rejects(
        &minimal_with("title = \"An atlas\"\n", ""),
        "error: {file}:8:1: sources[0]: missing field `title`\n",
    );
}

#[test]
fn an_unknown_key_is_named_with_the_keys_allowed_there() {
    rejects(
        &minimal_with("kind = \"district\"\n", "kind = \"district\"\ncolour = 1\n"),
        "error: {file}:16:1: territories[0].colour: unknown field `colour`, expected one of `id`, \
         `name`, `name_az`, `kind`, `occupied`, `area_km2`, `source`, `aliases`, `within`, \
         `partial`, `restored`, `alternatives`\n",
    );
}

#[test]
fn an_unknown_top_level_key_lists_the_sections() {
    rejects(
        &format!("version = 3\n{MINIMAL}"),
        "error: {file}:1:1: unknown key `version`; a dataset has `schema`, `edition`, `country`, \
         `sources`, `territories`, `figures` and `events`\n",
    );
}

#[test]
fn an_unknown_kind_lists_the_kinds() {
    rejects(
        &minimal_with("kind = \"district\"", "kind = \"county\""),
        "error: {file}:15:8: territories[0].kind: unknown variant `county`, expected `region` or \
         `district`\n",
    );
}

#[test]
fn a_duplicate_id_is_named() {
    rejects(
        &minimal_with("id = \"south\"", "id = \"north\""),
        "error: {file}:21:6: territories[1].id: territory id `north` is used twice; ids must be \
         unique\n",
    );
}

#[test]
fn a_source_reference_that_names_nothing_is_named() {
    rejects(
        &minimal_with(
            "area_km2 = 100\nsource = \"atlas\"",
            "area_km2 = 100\nsource = \"atlus\"",
        ),
        "error: {file}:18:10: territories[0].source: unknown source `atlus`: no [[sources]] entry \
         has this id; add one or correct the reference\n",
    );
}

#[test]
fn a_within_reference_that_names_nothing_is_named() {
    rejects(
        &format!("{MINIMAL}within = \"west\"\n"),
        "error: {file}:27:10: territories[1].within: unknown territory `west`: no [[territories]] \
         entry has this id\n",
    );
}

#[test]
fn an_event_reference_that_names_nothing_is_named() {
    rejects(
        &format!(
            "{MINIMAL}\n[[events]]\ndate = 2001\nlabel = \"x\"\nsource = \"atlas\"\nterritories = [\"east\"]\n"
        ),
        "error: {file}:32:16: events[0].territories[0]: unknown territory `east`: no \
         [[territories]] entry has this id\n",
    );
}

#[test]
fn a_mark_is_short_on_one_line_and_on_an_event_dated_to_the_day() {
    let event = |date: &str, mark: &str| {
        format!(
            "\n[[events]]\ndate = {date}\nlabel = \"x\"\nsource = \"atlas\"\nmark = \"{mark}\"\n"
        )
    };
    rejects(
        &format!(
            "{MINIMAL}{}{}{}",
            event("2001", "the year of it"),
            event("2001-02-03", "a mark that goes on and on along the axis"),
            event("2001-02-03", "two\\nlines")
        ),
        "error: {file} has 3 problems:\n  \
         {file}:32:8: events[0].mark: a mark needs an event dated to the day, and this one is \
         dated 2001: give the day, or leave `mark` out\n  \
         {file}:38:8: events[1].mark: a mark is 41 characters long; at most 32 fit on a \
         chart's axis: shorten it, and say the rest in `label` or `note`\n  \
         {file}:44:8: events[2].mark: a mark is a label of a few words on one line\n",
    );
}

#[test]
fn an_impossible_date_is_located() {
    rejects(
        &minimal_with("2001-02-03", "1993-02-30"),
        "error: {file}:16:12: invalid date, expected day between 01 and 28\n",
    );
}

#[test]
fn an_impossible_date_in_a_string_is_located() {
    rejects(
        &minimal_with("occupied = \"1999\"", "occupied = \"1999-13\""),
        "error: {file}:24:12: territories[1].occupied: `1999-13` is not a date: there is no such \
         month (write a day 1992-05-08, a month 1992-02, a year 1987, a span of years 1988/1992 or \
         a decade 1990s)\n",
    );
}

#[test]
fn a_restoration_before_the_occupation_is_refused() {
    rejects(
        &format!("{MINIMAL}restored = {{ date = 1990-01-01, source = \"atlas\" }}\n"),
        "error: {file}:27:21: territories[1].restored.date: `south` is restored on 1990-01-01, \
         before it was occupied (1999)\n",
    );
}

#[test]
fn a_restoration_in_stages_must_be_of_part_and_its_stages_in_order() {
    rejects(
        &format!(
            "{MINIMAL}restored = {{ date = 2005-01-01, source = \"atlas\", later = [\
             {{ date = 2004-01-01, covers = \"the town\", source = \"atlas\" }}] }}\n"
        ),
        "error: {file} has 2 problems:\n  \
         {file}:27:59: territories[1].restored.later: later stages follow a restoration of part \
         of a territory: set `scope = \"part\"` rather than \"whole\"\n  \
         {file}:27:69: territories[1].restored.later[0].date: a later stage must come after the \
         one before it: 2004-01-01 is not after 2005-01-01\n",
    );
}

#[test]
fn a_restoration_of_part_names_its_later_stages() {
    rejects(
        &format!(
            "{MINIMAL}restored = {{ date = 2005-01-01, scope = \"part\", source = \"atlas\" }}\n"
        ),
        "error: {file}:27:41: territories[1].restored.scope: a restoration of `part` of a \
         territory needs its `later` stages: give each with its `date`, what it `covers` and \
         its `source`\n",
    );
}

#[test]
fn a_source_address_without_its_scheme_is_refused() {
    rejects(
        &minimal_with(
            "title = \"An atlas\"\n",
            "title = \"An atlas\"\nurl = \"example.org/atlas\"\n",
        ),
        "error: {file}:11:7: sources[0].url: the address \"example.org/atlas\" is not a link: \
         write it with its scheme, as \"https://example.org/atlas\"\n",
    );
}

#[test]
fn a_source_address_of_another_scheme_than_the_web_is_refused() {
    rejects(
        &minimal_with(
            "title = \"An atlas\"\n",
            "title = \"An atlas\"\nurl = \"javascript:alert(1)\"\n",
        ),
        "error: {file}:11:7: sources[0].url: the address \"javascript:alert(1)\" is a \
         `javascript:` address, not a web page: only `https://` and `http://` addresses are \
         allowed\n",
    );
}

#[test]
fn an_access_date_needs_an_address_and_a_language_is_a_tag() {
    rejects(
        &minimal_with(
            "title = \"An atlas\"\n",
            "title = \"An atlas\"\naccessed = 2026-12-02\nlanguage = \"Russian\"\n",
        ),
        "error: {file} has 2 problems:\n  \
         {file}:11:12: sources[0].accessed: `accessed` is the date an address was checked, so it \
         needs a `url`\n  \
         {file}:12:12: sources[0].language: \"Russian\" is not a language tag: give one such as \
         \"ru\", \"it\" or \"az-Latn\"\n",
    );
}

#[test]
fn a_zero_area_is_refused() {
    rejects(
        &minimal_with("area_km2 = 100\n", "area_km2 = 0\n"),
        "error: {file}:17:12: territories[0].area_km2: an area must be a positive number of km², \
         not 0\n",
    );
}

#[test]
fn a_negative_area_is_refused() {
    rejects(
        &minimal_with("area_km2 = 250", "area_km2 = -5"),
        "error: {file}:25:12: territories[1].area_km2: an area must be a positive number of km², \
         not -5\n",
    );
}

#[test]
fn a_territory_within_a_smaller_one_is_refused() {
    rejects(
        &format!("{MINIMAL}within = \"north\"\n"),
        "error: {file}:27:10: territories[1].within: `south` lies within `north`, but its area \
         (250 km²) is larger than that of `north` (100 km²)\n",
    );
}

#[test]
fn a_part_larger_than_its_figure_is_refused() {
    rejects(
        &format!(
            "{MINIMAL}\n[[figures]]\nid = \"f\"\nlabel = \"x\"\nunit = \"people\"\n\
             [[figures.observations]]\nvalue = 5\nsource = \"atlas\"\n\
             parts = [{{ id = \"a\", value = 6 }}]\n"
        ),
        "error: {file}:35:30: figures[0].observations[0].parts[0].value: part `a` (6) is larger \
         than the observation's value (5)\n",
    );
}

#[test]
fn an_unsupported_schema_says_which_is_read() {
    rejects(
        &minimal_with("schema = 1", "schema = 2"),
        "error: {file}:1:10: schema: schema 2 is not supported: this karabakh reads schema 1\n",
    );
}

#[test]
fn several_problems_are_reported_together_in_file_order() {
    let text = minimal_with("area_km2 = 100\n", "area_km2 = 0\n").replacen(
        "id = \"south\"",
        "id = \"north\"",
        1,
    );
    rejects(
        &text,
        "error: {file} has 2 problems:\n  {file}:17:12: territories[0].area_km2: an area must be a \
         positive number of km², not 0\n  {file}:21:6: territories[1].id: territory id `north` is \
         used twice; ids must be unique\n",
    );
}

#[test]
fn records_of_the_wrong_shape_are_all_reported() {
    let text = minimal_with("area_km2 = 100\n", "area_km2 = \"100\"\n").replacen(
        "kind = \"region\"",
        "kind = 7",
        1,
    );
    rejects(
        &text,
        "error: {file} has 2 problems:\n  {file}:17:12: territories[0].area_km2: invalid type: \
         string \"100\", expected a whole number\n  {file}:23:8: territories[1].kind: expected a \
         string\n",
    );
}

/// Saves `bytes` as a `.toml` file and checks that it loads like the minimal dataset.
fn loads(bytes: &[u8]) {
    let mut file = dataset_file("");
    std::io::Write::write_all(&mut file, bytes).unwrap();
    let output = karabakh(&["districts", "--no-header", "--data"])
        .arg(file.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "south\tSouth\t\tregion\t1999\t250\t\t\tatlas\t\t\nnorth\tNorth\t\tdistrict\t2001-02-03\t100\t\t\tatlas\t\t\n"
    );
}

#[test]
fn a_dataset_saved_with_a_byte_order_mark_loads() {
    loads(&[b"\xEF\xBB\xBF", MINIMAL.as_bytes()].concat());
}

#[test]
fn a_dataset_saved_with_windows_line_endings_loads() {
    loads(MINIMAL.replace('\n', "\r\n").as_bytes());
}

#[test]
fn a_dataset_saved_as_utf16_loads() {
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(MINIMAL.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    loads(&le);
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(MINIMAL.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    loads(&be);
}

#[test]
fn a_dataset_without_a_final_newline_and_with_tabs_loads() {
    loads(
        MINIMAL
            .trim_end()
            .replace("name = ", "name\t=\t")
            .as_bytes(),
    );
}

#[test]
fn territories_within_one_that_together_exceed_its_area_are_refused() {
    // North (100 km²) and East (200 km²) both lie within South (250 km²).
    let text = minimal_with(
        "area_km2 = 100\nsource = \"atlas\"\n",
        "area_km2 = 100\nsource = \"atlas\"\nwithin = \"south\"\n",
    ) + "\n[[territories]]\nid = \"east\"\nname = \"East\"\nkind = \"district\"\noccupied = \
         2001-02-03\narea_km2 = 200\nsource = \"atlas\"\nwithin = \"south\"\n";
    rejects(
        &text,
        "error: {file}:26:12: territories[1].area_km2: the territories within `south` (north, \
         east) add up to 300 km², more than its area (250 km²); an area includes those of the \
         territories within it\n",
    );
}

#[test]
fn an_edition_has_an_id_on_one_line_and_is_released_on_a_day() {
    rejects(
        &minimal_with(
            "schema = 1\n",
            "schema = 1\n\n[edition]\nid = \"\"\nreleased = \"2026-12\"\n",
        ),
        "error: {file} has 2 problems:\n  \
         {file}:4:6: edition.id: an edition's id is a short identifier on one line, such as \
         \"2026-12\"\n  \
         {file}:5:12: edition.released: an edition is released on a day, and this one is dated \
         2026-12: write it as YYYY-MM-DD\n",
    );
}

#[test]
fn a_figures_period_is_a_label_on_one_line_and_approximate_is_true_or_false() {
    let figure = "\n[[figures]]\nid = \"visitors\"\nlabel = \"Visitors\"\nunit = \"people\"\n\
                  period = \" \"\n\n[[figures.observations]]\nvalue = 10\napproximate = true\n\
                  source = \"atlas\"\n";
    rejects(
        &format!("{MINIMAL}{figure}"),
        "error: {file}:32:10: figures[0].period: a figure's period is a short label on one line, \
         such as \"1988–1994\"\n",
    );
    let wrong = figure
        .replace("period = \" \"", "period = \"2020\"")
        .replace("true", "\"yes\"");
    let data = dataset_file(&format!("{MINIMAL}{wrong}"));
    let (code, err) = refused(&["--data", data.path().to_str().unwrap(), "figures"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("figures[0].observations[0].approximate"),
        "{err}"
    );
}
