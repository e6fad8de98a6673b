//! `karabakh show NAME`: everything known about one territory.

use crate::data::{Cited, Dataset, Event, SourceRef, TerritoryRef};
use std::borrow::Cow;

use chrono::NaiveDate;

use crate::output::{Column, Listing, Value, area_text};
use crate::query::{self, AreaUnit, Lookup};

use super::{NotFound, YEARS_HELD_NOTE, years_held};

/// The report on the territory called `name`, or [`NotFound`] with suggestions.
/// With `on`, a row says whether it was held that day.
pub fn report<'a>(
    ds: &'a Dataset,
    name: &str,
    unit: AreaUnit,
    on: Option<NaiveDate>,
) -> Result<Listing<'a>, NotFound> {
    Ok(of(ds, territory(ds, name)?, unit, on))
}

/// The territory called `name` (any spelling `show` accepts), or [`NotFound`] with the
/// names that come close.
pub fn territory(ds: &Dataset, name: &str) -> Result<TerritoryRef, NotFound> {
    match query::lookup(ds, name) {
        Lookup::Found(r) => Ok(r),
        Lookup::Ambiguous(refs) => Err(NotFound::new(format!(
            "\"{name}\" names more than one territory: {}; give the id instead",
            refs.iter()
                .map(|&r| ds.territory(r).id.as_str())
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
                            format!("{} ({})", t.name, t.id)
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            Err(NotFound::new(format!(
                "no territory is called \"{name}\"{hint}\n\n`karabakh districts` lists every territory"
            )))
        }
    }
}

/// Collects the rows of the report, one field a row, and the sources they cite.
struct Rows<'a> {
    ds: &'a Dataset,
    report: Listing<'a>,
    cited: Vec<SourceRef>,
}

impl<'a> Rows<'a> {
    fn push(
        &mut self,
        field: impl Into<Cow<'static, str>>,
        value: Value<'a>,
        source: Option<&Cited>,
        note: Option<&str>,
    ) {
        if let Some(c) = source {
            self.cited.extend(c.refs());
        }
        self.report.push(vec![
            Value::Text(field.into()),
            value,
            Value::maybe_sources(self.ds, source),
            // Notes may be made for this report, so the row keeps its own copy.
            note.map_or(Value::Null, |n| Value::owned(n.to_owned())),
        ]);
    }
}

/// The report on territory `r`; with `on`, a row says whether it was held that day.
pub fn of<'a>(
    ds: &'a Dataset,
    r: TerritoryRef,
    unit: AreaUnit,
    on: Option<NaiveDate>,
) -> Listing<'a> {
    let t = ds.territory(r);
    let share_note = format!(
        "computed: the area as listed over {}'s {}",
        ds.country.name,
        area_text(ds.country.area_km2.get(), unit)
    );
    let mut rows = Rows {
        ds,
        report: Listing::fields(vec![
            Column::new("field", "field").about("what the row gives: id, name, name_az, alias, kind, occupied, partial, area, within, restored, held_on, years_held, share_percent, event or cited"),
            Column::new("value", "value").about("the value of the field"),
            Column::new("source", "source").about("the ids of the sources of the value; empty for a computed one").cites(),
            Column::new("note", "note").about("a qualification, or how a computed value is computed").optional(0),
        ]),
        cited: Vec::new(),
    };
    rows.push("id", Value::str(&t.id), None, None);
    rows.push("name", Value::str(&t.name), Some(&t.source), None);
    if let Some(az) = &t.name_az {
        let note = az
            .note
            .as_deref()
            .unwrap_or("Azerbaijani, official Latin alphabet");
        rows.push(
            "name_az",
            Value::str(&az.name),
            az.source.as_ref(),
            Some(note),
        );
    }
    for a in &t.aliases {
        rows.push(
            "alias",
            Value::str(&a.name),
            a.source.as_ref(),
            a.note.as_deref(),
        );
    }
    // No source gives the kinds: they are how the dataset sorts the territories.
    rows.push(
        "kind",
        Value::str(t.kind.as_str()),
        None,
        Some("the dataset's classification, not a sourced value"),
    );
    rows.push("occupied", Value::Date(t.occupied), Some(&t.source), None);
    if let Some(p) = &t.partial {
        rows.push("partial", Value::str(&p.note), Some(&p.source), None);
    }
    rows.push(
        unit.rename("area_km2"),
        Value::area(t.area_km2.get(), unit),
        Some(&t.source),
        None,
    );
    for a in &t.alternatives {
        rows.push(
            unit.rename("area_km2_other"),
            Value::area(a.area_km2.get(), unit),
            Some(&a.source),
            Some(a.note.as_deref().unwrap_or("another source's value")),
        );
    }
    if let Some(w) = &t.within {
        rows.push(
            "within",
            Value::str(&ds.territory(w.territory).id),
            w.source.as_ref(),
            w.note.as_deref(),
        );
    }
    if let Some(restored) = &t.restored {
        rows.push(
            "restored",
            Value::Date(restored.date),
            Some(&restored.source),
            restored.note.as_deref(),
        );
    }
    if let Some(day) = on {
        let town = (t.restored.as_ref())
            .filter(|r| r.scope == crate::data::Scope::Town && r.date.last_day() <= day)
            .map(|_| "; the sources give the date of restoration of the town only")
            .unwrap_or_default();
        let note = format!(
            "computed from the dates above: held on {day} if occupied on or before it and not yet \
             restored; not known to the day where a date is a year, a month or a period \
             containing it{town}"
        );
        rows.push(
            "held_on",
            Value::str(query::held_on(t, day).as_str()),
            None,
            Some(&note),
        );
    }
    rows.push("years_held", years_held(t), None, Some("computed"));
    let share = query::percent(t.area_km2.get(), ds.country.area_km2.get());
    rows.push(
        "share_percent",
        Value::Decimal(share, 2),
        None,
        Some(&share_note),
    );
    // The events written in the dataset that concern this territory, earliest first.
    let mut events: Vec<&Event> = ds
        .events
        .iter()
        .filter(|e| e.territories.contains(&r))
        .collect();
    events.sort_by_key(|e| e.date);
    for e in &events {
        rows.push(
            "event",
            Value::owned(format!("{}: {}", e.date.iso(), e.label)),
            Some(&e.source),
            e.note.as_deref(),
        );
    }
    // Every source cited above, once, in the dataset's order: its title, and where to find it.
    let Rows {
        ds,
        mut report,
        mut cited,
    } = rows;
    cited.sort();
    cited.dedup();
    for &s in &cited {
        let source = ds.source(s);
        let details: Vec<String> = [
            source.publisher_beyond_title().map(str::to_owned),
            source.date.map(|d| d.iso()),
            source.url.as_deref().map(str::to_owned),
        ]
        .into_iter()
        .flatten()
        .collect();
        report.push(vec![
            Value::str("cited"),
            Value::str(&source.title),
            Value::List(vec![Cow::Borrowed(source.id.as_str())]),
            if details.is_empty() {
                Value::Null
            } else {
                Value::owned(details.join(", "))
            },
        ]);
    }
    report.note(YEARS_HELD_NOTE)
}
