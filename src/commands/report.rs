//! `karabakh report`: the whole dataset on one page.

use crate::data::Dataset;
use crate::output::html::{Page, Section};
use crate::output::svg::{self, Size};
use crate::query::{AreaUnit, Filter, SortKey};

use super::{Naming, chart, districts, figures, timeline, totals};

// The width of the charts on the page, in pixels.
const PAGE_CHART_WIDTH: u16 = 640;

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
    let bars = chart::bars(ds, &everything, SortKey::Area, true);
    let over_time = chart::over_time(ds, &everything);
    let dataset = format!(
        "{} territories, {} figures, {} sources; facts to {}",
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
        totals: totals::report(ds, &everything, unit, Naming::Names),
        sections: vec![
            Section::Table {
                id: "territories",
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
                id: "chart-areas",
                heading: "Areas".to_owned(),
                svg: svg::element(&bars, size, unit)?,
            },
            Section::Chart {
                id: "chart-over-time",
                heading: "Area held over time".to_owned(),
                svg: svg::element(&over_time, size, unit)?,
            },
            Section::Table {
                id: "figures",
                heading: "Figures and their history".to_owned(),
                report: figures::history(ds, Naming::Names),
            },
            Section::Table {
                id: "timeline",
                heading: "Timeline".to_owned(),
                report: timeline::report(ds, &timeline::Selection::default(), Naming::Names),
            },
        ],
        sources: ds.sources.iter().collect(),
    })
}
