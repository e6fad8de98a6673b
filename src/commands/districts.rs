//! `karabakh districts`: the territories, filtered and sorted.

use chrono::NaiveDate;

use crate::data::{Dataset, Territory, TerritoryRef};
use crate::output::{Column, Context, Field, Listing, Value};
use crate::query::{self, AreaUnit, Filter, SortKey};

use super::{Naming, YEARS_HELD_NOTE, caveats, disputed_areas, years_held};

/// The fields of the listing, in order, with areas in `unit`; with `on`, the state that day.
pub fn fields<'a>(unit: AreaUnit, on: Option<NaiveDate>) -> Vec<Field<&'a Territory>> {
    let mut fields: Vec<Field<&'a Territory>> = vec![
        Field::new(
            Column::new("id", "id").about("the territory's short id, for `show` and `--territory`").identifies().optional(3),
            |_, t| Value::str(&t.id),
        ),
        Field::new(
            Column::new("name", "name").about("the name as the source document spells it"),
            |_, t| Value::str(&t.name),
        ),
        Field::new(
            Column::new("name_az", "Azerbaijani").about("the name in Azerbaijani, official Latin alphabet").optional(4),
            |_, t| Value::opt(t.name_az.as_ref().map(|a| a.name.as_str())),
        ),
        Field::new(
            Column::new("kind", "kind").about("region or district: the dataset's classification, which no source gives").of_dataset().optional(5),
            |_, t| Value::word(t.kind.as_str()),
        ),
        Field::new(
            Column::new("occupied", "occupied").about("the date of occupation, as precise as the source (a day, a month, a year or a period)"),
            |_, t| Value::Date(t.occupied),
        ),
        Field::new(
            Column::area("area_km2", "area km²", unit).about("the area as the source states it; for a territory only partly occupied, the whole district's"),
            |c, t| Value::area(t.area_km2.get(), c.unit),
        ),
        Field::new(
            Column::new("restored", "restored").about("the date control was restored to Azerbaijan"),
            |_, t| t.restored.as_ref().map_or(Value::Null, |r| Value::Date(r.date)),
        ),
        Field::new(
            Column::new("years_held", "years held").about("the days from occupation to restoration divided by 365.2425; a range, least–most, where either date is not known to the day (in JSON an object with at_least and at_most); empty where not restored").computed(),
            |_, t| years_held(t),
        ),
        Field::new(
            Column::new("source", "source").about("the ids of the sources of the name, date and area (see `karabakh sources`)").cites().optional(1),
            |c, t| Value::sources(c.ds, &t.source),
        ),
        Field::new(
            Column::new("restored_scope", "restored scope").about("`town` where the sources give the date of restoration for the town only, `part` where later stages followed (`karabakh show` and `timeline` give them), else `whole`").optional(2),
            |_, t| t.restored.as_ref().map_or(Value::Null, |r| Value::word(r.scope.as_str())),
        ),
        Field::new(
            Column::new("restored_source", "restoration source").about("the ids of the sources of the date of restoration").cites().optional(0),
            |c, t| Value::maybe_sources(c.ds, t.restored.as_ref().map(|r| &r.source)),
        ),
    ];
    if let Some(day) = on {
        // The state on the day asked for, last so that the other columns keep their places.
        fields.push(Field::new(
            Column {
                label: format!("on {day}").into(),
                ..Column::new("held_on", "").about("with --on: held, or not known to the day, computed from the dates of occupation and restoration").computed()
            },
            |c, t| c.on.map_or(Value::Null, |day| Value::word(query::held_on(t, day).as_str())),
        ));
    }
    fields
}

/// The territories that match `filter`, in the order asked for.
pub fn report(
    ds: &Dataset,
    filter: &Filter,
    sort: SortKey,
    reverse: bool,
    unit: AreaUnit,
    naming: Naming,
) -> Listing {
    let selected = query::select(ds, filter, sort, reverse);
    let mut notes = notes(ds, &selected, naming);
    if let Some(day) = filter.on {
        notes.insert(
            0,
            format!(
                "--on {day} lists the territories held that day: occupied on or before it and not \
             yet restored; where a date is given as a year, a month or a period containing \
             the day, the state is not known to the day and is marked so, never guessed"
            ),
        );
    }
    let context = Context {
        ds,
        unit,
        on: filter.on,
        naming,
    };
    let records = selected.iter().map(|&r| ds.territory(r));
    let mut report = Listing::of(&context, &fields(unit, filter.on), records);
    report.notes = notes;
    report
}

/// The notes under a listing of `selected`: what is computed, and which areas are disputed or
/// only partly occupied.
fn notes(ds: &Dataset, selected: &[TerritoryRef], naming: Naming) -> Vec<String> {
    let mut notes = vec![YEARS_HELD_NOTE.to_owned()];
    notes.extend(disputed_areas(ds, selected, naming));
    notes.extend(caveats(ds, selected, true, naming));
    notes
}
