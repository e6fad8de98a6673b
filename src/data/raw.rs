//! The dataset as written: serde structs that mirror the file, in TOML or JSON alike.
//!
//! They hold no positions: validation reports a problem by its path in the document
//! (`territories[3].area_km2`), and the loader turns the path into a line and column.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::date::When;
use super::model::{Kind, Scope};

/// The whole dataset file.
///
/// Every section is optional here, so that validation can report every missing one with the
/// other problems; it requires `schema`, `country`, `sources` and `territories`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<RawEdition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<RawCountry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<RawSource>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub territories: Option<Vec<RawTerritory>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<Vec<RawFigure>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<RawEvent>>,
}

/// `[edition]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEdition {
    pub id: String,
    pub released: When,
}

/// `[country]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountry {
    pub name: String,
    pub area_km2: i64,
    pub source: Ids,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occupied_share: Option<String>,
}

/// One `[[sources]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher_source: Option<Ids>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// One `[[territories]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerritory {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_az: Option<NameOr<RawAlias>>,
    pub kind: Kind,
    pub occupied: When,
    pub area_km2: i64,
    pub source: Ids,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<NameOr<RawAlias>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<NameOr<RawWithin>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<RawNote>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restored: Option<RawRestored>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<RawAreaAlternative>,
}

/// An alias: a bare name or `{ name, note, source }`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlias {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Ids>,
}

impl NameOrTable for RawAlias {
    fn from_name(name: String) -> Self {
        RawAlias {
            name,
            note: None,
            source: None,
        }
    }

    const EXPECTING: &'static str =
        "a name, or a table with `name` and optional `note` and `source`";
}

/// `within`: a territory id or `{ territory, note, source }`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawWithin {
    pub territory: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Ids>,
}

impl NameOrTable for RawWithin {
    fn from_name(territory: String) -> Self {
        RawWithin {
            territory,
            note: None,
            source: None,
        }
    }

    const EXPECTING: &'static str =
        "a territory id, or a table with `territory` and optional `note` and `source`";
}

/// A sourced note, such as `partial`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub note: String,
    pub source: Ids,
}

/// `restored`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRestored {
    pub date: When,
    #[serde(default, skip_serializing_if = "Scope::is_whole")]
    pub scope: Scope,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Ids,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later: Vec<RawStage>,
}

/// One of the `later` stages of a restoration.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawStage {
    pub date: When,
    pub covers: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Ids,
}

/// One of a territory's `alternatives`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAreaAlternative {
    pub area_km2: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Ids,
}

/// One `[[figures]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: String,
    pub label: String,
    pub unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub observations: Vec<RawObservation>,
}

/// One `[[figures.observations]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawObservation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<When>,
    pub value: u64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<RawPart>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Ids,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<RawObservationAlternative>,
}

/// One part of an observation's breakdown.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub value: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// One of an observation's `alternatives`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawObservationAlternative {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Ids,
}

/// One `[[events]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub date: When,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Ids,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub territories: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
}

/// One id or a list of ids, such as `source = "a"` or `source = ["a", "b"]`; written back as
/// it was, one id bare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids(pub Vec<String>);

impl Serialize for Ids {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => one.serialize(serializer),
            many => many.serialize(serializer),
        }
    }
}

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
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Ids, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Ids)
            }
        }
        deserializer.deserialize_any(IdsVisitor)
    }
}

/// A value written either as a bare name or as a table.
pub trait NameOrTable {
    /// What the value should look like, for error messages.
    const EXPECTING: &'static str;

    /// The value written as a bare name.
    fn from_name(name: String) -> Self;
}

/// Deserializes a [`NameOrTable`] type from either of its forms; serializes the table form.
#[derive(Debug, Clone, PartialEq)]
pub struct NameOr<T>(pub T);

impl<T: Serialize> Serialize for NameOr<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: NameOrTable + Deserialize<'de>> Deserialize<'de> for NameOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameOrVisitor<T>(PhantomData<T>);
        impl<'de, T: NameOrTable + Deserialize<'de>> Visitor<'de> for NameOrVisitor<T> {
            type Value = NameOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(T::EXPECTING)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(NameOr(T::from_name(v.to_owned())))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(NameOr)
            }
        }
        deserializer.deserialize_any(NameOrVisitor(PhantomData))
    }
}
