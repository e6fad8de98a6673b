//! Properties that hold for every valid dataset, checked on generated ones.

use std::collections::HashSet;

use chrono::Datelike;
use karabakh::commands;
use karabakh::data::{self, Dataset, Kind, Syntax, TerritoryRef, When};
use karabakh::output::{self, Format, Naming, Options};
use karabakh::query::{self, AreaUnit, DateRange, Filter, SortKey};
use proptest::prelude::*;
use serde_json::json;

/// A date in any of the precisions a dataset allows; a narrow span of years, so that
/// filters often fall on the edges of dates.
fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        (1985i32..1998, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| When::parse(&format!("{y:04}-{m:02}-{d:02}")).unwrap()),
        (1900i32..2030, 1u32..=12)
            .prop_map(|(y, m)| When::parse(&format!("{y:04}-{m:02}")).unwrap()),
        (1985i32..1998).prop_map(|y| When::year(y).unwrap()),
        (1985i32..1995, 1i32..5)
            .prop_map(|(y, n)| When::parse(&format!("{y:04}/{:04}", y + n)).unwrap()),
        (197i32..200).prop_map(|d| When::parse(&format!("{}s", d * 10)).unwrap()),
    ]
}

/// Names with any characters at all: letters of several scripts, controls, quotes.
fn name() -> impl Strategy<Value = String> {
    "[a-zA-Zəı İŞş\u{1b}\u{202e}\t\n\\\\|,\"'-]{1,12}"
}

#[derive(Debug, Clone)]
struct GenTerritory {
    name: String,
    region: bool,
    occupied: When,
    area: u32,
    restored_after_days: Option<u32>,
    within_earlier: Option<usize>,
}

fn territory() -> impl Strategy<Value = GenTerritory> {
    (
        name(),
        any::<bool>(),
        when(),
        1u32..60,
        proptest::option::of(0u32..20_000),
        proptest::option::of(any::<usize>()),
    )
        .prop_map(
            |(name, region, occupied, area, restored_after_days, within_earlier)| GenTerritory {
                name,
                region,
                occupied,
                area,
                restored_after_days,
                within_earlier,
            },
        )
}

/// A valid dataset: `within` only points to an earlier territory with room for it, restorations
/// come after occupations.
fn dataset() -> impl Strategy<Value = Dataset> {
    proptest::collection::vec(territory(), 0..40).prop_map(|ts| {
        let mut territories = Vec::new();
        let mut room: Vec<u32> = ts.iter().map(|t| t.area).collect();
        for (i, t) in ts.iter().enumerate() {
            let mut record = json!({
                "id": format!("t{i}"),
                "name": t.name,
                "kind": if t.region { "region" } else { "district" },
                "occupied": t.occupied.to_string(),
                "area_km2": t.area,
                "source": "s",
            });
            if let Some(days) = t.restored_after_days {
                let date = t.occupied.last_day() + chrono::Duration::days(i64::from(days));
                record["restored"] =
                    json!({ "date": date.format("%Y-%m-%d").to_string(), "source": "s" });
            }
            if let Some(pick) = t.within_earlier.filter(|_| i > 0) {
                let outer = pick % i;
                // The territories within one fit inside it together.
                if room[outer] >= t.area {
                    room[outer] -= t.area;
                    record["within"] = json!(format!("t{outer}"));
                }
            }
            territories.push(record);
        }
        let text = json!({
            "schema": 1,
            "country": { "name": "C", "area_km2": 1_000_000, "source": "s" },
            "sources": [{ "id": "s", "title": "S" }],
            "territories": territories,
        })
        .to_string();
        // The dataset borrows its text; a test case may keep it for as long as it likes.
        let text: &'static str = text.leak();
        data::parse(text, "generated.json", Syntax::Json).unwrap_or_else(|e| panic!("{e}\n{text}"))
    })
}

fn filter() -> impl Strategy<Value = Filter> {
    (
        proptest::option::of((1985i32..2000).prop_map(|y| When::year(y).unwrap())),
        proptest::option::of(when()),
        proptest::option::of(when()),
        // Areas are small too, so that thresholds often equal an area.
        proptest::option::of(1u64..60),
        proptest::option::of(1u64..60),
        proptest::option::of(prop_oneof![Just(Kind::Region), Just(Kind::District)]),
        proptest::option::of(when().prop_map(When::first_day)),
    )
        .prop_map(
            |(year, since, until, min_area, max_area, kind, on)| Filter {
                year,
                dates: DateRange { since, until },
                min_area,
                max_area,
                kind,
                on,
            },
        )
}

fn sort_key() -> impl Strategy<Value = SortKey> {
    prop_oneof![
        Just(SortKey::Date),
        Just(SortKey::Area),
        Just(SortKey::Name),
        Just(SortKey::Held)
    ]
}

fn render(report: &output::Listing, format: Format) -> String {
    render_to(report, format, None)
}

fn render_to(report: &output::Listing, format: Format, width: Option<usize>) -> String {
    let mut out = Vec::new();
    let options = Options {
        header: true,
        color: false,
        width,
        wide: false,
        bom: false,
        table: "listing",
    };
    output::render(report, format, options, None, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn sorting_never_changes_the_totals(ds in dataset(), f in filter(), sort in sort_key(), reverse in any::<bool>()) {
        let base = query::totals(&ds, &query::select(&ds, &f, SortKey::Date, false));
        let sorted = query::totals(&ds, &query::select(&ds, &f, sort, reverse));
        prop_assert_eq!(base, sorted);
    }

    #[test]
    fn each_filter_keeps_exactly_the_matching_territories(ds in dataset(), f in filter()) {
        let kept: HashSet<TerritoryRef> = query::select(&ds, &f, SortKey::Date, false).into_iter().collect();
        for r in ds.territory_refs() {
            let t = ds.territory(r);
            let (first, last) = (t.occupied.first_day(), t.occupied.last_day());
            let area = t.area_km2.get();
            let expected = f.year.is_none_or(|y| first.year() <= y.first_day().year() && y.first_day().year() <= last.year())
                && f.dates.since.is_none_or(|s| last >= s.first_day())
                && f.dates.until.is_none_or(|u| first <= u.last_day())
                && f.min_area.is_none_or(|m| area >= m)
                && f.max_area.is_none_or(|m| area <= m)
                && f.kind.is_none_or(|k| t.kind == k)
                // On a day: occupied by then (perhaps), and not restored by then for certain.
                && f.on.is_none_or(|day| {
                    first <= day && t.restored.as_ref().is_none_or(|r| day < r.date.last_day())
                });
            prop_assert_eq!(kept.contains(&r), expected, "{}", t.id);
        }
    }

    #[test]
    fn reverse_reverses_the_order(ds in dataset(), f in filter(), sort in sort_key()) {
        let mut forward = query::select(&ds, &f, sort, false);
        forward.reverse();
        prop_assert_eq!(forward, query::select(&ds, &f, sort, true));
    }

    #[test]
    fn json_output_reads_back_as_the_same_records(ds in dataset(), f in filter(), sort in sort_key()) {
        let report = commands::districts::report(&ds, &f, sort, false, AreaUnit::Km2, Naming::Ids);
        let json: serde_json::Value = serde_json::from_str(&render(&report, Format::Json)).unwrap();
        let rows = json.as_array().unwrap();
        let selected = query::select(&ds, &f, sort, false);
        prop_assert_eq!(rows.len(), selected.len());
        for (row, &r) in rows.iter().zip(&selected) {
            let t = ds.territory(r);
            prop_assert_eq!(&row["id"], &json!(t.id));
            prop_assert_eq!(&row["name"], &json!(t.name));
            prop_assert_eq!(&row["kind"], &json!(t.kind.as_str()));
            prop_assert_eq!(&row["occupied"], &json!(t.occupied.iso()));
            prop_assert_eq!(&row["area_km2"], &json!(t.area_km2.get()));
            prop_assert_eq!(&row["restored"], &t.restored.as_ref().map_or(json!(null), |x| json!(x.date.iso())));
        }
    }

    #[test]
    fn tsv_lines_all_have_the_same_number_of_fields(ds in dataset(), f in filter()) {
        let reports = [
            commands::districts::report(&ds, &f, SortKey::Name, false, AreaUnit::Mi2, Naming::Ids),
            commands::timeline::report(&ds, &commands::timeline::Selection { range: f.dates, ..Default::default() }, Naming::Ids),
            commands::totals::by_year(&ds, &f, AreaUnit::Km2),
            commands::sources::report(&ds),
        ];
        for report in &reports {
            let tsv = render(report, Format::Tsv);
            prop_assert_eq!(tsv.lines().count(), report.len() + 1);
            for line in tsv.lines() {
                prop_assert_eq!(line.split('\t').count(), report.columns.len(), "{}", line);
            }
        }
    }

    #[test]
    fn a_table_fits_any_width_from_40_columns_up(ds in dataset(), f in filter(), width in 40usize..160) {
        let reports = [
            commands::districts::report(&ds, &f, SortKey::Name, false, AreaUnit::Mi2, Naming::Ids),
            commands::totals::report(&ds, &f, AreaUnit::Km2, Naming::Ids),
            commands::totals::by_year(&ds, &f, AreaUnit::Km2),
            commands::timeline::report(&ds, &commands::timeline::Selection { range: f.dates, ..Default::default() }, Naming::Ids),
            commands::sources::report(&ds),
        ];
        for report in &reports {
            let table = render_to(report, Format::Table, Some(width));
            for line in table.lines() {
                prop_assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= width,
                    "{} columns at {width}: {line}\n{table}",
                    unicode_width::UnicodeWidthStr::width(line)
                );
            }
        }
    }

    #[test]
    fn export_then_load_gives_the_same_dataset(ds in dataset()) {
        let toml = data::to_toml(&ds).unwrap();
        prop_assert_eq!(&data::parse(&toml, "export.toml", Syntax::Toml).unwrap(), &ds);
        let json = data::to_json(&ds).unwrap();
        prop_assert_eq!(&data::parse(&json, "export.json", Syntax::Json).unwrap(), &ds);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_series_and_on_give_the_same_area_on_every_day(ds in dataset(), f in filter()) {
        let selected = query::select(&ds, &f, SortKey::Date, false);
        let series = query::series(&ds, &selected);
        // Every day of the series, the day before it, and a day between it and the next.
        let mut days = Vec::new();
        for (i, change) in series.iter().enumerate() {
            days.push(change.day);
            days.extend(change.day.pred_opt());
            if let Some(next) = series.get(i + 1) {
                days.push(change.day + (next.day - change.day) / 2);
            }
        }
        for day in days {
            let on = query::held_area(&ds, &selected, day);
            let row = series.iter().rev().find(|c| c.day <= day);
            let (low, high) = row.map_or((0, 0), |c| (c.at_least_km2, c.at_most_km2));
            prop_assert_eq!((low, high), (on.at_least_km2, on.at_most_km2), "on {}", day);
            let unknown = row.map_or(Vec::new(), |c| c.unknown.clone());
            let mut on_unknown = on.unknown.clone();
            on_unknown.sort();
            prop_assert_eq!(unknown, on_unknown, "on {}", day);
        }
        // Once every date has passed, what is held is what was never restored.
        if let Some(last) = series.last() {
            prop_assert_eq!(last.at_least_km2, last.at_most_km2);
        }
    }

    #[test]
    fn the_area_held_lies_between_nothing_and_the_area_counted_once(ds in dataset(), f in filter(), offset in 0i64..15_000) {
        let selected = query::select(&ds, &f, SortKey::Date, false);
        let day = chrono::NaiveDate::from_ymd_opt(1985, 1, 1).unwrap() + chrono::Duration::days(offset);
        let on = query::held_area(&ds, &selected, day);
        prop_assert!(on.at_least_km2 <= on.at_most_km2);
        prop_assert!(on.at_most_km2 <= query::counted_area_of(&ds, &selected));
    }
}
