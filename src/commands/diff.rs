//! `karabakh data diff OLD NEW`: what changed between two datasets, record by record and field
//! by field, and the computed totals that move with them.

use serde_json::Value as Json;

use crate::data::{self, Dataset};
use crate::output::{Column, Context, Field, Listing, Value};
use crate::query;

/// What happened to a record or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// It is in the new dataset only.
    Added,
    /// It is in the old dataset only.
    Removed,
    /// It is in both, with different values.
    Changed,
}

impl Change {
    /// The word a listing shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Changed => "changed",
        }
    }
}

/// One difference: the record, the field within it (empty for the whole record), what
/// happened and the values before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The record, as "territory kalbajar", "source jam-news", "event", "country", "totals".
    pub record: String,
    /// The field within it, as its path in the dataset: `area_km2`, `restored.date`,
    /// `observations[2025-03-10].value`; empty for the whole record.
    pub field: String,
    /// Added, removed or changed.
    pub change: Change,
    /// The value before, where there was one.
    pub old: Option<Json>,
    /// The value after, where there is one.
    pub new: Option<Json>,
}

/// The differences between `old` and `new`: each top-level section of the dataset compared by
/// its records' ids, each record field by field, then the computed totals of every territory
/// that differ.
pub fn differences(old: &Dataset, new: &Dataset) -> Vec<Difference> {
    let (a, b) = (canonical(old), canonical(new));
    let mut found = Vec::new();
    let empty = serde_json::Map::new();
    let (a, b) = (
        a.as_object().unwrap_or(&empty),
        b.as_object().unwrap_or(&empty),
    );
    let mut sections: Vec<&String> = a.keys().collect();
    sections.extend(b.keys().filter(|k| !a.contains_key(*k)));
    for section in sections {
        let record = singular(section);
        // A section that is empty is left out of the file: a list of nothing.
        match (a.get(section), b.get(section)) {
            (Some(Json::Array(x)), Some(Json::Array(y))) => {
                compare_records(&record, x, y, &mut found)
            }
            (Some(Json::Array(x)), None) => compare_records(&record, x, &[], &mut found),
            (None, Some(Json::Array(y))) => compare_records(&record, &[], y, &mut found),
            (x, y) => compare(&record, "", x, y, &mut found),
        }
    }
    found.extend(totals(old, new));
    found
}

/// The fields of a listing of differences.
pub fn fields<'d>() -> Vec<Field<&'d Difference>> {
    vec![
        Field::new(
            Column::new("record", "record")
                .about("the record that changed: its kind and id, or the section of the dataset")
                .computed(),
            |_, d| Value::str(&d.record),
        ),
        Field::new(
            Column::new("field", "field")
                .about(
                    "the field within it, as its path in the dataset; empty for the whole record",
                )
                .computed(),
            |_, d| Value::str(&d.field),
        ),
        Field::new(
            Column::new("change", "change")
                .about("added, removed or changed")
                .computed(),
            |_, d| Value::word(d.change.as_str()),
        ),
        Field::new(
            Column::new("old", "old").about("the value in the old dataset"),
            |_, d| value(d.old.as_ref()),
        ),
        Field::new(
            Column::new("new", "new").about("the value in the new dataset"),
            |_, d| value(d.new.as_ref()),
        ),
    ]
}

/// The listing of `differences` found against `new`, with a note on what is compared.
pub fn report(new: &Dataset, differences: &[Difference]) -> Listing {
    Listing::of(&Context::of(new), &fields(), differences)
        .note(
            "the datasets are compared as they are exported, so comments, layout and the file \
             format do not count",
        )
        .note("the totals are computed by karabakh from each dataset's areas")
}

// The dataset as the JSON it exports, which is what its hash is of.
fn canonical(ds: &Dataset) -> Json {
    (data::to_json(ds).ok())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or(Json::Null)
}

// "territories" names a section, "territory" a record of it.
fn singular(section: &str) -> String {
    match section {
        "territories" => "territory".to_owned(),
        "sources" => "source".to_owned(),
        "figures" => "figure".to_owned(),
        "events" => "event".to_owned(),
        other => other.to_owned(),
    }
}

// Records with an id are matched by it, in the new dataset's order with the removed ones
// first; records without one (events) are matched whole.
fn compare_records(kind: &str, old: &[Json], new: &[Json], found: &mut Vec<Difference>) {
    let id = |r: &Json| r.get("id").and_then(Json::as_str).map(str::to_owned);
    if !old.iter().chain(new).all(|r| id(r).is_some()) {
        return compare_items(kind, "", old, new, found);
    }
    let name = |r: &Json| format!("{kind} {}", id(r).unwrap_or_default());
    // A record on one side only is added or removed whole.
    for r in old.iter().filter(|r| !new.iter().any(|n| id(n) == id(r))) {
        compare(&name(r), "", Some(r), None, found);
    }
    for n in new {
        let r = old.iter().find(|r| id(r) == id(n));
        compare(&name(n), "", r, Some(n), found);
    }
}

// Two values at `path` of `record`: objects field by field, lists item by item, and anything
// else whole.
fn compare(
    record: &str,
    path: &str,
    old: Option<&Json>,
    new: Option<&Json>,
    found: &mut Vec<Difference>,
) {
    let join = |key: &str| match path {
        "" => key.to_owned(),
        _ => format!("{path}.{key}"),
    };
    match (old, new) {
        (Some(a), Some(b)) if a == b => {}
        (Some(Json::Object(a)), Some(Json::Object(b))) => {
            let mut keys: Vec<&String> = a.keys().collect();
            keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                compare(record, &join(key), a.get(key), b.get(key), found);
            }
        }
        (Some(Json::Array(a)), Some(Json::Array(b))) => compare_items(record, path, a, b, found),
        // An empty list is left out of the file: a list of nothing.
        (Some(Json::Array(a)), None) => compare_items(record, path, a, &[], found),
        (None, Some(Json::Array(b))) => compare_items(record, path, &[], b, found),
        (None, None) => {}
        (old, new) => found.push(Difference {
            record: record.to_owned(),
            field: path.to_owned(),
            change: match (old, new) {
                (None, _) => Change::Added,
                (_, None) => Change::Removed,
                _ => Change::Changed,
            },
            old: old.cloned(),
            new: new.cloned(),
        }),
    }
}

// The items of two lists: observations are matched by their date, so that a changed count is
// one change; other items (alternatives, aliases, events, a list of sources) are added or
// removed whole.
fn compare_items(
    record: &str,
    path: &str,
    old: &[Json],
    new: &[Json],
    found: &mut Vec<Difference>,
) {
    let dated = |r: &Json| r.get("as_of").map(Json::to_string);
    let keyed = path.ends_with("observations")
        && old.iter().chain(new).all(|r| dated(r).is_some())
        && unique(old.iter().map(dated))
        && unique(new.iter().map(dated));
    if keyed {
        for r in old
            .iter()
            .filter(|r| !new.iter().any(|n| dated(n) == dated(r)))
        {
            let field = format!("{path}[{}]", label(&r["as_of"]));
            compare(record, &field, Some(r), None, found);
        }
        for n in new {
            let field = format!("{path}[{}]", label(&n["as_of"]));
            let r = old.iter().find(|r| dated(r) == dated(n));
            compare(record, &field, r, Some(n), found);
        }
        return;
    }
    for r in old.iter().filter(|r| !new.contains(r)) {
        compare(record, path, Some(r), None, found);
    }
    for n in new.iter().filter(|n| !old.contains(n)) {
        compare(record, path, None, Some(n), found);
    }
}

fn unique(keys: impl Iterator<Item = Option<String>>) -> bool {
    let mut seen = std::collections::HashSet::new();
    keys.flatten().all(|k| seen.insert(k))
}

// A date as the dataset writes it, without JSON's quotes.
fn label(value: &Json) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

// The totals of every territory that differ between the two datasets.
fn totals(old: &Dataset, new: &Dataset) -> Vec<Difference> {
    let of = |ds: &Dataset| {
        let every: Vec<_> = ds.territory_refs().collect();
        let t = query::totals(ds, &every);
        [
            ("territories", Json::from(t.territories)),
            ("area_km2_listed", Json::from(t.area_km2_listed)),
            ("area_km2", Json::from(t.area_km2)),
            ("share_percent", Json::from(t.share_percent)),
            ("share_percent_listed", Json::from(t.share_percent_listed)),
        ]
    };
    (of(old).into_iter().zip(of(new)))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, a), (_, b))| Difference {
            record: "totals (computed)".to_owned(),
            field: field.to_owned(),
            change: Change::Changed,
            old: Some(a),
            new: Some(b),
        })
        .collect()
}

// A value in a listing: text as it is, anything else as compact JSON (typed in JSON output).
fn value(json: Option<&Json>) -> Value {
    match json {
        None => Value::Null,
        Some(Json::String(s)) => Value::str(s),
        Some(other) => Value::structured(other.to_string(), other.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Dataset {
        crate::data::embedded().unwrap()
    }

    #[test]
    fn a_dataset_does_not_differ_from_itself() {
        assert_eq!(differences(&built_in(), &built_in()), Vec::new());
    }

    #[test]
    fn a_changed_area_is_one_change_with_the_totals_it_moves() {
        let old = built_in();
        let mut new = old.clone();
        let i = new
            .territories
            .iter()
            .position(|t| t.id == "kalbajar")
            .unwrap();
        // 4 km² is less than a hundredth of a percent of the country: the shares stay.
        // 4 km² is less than a hundredth of a percent of the country: the shares stay.
        new.territories[i].area_km2 = crate::data::Km2(std::num::NonZeroU32::new(3050).unwrap());
        let found = differences(&old, &new);
        assert_eq!(
            found[0],
            Difference {
                record: "territory kalbajar".to_owned(),
                field: "area_km2".to_owned(),
                change: Change::Changed,
                old: Some(Json::from(3054)),
                new: Some(Json::from(3050)),
            }
        );
        let moved: Vec<&str> = (found[1..].iter())
            .inspect(|d| assert_eq!(d.record, "totals (computed)"))
            .map(|d| d.field.as_str())
            .collect();
        assert_eq!(moved, ["area_km2_listed", "area_km2"]);
    }
}
