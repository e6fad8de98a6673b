//! `karabakh timeline`: dated entries in order.

use crate::data::Dataset;
use crate::output::{Column, Report, Value};
use crate::query::{self, DateRange};

/// The timeline within `range`.
pub fn report<'a>(ds: &'a Dataset<'_>, range: DateRange) -> Report<'a> {
    let mut report = Report::list(vec![
        Column::new("date", "date"),
        Column::new("type", "type").optional(3),
        Column::new("label", "what"),
        Column::new("territories", "territories").optional(2),
        Column::new("source", "source").optional(1),
        Column::new("note", "note").optional(0),
    ]);
    for e in query::timeline(ds, range) {
        report.push(vec![
            Value::Date(e.date),
            Value::str(e.kind.as_str()),
            Value::owned(e.label),
            Value::List(
                e.territories
                    .iter()
                    .map(|&r| ds.territory(r).id.as_str().into())
                    .collect(),
            ),
            Value::sources(ds, e.source),
            Value::opt(e.note),
        ]);
    }
    report.note(
        "entries of type occupied and restored are derived from the territories' dates; \
         a date is as precise as its source (a year, a month or a day)",
    )
}
