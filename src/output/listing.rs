//! The listing model: the columns, the typed values of its cells and the rows that every
//! format writes.

use std::borrow::Cow;

use crate::data::{Cited, Dataset, Source, Territory, TerritoryRef, When};
use crate::query::AreaUnit;

/// A column of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The stable snake_case name used by machine formats.
    pub key: Cow<'static, str>,
    /// The heading shown to people in tables and Markdown.
    pub label: Cow<'static, str>,
    /// Whether a table for people may leave the column out, and in what order: the lowest
    /// rank goes first when the table is too wide, and a column with one value on every row
    /// is said once in a note. `None` for a column every table shows.
    pub optional: Option<u8>,
    /// What the column holds, for `karabakh fields`.
    pub about: &'static str,
    /// Where its values come from.
    pub origin: Origin,
    /// Whether its values are the ids of the sources of the row, which the formats that list
    /// the sources (xlsx, HTML) link to.
    pub cites: bool,
    /// Whether its values qualify the row's other values (a note, a figure's source): a table
    /// that cannot show the column gives them below itself, numbered against their rows.
    pub caveat: bool,
    /// Whether its values are the short ids a command line takes, which the page, written
    /// for readers, leaves out.
    pub identifies: bool,
}

/// Where the values of a column come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// From the sources, as they give them.
    Sourced,
    /// Computed by karabakh from sourced values.
    Computed,
    /// Given on the command line, such as the day of `--on`.
    Given,
    /// Set by the dataset itself, which no source gives, such as a territory's kind.
    Dataset,
}

impl Origin {
    /// The word for it in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Sourced => "sourced",
            Origin::Computed => "computed",
            Origin::Given => "given",
            Origin::Dataset => "dataset",
        }
    }
}

impl Column {
    /// A column with a machine `key` and a human `label`.
    pub const fn new(key: &'static str, label: &'static str) -> Self {
        Column {
            key: Cow::Borrowed(key),
            label: Cow::Borrowed(label),
            optional: None,
            about: "",
            origin: Origin::Sourced,
            cites: false,
            caveat: false,
            identifies: false,
        }
    }

    /// The column, whose values are the ids a command line takes.
    pub const fn identifies(mut self) -> Self {
        self.identifies = true;
        self
    }

    /// The column, whose values are the ids of the sources of the row's values.
    pub const fn cites(mut self) -> Self {
        self.cites = true;
        self
    }

    /// The column, saying what it holds.
    pub const fn about(mut self, about: &'static str) -> Self {
        self.about = about;
        self
    }

    /// The column, whose values qualify their rows: never left out of a table without them.
    pub const fn caveat(mut self) -> Self {
        self.caveat = true;
        self
    }

    /// The column, whose values karabakh computes rather than takes from a source.
    pub const fn computed(mut self) -> Self {
        self.origin = Origin::Computed;
        self
    }

    /// The column, whose values are what the command line gave.
    pub const fn given(mut self) -> Self {
        self.origin = Origin::Given;
        self
    }

    /// The column, whose values the dataset sets though no source gives them.
    pub const fn of_dataset(mut self) -> Self {
        self.origin = Origin::Dataset;
        self
    }

    /// The column, which a table may leave out at `rank` (the lowest first).
    pub const fn optional(mut self, rank: u8) -> Self {
        self.optional = Some(rank);
        self
    }

    /// A column of areas in `unit`; its key and label are written for km² (`area_km2`,
    /// `area km²`) and renamed for other units (`area_mi2`, `area mi²`).
    pub fn area(key: &'static str, label: &'static str, unit: AreaUnit) -> Self {
        if unit.is_source_unit() {
            Column::new(key, label)
        } else {
            Column {
                key: Cow::Owned(unit.rename(key)),
                label: Cow::Owned(unit.rename(label)),
                ..Column::new(key, label)
            }
        }
    }
}

/// `--fields` named a field the report does not have, or one field twice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// A field the report does not have.
    #[error("unknown field `{field}`; {}the fields here are: {}", heading_of.as_deref().map(did_you_mean).unwrap_or_default(), available.join(", "))]
    Unknown {
        /// The field asked for.
        field: String,
        /// The fields there are, in order.
        available: Vec<String>,
        /// The field the name asked for is the heading of, or is in another unit, if any.
        heading_of: Option<String>,
    },
    /// A field named twice, which JSON cannot hold twice in one object.
    #[error("`--fields` names `{0}` twice; name each field once")]
    Twice(String),
}

/// One cell of a listing, typed so each format can write it its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing known: empty in TSV and CSV, `null` in JSON.
    Null,
    /// Text, kept exactly; a fixed word of the tool (a kind, a scope) is not copied per row.
    Text(Cow<'static, str>),
    /// A whole number.
    Int(u64),
    /// A computed number, shown with `places` decimals.
    Decimal(f64, u8),
    /// A date at its source's precision.
    Date(When),
    /// Several texts: an array in JSON, joined with `; ` elsewhere.
    List(Vec<String>),
    /// Structured data: `json` in JSON, `text` everywhere else.
    Structured(Box<Structured>),
}

/// Data with a one-line text form and a JSON form, such as the parts of a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Structured {
    /// The one-line form for text formats.
    pub text: String,
    /// The form for JSON.
    pub json: serde_json::Value,
}

impl Value {
    /// Text, copied.
    pub fn str(s: &str) -> Self {
        Value::Text(Cow::Owned(s.to_owned()))
    }

    /// A fixed word of the tool, such as a kind or a scope.
    pub fn word(s: &'static str) -> Self {
        Value::Text(Cow::Borrowed(s))
    }

    /// Text made for the listing.
    pub fn owned(s: String) -> Self {
        Value::Text(Cow::Owned(s))
    }

    /// Text, or null when absent.
    pub fn opt(s: Option<&str>) -> Self {
        s.map_or(Value::Null, Value::str)
    }

    /// Structured data with its text and JSON forms.
    pub fn structured(text: String, json: serde_json::Value) -> Self {
        Value::Structured(Box::new(Structured { text, json }))
    }

    /// The plain form for machines: `14682`, `1988/1992`, `16.62`.
    pub fn machine(&self) -> Cow<'_, str> {
        match self {
            Value::Null => Cow::Borrowed(""),
            Value::Text(s) => Cow::Borrowed(s),
            Value::Int(n) => Cow::Owned(n.to_string()),
            Value::Decimal(x, places) => Cow::Owned(format!("{x:.*}", usize::from(*places))),
            Value::Date(w) => Cow::Owned(w.iso()),
            Value::List(items) => Cow::Owned(items.join("; ")),
            Value::Structured(s) => Cow::Borrowed(&s.text),
        }
    }

    /// The texts of a list, or a text alone; nothing for any other value. A column that cites
    /// holds its source ids so.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Value::List(items) => items.iter().map(|s| s.as_ref()).collect(),
            Value::Text(s) => vec![s.as_ref()],
            _ => Vec::new(),
        }
    }

    /// The form for people: `14,682`, `1988–1992`, `—` for nothing.
    pub fn human(&self) -> String {
        match self {
            Value::Int(n) => thousands(*n),
            Value::Decimal(..) => group_thousands(&self.machine()),
            Value::Date(w) => w.human(),
            other => match other.machine() {
                s if s.is_empty() => "—".to_owned(),
                s => s.into_owned(),
            },
        }
    }

    /// The JSON form: numbers stay numbers, dates become ISO strings.
    pub fn json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Text(s) => s.as_ref().into(),
            Value::Int(n) => (*n).into(),
            // The shown precision, as a JSON number.
            Value::Decimal(..) => self
                .machine()
                .parse::<f64>()
                .map_or(serde_json::Value::Null, Into::into),
            Value::Date(w) => w.iso().into(),
            Value::List(items) => items
                .iter()
                .map(|s| s.as_ref())
                .collect::<Vec<&str>>()
                .into(),
            Value::Structured(s) => s.json.clone(),
        }
    }

    /// Whether the value is a number, which tables align to the right.
    pub fn is_numeric(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Decimal(..))
    }

    /// Sources as a list of their ids.
    pub fn sources(ds: &Dataset, cited: &Cited) -> Self {
        Value::List(
            cited
                .refs()
                .iter()
                .map(|&r| ds.source(r).id.clone())
                .collect(),
        )
    }

    /// Territories as a list, named as `naming` says.
    pub fn territories(ds: &Dataset, refs: &[TerritoryRef], naming: Naming) -> Self {
        Value::List(
            (refs.iter())
                .map(|&r| naming.territory(ds.territory(r)).to_owned())
                .collect(),
        )
    }

    /// An area given in km², in `unit`: whole km² and hectares, or square miles to two places.
    pub fn area(km2: u64, unit: AreaUnit) -> Value {
        let converted = unit.convert(km2);
        match converted.places {
            0 => Value::Int(u64::try_from(converted.scaled).unwrap_or(u64::MAX)),
            places => Value::Decimal(converted.value(), places),
        }
    }

    /// Optional sources as a list of their ids, or null.
    pub fn maybe_sources(ds: &Dataset, cited: Option<&Cited>) -> Self {
        cited.map_or(Value::Null, |c| Value::sources(ds, c))
    }
}

/// Whether a report is a list of records or a single record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Many records: a JSON array, a table with a header row.
    List,
    /// One record: a JSON object, a table of field and value.
    Record,
    /// One record written one field a row, the field named in the first column and its value,
    /// source and note in the others (`show`): written as a list, but `--fields` picks rows.
    Fields,
}

/// What a command has to say: columns, rows, and notes for people.
#[derive(Debug)]
pub struct Listing {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows; each has one value per column.
    pub rows: Vec<Vec<Value>>,
    /// A list of records or a single record.
    pub shape: Shape,
    /// Notes shown under tables and Markdown: what is computed, where sources disagree.
    pub notes: Vec<String>,
}

/// What the values of a listing's fields are got from besides the record: the dataset, the
/// unit of areas and the day asked about.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The dataset the records are of.
    pub ds: &'a Dataset,
    /// The unit of areas.
    pub unit: AreaUnit,
    /// The day of `--on`, if one was given.
    pub on: Option<chrono::NaiveDate>,
    /// How values and notes name territories and sources.
    pub naming: Naming,
}

impl<'a> Context<'a> {
    /// The context of a listing of `ds` that has no areas and no day, naming things by id.
    pub fn of(ds: &'a Dataset) -> Self {
        Context {
            ds,
            unit: AreaUnit::Km2,
            on: None,
            naming: Naming::Ids,
        }
    }
}

/// How a listing names territories, sources and parts: by the ids a command line takes, for
/// the terminal and machines, or by the names people read, in what is published (a picture, the
/// page, a workbook).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// By id, as `show`, `--territory` and `cite` take them.
    Ids,
    /// By name, with no command line in the text.
    Names,
}

impl Naming {
    /// A territory as this naming names it.
    pub fn territory(self, t: &Territory) -> &str {
        match self {
            Naming::Ids => &t.id,
            Naming::Names => &t.name,
        }
    }

    /// A source as this naming names it.
    pub fn source(self, s: &Source) -> &str {
        match self {
            Naming::Ids => &s.id,
            Naming::Names => &s.title,
        }
    }

    /// The sources `cited` names, as this naming names them.
    pub fn sources<'a>(self, ds: &'a Dataset, cited: &Cited) -> Vec<&'a str> {
        (cited.refs().iter())
            .map(|&r| self.source(ds.source(r)))
            .collect()
    }
}

/// A field of a listing of records `R`: its column (header, meaning, origin) and the function
/// that gives its value for a record. A new field of a listing is one of these.
pub struct Field<R> {
    /// The column.
    pub column: Column,
    /// The value of a record.
    pub value: fn(&Context<'_>, R) -> Value,
}

impl<R> Field<R> {
    /// The field of `column`, whose value `value` gives.
    pub fn new(column: Column, value: fn(&Context<'_>, R) -> Value) -> Self {
        Field { column, value }
    }
}

/// The columns of `fields`, in order.
pub fn columns_of<R>(fields: &[Field<R>]) -> Vec<Column> {
    fields.iter().map(|f| f.column.clone()).collect()
}

impl Listing {
    /// A list of `records`, a row each, with a column and a value for each of `fields`.
    pub fn of<R: Copy>(
        context: &Context<'_>,
        fields: &[Field<R>],
        records: impl IntoIterator<Item = R>,
    ) -> Self {
        let mut listing = Listing::list(columns_of(fields));
        for record in records {
            listing.push(fields.iter().map(|f| (f.value)(context, record)).collect());
        }
        listing
    }

    /// A record written one field a row: a row for each of `records`, whose first field names
    /// what the row gives.
    pub fn fields_of<R: Copy>(
        context: &Context<'_>,
        fields: &[Field<R>],
        records: impl IntoIterator<Item = R>,
    ) -> Self {
        Listing {
            shape: Shape::Fields,
            ..Listing::of(context, fields, records)
        }
    }

    /// A list report with `columns` and no rows yet.
    pub fn list(columns: Vec<Column>) -> Self {
        Listing {
            columns,
            rows: Vec::new(),
            shape: Shape::List,
            notes: Vec::new(),
        }
    }

    /// A record written one field a row, with `columns` of which the first names the field.
    pub fn fields(columns: Vec<Column>) -> Self {
        Listing {
            shape: Shape::Fields,
            ..Listing::list(columns)
        }
    }

    /// A report of a single record.
    pub fn record(fields: Vec<(Column, Value)>) -> Self {
        let (columns, row) = fields.into_iter().unzip();
        Listing {
            columns,
            rows: vec![row],
            shape: Shape::Record,
            notes: Vec::new(),
        }
    }

    /// Keeps only the fields named in `fields`, in that order: the columns of a listing or a
    /// record, or the rows of a record written one field a row.
    pub fn select_fields(&mut self, fields: &[String]) -> Result<(), FieldError> {
        let mut seen = std::collections::HashSet::new();
        if let Some(twice) = fields.iter().find(|f| !seen.insert(f.as_str())) {
            return Err(FieldError::Twice(twice.clone()));
        }
        if self.shape == Shape::Fields {
            return self.select_rows(fields);
        }
        let available = || self.columns.iter().map(|c| c.key.to_string()).collect();
        let mut picked = Vec::with_capacity(fields.len());
        for field in fields {
            let position = (self.columns.iter().position(|c| c.key == field.as_str()))
                .or_else(|| (self.columns.iter()).position(|c| named_without_unit(&c.key, field)));
            match position {
                Some(i) => picked.push(i),
                None => {
                    // A heading, or the field in another unit than the one shown.
                    let unitless = AreaUnit::unitless(field.trim());
                    let heading_of = (self.columns.iter())
                        .find(|c| {
                            c.label.eq_ignore_ascii_case(field.trim())
                                || (unitless != field.trim()
                                    && AreaUnit::unitless(&c.key) == unitless)
                        })
                        .map(|c| c.key.to_string());
                    return Err(FieldError::Unknown {
                        field: field.clone(),
                        available: available(),
                        heading_of,
                    });
                }
            }
        }
        // Columns asked for by name are shown whatever the width.
        self.columns = (picked.iter())
            .map(|&i| Column {
                optional: None,
                ..self.columns[i].clone()
            })
            .collect();
        for row in &mut self.rows {
            *row = picked.iter().map(|&i| row[i].clone()).collect();
        }
        Ok(())
    }

    // `--fields` of a record written one field a row: the rows of those fields, in that order.
    fn select_rows(&mut self, fields: &[String]) -> Result<(), FieldError> {
        let field_of = |row: &[Value]| row.first().map(|v| v.machine().into_owned());
        let mut available: Vec<String> = self.rows.iter().filter_map(|r| field_of(r)).collect();
        available.dedup();
        // A field named without its unit is the one of that name in the unit shown.
        let mut named = Vec::with_capacity(fields.len());
        for field in fields {
            let found = (available.iter().find(|a| *a == field))
                .or_else(|| available.iter().find(|a| named_without_unit(a, field)));
            match found {
                Some(name) => named.push(name.clone()),
                None => {
                    return Err(FieldError::Unknown {
                        field: field.clone(),
                        available,
                        heading_of: None,
                    });
                }
            }
        }
        let fields = &named;
        let rows = std::mem::take(&mut self.rows);
        self.rows = fields
            .iter()
            .flat_map(|f| {
                (rows.iter())
                    .filter(move |r| field_of(r).as_ref() == Some(f))
                    .cloned()
            })
            .collect();
        Ok(())
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<Value>) {
        self.rows.push(row);
    }

    /// How many rows the report has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the report has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Row `i`.
    pub fn row(&self, i: usize) -> &[Value] {
        &self.rows[i]
    }

    /// Every row, in order.
    pub fn rows(&self) -> impl Iterator<Item = &[Value]> {
        self.rows.iter().map(Vec::as_slice)
    }

    /// The value of field `key` of a report of a single record.
    pub fn value_of(&self, key: &str) -> Option<Value> {
        let i = self.columns.iter().position(|c| c.key == key)?;
        self.rows.first().map(|row| row[i].clone())
    }

    /// The ids of the sources its rows cite, in the order they first appear.
    pub fn cited_ids(&self) -> Vec<String> {
        let citing: Vec<usize> = (self.columns.iter().enumerate())
            .filter(|(_, c)| c.cites)
            .map(|(i, _)| i)
            .collect();
        let mut ids: Vec<String> = Vec::new();
        for row in &self.rows {
            for &i in &citing {
                for id in row[i].texts() {
                    if !ids.iter().any(|known| known == id) {
                        ids.push(id.to_owned());
                    }
                }
            }
        }
        ids
    }

    /// The report with a note added.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

/// For each column of `report`, whether it holds numbers only (nulls aside), so it aligns right.
pub fn numeric_columns(report: &Listing) -> Vec<bool> {
    // Per column: no value yet, or whether every value so far is a number.
    let mut numeric: Vec<Option<bool>> = vec![None; report.columns.len()];
    for row in &report.rows {
        for (state, value) in numeric.iter_mut().zip(row.iter()) {
            if *value != Value::Null {
                *state = Some(state.unwrap_or(true) && value.is_numeric());
            }
        }
    }
    numeric.into_iter().map(|n| n == Some(true)).collect()
}

// The hint of an unknown field that is the heading of `field`, or `field` in another unit.
fn did_you_mean(field: &str) -> String {
    match AreaUnit::unitless(field) {
        name if name != field => format!("did you mean `{field}` (`{name}` in any unit)? "),
        _ => format!("did you mean `{field}`? "),
    }
}

// Whether `asked` names the field `key` without its unit (`area` for `area_mi2`); a name that
// has a unit in it must be the unit shown.
fn named_without_unit(key: &str, asked: &str) -> bool {
    let asked = asked.trim();
    AreaUnit::unitless(asked) == asked && AreaUnit::unitless(key) == asked && key != asked
}

/// An area in `unit` for people: `4,400 km²`, `1,698.85 mi²`.
pub fn area_text(km2: u64, unit: AreaUnit) -> String {
    format!("{} {}", Value::area(km2, unit).human(), unit.symbol())
}

/// A plain decimal such as `-14393.50` with its whole part grouped: `-14,393.50`.
fn group_thousands(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    match whole.parse::<u64>() {
        Ok(n) => {
            let mut s = format!("{sign}{}", thousands(n));
            if let Some(f) = fraction {
                s.push('.');
                s.push_str(f);
            }
            s
        }
        // Not a plain number (`NaN`, `inf`): left as it is.
        Err(_) => number.to_owned(),
    }
}

/// `14682` as `14,682`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut s = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            s.push(',');
        }
        s.push(c);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated_by_commas() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(707), "707");
        assert_eq!(thousands(4400), "4,400");
        assert_eq!(thousands(14682), "14,682");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn decimals_keep_their_places_in_every_form() {
        assert_eq!(Value::Int(14682).machine(), "14682");
        let v = Value::Decimal(16.619_999, 2);
        assert_eq!(v.machine(), "16.62");
        assert_eq!(v.json(), serde_json::json!(16.62));
        assert_eq!(Value::Decimal(27.0, 1).machine(), "27.0");
        assert_eq!(Value::Decimal(14393.5, 2).human(), "14,393.50");
        assert_eq!(Value::Decimal(-1234.0, 1).human(), "-1,234.0");
        assert_eq!(Value::Decimal(5.08, 2).human(), "5.08");
        assert_eq!(area_text(4400, AreaUnit::Mi2), "1,698.85 mi²");
        assert_eq!(area_text(4400, AreaUnit::Ha), "440,000 ha");
    }
}
