//! Comma-separated values, quoted as RFC 4180 says.

use std::io::{self, Write};

use super::{Listing, Options};

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
        writer
            .write_record(row.iter().map(|v| v.machine().into_owned()))
            .map_err(io_error)?;
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
