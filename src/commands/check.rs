//! `karabakh check TEXT`: each figure a text quotes, with its verdict and the values and
//! sources it was compared with.

use crate::data::{Dataset, SourceRef};
use crate::output::{Column, Context, Field, Listing, Value, thousands};
use crate::query::{self, Checked, Compared, Quantity, Remark, Verdict};

/// A quoted figure with its place in the text, as `line:column`.
pub struct Row<'a> {
    checked: Checked<'a>,
    at: String,
}

/// The fields of the listing.
pub fn fields<'a, 'r>() -> Vec<Field<&'r Row<'a>>> {
    vec![
        Field::new(
            Column::new("text", "figure").about("the figure as the text writes it, with its unit and any word of approximation"),
            |_, r| Value::owned(r.checked.quoted.text.clone()),
        ),
        Field::new(
            Column::new("verdict", "verdict").about("matches: it is a value the dataset holds for what the sentence speaks of; differs: it is none of them; unknown: the dataset holds nothing it could be about"),
            |_, r| Value::word(verdict_word(r.checked.verdict)),
        ),
        Field::new(
            Column::new("compared", "compared with").about("what it matches, or else every value it was compared with, with what each is of and when").computed(),
            |c, r| {
                let values = compared(&r.checked);
                // In JSON, each value with what it is of, its number, unit, sources and date.
                let json = values.iter().map(|v| as_json(c.ds, v)).collect();
                Value::structured(listed(c.ds, values, None), serde_json::Value::Array(json))
            },
        ),
        Field::new(
            Column::new("source", "source").about("the ids of the sources of the values it was compared with; none for a value karabakh computes").cites().caveat().optional(1),
            |c, r| {
                let mut refs: Vec<SourceRef> = (compared(&r.checked).iter())
                    .flat_map(|v| v.sources.map(|s| s.refs().to_vec()).unwrap_or_default())
                    .collect();
                refs.dedup();
                Value::List(refs.iter().map(|&s| c.ds.source(s).id.clone()).collect())
            },
        ),
        Field::new(
            Column::new("others", "other values").about("for a figure that matches, the other values it was compared with, such as the document's where it matches another source's, or the latest observation where it matches an earlier one").computed().caveat().optional(2),
            |c, r| match r.checked.verdict {
                // What the matched value is of is said once, in the column before.
                Verdict::Matches => {
                    let (matched, others) = (&r.checked.compared[0], &r.checked.compared[1..]);
                    let text = listed(c.ds, others, Some(&matched.what));
                    let json = others.iter().map(|v| as_json(c.ds, v)).collect();
                    Value::structured(text, serde_json::Value::Array(json))
                }
                _ => Value::List(Vec::new()),
            },
        ),
        Field::new(
            Column::new("note", "note").about("what qualifies the value it matches: that it is another source's and not the one the dataset states, that it is not the latest of its series, and the dataset's note on it; for a figure that differs, the notes on the values it was compared with").caveat(),
            |c, r| match note(c.ds, &r.checked) {
                note if note.is_empty() => Value::Null,
                note => Value::owned(note),
            },
        ),
        Field::new(
            Column::new("at", "at").about("where the figure stands in the text: line and column").optional(0),
            |_, r| Value::owned(r.at.clone()),
        ),
    ]
}

/// What qualifies the values a verdict rests on, in words: for a figure that matches, that the
/// value is another source's or not the latest, then its note; otherwise the notes of the
/// values compared with, each once.
pub(super) fn note(ds: &Dataset, checked: &Checked<'_>) -> String {
    let mut said: Vec<String> = (checked.remarks.iter())
        .map(|remark| match remark {
            Remark::NotTheStated(stated) => format!(
                "not the value the dataset states: {}{}",
                value_text(stated),
                sources_text(ds, stated)
            ),
            Remark::NotTheLatest(latest) => format!(
                "not the latest: {}{}{}",
                value_text(latest),
                qualifiers(latest),
                sources_text(ds, latest)
            ),
        })
        .collect();
    // Of several values, a note that is not of them all says which it is of.
    let values = compared(checked);
    let mut notes: Vec<(&String, Vec<String>)> = Vec::new();
    for value in values {
        let Some(note) = &value.note else { continue };
        match notes.iter_mut().find(|(n, _)| *n == note) {
            Some((_, of)) => of.push(value_text(value)),
            None => notes.push((note, vec![value_text(value)])),
        }
    }
    for (note, of) in notes {
        said.push(match of.len() == values.len() {
            true => note.clone(),
            false => format!("{}: {note}", of.join(" and ")),
        });
    }
    said.join("; ")
}

/// A value compared with, for machines: `{"record", "field", "what", "value", "unit",
/// "sources", "as_of", "computed", "converted", "alternative", "note"}` (`record` and `field`
/// as `cite` takes them), the value a number (an ISO date for a
/// date, `{"at_least", "at_most"}` for years between dates that are not days); `converted` says
/// an area is in another unit than the km² its source states, `alternative` that it is another
/// source's value beside the one the dataset states.
pub(super) fn as_json(ds: &Dataset, c: &Compared<'_>) -> serde_json::Value {
    // A whole number is written as one: 3983, not 3983.0.
    let number = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            serde_json::json!(v as i64)
        } else {
            serde_json::json!(v)
        }
    };
    let (value, unit) = match c.value {
        Quantity::Number(n) => (number(n), None),
        Quantity::Percent(p) => (number(p), Some("%")),
        Quantity::Area(v, unit) => (number(v), Some(unit.symbol())),
        Quantity::Date(when) => (serde_json::json!(when.iso()), None),
        Quantity::Years(least, most) if least == most => (number(least), Some("years")),
        Quantity::Years(least, most) => (
            serde_json::json!({"at_least": least, "at_most": most}),
            Some("years"),
        ),
    };
    serde_json::json!({
        "record": c.record,
        "field": c.field,
        "what": c.what,
        "value": value,
        "unit": unit,
        "sources": c.sources.map(|s| ds.source_ids(s)).unwrap_or_default(),
        "as_of": c.as_of.map(|w| w.iso()),
        "computed": c.computed,
        "converted": !c.computed && matches!(c.value, Quantity::Area(_, u) if !u.is_source_unit()),
        "alternative": c.alternative,
        "note": c.note,
    })
}

/// A verdict as the output writes it.
pub(super) fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Matches => "matches",
        Verdict::Differs => "differs",
        Verdict::Unknown => "unknown",
    }
}

/// The values a verdict rests on: the one matched, or every value compared with.
pub(super) fn compared<'c, 'a>(checked: &'c Checked<'a>) -> &'c [Compared<'a>] {
    match checked.verdict {
        Verdict::Matches => &checked.compared[..1],
        _ => &checked.compared,
    }
}

/// Values compared with, as people read them, with their sources: "Kalbajar: area 3,054 km²
/// [occupation-in-figures]; 1,936 km² (another source's value) [trend-2018-04-02]", "…
/// 3,983 (as of 2025-03-10) [caspian-news-2025-03-10]", "… (computed)". What a value is of is
/// said once for values in a row of the same thing, and not at all where it is `said` before.
pub(super) fn listed(ds: &Dataset, values: &[Compared<'_>], said: Option<&str>) -> String {
    let mut last = said;
    let mut text = Vec::new();
    for c in values {
        let of = match last == Some(c.what.as_str()) {
            true => String::new(),
            false => format!("{} ", c.what),
        };
        last = Some(&c.what);
        text.push(format!(
            "{of}{}{}{}",
            value_text(c),
            qualifiers(c),
            sources_text(ds, c)
        ));
    }
    text.join("; ")
}

// A value compared with and its unit: "3,054 km²", "1,179.16 mi²", "27.3", "2020-10-25".
fn value_text(c: &Compared<'_>) -> String {
    match c.value {
        Quantity::Number(n) => thousands(n as u64),
        Quantity::Percent(p) => format!("{p}%"),
        Quantity::Area(v, unit) => {
            let hundredths = (v * 100.0).round() as u64;
            let whole = thousands(hundredths / 100);
            match unit {
                query::AreaUnit::Mi2 => {
                    format!("{whole}.{:02} {}", hundredths % 100, unit.symbol())
                }
                _ => format!("{whole} {}", unit.symbol()),
            }
        }
        Quantity::Date(when) => when.human(),
        Quantity::Years(least, most) if least == most => format!("{least:.1}"),
        Quantity::Years(least, most) => format!("{least:.1}–{most:.1}"),
    }
}

// What is said of a value in brackets after it: its date, whether another source gives it,
// whether karabakh computed or converted it.
fn qualifiers(c: &Compared<'_>) -> String {
    let mut said = Vec::new();
    if let Some(as_of) = c.as_of {
        said.push(format!("as of {}", as_of.human()));
    }
    if c.alternative {
        said.push("another source's value".to_owned());
    }
    if c.computed {
        said.push("computed".to_owned());
    } else if matches!(c.value, Quantity::Area(_, unit) if !unit.is_source_unit()) {
        said.push("converted by karabakh from the km² the source states".to_owned());
    }
    said.iter().map(|s| format!(" ({s})")).collect()
}

// The ids of a value's sources in brackets, or nothing for a computed value.
fn sources_text(ds: &Dataset, c: &Compared<'_>) -> String {
    c.sources
        .map(|s| format!(" [{}]", ds.source_ids(s).join(", ")))
        .unwrap_or_default()
}

/// The verdicts on the figures of `text`; with `all`, those about nothing the dataset holds
/// too. Whether any differs is the listing's exit status.
pub fn report(ds: &Dataset, text: &str, all: bool) -> (Listing, bool) {
    let mut places = Places::new(text);
    let rows: Vec<Row> = (query::check(ds, text).into_iter())
        .filter(|c| all || c.verdict != Verdict::Unknown)
        .map(|checked| {
            let (line, column) = places.of(checked.quoted.start);
            Row {
                checked,
                at: format!("{line}:{column}"),
            }
        })
        .collect();
    let differs = rows.iter().any(|r| r.checked.verdict == Verdict::Differs);
    let listing = Listing::of(&Context::of(ds), &fields(), &rows).note(
        "a figure matches when it is a value the dataset holds for what its sentence speaks \
             of (a territory it names, the totals, or a figure whose words it uses), at the \
             precision its words claim (\"about 4,000\" to the thousand); verdicts come from \
             rules, not from reading: check what they rest on",
    );
    (listing, differs)
}

/// Where in a text a byte offset stands, as a 1-based line and column (in characters), found
/// by walking forward from the last offset asked about: places asked in order cost one walk of
/// the text, however many there are.
pub(super) struct Places<'t> {
    text: &'t str,
    at: usize,
    line: usize,
    column: usize,
}

impl<'t> Places<'t> {
    /// Places in `text`, from its start.
    pub(super) fn new(text: &'t str) -> Self {
        Places {
            text,
            at: 0,
            line: 1,
            column: 1,
        }
    }

    /// The line and column of byte `offset`, at or after the last one asked about.
    pub(super) fn of(&mut self, offset: usize) -> (usize, usize) {
        if offset < self.at {
            *self = Places::new(self.text);
        }
        for c in self.text[self.at..offset].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.at = offset;
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_asked_in_order_or_not_are_lines_and_columns_in_characters() {
        let text = "ab\nKəl 1\n\nx 2";
        let mut places = Places::new(text);
        assert_eq!(places.of(text.find('1').unwrap()), (2, 5));
        assert_eq!(places.of(text.find('2').unwrap()), (4, 3));
        assert_eq!(places.of(1), (1, 2));
    }
}
