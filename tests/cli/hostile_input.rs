//! The second round of hostile input: nothing hangs, panics or misleads. Each test here failed
//! before the fix it checks.

use crate::common;

use std::fmt::Write as _;
use std::process::{Command, Stdio};

use common::{MINIMAL, dataset_file, karabakh, stdout};

const HEAD: &str = "schema = 1\n\n[country]\nname = \"C\"\narea_km2 = 4000000000\nsource = \"s\"\n\n\
                    [[sources]]\nid = \"s\"\ntitle = \"S\"\n";

fn territory(s: &mut String, i: usize, extra: &str) {
    let _ = write!(
        s,
        "\n[[territories]]\nid = \"t{i}\"\nname = \"T {i}\"\nkind = \"district\"\n\
         occupied = 1993-01-01\narea_km2 = 7\nsource = \"s\"\n{extra}"
    );
}

/// The exit code, standard output and standard error of `args`.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = karabakh(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn one_unclosed_table_in_a_large_file_is_reported_once_and_at_once() {
    // Once 40,000 problems, one per line after the typo, found in 13 s.
    let mut s = String::from(HEAD);
    territory(
        &mut s,
        0,
        "restored = { date = 2020-01-01, source = \"s\"\n",
    );
    for i in 1..20_000 {
        territory(&mut s, i, "");
    }
    let file = dataset_file(&s);
    let (code, out, err) = run(&["data", "check", file.path().to_str().unwrap()]);
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{}", &out[..out.len().min(2000)]);
    assert!(
        lines[0].contains(":21:1: ") && lines[0].contains("more syntax errors after this one"),
        "{}",
        lines[0]
    );
    assert!(err.ends_with(": 1 problem\n"), "{err}");
}

#[test]
fn many_problems_are_placed_in_one_pass_and_listed_up_to_a_hundred() {
    // Once 17 s for 20,000 areas of 0: each problem's line was found from the start.
    let mut s = String::from(HEAD);
    for i in 0..20_000 {
        territory(&mut s, i, "");
    }
    let s = s.replace("area_km2 = 7", "area_km2 = 0");
    let file = dataset_file(&s);
    let path = file.path().to_str().unwrap();
    let (code, out, err) = run(&["data", "check", path]);
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 101);
    assert!(
        lines[0].ends_with(
            ":17:12: territories[0].area_km2: an area must be a positive number of km², not 0"
        ),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[100],
        "... and 19900 more problems (20000 in all); `karabakh data check --all` lists every one"
    );
    assert!(err.ends_with(": 20000 problems\n"), "{err}");
    let (_, all, _) = run(&["data", "check", "--all", path]);
    assert_eq!(all.lines().count(), 20_000);
    assert!(
        all.lines()
            .last()
            .unwrap()
            .contains(&format!(":{}:12:", 17 + 8 * 19_999))
    );
    // Any other command says the same, shortened the same way.
    let (code, out, err) = run(&["districts", "--data", path]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_eq!(err.lines().count(), 102, "{}", &err[..500]);
}

#[test]
fn a_long_chain_of_territories_within_territories_is_summed_in_one_pass() {
    // Once quadratic in the depth of the chain: minutes at this depth.
    let mut s = String::from(HEAD);
    territory(&mut s, 0, "");
    for i in 1..60_000 {
        territory(&mut s, i, &format!("within = \"t{}\"\n", i - 1));
    }
    let file = dataset_file(&s);
    let path = file.path().to_str().unwrap();
    let totals = stdout(&[
        "totals",
        "--kind",
        "district",
        "--data",
        path,
        "--format",
        "csv",
        "--fields",
        "territories,area_km2_listed,area_km2",
    ]);
    assert_eq!(
        totals,
        "territories,area_km2_listed,area_km2\r\n60000,420000,7\r\n"
    );
    let by_year = stdout(&[
        "totals",
        "--by",
        "year",
        "--kind",
        "district",
        "--data",
        path,
        "--no-header",
        "--fields",
        "year,area_km2",
    ]);
    assert_eq!(by_year, "1993\t7\n");
    let chart = stdout(&[
        "chart",
        "--cumulative",
        "--kind",
        "district",
        "--data",
        path,
    ]);
    assert!(chart.contains("1993"), "{chart}");
}

#[test]
fn writes_that_fail_give_a_non_zero_exit_and_say_so_where_they_can() {
    let sh = |script: &str| {
        let bin = env!("CARGO_BIN_EXE_karabakh");
        let out = Command::new("sh")
            .arg("-c")
            .arg(script.replace("K", bin))
            .env_remove("KARABAKH_DATA")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // Standard error full: the exit code is still the one of the failure, not a panic's 101.
    assert_eq!(sh("K show nowhere 2>/dev/full").0, Some(1));
    let bad = format!("{}/tests/data/bad.toml", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        sh(&format!("K districts --data {bad} 2>/dev/full")).0,
        Some(2)
    );
    // Help and the version into a full disk.
    for args in ["--help", "-V", "help", "districts --help", "districts"] {
        let (code, err) = sh(&format!("K {args} >/dev/full"));
        assert_eq!(code, Some(2), "{args}");
        assert!(
            err.starts_with("error: cannot write the output"),
            "{args}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args}: {err}");
    }
    // /dev/null is an output like any other, opened for writing or, as daemon(3) and many
    // supervisors give it, for reading and writing; a closed standard output is what the
    // runtime makes of it, /dev/null, as in ripgrep, fd and bat.
    for to in [">/dev/null", "1<>/dev/null", ">&-"] {
        assert_eq!(
            sh(&format!("K districts {to}")),
            (Some(0), String::new()),
            "{to}"
        );
    }
}

#[test]
fn an_endless_input_is_refused_before_memory_runs_out() {
    // Read as TOML, which takes up to some 45 times its size in memory: refused at 64 MB,
    // with the way to JSON, which takes up to some 35 times and may be larger.
    let (code, out, err) = run(&["districts", "--data", "/dev/zero"]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_eq!(
        err,
        "error: /dev/zero holds more than 64 MB, more than a TOML dataset may be: a TOML \
         dataset takes up to some 45 times the file's size in memory. JSON is the format for \
         large datasets, read several times faster; convert it once with \
         `KARABAKH_MAX_DATA_MB=N karabakh --data /dev/zero data export --format json > \
         data.json`, N the file's size in MB\n"
    );
    let endless_json = std::env::temp_dir().join(format!("endless-{}.json", std::process::id()));
    std::os::unix::fs::symlink("/dev/zero", &endless_json).unwrap();
    let (code, out, err) = run(&["districts", "--data", endless_json.to_str().unwrap()]);
    let _ = std::fs::remove_file(&endless_json);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_eq!(
        err,
        format!(
            "error: {} holds more than 100 MB, more than a dataset may be: a JSON dataset takes \
             up to some 35 times the file's size in memory; if it really is a dataset and there \
             is the memory, allow more with KARABAKH_MAX_DATA_MB=N, N in MB\n",
            endless_json.display()
        )
    );
    // The limit can be raised, or lowered.
    let file = dataset_file(MINIMAL);
    let path = file.path().to_str().unwrap();
    let small = karabakh(&["districts", "--data", path])
        .env("KARABAKH_MAX_DATA_MB", "1")
        .output()
        .unwrap();
    assert!(small.status.success());
    let bad = karabakh(&["districts", "--data", path])
        .env("KARABAKH_MAX_DATA_MB", "lots")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("a whole number of megabytes"));
}

#[test]
fn the_data_size_limit_is_said_in_its_own_terms_and_never_limits_the_built_in_data() {
    let file = dataset_file(MINIMAL);
    let path = file.path().to_str().unwrap();
    let with = |value: &str, args: &[&str]| {
        let out = karabakh(args)
            .env("KARABAKH_MAX_DATA_MB", value)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(
        with("0", &["districts", "--data", path]),
        (
            Some(2),
            "error: KARABAKH_MAX_DATA_MB is 0; it must be at least 1 megabyte, such as 4000\n"
                .to_owned()
        )
    );
    assert_eq!(with("0", &["data", "check", path]).0, Some(2));
    // More megabytes than there are bytes to count is no limit.
    assert_eq!(
        with("99999999999999999999999", &["districts", "--data", path]),
        (Some(0), String::new())
    );
    // The built-in data is not a file the limit is for.
    for value in ["0", "1", "lots"] {
        assert_eq!(
            with(value, &["totals"]),
            (Some(0), String::new()),
            "{value}"
        );
        assert_eq!(with(value, &["data", "check"]).0, Some(0), "{value}");
    }
}

#[test]
fn a_file_rewritten_while_it_is_read_gives_an_answer_or_a_message_never_a_crash() {
    let good = {
        let mut s = String::from(HEAD);
        for i in 0..20_000 {
            territory(&mut s, i, "");
        }
        s
    };
    let file = dataset_file(&good);
    let path = file.path().to_owned();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop, good) = (path.clone(), stop.clone(), good.clone());
        std::thread::spawn(move || {
            let mut n = 0u8;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Truncated, rewritten in place with garbage, and whole again.
                let _ = std::fs::write(&path, &good[..good.len() / 3]);
                let garbage: Vec<u8> = (0..good.len()).map(|i| (i as u8) ^ n).collect();
                let _ = std::fs::write(&path, garbage);
                let _ = std::fs::write(&path, &good);
                n = n.wrapping_add(1);
            }
        })
    };
    for _ in 0..20 {
        let out = karabakh(&[
            "totals",
            "--data",
            path.to_str().unwrap(),
            "--format",
            "tsv",
        ])
        .output()
        .unwrap();
        // Success, or a message about the dataset: never a signal, a panic or a hang.
        assert!(
            matches!(out.status.code(), Some(0) | Some(2)),
            "{:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
}

#[test]
fn an_empty_dataset_variable_is_as_if_it_were_unset() {
    let out = karabakh(&[
        "totals",
        "--format",
        "tsv",
        "--no-header",
        "--fields",
        "area_km2",
    ])
    .env("KARABAKH_DATA", "")
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "14393\n");
}

#[test]
fn a_field_named_twice_is_refused() {
    let (code, out, err) = run(&["districts", "--fields", "id,id", "--format", "json"]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert_eq!(
        err,
        "error: `--fields` names `id` twice; name each field once\n"
    );
}

/// The one message `districts` gives for the minimal dataset with `to` in place of `from`.
fn message_for(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "{from:?}");
    let file = dataset_file(&MINIMAL.replacen(from, to, 1));
    let (code, out, err) = run(&["districts", "--data", file.path().to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (Some(2), ""), "{err}");
    err.replace(file.path().to_str().unwrap(), "{file}")
}

#[test]
fn messages_speak_of_dates_and_areas_never_of_serde() {
    assert_eq!(
        message_for("occupied = 2001-02-03", "occupied = { a = 1 }"),
        "error: {file}:16:12: territories[0].occupied: expected a date, found a table\n"
    );
    assert_eq!(
        message_for("area_km2 = 100\n", "area_km2 = 1993-01-01\n"),
        "error: {file}:17:12: territories[0].area_km2: invalid type: a date, expected a whole \
         number\n"
    );
}

#[test]
fn a_date_follows_one_rule_however_it_is_written() {
    assert_eq!(
        message_for("occupied = 2001-02-03", "occupied = 0000-01-01"),
        "error: {file}:16:12: territories[0].occupied: `0000-01-01` is not a date: the year must \
         lie between 0001 and 9999 (write a day 1992-05-08, a month 1992-02, a year 1987, a span \
         of years 1988/1992 or a decade 1990s)\n"
    );
    assert_eq!(
        message_for("occupied = \"1999\"", "occupied = \" 1999 \""),
        "error: {file}:24:12: territories[1].occupied: ` 1999 ` is not a date: a year must be \
         four digits (write a day 1992-05-08, a month 1992-02, a year 1987, a span of years \
         1988/1992 or a decade 1990s)\n"
    );
}

#[test]
fn json_followed_by_more_text_is_placed_and_quoted() {
    let json = stdout(&[
        "data",
        "export",
        "--format",
        "json",
        "--data",
        &minimal_path(),
    ]);
    let file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(file.path(), format!("{json}\n]oops")).unwrap();
    let path = file.path().to_str().unwrap();
    let (code, _, err) = run(&["districts", "--data", path]);
    let lines = json.lines().count() + 2;
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        format!(
            "error: {path}:{lines}:1: `]oops` follows the end of the dataset; a JSON dataset is \
             one object, with nothing after its closing `}}`\n"
        )
    );
}

fn minimal_path() -> String {
    format!("{}/tests/data/minimal.toml", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_key_of_very_many_parts_is_placed() {
    let key = vec!["a"; 100_000].join(".");
    assert_eq!(
        message_for(
            "kind = \"district\"\n",
            &format!("kind = \"district\"\n{key} = 1\n")
        ),
        "error: {file}:16:1: a key or table name of 80 or more dotted parts, more than the TOML \
         reader allows; a dataset's keys have at most three\n"
    );
}

#[test]
fn a_utf32_file_is_named_as_such() {
    let mut bytes = vec![0xFF, 0xFE, 0, 0];
    bytes.extend(MINIMAL.chars().flat_map(|c| (c as u32).to_le_bytes()));
    let file = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::fs::write(file.path(), bytes).unwrap();
    let path = file.path().to_str().unwrap();
    let (code, _, err) = run(&["districts", "--data", path]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        format!(
            "error: {path}: the dataset is UTF-32 text, which karabakh does not read; save it as \
             UTF-8 (or UTF-16)\n"
        )
    );
}

#[test]
fn invisible_characters_are_shown_escaped_in_tables_and_messages() {
    let file = dataset_file(&MINIMAL.replacen("name = \"South\"", "name = \"So\u{200b}uth\"", 1));
    let path = file.path().to_str().unwrap();
    let table = stdout(&["districts", "--data", path, "--format", "table"]);
    assert!(table.contains("So\\u{200b}uth"), "{table}");
    let (_, _, err) = run(&["show", "south x", "--data", path]);
    assert!(
        err.contains("did you mean: So\\u{200b}uth (south)?"),
        "{err}"
    );
    // Machine formats keep the text exactly.
    let tsv = stdout(&[
        "districts",
        "--data",
        path,
        "--fields",
        "name",
        "--no-header",
    ]);
    assert!(tsv.contains("So\u{200b}uth"));
}

#[test]
fn a_missing_section_is_diagnosed_alike_in_a_small_file_and_a_large_one() {
    let without = |n: usize| {
        let mut s = String::from(HEAD);
        for i in 0..n {
            territory(&mut s, i, "");
        }
        s.replacen("[[sources]]\nid = \"s\"\ntitle = \"S\"\n", "", 1)
    };
    for n in [1, 5_000] {
        let file = dataset_file(&without(n));
        let (code, _, err) = run(&["districts", "--data", file.path().to_str().unwrap()]);
        assert_eq!(code, Some(2));
        let err = err.replace(file.path().to_str().unwrap(), "{file}");
        assert!(
            err.starts_with(&format!(
                "error: {{file}} has {} problems:\n  {{file}}: missing `sources`; every dataset \
                 needs `schema`, `country`, `sources` and `territories`\n",
                n + 2
            )),
            "{n}: {}",
            &err[..err.len().min(600)]
        );
    }
}

#[test]
fn a_prefix_without_digits_is_not_a_number_and_a_number_too_large_says_so() {
    for (written, message) in [
        (
            "0x",
            "not a number: a whole number is written with the digits 0 to 9 (or 0x, 0o or 0b and digits after it)",
        ),
        (
            "0b",
            "not a number: a whole number is written with the digits 0 to 9 (or 0x, 0o or 0b and digits after it)",
        ),
        (
            "0o",
            "not a number: a whole number is written with the digits 0 to 9 (or 0x, 0o or 0b and digits after it)",
        ),
        (
            "0xffffffffffffffffffffffffffffffffffffffff",
            "a whole number too large to hold",
        ),
    ] {
        let text = MINIMAL.replacen("area_km2 = 100\n", &format!("area_km2 = {written}\n"), 1);
        let file = dataset_file(&text);
        let (code, out, err) = run(&["districts", "--data", file.path().to_str().unwrap()]);
        assert_eq!((code, out.as_str()), (Some(2), ""), "{written}");
        assert_eq!(
            err,
            format!(
                "error: {}:17:12: territories[0].area_km2: {message}\n",
                file.path().display()
            ),
            "{written}"
        );
    }
}
