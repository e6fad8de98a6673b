//! `karabakh chart`: the areas as bars, or the occupied area over time as a step chart.

use crate::data::{Dataset, Source, SourceRef};
use crate::output::chart::{Bar, Chart, Drawing, Span, Step};
use crate::query::Identity;
use crate::query::{self, Filter, SortKey};

use super::{Naming, caveats, disputed_areas, named_where, sources_of};

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
        let unknown = named_where(ds, &selected, Naming::Names, |t| {
            query::held_on(t, day) == query::Held::Unknown
        });
        notes.push(format!(
            "the territories held on {day}{}",
            if unknown.is_empty() {
                String::new()
            } else {
                format!(
                    ", and those whose state that day is not known to the day: {}",
                    unknown.join(", ")
                )
            }
        ));
    }
    notes.extend(disputed_areas(ds, &selected, Naming::Names));
    let restorations = filter.on.is_some();
    notes.extend(caveats(ds, &selected, restorations, Naming::Names));
    let sources = sources_of(ds, &selected, restorations, &[]);
    Chart {
        drawing: Drawing::Bars(bars),
        notes,
        credit: credit(ds, &selected, &sources),
        sources,
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
    notes.extend(caveats(ds, &selected, true, Naming::Names));
    let sources = sources_of(ds, &selected, true, &within);
    let marks = ds.events.iter().filter_map(|e| e.mark.as_ref()).collect();
    Chart {
        drawing: Drawing::OverTime(spans, marks),
        notes,
        credit: credit(ds, &selected, &sources),
        sources,
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
    let sources = sources_of(ds, &selected, false, &[]);
    Chart {
        drawing: Drawing::Steps(steps),
        notes: caveats(ds, &selected, false, Naming::Names),
        credit: credit(ds, &selected, &sources),
        sources,
    }
}

/// The credit line of a picture: the source of the territories, with its publisher, and how
/// many other sources the rest comes from.
fn credit(ds: &Dataset, selected: &[crate::data::TerritoryRef], sources: &[&Source]) -> String {
    let mut primary: Vec<SourceRef> = (selected.iter())
        .flat_map(|&r| ds.territory(r).source.refs().iter().copied())
        .collect();
    primary.sort();
    primary.dedup();
    let named: Vec<String> = (primary.iter())
        .map(|&r| {
            let s = ds.source(r);
            match s.publisher_beyond_title() {
                Some(publisher) => format!("{} ({publisher})", s.title),
                None => s.title.clone(),
            }
        })
        .collect();
    let primary_ids: std::collections::HashSet<&str> =
        primary.iter().map(|&r| ds.source(r).id.as_str()).collect();
    let others = (sources.iter())
        .filter(|s| !primary_ids.contains(s.id.as_str()))
        .count();
    let lead = match named.len() {
        0 => "Source: none".to_owned(),
        1 => format!("Source: {}", named[0]),
        _ => format!("Sources: {}", named.join("; ")),
    };
    match others {
        0 => lead,
        1 => format!("{lead}; dates of restoration and other details: one further source"),
        n => format!("{lead}; dates of restoration and other details: {n} further sources"),
    }
}

/// `chart` with a credit line that also names the edition of the dataset it is drawn from, as
/// a picture carries it, so that a figure read off the picture can be found again. (A chart
/// drawn with text has no credit line, so it is not asked for the dataset's hash.)
pub fn credited<'a>(mut chart: Chart<'a>, identity: &Identity) -> Chart<'a> {
    chart.credit = format!(
        "{}; compiled in the karabakh dataset, {}",
        chart.credit,
        identity.short()
    );
    chart
}
