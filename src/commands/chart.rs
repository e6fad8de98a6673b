//! `karabakh chart`: the areas as bars, or the occupied area over time as a step chart.

use crate::data::{Dataset, SourceRef};
use crate::output::chart::{Bar, Chart, Drawing, Span, Step};
use crate::query::{self, Filter, SortKey};

use super::{caveats, disputed_areas, sources_of};

/// A bar for each territory that matches `filter`, in the order asked for.
pub fn bars<'a>(ds: &'a Dataset, filter: &Filter, sort: SortKey, reverse: bool) -> Chart<'a> {
    let selected = query::select(ds, filter, sort, reverse);
    let bars = (selected.iter())
        .map(|&r| {
            let t = ds.territory(r);
            Bar {
                label: &t.name,
                kind: t.kind,
                km2: t.area_km2.get(),
            }
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(day) = filter.on {
        let unknown: Vec<&str> = (selected.iter())
            .filter(|&&r| query::held_on(ds.territory(r), day) == query::Held::Unknown)
            .map(|&r| ds.territory(r).id.as_str())
            .collect();
        notes.push(format!(
            "--on {day}: the territories held that day{}",
            if unknown.is_empty() {
                String::new()
            } else {
                format!(
                    ", and those whose state that day is not known to the day: {}",
                    super::some_of(&unknown, ", ")
                )
            }
        ));
    }
    notes.extend(disputed_areas(ds, &selected));
    notes.extend(caveats(ds, &selected, filter.on.is_some()));
    Chart {
        drawing: Drawing::Bars(bars),
        notes,
        sources: sources_of(ds, &selected, false, &[]),
    }
}

/// The area held over time, to the scale of time: the figures of `totals --series`.
pub fn over_time<'a>(ds: &'a Dataset, filter: &Filter) -> Chart<'a> {
    let selected = query::select(ds, filter, SortKey::Date, false);
    let spans = query::series(ds, &selected)
        .into_iter()
        .map(|change| Span {
            day: change.day,
            at_least_km2: change.at_least_km2,
            at_most_km2: change.at_most_km2,
        })
        .collect();
    // Outer territories counted less the inner ones restored first, and where the sources
    // place one within the other.
    let less = query::parts_released(ds, &selected);
    let within: Vec<SourceRef> = (less.iter())
        .filter_map(|&(_, inner)| ds.territory(inner).within.as_ref()?.source.as_ref())
        .flat_map(|c| c.refs().iter().copied())
        .collect();
    let mut notes: Vec<String> = super::totals::less_note(ds, &less, true)
        .into_iter()
        .collect();
    notes.extend(caveats(ds, &selected, true));
    Chart {
        drawing: Drawing::OverTime(spans),
        notes,
        sources: sources_of(ds, &selected, true, &within),
    }
}

/// The cumulative area per period of occupation: the figures of `totals --by year`.
pub fn cumulative<'a>(ds: &'a Dataset, filter: &Filter) -> Chart<'a> {
    let selected = query::select(ds, filter, SortKey::Date, false);
    let steps = query::by_year(ds, &selected)
        .into_iter()
        .map(|row| Step {
            period: row.period,
            cumulative_km2: row.cumulative_area_km2,
        })
        .collect();
    Chart {
        drawing: Drawing::Steps(steps),
        notes: caveats(ds, &selected, false),
        sources: sources_of(ds, &selected, false, &[]),
    }
}
