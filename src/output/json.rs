//! JSON: an array of objects for a list, one object for a record.

use std::io::{self, Write};

use serde_json::{Map, Value as Json};

use super::{Report, Shape};

/// Writes `report` as pretty-printed JSON followed by a newline.
pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let document = report.json.clone().unwrap_or_else(|| {
        let mut records = report.rows.iter().map(|row| {
            let object: Map<String, Json> = report
                .columns
                .iter()
                .zip(row)
                .map(|(c, v)| (c.key.to_owned(), v.json()))
                .collect();
            Json::Object(object)
        });
        match report.shape {
            Shape::List => Json::Array(records.collect()),
            Shape::Record => records.next().unwrap_or(Json::Null),
        }
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}
