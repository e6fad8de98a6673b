//! `karabakh show NAME`: everything known about one territory.

use crate::data::{Cited, Dataset, Source, SourceRef, TerritoryRef};
use std::borrow::Cow;

use chrono::NaiveDate;

use crate::output::{Column, Context, Field, Listing, Value, area_text, escape_for_terminal};
use crate::query::{self, AreaUnit, Computation, Fact, FactValue, Lookup, Partly};

use super::{NotFound, YEARS_HELD_NOTE};

/// The report on the territory called `name`, or [`NotFound`] with suggestions.
/// With `on`, a row says whether it was held that day.
pub fn report(
    ds: &Dataset,
    name: &str,
    unit: AreaUnit,
    on: Option<NaiveDate>,
) -> Result<Listing, NotFound> {
    Ok(of(ds, territory(ds, name)?, unit, on))
}

/// The territory called `name` (any spelling `show` accepts), or [`NotFound`] with the
/// names that come close.
pub fn territory(ds: &Dataset, name: &str) -> Result<TerritoryRef, NotFound> {
    match query::lookup(ds, name) {
        Lookup::Found(r) => Ok(r),
        Lookup::Ambiguous(refs) => Err(NotFound::new(format!(
            "\"{}\" names more than one territory: {}; give the id instead",
            escape_for_terminal(name),
            refs.iter()
                .map(|&r| escape_for_terminal(&ds.territory(r).id))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
        Lookup::NotFound(close) => {
            let hint = match close.as_slice() {
                [] => String::new(),
                refs => format!(
                    "\n\ndid you mean: {}?",
                    refs.iter()
                        .map(|&r| {
                            let t = ds.territory(r);
                            format!(
                                "{} ({})",
                                escape_for_terminal(&t.name),
                                escape_for_terminal(&t.id)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            Err(NotFound::new(format!(
                "no territory is called \"{}\"{hint}\n\n`karabakh districts` lists every territory",
                escape_for_terminal(name)
            )))
        }
    }
}

/// A row of `show`: a fact of the territory, or a source those facts cite.
#[derive(Clone, Copy)]
pub enum Row<'r, 'a> {
    /// A fact of the territory.
    Fact(&'r Fact<'a>),
    /// A source that the facts cite.
    Cited(&'a Source),
}

/// The fields of `show`, each row a fact or a cited source.
pub fn fields<'f, 'r, 'a>() -> Vec<Field<&'f Row<'r, 'a>>> {
    vec![
        Field::new(
            Column::new("field", "field").about("what the row gives: id, name, name_az, alias, kind, occupied, partial, area, within, restored, restored_later, held_on, years_held, share_percent, event or cited"),
            |c, row| match row {
                Row::Fact(fact) => Value::Text(field_name(fact, c.unit)),
                Row::Cited(_) => Value::word("cited"),
            },
        ),
        Field::new(
            Column::new("value", "value").about("the value of the field"),
            |c, row| match row {
                Row::Fact(fact) => value(fact, c.unit),
                Row::Cited(source) => Value::str(&source.title),
            },
        ),
        Field::new(
            Column::new("source", "source").about("the ids of the sources of the value; empty for a computed one").cites(),
            |c, row| match row {
                Row::Fact(fact) => Value::maybe_sources(c.ds, fact.sources),
                Row::Cited(source) => Value::List(vec![source.id.clone()]),
            },
        ),
        Field::new(
            Column::new("note", "note").about("a qualification, or how a computed value is computed").caveat().optional(0),
            |c, row| match row {
                Row::Fact(fact) => note(c.ds, fact, c.unit).map_or(Value::Null, Value::owned),
                Row::Cited(source) => where_to_find(source),
            },
        ),
    ]
}

/// The report on territory `r`, its facts one a row and then the sources they cite; with
/// `on`, a row says whether it was held that day.
pub fn of(ds: &Dataset, r: TerritoryRef, unit: AreaUnit, on: Option<NaiveDate>) -> Listing {
    let facts = query::territory_facts(ds, r, on);
    // Every source cited by the facts, once, in the dataset's order.
    let mut cited: Vec<SourceRef> = (facts.iter())
        .flat_map(|fact| fact.sources.map(Cited::refs).unwrap_or_default())
        .copied()
        .collect();
    cited.sort();
    cited.dedup();
    let rows: Vec<Row> = (facts.iter().map(Row::Fact))
        .chain(cited.iter().map(|&s| Row::Cited(ds.source(s))))
        .collect();
    let context = Context {
        unit,
        on,
        ..Context::of(ds)
    };
    let report = Listing::fields_of(&context, &fields(), &rows);
    let mut report = report.note(YEARS_HELD_NOTE);
    report.notes.extend(super::document_terms(ds, &[r]));
    report
}

// A cited source's publisher, date, address and day of access, where it has them.
fn where_to_find(source: &Source) -> Value {
    let details: Vec<String> = [
        source.publisher_beyond_title().map(str::to_owned),
        source.date.map(|d| d.iso()),
        source.url.as_deref().map(str::to_owned),
        source.accessed.map(|d| format!("accessed {}", d.iso())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if details.is_empty() {
        Value::Null
    } else {
        Value::owned(details.join(", "))
    }
}

/// The name of the field of `fact` with areas in `unit` (`area_mi2`).
pub fn field_name(fact: &Fact<'_>, unit: AreaUnit) -> Cow<'static, str> {
    match fact.value {
        FactValue::AreaKm2(_) => Cow::Owned(unit.rename(fact.field)),
        _ => Cow::Borrowed(fact.field),
    }
}

/// The value of `fact` as a listing holds it, areas in `unit`.
pub fn value<'a>(fact: &Fact<'a>, unit: AreaUnit) -> Value {
    match &fact.value {
        FactValue::Text(text) => Value::str(text),
        FactValue::Made(text) => Value::owned(text.clone()),
        FactValue::Date(date) => Value::Date(*date),
        FactValue::AreaKm2(km2) => Value::area(*km2, unit),
        FactValue::Held(held) => Value::word(held.as_str()),
        FactValue::Years(years) => super::years_value(*years),
        FactValue::Percent(share) => Value::Decimal(*share, 2),
    }
}

/// The note on `fact`: its own, or how karabakh computed it; another source's area without a
/// note of its own says that it is one.
pub fn note(ds: &Dataset, fact: &Fact<'_>, unit: AreaUnit) -> Option<String> {
    Some(match fact.computed {
        None if fact.field == "area_km2_other" => {
            fact.note.unwrap_or("another source's value").to_owned()
        }
        None => return fact.note.map(str::to_owned),
        Some(Computation::HeldOn { day, partly }) => {
            let town = match partly {
                Partly::No => String::new(),
                Partly::Town => {
                    "; the sources give the date of restoration of the town only".to_owned()
                }
                Partly::Until(date) => format!(
                    "; counted as restored from the first stage, though {} followed only on {}",
                    fact.note.unwrap_or("the rest"),
                    date.iso()
                ),
            };
            format!(
                "computed from the dates above: held on {day} if occupied on or before it and \
                 not yet restored; not known to the day where a date is a year, a month or a \
                 period containing it{town}"
            )
        }
        Some(Computation::YearsHeld) => "computed".to_owned(),
        Some(Computation::ShareOfCountry) => format!(
            "computed: the area as listed over {}'s {}",
            ds.country.name,
            area_text(ds.country.area_km2.get(), unit)
        ),
    })
}
