//! The application: resolve the choices, load the data, run the command, write the output.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{
    ChartFormat, Cli, ColorChoice, Command, DataCommand, ExportFormat, FormatChoice, Global,
    GroupBy,
};
use crate::commands::{self, NotFound, data::Checked};
use crate::data::{self, DataFile, Dataset, Syntax};
use crate::help;
use crate::output::chart::ChartOptions;
use crate::output::{self, Format, Options};
use crate::query::AreaUnit;

/// Runs the command `cli` describes, writing its output to standard output.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let terminal = io::stdout().is_terminal();
    let unit = AreaUnit::from(cli.global.units);
    let Some(command) = &cli.command else {
        write_stdout(|out| help::overview(out))?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::Data(command) => return data_command(command, &cli.global),
        Command::Completions { shell } => {
            write_stdout(|out| crate::complete::registration(*shell, out))?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Man { dir: None } => {
            write_stdout(|out| help::man(out))?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Man { dir: Some(dir) } => {
            help::man_to(dir)
                .with_context(|| format!("cannot write the manual pages to {}", dir.display()))?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let file = read(&cli.global)?;
    let ds = load(file.as_ref())?;
    if let Command::Chart(args) = command {
        let filter = args.filter.filter()?;
        let chart = if args.over_time {
            commands::chart::over_time(&ds, &filter)
        } else if args.cumulative {
            commands::chart::cumulative(&ds, &filter)
        } else {
            commands::chart::bars(&ds, &filter, args.sort.into(), args.reverse)
        };
        let sink = Sink::new(args.output.as_deref(), terminal);
        match args.format {
            ChartFormat::Text => {
                let options = ChartOptions {
                    width: chart_width(args.width, sink.is_terminal()),
                    ascii: args.ascii,
                    color: sink.color(cli.global.color),
                    unit,
                };
                sink.write(pager(&cli.global, sink.is_terminal()), |out| {
                    output::chart::write(&chart, options, out)
                })?;
            }
            ChartFormat::Svg => {
                let size = svg_size(args.width, args.height)?;
                let picture =
                    output::svg::element(&chart, size, unit).map_err(anyhow::Error::msg)?;
                sink.write(None, |out| writeln!(out, "{picture}"))?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Cite(args) = command {
        let citations = commands::cite::cite(&ds, &args.name, args.field.as_deref(), unit)?;
        write_stdout(|out| output::cite::write(&citations, args.format.into(), out))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Report(args) = command {
        let sink = Sink::new(args.output.as_deref(), terminal);
        let page = commands::page::page(&ds, unit).map_err(anyhow::Error::msg)?;
        sink.write(None, |out| output::html::write(&page, out))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (mut report, output) = match command {
        Command::Data(_)
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Chart(_)
        | Command::Cite(_)
        | Command::Report(_) => {
            unreachable!("handled above")
        }
        Command::Districts(args) => (
            commands::districts::report(
                &ds,
                &args.filter.filter()?,
                args.sort.into(),
                args.reverse,
                unit,
            ),
            &args.output,
        ),
        Command::Totals(args) => {
            let filter = args.filter.filter()?;
            let report = match args.by {
                Some(GroupBy::Year) => commands::totals::by_year(&ds, &filter, unit),
                None if args.series => commands::totals::series(&ds, &filter, unit),
                None if filter.on.is_some() => commands::totals::on(&ds, &filter, unit),
                None => commands::totals::report(&ds, &filter, unit),
            };
            (report, &args.output)
        }
        Command::Show(args) => {
            let on = args.on.map(|d| d.first_day());
            (
                commands::show::report(&ds, &args.name, unit, on)?,
                &args.output,
            )
        }
        Command::Figures(args) => {
            let report = match (&args.id, args.history) {
                (Some(id), history) => commands::figures::one(&ds, id, history)?,
                (None, true) => commands::figures::history(&ds),
                (None, false) => commands::figures::latest(&ds),
            };
            (report, &args.output)
        }
        Command::Fields(args) => (
            commands::fields::report(&ds, args.command.map(|c| c.name()), unit),
            &args.output,
        ),
        Command::Timeline(args) => {
            let territory = (args.territory.as_deref())
                .map(|name| commands::show::territory(&ds, name))
                .transpose()?;
            let selection = commands::timeline::Selection {
                range: crate::cli::date_range(args.since, args.until)?,
                year: args.year,
                territory,
                kinds: args.kind.iter().map(|&k| k.into()).collect(),
            };
            (commands::timeline::report(&ds, &selection), &args.output)
        }
        Command::Sources(args) => {
            let report = match &args.id {
                Some(id) => commands::sources::one(&ds, id)?,
                None => commands::sources::report(&ds),
            };
            (report, &args.output)
        }
    };
    if let Some(fields) = &output.fields {
        report.select_fields(fields)?;
    }
    let sink = Sink::new(output.output.as_deref(), terminal);
    let format = match (
        output.format,
        output.output.as_deref().and_then(Format::of_file),
    ) {
        (FormatChoice::Auto, Some(by_name)) => by_name,
        (choice, _) => resolve_format(choice, sink.is_terminal()),
    };
    if format == Format::Xlsx && sink.is_terminal() {
        anyhow::bail!(
            "a workbook is binary and standard output is a terminal; redirect it \
             (> territories.xlsx) or give --output FILE"
        );
    }
    if output.bom && format != Format::Csv {
        anyhow::bail!("--bom is for CSV only; add --format csv");
    }
    let options = Options {
        header: !output.no_header,
        color: sink.color(cli.global.color),
        width: output::text::terminal_width(sink.is_terminal()),
        wide: output.wide,
        bom: output.bom,
    };
    let pager = pager(&cli.global, sink.is_terminal() && format == Format::Table);
    sink.write(pager, |out| {
        output::render(&report, format, options, &ds.sources, out)
    })?;
    // Tables and Markdown carry their notes; the machine formats have no room for them.
    if output.notes && !matches!(format, Format::Table | Format::Markdown) {
        let mut err = io::stderr().lock();
        for note in &report.notes {
            let note = output::escape_lines_for_terminal(note);
            writeln!(err, "note: {note}").context("cannot write the notes")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where the output goes: standard output, which may be a terminal, or a file.
enum Sink<'p> {
    /// Standard output.
    Stdout {
        /// Whether it is a terminal.
        terminal: bool,
    },
    /// A file given with `--output`.
    File(&'p std::path::Path),
}

impl<'p> Sink<'p> {
    fn new(path: Option<&'p std::path::Path>, stdout_is_terminal: bool) -> Self {
        match path {
            Some(path) => Sink::File(path),
            None => Sink::Stdout {
                terminal: stdout_is_terminal,
            },
        }
    }

    fn is_terminal(&self) -> bool {
        matches!(self, Sink::Stdout { terminal: true })
    }

    // Colour is for a terminal: a file gets it only when asked for.
    fn color(&self, choice: ColorChoice) -> bool {
        resolve_color(choice, self.is_terminal(), ColorEnv::read())
    }

    // Writes the output, through `pager` if there is one and this is the terminal.
    fn write(
        &self,
        pager: Option<String>,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Sink::Stdout { .. } => write_paged(pager, write),
            Sink::File(path) => {
                let context = || format!("cannot write {}", path.display());
                let file = std::fs::File::create(path).with_context(context)?;
                let mut out = BufWriter::new(file);
                write(&mut out).with_context(context)?;
                out.flush().with_context(context)
            }
        }
    }
}

/// The size of an SVG chart: `--width` and `--height` in pixels, or the defaults.
fn svg_size(width: Option<u16>, height: Option<u16>) -> anyhow::Result<output::svg::Size> {
    let width = width.unwrap_or(output::svg::DEFAULT_WIDTH);
    if width < crate::cli::MIN_PIXELS {
        anyhow::bail!(
            "an SVG chart {width} pixels wide is too narrow; --width needs at least {} pixels",
            crate::cli::MIN_PIXELS
        );
    }
    Ok(output::svg::Size { width, height })
}

/// `data check` and `data export`.
fn data_command(command: &DataCommand, global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        DataCommand::Check { file, all } => {
            let data = data_path(global);
            let path = file.as_deref().or(data.as_deref());
            let origin = path.map_or_else(
                || data::EMBEDDED_NAME.to_owned(),
                |p| p.display().to_string(),
            );
            let limit = data_limit()?;
            let checked = match path.map(|p| DataFile::read(p, limit)).transpose() {
                Err(e) => commands::data::check(&origin, Err(e), *all),
                Ok(file) => match load(file.as_ref()) {
                    Ok(ds) => commands::data::check(&origin, Ok(&ds), *all),
                    Err(e) => commands::data::check(&origin, Err(e), *all),
                },
            };
            match checked? {
                Checked::Valid(summary) => {
                    write_stdout(|out| writeln!(out, "{summary}"))?;
                    Ok(ExitCode::SUCCESS)
                }
                Checked::Invalid { problems, summary } => {
                    write_stdout(|out| problems.iter().try_for_each(|p| writeln!(out, "{p}")))?;
                    // The problems are on standard output; this line only sums them up.
                    let _ = writeln!(io::stderr().lock(), "error: {summary}");
                    Ok(ExitCode::from(2))
                }
            }
        }
        DataCommand::Export { format } => {
            let file = read(global)?;
            let ds = load(file.as_ref())?;
            let syntax = match format {
                ExportFormat::Toml => Syntax::Toml,
                ExportFormat::Json => Syntax::Json,
            };
            let text = commands::data::export(&ds, syntax)?;
            write_stdout(|out| out.write_all(text.as_bytes()))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

// Everything the program prints goes through one locked, buffered writer.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    write(&mut out).context("cannot write the output")?;
    out.flush().context("cannot write the output")
}

/// The pager to send output through: on a terminal only, unless `--no-pager`;
/// `KARABAKH_PAGER`, else `PAGER`, else `less -FRX` (which prints output shorter than the
/// screen as it is); an empty one or `cat` means none.
fn pager(global: &Global, stdout_is_terminal: bool) -> Option<String> {
    if !stdout_is_terminal || global.no_pager {
        return None;
    }
    let chosen = ["KARABAKH_PAGER", "PAGER"]
        .into_iter()
        .find_map(|name| std::env::var(name).ok())
        .unwrap_or_else(|| "less -FRX".to_owned());
    let chosen = chosen.trim();
    (!chosen.is_empty() && chosen != "cat").then(|| chosen.to_owned())
}

// Writes through `pager` if there is one and it starts, as git does: the pager reads the
// output on its standard input and shows it on the terminal. Quitting it early is a normal
// end, as a closed pipe is.
fn write_paged(
    pager: Option<String>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    use std::process::{Command, Stdio};
    let Some(pager) = pager else {
        return write_stdout(write);
    };
    let mut command = if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.args(["/C", &pager]);
        c
    } else {
        let mut c = Command::new("sh");
        c.args(["-c", &pager]);
        c
    };
    // less shows colour and quits on short output only when told, as git tells it.
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let Ok(mut child) = command.stdin(Stdio::piped()).spawn() else {
        return write_stdout(write);
    };
    let written = match child.stdin.take() {
        Some(stdin) => {
            let mut out = BufWriter::new(stdin);
            write(&mut out).and_then(|()| out.flush())
        }
        None => Ok(()),
    };
    let waited = child.wait();
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write the output to the pager")
        }
        _ => {
            waited.context("the pager failed")?;
            Ok(())
        }
    }
}

/// What clap has to say when the command line is not one to run: help and the version go to
/// standard output (exit 0), usage errors to standard error (exit 2). A failed write of help or
/// the version is an error like any failed write.
pub fn clap_said(said: &clap::Error) -> anyhow::Result<ExitCode> {
    if said.use_stderr() {
        let _ = said.print();
        return Ok(ExitCode::from(2));
    }
    if said.kind() == clap::error::ErrorKind::DisplayVersion {
        let text = format!("{}\n", version()?);
        write_stdout(|out| out.write_all(text.as_bytes()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let styled = said.render();
    let color = resolve_color(
        ColorChoice::Auto,
        io::stdout().is_terminal(),
        ColorEnv::read(),
    );
    let text = if color {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    write_stdout(|out| out.write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// `karabakh --version`: the program's version and what the built-in dataset holds.
fn version() -> anyhow::Result<String> {
    let ds = data::embedded()?;
    let latest = ds
        .latest_date()
        .map_or_else(String::new, |d| format!(", facts to {}", d.iso()));
    Ok(format!(
        "karabakh {} (dataset: schema {}, {} territories{latest})",
        env!("CARGO_PKG_VERSION"),
        ds.schema,
        ds.territories.len(),
    ))
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

/// What the environment says about colour, read once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR` is set to anything but the empty string (no-color.org): no colour.
    pub no_color: bool,
    /// `CLICOLOR_FORCE` is set and not empty (bixense.com/clicolors): colour even into a pipe.
    pub clicolor_force: bool,
    /// `CLICOLOR` is `0`: no colour.
    pub clicolor_off: bool,
}

impl ColorEnv {
    /// Reads `NO_COLOR`, `CLICOLOR_FORCE` and `CLICOLOR`, as anstyle-query (clap's) reads them.
    pub fn read() -> ColorEnv {
        ColorEnv {
            no_color: anstyle_query::no_color(),
            clicolor_force: anstyle_query::clicolor_force(),
            clicolor_off: anstyle_query::clicolor() == Some(false),
        }
    }
}

/// The width a chart fits: `--width`, else the terminal's, else `$COLUMNS`, else 80.
fn chart_width(flag: Option<u16>, stdout_is_terminal: bool) -> usize {
    (flag.map(usize::from))
        .or_else(|| output::text::terminal_width(stdout_is_terminal))
        .unwrap_or(80)
}

/// The format a listing is written in: "auto" is a table on a terminal and TSV otherwise.
pub fn resolve_format(choice: FormatChoice, stdout_is_terminal: bool) -> Format {
    match choice {
        FormatChoice::Auto if stdout_is_terminal => Format::Table,
        FormatChoice::Auto | FormatChoice::Tsv => Format::Tsv,
        FormatChoice::Table => Format::Table,
        FormatChoice::Csv => Format::Csv,
        FormatChoice::Json => Format::Json,
        FormatChoice::Jsonl => Format::Jsonl,
        FormatChoice::Markdown => Format::Markdown,
        FormatChoice::Xlsx => Format::Xlsx,
    }
}

/// Whether tables and charts are coloured. An explicit flag wins; in "auto", NO_COLOR turns
/// colour off, then CLICOLOR_FORCE turns it on, then CLICOLOR=0 turns it off; otherwise only a
/// terminal gets colour.
pub fn resolve_color(choice: ColorChoice, stdout_is_terminal: bool, env: ColorEnv) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if env.no_color => false,
        ColorChoice::Auto if env.clicolor_force => true,
        ColorChoice::Auto if env.clicolor_off => false,
        ColorChoice::Auto => stdout_is_terminal,
    }
}

/// The file `--data` names, read but not yet parsed; `None` for the built-in dataset.
fn read(global: &Global) -> anyhow::Result<Option<DataFile>> {
    let limit = data_limit()?;
    Ok(data_path(global)
        .map(|path| DataFile::read(&path, limit))
        .transpose()?)
}

/// The dataset file to read: `--data`, else `KARABAKH_DATA` unless it is empty.
fn data_path(global: &Global) -> Option<PathBuf> {
    global.data.clone().or_else(|| {
        std::env::var_os("KARABAKH_DATA")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// The largest dataset file read, in bytes: `KARABAKH_MAX_DATA_MB` megabytes, else `None` for
/// the default of the file's syntax.
fn data_limit() -> anyhow::Result<Option<u64>> {
    let Some(value) = std::env::var_os("KARABAKH_MAX_DATA_MB").filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let mb = value.to_str().and_then(|v| v.trim().parse::<u64>().ok());
    match mb.filter(|&mb| mb > 0) {
        Some(mb) => Ok(Some(mb.saturating_mul(1_000_000))),
        None => anyhow::bail!(
            "KARABAKH_MAX_DATA_MB is {value:?}; it must be a whole number of megabytes, such as 4000"
        ),
    }
}

/// The dataset of `file`, or the built-in one.
fn load(file: Option<&DataFile>) -> Result<Dataset, data::DataError> {
    match file {
        Some(file) => file.parse(),
        None => data::embedded(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_format_is_a_table_on_a_terminal_and_tsv_in_a_pipe() {
        assert_eq!(resolve_format(FormatChoice::Auto, true), Format::Table);
        assert_eq!(resolve_format(FormatChoice::Auto, false), Format::Tsv);
        assert_eq!(resolve_format(FormatChoice::Json, true), Format::Json);
        assert_eq!(resolve_format(FormatChoice::Table, false), Format::Table);
    }

    #[test]
    fn colour_follows_the_terminal_and_the_environment_but_a_flag_wins() {
        let plain = ColorEnv::default();
        let no_color = ColorEnv {
            no_color: true,
            ..plain
        };
        let force = ColorEnv {
            clicolor_force: true,
            ..plain
        };
        let off = ColorEnv {
            clicolor_off: true,
            ..plain
        };
        assert!(resolve_color(ColorChoice::Auto, true, plain));
        assert!(!resolve_color(ColorChoice::Auto, false, plain));
        assert!(!resolve_color(ColorChoice::Auto, true, no_color));
        assert!(resolve_color(ColorChoice::Auto, false, force));
        assert!(!resolve_color(ColorChoice::Auto, true, off));
        // NO_COLOR wins over CLICOLOR_FORCE, as no-color.org asks.
        let both = ColorEnv {
            no_color: true,
            clicolor_force: true,
            ..plain
        };
        assert!(!resolve_color(ColorChoice::Auto, true, both));
        assert!(resolve_color(ColorChoice::Always, false, no_color));
        assert!(!resolve_color(ColorChoice::Never, true, force));
    }
}
