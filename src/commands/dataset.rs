//! `karabakh data check` and `karabakh data export`: the dataset itself.

use crate::data::{self, DataError, Dataset, LISTED_PROBLEMS, LocatedProblem, Syntax, unlisted};
use crate::output::escape_for_terminal;

/// What `data check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    /// The dataset is valid: a line that says so, with what it holds, and what is worth a
    /// warning, one line each, escaped for a terminal.
    Valid {
        /// The line that says it is valid.
        summary: String,
        /// The warnings, for standard error.
        warnings: Vec<String>,
    },
    /// The dataset has problems: one line for each, placed in the file, and their count.
    Invalid {
        /// One line a problem, escaped for a terminal.
        problems: Vec<String>,
        /// How many problems there are, for standard error.
        summary: String,
    },
}

/// `data check` of the dataset named `origin`, as it loaded (with the warnings of its file):
/// the first 100 problems and how many more there are, or every problem if `all`. A file that
/// could not be read at all stays an error.
pub fn check(
    origin: &str,
    loaded: Result<(&Dataset, &[LocatedProblem]), DataError>,
    all: bool,
) -> Result<Checked, DataError> {
    match loaded {
        Ok((ds, warnings)) => Ok(Checked::Valid {
            summary: format!(
                "{origin}: ok: {} territories, {} figures, {} events, {} sources",
                ds.territories.len(),
                ds.figures.len(),
                ds.events.len(),
                ds.sources.len()
            ),
            warnings: (warnings.iter())
                .map(|w| escape_for_terminal(&w.to_string()))
                .collect(),
        }),
        Err(DataError::Invalid(problems)) => {
            let s = if problems.len() == 1 { "" } else { "s" };
            let shown = if all { problems.len() } else { LISTED_PROBLEMS };
            let mut lines: Vec<String> = (problems.iter().take(shown))
                .map(|p| escape_for_terminal(&p.to_string()))
                .collect();
            lines.extend(unlisted(problems.len()).filter(|_| !all));
            Ok(Checked::Invalid {
                summary: format!("{origin}: {} problem{s}", problems.len()),
                problems: lines,
            })
        }
        Err(e) => Err(e),
    }
}

/// `data export`: the dataset as a file of `syntax` that loads back into the same dataset.
pub fn export(ds: &Dataset, syntax: Syntax) -> anyhow::Result<String> {
    use anyhow::Context;
    Ok(match syntax {
        Syntax::Toml => data::to_toml(ds).context("cannot write the dataset as TOML")?,
        Syntax::Json => data::to_json(ds).context("cannot write the dataset as JSON")?,
    })
}

/// `data export --format sql`: the dataset as a SQL script of related tables, headed by the
/// edition it is and its licence.
pub fn sql(ds: &Dataset) -> anyhow::Result<String> {
    let identity = crate::query::Identity::of(ds);
    let mut heading = vec![format!("{}; SHA-256 {}", identity.title(), identity.sha256)];
    if identity.edition.is_some() {
        heading.push(format!(
            "{} Licence: {} <{}>",
            crate::query::LICENCE_SCOPE,
            crate::query::LICENCE.short,
            crate::query::LICENCE.url
        ));
    }
    let mut out = Vec::new();
    crate::output::sql::write(&heading, &crate::query::tables(ds), &mut out)?;
    Ok(String::from_utf8(out)?)
}
