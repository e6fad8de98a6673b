//! The application: resolve the choices, load the data, run the command, write the report.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, ColorChoice, Command, FormatChoice, Global, GroupBy};
use crate::commands::{self, show::NotFound};
use crate::data::{self, Dataset};
use crate::output::{self, Format, Options, Report};
use crate::query::DateRange;

/// Runs the command `cli` describes, writing its report to standard output.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let (format, options) = resolve(&cli.global, io::stdout().is_terminal(), no_color());
    let ds = load(&cli.global)?;
    let report = report(&ds, &cli.command)?;
    let mut out = BufWriter::new(io::stdout().lock());
    output::render(&report, format, options, &mut out).context("cannot write the output")?;
    out.flush().context("cannot write the output")?;
    Ok(ExitCode::SUCCESS)
}

/// The exit code for an error: 1 when `show` found nothing, 2 for usage and data errors.
pub fn exit_code(err: &anyhow::Error) -> ExitCode {
    if err.downcast_ref::<NotFound>().is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    }
}

/// Whether the error is a closed pipe, which ends the program quietly, as in ripgrep.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

// NO_COLOR counts when set to anything but the empty string (no-color.org).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Resolves every "auto" choice once: the format and colour follow the terminal unless a
/// flag says otherwise, and an explicit flag always wins over the environment.
pub fn resolve(global: &Global, stdout_is_terminal: bool, no_color: bool) -> (Format, Options) {
    let format = match global.format {
        FormatChoice::Auto if stdout_is_terminal => Format::Table,
        FormatChoice::Auto | FormatChoice::Tsv => Format::Tsv,
        FormatChoice::Table => Format::Table,
        FormatChoice::Csv => Format::Csv,
        FormatChoice::Json => Format::Json,
        FormatChoice::Markdown => Format::Markdown,
    };
    let color = match global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout_is_terminal && !no_color,
    };
    let options = Options {
        header: !global.no_header,
        color,
    };
    (format, options)
}

fn load(global: &Global) -> Result<Dataset, data::DataError> {
    match &global.data {
        Some(path) => data::from_path(path),
        None => data::embedded(),
    }
}

fn report(ds: &Dataset, command: &Command) -> anyhow::Result<Report> {
    Ok(match command {
        Command::Districts(args) => {
            commands::districts::report(ds, &args.filter.filter(), args.sort.into(), args.reverse)
        }
        Command::Totals(args) => match args.by {
            None => commands::totals::report(ds, &args.filter.filter()),
            Some(GroupBy::Year) => commands::totals::by_year(ds, &args.filter.filter()),
        },
        Command::Show(args) => commands::show::report(ds, &args.name)?,
        Command::Figures(args) if args.history => commands::figures::history(ds),
        Command::Figures(_) => commands::figures::latest(ds),
        Command::Timeline(args) => commands::timeline::report(
            ds,
            DateRange {
                since: args.since,
                until: args.until,
            },
        ),
        Command::Sources => commands::sources::report(ds),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn global(args: &[&str]) -> Global {
        let mut argv = vec!["karabakh"];
        argv.extend_from_slice(args);
        argv.push("sources");
        Cli::try_parse_from(argv).unwrap().global
    }

    #[test]
    fn auto_format_is_a_table_on_a_terminal_and_tsv_in_a_pipe() {
        assert_eq!(resolve(&global(&[]), true, false).0, Format::Table);
        assert_eq!(resolve(&global(&[]), false, false).0, Format::Tsv);
        assert_eq!(
            resolve(&global(&["--format", "json"]), true, false).0,
            Format::Json
        );
    }

    #[test]
    fn colour_follows_the_terminal_and_no_color_but_a_flag_wins() {
        assert!(resolve(&global(&[]), true, false).1.color);
        assert!(!resolve(&global(&[]), true, true).1.color);
        assert!(!resolve(&global(&[]), false, false).1.color);
        assert!(
            resolve(&global(&["--color", "always"]), false, true)
                .1
                .color
        );
        assert!(!resolve(&global(&["--color", "never"]), true, false).1.color);
    }
}
