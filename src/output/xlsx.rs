//! An Excel workbook: the records on the first sheet, the sources they cite on the second and
//! the notes on the third.

use std::io::{self, Write};

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::{Listing, Value};
use crate::data::Dataset;
use crate::query::Identity;

// The rows of a worksheet, the header's included.
const MAX_ROWS: usize = 1_048_576;

// Columns are made as wide as their widest value, up to this many characters.
const MAX_COLUMN_WIDTH: usize = 60;

/// Writes `report` as a workbook, with the sources of `ds` its rows cite and the edition of
/// `ds` they come from.
pub fn write(report: &Listing, ds: Option<&Dataset>, out: &mut dyn Write) -> io::Result<()> {
    if report.len() >= MAX_ROWS {
        return Err(io::Error::other(format!(
            "a worksheet holds at most {} records and this listing has {}; write CSV instead",
            MAX_ROWS - 1,
            report.len()
        )));
    }
    let bytes = workbook(report, ds)
        .and_then(|mut book| book.save_to_buffer())
        .map_err(|e| io::Error::other(format!("cannot make the workbook: {e}")))?;
    out.write_all(&bytes)
}

// A date known to the day is a date; a month, a year or a period stays text, as a
// spreadsheet has no date of that precision.
fn write_when(
    sheet: &mut Worksheet,
    r: u32,
    col: u16,
    when: crate::data::When,
    day: &Format,
) -> Result<(), XlsxError> {
    match when.as_day() {
        Some(d) => {
            let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            sheet.write_datetime_with_format(r, col, date, day)?;
        }
        None => {
            sheet.write_string(r, col, when.iso())?;
        }
    }
    Ok(())
}

fn workbook(report: &Listing, ds: Option<&Dataset>) -> Result<Workbook, XlsxError> {
    let sources = ds.map_or(&[][..], |ds| &ds.sources);
    let mut book = Workbook::new();
    let header = Format::new().set_bold();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let decimals: Vec<Format> = (0..=6)
        .map(|places| Format::new().set_num_format(decimal_format(places)))
        .collect();

    let sheet = book.add_worksheet().set_name("data")?;
    let keys: Vec<&str> = report.columns.iter().map(|c| c.key.as_ref()).collect();
    let mut widths: Vec<usize> = keys.iter().map(|k| k.width()).collect();
    write_header(sheet, &keys, &header)?;
    for (r, row) in report.rows().enumerate() {
        let r = row_number(r + 1)?;
        for (c, value) in row.iter().enumerate() {
            let col = c as u16;
            match value {
                Value::Null => {}
                Value::Int(n) => {
                    sheet.write_number(r, col, *n as f64)?;
                }
                Value::Decimal(x, places) => {
                    let format = &decimals[usize::from(*places).min(6)];
                    sheet.write_number_with_format(r, col, *x, format)?;
                }
                // A date known to the day is a date; a month, a year or a period stays text,
                // as a spreadsheet has no date of that precision.
                Value::Date(when) => write_when(sheet, r, col, *when, &day)?,
                other => {
                    sheet.write_string(r, col, other.machine())?;
                }
            }
            widths[c] = widths[c].max(cell_width(value));
        }
    }
    set_widths(sheet, &widths)?;

    let cited = report.cited_ids();
    let sheet = book.add_worksheet().set_name("sources")?;
    let keys = ["id", "title", "publisher", "date", "url", "accessed"];
    write_header(sheet, &keys, &header)?;
    let mut widths: Vec<usize> = keys.iter().map(|k| k.width()).collect();
    let listed = sources
        .iter()
        .filter(|s| cited.iter().any(|c| c == s.id.as_str()));
    let mut rows = 0;
    for (r, source) in listed.enumerate() {
        rows = r + 1;
        let r = row_number(r + 1)?;
        let texts = [
            Some(source.id.to_string()),
            Some(source.title.to_string()),
            source.publisher.as_deref().map(str::to_owned),
        ];
        for (c, cell) in texts.iter().enumerate() {
            if let Some(text) = cell {
                sheet.write_string(r, c as u16, text)?;
                widths[c] = widths[c].max(text.width());
            }
        }
        for (c, date) in [(3, source.date), (5, source.accessed)] {
            if let Some(when) = date {
                write_when(sheet, r, c, when, &day)?;
                widths[usize::from(c)] = widths[usize::from(c)].max(when.iso().width());
            }
        }
        if let Some(url) = source.url.as_deref() {
            // A web address is a link; Excel takes links of up to 2,080 characters.
            if (url.starts_with("https://") || url.starts_with("http://")) && url.len() <= 2080 {
                sheet.write_url(r, 4, url)?;
            } else {
                sheet.write_string(r, 4, url)?;
            }
            widths[4] = widths[4].max(url.width());
        }
    }
    // The dataset the values were compiled in is cited beside their sources, with its hash.
    if let Some(cited) = ds.and_then(|ds| Identity::of(ds).citation()) {
        let r = row_number(rows + 1)?;
        let title = format!(
            "{} (SHA-256 {}), {}",
            cited.title,
            cited.sha256,
            crate::query::LICENCE.short
        );
        sheet.write_string(r, 0, &cited.id)?;
        sheet.write_string(r, 1, &title)?;
        sheet.write_string(r, 2, crate::query::COMPILER)?;
        write_when(
            sheet,
            r,
            3,
            crate::data::When::day(cited.edition.released),
            &day,
        )?;
        widths[1] = widths[1].max(title.width());
        widths[2] = widths[2].max(crate::query::COMPILER.width());
    }
    set_widths(sheet, &widths)?;

    let sheet = book.add_worksheet().set_name("notes")?;
    write_header(sheet, &["note"], &header)?;
    for (r, note) in report.notes.iter().enumerate() {
        sheet.write_string(row_number(r + 1)?, 0, note)?;
    }
    sheet.set_column_width(0, 100)?;
    Ok(book)
}

fn write_header(sheet: &mut Worksheet, keys: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (c, key) in keys.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *key, bold)?;
    }
    // The header row stays in view as the rows scroll.
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn set_widths(sheet: &mut Worksheet, widths: &[usize]) -> Result<(), XlsxError> {
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (width.min(&MAX_COLUMN_WIDTH) + 2) as f64)?;
    }
    Ok(())
}

// A row index as the workbook counts them; a sheet holds at most 1,048,576 rows.
fn row_number(r: usize) -> Result<u32, XlsxError> {
    u32::try_from(r).map_err(|_| XlsxError::RowColumnLimitError)
}

fn cell_width(value: &Value) -> usize {
    match value {
        Value::Date(_) => 10,
        other => other.machine().width(),
    }
}

fn decimal_format(places: usize) -> String {
    match places {
        0 => "0".to_owned(),
        n => format!("0.{}", "0".repeat(n)),
    }
}
