//! The application: settle the choices ([`Config`]), load the data, run the command into one
//! [`Output`], and write it.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, Command, DataCommand, ExportFormat, GroupBy};
use crate::commands::{self, NotFound, dataset::Checked};
use crate::config::{ChartStyle, ColorEnv, Config, resolve_color};
use crate::data::{self, DataFile, Dataset, Syntax};
use crate::escape::escape_for_terminal;
use crate::help;
use crate::output::{self, Format};

/// What a command gives, which [`write`] writes as the configuration says.
pub enum Output<'a> {
    /// A listing of records, or one record, with the dataset, whose sources and edition a
    /// workbook lists.
    Listing(output::Listing, &'a Dataset),
    /// A listing of what differs (the verdicts of `check`, the changes of `data diff`), and
    /// whether anything does (exit status 1, as `diff` gives).
    Differs(output::Listing, &'a Dataset, bool),
    /// The report of `audit`, and whether any figure differs (exit status 1).
    Audited(String, bool),
    /// A chart, drawn with text or as a picture.
    Chart(output::chart::Chart<'a>),
    /// Values with their citations.
    Citations(
        Vec<output::cite::Citation<'a>>,
        Option<crate::query::DatasetCitation>,
    ),
    /// The HTML page.
    Page(output::html::Page<'a>),
    /// Text written as it is.
    Text(String),
    /// What `data check` found.
    Checked(Checked),
}

/// Runs the command `cli` describes, writing its output to standard output or the file named.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = Config::new(&cli)?;
    let mut dataset = None;
    let output = match &cli.command {
        None => text(|out| help::overview(config.listing.options.width, out))?,
        Some(command) => produce(command, &config, &mut dataset)?,
    };
    write(output, &config)
}

/// The output of `command`; a command that reads the active dataset loads it into `slot`.
fn produce<'a>(
    command: &Command,
    config: &Config,
    slot: &'a mut Option<Dataset>,
) -> anyhow::Result<Output<'a>> {
    let unit = config.unit;
    let naming = config.listing.format.naming();
    Ok(match command {
        Command::Completions { shell } => text(|out| crate::complete::registration(*shell, out))?,
        Command::Man { dir: None } => text(help::man)?,
        Command::Man { dir: Some(dir) } => {
            help::man_to(dir)
                .with_context(|| format!("cannot write the manual pages to {}", dir.display()))?;
            Output::Text(String::new())
        }
        Command::Data(DataCommand::Check { all, .. }) => {
            check(config.data.as_deref(), *all, config)?
        }
        Command::Data(DataCommand::Diff(args)) => {
            let old = read(&args.old, config)?;
            let new = slot.insert(read(&args.new, config)?);
            let found = commands::diff::differences(&old, new);
            Output::Differs(commands::diff::report(new, &found), new, !found.is_empty())
        }
        Command::Data(DataCommand::Package { dir }) => {
            output::package::write(load(slot, config)?, dir)?;
            Output::Text(String::new())
        }
        Command::Data(DataCommand::Export { format }) => {
            let ds = load(slot, config)?;
            Output::Text(match format {
                ExportFormat::Toml => commands::dataset::export(ds, Syntax::Toml)?,
                ExportFormat::Json => commands::dataset::export(ds, Syntax::Json)?,
                ExportFormat::Sql => commands::dataset::sql(ds)?,
            })
        }
        Command::Districts(args) => {
            let ds = load(slot, config)?;
            let filter = args.filter.filter()?;
            let report = commands::districts::report(
                ds,
                &filter,
                args.sort.into(),
                args.reverse,
                unit,
                naming,
            );
            Output::Listing(report, ds)
        }
        Command::Totals(args) => {
            let ds = load(slot, config)?;
            let filter = args.filter.filter()?;
            let report = match args.by {
                Some(GroupBy::Year) => commands::totals::by_year(ds, &filter, unit),
                None if args.series => commands::totals::series(ds, &filter, unit),
                None if filter.on.is_some() => commands::totals::on(ds, &filter, unit),
                None => commands::totals::report(ds, &filter, unit, naming),
            };
            Output::Listing(report, ds)
        }
        Command::Show(args) => {
            let ds = load(slot, config)?;
            let on = args.on.map(|d| d.first_day());
            Output::Listing(commands::show::report(ds, &args.name, unit, on)?, ds)
        }
        Command::Figures(args) => {
            let ds = load(slot, config)?;
            let report = match (&args.id, args.history) {
                (Some(id), history) => commands::figures::one(ds, id, history)?,
                (None, true) => commands::figures::history(ds, naming),
                (None, false) => commands::figures::latest(ds),
            };
            Output::Listing(report, ds)
        }
        Command::Check(args) => {
            let text = match args.text.as_slice() {
                [dash] if dash == "-" => {
                    let mut text = String::new();
                    io::Read::read_to_string(&mut io::stdin().lock(), &mut text)
                        .context("cannot read the text to check from standard input")?;
                    text
                }
                words => words.join(" "),
            };
            let ds = load(slot, config)?;
            let (report, differs) = commands::check::report(ds, &text, args.all);
            Output::Differs(report, ds, differs)
        }
        Command::Audit(args) => {
            let mut documents = Vec::new();
            for path in &args.files {
                let name = path.display().to_string();
                let text = if name == "-" {
                    let mut text = String::new();
                    io::Read::read_to_string(&mut io::stdin().lock(), &mut text)
                        .context("cannot read the text to audit from standard input")?;
                    text
                } else {
                    std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?
                };
                documents.push(commands::audit::Document { name, text });
            }
            let style = match args.format {
                crate::cli::AuditFormat::Text => commands::audit::Style::Lines,
                crate::cli::AuditFormat::Json => commands::audit::Style::Json,
                crate::cli::AuditFormat::Jsonl => commands::audit::Style::Jsonl,
            };
            let ds = load(slot, config)?;
            let (text, differs) = commands::audit::audit(ds, &documents, style, args.all);
            Output::Audited(text, differs)
        }
        Command::Fields(args) => {
            let ds = load(slot, config)?;
            let listing = args.command.as_deref();
            Output::Listing(commands::fields::report(ds, listing, unit), ds)
        }
        Command::Timeline(args) => {
            let ds = load(slot, config)?;
            let territory = (args.territory.as_deref())
                .map(|name| commands::show::territory(ds, name))
                .transpose()?;
            let selection = commands::timeline::Selection {
                range: crate::cli::date_range(args.since, args.until)?,
                year: args.year,
                territory,
                kinds: args.kind.iter().map(|&k| k.into()).collect(),
            };
            Output::Listing(commands::timeline::report(ds, &selection, naming), ds)
        }
        Command::Sources(args) => {
            let ds = load(slot, config)?;
            let report = match &args.id {
                Some(id) => commands::sources::one(ds, id)?,
                None => commands::sources::report(ds),
            };
            Output::Listing(report, ds)
        }
        Command::Chart(args) => {
            let ds = load(slot, config)?;
            let filter = args.filter.filter()?;
            let chart = if args.over_time {
                commands::chart::over_time(ds, &filter)
            } else if args.cumulative {
                commands::chart::cumulative(ds, &filter)
            } else {
                commands::chart::bars(ds, &filter, args.sort.into(), args.reverse)
            };
            Output::Chart(match config.chart {
                ChartStyle::Text(_) => chart,
                ChartStyle::Svg(_) | ChartStyle::Png(_) => {
                    commands::chart::credited(chart, &crate::query::Identity::of(ds))
                }
            })
        }
        Command::Cite(args) => {
            let ds = load(slot, config)?;
            let dataset = crate::query::Identity::of(ds).citation();
            if args.dataset && dataset.is_none() {
                anyhow::bail!(
                    "this dataset names no edition, so there is nothing to cite it by: give it \
                     an [edition] with its id and release day (see docs/data.md)"
                );
            }
            let items = args.items()?;
            let mut citations = Vec::new();
            for (name, field) in items {
                citations.extend(commands::cite::cite(ds, name, field, unit, args.as_of)?);
            }
            Output::Citations(citations, dataset)
        }
        Command::Report(_) => {
            let ds = load(slot, config)?;
            Output::Page(commands::report::page(ds, unit).map_err(anyhow::Error::msg)?)
        }
    })
}

/// What `write` puts into a buffer, as text.
fn text(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<Output<'static>> {
    let mut buffer = Vec::new();
    write(&mut buffer)?;
    Ok(Output::Text(String::from_utf8(buffer)?))
}

/// The active dataset, loaded into `slot`: the file `--data` or `KARABAKH_DATA` names, or the
/// built-in one.
fn load<'a>(slot: &'a mut Option<Dataset>, config: &Config) -> anyhow::Result<&'a Dataset> {
    let ds = match &config.data {
        Some(path) => read(path, config)?,
        None => data::embedded()?,
    };
    Ok(slot.insert(ds))
}

/// The dataset in the file at `path`, within the configured size limit.
fn read(path: &Path, config: &Config) -> anyhow::Result<Dataset> {
    Ok(DataFile::read(path, config.max_bytes)?.parse()?)
}

/// `data check` of the file at `path`, or of the built-in dataset.
fn check(
    path: Option<&std::path::Path>,
    all: bool,
    config: &Config,
) -> anyhow::Result<Output<'static>> {
    let origin = path.map_or_else(
        || data::EMBEDDED_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let loaded = match path {
        Some(path) => DataFile::read(path, config.max_bytes).and_then(|file| {
            let ds = file.parse()?;
            let warnings = file.warnings(&ds);
            Ok((ds, warnings))
        }),
        None => data::embedded().map(|ds| (ds, Vec::new())),
    };
    let checked = match loaded {
        Ok((ds, warnings)) => commands::dataset::check(&origin, Ok((&ds, &warnings)), all)?,
        Err(e) => commands::dataset::check(&origin, Err(e), all)?,
    };
    Ok(Output::Checked(checked))
}

/// Writes `output` where and as `config` says.
pub fn write(output: Output<'_>, config: &Config) -> anyhow::Result<ExitCode> {
    match output {
        Output::Audited(text, differs) => {
            write_out(config, |out| out.write_all(text.as_bytes()))?;
            return Ok(ExitCode::from(if differs { 1 } else { 0 }));
        }
        Output::Differs(report, ds, differs) => {
            write(Output::Listing(report, ds), config)?;
            return Ok(ExitCode::from(if differs { 1 } else { 0 }));
        }
        Output::Listing(mut report, ds) => {
            let listing = &config.listing;
            if let Some(fields) = &listing.fields {
                report.select_fields(fields)?;
            }
            let render = |out: &mut dyn Write| {
                output::render(&report, listing.format, listing.options, Some(ds), out)
            };
            // A table escapes the dataset's text itself, around its own colours.
            match listing.format {
                Format::Table => write_out(config, render)?,
                _ => write_machine_out(config, render)?,
            }
            // Tables and Markdown carry their notes; the machine formats have no room for them.
            if listing.notes && !matches!(listing.format, Format::Table | Format::Markdown) {
                let mut err = io::stderr().lock();
                for note in &report.notes {
                    let note = output::escape_lines_for_terminal(note);
                    writeln!(err, "note: {note}").context("cannot write the notes")?;
                }
            }
        }
        Output::Chart(chart) => match config.chart {
            ChartStyle::Text(options) => {
                write_out(config, |out| output::chart::write(&chart, options, out))?
            }
            ChartStyle::Svg(size) => {
                let picture =
                    output::svg::element(&chart, size, config.unit).map_err(anyhow::Error::msg)?;
                write_machine_out(config, |out| writeln!(out, "{picture}"))?
            }
            ChartStyle::Png(size) => {
                let picture =
                    output::png::picture(&chart, size, config.unit).map_err(anyhow::Error::msg)?;
                write_out(config, |out| out.write_all(&picture))?
            }
        },
        Output::Citations(citations, dataset) => write_machine_out(config, |out| {
            output::cite::write(&citations, dataset.as_ref(), config.cite, out)
        })?,
        Output::Page(page) => write_machine_out(config, |out| output::html::write(&page, out))?,
        Output::Text(text) => write_out(config, |out| out.write_all(text.as_bytes()))?,
        Output::Checked(Checked::Valid { summary, warnings }) => {
            let mut err = io::stderr().lock();
            for warning in &warnings {
                writeln!(err, "warning: {warning}").context("cannot write the warnings")?;
            }
            write_out(config, |out| writeln!(out, "{summary}"))?
        }
        Output::Checked(Checked::Invalid { problems, summary }) => {
            write_out(config, |out| {
                problems.iter().try_for_each(|p| writeln!(out, "{p}"))
            })?;
            // The problems are on standard output; this line only sums them up.
            let _ = writeln!(io::stderr().lock(), "error: {summary}");
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}

// Writes the output to the file `--output` names, or to standard output, through the pager if
// there is one.
fn write_out(
    config: &Config,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    match &config.output {
        None => write_paged(config.pager.clone(), write),
        Some(path) => {
            write_file(path, write).with_context(|| format!("cannot write {}", path.display()))
        }
    }
}

// Writes output of a machine format (CSV, TSV, JSON, a citation, the page, an SVG picture) as
// [`write_out`] does, but on a terminal with the dataset's control characters escaped, as a
// table escapes them; into a pipe or a file it stays exact.
fn write_machine_out(
    config: &Config,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    if !config.terminal {
        return write_out(config, write);
    }
    let mut bytes = Vec::new();
    write(&mut bytes).context("cannot write the output")?;
    let shown = crate::escape::escape_output_for_terminal(&String::from_utf8_lossy(&bytes));
    write_out(config, |out| out.write_all(shown.as_bytes()))
}

// Writes a file whole or not at all: into a temporary file beside it, renamed over it once
// complete, so that a full disk, a signal or a parallel run never leaves it cut short, and the
// old content stays until the new is whole. A symbolic link is written through, as `cp` does;
// what is not a regular file (`/dev/null`, a pipe) is written to directly.
fn write_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let existing = std::fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        let mut out = BufWriter::new(std::fs::File::create(&target)?);
        write(&mut out)?;
        return out.flush();
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".karabakh-");
    // A new file gets the mode any new file gets (0666 less the umask), not a temporary
    // file's 0600; a file replaced keeps its mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temporary = builder.tempfile_in(dir).map_err(without_temporary_name)?;
    if let Some(existing) = existing {
        temporary
            .as_file()
            .set_permissions(existing.permissions())?;
    }
    let mut out = BufWriter::new(temporary);
    write(&mut out)?;
    let temporary = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    temporary.as_file().sync_all()?;
    temporary
        .persist(&target)
        .map_err(|e| without_temporary_name(e.error))?;
    Ok(())
}

// An error of the temporary file as the user's file's own: tempfile ends its message with
// " at path" and the temporary name, which the user never gave.
fn without_temporary_name(err: io::Error) -> io::Error {
    let message = err.to_string();
    match message.rsplit_once(" at path ") {
        Some((cause, _)) => io::Error::new(err.kind(), cause),
        None => err,
    }
}

// Everything the program prints goes through one locked, buffered writer.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    write(&mut out).context("cannot write the output")?;
    out.flush().context("cannot write the output")
}

// Writes through `pager` if there is one, as git does: the pager reads the output on its
// standard input and shows it on the terminal. Quitting it early is a normal end, as a closed
// pipe is. A pager that cannot be started or fails (not installed, a typo, a broken quote:
// the shell exits 127 or 2) would lose the output, so then it is written to the terminal
// directly, after a one-line warning.
fn write_paged(
    pager: Option<String>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    use std::process::{Command, Stdio};
    let Some(pager) = pager else {
        return write_stdout(write);
    };
    // What is paged is a table for a terminal, small enough to hold while the pager starts.
    let mut text = Vec::new();
    write(&mut text).context("cannot write the output")?;
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
    let failed = match command.stdin(Stdio::piped()).spawn() {
        Err(e) => format!("cannot be started ({e})"),
        Ok(mut child) => {
            let written = match child.stdin.take() {
                Some(mut stdin) => stdin.write_all(&text).and_then(|()| stdin.flush()),
                None => Ok(()),
            };
            let status = child.wait().context("the pager failed")?;
            match written {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    return Err(e).context("cannot write the output to the pager");
                }
                _ if status.success() || status.code().is_none() => return Ok(()),
                _ => format!("failed ({status})"),
            }
        }
    };
    let _ = writeln!(
        io::stderr().lock(),
        "warning: the pager `{}` {failed}; writing to the terminal directly (set \
         KARABAKH_PAGER, or use --no-pager)",
        escape_for_terminal(&pager)
    );
    write_stdout(|out| out.write_all(&text))
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
        // clap gives no way to tell -V from --version, so the arguments say which it was.
        let long = std::env::args_os().any(|a| a == "--version");
        let text = format!("{}\n", version(long)?);
        write_stdout(|out| out.write_all(text.as_bytes()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let styled = said.render();
    let color = resolve_color(
        crate::cli::ColorChoice::Auto,
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

/// `karabakh -V`, and the long form `--version`: the program's version and which dataset is
/// built in; the long form gives the whole hash and the licences.
fn version(long: bool) -> anyhow::Result<String> {
    let ds = data::embedded()?;
    let identity = crate::query::Identity::of(&ds);
    let latest = ds
        .latest_date()
        .map_or_else(String::new, |d| format!(", facts to {}", d.iso()));
    let short = format!(
        "karabakh {} (dataset: {}, schema {}, {} territories{latest})",
        env!("CARGO_PKG_VERSION"),
        identity.short(),
        ds.schema,
        ds.territories.len(),
    );
    if !long {
        return Ok(short);
    }
    Ok(format!(
        "{short}\n\
         dataset SHA-256: {}\n\
         code licence: MIT OR Apache-2.0\n\
         data licence: {} <{}>\n\
         {}",
        identity.sha256,
        crate::query::LICENCE.short,
        crate::query::LICENCE.url,
        textwrap::fill(crate::query::LICENCE_SCOPE, 79),
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
