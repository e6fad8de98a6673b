//! Comma-separated values, quoted as RFC 4180 says.

use std::io::{self, Write};

use super::{Options, Report};

/// Writes `report` as CSV.
pub fn write(report: &Report, options: Options, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    if options.header {
        writer.write_record(report.columns.iter().map(|c| c.key))?;
    }
    for row in &report.rows {
        writer.write_record(row.iter().map(|v| v.machine()))?;
    }
    writer.flush()
}
