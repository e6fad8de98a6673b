//! The dataset: its model, how it is read and written, and how it is checked.

mod date;
mod diagnose;
mod error;
mod export;
mod load;
mod model;
mod raw;
mod validate;

pub use date::{Precision, When, WhenError};
pub use diagnose::FORMULA_STARTS;
pub use error::{DataError, DocPath, LISTED_PROBLEMS, LocatedProblem, Problem, Segment, unlisted};
pub use export::{to_json, to_toml};
pub use load::{DataFile, Syntax, parse};
pub use model::*;
pub use validate::SCHEMA;

/// `data.toml` as `build.rs` converted it to JSON when the program was built.
static EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/data.json"));

/// The name under which the built-in dataset is reported.
pub const EMBEDDED_NAME: &str = "data.toml (embedded)";

/// The dataset built into the program: `data.toml`, read and checked as any dataset is.
pub fn embedded() -> Result<Dataset, DataError> {
    parse(EMBEDDED_JSON, EMBEDDED_NAME, Syntax::Json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_toml_is_a_valid_dataset_and_is_the_embedded_one() {
        let text = include_str!("../../data.toml");
        // A mistake in data.toml fails here with the message `karabakh data check` gives.
        let ds = parse(text, "data.toml", Syntax::Toml).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ds, embedded().unwrap_or_else(|e| panic!("{e}")));
    }

    #[test]
    fn the_embedded_dataset_loads_and_validates() {
        let ds = embedded().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ds.territories.len(), 9);
        assert_eq!(ds.country.area_km2.get(), 86_600);
    }

    #[test]
    fn exporting_and_loading_again_gives_the_same_dataset() {
        let ds = embedded().unwrap();
        let toml = to_toml(&ds).unwrap();
        assert_eq!(
            parse(&toml, "export.toml", Syntax::Toml).unwrap_or_else(|e| panic!("{e}")),
            ds
        );
        let json = to_json(&ds).unwrap();
        assert_eq!(
            parse(&json, "export.json", Syntax::Json).unwrap_or_else(|e| panic!("{e}")),
            ds
        );
    }
}
