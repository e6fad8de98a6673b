//! Errors of loading a dataset, located by line and column.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

/// One thing wrong with a dataset, with the byte range it concerns when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the text, as a byte range.
    pub span: Option<Range<usize>>,
    /// What is wrong and what to do, in the user's terms.
    pub message: String,
}

impl Problem {
    /// A problem at `span`.
    pub fn at(span: Range<usize>, message: impl Into<String>) -> Self {
        Problem {
            span: Some(span),
            message: message.into(),
        }
    }
}

/// A problem placed at a line and column of a named file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedProblem {
    /// The file's name as the user gave it.
    pub origin: String,
    /// 1-based line and column (in characters), when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LocatedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.origin, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
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
    /// The file is not UTF-8 text.
    #[error(
        "{origin}:{line}:{column}: the dataset is not UTF-8 text; save it as UTF-8 \
         (a dataset is a TOML file)"
    )]
    NotUtf8 {
        /// The file.
        origin: String,
        /// Where the first invalid byte is.
        line: usize,
        /// Where the first invalid byte is.
        column: usize,
    },
    /// The text is not a valid dataset.
    #[error("{}", list_problems(.0))]
    Invalid(Vec<LocatedProblem>),
}

impl DataError {
    /// Places `problems` found in `text` at their lines and columns.
    pub fn invalid(origin: &str, text: &str, problems: Vec<Problem>) -> Self {
        DataError::Invalid(
            problems
                .into_iter()
                .map(|p| LocatedProblem {
                    origin: origin.to_owned(),
                    position: p.span.map(|s| line_column(text, s.start)),
                    message: p.message,
                })
                .collect(),
        )
    }
}

fn list_problems(problems: &[LocatedProblem]) -> String {
    match problems {
        [one] => one.to_string(),
        many => {
            let origin = many.first().map_or("the dataset", |p| p.origin.as_str());
            let mut s = format!("{origin} has {} problems:", many.len());
            for p in many {
                s.push_str("\n  ");
                s.push_str(&p.to_string());
            }
            s
        }
    }
}

/// The 1-based line and column (counted in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
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
    fn several_problems_are_listed_one_per_line() {
        let err = DataError::invalid(
            "d.toml",
            "x\ny",
            vec![Problem::at(0..1, "first"), Problem::at(2..3, "second")],
        );
        assert_eq!(
            err.to_string(),
            "d.toml has 2 problems:\n  d.toml:1:1: first\n  d.toml:2:1: second"
        );
    }
}
