//! The `karabakh` binary: parse the command line, run, report an error once.

#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    // When the shell asks for completions, the answer is all the program does.
    karabakh::complete::answer_the_shell();
    let mut command = karabakh::cli::Cli::command();
    let parsed = (command.try_get_matches_from_mut(std::env::args_os()))
        .and_then(|mut matches| karabakh::cli::Cli::from_arg_matches_mut(&mut matches));
    // The process ends soon: freeing the command line's definition, piece by piece, would
    // only cost time at every start.
    std::mem::forget(command);
    let result = match parsed {
        Ok(cli) => karabakh::app::run(cli),
        // Help, the version or a usage error: clap's text, written as any output is.
        Err(clap_said) => karabakh::app::clap_said(&clap_said),
    };
    match result {
        Ok(code) => code,
        Err(err) if karabakh::app::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Messages quote the dataset, whose text must not act on the terminal.
            let message = karabakh::output::escape_lines_for_terminal(&format!("{err:#}"));
            // Where standard error cannot be written either, the exit code still tells.
            let _ = writeln!(std::io::stderr().lock(), "error: {message}");
            karabakh::app::exit_code(&err)
        }
    }
}
