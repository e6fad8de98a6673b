//! Tab-separated values: one record a line, tabs, newlines and backslashes escaped.

use std::io::{self, Write};

use super::{Options, Report};

/// Writes `report` as TSV.
pub fn write(report: &Report, options: Options, out: &mut dyn Write) -> io::Result<()> {
    if options.header {
        write_line(out, report.columns.iter().map(|c| c.key.to_owned()))?;
    }
    for row in &report.rows {
        write_line(out, row.iter().map(|v| v.machine()))?;
    }
    Ok(())
}

fn write_line(out: &mut dyn Write, fields: impl Iterator<Item = String>) -> io::Result<()> {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.write_all(b"\t")?;
        }
        out.write_all(escape(&field).as_bytes())?;
    }
    out.write_all(b"\n")
}

// The escapes of the IANA text/tab-separated-values convention, as PostgreSQL's COPY uses.
fn escape(field: &str) -> std::borrow::Cow<'_, str> {
    if !field.contains(['\\', '\t', '\n', '\r']) {
        return field.into();
    }
    let mut s = String::with_capacity(field.len() + 4);
    for c in field.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\t' => s.push_str("\\t"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            c => s.push(c),
        }
    }
    s.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_inside_fields_are_escaped() {
        assert_eq!(escape("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(escape("plain"), "plain");
    }
}
