//! The `karabakh` binary: parse the command line, run, report an error once.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = karabakh::cli::Cli::parse();
    match karabakh::app::run(cli) {
        Ok(code) => code,
        Err(err) if karabakh::app::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Messages quote the dataset, whose text must not act on the terminal.
            let message = karabakh::output::escape_lines_for_terminal(&format!("{err:#}"));
            eprintln!("error: {message}");
            karabakh::app::exit_code(&err)
        }
    }
}
