//! The `karabakh` binary: parse the command line, run, report an error once.

#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // When the shell asks for completions, the answer is all the program does.
    karabakh::complete::answer_the_shell();
    let result = match karabakh::cli::Cli::try_parse() {
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
