//! Markdown: a pipe table for documents, with the notes below it.

use std::io::{self, Write};

use super::{Listing, Shape, Value, escape_for_terminal, numeric_columns};

/// Writes `report` as a Markdown table.
pub fn write(report: &Listing, out: &mut dyn Write) -> io::Result<()> {
    match report.shape {
        Shape::List | Shape::Fields => {
            let numeric = numeric_columns(report);
            row(out, report.columns.iter().map(|c| cell(&c.label)))?;
            row(
                out,
                numeric
                    .iter()
                    .map(|&n| if n { "---:" } else { "---" }.to_owned()),
            )?;
            for r in report.rows() {
                row(out, r.iter().map(|v| cell(&v.human())))?;
            }
        }
        Shape::Record => {
            row(out, ["field", "value"].into_iter().map(str::to_owned))?;
            row(out, ["---", "---"].into_iter().map(str::to_owned))?;
            let values = (!report.is_empty()).then(|| report.row(0));
            let values = values.unwrap_or_default();
            for (c, v) in report.columns.iter().zip(values) {
                row(out, [cell(&c.label), cell(&Value::human(v))].into_iter())?;
            }
        }
    }
    if !report.notes.is_empty() {
        writeln!(out)?;
        for note in &report.notes {
            writeln!(out, "- {}", literal(&escape_for_terminal(note)))?;
        }
    }
    Ok(())
}

fn row(out: &mut dyn Write, cells: impl Iterator<Item = String>) -> io::Result<()> {
    let cells: Vec<String> = cells.collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

fn cell(text: &str) -> String {
    literal(&escape_for_terminal(text))
}

/// `s` as literal text in Markdown: every character that could start markup (emphasis, code, a
/// link or image, raw HTML, an entity, a table's cell, a heading or quote) is escaped, so that
/// a value from a dataset is read as the words it is, in any renderer.
pub fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let starts_block = i == 0 && matches!(c, '-' | '+' | '=');
        if starts_block || "\\`*_[]<>#|&~!".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}
