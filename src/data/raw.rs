//! The dataset as written: serde structs that mirror the TOML, with the positions of the
//! values that validation may need to point at.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::model::Kind;
use super::when::When;

/// The whole dataset file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    pub schema: Spanned<i64>,
    pub country: RawCountry,
    pub sources: Vec<RawSource>,
    pub territories: Vec<RawTerritory>,
    #[serde(default)]
    pub figures: Vec<RawFigure>,
    #[serde(default)]
    pub events: Vec<RawEvent>,
}

/// `[country]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountry {
    pub name: String,
    pub area_km2: Spanned<i64>,
    pub source: Spanned<Ids>,
    pub occupied_share: Option<Spanned<String>>,
}

/// One `[[sources]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<When>,
}

/// One `[[territories]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerritory {
    pub id: Spanned<String>,
    pub name: String,
    pub name_az: Option<String>,
    pub kind: Kind,
    pub occupied: Spanned<When>,
    pub area_km2: Spanned<i64>,
    pub source: Spanned<Ids>,
    #[serde(default)]
    pub aliases: Vec<Spanned<NameOr<RawAlias>>>,
    pub within: Option<Spanned<NameOr<RawWithin>>>,
    pub partial: Option<RawNote>,
    pub restored: Option<Spanned<RawRestored>>,
    #[serde(default)]
    pub alternatives: Vec<RawAreaAlternative>,
}

/// An alias: a bare name or `{ name, note, source }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlias {
    pub name: String,
    pub note: Option<String>,
    pub source: Option<Spanned<Ids>>,
}

impl From<String> for RawAlias {
    fn from(name: String) -> Self {
        RawAlias {
            name,
            note: None,
            source: None,
        }
    }
}

impl NameOrTable for RawAlias {
    const EXPECTING: &'static str =
        "a name, or a table with `name` and optional `note` and `source`";
}

/// `within`: a territory id or `{ territory, note, source }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWithin {
    pub territory: String,
    pub note: Option<String>,
    pub source: Option<Spanned<Ids>>,
}

impl From<String> for RawWithin {
    fn from(territory: String) -> Self {
        RawWithin {
            territory,
            note: None,
            source: None,
        }
    }
}

impl NameOrTable for RawWithin {
    const EXPECTING: &'static str =
        "a territory id, or a table with `territory` and optional `note` and `source`";
}

/// A sourced note, such as `partial`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub note: String,
    pub source: Spanned<Ids>,
}

/// `restored`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRestored {
    pub date: When,
    pub note: Option<String>,
    pub source: Spanned<Ids>,
}

/// One of a territory's `alternatives`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAreaAlternative {
    pub area_km2: Spanned<i64>,
    pub note: Option<String>,
    pub source: Spanned<Ids>,
}

/// One `[[figures]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: Spanned<String>,
    pub label: String,
    pub unit: String,
    pub observations: Spanned<Vec<RawObservation>>,
}

/// One `[[figures.observations]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    pub as_of: Option<When>,
    pub value: Spanned<u64>,
    #[serde(default)]
    pub parts: Vec<RawPart>,
    pub note: Option<String>,
    pub source: Spanned<Ids>,
    #[serde(default)]
    pub alternatives: Vec<RawObservationAlternative>,
}

/// One part of an observation's breakdown.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    pub id: Spanned<String>,
    pub label: Option<String>,
    pub value: Spanned<u64>,
    pub of: Option<Spanned<String>>,
}

/// One of an observation's `alternatives`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObservationAlternative {
    pub value: Option<u64>,
    pub as_of: Option<When>,
    pub note: Option<String>,
    pub source: Spanned<Ids>,
}

/// One `[[events]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub date: When,
    pub label: String,
    pub note: Option<String>,
    pub source: Spanned<Ids>,
    #[serde(default)]
    pub territories: Vec<Spanned<String>>,
}

/// One id or a list of ids, such as `source = "a"` or `source = ["a", "b"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids(pub Vec<String>);

impl<'de> Deserialize<'de> for Ids {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdsVisitor;
        impl<'de> Visitor<'de> for IdsVisitor {
            type Value = Ids;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source id or a list of source ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Ids, E> {
                Ok(Ids(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ids, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Ids(ids))
            }
        }
        deserializer.deserialize_any(IdsVisitor)
    }
}

/// A value written either as a bare name or as a table.
pub trait NameOrTable: From<String> {
    /// What the value should look like, for error messages.
    const EXPECTING: &'static str;
}

/// Deserializes a [`NameOrTable`] type from either of its forms.
#[derive(Debug)]
pub struct NameOr<T>(pub T);

impl<'de, T: NameOrTable + Deserialize<'de>> Deserialize<'de> for NameOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameOrVisitor<T>(PhantomData<T>);
        impl<'de, T: NameOrTable + Deserialize<'de>> Visitor<'de> for NameOrVisitor<T> {
            type Value = NameOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(T::EXPECTING)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(NameOr(T::from(v.to_owned())))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(NameOr)
            }
        }
        deserializer.deserialize_any(NameOrVisitor(PhantomData))
    }
}
