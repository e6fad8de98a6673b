//! Reading a dataset from text: TOML or JSON, with every problem placed in the file.
//!
//! The common case is fast: the text is deserialized straight into the raw structs and
//! validated. Only when that fails is the text read again, more slowly, to find every problem
//! and its line and column.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::error::{DataError, DocPath, LineIndex, LocatedProblem, Problem, line_column};
use super::model::Dataset;
use super::raw::*;
use super::validate::{missing_section, validate};

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

impl Syntax {
    /// The largest file of this syntax read unless the user allows more: one that loads within
    /// about 3 GB. Reading TOML takes some 30 times the file's size in memory (the toml crate
    /// holds the whole document before the dataset is made), JSON some 3 times (BENCHMARKS.md).
    /// The limit also stops an endless input (`/dev/zero`, a pipe that never ends) before it
    /// takes all the memory there is.
    pub const fn default_max_bytes(self) -> u64 {
        match self {
            Syntax::Toml => 100_000_000,
            Syntax::Json => 1_000_000_000,
        }
    }
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
            "the dataset is empty; it needs at least `schema`, `country`, `sources` and \
             `territories` (see docs/data.md)",
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

/// Places problems at lines and columns and orders them as they stand in the text.
fn locate(origin: &str, text: &str, syntax: Syntax, problems: Vec<Problem>) -> DataError {
    let tree = match syntax {
        Syntax::Toml => Some(DeTable::parse_recoverable(text).0),
        Syntax::Json => None,
    };
    let lines = LineIndex::new(text);
    let mut located: Vec<LocatedProblem> = problems
        .into_iter()
        .map(|p| {
            let offset = p
                .offset
                .or_else(|| tree.as_ref().and_then(|t| offset_of(t, &p.path)));
            LocatedProblem {
                origin: origin.to_owned(),
                position: offset.map(|o| lines.line_column(o)),
                path: p.path,
                message: p.message,
            }
        })
        .collect();
    located.sort_by(|a, b| (a.position, &a.path).cmp(&(b.position, &b.path)));
    DataError::Invalid(located)
}

// The start of the deepest value on `path` that the document has; none for the whole document.
fn offset_of(root: &Spanned<DeTable>, path: &DocPath) -> Option<usize> {
    if path.segments().is_empty() {
        return None;
    }
    use super::error::Segment;
    let mut offset = root.span().start;
    let mut table: Option<&DeTable> = Some(root.get_ref());
    let mut value: Option<&Spanned<DeValue>> = None;
    for segment in path.segments() {
        let next = match (segment, table, value.map(|v| v.get_ref())) {
            (Segment::Key(k), Some(t), _) => t.get(k.as_str()),
            (Segment::Index(i), _, Some(DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        let Some(next) = next else { break };
        offset = next.span().start;
        table = match next.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
        value = Some(next);
    }
    Some(offset)
}

const SECTIONS: &str = "`schema`, `country`, `sources`, `territories`, `figures` and `events`";

/// Finds every problem of a TOML dataset that does not deserialize: every syntax error, or
/// else every record of the wrong shape.
fn diagnose_toml(text: &str) -> Vec<Problem> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if let Some(first) = errors.first() {
        // Only the first syntax error is sure to be one: an unclosed table or string makes
        // every line after it wrong, and those echoes would bury the cause.
        let mut message = first.message().trim_end().to_owned();
        let mut offset = first.span().map(|s| s.start);
        // The parser refuses keys of many dotted parts without saying where.
        if offset.is_none() && message == "recursion limit" {
            offset = deep_key(text);
            message = "a key or table name of 80 or more dotted parts, more than the TOML \
                       reader allows; a dataset's keys have at most three"
                .to_owned();
        }
        if errors.len() > 1 {
            message.push_str(&format!(
                " (the parser found {} more syntax errors after this one, which may follow \
                 from it: correct it and check again)",
                errors.len() - 1
            ));
        }
        return vec![Problem {
            path: DocPath::root(),
            offset,
            message,
        }];
    }
    let mut problems = Vec::new();
    let top = DocPath::root();
    for (key, value) in root.get_ref() {
        let at = top.key(key.get_ref());
        match key.get_ref().as_ref() {
            "schema" => check::<i64>(value, at, &mut problems),
            "country" => check::<RawCountry>(value, at, &mut problems),
            "sources" => check_each::<RawSource>(value, at, &mut problems),
            "territories" => check_each::<RawTerritory>(value, at, &mut problems),
            "figures" => check_each::<RawFigure>(value, at, &mut problems),
            "events" => check_each::<RawEvent>(value, at, &mut problems),
            other => problems.push(Problem {
                path: DocPath::root(),
                offset: Some(key.span().start),
                message: format!("unknown key `{other}`; a dataset has {SECTIONS}"),
            }),
        }
    }
    for required in ["schema", "country", "sources", "territories"] {
        if root.get_ref().get(required).is_none() {
            problems.push(Problem::at(DocPath::root(), missing_section(required)));
        }
    }
    problems
}

// The start of the first line whose key or table name has 79 dots or more.
fn deep_key(text: &str) -> Option<usize> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let key = match line.trim_start().strip_prefix('[') {
            Some(header) => header.split(']').next().unwrap_or(header),
            None => line.split('=').next().unwrap_or(line),
        };
        if key.matches('.').count() >= 79 {
            return Some(start);
        }
        start += line.len();
    }
    None
}

fn check<'i, T: Deserialize<'i>>(
    value: &Spanned<DeValue<'i>>,
    at: DocPath,
    problems: &mut Vec<Problem>,
) {
    let deserializer = ValueDeserializer::from(value.clone());
    if let Err(e) = serde_path_to_error::deserialize::<_, T>(deserializer) {
        let inner = DocPath::from_serde(e.path());
        // serde sees a TOML date as a table; the user wrote a date.
        let date = matches!(value_at(value, &inner).get_ref(), DeValue::Datetime(_));
        let error = e.into_inner();
        let mut message = error.message().to_owned();
        if date {
            message = message.replace("invalid type: map", "invalid type: a date");
        }
        problems.push(Problem {
            path: at.join(&inner),
            offset: error.span().map(|s| s.start),
            message: in_user_terms(&message),
        });
    }
}

// The deepest value on `path` below `value` that the document has.
fn value_at<'v, 'i>(
    mut value: &'v Spanned<DeValue<'i>>,
    path: &DocPath,
) -> &'v Spanned<DeValue<'i>> {
    use super::error::Segment;
    for segment in path.segments() {
        let next = match (segment, value.get_ref()) {
            (Segment::Key(k), DeValue::Table(t)) => t.get(k.as_str()),
            (Segment::Index(i), DeValue::Array(a)) => a.get(*i),
            _ => None,
        };
        match next {
            Some(next) => value = next,
            None => break,
        }
    }
    value
}

/// A serde message with Rust's type names put in the terms of the file (`i64` is a whole
/// number, a map is a table).
fn in_user_terms(message: &str) -> String {
    let mut s = message.trim_end().to_owned();
    for (rust, user) in [
        ("expected i64", "expected a whole number"),
        (
            "expected u64",
            "expected a whole number that is not negative",
        ),
        ("expected a sequence", "expected an array"),
        ("expected a map", "expected a table"),
        ("invalid type: map", "invalid type: table"),
        ("invalid type: sequence", "invalid type: array"),
        ("wanted string or table", "expected a string"),
    ] {
        s = s.replace(rust, user);
    }
    if let Some(i) = s.find("expected struct ") {
        s.truncate(i);
        s.push_str("expected a table");
    }
    s
}

fn check_each<'i, T: Deserialize<'i>>(
    value: &Spanned<DeValue<'i>>,
    at: DocPath,
    problems: &mut Vec<Problem>,
) {
    match value.get_ref() {
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check::<T>(item, at.index(i), problems);
            }
        }
        _ => problems.push(Problem {
            path: at,
            offset: Some(value.span().start),
            message: "expected an array of tables, such as [[territories]]".to_owned(),
        }),
    }
}

/// Finds the first problem of a JSON dataset that does not deserialize, with its path.
fn diagnose_json(text: &str) -> Vec<Problem> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let e = match serde_path_to_error::deserialize::<_, RawDataset>(&mut deserializer) {
        Err(e) => e,
        // The dataset reads, and something follows it.
        Ok(_) => {
            let Err(error) = deserializer.end() else {
                return vec![Problem::at(
                    DocPath::root(),
                    "the dataset could not be read",
                )];
            };
            let offset = offset_at(text, error.line(), error.column());
            let found: String = offset
                .map(|o| text[o..].chars().take(20).collect())
                .unwrap_or_default();
            return vec![Problem {
                path: DocPath::root(),
                offset,
                message: format!(
                    "`{}` follows the end of the dataset; a JSON dataset is one object, \
                     with nothing after its closing `}}`",
                    found.trim_end()
                ),
            }];
        }
    };
    let path = DocPath::from_serde(e.path());
    let error = e.into_inner();
    let message = error.to_string();
    // serde_json ends its messages with the position, which the problem carries instead.
    let message = match message.rfind(" at line ") {
        Some(i) => in_user_terms(&message[..i]),
        None => in_user_terms(&message),
    };
    vec![Problem {
        path,
        offset: offset_at(text, error.line(), error.column()),
        message,
    }]
}

// The byte offset of a 1-based line and column (0 when serde_json gives no position).
fn offset_at(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    Some((line_start + column.saturating_sub(1)).min(text.len()))
}
