//! The integration tests of karabakh, in one test binary (as ripgrep and fd have them), so that
//! a change relinks one binary, not one for each file. Each module tests one concern through the
//! built program.

mod common;

mod bad_data;
mod chart;
mod check;
mod commands;
mod data_commands;
mod docs;
mod errors;
mod fields_and_units;
mod fuzz_regressions;
mod hostile_input;
mod hostile_text;
mod output_files;
mod pipes;
mod properties;
mod publish;
mod readme;
mod scale;
mod shell;
mod source_document;
mod terminal;
