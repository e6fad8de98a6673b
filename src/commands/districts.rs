//! `karabakh districts`: the territories, filtered and sorted.

use crate::data::{Dataset, Territory};
use crate::output::{Column, Report, Value};
use crate::query::{self, Filter, SortKey};

use super::{YEARS_HELD_NOTE, some_of, years_held};

/// The columns of the listing, in order.
pub const COLUMNS: [Column; 9] = [
    Column::new("id", "id"),
    Column::new("name", "name"),
    Column::new("name_az", "Azerbaijani"),
    Column::new("kind", "kind"),
    Column::new("occupied", "occupied"),
    Column::new("area_km2", "area km²"),
    Column::new("restored", "restored"),
    Column::new("years_held", "years held"),
    Column::new("source", "source"),
];

/// The territories that match `filter`, in the order asked for.
pub fn report<'a>(ds: &'a Dataset, filter: &Filter, sort: SortKey, reverse: bool) -> Report<'a> {
    let selected = query::select(ds, filter, sort, reverse);
    let mut report = Report::list(COLUMNS.to_vec());
    for &r in &selected {
        let t = ds.territory(r);
        report.rows.push(vec![
            Value::str(&t.id),
            Value::str(&t.name),
            Value::opt(t.name_az.as_deref()),
            Value::str(t.kind.as_str()),
            Value::Date(t.occupied),
            Value::Int(t.area_km2.get()),
            t.restored
                .as_ref()
                .map_or(Value::Null, |r| Value::Date(r.date)),
            years_held(t),
            Value::sources(ds, &t.source),
        ]);
    }
    let mut report = report.note(YEARS_HELD_NOTE);
    let ids_where = |keep: fn(&Territory) -> bool| -> Vec<&str> {
        selected
            .iter()
            .map(|&r| ds.territory(r))
            .filter(|t| keep(t))
            .map(|t| t.id.as_str())
            .collect()
    };
    let disputed = ids_where(|t| !t.alternatives.is_empty());
    if !disputed.is_empty() {
        report = report.note(format!(
            "other sources give other areas for {}: see `karabakh show NAME`",
            some_of(&disputed, ", ")
        ));
    }
    let partial = ids_where(|t| t.partial.is_some());
    if !partial.is_empty() {
        report = report.note(format!(
            "only part of these was occupied, though the area is the whole district's: {}",
            some_of(&partial, ", ")
        ));
    }
    report
}
