//! Tables for people, drawn by comfy-table and fitted to the terminal by the rules below.
//!
//! A cell breaks only at spaces, never inside a word, date, number or id. Where the table is
//! wider than the terminal, the columns a command marks as optional are left out, least needed
//! first, and a note says which (a column of long text that must stay is given half the width
//! first); where even the others do not fit, every record becomes a
//! block of `field  value` lines, which always fits. A column with the same value on every row
//! is said once above the table instead of on every row. A column marked as a caveat (notes, the
//! source of a figure, an address) is never lost when left out: its values go below the table, numbered `[n]` against their rows.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use super::text::{fill, note_lines};
use super::{Listing, Options, Shape, escape_for_terminal, numeric_columns};

// Below this many columns a terminal is taken to have reported no usable size.
const MIN_WIDTH: usize = 20;

// What a table draws around its cells: a border and a space each side of every cell, one
// border more at the end.
const PER_COLUMN: usize = 3;
const TABLE_EDGE: usize = 1;

/// Writes `report` as a table, with its notes below.
pub fn write(report: &Listing, options: Options, out: &mut dyn Write) -> io::Result<()> {
    let width = options.width.filter(|&w| w >= MIN_WIDTH);
    // --wide: every column, at its natural width; notes still wrap to the terminal.
    let fit_to = width.filter(|_| !options.wide);
    let mut notes: Vec<String> = Vec::new();
    if report.is_empty() {
        writeln!(out, "(nothing matches)")?;
    } else {
        match report.shape {
            Shape::List | Shape::Fields => {
                // What every row shares is said once, above the rows.
                let mut shared = Vec::new();
                let mut grid = Grid::of(report, options, &mut shared);
                for line in &shared {
                    for line in note_lines(line, width) {
                        writeln!(out, "{line}")?;
                    }
                }
                notes.extend(grid.carry_below(fit_to));
                match grid.fit(fit_to, &mut notes) {
                    Some(widths) => writeln!(out, "{}", grid.table(&widths, options))?,
                    None => grid.blocks(width.unwrap_or(usize::MAX), options, out)?,
                }
            }
            Shape::Record => write_record(report, fit_to, options, out)?,
        }
    }
    notes.extend(report.notes.iter().cloned());
    for note in &notes {
        let note = format!("note: {}", escape_for_terminal(note));
        for line in note_lines(&note, width) {
            if options.color {
                writeln!(out, "\x1b[2m{line}\x1b[0m")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// The cells of a listing as people read them, with what the fitting needs to know.
struct Grid {
    labels: Vec<String>,
    // The rank a column may be left out at (lowest first), `None` if it must stay.
    optional: Vec<Option<u8>>,
    numeric: Vec<bool>,
    // Whether a column qualifies its rows (a note, an address), so is given below if left out.
    carried: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    /// The report's cells; constant columns are taken out, each said once in `notes`.
    fn of(report: &Listing, options: Options, notes: &mut Vec<String>) -> Grid {
        let rows: Vec<Vec<String>> = report
            .rows()
            .map(|row| {
                row.iter()
                    .map(|v| escape_for_terminal(&v.human()))
                    .collect()
            })
            .collect();
        let mut grid = Grid {
            labels: (report.columns.iter())
                .map(|c| escape_for_terminal(&c.label))
                .collect(),
            optional: report.columns.iter().map(|c| c.optional).collect(),
            numeric: numeric_columns(report),
            carried: (report.columns.iter()).map(|c| c.caveat).collect(),
            rows,
        };
        if !options.wide && grid.rows.len() > 1 && report.shape == Shape::List {
            let mut constant: Vec<usize> = (0..grid.labels.len())
                .filter(|&i| grid.rows.iter().all(|r| r[i] == grid.rows[0][i]))
                .collect();
            // A column that always shows is said once too (a figure's label over its
            // history), as long as one such column is left for the rows.
            let always = |i: &usize| report.columns[*i].optional.is_none();
            if (0..grid.labels.len())
                .filter(always)
                .all(|i| constant.contains(&i))
            {
                let kept = (0..grid.labels.len()).find(always);
                constant.retain(|&i| Some(i) != kept);
            }
            // An empty column says nothing, so it goes without a line.
            for &i in constant
                .iter()
                .filter(|&&i| !matches!(grid.rows[0][i].as_str(), "" | "—"))
            {
                notes.push(format!("{}: {}", grid.labels[i], grid.rows[0][i]));
            }
            grid.remove(&constant);
        }
        grid
    }

    fn remove(&mut self, columns: &[usize]) {
        retain_others(&mut self.labels, columns);
        retain_others(&mut self.optional, columns);
        retain_others(&mut self.numeric, columns);
        retain_others(&mut self.carried, columns);
        for row in &mut self.rows {
            retain_others(row, columns);
        }
    }

    /// Takes out the caveat columns that `width` leaves no room for, marks each
    /// row that had a value in them with `[n]` in its first column that always stays, and
    /// gives their values as notes numbered so.
    fn carry_below(&mut self, width: Option<usize>) -> Vec<String> {
        let Some(first) = (0..self.labels.len()).find(|&i| self.optional[i].is_none()) else {
            return Vec::new();
        };
        let mut below: Vec<Vec<(bool, String)>> = vec![Vec::new(); self.rows.len()];
        // The rows marked, numbered in the order they were marked.
        let (mut mark, mut marks) = (vec![0; self.rows.len()], 0);
        // The marks widen the first column, which may leave out another column: so again
        // until nothing more is left out.
        while let Some(widths) = self.fit(width, &mut Vec::new()) {
            let has_value = |v: &str| !v.is_empty() && v != "—";
            let moving: Vec<usize> = (0..self.labels.len())
                .filter(|&i| widths[i] == usize::MAX && self.carried[i])
                .filter(|&i| self.rows.iter().any(|r| has_value(&r[i])))
                .collect();
            if moving.is_empty() {
                break;
            }
            for (n, row) in self.rows.iter_mut().enumerate() {
                let values: Vec<(bool, String)> = (moving.iter())
                    .filter(|&&i| has_value(&row[i]))
                    .map(|&i| match self.labels[i].as_str() {
                        "note" => (true, row[i].clone()),
                        label => (false, format!("{label}: {}", row[i])),
                    })
                    .collect();
                if values.is_empty() {
                    continue;
                }
                if below[n].is_empty() {
                    marks += 1;
                    mark[n] = marks;
                    row[first].push_str(&format!(" [{marks}]"));
                }
                below[n].extend(values);
            }
            self.remove(&moving);
        }
        // A row's notes read first, then the sources.
        for values in &mut below {
            values.sort_by_key(|(is_note, _)| !is_note);
        }
        let mut notes: Vec<(usize, String)> = (below.into_iter().zip(mark))
            .filter(|(values, _)| !values.is_empty())
            .map(|(values, n)| {
                let texts: Vec<String> = values.into_iter().map(|(_, text)| text).collect();
                (n, format!("[{n}] {}", texts.join("; ")))
            })
            .collect();
        notes.sort_by_key(|&(n, _)| n);
        notes.into_iter().map(|(_, note)| note).collect()
    }

    // The widest a column needs to be, and the narrowest it can be without breaking a word.
    fn widths(&self, i: usize) -> (usize, usize) {
        let cells = self.rows.iter().map(|r| r[i].as_str());
        let natural = cells.clone().map(|c| c.width()).max().unwrap_or(0);
        let longest_word = cells
            .chain(std::iter::once(self.labels[i].as_str()))
            .flat_map(|c| c.split(' '))
            .map(|w| w.width())
            .max()
            .unwrap_or(0);
        // At its natural width the heading is on one line too.
        let natural = natural.max(self.labels[i].width());
        (natural, longest_word)
    }

    /// The width of each column, once the columns that do not fit are left out (said in
    /// `notes`); `None` when even the columns that must stay do not fit.
    fn fit(&self, width: Option<usize>, notes: &mut Vec<String>) -> Option<Vec<usize>>
    where
        Self: Sized,
    {
        let Some(width) = width else {
            return Some((0..self.labels.len()).map(|i| self.widths(i).0).collect());
        };
        let mut shown: Vec<usize> = (0..self.labels.len()).collect();
        let total = |shown: &[usize], pick: fn((usize, usize)) -> usize| {
            TABLE_EDGE
                + shown
                    .iter()
                    .map(|&i| pick(self.widths(i)) + PER_COLUMN)
                    .sum::<usize>()
        };
        // A column of long text that must stay reads badly wrapped to a sliver, so it is given
        // half the terminal before an optional column is shown beside it.
        let half = width / 2;
        let wanted = |shown: &[usize]| {
            TABLE_EDGE
                + (shown.iter())
                    .map(|&i| {
                        let (natural, min) = self.widths(i);
                        let want = match self.optional[i] {
                            None if natural > half => min.max(half),
                            _ => min,
                        };
                        want + PER_COLUMN
                    })
                    .sum::<usize>()
        };
        let mut left_out = Vec::new();
        while wanted(&shown) > width {
            // The optional column of the lowest rank goes first.
            let next = (shown.iter().enumerate())
                .filter_map(|(k, &i)| self.optional[i].map(|rank| (rank, k)))
                .min();
            let Some((_, k)) = next else { break };
            left_out.push(shown.remove(k));
        }
        if total(&shown, |(_, min)| min) > width {
            return None;
        }
        if !left_out.is_empty() {
            let names: Vec<&str> = left_out.iter().map(|&i| self.labels[i].as_str()).collect();
            notes.push(format!(
                "left out to fit: {} (`--wide` shows them)",
                names.join(", ")
            ));
        }
        // Every column at its narrowest, then widened towards its natural width a column at
        // a time, in turn, while there is room: each gets an even share of what is left.
        let mut widths: Vec<usize> = (0..self.labels.len())
            .map(|i| {
                if shown.contains(&i) {
                    self.widths(i).1
                } else {
                    0
                }
            })
            .collect();
        let mut room = width - total(&shown, |(_, min)| min);
        let natural: Vec<usize> = (0..self.labels.len()).map(|i| self.widths(i).0).collect();
        while room > 0 {
            let needing: Vec<usize> = (shown.iter().copied())
                .filter(|&i| widths[i] < natural[i])
                .collect();
            if needing.is_empty() {
                break;
            }
            for i in needing.into_iter().take(room) {
                widths[i] += 1;
                room -= 1;
            }
        }
        // Columns left out have no width.
        Some(
            widths
                .into_iter()
                .enumerate()
                .map(|(i, w)| if shown.contains(&i) { w } else { usize::MAX })
                .collect(),
        )
    }

    /// The table, its cells wrapped at spaces to `widths` (`usize::MAX`: left out).
    fn table(&self, widths: &[usize], options: Options) -> Table {
        let shown: Vec<usize> = (0..self.labels.len())
            .filter(|&i| widths[i] != usize::MAX)
            .collect();
        let mut table = new_table(options);
        table.set_header(
            (shown.iter()).map(|&i| heading(fill(&self.labels[i], widths[i], false), options)),
        );
        for row in &self.rows {
            table.add_row(
                shown
                    .iter()
                    .map(|&i| Cell::new(fill(&row[i], widths[i], false))),
            );
        }
        for (k, &i) in shown.iter().enumerate() {
            if let (true, Some(column)) = (self.numeric[i], table.column_mut(k)) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        table
    }

    /// Every record as a block of `field  value` lines, for a terminal too narrow for the
    /// table.
    fn blocks(&self, width: usize, options: Options, out: &mut dyn Write) -> io::Result<()> {
        let bold = |text: &str| bold(text, options);
        for (n, row) in self.rows.iter().enumerate() {
            let rule = format!("-[ {} ]", n + 1);
            let dashes = width.min(40).saturating_sub(rule.width());
            writeln!(out, "{}", bold(&format!("{rule}{}", "-".repeat(dashes))))?;
            write_fields(&self.labels, row, width, &bold, out)?;
        }
        Ok(())
    }
}

/// Fields as `label  value` lines, the values wrapped at spaces; where a label and the longest
/// word beside it would not fit the width, each value goes on the lines under its label,
/// indented. A word longer than a whole line is the only thing ever cut.
fn write_fields(
    labels: &[String],
    values: &[String],
    width: usize,
    bold: &dyn Fn(&str) -> String,
    out: &mut dyn Write,
) -> io::Result<()> {
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let longest_word = (values.iter())
        .flat_map(|v| v.split(' '))
        .map(|w| w.width())
        .max()
        .unwrap_or(0);
    let side_by_side = label_width + 2 + longest_word <= width;
    for (label, value) in labels.iter().zip(values) {
        if side_by_side {
            let lines = fill(value, width - label_width - 2, false);
            for (k, line) in lines.lines().enumerate() {
                let shown = if k == 0 { label.as_str() } else { "" };
                let pad = " ".repeat(label_width - shown.width());
                writeln!(out, "{}{pad}  {line}", bold(shown))?;
            }
        } else {
            for line in fill(label, width, false).lines() {
                writeln!(out, "{}", bold(line))?;
            }
            let room = width.saturating_sub(2).max(1);
            for line in fill(value, room, true).lines() {
                writeln!(out, "  {line}")?;
            }
        }
    }
    Ok(())
}

// Keeps the items of `items` whose positions are not in `drop`.
fn retain_others<T>(items: &mut Vec<T>, drop: &[usize]) {
    let mut i = 0;
    items.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

/// A record as a table of field and value, the value wrapped at spaces to fit; as lines of
/// field and value where the table would not fit.
fn write_record(
    report: &Listing,
    width: Option<usize>,
    options: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let row = report.row(0);
    let labels: Vec<String> = (report.columns.iter())
        .map(|c| escape_for_terminal(&c.label))
        .collect();
    let values: Vec<String> = row
        .iter()
        .map(|v| escape_for_terminal(&v.human()))
        .collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let value_width = values.iter().map(|v| v.width()).max().unwrap_or(0);
    let longest_word = (values.iter())
        .flat_map(|v| v.split(' '))
        .map(|w| w.width())
        .max()
        .unwrap_or(0);
    let frame = TABLE_EDGE + 2 * PER_COLUMN + label_width;
    if let Some(width) = width.filter(|&w| frame + longest_word > w) {
        return write_fields(&labels, &values, width, &|text| bold(text, options), out);
    }
    let value_width = width.map_or(value_width, |w| value_width.min(w - frame));
    let mut table = new_table(options);
    for (label, value) in labels.iter().zip(&values) {
        table.add_row([
            heading(label.clone(), options),
            Cell::new(fill(value, value_width, false)),
        ]);
    }
    writeln!(out, "{table}")
}

// A table drawn with rounded corners, its cells laid out as given (the fitting is done here).
fn new_table(options: Options) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Disabled);
    if options.color {
        table.enforce_styling();
    }
    table
}

// A heading cell, bold where colour is on.
fn heading(text: String, options: Options) -> Cell {
    let cell = Cell::new(text);
    if options.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

// Text in bold where colour is on.
fn bold(text: &str, options: Options) -> String {
    if options.color {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}
