//! Output: the listing model ([`Listing`], its columns and values), the format writers of a
//! listing, one file per format chosen by one `match` in [`render`], and the text utilities
//! ([`text`]). What is not a listing has its own writer: charts as text ([`chart`]) or SVG
//! ([`svg`]), citations ([`cite`]) and the HTML page ([`html`]).

pub mod chart;
pub mod cite;
mod csv;
pub mod html;
mod json;
mod listing;
mod markdown;
pub mod package;
pub mod png;
pub mod sql;
pub mod svg;
mod table;
pub mod text;
mod tsv;
mod xlsx;

use std::io::{self, Write};

/// An output format that has been resolved (no "auto" left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table for people, drawn with box characters.
    Table,
    /// Tab-separated values with escapes, for `awk`, `cut` and `sort`.
    Tsv,
    /// Comma-separated values (RFC 4180), for spreadsheets.
    Csv,
    /// JSON, for `jq` and programs.
    Json,
    /// JSON Lines: one object a line, for streaming tools.
    Jsonl,
    /// A Markdown table, for documents.
    Markdown,
    /// An Excel workbook, for spreadsheets: binary, so never written to a terminal.
    Xlsx,
    /// A SQL script that creates a table and inserts the rows, for databases.
    Sql,
}

impl Format {
    /// How a listing in this format names territories and sources: a workbook is handed on
    /// to readers, so it names them as people write them; the rest by the ids a command takes.
    pub fn naming(self) -> Naming {
        match self {
            Format::Xlsx => Naming::Names,
            _ => Naming::Ids,
        }
    }

    /// The format a file's name asks for by its extension, if any.
    pub fn of_file(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "tsv" | "tab" | "txt" => Format::Tsv,
            "csv" => Format::Csv,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "md" | "markdown" => Format::Markdown,
            "xlsx" => Format::Xlsx,
            "sql" => Format::Sql,
            _ => return None,
        })
    }
}

/// Rendering choices resolved once from the flags and the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Whether TSV and CSV start with a header line.
    pub header: bool,
    /// Whether tables may use colour and bold.
    pub color: bool,
    /// The width a table must fit, in columns; `None` for no limit.
    pub width: Option<usize>,
    /// Whether a table shows every column, even one that does not fit or that has the same
    /// value on every row.
    pub wide: bool,
    /// Whether CSV starts with a UTF-8 byte order mark.
    pub bom: bool,
    /// The name of the table a SQL script creates: what the rows are.
    pub table: &'static str,
}

pub use crate::escape::{escape_for_terminal, escape_lines_for_terminal};
pub use listing::{
    Column, Context, Field, FieldError, Listing, Naming, Origin, Shape, Structured, Value,
    area_text, columns_of, numeric_columns, thousands,
};

/// Writes `report` to `out` in `format`; `ds` is the dataset it comes from, whose sources and
/// edition a workbook lists.
pub fn render(
    report: &Listing,
    format: Format,
    options: Options,
    ds: Option<&crate::data::Dataset>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(report, options, out),
        Format::Tsv => tsv::write(report, options, out),
        Format::Csv => csv::write(report, options, out),
        Format::Json => json::write(report, out),
        Format::Jsonl => json::write_lines(report, out),
        Format::Markdown => markdown::write(report, out),
        Format::Xlsx => xlsx::write(report, ds, out),
        Format::Sql => sql::write_listing(report, options.table, out),
    }
}
