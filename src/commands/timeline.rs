//! `karabakh timeline`: dated entries in order.

use crate::data::{Dataset, TerritoryRef, When};
use crate::output::{Column, Listing, Value};
use crate::query::{self, DateRange, EntryKind};

/// Which entries of the timeline to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Only entries within these dates.
    pub range: DateRange,
    /// Only entries dated within this year (an entry of a period matches each of its years).
    pub year: Option<When>,
    /// Only entries that concern this territory.
    pub territory: Option<TerritoryRef>,
    /// Only entries of these kinds; all kinds when empty.
    pub kinds: Vec<EntryKind>,
}

/// The timeline entries that `selection` keeps.
pub fn report<'a>(ds: &'a Dataset, selection: &Selection) -> Listing<'a> {
    let mut report = Listing::list(vec![
        Column::new("date", "date").about("when, as precise as the source"),
        Column::new("type", "type").about("event, occupied or restored; occupied and restored rows come from the territories' dates").optional(3),
        Column::new("label", "what").about("what happened"),
        Column::new("territories", "territories").about("the ids of the territories it concerns").optional(2),
        Column::new("source", "source").about("the ids of the sources that report it").cites().optional(1),
        Column::new("note", "note").about("details").optional(0),
    ]);
    let year = selection.year.map(|y| (y.first_day(), y.last_day()));
    let kept = query::timeline(ds, selection.range)
        .into_iter()
        .filter(|e| {
            year.is_none_or(|(from, to)| e.date.overlaps(from, to))
                && selection
                    .territory
                    .is_none_or(|t| e.territories.contains(&t))
                && (selection.kinds.is_empty() || selection.kinds.contains(&e.kind))
        });
    for e in kept {
        report.push(vec![
            Value::Date(e.date),
            Value::str(e.kind.as_str()),
            Value::owned(e.label),
            Value::territories(ds, &e.territories),
            Value::sources(ds, e.source),
            Value::opt(e.note),
        ]);
    }
    report.note(
        "entries of type occupied and restored are derived from the territories' dates; \
         a date is as precise as its source (a year, a month or a day)",
    )
}
