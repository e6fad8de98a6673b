//! A pipe that closes early is a normal end: exit 0, nothing on standard error.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Output, Stdio};

use common::{MINIMAL, dataset_file};

/// Runs `karabakh ARGS --data DATA`, reads one line of its output and closes the pipe; returns
/// that line and how the program ended.
fn first_line_then_close(args: &[&str], data: &Path) -> (String, Output) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_karabakh"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env_remove("KARABAKH_DATA")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, closing the pipe.
    (first, child.wait_with_output().unwrap())
}

#[test]
fn a_reader_that_stops_after_one_line_ends_the_program_quietly() {
    // Enough rows that the output outgrows the pipe's buffer before the reader goes away.
    let mut text = MINIMAL.to_owned();
    for i in 0..20_000 {
        text.push_str(&format!(
            "\n[[territories]]\nid = \"t{i}\"\nname = \"T{i}\"\nkind = \"district\"\n\
             occupied = 1993-01-01\narea_km2 = {}\nsource = \"atlas\"\n",
            i % 900 + 1
        ));
    }
    let file = dataset_file(&text);
    let (first, output) = first_line_then_close(&["districts"], file.path());
    assert_eq!(
        first,
        "id\tname\tname_az\tkind\toccupied\tarea_km2\trestored\tyears_held\tsource\trestored_scope\trestored_source\n"
    );
    assert!(output.status.success(), "exit status {:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn a_closed_pipe_ends_every_format_quietly_on_a_large_dataset() {
    for format in common::FORMATS {
        let (first, output) =
            first_line_then_close(&["timeline", "--format", format], common::large_dataset());
        assert!(!first.is_empty(), "{format}: no output");
        assert!(
            output.status.success(),
            "{format}: exit status {:?}",
            output.status
        );
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{format}");
    }
}
