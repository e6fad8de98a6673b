//! The `karabakh` binary: parse the command line, run, report an error once.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = karabakh::cli::Cli::parse();
    match karabakh::app::run(cli) {
        Ok(code) => code,
        Err(err) if karabakh::app::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            karabakh::app::exit_code(&err)
        }
    }
}
