//! The program's own documentation, made from the command-line definition: the overview
//! printed without a command, the manual pages and the shell completions.

use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;

use crate::cli::Cli;

/// The short overview of the commands that `karabakh` prints when run without one, as `gh`
/// does: what it is, the commands with a line each, a few examples and where to read more.
pub fn overview(out: &mut dyn Write) -> io::Result<()> {
    let cli = Cli::command();
    writeln!(
        out,
        "karabakh: the sourced figures of the Armenia–Azerbaijan conflict over Nagorno-Karabakh\n"
    )?;
    writeln!(out, "Usage: karabakh <COMMAND> [OPTIONS]\n")?;
    writeln!(out, "Commands:")?;
    let commands: Vec<_> = cli.get_subcommands().filter(|c| !c.is_hide_set()).collect();
    let width = commands
        .iter()
        .map(|c| c.get_name().len())
        .max()
        .unwrap_or(0);
    for command in commands {
        let about = command
            .get_about()
            .map(|a| a.to_string())
            .unwrap_or_default();
        writeln!(out, "  {:width$}  {about}", command.get_name())?;
    }
    writeln!(
        out,
        "\nExamples:\n  \
         karabakh districts --sort date\n  \
         karabakh totals\n  \
         karabakh show kelbajar\n  \
         karabakh chart --cumulative\n  \
         karabakh districts --format json | jq '.[] | .name'\n\n\
         `karabakh COMMAND --help` explains a command; `karabakh --help` lists every option."
    )
}

/// The manual pages, in roff, one after the other: karabakh(1), then the page of each
/// command (karabakh-districts(1), ...), as clap_mangen makes them.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    fn pages(command: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
        clap_mangen::Man::new(command.clone()).render(out)?;
        for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
            pages(sub, out)?;
        }
        Ok(())
    }
    pages(&man_command(), out)
}

/// Writes the manual pages to `dir`, a file a page, where `man` finds them.
pub fn man_to(dir: &Path) -> io::Result<()> {
    clap_mangen::generate_to(man_command(), dir)
}

// The command line as the pages describe it: built, so that each command's page is named
// after its path (`karabakh-data-check`); without the `help` command; and each page footed
// with the program's version, as the main page is.
fn man_command() -> clap::Command {
    fn versioned(command: clap::Command) -> clap::Command {
        command
            .version(env!("CARGO_PKG_VERSION"))
            .mut_subcommands(versioned)
    }
    let mut command = versioned(Cli::command().disable_help_subcommand(true));
    command.build();
    command
}

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "karabakh", &mut script);
    out.write_all(&script)
}
