//! The dataset as written: serde structs that mirror the file, in TOML or JSON alike.
//!
//! They hold no positions: validation reports a problem by its path in the document
//! (`territories[3].area_km2`), and the loader turns the path into a line and column.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::model::{Kind, Scope};
use super::text::Text;
use super::when::When;

/// The whole dataset file, or a piece of a TOML file read in pieces.
///
/// Every section is optional here, so that a piece can lack any of them; validation requires
/// `schema`, `country`, `sources` and `territories` of the whole.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<i64>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub country: Option<RawCountry<'a>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<RawSource<'a>>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub territories: Option<Vec<RawTerritory<'a>>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub figures: Option<Vec<RawFigure<'a>>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<RawEvent<'a>>>,
}

/// `[country]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountry<'a> {
    #[serde(borrow)]
    pub name: Text<'a>,
    pub area_km2: i64,
    #[serde(borrow)]
    pub source: Ids<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub occupied_share: Option<Text<'a>>,
}

/// One `[[sources]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub title: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub publisher: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub url: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
}

/// One `[[territories]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerritory<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    // Boxed, as `within` is: a record of a large dataset is 48 bytes smaller without it.
    pub name_az: Option<Box<NameOr<RawAlias<'a>>>>,
    pub kind: Kind,
    pub occupied: When,
    pub area_km2: i64,
    #[serde(borrow)]
    pub source: Ids<'a>,
    // Lists as boxed slices, 8 bytes smaller than a `Vec` each, in a record of which a large
    // dataset holds many.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    #[serde(borrow)]
    pub aliases: Box<[NameOr<RawAlias<'a>>]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    // `within` and `partial` are boxed: most records lack them, and a smaller record means less
    // memory for a dataset of many. `restored` is not: most territories were restored, and a
    // box for each would cost more than the room it saves where there is none.
    #[serde(borrow)]
    pub within: Option<Box<NameOr<RawWithin<'a>>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub partial: Option<Box<RawNote<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub restored: Option<RawRestored<'a>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    #[serde(borrow)]
    pub alternatives: Box<[RawAreaAlternative<'a>]>,
}

/// An alias: a bare name or `{ name, note, source }`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlias<'a> {
    #[serde(borrow)]
    pub name: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub note: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub source: Option<Ids<'a>>,
}

impl<'de: 'a, 'a> NameOrTable<'de> for RawAlias<'a> {
    fn from_name(name: Text<'de>) -> Self {
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
pub struct RawWithin<'a> {
    #[serde(borrow)]
    pub territory: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub note: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub source: Option<Ids<'a>>,
}

impl<'de: 'a, 'a> NameOrTable<'de> for RawWithin<'a> {
    fn from_name(territory: Text<'de>) -> Self {
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
pub struct RawNote<'a> {
    #[serde(borrow)]
    pub note: Text<'a>,
    #[serde(borrow)]
    pub source: Ids<'a>,
}

/// `restored`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRestored<'a> {
    pub date: When,
    #[serde(default, skip_serializing_if = "Scope::is_whole")]
    pub scope: Scope,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub note: Option<Text<'a>>,
    #[serde(borrow)]
    pub source: Ids<'a>,
}

/// One of a territory's `alternatives`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAreaAlternative<'a> {
    pub area_km2: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub note: Option<Text<'a>>,
    #[serde(borrow)]
    pub source: Ids<'a>,
}

/// One `[[figures]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(borrow)]
    pub label: Text<'a>,
    #[serde(borrow)]
    pub unit: Text<'a>,
    #[serde(borrow)]
    pub observations: Vec<RawObservation<'a>>,
}

/// One `[[figures.observations]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawObservation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<When>,
    pub value: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub parts: Vec<RawPart<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub note: Option<Text<'a>>,
    #[serde(borrow)]
    pub source: Ids<'a>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub alternatives: Vec<RawObservationAlternative<'a>>,
}

/// One part of an observation's breakdown.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart<'a> {
    #[serde(borrow)]
    pub id: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub label: Option<Text<'a>>,
    pub value: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub of: Option<Text<'a>>,
}

/// One of an observation's `alternatives`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawObservationAlternative<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub note: Option<Text<'a>>,
    #[serde(borrow)]
    pub source: Ids<'a>,
}

/// One `[[events]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent<'a> {
    pub date: When,
    #[serde(borrow)]
    pub label: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(borrow)]
    pub note: Option<Text<'a>>,
    #[serde(borrow)]
    pub source: Ids<'a>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(borrow)]
    pub territories: Vec<Text<'a>>,
}

/// One id or a list of ids, such as `source = "a"` or `source = ["a", "b"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ids<'a> {
    // Most records cite one source; it needs no list of its own.
    One(Text<'a>),
    // Boxed, 8 bytes smaller than a `Vec`: a list of ids is never added to.
    Many(Box<[Text<'a>]>),
}

impl<'a> Ids<'a> {
    /// The ids, in order.
    pub fn as_slice(&self) -> &[Text<'a>] {
        match self {
            Ids::One(one) => std::slice::from_ref(one),
            Ids::Many(many) => many,
        }
    }
}

impl<'a> From<Vec<Text<'a>>> for Ids<'a> {
    fn from(mut ids: Vec<Text<'a>>) -> Self {
        match ids.len() {
            1 => Ids::One(ids.remove(0)),
            _ => Ids::Many(ids.into_boxed_slice()),
        }
    }
}

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.as_slice() {
            [one] => one.serialize(serializer),
            many => many.serialize(serializer),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Ids<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdsVisitor;
        impl<'de> Visitor<'de> for IdsVisitor {
            type Value = Ids<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source id or a list of source ids")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Ids<'de>, E> {
                Ok(Ids::One(Text::borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Ids<'de>, E> {
                Ok(Ids::One(Text::from(v.to_owned())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ids<'de>, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<Text<'de>>()? {
                    ids.push(id);
                }
                Ok(Ids::Many(ids.into_boxed_slice()))
            }
        }
        deserializer.deserialize_any(IdsVisitor)
    }
}

/// A value written either as a bare name or as a table.
pub trait NameOrTable<'de> {
    /// What the value should look like, for error messages.
    const EXPECTING: &'static str;

    /// The value written as a bare name.
    fn from_name(name: Text<'de>) -> Self;
}

/// Deserializes a [`NameOrTable`] type from either of its forms; serializes the table form.
#[derive(Debug, Clone, PartialEq)]
pub struct NameOr<T>(pub T);

impl<T: Serialize> Serialize for NameOr<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: NameOrTable<'de> + Deserialize<'de>> Deserialize<'de> for NameOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameOrVisitor<T>(PhantomData<T>);
        impl<'de, T: NameOrTable<'de> + Deserialize<'de>> Visitor<'de> for NameOrVisitor<T> {
            type Value = NameOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(T::EXPECTING)
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(NameOr(T::from_name(Text::borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(NameOr(T::from_name(Text::from(v.to_owned()))))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(NameOr)
            }
        }
        deserializer.deserialize_any(NameOrVisitor(PhantomData))
    }
}
