//! The program's own documentation, made from the command-line definition: the overview
//! printed without a command, the manual pages and the shell completions.

use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;

use crate::cli::Cli;

/// The short overview of the commands that `karabakh` prints when run without one, as `gh`
/// does: what it is, the commands with a line each, a few examples and where to read more;
/// wrapped to `width` columns where one is given.
pub fn overview(width: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    let cli = Cli::command();
    // Lines are broken at spaces to the width, those after the first indented by `indent`.
    let wrap = |text: &str, indent: usize| match width {
        Some(width) => {
            let hang = " ".repeat(indent);
            let options = textwrap::Options::new(width.max(indent + 20))
                .subsequent_indent(&hang)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            textwrap::fill(text, options)
        }
        None => text.to_owned(),
    };
    writeln!(
        out,
        "{}\n",
        wrap(
            "karabakh: the sourced figures of the Armenia–Azerbaijan conflict over Nagorno-Karabakh",
            2
        )
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
        let line = format!("  {:width$}  {about}", command.get_name());
        writeln!(out, "{}", wrap(&line, width + 4))?;
    }
    writeln!(
        out,
        "\nExamples:\n  \
         karabakh districts --sort date\n  \
         karabakh totals\n  \
         karabakh show kelbajar\n  \
         karabakh chart --cumulative\n  \
         karabakh districts --format json | jq '.[] | .name'\n\n\
         {}",
        wrap(
            "`karabakh COMMAND --help` explains a command; `karabakh --help` lists every option.",
            0
        )
    )
}

/// The manual pages, in roff, one after the other: karabakh(1), then the page of each
/// command (karabakh-districts(1), ...).
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let command = man_command();
    for page in pages(&command) {
        write_page(page, page.get_name() == command.get_name(), out)?;
    }
    Ok(())
}

/// Writes the manual pages to `dir`, a file a page (`karabakh.1`, `karabakh-districts.1`, ...),
/// where `man` finds them.
pub fn man_to(dir: &Path) -> io::Result<()> {
    let command = man_command();
    for page in pages(&command) {
        let name = clap_mangen::Man::new(page.clone()).get_filename();
        let mut file = io::BufWriter::new(std::fs::File::create(dir.join(name))?);
        write_page(page, page.get_name() == command.get_name(), &mut file)?;
        file.flush()?;
    }
    Ok(())
}

// The command and every command under it, depth first.
fn pages(command: &clap::Command) -> Vec<&clap::Command> {
    let mut all = vec![command];
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        all.extend(pages(sub));
    }
    all
}

// One page as clap_mangen renders its sections, with the sections it has no way to make:
// the exit status and the environment on the main page, and on a command's page a pointer to
// the main one.
fn write_page(command: &clap::Command, main: bool, out: &mut dyn Write) -> io::Result<()> {
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(out)?;
    }
    if command.get_subcommands().any(|c| !c.is_hide_set()) {
        man.render_subcommands_section(out)?;
    }
    if command.get_after_help().is_some() || command.get_after_long_help().is_some() {
        man.render_extra_section(out)?;
    }
    let mut roff = roff::Roff::new();
    if main {
        definitions(&mut roff, "EXIT STATUS", EXIT_STATUS);
        definitions(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    } else {
        roff.control("SH", ["SEE ALSO"]);
        roff.text([roff::bold("karabakh"), roff::roman("(1)")]);
    }
    roff.to_writer(out)?;
    man.render_version_section(out)
}

// A section of terms, each with its definition.
fn definitions(roff: &mut roff::Roff, heading: &str, items: &[(&str, &str)]) {
    roff.control("SH", [heading]);
    for (term, definition) in items {
        roff.control("TP", []);
        roff.text([roff::bold(*term)]);
        roff.text([roff::roman(*definition)]);
    }
}

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "Nothing has the name or id asked for (show, figures ID, sources ID, timeline --territory).",
    ),
    (
        "2",
        "A usage error, an invalid dataset, or output that cannot be written (such as a full \
         disk).",
    ),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "KARABAKH_DATA",
        "The dataset file to read when --data is not given; an empty value is ignored.",
    ),
    (
        "KARABAKH_MAX_DATA_MB",
        "The largest dataset file read, in megabytes (100 for TOML and 1000 for JSON unless set).",
    ),
    (
        "KARABAKH_PAGER",
        "The pager for long output on a terminal; empty or cat for none.",
    ),
    (
        "PAGER",
        "The pager when KARABAKH_PAGER is not set; less -FRX unless set.",
    ),
    (
        "NO_COLOR",
        "Set to anything but empty: no colour (no-color.org).",
    ),
    ("CLICOLOR", "0: no colour."),
    (
        "CLICOLOR_FORCE",
        "Set and not 0: colour even when the output is not a terminal.",
    ),
    (
        "COLUMNS",
        "The width to fit tables and charts to when the output is not a terminal.",
    ),
];

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
