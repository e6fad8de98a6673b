//! Reading a dataset: a file's bytes decoded to text, the text deserialized into the raw structs
//! and validated. Where that fails, [`super::diagnose`] reads the text again to find every
//! problem and its line and column.

use std::path::Path;

use super::diagnose::{diagnose_json, diagnose_toml, locate};
use super::error::{DataError, DocPath, LocatedProblem, Problem, line_column};
use super::model::Dataset;
use super::raw::RawDataset;
use super::validate::validate;

/// The syntax of a dataset file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// TOML, the format of the built-in dataset.
    Toml,
    /// JSON with the same structure, as `karabakh data export --format json` writes it.
    Json,
}

impl Syntax {
    /// JSON for a file whose name ends in `.json`, TOML otherwise.
    pub fn of_path(path: &Path) -> Syntax {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") => Syntax::Json,
            _ => Syntax::Toml,
        }
    }

    /// The largest file of this syntax read unless the user allows more: one that every
    /// command can load and use within about 3 GB, whichever section holds its bulk. A TOML
    /// dataset takes up to some 45 times its size in memory (the toml crate holds the whole
    /// document before the dataset is made), a JSON one up to some 35 times (the page of a
    /// large dataset; listings take 6 to 13 times); docs/data.md has the figures. The limit
    /// also stops an endless input (`/dev/zero`, a pipe that never ends) before it takes all
    /// the memory there is.
    pub const fn default_max_bytes(self) -> u64 {
        match self {
            Syntax::Toml => 64_000_000,
            Syntax::Json => 100_000_000,
        }
    }
}

/// A dataset file, read and decoded to text.
#[derive(Debug)]
pub struct DataFile {
    /// The name of the file in messages.
    pub origin: String,
    /// The syntax it is written in.
    pub syntax: Syntax,
    text: String,
}

impl DataFile {
    /// Reads the file at `path`, in the syntax its name says; an error if it holds more than
    /// `max_bytes`, or than its syntax's [default](Syntax::default_max_bytes) without one.
    pub fn read(path: &Path, max_bytes: Option<u64>) -> Result<DataFile, DataError> {
        use std::io::Read;
        let syntax = Syntax::of_path(path);
        let max_bytes = max_bytes.unwrap_or(syntax.default_max_bytes());
        let failed = |source| DataError::Read {
            path: path.to_owned(),
            source,
        };
        let file = std::fs::File::open(path).map_err(failed)?;
        // Room for the whole of a regular file at once; other files grow as they are read.
        let size = file.metadata().map_or(0, |m| m.len()).min(max_bytes);
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        file.take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(failed)?;
        if bytes.len() as u64 > max_bytes {
            return Err(DataError::TooLarge {
                path: path.to_owned(),
                max_bytes,
                syntax,
            });
        }
        DataFile::from_bytes(bytes, &path.display().to_string(), syntax)
    }

    /// The file whose bytes are `bytes`; `origin` names it in messages.
    pub fn from_bytes(bytes: Vec<u8>, origin: &str, syntax: Syntax) -> Result<DataFile, DataError> {
        Ok(DataFile {
            origin: origin.to_owned(),
            syntax,
            text: decode(bytes, origin)?,
        })
    }

    /// Parses and validates the dataset.
    pub fn parse(&self) -> Result<Dataset, DataError> {
        parse(&self.text, &self.origin, self.syntax)
    }

    /// What is valid in `ds`, the dataset of this file, but worth a warning: text a
    /// spreadsheet would run as a formula.
    pub fn warnings(&self, ds: &Dataset) -> Vec<LocatedProblem> {
        super::diagnose::formula_warnings(&self.origin, &self.text, self.syntax, ds)
    }
}

/// The text of a file as editors save it: UTF-8 with or without a byte order mark, or UTF-16
/// with one (as Windows Notepad writes "Unicode").
fn decode(bytes: Vec<u8>, origin: &str) -> Result<String, DataError> {
    let problem = |position, message: &str| {
        DataError::Invalid(vec![LocatedProblem {
            origin: origin.to_owned(),
            position,
            path: DocPath::root(),
            message: message.to_owned(),
        }])
    };
    let utf16 = |units: Vec<u16>| {
        String::from_utf16(&units).map_err(|_| {
            problem(
                None,
                "the dataset is not valid UTF-16 text; save it as UTF-8",
            )
        })
    };
    match bytes.as_slice() {
        // UTF-32's marks begin as UTF-16's do, so they are looked for first.
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => Err(problem(
            None,
            "the dataset is UTF-32 text, which karabakh does not read; save it as UTF-8 (or \
             UTF-16)",
        )),
        [0xFF, 0xFE, rest @ ..] => utf16(
            rest.chunks(2)
                .map(|c| u16::from_le_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect(),
        ),
        [0xFE, 0xFF, rest @ ..] => utf16(
            rest.chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect(),
        ),
        // UTF-8 becomes text in place, without a copy; `parse` skips a byte order mark.
        _ => String::from_utf8(bytes).map_err(|e| {
            let bytes = e.as_bytes();
            let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            // The valid prefix is text, so the first bad byte has a line and column.
            let valid = std::str::from_utf8(&bytes[start..e.utf8_error().valid_up_to()])
                .unwrap_or_default();
            let position = line_column(valid, valid.len());
            problem(
                Some(position),
                "the dataset is not UTF-8 text; save it as UTF-8 (a dataset is a TOML or JSON \
                 text file)",
            )
        }),
    }
}

/// Parses and validates dataset `text` of `syntax`; `origin` names it in error messages.
pub fn parse(text: &str, origin: &str, syntax: Syntax) -> Result<Dataset, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        let problem = Problem::at(
            DocPath::root(),
            format!(
                "the dataset is empty; it needs at least {} (see docs/data.md)",
                super::validate::required_sections()
            ),
        );
        return Err(locate(origin, text, syntax, vec![problem]));
    }
    let raw = match syntax {
        Syntax::Toml => toml::from_str::<RawDataset>(text).ok(),
        Syntax::Json => serde_json::from_str::<RawDataset>(text).ok(),
    };
    let problems = match raw {
        Some(raw) => match validate(raw) {
            Ok(ds) => return Ok(ds),
            Err(problems) => problems,
        },
        None => match syntax {
            Syntax::Toml => diagnose_toml(text),
            Syntax::Json => diagnose_json(text),
        },
    };
    Err(locate(origin, text, syntax, problems))
}
