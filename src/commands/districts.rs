//! `karabakh districts`: the territories, filtered and sorted.

use crate::data::{Dataset, TerritoryRef};
use crate::output::{Column, Report, Value};
use crate::query::{self, AreaUnit, Filter, SortKey};

use super::{YEARS_HELD_NOTE, caveats, ids_where, some_of, years_held};

/// The columns of the listing, in order, with areas in `unit`.
pub fn columns(unit: AreaUnit) -> Vec<Column> {
    vec![
        Column::new("id", "id").optional(2),
        Column::new("name", "name"),
        Column::new("name_az", "Azerbaijani").optional(3),
        Column::new("kind", "kind").optional(4),
        Column::new("occupied", "occupied"),
        Column::area("area_km2", "area km²", unit),
        Column::new("restored", "restored"),
        Column::new("years_held", "years held"),
        Column::new("source", "source").optional(0),
        Column::new("restored_scope", "restored scope").optional(1),
    ]
}

/// The territories that match `filter`, in the order asked for.
pub fn report<'a>(
    ds: &'a Dataset<'a>,
    filter: &Filter,
    sort: SortKey,
    reverse: bool,
    unit: AreaUnit,
) -> Report<'a> {
    let selected = query::select(ds, filter, sort, reverse);
    let mut notes = notes(ds, &selected);
    let mut columns = columns(unit);
    let on = filter.on;
    if let Some(day) = on {
        // The state on the day asked for, last so that the other columns keep their places.
        columns.push(Column {
            label: format!("on {day}").into(),
            ..Column::new("held_on", "")
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
    let mut report = Report::lazy(columns, selected.len(), move |i| {
        let t = ds.territory(selected[i]);
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
        ];
        if let Some(day) = on {
            row.push(Value::str(query::held_on(t, day).as_str()));
        }
        row
    });
    report.notes = notes;
    report
}

/// The notes under a listing of `selected`: what is computed, and which areas are disputed or
/// only partly occupied.
fn notes(ds: &Dataset<'_>, selected: &[TerritoryRef]) -> Vec<String> {
    let mut notes = vec![YEARS_HELD_NOTE.to_owned()];
    let disputed = ids_where(ds, selected, |t| !t.alternatives.is_empty());
    if !disputed.is_empty() {
        notes.push(format!(
            "other sources give other areas for {}: see `karabakh show NAME`",
            some_of(&disputed, ", ")
        ));
    }
    notes.extend(caveats(ds, selected, true));
    notes
}
