//! What identifies a dataset, so that a figure quoted from it can be found again: its edition,
//! its content hash and the licence it is published under.

use crate::data::{Dataset, Edition, to_json};

/// Who compiles the dataset, as a citation names its author.
pub const COMPILER: &str = "The karabakh project";

/// The licence of an edition of the dataset: its compilation, labels and notes.
pub const LICENCE: Licence = Licence {
    id: "CC-BY-4.0",
    name: "Creative Commons Attribution 4.0 International",
    short: "CC BY 4.0",
    url: "https://creativecommons.org/licenses/by/4.0/",
};

/// A licence, as SPDX, people and the web name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Licence {
    /// The SPDX identifier.
    pub id: &'static str,
    /// The full name.
    pub name: &'static str,
    /// The name people write.
    pub short: &'static str,
    /// Where its text is.
    pub url: &'static str,
}

/// What the licence covers and what it does not, in a sentence.
pub const LICENCE_SCOPE: &str = "The dataset (its compilation of figures, dates and areas, and \
     its labels and notes) is licensed under CC BY 4.0; the sources' own texts are not copied, \
     only the figures they state, each with its reference.";

/// The content hash of a dataset: the SHA-256, in hexadecimal, of the JSON `to_json` writes
/// (what `karabakh data export --format json` prints), so that the comments, layout and format
/// of the file it was read from do not change it.
pub fn sha256(ds: &Dataset) -> String {
    use sha2::Digest;
    let json = to_json(ds).unwrap_or_default();
    let digest = sha2::Sha256::digest(json.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A dataset's edition, where it names one, and its content hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The edition, where the dataset names one.
    pub edition: Option<Edition>,
    /// The SHA-256 of the dataset's canonical JSON, in hexadecimal.
    pub sha256: String,
}

impl Identity {
    /// The identity of `ds`.
    pub fn of(ds: &Dataset) -> Identity {
        Identity {
            edition: ds.edition.clone(),
            sha256: sha256(ds),
        }
    }

    /// The edition and the start of the hash, for a line that names the dataset:
    /// "edition 2026-12 of 2026-12-03, SHA-256 85245c1b5bff…".
    pub fn short(&self) -> String {
        let hash = format!("SHA-256 {}…", &self.sha256[..12]);
        match &self.edition {
            Some(e) => format!("edition {} of {}, {hash}", e.id, e.released),
            None => hash,
        }
    }

    /// The dataset's title: "The karabakh dataset, edition 2026-12", or, for a file without an
    /// edition, which need not be the project's, "A dataset read by karabakh".
    pub fn title(&self) -> String {
        match &self.edition {
            Some(e) => format!("The karabakh dataset, edition {}", e.id),
            None => "A dataset read by karabakh".to_owned(),
        }
    }

    /// How the dataset is cited, where it names an edition: only an edition is a thing that
    /// can be cited and found again.
    pub fn citation(&self) -> Option<DatasetCitation> {
        let edition = self.edition.clone()?;
        Some(DatasetCitation {
            id: format!("karabakh-dataset-{}", edition.id),
            title: self.title(),
            edition,
            sha256: self.sha256.clone(),
        })
    }
}

/// The dataset as a work cited beside the sources of a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetCitation {
    /// The key a bibliography files it under.
    pub id: String,
    /// Its title, with its edition.
    pub title: String,
    /// The edition.
    pub edition: Edition,
    /// The SHA-256 of its canonical JSON.
    pub sha256: String,
}

impl DatasetCitation {
    /// The citation in one line for people: title, compiler, date, hash and licence.
    pub fn reference(&self) -> String {
        format!(
            "{}, {COMPILER}, {}, SHA-256 {}, {}",
            self.title, self.edition.released, self.sha256, LICENCE.short
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Syntax, embedded, parse, to_toml};

    #[test]
    fn the_short_identity_names_the_edition_and_the_start_of_the_hash() {
        let ds = crate::data::embedded().unwrap();
        let identity = Identity::of(&ds);
        let edition = ds.edition.clone().unwrap();
        assert_eq!(
            identity.short(),
            format!(
                "edition {} of {}, SHA-256 {}…",
                edition.id,
                edition.released,
                &sha256(&ds)[..12]
            )
        );
        let cited = identity.citation().unwrap();
        assert_eq!(
            cited.title,
            format!("The karabakh dataset, edition {}", edition.id)
        );
        assert_eq!(cited.sha256.len(), 64);
    }

    #[test]
    fn a_dataset_without_an_edition_is_named_by_its_hash_and_not_cited() {
        let mut ds = crate::data::embedded().unwrap();
        ds.edition = None;
        let identity = Identity::of(&ds);
        assert_eq!(identity.short(), format!("SHA-256 {}…", &sha256(&ds)[..12]));
        assert_eq!(identity.citation(), None);
    }

    #[test]
    fn the_content_hash_is_the_same_whatever_the_format_comments_or_layout() {
        let ds = embedded().unwrap();
        let hash = sha256(&ds);
        assert_eq!(hash.len(), 64);
        let toml = format!("# a comment\n\n{}", to_toml(&ds).unwrap());
        let from_toml = parse(&toml, "test.toml", Syntax::Toml).unwrap();
        assert_eq!(sha256(&from_toml), hash);
        let json = to_json(&ds).unwrap().replace("\n  ", "\n    ");
        let from_json = parse(&json, "test.json", Syntax::Json).unwrap();
        assert_eq!(sha256(&from_json), hash);
        // A value changed changes it.
        let mut changed = ds.clone();
        changed.territories[0].name.push('x');
        assert_ne!(sha256(&changed), hash);
    }
}
