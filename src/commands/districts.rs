//! `karabakh districts`: the territories, filtered and sorted.

use crate::data::{Dataset, TerritoryRef};
use crate::output::{Column, Listing, Value};
use crate::query::{self, AreaUnit, Filter, SortKey};

use super::{YEARS_HELD_NOTE, caveats, disputed_areas, years_held};

/// The columns of the listing, in order, with areas in `unit`.
pub fn columns(unit: AreaUnit) -> Vec<Column> {
    vec![
        Column::new("id", "id").about("the territory's short id, for `show` and `--territory`").optional(3),
        Column::new("name", "name").about("the name as the source document spells it"),
        Column::new("name_az", "Azerbaijani").about("the name in Azerbaijani, official Latin alphabet").optional(4),
        Column::new("kind", "kind").about("region or district: the dataset's classification, which no source gives").of_dataset().optional(5),
        Column::new("occupied", "occupied").about("the date of occupation, as precise as the source (a day, a month, a year or a period)"),
        Column::area("area_km2", "area km²", unit).about("the area as the source states it; for a territory only partly occupied, the whole district's"),
        Column::new("restored", "restored").about("the date control was restored to Azerbaijan"),
        Column::new("years_held", "years held").about("the days from occupation to restoration divided by 365.2425; empty where either date is not known to the day").computed(),
        Column::new("source", "source").about("the ids of the sources of the name, date and area (see `karabakh sources`)").cites().optional(1),
        Column::new("restored_scope", "restored scope").about("`town` where the sources give the date of restoration for the town only, else `whole`").optional(2),
        Column::new("restored_source", "restoration source").about("the ids of the sources of the date of restoration").cites().optional(0),
    ]
}

/// The territories that match `filter`, in the order asked for.
pub fn report<'a>(
    ds: &'a Dataset,
    filter: &Filter,
    sort: SortKey,
    reverse: bool,
    unit: AreaUnit,
) -> Listing<'a> {
    let selected = query::select(ds, filter, sort, reverse);
    let mut notes = notes(ds, &selected);
    let mut columns = columns(unit);
    let on = filter.on;
    if let Some(day) = on {
        // The state on the day asked for, last so that the other columns keep their places.
        columns.push(Column {
            label: format!("on {day}").into(),
            ..Column::new("held_on", "").about("with --on: held, or not known to the day, computed from the dates of occupation and restoration").computed()
        });
        notes.insert(
            0,
            format!(
                "--on {day} lists the territories held that day: occupied on or before it and not \
             yet restored; where a date is given as a year, a month or a period containing \
             the day, the state is not known to the day and is marked so, never guessed"
            ),
        );
    }
    let mut report = Listing::list(columns);
    for &r in &selected {
        let t = ds.territory(r);
        let mut row = vec![
            Value::str(&t.id),
            Value::str(&t.name),
            Value::opt(t.name_az.as_ref().map(|a| a.name.as_str())),
            Value::str(t.kind.as_str()),
            Value::Date(t.occupied),
            Value::area(t.area_km2.get(), unit),
            t.restored
                .as_ref()
                .map_or(Value::Null, |r| Value::Date(r.date)),
            years_held(t),
            Value::sources(ds, &t.source),
            t.restored
                .as_ref()
                .map_or(Value::Null, |r| Value::str(r.scope.as_str())),
            Value::maybe_sources(ds, t.restored.as_ref().map(|r| &r.source)),
        ];
        if let Some(day) = on {
            row.push(Value::str(query::held_on(t, day).as_str()));
        }
        report.push(row);
    }
    report.notes = notes;
    report
}

/// The notes under a listing of `selected`: what is computed, and which areas are disputed or
/// only partly occupied.
fn notes(ds: &Dataset, selected: &[TerritoryRef]) -> Vec<String> {
    let mut notes = vec![YEARS_HELD_NOTE.to_owned()];
    notes.extend(disputed_areas(ds, selected));
    notes.extend(caveats(ds, selected, true));
    notes
}
