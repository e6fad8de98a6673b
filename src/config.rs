//! Every choice the command line and the environment leave, settled once, before any data is
//! read: where the data comes from and how much of it may be read, the format, colour, width,
//! pager and unit, and where the output goes. A combination that cannot work is refused here.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::cli::{ChartFormat, Cli, ColorChoice, Command, FormatChoice, OutputArgs};
use crate::output::chart::ChartOptions;
use crate::output::cite::Style;
use crate::output::{self, Format, Options};
use crate::query::AreaUnit;

/// The settled choices of one run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The dataset file to read; `None` for the built-in one.
    pub data: Option<PathBuf>,
    /// The largest dataset file read, in bytes; `None` for the default of its syntax.
    pub max_bytes: Option<u64>,
    /// The unit of areas.
    pub unit: AreaUnit,
    /// Where the output goes: a file, or standard output.
    pub output: Option<PathBuf>,
    /// Whether the output goes to a terminal.
    pub terminal: bool,
    /// The pager the output goes through, if any.
    pub pager: Option<String>,
    /// How a listing is written.
    pub listing: ListingConfig,
    /// How a chart is drawn.
    pub chart: ChartStyle,
    /// How citations are written.
    pub cite: Style,
}

/// How a listing is written.
#[derive(Debug, Clone)]
pub struct ListingConfig {
    /// The format, resolved.
    pub format: Format,
    /// The rendering choices.
    pub options: Options,
    /// Only these fields, in this order.
    pub fields: Option<Vec<String>>,
    /// Whether the notes also go to standard error in the formats without room for them.
    pub notes: bool,
}

/// How a chart is drawn: with text, or as an SVG picture.
#[derive(Debug, Clone, Copy)]
pub enum ChartStyle {
    /// Drawn with text.
    Text(ChartOptions),
    /// An SVG picture of this size.
    Svg(output::svg::Size),
    /// The SVG picture of this size as PNG.
    Png(output::svg::Size),
}

impl Config {
    /// The choices of `cli` in this environment, or why they cannot work together.
    pub fn new(cli: &Cli) -> anyhow::Result<Config> {
        let unit = AreaUnit::from(cli.global.units);
        let output = output_file(cli.command.as_ref()).cloned();
        let terminal = output.is_none() && std::io::stdout().is_terminal();
        let color = resolve_color(cli.global.color, terminal, ColorEnv::read());
        let width = output::text::terminal_width(terminal);
        let listing = listing_config(listing_args(cli.command.as_ref()), terminal, color, width)?;
        let chart = match cli.command.as_ref() {
            Some(Command::Chart(args)) => chart_style(args, terminal, color, unit)?,
            _ => ChartStyle::Text(ChartOptions {
                width: width.unwrap_or(80),
                ascii: false,
                color,
                unit,
            }),
        };
        if let Some(Command::Report(args)) = cli.command.as_ref()
            && let Some(path) = args.output.as_deref()
        {
            let of_file = |path: &std::path::Path| {
                let extension = path.extension()?.to_str()?.to_ascii_lowercase();
                matches!(extension.as_str(), "html" | "htm").then_some(())
            };
            by_extension(
                path,
                of_file,
                "the page",
                ".html or .htm",
                ": the page is HTML",
            )?;
        }
        let cite = match cli.command.as_ref() {
            Some(Command::Cite(args)) => args.format.into(),
            _ => Style::Text,
        };
        // Checked now, so that a usage error is reported before any data is read.
        if let Some(command) = &cli.command {
            check_filters(command)?;
        }
        let paged = match cli.command.as_ref() {
            Some(Command::Chart(_)) => matches!(chart, ChartStyle::Text(_)),
            Some(Command::Report(_) | Command::Cite(_) | Command::Data(_)) => false,
            _ => listing.format == Format::Table,
        };
        // The file `data check FILE` checks is the dataset that command reads.
        let data = match &cli.command {
            Some(Command::Data(crate::cli::DataCommand::Check {
                file: Some(file), ..
            })) => Some(file.clone()),
            _ => data_path(cli),
        };
        if let (Some(out), Some(data)) = (&output, &data)
            && same_file(out, data)
        {
            bail!(
                "--output {} is the dataset being read ({}): it would be replaced by the output; \
                 write to another file",
                out.display(),
                data.display()
            );
        }
        // The limit is of a file read, so it is read only where one is: the built-in data has
        // none.
        let max_bytes = if data.is_some() { data_limit()? } else { None };
        Ok(Config {
            data,
            max_bytes,
            unit,
            terminal,
            pager: pager(cli.global.no_pager, terminal && paged),
            output,
            listing,
            chart,
            cite,
        })
    }
}

// The `--output` of the command, if it has one.
fn output_file(command: Option<&Command>) -> Option<&PathBuf> {
    match command? {
        Command::Chart(args) => args.output.as_ref(),
        Command::Report(args) => args.output.as_ref(),
        other => listing_args(Some(other))?.0.output.as_ref(),
    }
}

// The listing options of the command, if it lists, and the name of the table its listing is
// in SQL: what its rows are.
fn listing_args(command: Option<&Command>) -> Option<(&OutputArgs, &'static str)> {
    Some(match command? {
        Command::Districts(args) => (&args.output, "territories"),
        Command::Totals(args) => (&args.output, "totals"),
        Command::Show(args) => (&args.output, "territory"),
        Command::Figures(args) => (&args.output, "figures"),
        Command::Check(args) => (&args.output, "verdicts"),
        Command::Fields(args) => (&args.output, "fields"),
        Command::Timeline(args) => (&args.output, "timeline"),
        Command::Sources(args) => (&args.output, "sources"),
        Command::Data(crate::cli::DataCommand::Diff(args)) => (&args.output, "changes"),
        _ => return None,
    })
}

fn listing_config(
    args: Option<(&OutputArgs, &'static str)>,
    terminal: bool,
    color: bool,
    width: Option<usize>,
) -> anyhow::Result<ListingConfig> {
    let Some((args, table)) = args else {
        return Ok(ListingConfig {
            format: resolve_format(FormatChoice::Auto, terminal),
            options: Options {
                header: true,
                color,
                width,
                wide: false,
                bom: false,
                table: "listing",
            },
            fields: None,
            notes: false,
        });
    };
    let by_name = match (args.format, args.output.as_deref()) {
        (FormatChoice::Auto, Some(path)) => by_extension(
            path,
            Format::of_file,
            "a listing",
            ".tsv, .txt, .csv, .json, .jsonl, .md, .sql or .xlsx",
            " (the extension picks the format), or --format",
        )?,
        _ => None,
    };
    let format = match by_name {
        Some(by_name) => by_name,
        None => resolve_format(args.format, terminal),
    };
    if format == Format::Xlsx && terminal {
        bail!(
            "a workbook is binary and standard output is a terminal; redirect it \
             (> territories.xlsx) or give --output FILE"
        );
    }
    if args.bom && format != Format::Csv {
        bail!("--bom is for CSV only; add --format csv");
    }
    Ok(ListingConfig {
        format,
        options: Options {
            header: !args.no_header,
            color,
            width,
            wide: args.wide,
            bom: args.bom,
            table,
        },
        fields: args.fields.clone(),
        notes: args.notes,
    })
}

/// The format the extension of `path` names, by `of`: `None` for a file without one, and an
/// error for one that `what` cannot be written as, listing the extensions it can (`can`) and
/// what else would do (`or`).
fn by_extension<F>(
    path: &std::path::Path,
    of: impl Fn(&std::path::Path) -> Option<F>,
    what: &str,
    can: &str,
    or: &str,
) -> anyhow::Result<Option<F>> {
    let Some(extension) = path.extension() else {
        return Ok(None);
    };
    match of(path) {
        Some(format) => Ok(Some(format)),
        None => bail!(
            "{} names a .{} file, which {what} cannot be written as: give a file ending in \
             {can}{or}",
            path.display(),
            extension.to_string_lossy()
        ),
    }
}

fn chart_style(
    args: &crate::cli::ChartArgs,
    terminal: bool,
    color: bool,
    unit: AreaUnit,
) -> anyhow::Result<ChartStyle> {
    let of_file = |path: &std::path::Path| {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(ChartFormat::Svg),
            "png" => Some(ChartFormat::Png),
            "txt" | "text" => Some(ChartFormat::Text),
            _ => None,
        }
    };
    let by_name = match (args.format, args.output.as_deref()) {
        (None, Some(path)) => by_extension(
            path,
            of_file,
            "a chart",
            ".svg, .png or .txt",
            " (the extension picks the format), or --format",
        )?,
        _ => None,
    };
    Ok(match args.format.or(by_name).unwrap_or(ChartFormat::Text) {
        ChartFormat::Text => ChartStyle::Text(ChartOptions {
            width: match args.width.map(usize::from) {
                Some(width) if width < output::chart::MIN_WIDTH => bail!(
                    "a text chart {width} columns wide is too narrow; --width needs at least {} \
                     columns",
                    output::chart::MIN_WIDTH
                ),
                width => width,
            }
            .or_else(|| output::text::terminal_width(terminal))
            .unwrap_or(80),
            ascii: args.ascii,
            color,
            unit,
        }),
        format @ (ChartFormat::Svg | ChartFormat::Png) => {
            let width = args.width.unwrap_or(output::svg::DEFAULT_WIDTH);
            let name = if format == ChartFormat::Png {
                "a PNG"
            } else {
                "an SVG"
            };
            if width < crate::cli::MIN_PIXELS {
                bail!(
                    "{} chart {width} pixels wide is too narrow; --width needs at least {} \
                     pixels",
                    name,
                    crate::cli::MIN_PIXELS
                );
            }
            if format == ChartFormat::Png && terminal && args.output.is_none() {
                bail!(
                    "a PNG picture is binary and standard output is a terminal; redirect it \
                     (> chart.png) or give --output FILE"
                );
            }
            let size = output::svg::Size {
                width,
                height: args.height,
                full_sources: args.sources == crate::cli::SourcesChoice::Full,
            };
            match format {
                ChartFormat::Png => ChartStyle::Png(size),
                _ => ChartStyle::Svg(size),
            }
        }
    })
}

// The filters' ranges, which can be empty (`--since 2021 --until 2020`).
fn check_filters(command: &Command) -> anyhow::Result<()> {
    match command {
        Command::Districts(args) => args.filter.filter().map(|_| ())?,
        Command::Totals(args) => args.filter.filter().map(|_| ())?,
        Command::Chart(args) => args.filter.filter().map(|_| ())?,
        Command::Timeline(args) => crate::cli::date_range(args.since, args.until).map(|_| ())?,
        _ => {}
    }
    Ok(())
}

/// The dataset file to read: `--data`, else `KARABAKH_DATA` unless it is empty.
fn data_path(cli: &Cli) -> Option<PathBuf> {
    cli.global.data.clone().or_else(|| {
        std::env::var_os("KARABAKH_DATA")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// Whether `a` and `b` are one file, however named (a link, `./`, another path): on Unix the
/// same device and inode, as `cp` checks.
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let (Ok(a), Ok(b)) = (std::fs::canonicalize(a), std::fs::canonicalize(b)) else {
            return false;
        };
        a == b
    }
}

/// The largest dataset file read, in bytes: `KARABAKH_MAX_DATA_MB` megabytes, else `None` for
/// the default of the file's syntax.
fn data_limit() -> anyhow::Result<Option<u64>> {
    let Some(value) = std::env::var_os("KARABAKH_MAX_DATA_MB").filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let digits = value
        .to_str()
        .map(str::trim)
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
    let Some(digits) = digits else {
        bail!(
            "KARABAKH_MAX_DATA_MB is {value:?}; it must be a whole number of megabytes, such as 4000"
        );
    };
    // A number too large to count in bytes is no limit at all.
    let mb = digits.parse::<u64>().unwrap_or(u64::MAX);
    if mb == 0 {
        bail!("KARABAKH_MAX_DATA_MB is 0; it must be at least 1 megabyte, such as 4000");
    }
    Ok(Some(mb.saturating_mul(1_000_000)))
}

/// The pager to send output through: on a terminal only, unless `--no-pager`;
/// `KARABAKH_PAGER`, else `PAGER`, else `less -FRX` (which prints output shorter than the
/// screen as it is); an empty one or `cat` means none.
fn pager(no_pager: bool, paged_terminal: bool) -> Option<String> {
    if !paged_terminal || no_pager {
        return None;
    }
    let chosen = ["KARABAKH_PAGER", "PAGER"]
        .into_iter()
        .find_map(|name| std::env::var(name).ok())
        .unwrap_or_else(|| "less -FRX".to_owned());
    let chosen = chosen.trim();
    (!chosen.is_empty() && chosen != "cat").then(|| chosen.to_owned())
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
        FormatChoice::Sql => Format::Sql,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn auto_format_is_a_table_on_a_terminal_and_tsv_in_a_pipe() {
        assert_eq!(resolve_format(FormatChoice::Auto, true), Format::Table);
        assert_eq!(resolve_format(FormatChoice::Auto, false), Format::Tsv);
        assert_eq!(resolve_format(FormatChoice::Json, true), Format::Json);
        assert_eq!(resolve_format(FormatChoice::Table, false), Format::Table);
    }

    #[test]
    fn the_file_name_picks_the_format_unless_one_is_given() {
        let config = |argv: &[&str]| Config::new(&Cli::try_parse_from(argv).unwrap()).unwrap();
        let csv = config(&["karabakh", "districts", "--output", "t.csv"]);
        assert_eq!(csv.listing.format, Format::Csv);
        assert!(!csv.terminal);
        let json = config(&["karabakh", "districts", "-o", "t.csv", "--format", "json"]);
        assert_eq!(json.listing.format, Format::Json);
    }

    #[test]
    fn bad_combinations_are_refused_before_any_data_is_read() {
        let refused = |argv: &[&str]| {
            let cli = Cli::try_parse_from(argv).unwrap();
            Config::new(&cli).unwrap_err().to_string()
        };
        // The dataset named does not exist: these are refused before it would be read.
        let data = ["karabakh", "--data", "/nonexistent/data.toml"];
        let bom = [&data[..], &["districts", "--format", "json", "--bom"]].concat();
        assert_eq!(refused(&bom), "--bom is for CSV only; add --format csv");
        let range = [
            &data[..],
            &["timeline", "--since", "2021", "--until", "2020"],
        ]
        .concat();
        assert!(refused(&range).contains("no date lies between them"));
        let svg = [&data[..], &["chart", "--format", "svg", "--width", "150"]].concat();
        assert!(refused(&svg).contains("too narrow"));
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
