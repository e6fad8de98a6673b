//! The dataset: its model, how it is read and how it is checked.

mod error;
mod model;
mod raw;
mod validate;
mod when;

use std::path::Path;

pub use error::{DataError, LocatedProblem, Problem, line_column};
pub use model::*;
pub use validate::SCHEMA;
pub use when::{Precision, When, WhenError};

/// The dataset shipped inside the binary.
pub const EMBEDDED: &str = include_str!("../../data.toml");

/// The name under which errors in the embedded dataset are reported.
pub const EMBEDDED_NAME: &str = "data.toml (embedded)";

/// Loads and validates the dataset shipped inside the binary.
pub fn embedded() -> Result<Dataset, DataError> {
    parse(EMBEDDED, EMBEDDED_NAME)
}

/// Loads and validates the dataset in the file at `path`.
pub fn from_path(path: &Path) -> Result<Dataset, DataError> {
    let read_error = |source| DataError::Read {
        path: path.to_owned(),
        source,
    };
    let bytes = std::fs::read(path).map_err(read_error)?;
    let origin = path.display().to_string();
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(e) => {
            // The valid prefix is text, so the bad byte can be placed by line and column.
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_column(valid, valid.len());
            return Err(DataError::NotUtf8 {
                origin,
                line,
                column,
            });
        }
    };
    parse(text, &origin)
}

/// Parses and validates dataset `text`; `origin` names it in error messages.
pub fn parse(text: &str, origin: &str) -> Result<Dataset, DataError> {
    // Some editors on Windows start UTF-8 files with a byte order mark, which TOML forbids.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        let problem = Problem {
            span: None,
            message: "the dataset is empty; it needs at least `schema`, `[country]`, \
                      `[[sources]]` and `[[territories]]` (see docs/data.md)"
                .to_owned(),
        };
        return Err(DataError::invalid(origin, text, vec![problem]));
    }
    let raw: raw::RawDataset = toml::from_str(text).map_err(|e| {
        let problem = Problem {
            span: e.span(),
            message: e.message().trim_end().to_owned(),
        };
        DataError::invalid(origin, text, vec![problem])
    })?;
    validate::validate(raw).map_err(|problems| DataError::invalid(origin, text, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_dataset_loads_and_validates() {
        let ds = embedded().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ds.territories.len(), 9);
        assert_eq!(ds.country.area_km2.get(), 86_600);
    }
}
