//! The pictures in `docs/`, which the README shows, are what karabakh makes now.
//! `KARABAKH_UPDATE_DOCS=1 cargo test docs:: -- --include-ignored` makes them again.

use crate::common;

use std::path::Path;

use common::{chromium, file_url, pixels, stdout};

fn update() -> bool {
    std::env::var_os("KARABAKH_UPDATE_DOCS").is_some()
}

fn docs(file: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(file)
}

#[test]
fn the_charts_in_docs_are_the_ones_karabakh_draws_now() {
    for (file, args) in [
        (
            "areas.svg",
            &["chart", "--format", "svg", "--sort", "area", "--reverse"][..],
        ),
        (
            "held-over-time.svg",
            &["chart", "--format", "svg", "--over-time"][..],
        ),
    ] {
        let now = stdout(args);
        if update() {
            std::fs::write(docs(file), &now).unwrap();
        }
        let committed = std::fs::read_to_string(docs(file)).unwrap_or_default();
        assert!(
            committed == now,
            "docs/{file} is not what `karabakh {}` draws now; \
             KARABAKH_UPDATE_DOCS=1 cargo test docs:: -- --include-ignored makes it again",
            args.join(" ")
        );
    }
}

#[test]
#[ignore = "needs chromium"]
fn the_screenshot_in_docs_is_of_the_page_karabakh_writes_now() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, stdout(&["report"])).unwrap();
    let shot = dir.path().join("report.png");
    chromium(
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,1400",
        ],
        &file_url(&page),
    );
    if update() {
        std::fs::copy(&shot, docs("report.png")).unwrap();
    }
    let (w, h, now) = pixels(&shot);
    let (cw, ch, committed) = pixels(&docs("report.png"));
    assert_eq!(
        (cw, ch),
        (w, h),
        "docs/report.png is {cw}×{ch}, the page {w}×{h}"
    );
    // Fonts are drawn alike from run to run; a changed page changes far more than this.
    let differ = (now.chunks(4).zip(committed.chunks(4)))
        .filter(|(a, b)| a != b)
        .count();
    let share = differ as f64 / f64::from(w * h);
    assert!(
        share < 0.002,
        "docs/report.png differs from the page karabakh writes now in {:.2}% of its pixels; \
         KARABAKH_UPDATE_DOCS=1 cargo test docs:: -- --include-ignored takes it again",
        share * 100.0
    );
}

#[test]
fn the_citation_file_names_the_version_and_the_edition_the_program_does() {
    let cff = include_str!("../../CITATION.cff");
    let version = common::stdout(&["--version"]);
    // "karabakh 0.1.0 (dataset: edition 2026-12 of 2026-12-03, …".
    let words: Vec<&str> = version.split([' ', ',']).collect();
    let (program, edition, released) = (words[1], words[4], words[6]);
    assert!(cff.contains(&format!("\nversion: {program}\n")), "{cff}");
    assert!(
        cff.contains(&format!("\ndate-released: {released}\n")),
        "{cff}"
    );
    assert!(
        cff.contains(&format!(
            "edition {edition}\"\n    version: \"{edition}\"\n    date-released: {released}\n"
        )),
        "{cff}"
    );
    assert!(cff.contains("license: CC-BY-4.0"), "{cff}");
    let licence = include_str!("../../LICENSE-DATA.md");
    assert!(licence.contains("CC BY 4.0"), "{licence}");
}
