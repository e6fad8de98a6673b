//! `karabakh totals`: sums of areas and the share of the country.

use crate::data::{Dataset, TerritoryRef, When};
use crate::output::{Column, Context, Field, Listing, Value, area_text};
use crate::query::{self, AreaUnit, Filter};

use super::{Naming, caveats, named_where};

/// The totals of the territories that match `filter`, with notes on what is computed and
/// where the computed share differs from the stated one.
pub fn report(ds: &Dataset, filter: &Filter, unit: AreaUnit, naming: Naming) -> Listing {
    let selected = query::select(ds, filter, query::SortKey::Date, false);
    let totals = query::totals(ds, &selected);
    // The stated share is of every territory: beside a subset's it would mislead.
    let whole = *filter == Filter::default();
    let stated = (ds.country.occupied_share)
        .filter(|_| whole)
        .map(|f| ds.figure(f).latest());
    let mut report = Listing::record(vec![
        (
            Column::new("territories", "territories").about("how many territories the total is of").computed(),
            Value::Int(totals.territories as u64),
        ),
        (
            Column::area(
                "area_km2_listed",
                "area as listed, km² (sum, computed)",
                unit,
            ).about("the plain sum of their areas as the sources state them").computed(),
            Value::area(totals.area_km2_listed, unit),
        ),
        (
            Column::area("area_km2", "area counted once, km² (computed)", unit).about("the sum with territories inside another listed one counted once").computed(),
            Value::area(totals.area_km2, unit),
        ),
        (
            Column::area("country_area_km2", "country's area, km²", unit).about("the country's area, as its source states it"),
            Value::area(totals.country_area_km2, unit),
        ),
        (
            Column::new("country_area_source", "source of the country's area").about("the ids of the source of the country's area").cites(),
            Value::sources(ds, &ds.country.source),
        ),
        (
            Column::new("share_percent", "share of the country, % (computed)").about("the area counted once as a share of the country's").computed(),
            Value::Decimal(totals.share_percent, 2),
        ),
        (
            Column::new("share_percent_listed", "share as listed, % (computed)").about("the plain sum as a share of the country's").computed(),
            Value::Decimal(totals.share_percent_listed, 2),
        ),
        (
            Column::new("stated_share_percent", "share stated by the source, %").about("the share of the country the source document states, beside the total of every territory only"),
            stated.map_or(Value::Null, |o| Value::Int(o.value)),
        ),
        (
            Column::new("stated_share_source", "source of the stated share").about("the ids of the source of the stated share").cites(),
            Value::maybe_sources(ds, stated.map(|o| &o.source)),
        ),
    ]);

    let country_source = naming.sources(ds, &ds.country.source).join(", ");
    report = report
        .note("area as listed is the plain sum of the areas as the sources state them")
        .note(overlap_note(ds, &selected, unit))
        .note(format!(
            "the shares are computed against {}'s area of {} ({country_source})",
            ds.country.name,
            area_text(totals.country_area_km2, unit)
        ));
    if !whole && ds.country.occupied_share.is_some() {
        report = report.note(
            "the share the source states is of all the territories, so it is not given beside \
             the total of some of them",
        );
    }
    report.notes.extend(caveats(ds, &selected, false, naming));
    if let Some(o) = stated {
        if (o.value as f64 - totals.share_percent).abs() >= 0.005 {
            report = report.note(format!(
                "{} states {}%; the share computed from the listed areas is {:.2}% ({:.2}% if \
                 overlapping areas are counted twice)",
                naming.sources(ds, &o.source).join(", "),
                o.value,
                totals.share_percent,
                totals.share_percent_listed
            ));
        }
        for alt in &o.alternatives {
            if let Some(value) = alt.value {
                let note = alt
                    .note
                    .as_deref()
                    .map(|n| format!(": {n}"))
                    .unwrap_or_default();
                report = report.note(format!(
                    "{} gives {value}%{note}",
                    naming.sources(ds, &alt.source).join(", ")
                ));
            }
        }
    }
    report
}

fn overlap_note(ds: &Dataset, selected: &[TerritoryRef], unit: AreaUnit) -> String {
    let inner: Vec<String> = query::overlaps(ds, selected)
        .into_iter()
        .map(|(inner, outer)| {
            let t = ds.territory(inner);
            format!(
                "{} ({}) lies within {}",
                t.name,
                area_text(t.area_km2.get(), unit),
                ds.territory(outer).name
            )
        })
        .collect();
    if inner.is_empty() {
        "area counted once equals the plain sum: no listed territory lies within another".to_owned()
    } else {
        format!(
            "area counted once leaves out territories inside another listed one: {}",
            inner.join("; ")
        )
    }
}

/// The area held on the day `filter.on` gives, counted once, as a range where some state is
/// not known to the day.
pub fn on(ds: &Dataset, filter: &Filter, unit: AreaUnit) -> Listing {
    let day = filter.on.unwrap_or_default();
    let selected = query::select(ds, filter, query::SortKey::Date, false);
    let area = query::held_area(ds, &selected, day);
    let country = ds.country.area_km2.get();
    let mut report = Listing::record(vec![
        (
            Column::new("on", "on").about("the day asked for").given(),
            Value::Date(crate::data::When::day(day)),
        ),
        (
            Column::new("held", "held that day")
                .about("the ids of the territories held that day")
                .computed(),
            Value::territories(ds, &area.held, Naming::Ids),
        ),
        (
            Column::new("not_known", "not known to the day")
                .about("the ids of those whose state that day is not known to the day")
                .computed(),
            Value::territories(ds, &area.unknown, Naming::Ids),
        ),
        (
            Column::area(
                "area_km2_at_least",
                "area held, at least, km² (computed)",
                unit,
            )
            .about("the area of those held, counted once")
            .computed(),
            Value::area(area.at_least_km2, unit),
        ),
        (
            Column::area(
                "area_km2_at_most",
                "area held, at most, km² (computed)",
                unit,
            )
            .about("the area of those held and those not known, counted once")
            .computed(),
            Value::area(area.at_most_km2, unit),
        ),
        (
            Column::new(
                "share_percent_at_least",
                "share of the country, at least, % (computed)",
            )
            .about("the least area as a share of the country's")
            .computed(),
            Value::Decimal(query::percent(area.at_least_km2, country), 2),
        ),
        (
            Column::new(
                "share_percent_at_most",
                "share of the country, at most, % (computed)",
            )
            .about("the most area as a share of the country's")
            .computed(),
            Value::Decimal(query::percent(area.at_most_km2, country), 2),
        ),
    ]);
    report = report.note(format!(
        "computed: the area held on {day} (occupied on or before it and not yet restored), \
         counted once: {PARTS_RULE}"
    ));
    report.notes.extend(less_note(ds, &area.less, false));
    if !area.unknown.is_empty() {
        report = report.note(format!(
            "the dates of {} are given as a year, a month or a period containing {day}, so \
             whether each was held that day is not known: the area held is at least the first \
             figure and at most the second",
            named_where(ds, &area.unknown, Naming::Ids, |_| true).join(", ")
        ));
    }
    let counted: Vec<TerritoryRef> = area.held.iter().chain(&area.unknown).copied().collect();
    report
        .notes
        .extend(caveats(ds, &counted, false, Naming::Ids));
    // Left out as restored, though the sources date the restoration of their towns only.
    let any_day = Filter {
        on: None,
        ..filter.clone()
    };
    let everyone = query::select(ds, &any_day, query::SortKey::Date, false);
    let towns = named_where(ds, &everyone, Naming::Ids, |t| {
        (t.restored.as_ref())
            .is_some_and(|r| r.scope == crate::data::Scope::Town && r.date.last_day() <= day)
    });
    if !towns.is_empty() {
        report = report.note(format!(
            "left out as restored by {day}, though the sources give the date of the town only, \
             not of the whole district: {}",
            towns.join(", ")
        ));
    }
    report
        .notes
        .extend(super::staged(ds, &everyone, Some(day), Naming::Ids));
    report
}

/// How the area held is counted once, in the notes of `--on` and `--series`.
const PARTS_RULE: &str = "each territory's own part (its area less those of the territories \
     within it) counts while that territory is held, so a territory inside another counts once, \
     and one held while a territory within it is not counts the rest of its area only";

/// The note on outer territories counted less the inner ones not held with them; `dated`, for
/// the series, says between which restorations each pair applies.
pub(super) fn less_note(
    ds: &Dataset,
    less: &[(TerritoryRef, TerritoryRef)],
    dated: bool,
) -> Option<String> {
    if less.is_empty() {
        return None;
    }
    let parts: Vec<String> = (less.iter())
        .map(|&(outer, inner)| {
            let (o, i) = (ds.territory(outer), ds.territory(inner));
            let restored = |t: &crate::data::Territory| t.restored.as_ref().map(|x| x.date.iso());
            let when = match (dated, restored(i), restored(o)) {
                (true, Some(from), Some(to)) => format!(" from {from} to {to}"),
                (true, Some(from), None) => format!(" from {from}"),
                _ => String::new(),
            };
            let record = (o.restored.as_ref())
                .and_then(|r| r.note.as_deref())
                .map_or(String::new(), |note| {
                    format!(" (the record of its restoration: \"{note}\")")
                });
            format!(
                "{}'s held part{when} is its area less that of {} ({} km²), which lies within it \
                 and was not held then; the sources give no area for any other part of {} that \
                 changed hands before the whole{record}, so that part is at most this",
                o.name,
                i.name,
                i.area_km2.get(),
                o.name
            )
        })
        .collect();
    Some(format!("computed: {}", parts.join("; ")))
}

/// Every day on which the area held changed, what changed, and the area held from that day on,
/// as a range while a date given less precisely than a day is running.
pub fn series(ds: &Dataset, filter: &Filter, unit: AreaUnit) -> Listing {
    let selected = query::select(ds, filter, query::SortKey::Date, false);
    let context = Context {
        unit,
        ..Context::of(ds)
    };
    let mut report = Listing::of(
        &context,
        &series_fields(unit),
        &query::series(ds, &selected),
    );
    report = report
        .note(format!(
            "computed: the area held from each day on (occupied and not yet restored), counted \
             once: {PARTS_RULE}; it is what `--on` gives for any day until the next row"
        ))
        .note(
            "a date given as a year, a month or a period (such as 1988–1992) changes the state \
             twice: from its first day whether the territory is held is not known, and the area \
             is a range from the least to the most; from its last day it is known",
        );
    let less = query::parts_released(ds, &selected);
    report.notes.extend(less_note(ds, &less, true));
    report
        .notes
        .extend(caveats(ds, &selected, true, Naming::Ids));
    report
}

/// The area per year of occupation and the cumulative area.
pub fn by_year(ds: &Dataset, filter: &Filter, unit: AreaUnit) -> Listing {
    let selected = query::select(ds, filter, query::SortKey::Date, false);
    let context = Context {
        unit,
        ..Context::of(ds)
    };
    let mut report = Listing::of(&context, &year_fields(unit), &query::by_year(ds, &selected));
    report = report
        .note("all areas and shares here are computed from the listed areas; a period stated by the source (such as 1988–1992) is a row of its own")
        .note(overlap_note(ds, &selected, unit));
    report
        .notes
        .extend(caveats(ds, &selected, false, Naming::Ids));
    report
}

/// The fields of `totals --series`, with areas in `unit`.
pub fn series_fields<'c>(unit: AreaUnit) -> Vec<Field<&'c query::Change>> {
    vec![
        Field::new(
            Column::new("date", "from")
                .about("the first day of the state the row gives")
                .computed(),
            |_, c| Value::Date(When::day(c.day)),
        ),
        Field::new(
            Column::new("dated", "as dated")
                .about("the dates of what changed that day, as precise as the sources give them"),
            |_, c| Value::List(c.dated.iter().map(|d| d.iso()).collect()),
        ),
        Field::new(
            Column::new("occupied", "occupied").about(
                "the ids of the territories whose occupation, or its period, began or ended that day",
            ),
            |x, c| Value::territories(x.ds, &c.occupied, x.naming),
        ),
        Field::new(
            Column::new("restored", "restored").about(
                "the ids of those whose restoration, or its period, began or ended that day",
            ),
            |x, c| Value::territories(x.ds, &c.restored, x.naming),
        ),
        Field::new(
            Column::new("not_known", "not known to the day")
                .about("the ids of those whose state from that day is not known to the day")
                .computed()
                .optional(1),
            |x, c| Value::territories(x.ds, &c.unknown, x.naming),
        ),
        Field::new(
            Column::area("area_km2_at_least", "area held, at least, km²", unit)
                .about("the area of the parts held from that day, counted once")
                .computed(),
            |x, c| Value::area(c.at_least_km2, x.unit),
        ),
        Field::new(
            Column::area("area_km2_at_most", "area held, at most, km²", unit)
                .about("that and the area of the parts whose state is not known to the day")
                .computed(),
            |x, c| Value::area(c.at_most_km2, x.unit),
        ),
        Field::new(
            Column::new("share_percent_at_least", "share, at least, %")
                .about("the least area as a share of the country's")
                .computed()
                .optional(0),
            |x, c| share(x.ds, c.at_least_km2),
        ),
        Field::new(
            Column::new("share_percent_at_most", "share, at most, %")
                .about("the most area as a share of the country's")
                .computed()
                .optional(0),
            |x, c| share(x.ds, c.at_most_km2),
        ),
    ]
}

/// The fields of `totals --by year`, with areas in `unit`.
pub fn year_fields<'r>(unit: AreaUnit) -> Vec<Field<&'r query::YearRow>> {
    vec![
        Field::new(
            Column::new("year", "year")
                .about("the year of occupation, or the period the source states"),
            |_, r| Value::Date(r.period),
        ),
        Field::new(
            Column::new("territories", "territories")
                .about("the ids of the territories occupied then")
                .optional(1),
            |x, r| Value::territories(x.ds, &r.territories, x.naming),
        ),
        Field::new(
            Column::area("area_km2_listed", "area as listed, km²", unit)
                .about("the plain sum of their areas")
                .computed()
                .optional(0),
            |x, r| Value::area(r.area_km2_listed, x.unit),
        ),
        Field::new(
            Column::area("area_km2", "area counted once, km²", unit)
                .about("the sum with territories inside another listed one counted once")
                .computed(),
            |x, r| Value::area(r.area_km2, x.unit),
        ),
        Field::new(
            Column::area("cumulative_area_km2", "cumulative area, km²", unit)
                .about("the area counted once reached by the end of the period")
                .computed(),
            |x, r| Value::area(r.cumulative_area_km2, x.unit),
        ),
        Field::new(
            Column::new("cumulative_share_percent", "cumulative share, %")
                .about("that area as a share of the country's")
                .computed(),
            |x, r| share(x.ds, r.cumulative_area_km2),
        ),
    ]
}

// An area as a share of the country's, in percent to two decimals.
fn share(ds: &Dataset, area_km2: u64) -> Value {
    Value::Decimal(query::percent(area_km2, ds.country.area_km2.get()), 2)
}
