//! The timeline: the dataset's events with the occupations and restorations of its
//! territories, in date order.

use crate::data::{Cited, Dataset, TerritoryRef, When};

use super::select::DateRange;

/// What kind of entry a timeline row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntryKind {
    /// An event written in the dataset.
    Event,
    /// A territory's occupation, derived from `occupied`.
    Occupied,
    /// A restoration of control, derived from `restored`.
    Restored,
}

impl EntryKind {
    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Event => "event",
            EntryKind::Occupied => "occupied",
            EntryKind::Restored => "restored",
        }
    }
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    /// When, at the source's precision.
    pub date: When,
    /// Where the entry comes from.
    pub kind: EntryKind,
    /// What happened.
    pub label: String,
    /// Details, if any.
    pub note: Option<&'a str>,
    /// Who reports it.
    pub source: &'a Cited,
    /// The territories it concerns.
    pub territories: Vec<TerritoryRef>,
}

/// Every dated entry within `range`, earliest first.
pub fn timeline<'a>(ds: &'a Dataset, range: DateRange) -> Vec<Entry<'a>> {
    let events = ds.events.iter().map(|e| Entry {
        date: e.date,
        kind: EntryKind::Event,
        label: e.label.to_string(),
        note: e.note.as_deref(),
        source: &e.source,
        territories: e.territories.clone(),
    });
    let occupations = ds.territory_refs().map(|r| {
        let t = ds.territory(r);
        Entry {
            date: t.occupied,
            kind: EntryKind::Occupied,
            label: format!("{}: occupied", t.name),
            note: t.partial.as_ref().map(|p| p.note.as_str()),
            source: &t.source,
            territories: vec![r],
        }
    });
    let restorations = ds.territory_refs().filter_map(|r| {
        let t = ds.territory(r);
        let restored = t.restored.as_ref()?;
        Some(Entry {
            date: restored.date,
            kind: EntryKind::Restored,
            // The caveat travels with the value: a date the sources give for the town only
            // says so in the entry itself, in every format and however narrow the view.
            label: match restored.scope {
                crate::data::Scope::Whole => {
                    format!("{}: control restored to {}", t.name, ds.country.name)
                }
                crate::data::Scope::Town => format!(
                    "{}: control of the town restored to {} (the sources date the town only)",
                    t.name, ds.country.name
                ),
            },
            note: restored.note.as_deref(),
            source: &restored.source,
            territories: vec![r],
        })
    });
    let mut entries: Vec<Entry> = events
        .chain(occupations)
        .chain(restorations)
        .filter(|e| range.admits(e.date))
        .collect();
    entries.sort_by(|a, b| {
        (a.date, a.kind)
            .cmp(&(b.date, b.kind))
            .then_with(|| a.label.cmp(&b.label))
    });
    entries
}
