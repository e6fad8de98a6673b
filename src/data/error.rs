//! Errors of loading a dataset: each problem has a path in the document and, where the
//! format allows, a line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use super::load::Syntax;

/// A place in a dataset document, such as `territories[3].area_km2`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocPath(Vec<Segment>);

/// One step of a [`DocPath`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Segment {
    /// A key of a table.
    Key(String),
    /// A position in an array, from 0.
    Index(usize),
}

impl DocPath {
    /// The path of the whole document.
    pub fn root() -> Self {
        DocPath(Vec::new())
    }

    /// This path followed by table key `key`.
    pub fn key(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Key(key.to_owned()));
        p
    }

    /// This path followed by array position `index`.
    pub fn index(&self, index: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Segment::Index(index));
        p
    }

    /// The steps, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Parses the path notation of `serde_path_to_error` (`territories[3].area_km2`).
    pub fn from_serde(path: &serde_path_to_error::Path) -> Self {
        let mut p = DocPath::root();
        for segment in path.iter() {
            p = match segment {
                serde_path_to_error::Segment::Seq { index } => p.index(*index),
                // toml passes dates through a private key of its own; it is no place of the user's.
                serde_path_to_error::Segment::Map { key } if key.starts_with("$__") => p,
                serde_path_to_error::Segment::Map { key } => p.key(key),
                serde_path_to_error::Segment::Enum { variant } => p.key(variant),
                serde_path_to_error::Segment::Unknown => p,
            };
        }
        p
    }

    /// This path followed by every step of `tail`.
    pub fn join(&self, tail: &DocPath) -> Self {
        let mut p = self.clone();
        p.0.extend(tail.0.iter().cloned());
        p
    }
}

impl fmt::Display for DocPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// One thing wrong with a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document.
    pub path: DocPath,
    /// Where in the text as a byte offset, when the parser said so.
    pub offset: Option<usize>,
    /// What is wrong and what to do, in the user's terms.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn at(path: DocPath, message: impl Into<String>) -> Self {
        Problem {
            path,
            offset: None,
            message: message.into(),
        }
    }
}

/// A problem placed in a named file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedProblem {
    /// The file's name as the user gave it.
    pub origin: String,
    /// 1-based line and column (in characters), when known.
    pub position: Option<(usize, usize)>,
    /// Where in the document.
    pub path: DocPath,
    /// What is wrong.
    pub message: String,
}

// A problem quotes the dataset (its keys and values) and is one line: what it quotes is
// escaped, so that it can neither act on a terminal nor start a line of its own.
impl fmt::Display for LocatedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::escape::escape_for_terminal;
        write!(f, "{}", escape_for_terminal(&self.origin))?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if !self.path.segments().is_empty() {
            write!(f, ": {}", escape_for_terminal(&self.path.to_string()))?;
        }
        write!(f, ": {}", escape_for_terminal(&self.message))
    }
}

/// Why a dataset could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be read.
    #[error("cannot read the dataset {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than a dataset is allowed to be.
    #[error("{}", too_large(path, *max_bytes, *syntax))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The most it may hold.
        max_bytes: u64,
        /// The syntax it would be read as, whose reading needs its own multiple of the file.
        syntax: Syntax,
    },
    /// The text is not a valid dataset.
    #[error("{}", list_problems(.0))]
    Invalid(Vec<LocatedProblem>),
}

fn too_large(path: &Path, max_bytes: u64, syntax: Syntax) -> String {
    let (path, mb) = (path.display(), max_bytes / 1_000_000);
    match syntax {
        Syntax::Toml => format!(
            "{path} holds more than {mb} MB, more than a TOML dataset may be: a TOML dataset \
             takes up to some 45 times the file's size in memory. JSON is the format for large \
             datasets, read several times faster; convert it once with \
             `KARABAKH_MAX_DATA_MB=N karabakh --data {path} data export --format json > \
             data.json`, N the file's size in MB"
        ),
        Syntax::Json => format!(
            "{path} holds more than {mb} MB, more than a dataset may be: a JSON dataset takes up \
             to some 35 times the file's size in memory; if it really is a dataset and there is \
             the memory, allow more with KARABAKH_MAX_DATA_MB=N, N in MB"
        ),
    }
}

/// At most this many problems are listed; the rest are counted.
pub const LISTED_PROBLEMS: usize = 100;

fn list_problems(problems: &[LocatedProblem]) -> String {
    match problems {
        [one] => one.to_string(),
        many => {
            let origin = many.first().map_or("the dataset", |p| p.origin.as_str());
            let mut s = format!("{origin} has {} problems:", many.len());
            for p in many.iter().take(LISTED_PROBLEMS) {
                s.push_str("\n  ");
                s.push_str(&p.to_string());
            }
            if let Some(more) = unlisted(many.len()) {
                s.push_str("\n  ");
                s.push_str(&more);
            }
            s
        }
    }
}

/// The line that stands for the problems past the first [`LISTED_PROBLEMS`] of `count`.
pub fn unlisted(count: usize) -> Option<String> {
    (count > LISTED_PROBLEMS).then(|| {
        format!(
            "... and {} more problems ({count} in all); `karabakh data check --all` lists every one",
            count - LISTED_PROBLEMS
        )
    })
}

/// The 1-based line and column (counted in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_column(offset)
}

/// Where the lines of a text start, found in one pass, so that placing many problems in a
/// large file costs a search each rather than a pass over the text each.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    // The byte offset at which each line starts; the first is 0.
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// The lines of `text`.
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 1-based line and column (counted in characters) of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The last line that starts at or before the offset.
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_from_one() {
        let text = "a = 1\nkəlbəcər = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        let eq = text.find('=').unwrap();
        assert_eq!(line_column(text, eq), (1, 3));
        let second_eq = text.rfind('=').unwrap();
        assert_eq!(line_column(text, second_eq), (2, 10));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn a_path_reads_as_keys_and_indices() {
        let p = DocPath::root().key("territories").index(3).key("area_km2");
        assert_eq!(p.to_string(), "territories[3].area_km2");
    }

    #[test]
    fn several_problems_are_listed_one_per_line() {
        let problem = |line, message: &str| LocatedProblem {
            origin: "d.toml".into(),
            position: Some((line, 1)),
            path: DocPath::root().key("schema"),
            message: message.into(),
        };
        let err = DataError::Invalid(vec![problem(1, "first"), problem(2, "second")]);
        assert_eq!(
            err.to_string(),
            "d.toml has 2 problems:\n  d.toml:1:1: schema: first\n  d.toml:2:1: schema: second"
        );
    }
}
