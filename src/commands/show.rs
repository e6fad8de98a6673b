//! `karabakh show NAME`: everything known about one territory.

use serde_json::{Value as Json, json};

use crate::data::{Cited, Dataset, Event, SourceRef, TerritoryRef};
use std::borrow::Cow;

use crate::output::{Column, Report, Value, area_text};
use crate::query::{self, AreaUnit, Lookup};

use super::{YEARS_HELD_NOTE, years_held};

/// No territory has the name asked for.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct NotFound {
    message: String,
}

/// The report on the territory called `name`, or [`NotFound`] with suggestions.
pub fn report<'a>(ds: &'a Dataset<'a>, name: &str, unit: AreaUnit) -> Result<Report<'a>, NotFound> {
    let r = match query::lookup(ds, name) {
        Lookup::Found(r) => r,
        Lookup::Ambiguous(refs) => {
            return Err(NotFound {
                message: format!(
                    "\"{name}\" names more than one territory: {}; give the id instead",
                    refs.iter()
                        .map(|&r| ds.territory(r).id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
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
            return Err(NotFound {
                message: format!(
                    "no territory is called \"{name}\"{hint}\n\n`karabakh districts` lists every territory"
                ),
            });
        }
    };
    Ok(build(ds, r, unit))
}

/// Collects rows of the long format and the sources they cite.
struct Rows<'a> {
    ds: &'a Dataset<'a>,
    rows: Vec<Vec<Value<'a>>>,
    // The field of each row as the JSON document names it, for `--fields`.
    fields: Vec<Cow<'static, str>>,
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
        let field = field.into();
        if let Some(c) = source {
            self.cited.extend(c.refs());
        }
        // Fields that repeat, one row each, are a list in the JSON document.
        let key: Cow<'static, str> = match field.as_ref() {
            "alias" => "aliases".into(),
            "event" => "events".into(),
            f if f.starts_with("area_") && f.ends_with("_other") => "alternatives".into(),
            _ => field.clone(),
        };
        self.fields.push(key);
        self.rows.push(vec![
            Value::Text(field),
            value,
            Value::maybe_sources(self.ds, source),
            // Notes may be made for this report, so the row keeps its own copy.
            note.map_or(Value::Null, |n| Value::owned(n.to_owned())),
        ]);
    }
}

fn build<'a>(ds: &'a Dataset<'_>, r: TerritoryRef, unit: AreaUnit) -> Report<'a> {
    let t = ds.territory(r);
    let held = years_held(t);
    let share = Value::Decimal(
        query::percent(t.area_km2.get(), ds.country.area_km2.get()),
        2,
    );
    let share_note = format!(
        "computed: the area as listed over {}'s {}",
        ds.country.name,
        area_text(ds.country.area_km2.get(), unit)
    );
    let mut rows = Rows {
        ds,
        rows: Vec::new(),
        fields: Vec::new(),
        cited: Vec::new(),
    };
    rows.push("id", Value::str(&t.id), None, None);
    rows.push("name", Value::str(&t.name), Some(&t.source), None);
    if let Some(az) = &t.name_az {
        rows.push(
            "name_az",
            Value::str(az),
            None,
            Some("Azerbaijani, official Latin alphabet"),
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
    rows.push("kind", Value::str(t.kind.as_str()), Some(&t.source), None);
    rows.push("occupied", Value::Date(t.occupied), Some(&t.source), None);
    if let Some(p) = &t.partial {
        rows.push("partial", Value::str(&p.note), Some(&p.source), None);
    }
    let area_key = unit.rename("area_km2");
    rows.push(
        area_key.clone(),
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
    rows.push("years_held", held.clone(), None, Some("computed"));
    rows.push("share_percent", share.clone(), None, Some(&share_note));
    // The events written in the dataset that concern this territory, earliest first.
    let mut events: Vec<&Event<'_>> = ds
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

    let Rows {
        rows,
        fields,
        mut cited,
        ..
    } = rows;
    cited.sort();
    cited.dedup();
    let src = |c: &Cited| Json::from(ds.source_ids(c));
    let src_opt = |c: Option<&Cited>| c.map_or(Json::Null, src);
    let document = json!({
        "id": t.id,
        "name": t.name,
        "name_az": t.name_az,
        "aliases": t.aliases.iter().map(|a| json!({
            "name": a.name, "note": a.note, "source": src_opt(a.source.as_ref()),
        })).collect::<Vec<_>>(),
        "kind": t.kind.as_str(),
        "occupied": t.occupied.iso(),
        area_key.clone(): Value::area(t.area_km2.get(), unit).json(),
        "source": src(&t.source),
        "partial": t.partial.as_ref().map(|p| json!({ "note": p.note, "source": src(&p.source) })),
        "alternatives": t.alternatives.iter().map(|a| json!({
            area_key.clone(): Value::area(a.area_km2.get(), unit).json(), "note": a.note, "source": src(&a.source),
        })).collect::<Vec<_>>(),
        "within": t.within.as_ref().map(|w| json!({
            "territory": ds.territory(w.territory).id, "note": w.note, "source": src_opt(w.source.as_ref()),
        })),
        "restored": t.restored.as_ref().map(|r| json!({
            "date": r.date.iso(), "note": r.note, "source": src(&r.source),
        })),
        "years_held": held.json(),
        "share_percent": share.json(),
        "computed": ["years_held", "share_percent"],
        "events": events.iter().map(|e| json!({
            "date": e.date.iso(), "label": e.label, "note": e.note, "source": src(&e.source),
        })).collect::<Vec<_>>(),
        "sources": cited.iter().map(|&s| {
            let s = ds.source(s);
            json!({ "id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url,
                    "date": s.date.map(|d| d.iso()) })
        }).collect::<Vec<_>>(),
    });

    let mut report = Report::list(vec![
        Column::new("field", "field"),
        Column::new("value", "value"),
        Column::new("source", "source"),
        Column::new("note", "note"),
    ]);
    report.rows = crate::output::Rows::Made(rows);
    report.row_fields = Some(fields);
    report.json = Some(document);
    report = report.note(YEARS_HELD_NOTE);
    for &s in &cited {
        let s = ds.source(s);
        // A publisher that only repeats the title says nothing more.
        let publisher = (s.publisher.as_deref())
            .filter(|p| *p != s.title.as_str())
            .map(str::to_owned);
        let details: Vec<String> = [
            publisher,
            s.date.map(|d| d.iso()),
            s.url.as_deref().map(str::to_owned),
        ]
        .into_iter()
        .flatten()
        .collect();
        let details = if details.is_empty() {
            String::new()
        } else {
            format!(" — {}", details.join(", "))
        };
        report = report.note(format!("source {}: {}{details}", s.id, s.title));
    }
    report
}
