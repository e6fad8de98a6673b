//! Citations of a value: a sentence with its reference, a Markdown footnote, and the sources as
//! BibTeX, CSL-JSON and RIS.

use std::io::{self, Write};

use chrono::Datelike;

use super::escape_for_terminal;
use crate::data::{Source, When};
use crate::query::{COMPILER, DatasetCitation, LICENCE};

/// A value, what it is, and the sources it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation<'a> {
    /// What the value is of: a territory's name, a figure's label, the totals.
    pub subject: String,
    /// What of the subject the value is, in words people read ("area", "years held"); empty
    /// where the subject says it, as for a figure.
    pub what: String,
    /// The value for people, with its unit.
    pub value: String,
    /// A qualification of a sourced value.
    pub about: Option<String>,
    /// How a computed value is computed; `None` for one the sources state.
    pub computed: Option<String>,
    /// Whether the value is the dataset's own (an id, a classification), which no source gives.
    pub dataset_only: bool,
    /// The sources it comes from, or for a computed value every source it is computed from.
    pub sources: Vec<&'a Source>,
}

impl Citation<'_> {
    // The statement: "Kalbajar, area: 1,936 km²"; "Missing persons: 3,983 people, as of …".
    fn statement(&self) -> String {
        match self.what.as_str() {
            "" => format!("{}: {}", self.subject, self.value),
            what => format!("{}, {what}: {}", self.subject, self.value),
        }
    }

    // How the value relates to its sources, in words.
    fn basis(&self) -> String {
        match (&self.computed, self.dataset_only) {
            (_, true) => "the dataset's own value; no source gives it".to_owned(),
            (Some(how), _) => format!(
                "computed by karabakh from {}: {}",
                match self.sources.len() {
                    1 => "one source".to_owned(),
                    n => format!("{n} sources"),
                },
                // The notes that say how begin "computed: " or "years held is computed: ".
                how.split_once("computed: ")
                    .map_or(how.as_str(), |(_, rest)| rest)
            ),
            (None, _) => match &self.about {
                Some(about) => format!("as stated by the source; {about}"),
                None => "as stated by the source".to_owned(),
            },
        }
    }
}

/// How a citation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A sentence with its references.
    Text,
    /// A sentence with a Markdown footnote for each source.
    Markdown,
    /// A BibTeX entry for each source.
    Bibtex,
    /// A CSL-JSON array, an item for each source.
    CslJson,
    /// A RIS record for each source.
    Ris,
}

/// Writes `citations` in `format`, each also citing `dataset`, the edition of the dataset the
/// values were compiled in, where there is one; with no citations, the dataset alone.
pub fn write(
    citations: &[Citation<'_>],
    dataset: Option<&DatasetCitation>,
    format: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Style::Text => {
            for (i, c) in citations.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                // For people, as a table is: control and invisible characters are escaped.
                let line = format!("{} ({}).", c.statement(), c.basis());
                writeln!(out, "{}", escape_for_terminal(&line))?;
                for s in &c.sources {
                    writeln!(out, "  {}", escape_for_terminal(&reference(s)))?;
                }
                if let Some(d) = dataset {
                    writeln!(out, "  [{}] {}", d.id, escape_for_terminal(&d.reference()))?;
                }
            }
            if let (Some(d), true) = (dataset, citations.is_empty()) {
                writeln!(out, "{}.", escape_for_terminal(&d.reference()))?;
                writeln!(out, "  Licence: {} <{}>", LICENCE.name, LICENCE.url)?;
            }
            Ok(())
        }
        Style::Markdown => {
            for c in citations {
                let marks: String = (c.sources.iter())
                    .map(|s| footnote_label(&s.id))
                    .chain(dataset.map(|d| footnote_label(&d.id)))
                    .map(|label| format!("[^{label}]"))
                    .collect();
                let line = format!(
                    "{} ({}).{marks}",
                    super::markdown::literal(&c.statement()),
                    super::markdown::literal(&c.basis())
                );
                writeln!(out, "{}", escape_for_terminal(&line))?;
            }
            let notes = unique_sources(citations);
            if let (Some(d), true) = (dataset, citations.is_empty()) {
                writeln!(out, "{}", escape_for_terminal(&markdown_dataset(d)))?;
                return Ok(());
            }
            if !notes.is_empty() {
                writeln!(out)?;
            }
            for s in notes {
                let line = format!("[^{}]: {}", footnote_label(&s.id), markdown_reference(s));
                writeln!(out, "{}", escape_for_terminal(&line))?;
            }
            if let Some(d) = dataset {
                let line = format!("[^{}]: {}", footnote_label(&d.id), markdown_dataset(d));
                writeln!(out, "{}", escape_for_terminal(&line))?;
            }
            Ok(())
        }
        Style::Bibtex => {
            // What is cited goes in comments, so that an entry is the same text wherever its
            // source is cited, and entries of several outputs de-duplicate cleanly.
            for c in citations {
                let keys: Vec<String> = (c.sources.iter().map(|s| s.id.as_str()))
                    .chain(dataset.map(|d| d.id.as_str()))
                    .map(bibtex_key)
                    .collect();
                let line = format!("{} ({}) [{}]", c.statement(), c.basis(), keys.join(", "));
                writeln!(out, "% {}", line.replace(['\n', '\r'], " "))?;
            }
            for (i, s) in unique_sources(citations).into_iter().enumerate() {
                if i > 0 || !citations.is_empty() {
                    writeln!(out)?;
                }
                write_bibtex(out, s)?;
            }
            if let Some(d) = dataset {
                if !citations.is_empty() {
                    writeln!(out)?;
                }
                write_bibtex_dataset(out, d)?;
            }
            Ok(())
        }
        Style::CslJson => {
            let items: Vec<serde_json::Value> = (unique_sources(citations).into_iter())
                .map(csl_item)
                .chain(dataset.map(csl_dataset))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &items)?;
            writeln!(out)
        }
        Style::Ris => {
            for s in unique_sources(citations) {
                write_ris(out, s)?;
            }
            if let Some(d) = dataset {
                write_ris_dataset(out, d)?;
            }
            Ok(())
        }
    }
}

// Every source of `citations`, once, in the order they are cited.
fn unique_sources<'c, 'a>(citations: &'c [Citation<'a>]) -> Vec<&'c Source> {
    let mut seen = std::collections::HashSet::new();
    (citations.iter().flat_map(|c| &c.sources))
        .filter(|s| seen.insert(s.id.as_str()))
        .map(|s| &**s)
        .collect()
}

/// A source in one line: "[id] title, publisher, date, address", leaving out what is not
/// known.
pub fn reference(s: &Source) -> String {
    format!("[{}] {}", s.id, reader_reference(s))
}

/// A source in one line as a reader cites it, without its id: "title, publisher, date,
/// address (accessed …)".
pub fn reader_reference(s: &Source) -> String {
    let mut text = s.title.clone();
    for part in [
        s.publisher_beyond_title().map(str::to_owned),
        s.date.map(When::iso),
    ]
    .into_iter()
    .flatten()
    {
        text.push_str(&format!(", {part}"));
    }
    if let Some(url) = s.url.as_deref() {
        text.push_str(&format!(", {url}"));
    }
    if let Some(accessed) = s.accessed {
        text.push_str(&format!(" (accessed {})", accessed.iso()));
    }
    text
}

fn markdown_reference(s: &Source) -> String {
    let mut text = format!("*{}*", super::markdown::literal(&s.title));
    for part in [
        s.publisher_beyond_title().map(super::markdown::literal),
        s.date.map(When::iso),
    ]
    .into_iter()
    .flatten()
    {
        text.push_str(&format!(", {part}"));
    }
    if let Some(url) = s.url.as_deref() {
        // Only an address with its scheme is a link in Markdown.
        if url.starts_with("http://") || url.starts_with("https://") {
            text.push_str(&format!(", <{}>", crate::escape::link_target(url)));
        } else {
            text.push_str(&format!(", {}", super::markdown::literal(url)));
        }
    }
    if let Some(accessed) = s.accessed {
        text.push_str(&format!(" (accessed {})", accessed.iso()));
    }
    text.push('.');
    text
}

fn markdown_dataset(d: &DatasetCitation) -> String {
    format!(
        "*{}*, {COMPILER}, {}, SHA-256 `{}`, licensed [{}]({}).",
        super::markdown::literal(&d.title),
        d.edition.released,
        d.sha256,
        LICENCE.short,
        LICENCE.url
    )
}

// A footnote label: letters, digits and hyphens.
fn footnote_label(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

// An entry of the source alone, the same text wherever it is cited: a web page is `@online`,
// a document `@misc`, with the fields biblatex and pandoc read.
fn write_bibtex(out: &mut dyn Write, s: &Source) -> io::Result<()> {
    let kind = if s.url.is_some() { "online" } else { "misc" };
    let mut fields = vec![("title", format!("{{{}}}", bibtex_text(&s.title)))];
    if let Some(p) = s.publisher_beyond_title() {
        fields.push(("publisher", format!("{{{}}}", bibtex_text(p))));
    }
    if let Some(date) = s.date {
        fields.push(("year", format!("{{{}}}", date.first_day().year())));
        fields.push(("date", format!("{{{}}}", date.iso())));
    }
    if let Some(url) = s.url.as_deref() {
        fields.push(("url", format!("{{{}}}", bibtex_url(url))));
    }
    if let Some(accessed) = s.accessed {
        fields.push(("urldate", format!("{{{}}}", accessed.iso())));
    }
    if let Some(language) = s.language.as_deref() {
        fields.push((
            "langid",
            format!("{{{}}}", bibtex_text(babel_name(language))),
        ));
    }
    writeln!(out, "@{kind}{{{},", bibtex_key(&s.id))?;
    let last = fields.len() - 1;
    for (i, (name, value)) in fields.into_iter().enumerate() {
        let comma = if i < last { "," } else { "" };
        writeln!(out, "  {name} = {value}{comma}")?;
    }
    writeln!(out, "}}")
}

// The dataset as biblatex's `@dataset`, which pandoc reads as CSL's `dataset`.
fn write_bibtex_dataset(out: &mut dyn Write, d: &DatasetCitation) -> io::Result<()> {
    writeln!(out, "@dataset{{{},", bibtex_key(&d.id))?;
    writeln!(out, "  title = {{{}}},", bibtex_text(&d.title))?;
    writeln!(out, "  author = {{{{{}}}}},", bibtex_text(COMPILER))?;
    writeln!(out, "  version = {{{}}},", bibtex_text(&d.edition.id))?;
    writeln!(out, "  year = {{{}}},", d.edition.released.year())?;
    writeln!(out, "  date = {{{}}},", d.edition.released)?;
    writeln!(
        out,
        "  note = {{SHA-256 {}; licensed {}}}",
        d.sha256,
        bibtex_text(LICENCE.short)
    )?;
    writeln!(out, "}}")
}

// A citation key: BibTeX allows no spaces, commas or braces in one.
fn bibtex_key(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

// Text inside braces, with TeX's special characters escaped so that the braces balance.
fn bibtex_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

// An address in a `url` field, which is verbatim: only braces, which would end it, are encoded.
fn bibtex_url(url: &str) -> String {
    url.replace('{', "%7B")
        .replace('}', "%7D")
        .replace('\\', "%5C")
}

fn csl_item(s: &Source) -> serde_json::Value {
    let mut item = serde_json::Map::new();
    item.insert("id".into(), s.id.as_str().into());
    let kind = if s.url.is_some() {
        "webpage"
    } else {
        "document"
    };
    item.insert("type".into(), kind.into());
    item.insert("title".into(), s.title.as_str().into());
    if let Some(p) = s.publisher_beyond_title() {
        item.insert("publisher".into(), p.into());
    }
    if let Some(url) = s.url.as_deref() {
        item.insert("URL".into(), url.into());
    }
    if let Some(date) = s.date {
        item.insert(
            "issued".into(),
            serde_json::json!({ "date-parts": [date_parts(date)] }),
        );
    }
    if let Some(accessed) = s.accessed {
        item.insert(
            "accessed".into(),
            serde_json::json!({ "date-parts": [date_parts(accessed)] }),
        );
    }
    if let Some(language) = s.language.as_deref() {
        item.insert("language".into(), language.into());
    }
    serde_json::Value::Object(item)
}

fn csl_dataset(d: &DatasetCitation) -> serde_json::Value {
    let released = When::day(d.edition.released);
    serde_json::json!({
        "id": d.id,
        "type": "dataset",
        "title": d.title,
        "author": [{ "literal": COMPILER }],
        "version": d.edition.id,
        "issued": { "date-parts": [date_parts(released)] },
        "license": LICENCE.short,
        "note": format!("SHA-256 {}", d.sha256),
    })
}

// A date as CSL's parts: the year, then the month and the day as far as they are known.
fn date_parts(when: When) -> Vec<u32> {
    let first = when.first_day();
    let last = when.last_day();
    let mut parts = vec![first.year().max(0) as u32];
    if first.year() == last.year() && first.month() == last.month() {
        parts.push(first.month());
        if first == last {
            parts.push(first.day());
        }
    }
    parts
}

fn write_ris(out: &mut dyn Write, s: &Source) -> io::Result<()> {
    let kind = if s.url.is_some() { "ELEC" } else { "GEN" };
    // A tag's value is one line to any reader: whatever some reader takes for a line break
    // (Python's `splitlines()` takes all of these) becomes a space, so no value forges a tag.
    let breaks = [
        '\n', '\r', '\u{b}', '\u{c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}',
        '\u{2029}',
    ];
    let line = |tag: &str, value: &str| format!("{tag}  - {}", value.replace(breaks, " "));
    let mut lines = vec![line("TY", kind), line("ID", &s.id), line("TI", &s.title)];
    if let Some(p) = s.publisher_beyond_title() {
        lines.push(line("PB", p));
    }
    if let Some(date) = s.date {
        lines.push(line("PY", &date_parts(date)[0].to_string()));
        lines.push(line("DA", &ris_date(date)));
    }
    if let Some(url) = s.url.as_deref() {
        lines.push(line("UR", url));
    }
    if let Some(accessed) = s.accessed {
        lines.push(line("Y2", &ris_date(accessed)));
    }
    if let Some(language) = s.language.as_deref() {
        lines.push(line("LA", language));
    }
    lines.push("ER  - ".to_owned());
    for l in lines {
        writeln!(out, "{l}")?;
    }
    Ok(())
}

fn write_ris_dataset(out: &mut dyn Write, d: &DatasetCitation) -> io::Result<()> {
    let released = When::day(d.edition.released);
    for (tag, value) in [
        ("TY", "DATA".to_owned()),
        ("ID", d.id.clone()),
        ("TI", d.title.clone()),
        ("AU", COMPILER.to_owned()),
        ("ET", d.edition.id.clone()),
        ("PY", d.edition.released.year().to_string()),
        ("DA", ris_date(released)),
        (
            "N1",
            format!("SHA-256 {}; licensed {}", d.sha256, LICENCE.short),
        ),
    ] {
        // A validated edition's id holds no line break, so each value is one line.
        writeln!(out, "{tag}  - {value}")?;
    }
    writeln!(out, "ER  - ")
}

// A date as RIS writes it: `2026/12/02`, `2026/11`.
fn ris_date(when: When) -> String {
    let parts = date_parts(when);
    let mut text = format!("{:04}", parts[0]);
    for p in &parts[1..] {
        text.push_str(&format!("/{p:02}"));
    }
    text
}

// The name biblatex's `langid` takes for a language tag, where it is one of the dataset's;
// the tag itself otherwise.
fn babel_name(tag: &str) -> &str {
    match tag.split('-').next().unwrap_or(tag) {
        "ru" => "russian",
        "it" => "italian",
        "de" => "german",
        "en" => "english",
        "fr" => "french",
        "hy" => "armenian",
        "tr" => "turkish",
        _ => tag,
    }
}
