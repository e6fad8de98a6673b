//! JSON: an array of objects for a list (and for a record written one field a row), one object
//! for a record.

use std::io::{self, Write};

use super::{Listing, Shape, Value};

/// Writes `report` as pretty-printed JSON followed by a newline.
pub fn write(report: &Listing, out: &mut dyn Write) -> io::Result<()> {
    let json = match report.shape {
        // A record written one field a row is an array of its rows, each with its source.
        Shape::List | Shape::Fields => report.rows().map(|row| object(report, row)).collect(),
        Shape::Record if report.is_empty() => serde_json::Value::Null,
        Shape::Record => object(report, report.row(0)),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")
}

/// Writes `report` as JSON Lines: one object a line, for every row of a list (and of a record
/// written one field a row), the one object of a record.
pub fn write_lines(report: &Listing, out: &mut dyn Write) -> io::Result<()> {
    for row in report.rows() {
        serde_json::to_writer(&mut *out, &object(report, row))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One row as an object whose keys are the columns' keys, in order.
fn object(report: &Listing, row: &[Value]) -> serde_json::Value {
    (report.columns.iter().zip(row))
        .map(|(column, value)| (column.key.to_string(), value.json()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}
