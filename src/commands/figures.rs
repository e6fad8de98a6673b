//! `karabakh figures`: counted figures, latest or with their history.

use serde_json::json;

use super::NotFound;

use crate::data::{Dataset, Figure, Observation};
use crate::output::{Column, Context, Field, Listing, Naming, Value, thousands};

const PARTS_NOTE: &str = "parts are given as each source states them: they may overlap and \
     need not add up to the value";

/// A figure and one of its observations: a row of both listings.
type Row<'a> = (&'a Figure, &'a Observation);

/// The fields of both listings.
pub fn fields<'a>() -> Vec<Field<Row<'a>>> {
    // New columns go at the end, so that a script's `cut -f5` keeps its column.
    vec![
        Field::new(
            Column::new("id", "id")
                .about("the figure's short id")
                .identifies()
                .optional(4),
            |_, (f, _)| Value::str(&f.id),
        ),
        Field::new(
            Column::new("label", "figure").about("what is counted"),
            |_, (f, _)| Value::str(&f.label),
        ),
        Field::new(
            Column::new("value", "value").about("the count the source states"),
            |_, (_, o)| Value::Int(o.value),
        ),
        Field::new(
            Column::new("unit", "unit")
                .about("the unit of the value")
                .optional(5),
            |_, (f, _)| Value::str(&f.unit),
        ),
        Field::new(
            Column::new("as_of", "as of").about("the date the value is stated for"),
            |_, (_, o)| o.as_of.map_or(Value::Null, Value::Date),
        ),
        Field::new(
            Column::new("parts", "parts")
                .about("a breakdown as the source states it; parts may overlap and need not add up")
                .optional(2),
            |c, (_, o)| parts(o, c.naming),
        ),
        Field::new(
            Column::new("source", "source")
                .about("the ids of the sources of the value")
                .cites()
                .caveat()
                .optional(3),
            |c, (_, o)| Value::sources(c.ds, &o.source),
        ),
        Field::new(
            Column::new("note", "note")
                .about("a qualification")
                .caveat()
                .optional(1),
            |_, (_, o)| Value::opt(o.note.as_deref()),
        ),
        Field::new(
            Column::new("other_sources", "other sources")
                .about("what other sources give for the same value")
                .optional(0),
            |c, (_, o)| alternatives(c.ds, o, c.naming),
        ),
        Field::new(
            Column::new("approximate", "approx.")
                .about(
                    "`about` where the source gives the value as approximate (\"some 90,000\"): \
                     it is not exact, and is compared at its stated precision (in JSON true or \
                     false)",
                )
                .caveat()
                .optional(7),
            |_, (_, o)| approximate(o),
        ),
        Field::new(
            Column::new("period", "period")
                .about(
                    "the period of the conflict the figure belongs to, such as 1988–1994: the \
                     dataset's grouping, which no source gives",
                )
                .of_dataset()
                .optional(6),
            |_, (f, _)| Value::opt(f.period.as_deref()),
        ),
    ]
}

/// `about` for a value the source gives as approximate, nothing for an exact one; in JSON,
/// true or false.
fn approximate(o: &Observation) -> Value {
    let text = if o.approximate { "about" } else { "" };
    Value::structured(text.to_owned(), o.approximate.into())
}

/// The latest observation of each figure.
pub fn latest(ds: &Dataset) -> Listing {
    latest_of(ds, &ds.figures)
}

/// Every observation of every figure, earliest first within each figure.
pub fn history(ds: &Dataset, naming: Naming) -> Listing {
    history_of(ds, &ds.figures, naming)
}

/// Every observation of the figures of `period` (those of none for `None`), as the page
/// groups them.
pub fn history_of_period(ds: &Dataset, period: Option<&str>, naming: Naming) -> Listing {
    let of = (ds.figures.iter()).filter(|f| f.period.as_deref() == period);
    history_of(ds, of, naming)
}

/// The figure whose id is `id`: its latest observation, or with `history` every one.
pub fn one(ds: &Dataset, id: &str, history: bool) -> Result<Listing, NotFound> {
    let Some(i) = ds.figures.iter().position(|f| f.id == id) else {
        let ids = ds.figures.iter().map(|f| f.id.as_str());
        return Err(NotFound::id("figure", id, ids, "karabakh figures"));
    };
    let figure = std::slice::from_ref(&ds.figures[i]);
    Ok(if history {
        history_of(ds, figure, Naming::Ids)
    } else {
        latest_of(ds, figure)
    })
}

/// The listing of one observation of a figure, as `figures` lists its latest.
pub fn observation<'a>(ds: &'a Dataset, figure: &'a Figure, o: &'a Observation) -> Listing {
    listing(ds, std::iter::once((figure, o)), Naming::Ids).note(PARTS_NOTE)
}

fn latest_of<'a>(ds: &'a Dataset, figures: &'a [Figure]) -> Listing {
    listing(ds, figures.iter().map(|f| (f, f.latest())), Naming::Ids)
        .note("value is each figure's latest observation; `--history` lists them all")
        .note(PARTS_NOTE)
}

fn history_of<'a>(
    ds: &'a Dataset,
    figures: impl IntoIterator<Item = &'a Figure>,
    naming: Naming,
) -> Listing {
    let rows = (figures.into_iter()).flat_map(|f| f.observations.iter().map(move |o| (f, o)));
    listing(ds, rows, naming).note(PARTS_NOTE)
}

fn listing<'a>(ds: &'a Dataset, rows: impl Iterator<Item = Row<'a>>, naming: Naming) -> Listing {
    let context = Context {
        naming,
        ..Context::of(ds)
    };
    Listing::of(&context, &fields(), rows)
}

fn parts(o: &Observation, naming: Naming) -> Value {
    let text = o
        .parts
        .iter()
        .map(|p| {
            let of = |name: &str| match p.of {
                Some(i) => format!("{name} (of {})", o.parts[i].id.replace('-', " ")),
                None => name.to_owned(),
            };
            match naming {
                Naming::Ids => format!("{}: {}", of(&p.id), p.value),
                // A label says what the part is of; an id alone reads as words.
                Naming::Names => match &p.label {
                    Some(label) => format!("{label}: {}", thousands(p.value)),
                    None => format!("{}: {}", of(&p.id.replace('-', " ")), thousands(p.value)),
                },
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let json = o
        .parts
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "label": p.label,
                "value": p.value,
                "of": p.of.map(|i| o.parts[i].id.clone()),
            })
        })
        .collect::<Vec<_>>();
    Value::structured(text, json.into())
}

fn alternatives(ds: &Dataset, o: &Observation, naming: Naming) -> Value {
    let text = o
        .alternatives
        .iter()
        .map(|a| {
            let what: Vec<String> = [
                a.value.map(|v| v.to_string()),
                a.as_of.map(|d| d.iso()),
                a.note.as_deref().map(str::to_owned),
            ]
            .into_iter()
            .flatten()
            .collect();
            format!(
                "{}: {}",
                naming.sources(ds, &a.source).join(", "),
                what.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let json = o
        .alternatives
        .iter()
        .map(|a| {
            json!({
                "value": a.value,
                "as_of": a.as_of.map(|d| d.iso()),
                "note": a.note,
                "source": ds.source_ids(&a.source),
            })
        })
        .collect::<Vec<_>>();
    Value::structured(text, json.into())
}
