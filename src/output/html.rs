//! One self-contained HTML page: tables, inline SVG charts and a numbered list of sources that
//! every value links to. maud escapes everything written into it; nothing is loaded from the
//! network, and the page's Content-Security-Policy forbids it.

use std::collections::HashMap;
use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Listing, Origin, Shape, Value};
use crate::data::Source;
use crate::escape::link_target;

/// What the page shows, in order.
#[derive(Debug)]
pub struct Page<'a> {
    /// The page's title and first heading.
    pub title: String,
    /// A line on the dataset: how many records, facts to which date.
    pub dataset: String,
    /// How to cite the dataset, where it names an edition.
    pub citation: Option<crate::query::DatasetCitation>,
    /// The answer in sentences a reader can quote, above the totals' tables.
    pub lead: Vec<Sentence<'a>>,
    /// The totals of every territory.
    pub totals: Listing,
    /// The tables and charts after the totals.
    pub sections: Vec<Section>,
    /// Every source, numbered in this order.
    pub sources: Vec<&'a Source>,
}

/// A sentence of the page: its words, each figure followed by the sources it comes from.
pub type Sentence<'a> = Vec<Piece<'a>>;

/// A piece of a sentence: words, or links to the sources of what comes before.
#[derive(Debug)]
pub enum Piece<'a> {
    /// Words.
    Words(String),
    /// Links to these sources, by their numbers in the list at the end.
    Sources(Vec<&'a Source>),
}

/// A part of the page under its own heading.
#[derive(Debug)]
pub enum Section {
    /// A listing as a table, with its notes.
    Table {
        /// The anchor of the section.
        id: String,
        /// Its heading.
        heading: String,
        /// The listing.
        report: Listing,
    },
    /// A chart as inline SVG, drawn twice: for a wide screen and for a phone.
    Chart {
        /// The anchor of the section.
        id: String,
        /// Its heading.
        heading: String,
        /// The SVG element for wide screens and print, made by [`super::svg::element`].
        svg: String,
        /// The same chart laid out for a phone's width, shown there instead.
        narrow: String,
    },
}

// No script, no network: styles inline only, pictures inline or as data: addresses.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                      base-uri 'none'; form-action 'none'";

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --link: #0b5c8a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--rule); }
p.dataset, .notes, footer { color: var(--muted); font-size: 0.9rem; }
footer { overflow-wrap: anywhere; margin-top: 2rem; }
p.lead { max-width: 44rem; margin: 0.5rem 0; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
a { color: var(--link); }
a.cite { text-decoration: none; white-space: nowrap; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; }
figure.wide svg { max-width: 640px; }
figure.narrow { display: none; }
figure.narrow svg { max-width: 400px; }
.scroll > table.listing { min-width: 40rem; }
/* A shadow at an edge the table scrolls past, and on a phone a line that says it scrolls. */
.scroll { background: linear-gradient(to right, #fff 30%, #fff0), linear-gradient(to left, #fff 30%, #fff0) 100% 0, radial-gradient(farthest-side at 0 50%, #0003, #0000), radial-gradient(farthest-side at 100% 50%, #0003, #0000) 100% 0; background-repeat: no-repeat; background-size: 2.5rem 100%, 2.5rem 100%, 0.9rem 100%, 0.9rem 100%; background-attachment: local, local, scroll, scroll; }
p.scrolls { display: none; margin: 0.25rem 0; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 42rem) {
  figure.wide { display: none; }
  figure.narrow { display: block; }
  p.scrolls { display: block; }
}
ol.sources li { margin-bottom: 0.3rem; overflow-wrap: anywhere; }
.computed { font-style: italic; }
@media print {
  figure.wide { display: block; }
  figure.narrow, p.scrolls { display: none; }
  body { max-width: none; font-size: 11pt; }
  .scroll { overflow: visible; }
  a { color: inherit; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
}
"#;

/// Writes `page` as an HTML document.
pub fn write(page: &Page<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(page).into_string().as_bytes())
}

fn render(page: &Page<'_>) -> Markup {
    let numbers = Numbers::new(&page.sources);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (page.title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (page.title) }
                    p.dataset { "Made by karabakh " (env!("CARGO_PKG_VERSION")) " from its dataset: " (page.dataset) ". Every value links to its source in the numbered list at the end; computed values say so." }
                    nav {
                        a href="#totals" { "Totals" } " · "
                        @for section in &page.sections {
                            @let (id, heading) = section.anchor();
                            a href={ "#" (id) } { (heading) } " · "
                        }
                        a href="#sources" { "Sources" }
                    }
                }
                main {
                    section id="totals" {
                        h2 { "Totals" }
                        @for sentence in &page.lead {
                            p.lead { @for piece in sentence { (numbers.piece(piece)) } }
                        }
                        (shares(&page.totals, &numbers))
                        (record(&page.totals, &numbers))
                        (notes(&page.totals))
                    }
                    @for section in &page.sections {
                        @match section {
                            Section::Table { id, heading, report } => {
                                section id=(id) {
                                    h2 { (heading) }
                                    (table(report, &numbers))
                                    (notes(report))
                                }
                            }
                            Section::Chart { id, heading, svg, narrow } => {
                                section id=(id) {
                                    h2 { (heading) }
                                    figure.wide { (PreEscaped(svg)) }
                                    figure.narrow { (PreEscaped(narrow)) }
                                }
                            }
                        }
                    }
                    section id="sources" {
                        h2 { "Sources" }
                        ol.sources {
                            @for (i, s) in page.sources.iter().enumerate() {
                                li id={ "source-" (i + 1) } {
                                    cite { (s.title) }
                                    @if let Some(p) = s.publisher_beyond_title() { ", " (p) }
                                    @if let Some(d) = s.date { ", " (d.iso()) }
                                    @if let Some(url) = s.url.as_deref() {
                                        ", "
                                        @if url.starts_with("http://") || url.starts_with("https://") {
                                            a href=(link_target(url)) { (url) }
                                        } @else {
                                            (url)
                                        }
                                    }
                                    @if let Some(d) = s.accessed { " (accessed " (d.iso()) ")" }
                                }
                            }
                        }
                    }
                }
                footer {
                    @if let Some(cited) = &page.citation {
                        p { "To cite the dataset: " (cited.reference()) "." }
                    }
                    p {
                        "Licence: " (crate::query::LICENCE_SCOPE) " "
                        a href=(crate::query::LICENCE.url) { (crate::query::LICENCE.name) } "."
                    }
                }
            }
        }
    }
}

impl Section {
    fn anchor(&self) -> (&str, &str) {
        match self {
            Section::Table { id, heading, .. } | Section::Chart { id, heading, .. } => {
                (id, heading)
            }
        }
    }
}

// The number and title of each source in the list at the end, by id.
struct Numbers<'a>(HashMap<&'a str, (usize, &'a str)>);

impl<'a> Numbers<'a> {
    fn new(sources: &[&'a Source]) -> Self {
        let numbered = sources.iter().enumerate();
        Numbers(
            numbered
                .map(|(i, s)| (s.id.as_str(), (i + 1, s.title.as_str())))
                .collect(),
        )
    }

    // Its number and title.
    fn of(&self, id: &str) -> Option<(usize, &'a str)> {
        self.0.get(id).copied()
    }

    // A piece of a sentence: its words, or links to its sources.
    fn piece(&self, piece: &Piece<'_>) -> Markup {
        match piece {
            Piece::Words(words) => html! { (words) },
            Piece::Sources(sources) => html! {
                @for s in sources {
                    @if let Some((n, title)) = self.of(&s.id) {
                        " " a.cite href={ "#source-" (n) } title=(title) { "[" (n) "]" }
                    }
                }
            },
        }
    }

    // Links to the sources named in a cell.
    fn links(&self, value: &Value) -> Markup {
        html! {
            @for id in value.texts() {
                @match self.of(id) {
                    Some((n, title)) => { a.cite href={ "#source-" (n) } title=(title) { "[" (n) "]" } " " }
                    None => { (id) " " }
                }
            }
        }
    }
}

// The stated share beside the computed ones.
fn shares(totals: &Listing, numbers: &Numbers<'_>) -> Markup {
    let value = |key: &str| totals.value_of(key);
    let stated = value("stated_share_percent");
    let stated_source = value("stated_share_source");
    html! {
        div.scroll {
            table {
                caption { "Share of the country's area" }
                thead { tr {
                    th scope="col" { "stated by the source, %" }
                    th scope="col" { "computed, counted once, %" }
                    th scope="col" { "computed, as listed, %" }
                } }
                tbody { tr {
                    td.number {
                        @match &stated {
                            Some(v) if *v != Value::Null => { (v.human()) " " @if let Some(s) = &stated_source { (numbers.links(s)) } }
                            _ => { "—" }
                        }
                    }
                    td.number.computed { (value("share_percent").map(|v| v.human()).unwrap_or_default()) }
                    td.number.computed { (value("share_percent_listed").map(|v| v.human()).unwrap_or_default()) }
                } }
            }
        }
    }
}

// A single record as a table of field and value.
fn record(report: &Listing, numbers: &Numbers<'_>) -> Markup {
    let row = report.rows().next().unwrap_or_default();
    html! {
        div.scroll {
            table {
                thead { tr { th scope="col" { "total" } th scope="col" { "value" } } }
                tbody {
                    @for (column, value) in report.columns.iter().zip(row) {
                        tr {
                            th scope="row" { (column.label) }
                            (cell(column, value, numbers))
                        }
                    }
                }
            }
        }
    }
}

// A listing as a table with a header row.
fn table(report: &Listing, numbers: &Numbers<'_>) -> Markup {
    if report.shape == Shape::Record {
        return record(report, numbers);
    }
    html! {
        // A listing is wider than a phone (its minimum width says so), which hides its scroll bar.
        p.scrolls { "Scroll the table sideways to see every column." }
        div.scroll {
            table.listing {
                // The ids a command line takes mean nothing to a reader.
                thead { tr { @for c in report.columns.iter().filter(|c| !c.identifies) { th scope="col" { (c.label) } } } }
                tbody {
                    @for row in report.rows() {
                        tr {
                            @for (column, value) in report.columns.iter().zip(row.iter()).filter(|(c, _)| !c.identifies) {
                                (cell(column, value, numbers))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn notes(report: &Listing) -> Markup {
    html! {
        @if !report.notes.is_empty() {
            ul.notes { @for n in &report.notes { li { (n) } } }
        }
    }
}

// A value's cell: links to its sources in a column that cites, else the value for people.
fn cell(column: &super::Column, value: &Value, numbers: &Numbers<'_>) -> Markup {
    html! {
        @if column.cites {
            td { (numbers.links(value)) }
        } @else {
            td class=[cell_class(value, column.origin)] { (value.human()) }
        }
    }
}

fn cell_class(value: &Value, origin: Origin) -> Option<&'static str> {
    let computed = origin == Origin::Computed;
    match (value, computed) {
        (Value::Int(_) | Value::Decimal(..), true) => Some("number computed"),
        (Value::Int(_) | Value::Decimal(..), false) => Some("number"),
        (Value::Date(_), _) => Some("date"),
        (_, true) => Some("computed"),
        _ => None,
    }
}
