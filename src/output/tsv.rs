//! Tab-separated values: one record a line, tabs, newlines and backslashes escaped.

use std::io::{self, Write};

use super::{Listing, Options, Value};

/// Writes `report` as TSV.
pub fn write(report: &Listing, options: Options, out: &mut dyn Write) -> io::Result<()> {
    if options.header {
        let keys: Vec<&str> = report.columns.iter().map(|c| c.key.as_ref()).collect();
        writeln!(out, "{}", keys.join("\t"))?;
    }
    for row in report.rows() {
        for (i, value) in row.iter().enumerate() {
            if i > 0 {
                out.write_all(b"\t")?;
            }
            write_value(out, value)?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_value(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    match value {
        Value::List(items) => {
            let escaped: Vec<_> = items.iter().map(|item| escape(item)).collect();
            out.write_all(escaped.join("; ").as_bytes())
        }
        other => out.write_all(escape(&other.machine()).as_bytes()),
    }
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
