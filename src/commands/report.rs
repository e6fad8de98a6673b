//! `karabakh report`: the whole dataset on one page.

use crate::data::{Cited, Dataset, Source};
use crate::output::html::{Page, Piece, Section, Sentence};
use crate::output::svg::{self, Size};
use crate::output::{area_text, thousands};
use crate::query::{self, AreaUnit, Filter, SortKey};

use super::{Naming, chart, districts, figures, sources_of, timeline, totals};

// The width of the charts on the page, in pixels.
const PAGE_CHART_WIDTH: u16 = 640;
// The width of the charts shown instead on a phone, whose screen is about 360 to 430 pixels
// wide: drawn for it rather than shrunk, so that their text stays as large.
const PHONE_CHART_WIDTH: u16 = 360;

/// The page: the totals, the territories, the charts, the figures with their history, the
/// timeline and the sources.
pub fn page<'a>(ds: &'a Dataset, unit: AreaUnit) -> Result<Page<'a>, String> {
    let everything = Filter::default();
    // Narrower than a standalone picture, so that its text stays legible on a phone.
    let size = Size {
        width: PAGE_CHART_WIDTH,
        height: None,
        // The page lists every source below its charts.
        full_sources: false,
    };
    let narrow = Size {
        width: PHONE_CHART_WIDTH,
        ..size
    };
    // Which edition this is, so that a figure read on the page can be found again.
    let identity = crate::query::Identity::of(ds);
    let bars = chart::credited(chart::bars(ds, &everything, SortKey::Area, true), &identity);
    let over_time = chart::credited(chart::over_time(ds, &everything), &identity);
    let dataset = format!(
        "{}; {} territories, {} figures, {} sources; facts to {}",
        identity.short(),
        ds.territories.len(),
        ds.figures.len(),
        ds.sources.len(),
        ds.latest_date()
            .map_or_else(|| "no date".to_owned(), |d| d.iso())
    );
    Ok(Page {
        title: format!(
            "{}: the territories occupied and restored, with areas, dates and sources",
            ds.country.name
        ),
        dataset,
        citation: identity.citation(),
        lead: lead(ds, unit),
        totals: totals::report(ds, &everything, unit, Naming::Names),
        sections: vec![
            Section::Table {
                id: "territories".to_owned(),
                heading: "Territories".to_owned(),
                report: districts::report(
                    ds,
                    &everything,
                    SortKey::Date,
                    false,
                    unit,
                    Naming::Names,
                ),
            },
            Section::Chart {
                id: "chart-areas".to_owned(),
                heading: "Areas".to_owned(),
                svg: svg::element(&bars, size, unit)?,
                narrow: svg::element(&bars, narrow, unit)?,
            },
            Section::Chart {
                id: "chart-over-time".to_owned(),
                heading: "Area held over time".to_owned(),
                svg: svg::element(&over_time, size, unit)?,
                narrow: svg::element(&over_time, narrow, unit)?,
            },
        ]
        .into_iter()
        .chain(figure_sections(ds))
        .chain([Section::Table {
            id: "timeline".to_owned(),
            heading: "Timeline".to_owned(),
            report: timeline::report(ds, &timeline::Selection::default(), Naming::Names),
        }])
        .collect(),
        sources: ds.sources.iter().collect(),
    })
}

/// The figures and their history, a section for each period of the conflict they belong to,
/// earliest first, then those of no period: grouped by event, not by whose figures they are.
fn figure_sections(ds: &Dataset) -> Vec<Section> {
    let mut periods: Vec<Option<&str>> = ds.figures.iter().map(|f| f.period.as_deref()).collect();
    // `None` sorts first; the figures of no period come last.
    periods.sort_by_key(|p| (p.is_none(), *p));
    periods.dedup();
    (periods.into_iter())
        .map(|period| {
            let (id, heading) = match period {
                Some(p) => (format!("figures-{}", anchor(p)), format!("Figures of {p}")),
                None => ("figures-other".to_owned(), "Other figures".to_owned()),
            };
            let mut report = figures::history_of_period(ds, period, Naming::Names);
            // The heading says the period; a column would repeat it on every row. The keys are
            // the listing's own, so the selection cannot fail.
            let keys: Vec<String> = (report.columns.iter())
                .map(|c| c.key.to_string())
                .filter(|k| k != "period")
                .collect();
            let _ = report.select_fields(&keys);
            Section::Table {
                id,
                heading,
                report,
            }
        })
        .collect()
}

// An anchor for a label: its letters and digits, the rest hyphens.
fn anchor(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The totals in sentences: the share the document states, what the areas it lists add up to
/// and their share of the country, computed, and what other sources give; each figure is
/// followed by its sources.
fn lead(ds: &Dataset, unit: AreaUnit) -> Vec<Sentence<'_>> {
    let words = |s: String| Piece::Words(s);
    let cited = |c: &Cited| -> Vec<&Source> { c.refs().iter().map(|&r| ds.source(r)).collect() };
    // Who states a figure, by the titles of its sources.
    let by = |c: &Cited| Naming::Names.sources(ds, c).join(" and ");
    let country = &ds.country;
    let every: Vec<_> = ds.territory_refs().collect();
    let sum = query::totals(ds, &every);
    let mut lead = Vec::new();
    let stated = country.occupied_share.map(|f| ds.figure(f).latest());
    if let Some(o) = stated {
        lead.push(vec![
            words(format!(
                "{} states that {}% of {}'s territory was occupied",
                by(&o.source),
                o.value,
                country.name
            )),
            Piece::Sources(cited(&o.source)),
            words(".".to_owned()),
        ]);
    }
    let within: Vec<String> = (query::overlaps(ds, &every).into_iter())
        .map(|(inner, outer)| {
            format!(
                "{}, which lies within {},",
                ds.territory(inner).name,
                ds.territory(outer).name
            )
        })
        .collect();
    let mut areas = vec![
        words(format!(
            "Computed by karabakh: the areas of the {} territories listed add up to {} counted \
             once",
            thousands(sum.territories as u64),
            area_text(sum.area_km2, unit)
        )),
        Piece::Sources(sources_of(ds, &every, false, &[])),
        words(format!(
            ", {:.2}% of {}'s area of {}",
            sum.share_percent,
            country.name,
            area_text(sum.country_area_km2, unit)
        )),
        Piece::Sources(cited(&country.source)),
    ];
    if within.is_empty() {
        areas.push(words(".".to_owned()));
    } else {
        areas.push(words(format!(
            "; with {} counted twice, they add up to {} ({:.2}%).",
            within.join(" and "),
            area_text(sum.area_km2_listed, unit),
            sum.share_percent_listed
        )));
    }
    lead.push(areas);
    for alt in stated.iter().flat_map(|o| &o.alternatives) {
        let Some(value) = alt.value else { continue };
        let note = alt
            .note
            .as_deref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        lead.push(vec![
            words(format!("{} gives {value}%", by(&alt.source))),
            Piece::Sources(cited(&alt.source)),
            words(format!("{note}.")),
        ]);
    }
    lead
}
