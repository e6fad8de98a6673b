//! One module per command: each turns query results into an [`output::Listing`](crate::output::Listing).

pub mod chart;
pub mod cite;
pub mod dataset;
pub mod districts;
pub mod fields;
pub mod figures;
pub mod report;
pub mod show;
pub mod sources;
pub mod timeline;
pub mod totals;

use crate::data::{Dataset, Scope, Source, SourceRef, Territory, TerritoryRef};

/// Nothing has the name or id asked for: the message says what comes close, and the program
/// exits with status 1.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct NotFound {
    message: String,
}

impl NotFound {
    /// Nothing was found; `message` says what was looked for and what comes close.
    pub fn new(message: String) -> Self {
        NotFound { message }
    }

    /// No `what` has the id `id`; the ids there are, with those like it first.
    pub fn id<'i>(what: &str, id: &str, ids: impl Iterator<Item = &'i str>, list: &str) -> Self {
        let mut ids: Vec<(f64, &str)> = ids.map(|i| (strsim::jaro_winkler(id, i), i)).collect();
        ids.sort_by(|a, b| b.0.total_cmp(&a.0));
        let close: Vec<&str> = ids
            .iter()
            .filter(|(s, _)| *s >= 0.8)
            .map(|(_, i)| *i)
            .take(3)
            .collect();
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!("\n\ndid you mean: {}?", close.join(", "))
        };
        NotFound::new(format!(
            "no {what} has the id \"{id}\"{hint}\n\n`{list}` lists them all"
        ))
    }
}
use crate::output::Value;
use crate::query;

/// Years held as a report value: computed, one decimal, null when it cannot be computed.
fn years_held(t: &Territory) -> Value<'static> {
    query::years_held(t).map_or(Value::Null, |y| Value::Decimal(y, 1))
}

/// The note that says how years held are computed.
const YEARS_HELD_NOTE: &str =
    "years held is computed: days held ÷ 365.2425, where both dates are days";

// Notes name at most this many records; a large dataset would otherwise drown the table.
const NOTE_ITEMS: usize = 5;

/// `items` joined by `separator`, cut after a few with the number left out.
fn some_of(items: &[impl AsRef<str>], separator: &str) -> String {
    let shown: Vec<&str> = items.iter().take(NOTE_ITEMS).map(AsRef::as_ref).collect();
    let mut s = shown.join(separator);
    if items.len() > NOTE_ITEMS {
        s.push_str(&format!(" and {} more", items.len() - NOTE_ITEMS));
    }
    s
}

/// The ids of the territories of `selected` for which `keep` holds, in the selection's order.
fn ids_where<'a>(
    ds: &'a Dataset,
    selected: &[TerritoryRef],
    keep: fn(&Territory) -> bool,
) -> Vec<&'a str> {
    (selected.iter())
        .map(|&r| ds.territory(r))
        .filter(|t| keep(t))
        .map(|t| t.id.as_str())
        .collect()
}

/// The caveats of every view that lists, sums or draws `selected`: territories only part of
/// which was occupied though their whole area is counted, and, where the view shows or uses
/// the dates of restoration (`restorations`), those the sources give for a town only.
fn caveats(ds: &Dataset, selected: &[TerritoryRef], restorations: bool) -> Vec<String> {
    let mut notes = Vec::new();
    let partial = ids_where(ds, selected, |t| t.partial.is_some());
    if !partial.is_empty() {
        notes.push(format!(
            "only partly occupied, though their whole areas are counted: {}",
            some_of(&partial, ", ")
        ));
    }
    let town = ids_where(ds, selected, |t| {
        t.restored.as_ref().is_some_and(|r| r.scope == Scope::Town)
    });
    if restorations && !town.is_empty() {
        notes.push(format!(
            "the sources date only the town's restoration: {}",
            some_of(&town, ", ")
        ));
    }
    notes
}

/// The sources of the names, dates and areas of `selected`, with `restorations` of their
/// dates of restoration, and the sources `also` (such as the country's area's for a share),
/// each once, in the dataset's order.
pub fn sources_of<'a>(
    ds: &'a Dataset,
    selected: &[TerritoryRef],
    restorations: bool,
    also: &[SourceRef],
) -> Vec<&'a Source> {
    let mut refs: Vec<SourceRef> = also.to_vec();
    for &r in selected {
        let t = ds.territory(r);
        refs.extend(t.source.refs());
        if restorations && let Some(restored) = &t.restored {
            refs.extend(restored.source.refs());
        }
    }
    refs.sort();
    refs.dedup();
    refs.into_iter().map(|r| ds.source(r)).collect()
}

/// The note that other sources give other areas for some of `selected`, if they do.
pub fn disputed_areas(ds: &Dataset, selected: &[TerritoryRef]) -> Option<String> {
    let disputed = ids_where(ds, selected, |t| !t.alternatives.is_empty());
    (!disputed.is_empty()).then(|| {
        format!(
            "other sources give other areas for {}: see `karabakh show NAME`",
            some_of(&disputed, ", ")
        )
    })
}
