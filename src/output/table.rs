//! Tables for people, drawn by comfy-table and fitted to the terminal.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{
    Attribute, Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width,
};
use unicode_width::UnicodeWidthStr;

use super::{Options, Report, Shape, escape_for_terminal, numeric_columns, wrap};

// Below this many columns a terminal is taken to have reported no usable size.
const MIN_WIDTH: u16 = 20;

/// Writes `report` as a table, with its notes below.
pub fn write(report: &Report<'_>, options: Options, out: &mut dyn Write) -> io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic);
    // A pseudo-terminal that reports no size (width 0) would squeeze every column to a letter.
    if table.width().is_some_and(|w| w < MIN_WIDTH) {
        table.set_content_arrangement(ContentArrangement::Disabled);
    }
    if options.color {
        table.enforce_styling();
    }
    let heading = |text: &str| {
        let cell = Cell::new(escape_for_terminal(text));
        if options.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    };
    match report.shape {
        Shape::List | Shape::Fields => {
            table.set_header(report.columns.iter().map(|c| heading(&c.label)));
            let mut widest = vec![0; report.columns.len()];
            for row in report.rows() {
                let texts: Vec<String> = row
                    .iter()
                    .map(|v| escape_for_terminal(&v.human()))
                    .collect();
                for (w, text) in widest.iter_mut().zip(&texts) {
                    *w = (*w).max(text.width());
                }
                table.add_row(texts.into_iter().map(Cell::new));
            }
            for (i, numeric) in numeric_columns(report).into_iter().enumerate() {
                if let (true, Some(column)) = (numeric, table.column_mut(i)) {
                    column.set_cell_alignment(CellAlignment::Right);
                    // Numbers are short and unreadable when broken: on a narrow terminal the
                    // text columns and the heading wrap instead.
                    let width = u16::try_from(widest[i]).unwrap_or(u16::MAX);
                    column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                        width.saturating_add(2),
                    )));
                }
            }
        }
        Shape::Record => {
            let values = (!report.is_empty()).then(|| report.row(0));
            let values = values.as_deref().unwrap_or_default();
            for (column, value) in report.columns.iter().zip(values) {
                table.add_row([
                    heading(&column.label),
                    Cell::new(escape_for_terminal(&value.human())),
                ]);
            }
        }
    }
    if report.is_empty() {
        writeln!(out, "(nothing matches)")?;
    } else {
        writeln!(out, "{table}")?;
    }
    // On a terminal, notes are wrapped to its width as the table is.
    let width = table
        .width()
        .map(usize::from)
        .filter(|&w| w >= usize::from(MIN_WIDTH));
    for note in &report.notes {
        let note = format!("note: {}", escape_for_terminal(note));
        for line in wrap(&note, width) {
            if options.color {
                writeln!(out, "\x1b[2m{line}\x1b[0m")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}
