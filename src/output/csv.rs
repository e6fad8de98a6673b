//! Comma-separated values, quoted as RFC 4180 says.

use std::io::{self, Write};

use super::{Listing, Options, Value};
use crate::data::FORMULA_STARTS;

/// Writes `report` as CSV.
pub fn write(report: &Listing, options: Options, out: &mut dyn Write) -> io::Result<()> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    if options.header {
        writer
            .write_record(report.columns.iter().map(|c| c.key.as_ref()))
            .map_err(io_error)?;
    }
    for row in report.rows() {
        let cells = row.iter().map(|v| {
            let text = v.machine();
            // CSV for a spreadsheet (--bom) writes text that a spreadsheet would run as a
            // formula after a ', which shows it as the text it is (OWASP's advice); numbers
            // and dates are never formulas. Without --bom, values stay exact.
            let is_number = matches!(v, Value::Int(_) | Value::Decimal(..) | Value::Date(_));
            if options.bom && !is_number && text.starts_with(FORMULA_STARTS) {
                format!("'{text}")
            } else {
                text.into_owned()
            }
        });
        writer.write_record(cells).map_err(io_error)?;
    }
    writer.flush()
}

// The csv crate wraps I/O errors; unwrap them so that a closed pipe is still seen as one.
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("cannot write CSV: {kind:?}")),
    }
}
