//! `karabakh timeline`: dated entries in order.

use crate::data::{Dataset, TerritoryRef, When};
use crate::output::{Column, Context, Field, Listing, Naming, Value};
use crate::query::{self, DateRange, Entry, EntryKind};

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

/// The fields of the timeline.
pub fn fields<'a, 'e>() -> Vec<Field<&'e Entry<'a>>> {
    vec![
        Field::new(
            Column::new("date", "date").about("when, as precise as the source"),
            |_, e| Value::Date(e.date),
        ),
        Field::new(
            Column::new("type", "type").about("event, occupied or restored; occupied and restored rows come from the territories' dates").optional(3),
            |_, e| Value::word(e.kind.as_str()),
        ),
        Field::new(Column::new("label", "what").about("what happened"), |_, e| {
            Value::owned(e.label.clone())
        }),
        Field::new(
            Column::new("territories", "territories").about("the territories it concerns: their ids, or their names in the page and the workbook").optional(2),
            |c, e| Value::territories(c.ds, &e.territories, c.naming),
        ),
        Field::new(
            Column::new("source", "source").about("the ids of the sources that report it").cites().caveat().optional(1),
            |c, e| Value::sources(c.ds, e.source),
        ),
        Field::new(
            Column::new("note", "note").about("details").caveat().optional(0),
            |_, e| Value::opt(e.note),
        ),
    ]
}

/// The timeline entries that `selection` keeps.
pub fn report(ds: &Dataset, selection: &Selection, naming: Naming) -> Listing {
    let year = selection.year.map(|y| (y.first_day(), y.last_day()));
    let kept: Vec<Entry> = query::timeline(ds, selection.range)
        .into_iter()
        .filter(|e| {
            year.is_none_or(|(from, to)| e.date.overlaps(from, to))
                && selection
                    .territory
                    .is_none_or(|t| e.territories.contains(&t))
                && (selection.kinds.is_empty() || selection.kinds.contains(&e.kind))
        })
        .collect();
    let context = Context {
        naming,
        ..Context::of(ds)
    };
    let mut listing = Listing::of(&context, &fields(), &kept).note(
        "entries of type occupied and restored are derived from the territories' dates; \
         a date is as precise as its source (a year, a month or a day)",
    );
    let occupied: Vec<_> = (kept.iter())
        .filter(|e| e.kind == EntryKind::Occupied)
        .flat_map(|e| e.territories.iter().copied())
        .collect();
    listing.notes.extend(super::document_terms(ds, &occupied));
    listing
}
