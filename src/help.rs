//! The program's own documentation, made from the command-line definition: the overview
//! printed without a command, the manual page and the shell completions.

use std::io::{self, Write};

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

/// The manual page, in roff: the program's page, then a section for each command with its
/// description, options and examples.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let cli = Cli::command();
    let mut roff = Vec::new();
    clap_mangen::Man::new(cli.clone()).render(&mut roff)?;
    for command in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        man_section(&["karabakh"], command, &mut roff)?;
    }
    // roff is ASCII: other characters (the en dash, `ə`) are written as groff's escapes, so
    // that the page reads the same whatever the reader's locale and without `preconv`.
    let mut ascii = String::with_capacity(roff.len());
    for c in String::from_utf8_lossy(&roff).chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            ascii.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out.write_all(ascii.as_bytes())
}

// A command's part of the manual page: its own page without the page header, under a heading
// of its full name, its headings made subheadings. Nested commands follow their parent.
fn man_section(parents: &[&str], command: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    let mut path = parents.to_vec();
    path.push(command.get_name());
    let name = path.join(" ");
    let page = command
        .clone()
        .display_name(name.clone())
        .bin_name(name.clone());
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff)?;
    let roff = String::from_utf8_lossy(&roff);
    writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
    // The page header belongs to the whole page, and the heading above names the command.
    let mut in_name = false;
    for line in roff.lines() {
        if line.starts_with(".TH ") || line.starts_with(".ie ") || line.starts_with(".el ") {
            continue;
        }
        match line.strip_prefix(".SH ") {
            Some(heading) => {
                in_name = heading == "NAME";
                if !in_name {
                    writeln!(out, ".SS {heading}")?;
                }
            }
            None if in_name => {}
            None => writeln!(out, "{line}")?,
        }
    }
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        man_section(&path, sub, out)?;
    }
    Ok(())
}

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "karabakh", &mut script);
    out.write_all(&script)
}
