//! The dataset: its model, how it is read and written, and how it is checked.

mod binary;
mod error;
mod export;
mod load;
mod model;
mod raw;
mod text;
mod validate;
mod when;

pub use binary::{DecodeError, decode, encode};
pub use error::{DataError, DocPath, LocatedProblem, Problem, Segment, line_column};
pub use export::{to_json, to_toml};
pub use load::{DataFile, Syntax, parse};
pub use model::*;
pub use text::Text;
pub use validate::SCHEMA;
pub use when::{Precision, When, WhenError};

/// `data.toml` as `build.rs` validated and encoded it when the program was built.
static ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data.bin"));

/// The name under which the built-in dataset is reported.
pub const EMBEDDED_NAME: &str = "data.toml (embedded)";

/// The dataset built into the program: `data.toml`, validated when the program was built and
/// decoded here from its compact encoding.
pub fn embedded() -> Result<Dataset<'static>, DataError> {
    binary::decode(ENCODED).map_err(|e| {
        DataError::Invalid(vec![LocatedProblem {
            origin: EMBEDDED_NAME.to_owned(),
            position: None,
            path: DocPath::root(),
            message: e.to_string(),
        }])
    })
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
