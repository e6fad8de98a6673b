//! `--output`: a file is written whole or not at all, and never the dataset being read.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use common::{BIN, karabakh, refused, stdout};

/// The names of the files in `dir`.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn output_onto_the_dataset_being_read_is_refused_however_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("my.toml");
    let original = std::fs::read_to_string("data.toml").unwrap();
    std::fs::write(&data, &original).unwrap();
    std::os::unix::fs::symlink(&data, dir.path().join("link.toml")).unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let cases = [
        (at("my.toml"), at("my.toml")),
        (at("link.toml"), at("my.toml")),
        (at("my.toml"), format!("{}/./my.toml", dir.path().display())),
    ];
    for (read, written) in cases {
        let (code, stderr) = refused(&[
            "--data",
            &read,
            "districts",
            "--format",
            "tsv",
            "--output",
            &written,
        ]);
        assert_eq!(code, Some(2), "{stderr}");
        assert_eq!(
            stderr,
            format!(
                "error: --output {written} is the dataset being read ({read}): it would be \
                 replaced by the output; write to another file\n"
            )
        );
        assert_eq!(std::fs::read_to_string(&data).unwrap(), original);
    }
    // KARABAKH_DATA names the dataset too.
    let out = karabakh(&["districts", "--format", "tsv", "--output", &at("my.toml")])
        .env("KARABAKH_DATA", at("link.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&data).unwrap(), original);
}

#[test]
fn a_write_that_fails_half_way_leaves_the_old_file_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, "the old page\n").unwrap();
    // A file-size limit of 4 KiB, far below the page; with SIGXFSZ ignored the write fails.
    let script = format!(
        "trap '' XFSZ; ulimit -f 8; exec {BIN} report --output {}",
        page.display()
    );
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error: cannot write {}: File too large",
            page.display()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "the old page\n");
    assert_eq!(files_in(dir.path()), ["page.html"]);
}

#[test]
fn parallel_runs_writing_one_file_leave_one_whole_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.json");
    let file = file.to_str().unwrap();
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(BIN)
                .args(["timeline", "--format", "json", "--output", file])
                .env_remove("KARABAKH_DATA")
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    assert_eq!(
        std::fs::read_to_string(file).unwrap(),
        stdout(&["timeline", "--format", "json"])
    );
    assert_eq!(files_in(dir.path()), ["t.json"]);
}

#[test]
fn a_file_replaced_keeps_its_mode_and_a_new_one_gets_the_mode_of_any_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("kept.tsv");
    std::fs::write(&kept, "old\n").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(stdout(&["totals", "--output", kept.to_str().unwrap()]), "");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&kept), 0o640);
    // A file this process creates has the mode the umask leaves.
    let reference = dir.path().join("reference");
    std::fs::File::create(&reference).unwrap();
    let new = dir.path().join("new.tsv");
    assert_eq!(stdout(&["totals", "--output", new.to_str().unwrap()]), "");
    assert_eq!(mode(&new), mode(&reference));
}

#[test]
fn output_through_a_link_writes_the_file_it_points_to_and_a_device_is_written_to() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("target.csv");
    let link = dir.path().join("link.csv");
    std::fs::write(&target, "old\n").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(stdout(&["totals", "--output", link.to_str().unwrap()]), "");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        stdout(&["totals", "--format", "csv"])
    );
    assert_eq!(
        stdout(&["totals", "--format", "csv", "--output", "/dev/null"]),
        ""
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}
