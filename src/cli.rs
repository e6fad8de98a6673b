//! The whole command-line interface, as clap derive types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::data::{Kind, When};
use crate::query::{AreaUnit, DateRange, Filter, SortKey};

const EXAMPLES: &str = "\
Examples:
  karabakh districts --sort date
  karabakh totals
  karabakh show kelbajar
  karabakh figures --history
  karabakh timeline --since 2020
  karabakh districts --format json | jq '.[] | select(.area_km2 > 1000) | .name'

Every value comes with its source: `karabakh sources` lists them.";

/// Look up the sourced figures of the Armenia–Azerbaijan conflict over Nagorno-Karabakh.
///
/// Territories occupied and when, their areas, the totals, the humanitarian figures, the
/// timeline and what happened to each territory since, each value with its source. On a
/// terminal the output is a table; into a pipe it is tab-separated text.
#[derive(Debug, Parser)]
#[command(name = "karabakh", version, after_help = EXAMPLES)]
pub struct Cli {
    /// Options that apply to every command.
    #[command(flatten)]
    pub global: Global,

    /// The command to run; without one, a short overview of the commands is printed.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The heading under which every command's help lists the options every command has.
const GLOBAL: &str = "Global options";

/// Options that apply to every command.
#[derive(Debug, Args)]
pub struct Global {
    /// Read this dataset instead of the built-in one (TOML, or JSON if the name ends in .json);
    /// without it, KARABAKH_DATA names the file, unless it is empty
    #[arg(long = "data", value_name = "FILE", global = true, help_heading = GLOBAL)]
    pub data: Option<PathBuf>,

    /// When to use colour in tables and charts; auto follows NO_COLOR, CLICOLOR and CLICOLOR_FORCE
    #[arg(long = "color", value_enum, default_value_t = ColorChoice::Auto, global = true, help_heading = GLOBAL)]
    pub color: ColorChoice,

    /// The unit of areas in the output; machine formats name their columns after it (area_mi2)
    #[arg(long = "units", value_enum, default_value_t = UnitChoice::Km2, global = true, help_heading = GLOBAL)]
    pub units: UnitChoice,

    /// Never send long output on a terminal through a pager (KARABAKH_PAGER, PAGER or less)
    #[arg(long = "no-pager", global = true, help_heading = GLOBAL)]
    pub no_pager: bool,
}

/// How a listing is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, tsv otherwise]
    #[arg(
        long = "format",
        short = 'f',
        value_enum,
        default_value_t = FormatChoice::Auto,
        hide_default_value = true
    )]
    pub format: FormatChoice,

    /// Leave out the header line of TSV and CSV output
    #[arg(long = "no-header")]
    pub no_header: bool,

    /// Only these fields, in this order (comma-separated, as named in the header or JSON, an area's also without its unit: area; for `show`, the rows of these fields)
    #[arg(long = "fields", value_name = "LIST", value_delimiter = ',')]
    pub fields: Option<Vec<String>>,

    /// Show every column in a table, even where the terminal is too narrow for them all or a
    /// column has the same value on every row
    #[arg(long = "wide")]
    pub wide: bool,

    /// Also write the notes (what is computed, the caveats) to standard error, in the formats
    /// that have no room for them (TSV, CSV, JSON, JSON Lines)
    #[arg(long = "notes")]
    pub notes: bool,

    /// Write to FILE instead of standard output; without --format, the format follows its
    /// extension (.csv, .json, .jsonl, .md, .sql, .tsv, .txt, .xlsx), and another is refused
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// CSV for a spreadsheet: start with a UTF-8 byte order mark, which some need to read names
    /// such as Kəlbəcər, and write text that starts with =, +, -, @ or a tab after a ', so that
    /// it is not run as a formula
    #[arg(long = "bom")]
    pub bom: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the territories: names, kind, date of occupation, area, restoration, years held
    #[command(after_help = "\
Examples:
  karabakh districts --sort area --reverse
  karabakh districts --year 1993 --kind district
  karabakh districts --since 1992-05 --until 1993-06
  karabakh districts --format csv > territories.csv
  karabakh districts --output territories.xlsx
  karabakh districts --no-header | sort -t$'\\t' -k6,6n | cut -f2,6")]
    Districts(DistrictsArgs),

    /// Sum the areas and compare the share of the country with the share the source states
    #[command(after_help = "\
Examples:
  karabakh totals
  karabakh totals --by year
  karabakh totals --kind district --format json | jq .area_km2")]
    Totals(TotalsArgs),

    /// Show everything known about one territory, with sources and other sources' values
    #[command(after_help = "\
NAME is an id, a name, the Azerbaijani name or any other spelling; case and diacritics
do not matter.

Examples:
  karabakh show kelbajar
  karabakh show Kəlbəcər
  karabakh show shushi --format json | jq '.[] | select(.field == \"restored\")'")]
    Show(ShowArgs),

    /// List the counted figures (displaced people, missing persons, the stated share)
    #[command(after_help = "\
Examples:
  karabakh figures
  karabakh figures missing-persons --history
  karabakh figures --history --format json | jq '.[] | select(.id == \"missing-persons\")'")]
    Figures(FiguresArgs),

    /// List the dated events, occupations and restorations in order
    #[command(after_help = "\
Examples:
  karabakh timeline
  karabakh timeline --since 2020 --until 2020-12
  karabakh timeline --territory shusha
  karabakh timeline --year 2020 --kind restoration
  karabakh timeline | head -5")]
    Timeline(TimelineArgs),

    /// List the sources and what cites each
    #[command(after_help = "\
Examples:
  karabakh sources
  karabakh sources unsc-822
  karabakh sources --format json | jq '.[] | select(.cited_by | length == 0)'")]
    Sources(SourcesArgs),

    /// Draw the areas as bars, or the occupied area over time as a step chart
    #[command(after_help = "\
Examples:
  karabakh chart
  karabakh chart --sort area --reverse
  karabakh chart --cumulative
  karabakh chart --kind district --units mi2 --ascii --width 60
  karabakh chart --over-time --format svg --output held.svg")]
    Chart(ChartArgs),

    /// Give a value with its citation, ready to paste: the value, what it is, and its sources
    #[command(after_help = "\
NAME is a territory (any spelling `show` accepts), a figure id or `totals`. FIELD is one of
the fields of `show NAME`, of `totals` or of `figures`; without it, the area, the figure's
latest value or the total area. A computed value is cited with every source it is computed
from. Every citation also cites the edition of the dataset it was compiled in, as --dataset
gives it alone.

Examples:
  karabakh cite kalbajar area
  karabakh cite missing-persons --format markdown
  karabakh cite totals share_percent --format bibtex > refs.bib
  karabakh cite shusha restored --format csl-json | jq '.[0].title'
  karabakh cite --dataset --format bibtex >> refs.bib")]
    Cite(CiteArgs),

    /// Check the figures a text quotes against the dataset: for each, whether it matches a
    /// value the dataset holds for what the sentence speaks of, differs from all of them, or is
    /// about nothing the dataset holds, with the values and sources it rests on
    #[command(after_help = "\
TEXT is one or more sentences, or - to read them from standard input. A figure is a number
(3,054 or 3 054), a number of years held (27 years), a share (20%, 20 per cent), an area (km²,
sq km, square miles, hectares) or a date (8 May 1992, May 8, 1992, 1992-05-08, May 1992, 1993);
\"about\", \"some\", \"more than\" and the like set the precision it is compared at. What it
is about comes from its sentence: the territories it names, in any spelling `show` accepts, the
words of the dates (taken, fell, returned, handed over), or else the totals and the figures
whose words it uses. The note says when the value matched is not the one the dataset states or
not the latest count, and gives its caveats. The verdicts come from rules, not from reading:
check what they rest on.

Exit status: 0 when no figure differs, 1 when one does, 2 on bad input.

Examples:
  karabakh check \"Kalbajar, an area of 1,936 km², was occupied on 2 April 1993.\"
  karabakh check \"Some 4,000 people are still missing.\"
  echo \"Gubadli was returned on 30 October 2020.\" | karabakh check -
  karabakh check --all --format json \"The 44-day war\" | jq '.[].verdict'")]
    Check(CheckArgs),

    /// Check every figure of whole files of prose (Markdown or plain text), reported as a
    /// linter reports: FILE:LINE:COLUMN: differs: …, and a summary
    #[command(after_help = "\
Each figure is checked as `check` checks it. Markdown's code blocks, code spans and link
targets are not read as text; a sentence wrapped over lines is read whole. Only the figures
that differ are listed, unless --all is given.

Exit status: 0 when no figure differs, 1 when one does, 2 on bad input.

Examples:
  karabakh audit draft.md
  karabakh audit --all notes/*.md
  pandoc -t plain article.docx | karabakh audit -
  karabakh audit --format jsonl draft.md | jq -r 'select(.verdict == \"differs\") | .text'")]
    Audit(AuditArgs),

    /// Write one self-contained HTML page: the totals, the territories, the charts, the
    /// figures, the timeline and the numbered sources that every value links to
    #[command(after_help = "\
The page loads nothing from the network: its styles and pictures are inside it, and its
Content-Security-Policy forbids anything else.

Examples:
  karabakh report --output karabakh.html
  karabakh report > karabakh.html && xdg-open karabakh.html")]
    Report(ReportArgs),

    /// List every field of every listing: its unit, whether it is computed or sourced, and
    /// what it holds
    #[command(after_help = "\
Examples:
  karabakh fields
  karabakh fields totals
  karabakh fields \"data diff\"
  karabakh fields --format json | jq '.[] | select(.origin == \"computed\") | .field'")]
    Fields(FieldsArgs),

    /// Print a shell completion script (bash, zsh, fish, elvish or powershell); at each Tab it
    /// asks karabakh, which offers the dataset's names, ids and fields too
    #[command(after_help = "\
Examples:
  mkdir -p ~/.local/share/bash-completion/completions
  karabakh completions bash > ~/.local/share/bash-completion/completions/karabakh
  mkdir -p ~/.zfunc && karabakh completions zsh > ~/.zfunc/_karabakh
  mkdir -p ~/.config/fish/completions
  karabakh completions fish > ~/.config/fish/completions/karabakh.fish")]
    Completions {
        /// The shell to complete in
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the manual pages (roff): karabakh(1) and a page for each command
    #[command(after_help = "\
Examples:
  karabakh man | man -l -
  mkdir -p ~/.local/share/man/man1 && karabakh man --dir ~/.local/share/man/man1")]
    Man {
        /// Write each page to a file of its own in this directory (karabakh.1,
        /// karabakh-districts.1, ...) instead of all of them to standard output
        #[arg(long = "dir", value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },

    /// Check, export, compare or package datasets
    #[command(
        subcommand,
        after_help = "\
Examples:
  karabakh data check my-data.toml
  karabakh data export --format json > my-data.json
  karabakh data diff before.toml my-data.toml
  karabakh data package karabakh-data"
    )]
    Data(DataCommand),
}

/// The `data` commands.
#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Report every problem of a dataset, one per line; exit 0 when it is valid, 2 otherwise
    #[command(after_help = "\
Without FILE, the active dataset is checked: --data, KARABAKH_DATA or the built-in one.

Examples:
  karabakh data check my-data.toml
  karabakh data check my-data.toml | cut -d: -f2 | sort -n")]
    Check {
        /// The dataset to check (TOML, or JSON if the name ends in .json)
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,

        /// List every problem, not only the first 100
        #[arg(long = "all")]
        all: bool,
    },

    /// Write the active dataset to standard output, to edit it, to convert it or to load it
    /// into a database
    #[command(after_help = "\
Examples:
  karabakh data export > my-data.toml
  karabakh data export --format json > my-data.json
  karabakh --data my-data.json data export --format toml
  karabakh data export --format sql | sqlite3 karabakh.db")]
    Export {
        /// The syntax to write
        #[arg(long = "format", value_enum, default_value_t = ExportFormat::Toml)]
        format: ExportFormat,
    },

    /// Say what changed between two datasets, record by record and field by field, with the
    /// computed totals that move; exit 0 when nothing differs, 1 when something does, 2 when
    /// either cannot be read
    #[command(after_help = "\
OLD and NEW are dataset files, TOML or JSON (by the .json extension), as `data check` reads
them. Records are matched by their ids (events, which have none, whole), observations by their
dates; comments, layout and the file format do not count.

Examples:
  karabakh data export > before.toml
  karabakh data diff before.toml my-data.toml
  karabakh data diff old.json new.toml --format json | jq '.[] | select(.change == \"changed\")'")]
    Diff(DiffArgs),

    /// Write the active dataset as a Frictionless Data Package: datapackage.json, with the
    /// edition, licence, sources and a schema for each table, beside a CSV file per table
    #[command(after_help = "\
The tables are those of `data export --format sql`: territories, their other names, other
sources' areas, restorations stage by stage, sources, figures, observations with their
breakdowns and other sources' accounts, events, and citations (which row each source is cited
for). Files of those names in DIR are replaced; DIR is made if need be.

Examples:
  karabakh data package karabakh-data
  frictionless validate karabakh-data/datapackage.json")]
    Package {
        /// The folder to write into
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// Options of `data diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier dataset
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The later dataset
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// How to write the listing.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Which territories to keep.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only those occupied during this year (a period such as 1988–1992 matches each of its
    /// years); for the state on a day, see --on
    #[arg(long = "year", value_name = "YYYY", value_parser = When::year_text)]
    pub year: Option<When>,

    /// Only those occupied on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD): the date of
    /// occupation, not the state that day, which is --on
    #[arg(long = "since", value_name = "DATE")]
    pub since: Option<When>,

    /// Only those occupied on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD): the date of
    /// occupation, not "still held then", which is --on
    #[arg(long = "until", value_name = "DATE")]
    pub until: Option<When>,

    /// Only those of at least N km² (in km² whatever --units says)
    #[arg(long = "min-area", value_name = "N", value_parser = area, allow_hyphen_values = true)]
    pub min_area: Option<u64>,

    /// Only those of at most N km² (in km² whatever --units says)
    #[arg(long = "max-area", value_name = "N", value_parser = area, allow_hyphen_values = true)]
    pub max_area: Option<u64>,

    /// Only regions or only districts
    #[arg(long = "kind", value_enum)]
    pub kind: Option<KindChoice>,

    /// The state on this day (YYYY-MM-DD): only the territories held that day, and those
    /// whose state that day their dates do not tell
    #[arg(long = "on", value_name = "DAY", value_parser = day)]
    pub on: Option<When>,
}

impl FilterArgs {
    /// The query filter these options describe, or why no territory could match it.
    pub fn filter(&self) -> Result<Filter, EmptyRange> {
        if let (Some(min), Some(max)) = (self.min_area, self.max_area)
            && min > max
        {
            return Err(EmptyRange(format!(
                "--min-area {min} is more than --max-area {max}: no area lies between them"
            )));
        }
        Ok(Filter {
            year: self.year,
            dates: date_range(self.since, self.until)?,
            min_area: self.min_area,
            max_area: self.max_area,
            kind: self.kind.map(Kind::from),
            on: self.on.map(When::first_day),
        })
    }
}

/// A range of dates or areas that holds nothing, such as `--since 2021 --until 2020`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct EmptyRange(String);

/// The dates from `since` to `until`, or why there are none.
pub fn date_range(since: Option<When>, until: Option<When>) -> Result<DateRange, EmptyRange> {
    if let (Some(since), Some(until)) = (since, until)
        && since.first_day() > until.last_day()
    {
        return Err(EmptyRange(format!(
            "--since {since} is after --until {until}: no date lies between them"
        )));
    }
    Ok(DateRange { since, until })
}

// A day given on the command line: a date precise to the day.
fn day(text: &str) -> Result<When, String> {
    let when = When::parse(text).map_err(|e| e.to_string())?;
    match when.as_day() {
        Some(_) => Ok(when),
        None => Err(format!(
            "`{text}` is not a day; --on takes a day, such as 2020-10-10"
        )),
    }
}

// An area given on the command line: a whole number of km², more than zero.
fn area(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("an area is a positive whole number of km², such as 1000".to_owned()),
    }
}

/// The fewest pixels an SVG chart is wide or high.
pub const MIN_PIXELS: u16 = 200;

// The height of a picture: enough for a title, one bar and a caption.
fn pixels(text: &str) -> Result<u16, String> {
    at_least(text, MIN_PIXELS, "pixels", "too few", "height")
}

// A chart's width, a whole number: its unit, and so its minimum, is the format's (columns of
// text, or pixels), which the configuration checks once the format is known.
fn chart_width(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(
            "the width is a whole number: of columns for a text chart, of pixels for a \
                  picture"
                .to_owned(),
        ),
    }
}

// A chart's `what` as a whole number of `unit`, at least `min`.
fn at_least(text: &str, min: u16, unit: &str, too: &str, what: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(n) if n >= min => Ok(n),
        Ok(n) => Err(format!(
            "{n} {unit} are {too} to draw a chart; it needs at least {min}"
        )),
        Err(_) => Err(format!("the {what} is a number of {unit}, at least {min}")),
    }
}

/// Options of `districts`.
#[derive(Debug, Args)]
pub struct DistrictsArgs {
    /// How to write the listing.
    #[command(flatten)]
    pub output: OutputArgs,

    /// The order of the rows; ties are ordered by name
    #[arg(long = "sort", value_enum, default_value_t = SortChoice::Date)]
    pub sort: SortChoice,

    /// Reverse the order
    #[arg(long = "reverse", short = 'r')]
    pub reverse: bool,

    /// Which territories to list.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Options of `totals`.
#[derive(Debug, Args)]
pub struct TotalsArgs {
    /// How to write the totals.
    #[command(flatten)]
    pub output: OutputArgs,

    /// Break the totals down: `year` gives the area per year of occupation and the cumulative area
    #[arg(long = "by", value_enum, conflicts_with_all = ["series", "on"])]
    pub by: Option<GroupBy>,

    /// List every date on which the area held changed, what changed and the area held after
    #[arg(long = "series", conflicts_with = "on")]
    pub series: bool,

    /// Which territories to sum.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Options of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// How to write the record.
    #[command(flatten)]
    pub output: OutputArgs,

    /// The territory: id, name, Azerbaijani name or another spelling
    #[arg(value_name = "NAME")]
    pub name: String,

    /// Also say whether it was held on this day (YYYY-MM-DD)
    #[arg(long = "on", value_name = "DAY", value_parser = day)]
    pub on: Option<When>,
}

/// Options of `figures`.
#[derive(Debug, Args)]
pub struct FiguresArgs {
    /// How to write the listing.
    #[command(flatten)]
    pub output: OutputArgs,

    /// List every dated observation, not only the latest of each figure
    #[arg(long = "history")]
    pub history: bool,

    /// Only the figure with this id
    #[arg(value_name = "ID")]
    pub id: Option<String>,
}

/// Options of `fields`.
#[derive(Debug, Args)]
pub struct FieldsArgs {
    /// How to write the listing.
    #[command(flatten)]
    pub output: OutputArgs,

    /// Only the fields of this command's listings
    #[arg(value_name = "COMMAND", value_parser = listing_command())]
    pub command: Option<String>,
}

// The commands that list, as `fields COMMAND` takes them: those of the one registry.
fn listing_command() -> clap::builder::PossibleValuesParser {
    let commands = crate::commands::LISTING_COMMANDS.iter();
    clap::builder::PossibleValuesParser::new(
        commands.map(|c| clap::builder::PossibleValue::new(c.name).help(c.about)),
    )
}

/// Options of `sources`.
#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// How to write the listing.
    #[command(flatten)]
    pub output: OutputArgs,

    /// Only the source with this id, and every record that cites it
    #[arg(value_name = "ID")]
    pub id: Option<String>,
}

/// Options of `chart`.
#[derive(Debug, Args)]
pub struct ChartArgs {
    /// Draw the cumulative occupied area per period of occupation, side by side, as `totals
    /// --by year` gives it
    #[arg(long = "cumulative", conflicts_with_all = ["sort", "reverse", "over_time"])]
    pub cumulative: bool,

    /// Draw the area held over time to the scale of time, from the first occupation to the
    /// last restoration, as `totals --series` gives it
    #[arg(long = "over-time", conflicts_with_all = ["sort", "reverse"])]
    pub over_time: bool,

    /// The order of the bars; ties are ordered by name
    #[arg(long = "sort", value_enum, default_value_t = SortChoice::Date)]
    pub sort: SortChoice,

    /// Reverse the order of the bars
    #[arg(long = "reverse", short = 'r')]
    pub reverse: bool,

    /// Plain ASCII instead of Unicode blocks and lines
    #[arg(long = "ascii")]
    pub ascii: bool,

    /// The width to fit: columns for text, at least 30 [default: the terminal's, else
    /// $COLUMNS, else 80], pixels for SVG or PNG, at least 200 [default: 800]
    #[arg(long = "width", value_name = "N", value_parser = chart_width)]
    pub width: Option<u16>,

    /// The height of an SVG picture in pixels [default: what the bars need, or 480]
    #[arg(long = "height", value_name = "PIXELS", value_parser = pixels)]
    pub height: Option<u16>,

    /// Draw with text, or write an SVG or PNG picture [default: text, or what the extension of
    /// --output names: .svg, .png or .txt]
    #[arg(long = "format", short = 'f', value_enum)]
    pub format: Option<ChartFormat>,

    /// Write to FILE instead of standard output; without --format, its extension picks the
    /// format (.svg, .png, .txt), and another is refused
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// What an SVG picture's caption says of its sources: a credit line, or every source in
    /// full below it
    #[arg(long = "sources", value_enum, default_value_t = SourcesChoice::Short)]
    pub sources: SourcesChoice,

    /// Which territories to draw.
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// How to write the listing.
    #[command(flatten)]
    pub output: OutputArgs,

    /// List the figures about nothing the dataset holds too (verdict `unknown`)
    #[arg(long = "all")]
    pub all: bool,

    /// The text to check: one or more words, or - for standard input
    #[arg(value_name = "TEXT", required = true, num_args = 1..)]
    pub text: Vec<String>,
}

/// Options of `audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// List every figure, not only those that differ
    #[arg(long = "all")]
    pub all: bool,

    /// How to write the report: a line a figure and a summary, or JSON
    #[arg(long = "format", short = 'f', value_enum, default_value_t = AuditFormat::Text)]
    pub format: AuditFormat,

    /// The files to audit, or - for standard input
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
}

/// `audit --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    /// FILE:LINE:COLUMN: verdict: …, a line a figure, and a summary
    Text,
    /// A JSON array of the figures, each with its file, line and column
    Json,
    /// One JSON object a line
    Jsonl,
}

/// Options of `cite`.
#[derive(Debug, Args)]
pub struct CiteArgs {
    /// What to cite: NAME [FIELD], where NAME is a territory (any spelling `show` accepts), a
    /// figure id or `totals`, and FIELD is as `show`, `figures` or `totals` name it (area is
    /// area_km2); or several values at once, each NAME:FIELD, into one bibliography
    #[arg(
        value_name = "NAME [FIELD]",
        required_unless_present = "dataset",
        conflicts_with = "dataset",
        num_args = 1..
    )]
    pub items: Vec<String>,

    /// Cite the dataset itself, its edition and content hash, rather than a value
    #[arg(long = "dataset")]
    pub dataset: bool,

    /// How to write the citation
    #[arg(long = "format", short = 'f', value_enum, default_value_t = CiteFormat::Text)]
    pub format: CiteFormat,

    /// For a figure, its observation stated for DATE (as `figures --history` lists them:
    /// YYYY, YYYY-MM, YYYY-MM-DD or a period such as 1988/1992) rather than the latest
    #[arg(long = "as-of", value_name = "DATE")]
    pub as_of: Option<When>,
}

impl CiteArgs {
    /// The values to cite, each a name and perhaps a field: `NAME [FIELD]`, or any number of
    /// `NAME:FIELD` (or `NAME`) once one has a colon.
    pub fn items(&self) -> anyhow::Result<Vec<(&str, Option<&str>)>> {
        let all: Vec<&str> = self.items.iter().map(String::as_str).collect();
        if !all.iter().any(|item| item.contains(':')) {
            return match all.as_slice() {
                // --dataset, which cites no value.
                [] => Ok(Vec::new()),
                [name] => Ok(vec![(name, None)]),
                [name, field] => Ok(vec![(name, Some(field))]),
                _ => anyhow::bail!(
                    "to cite several values, give each as NAME:FIELD, such as `karabakh cite \
                     kalbajar:area shusha:occupied`"
                ),
            };
        }
        Ok((all.into_iter())
            .map(|item| match item.split_once(':') {
                Some((name, field)) if !field.trim().is_empty() => (name, Some(field)),
                Some((name, _)) => (name, None),
                None => (item, None),
            })
            .collect())
    }
}

/// Options of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Write to FILE instead of standard output: an .html or .htm file, or one without an
    /// extension
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Options of `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// How to write the listing.
    #[command(flatten)]
    pub output: OutputArgs,

    /// Only entries on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long = "since", value_name = "DATE")]
    pub since: Option<When>,

    /// Only entries on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long = "until", value_name = "DATE")]
    pub until: Option<When>,

    /// Only entries dated within this year
    #[arg(long = "year", value_name = "YYYY", value_parser = When::year_text)]
    pub year: Option<When>,

    /// Only entries that concern this territory (any name `show` accepts)
    #[arg(long = "territory", value_name = "NAME")]
    pub territory: Option<String>,

    /// Only entries of this kind (repeat, or separate with commas, for several)
    #[arg(long = "kind", value_enum, value_delimiter = ',')]
    pub kind: Vec<EntryChoice>,
}

/// `timeline --kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntryChoice {
    /// Events written in the dataset
    Event,
    /// Occupations of territories
    #[value(alias = "occupied")]
    Occupation,
    /// Restorations of control
    #[value(alias = "restored")]
    Restoration,
}

impl From<EntryChoice> for crate::query::EntryKind {
    fn from(choice: EntryChoice) -> Self {
        match choice {
            EntryChoice::Event => crate::query::EntryKind::Event,
            EntryChoice::Occupation => crate::query::EntryKind::Occupied,
            EntryChoice::Restoration => crate::query::EntryKind::Restored,
        }
    }
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatChoice {
    /// A table on a terminal, TSV otherwise
    Auto,
    /// A table for people
    Table,
    /// Tab-separated values
    Tsv,
    /// Comma-separated values (RFC 4180)
    Csv,
    /// JSON
    Json,
    /// JSON Lines: one object a line
    Jsonl,
    /// A Markdown table
    Markdown,
    /// An Excel workbook: the records, their sources and the notes, one sheet each (never to a
    /// terminal)
    Xlsx,
    /// A SQL script that creates a table of the records, with the notes as comments
    Sql,
}

/// `chart --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartFormat {
    /// Drawn with text, to fit a terminal
    Text,
    /// A standalone SVG picture, with the notes and sources as its caption
    Svg,
    /// The SVG picture as PNG, drawn with the font karabakh carries (never to a terminal)
    Png,
}

/// `chart --sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourcesChoice {
    /// One credit line: the source of the territories, and how many others there are
    Short,
    /// The credit line, then every source with its publisher, date and address
    Full,
}

/// `cite --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteFormat {
    /// A sentence with its reference
    Text,
    /// A sentence with a Markdown footnote for each source
    Markdown,
    /// A BibTeX entry for each source
    Bibtex,
    /// CSL-JSON items, as Zotero and pandoc read them
    #[value(name = "csl-json")]
    CslJson,
    /// RIS records, as reference managers import them
    Ris,
}

impl From<CiteFormat> for crate::output::cite::Style {
    fn from(choice: CiteFormat) -> Self {
        use crate::output::cite::Style;
        match choice {
            CiteFormat::Text => Style::Text,
            CiteFormat::Markdown => Style::Markdown,
            CiteFormat::Bibtex => Style::Bibtex,
            CiteFormat::CslJson => Style::CslJson,
            CiteFormat::Ris => Style::Ris,
        }
    }
}

/// `data export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TOML, as the built-in dataset is written
    Toml,
    /// JSON with the same structure
    Json,
    /// A SQL script of related tables, with keys and foreign keys, for SQLite, DuckDB or
    /// PostgreSQL
    Sql,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    /// Always colour tables and charts
    Always,
    /// Never colour
    Never,
}

/// `--units`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitChoice {
    /// Square kilometres, as the sources state areas
    Km2,
    /// Square miles, to two decimals
    Mi2,
    /// Hectares
    Ha,
}

impl From<UnitChoice> for AreaUnit {
    fn from(choice: UnitChoice) -> Self {
        match choice {
            UnitChoice::Km2 => AreaUnit::Km2,
            UnitChoice::Mi2 => AreaUnit::Mi2,
            UnitChoice::Ha => AreaUnit::Ha,
        }
    }
}

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortChoice {
    /// By date of occupation (a period by its start)
    Date,
    /// By area
    Area,
    /// By name
    Name,
    /// By years held until restoration
    Held,
}

impl From<SortChoice> for SortKey {
    fn from(choice: SortChoice) -> Self {
        match choice {
            SortChoice::Date => SortKey::Date,
            SortChoice::Area => SortKey::Area,
            SortChoice::Name => SortKey::Name,
            SortChoice::Held => SortKey::Held,
        }
    }
}

/// `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindChoice {
    /// Regions, such as Nagorno-Karabakh
    Region,
    /// Districts
    District,
}

impl From<KindChoice> for Kind {
    fn from(choice: KindChoice) -> Self {
        match choice {
            KindChoice::Region => Kind::Region,
            KindChoice::District => Kind::District,
        }
    }
}

/// `--by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// Per year of occupation, with the cumulative area
    Year,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_may_come_before_or_after_the_command() {
        for argv in [
            ["karabakh", "--color", "never", "districts"],
            ["karabakh", "districts", "--color", "never"],
        ] {
            let cli = Cli::try_parse_from(argv).unwrap();
            assert_eq!(cli.global.color, ColorChoice::Never);
        }
    }

    #[test]
    fn export_has_its_own_format_choices() {
        let cli = Cli::try_parse_from(["karabakh", "data", "export", "--format", "json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Data(DataCommand::Export {
                format: ExportFormat::Json
            }))
        ));
        assert!(Cli::try_parse_from(["karabakh", "data", "export", "--format", "csv"]).is_err());
    }

    #[test]
    fn a_year_must_be_four_digits() {
        assert!(Cli::try_parse_from(["karabakh", "districts", "--year", "93"]).is_err());
        let cli = Cli::try_parse_from(["karabakh", "districts", "--year", "1993"]).unwrap();
        let Some(Command::Districts(args)) = cli.command else {
            panic!("not districts")
        };
        assert_eq!(args.filter.year, Some(When::parse("1993").unwrap()));
    }
}
