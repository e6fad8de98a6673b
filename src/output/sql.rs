//! A plain SQL script of tables: `CREATE TABLE` with typed columns, keys and foreign keys, then
//! `INSERT`s, in the SQL that SQLite, DuckDB and PostgreSQL all read.

use std::io::{self, Write};

use super::{Listing, Value};
use crate::query::{Cell, Table, Type};

/// Writes `tables` as one SQL transaction, with `heading` as its first comment lines.
pub fn write(heading: &[String], tables: &[Table], out: &mut dyn Write) -> io::Result<()> {
    for line in heading {
        writeln!(out, "-- {}", line.replace(['\n', '\r'], " "))?;
    }
    writeln!(out, "BEGIN;")?;
    for table in tables {
        writeln!(out)?;
        writeln!(out, "-- {}", table.about)?;
        writeln!(out, "CREATE TABLE {} (", name(table.name))?;
        let mut lines: Vec<String> = (table.columns.iter())
            .map(|c| {
                let null = if c.required { " NOT NULL" } else { "" };
                format!("  {} {}{null}", name(c.name), sql_type(c.kind))
            })
            .collect();
        if !table.primary_key.is_empty() {
            lines.push(format!("  PRIMARY KEY ({})", names(table.primary_key)));
        }
        for key in &table.foreign_keys {
            lines.push(format!(
                "  FOREIGN KEY ({}) REFERENCES {} ({})",
                names(key.columns),
                name(key.table),
                names(key.references)
            ));
        }
        writeln!(out, "{}", lines.join(",\n"))?;
        writeln!(out, ");")?;
        if table.rows.is_empty() {
            continue;
        }
        let columns: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
        writeln!(
            out,
            "INSERT INTO {} ({}) VALUES",
            name(table.name),
            names(&columns)
        )?;
        for (i, row) in table.rows.iter().enumerate() {
            let cells: Vec<String> = row.iter().map(literal).collect();
            let end = if i + 1 == table.rows.len() { ";" } else { "," };
            writeln!(out, "  ({}){end}", cells.join(", "))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "COMMIT;")
}

/// Writes `report` as a SQL script that creates the table `table` and inserts its rows, with
/// its notes (what is computed, the caveats) as comments above it.
pub fn write_listing(report: &Listing, table: &str, out: &mut dyn Write) -> io::Result<()> {
    for note in &report.notes {
        writeln!(out, "-- note: {}", note.replace(['\n', '\r'], " "))?;
    }
    // A column is a number where every value is one, and text otherwise.
    let types: Vec<&str> = (0..report.columns.len())
        .map(|c| {
            let values = || report.rows().map(move |row| &row[c]);
            if values().all(|v| matches!(v, Value::Int(_) | Value::Null)) {
                "BIGINT"
            } else if values()
                .all(|v| matches!(v, Value::Int(_) | Value::Decimal(..) | Value::Null))
            {
                "DOUBLE PRECISION"
            } else {
                "TEXT"
            }
        })
        .collect();
    let keys: Vec<&str> = report.columns.iter().map(|c| c.key.as_ref()).collect();
    writeln!(out, "CREATE TABLE {} (", name(table))?;
    let lines: Vec<String> = (keys.iter().zip(&types))
        .map(|(key, kind)| format!("  {} {kind}", name(key)))
        .collect();
    writeln!(out, "{}", lines.join(",\n"))?;
    writeln!(out, ");")?;
    for row in report.rows() {
        // A number in a column of text is text, as the column's type says.
        let cells: Vec<String> = (row.iter().zip(&types))
            .map(|(value, kind)| match value {
                Value::Null => "NULL".to_owned(),
                Value::Int(_) | Value::Decimal(..) if *kind != "TEXT" => {
                    value.machine().into_owned()
                }
                other => literal(&Cell::Text(other.machine().into_owned())),
            })
            .map(|cell| {
                if cell.is_empty() {
                    "NULL".to_owned()
                } else {
                    cell
                }
            })
            .collect();
        writeln!(
            out,
            "INSERT INTO {} ({}) VALUES ({});",
            name(table),
            names(&keys),
            cells.join(", ")
        )?;
    }
    Ok(())
}

// Numbers are 64-bit (BIGINT) in every database, dates ISO text at their source's precision.
fn sql_type(kind: Type) -> &'static str {
    match kind {
        Type::Integer => "BIGINT",
        Type::Text | Type::When | Type::Day => "TEXT",
        Type::Boolean => "BOOLEAN",
    }
}

// An identifier, quoted, so that no name is taken for a keyword.
fn name(id: &str) -> String {
    format!("\"{}\"", id.replace('"', "\"\""))
}

fn names(ids: &[&str]) -> String {
    ids.iter().map(|id| name(id)).collect::<Vec<_>>().join(", ")
}

// A value: text in single quotes, each quote doubled (standard SQL, which has no backslash
// escapes); a NUL, which PostgreSQL's text cannot hold, becomes U+FFFD.
fn literal(cell: &Cell) -> String {
    match cell {
        Cell::Null => "NULL".to_owned(),
        Cell::Int(n) => n.to_string(),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Cell::Text(s) => format!("'{}'", s.replace('\'', "''").replace('\0', "\u{fffd}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_quoted_with_its_quotes_doubled() {
        assert_eq!(
            literal(&Cell::Text("Azerbaijan's".into())),
            "'Azerbaijan''s'"
        );
        assert_eq!(literal(&Cell::Text("a\\b".into())), "'a\\b'");
        assert_eq!(literal(&Cell::Null), "NULL");
        assert_eq!(name("of"), "\"of\"");
    }
}
