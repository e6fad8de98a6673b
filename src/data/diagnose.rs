//! Finding every problem of a dataset that does not load, and placing each at its line and
//! column: syntax errors, records of the wrong shape, and the problems validation found.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::error::{DataError, DocPath, LineIndex, LocatedProblem, Problem, Segment};
use super::load::Syntax;
use super::raw::*;
use super::validate::{REQUIRED_SECTIONS, missing_section};

/// Places problems at lines and columns and orders them as they stand in the text.
pub(super) fn locate(
    origin: &str,
    text: &str,
    syntax: Syntax,
    problems: Vec<Problem>,
) -> DataError {
    DataError::Invalid(place(origin, text, syntax, problems))
}

/// The text values of a valid dataset that a spreadsheet would run as a formula, placed as
/// problems are: those that start with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's
/// list for CSV injection).
pub(super) fn formula_warnings(
    origin: &str,
    text: &str,
    syntax: Syntax,
    ds: &super::Dataset,
) -> Vec<LocatedProblem> {
    fn walk(value: &serde_json::Value, at: DocPath, found: &mut Vec<Problem>) {
        match value {
            serde_json::Value::String(s) => {
                if let Some(first) = s.chars().next().filter(|c| FORMULA_STARTS.contains(c)) {
                    found.push(Problem::at(
                        at,
                        format!(
                            "starts with {first:?}, which a spreadsheet opening a CSV file may run \
                             as a formula; CSV for spreadsheets (--bom) writes it after a ', and \
                             a workbook as text"
                        ),
                    ));
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, at.index(i), found);
                }
            }
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    walk(item, at.key(key), found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    if let Ok(tree) = serde_json::to_value(RawDataset::from(ds)) {
        walk(&tree, DocPath::root(), &mut found);
    }
    place(origin, text, syntax, found)
}

/// The first characters of a cell that a spreadsheet takes for a formula.
pub const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

// Problems placed at lines and columns, in the order they stand in the text.
fn place(origin: &str, text: &str, syntax: Syntax, problems: Vec<Problem>) -> Vec<LocatedProblem> {
    // The whole document as one value, so that a path is followed from it as from any value.
    let tree = match syntax {
        Syntax::Toml => {
            let root = DeTable::parse_recoverable(text).0;
            Some(Spanned::new(root.span(), DeValue::Table(root.into_inner())))
        }
        Syntax::Json => None,
    };
    let lines = LineIndex::new(text);
    let mut located: Vec<LocatedProblem> = problems
        .into_iter()
        .map(|p| {
            // The start of the deepest value on the path that the document has; none for the
            // whole document.
            let offset = p.offset.or_else(|| {
                let tree = tree.as_ref().filter(|_| !p.path.segments().is_empty())?;
                Some(value_at(tree, &p.path).span().start)
            });
            LocatedProblem {
                origin: origin.to_owned(),
                position: offset.map(|o| lines.line_column(o)),
                path: p.path,
                message: p.message,
            }
        })
        .collect();
    located.sort_by(|a, b| (a.position, &a.path).cmp(&(b.position, &b.path)));
    located
}

const SECTIONS: &str =
    "`schema`, `edition`, `country`, `sources`, `territories`, `figures` and `events`";

/// Finds every problem of a TOML dataset that does not deserialize: every syntax error, or
/// else every record of the wrong shape.
pub(super) fn diagnose_toml(text: &str) -> Vec<Problem> {
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
            "edition" => check::<RawEdition>(value, at, &mut problems),
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
    for required in REQUIRED_SECTIONS {
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
        let found = value_at(value, &inner).get_ref();
        let error = e.into_inner();
        let mut message = error.message().to_owned();
        match found {
            // serde sees a TOML date as a table; the user wrote a date.
            DeValue::Datetime(_) => {
                message = message.replace("invalid type: map", "invalid type: a date");
            }
            // The parser takes `0x`, or digits of another script, for an integer it cannot
            // read, and says it overflowed.
            DeValue::Integer(n) if message == "integer number overflowed" => {
                let radix = n.radix();
                let digits = n.as_str().trim_start_matches(['+', '-']);
                message = if !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)) {
                    "a whole number too large to hold".to_owned()
                } else {
                    "not a number: a whole number is written with the digits 0 to 9 (or 0x, 0o \
                     or 0b and digits after it)"
                        .to_owned()
                };
            }
            _ => {}
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
        (" as i128", ""),
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
pub(super) fn diagnose_json(text: &str) -> Vec<Problem> {
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
