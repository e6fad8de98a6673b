//! `karabakh chart`: the areas as bars, or the occupied area over time as a step chart.

use crate::data::{Dataset, Kind, When};
use crate::query::{self, Filter, SortKey};

/// A picture of the data, drawn by [`crate::output::chart`].
#[derive(Debug, Clone, PartialEq)]
pub enum Chart<'a> {
    /// One bar per territory: its area as listed.
    Bars(Vec<Bar<'a>>),
    /// The cumulative area counted once, one step per period of occupation.
    Steps(Vec<Step>),
}

/// One territory's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar<'a> {
    /// The territory's name.
    pub label: &'a str,
    /// Region or district, which gives the bar its colour.
    pub kind: Kind,
    /// The area as the source states it, in km².
    pub km2: u64,
}

/// One step of the cumulative chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// The year or the stated period.
    pub period: When,
    /// The area reached by its end, counted once, in km² (computed).
    pub cumulative_km2: u64,
}

/// A bar for each territory that matches `filter`, in the order asked for.
pub fn bars<'a>(ds: &'a Dataset<'_>, filter: &Filter, sort: SortKey, reverse: bool) -> Chart<'a> {
    let bars = query::select(ds, filter, sort, reverse)
        .into_iter()
        .map(|r| {
            let t = ds.territory(r);
            Bar {
                label: &t.name,
                kind: t.kind,
                km2: t.area_km2.get(),
            }
        })
        .collect();
    Chart::Bars(bars)
}

/// The cumulative area per period of occupation: the figures of `totals --by year`.
pub fn cumulative(ds: &Dataset<'_>, filter: &Filter) -> Chart<'static> {
    let selected = query::select(ds, filter, SortKey::Date, false);
    let steps = query::by_year(ds, &selected)
        .into_iter()
        .map(|row| Step {
            period: row.period,
            cumulative_km2: row.cumulative_area_km2,
        })
        .collect();
    Chart::Steps(steps)
}
