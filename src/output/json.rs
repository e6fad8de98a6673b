//! JSON: an array of objects for a list (and for a record written one field a row), one object
//! for a record.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Column, Report, Shape, Value};

/// Writes `report` as pretty-printed JSON followed by a newline.
pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    match report.shape {
        // Each record is written as it is made, so a long listing is never held whole. A
        // record written one field a row is an array of its rows, each with its source.
        Shape::List | Shape::Fields => serde_json::to_writer_pretty(&mut *out, &Records(report))?,
        Shape::Record if report.is_empty() => out.write_all(b"null")?,
        Shape::Record => serde_json::to_writer_pretty(
            &mut *out,
            &Record {
                columns: &report.columns,
                values: &report.row(0),
            },
        )?,
    }
    out.write_all(b"\n")
}

/// Writes `report` as JSON Lines: one object a line, for every row of a list (and of a record
/// written one field a row), the one object of a record.
pub fn write_lines(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let columns = &report.columns;
    for values in report.rows() {
        serde_json::to_writer(&mut *out, &OwnedRecord { columns, values })?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Every row of a list report, as an array of objects.
struct Records<'r, 'a>(&'r Report<'a>);

impl Serialize for Records<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let columns = &self.0.columns;
        serializer.collect_seq(self.0.rows().map(|values| OwnedRecord { columns, values }))
    }
}

/// A row made for writing, as an object.
struct OwnedRecord<'r, 'a> {
    columns: &'r [Column],
    values: std::borrow::Cow<'r, [Value<'a>]>,
}

impl Serialize for OwnedRecord<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Record {
            columns: self.columns,
            values: &self.values,
        }
        .serialize(serializer)
    }
}

/// One row as an object whose keys are the columns' keys, in order.
struct Record<'r, 'a> {
    columns: &'r [Column],
    values: &'r [Value<'a>],
}

impl Serialize for Record<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, value) in self.columns.iter().zip(self.values) {
            map.serialize_entry(column.key.as_ref(), &Json(value))?;
        }
        map.end()
    }
}

/// A value in its JSON form (see [`Value::json`]), written without building a JSON tree.
struct Json<'r, 'a>(&'r Value<'a>);

impl Serialize for Json<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => serializer.serialize_unit(),
            Value::Text(s) => serializer.serialize_str(s),
            Value::Int(n) => serializer.serialize_u64(*n),
            Value::List(items) => serializer.collect_seq(items.iter().map(|s| s.as_ref())),
            Value::Decimal(..) | Value::Date(_) | Value::Structured(_) => {
                self.0.json().serialize(serializer)
            }
        }
    }
}
