//! The timeline: the dataset's events with the occupations and restorations of its
//! territories, in date order.

use crate::data::{Cited, Dataset, Scope, TerritoryRef, When};

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
    let restorations = ds.territory_refs().flat_map(|r| {
        let t = ds.territory(r);
        let (name, country) = (&t.name, &ds.country.name);
        let first = t.restored.as_ref().map(|restored| Entry {
            date: restored.date,
            kind: EntryKind::Restored,
            // The caveat travels with the value: a date the sources give for the town only,
            // or for part of the territory, says so in the entry itself, in every format and
            // however narrow the view.
            label: match restored.scope {
                Scope::Whole => format!("{name}: control restored to {country}"),
                Scope::Town => format!(
                    "{name}: control of the town restored to {country} (the sources date the town only)"
                ),
                Scope::Part => format!(
                    "{name}: control restored to {country}, except for {}",
                    in_words(restored.later.iter().map(|s| format!(
                        "{}, which followed on {}",
                        s.covers,
                        s.date.iso()
                    )))
                ),
            },
            note: restored.note.as_deref(),
            source: &restored.source,
            territories: vec![r],
        });
        let later = t.restored.iter().flat_map(|restored| &restored.later);
        let last = later.clone().count();
        let stages = later.enumerate().map(move |(i, stage)| Entry {
            date: stage.date,
            kind: EntryKind::Restored,
            label: format!(
                "{name}: control of {} restored to {country}, {} stage",
                stage.covers,
                if i + 1 == last { "the last" } else { "a later" }
            ),
            note: stage.note.as_deref(),
            source: &stage.source,
            territories: vec![r],
        });
        first.into_iter().chain(stages)
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

// The parts a restoration left for later, in a phrase: "a", "a and b", "a, b and c".
fn in_words(parts: impl Iterator<Item = String>) -> String {
    let parts: Vec<String> = parts.collect();
    match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}
