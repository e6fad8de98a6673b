//! The helper every integration test runs `karabakh` through.

#![allow(dead_code)]

use assert_cmd::cargo::cargo_bin_cmd;

/// The program under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_karabakh");

/// `karabakh` with `args`, in a clean environment: no dataset, colour or width variables from
/// the machine running the tests.
pub fn karabakh(args: &[&str]) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("karabakh");
    cmd.args(args)
        .env_remove("KARABAKH_DATA")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS");
    cmd
}

/// The standard output of a successful run, which must leave standard error empty.
pub fn stdout(args: &[&str]) -> String {
    String::from_utf8(stdout_bytes(args)).expect("output is UTF-8")
}

/// The standard output of a successful run that writes nothing to standard error, as bytes.
pub fn stdout_bytes(args: &[&str]) -> Vec<u8> {
    let output = karabakh(args).output().expect("karabakh runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "karabakh {args:?} failed: {stderr}"
    );
    assert!(
        stderr.is_empty(),
        "karabakh {args:?} wrote to stderr: {stderr}"
    );
    output.stdout
}

/// The exit code and standard error of a run that must write nothing to standard output.
pub fn refused(args: &[&str]) -> (Option<i32>, String) {
    let out = karabakh(args).output().unwrap();
    assert!(out.stdout.is_empty(), "{args:?}");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What `command` printed; it must run and succeed, and `program` names it if it does not.
pub fn succeeded(command: &mut std::process::Command, program: &str) -> std::process::Output {
    let output = (command.output()).unwrap_or_else(|e| panic!("{program} does not run: {e}"));
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The formats a test forces, since under the test harness stdout is never a terminal.
pub const FORMATS: [&str; 7] = ["table", "tsv", "csv", "json", "jsonl", "markdown", "sql"];

/// Snapshots the output of `args` in every format, one snapshot each.
pub fn snapshot_every_format(name: &str, args: &[&str]) {
    for format in FORMATS {
        let mut full = args.to_vec();
        full.extend(["--format", format]);
        let output = stdout(&full);
        // Snapshots live in tests/snapshots, named after the command and format alone.
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("{name}.{format}"), output, &full.join(" "));
        });
    }
}

/// Writes `text` to a temporary `.toml` file and returns it (kept alive by the handle).
pub fn dataset_file(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .suffix(".toml")
        .tempfile()
        .expect("temp file");
    std::io::Write::write_all(&mut file, text.as_bytes()).expect("write temp file");
    file
}

/// A smallest valid dataset: only the required keys.
pub const MINIMAL: &str = include_str!("../../data/minimal.toml");

/// A valid dataset of `n` territories in TOML: varied dates, kinds and areas, every tenth a
/// region that the next territory lies within, and a restoration for each.
pub fn generated_dataset(n: usize) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(n * 220);
    s.push_str(
        "schema = 1\n\n[country]\nname = \"Testland\"\narea_km2 = 4000000000\nsource = \"atlas\"\n\n\
         [[sources]]\nid = \"atlas\"\ntitle = \"An atlas\"\n",
    );
    for i in 0..n {
        let (year, month, day) = (1900 + i % 100, 1 + i % 12, 1 + i % 28);
        let region = i % 10 == 0;
        let area = if region {
            100_000
        } else {
            1 + (i * 7919) % 5000
        };
        let _ = write!(
            s,
            "\n[[territories]]\nid = \"t{i}\"\nname = \"Territory {i}\"\nname_az = \"Ərazi {i}\"\n\
             kind = \"{}\"\noccupied = {year:04}-{month:02}-{day:02}\narea_km2 = {area}\n\
             source = \"atlas\"\nrestored = {{ date = {:04}-{month:02}-{day:02}, source = \"atlas\" }}\n",
            if region { "region" } else { "district" },
            year + 10
        );
        if i % 10 == 1 {
            let _ = writeln!(s, "within = \"t{}\"", i - 1);
        }
    }
    s
}

/// A generated dataset of 10,000 territories, written once per test binary.
pub fn large_dataset() -> &'static std::path::Path {
    static FILE: std::sync::OnceLock<tempfile::TempPath> = std::sync::OnceLock::new();
    FILE.get_or_init(|| dataset_file(&generated_dataset(10_000)).into_temp_path())
}

/// The width of a line as a terminal shows it, colour codes aside.
pub fn shown_width(line: &str) -> usize {
    let mut width = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            width += 1;
        }
    }
    width
}

/// `$PATH` with the freshly built `karabakh` first, for tests that run it from a shell.
pub fn path_with_karabakh() -> std::ffi::OsString {
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_karabakh"));
    let mut path = vec![binary.parent().expect("the binary's folder").to_owned()];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(path).expect("a PATH")
}

/// Checks that `program` runs (`program PROBE...` succeeds), and fails with what to do if not.
/// The tests that call it are marked `#[ignore = "needs PROGRAM"]`: `cargo test` counts them
/// as ignored, and `.ci/run` installs the programs and runs them too
/// (`cargo test -- --include-ignored`).
pub fn require(program: &str, probe: &[&str]) {
    let found = std::process::Command::new(program)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "`{program} {}` does not run: this test needs {program}; `.ci/run` installs it",
        probe.join(" ")
    );
}

/// The pixels of a PNG file as RGBA, with its width and height.
pub fn pixels(path: &std::path::Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    (info.width, info.height, rgba)
}

/// The share of the pixels of a PNG that are neither white nor transparent.
pub fn inked_share(path: &std::path::Path) -> f64 {
    let (_, _, rgba) = pixels(path);
    let inked = rgba
        .chunks(4)
        .filter(|p| p[3] > 0 && (p[0] < 240 || p[1] < 240 || p[2] < 240))
        .count();
    inked as f64 / (rgba.len() / 4) as f64
}

/// Headless Chromium with `args`, run on `url`; its standard output. Fails without it.
pub fn chromium(args: &[&str], url: &str) -> String {
    require("chromium", &["--version"]);
    let profile = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new("chromium");
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url);
    let output = succeeded(&mut command, "chromium");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn file_url(path: &std::path::Path) -> String {
    format!("file://{}", path.canonicalize().unwrap().display())
}

/// The SHA-256 of the built-in dataset as `data export --format json` writes it: the hash
/// that names its edition.
pub fn dataset_sha256() -> String {
    use sha2::Digest;
    let json = stdout(&["data", "export", "--format", "json"]);
    let digest = sha2::Sha256::digest(json.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs `python3 -c CODE ARGS`; its standard output. Fails without python3 or `module`.
pub fn python(module: &str, code: &str, args: &[&str]) -> String {
    require("python3", &["-c", &format!("import {module}")]);
    let output = succeeded(
        std::process::Command::new("python3")
            .arg("-c")
            .arg(code)
            .args(args),
        "python3",
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Runs `node -e CODE` with `input` on its standard input and the npm packages that `.ci/run`
/// installs in target/tools; its standard output. Fails without node or `package`.
pub fn node(package: &str, code: &str, input: &str) -> String {
    require("node", &["--version"]);
    let modules =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tools/node_modules");
    assert!(
        modules.join(package).exists(),
        "{} is missing: this test needs npm's {package}; `.ci/run` installs it",
        modules.join(package).display()
    );
    let output = assert_cmd::Command::new("node")
        .arg("-e")
        .arg(code)
        .env("NODE_PATH", &modules)
        .write_stdin(input)
        .output()
        .unwrap_or_else(|e| panic!("node does not run: {e}"));
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}
