//! Writing a dataset back out, in the schema it was read in.

use super::date::When;
use super::model::*;
use super::raw::*;

/// The dataset as TOML that `karabakh --data` reads back into an identical dataset.
pub fn to_toml(ds: &Dataset) -> Result<String, toml::ser::Error> {
    toml::to_string(&RawDataset::from(ds))
}

/// The content hash of a dataset: the SHA-256, in hexadecimal, of the JSON `to_json` writes
/// (what `karabakh data export --format json` prints), so that the comments, layout and format
/// of the file it was read from do not change it.
pub fn sha256(ds: &Dataset) -> String {
    use sha2::Digest;
    let json = to_json(ds).unwrap_or_default();
    let digest = sha2::Sha256::digest(json.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The dataset as JSON (read by `--data FILE.json`) that loads back into an identical dataset.
pub fn to_json(ds: &Dataset) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&RawDataset::from(ds)).map(|mut s| {
        s.push('\n');
        s
    })
}

impl<'a> From<&'a Dataset> for RawDataset {
    fn from(ds: &'a Dataset) -> Self {
        let ids = |cited: &Cited| {
            Ids((ds.source_ids(cited).into_iter())
                .map(str::to_owned)
                .collect())
        };
        let territory_id = |r: TerritoryRef| ds.territory(r).id.clone();
        let alias = |a: &'a Alias| -> NameOr<RawAlias> {
            NameOr(RawAlias {
                name: a.name.clone(),
                note: a.note.clone(),
                source: a.source.as_ref().map(ids),
            })
        };
        RawDataset {
            schema: Some(i64::from(ds.schema)),
            edition: ds.edition.as_ref().map(|e| RawEdition {
                id: e.id.clone(),
                released: When::day(e.released),
            }),
            country: Some(RawCountry {
                name: ds.country.name.clone(),
                area_km2: ds.country.area_km2.get() as i64,
                source: ids(&ds.country.source),
                occupied_share: ds.country.occupied_share.map(|f| ds.figure(f).id.clone()),
            }),
            sources: Some(
                ds.sources
                    .iter()
                    .map(|s| RawSource {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        publisher: s.publisher.clone(),
                        publisher_source: s.publisher_source.as_ref().map(ids),
                        url: s.url.clone(),
                        date: s.date,
                        accessed: s.accessed,
                        language: s.language.clone(),
                    })
                    .collect(),
            ),
            territories: Some(
                ds.territories
                    .iter()
                    .map(|t| RawTerritory {
                        id: t.id.clone(),
                        name: t.name.clone(),
                        name_az: t.name_az.as_ref().map(alias),
                        kind: t.kind,
                        occupied: t.occupied,
                        area_km2: t.area_km2.get() as i64,
                        source: ids(&t.source),
                        aliases: t.aliases.iter().map(alias).collect(),
                        within: t.within.as_ref().map(|w| {
                            NameOr(RawWithin {
                                territory: territory_id(w.territory),
                                note: w.note.clone(),
                                source: w.source.as_ref().map(ids),
                            })
                        }),
                        partial: t.partial.as_ref().map(|p| RawNote {
                            note: p.note.clone(),
                            source: ids(&p.source),
                        }),
                        restored: t.restored.as_ref().map(|r| RawRestored {
                            date: r.date,
                            scope: r.scope,
                            note: r.note.clone(),
                            source: ids(&r.source),
                            later: (r.later.iter())
                                .map(|s| RawStage {
                                    date: s.date,
                                    covers: s.covers.clone(),
                                    note: s.note.clone(),
                                    source: ids(&s.source),
                                })
                                .collect(),
                        }),
                        alternatives: t
                            .alternatives
                            .iter()
                            .map(|a| RawAreaAlternative {
                                area_km2: a.area_km2.get() as i64,
                                note: a.note.clone(),
                                source: ids(&a.source),
                            })
                            .collect(),
                    })
                    .collect(),
            ),
            figures: non_empty(
                ds.figures
                    .iter()
                    .map(|f| RawFigure {
                        id: f.id.clone(),
                        label: f.label.clone(),
                        unit: f.unit.clone(),
                        period: f.period.clone(),
                        observations: f
                            .observations
                            .iter()
                            .map(|o| RawObservation {
                                as_of: o.as_of,
                                value: o.value,
                                approximate: o.approximate,
                                parts: o
                                    .parts
                                    .iter()
                                    .map(|p| RawPart {
                                        id: p.id.clone(),
                                        label: p.label.clone(),
                                        value: p.value,
                                        of: p.of.map(|i| o.parts[i].id.clone()),
                                    })
                                    .collect(),
                                note: o.note.clone(),
                                source: ids(&o.source),
                                alternatives: o
                                    .alternatives
                                    .iter()
                                    .map(|a| RawObservationAlternative {
                                        value: a.value,
                                        as_of: a.as_of,
                                        note: a.note.clone(),
                                        source: ids(&a.source),
                                    })
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect::<Vec<_>>(),
            ),
            events: non_empty(
                ds.events
                    .iter()
                    .map(|e| RawEvent {
                        date: e.date,
                        label: e.label.clone(),
                        note: e.note.clone(),
                        source: ids(&e.source),
                        territories: e.territories.iter().map(|&r| territory_id(r)).collect(),
                        mark: e.mark.as_ref().map(|m| m.label.clone()),
                    })
                    .collect::<Vec<_>>(),
            ),
        }
    }
}

// A section that the dataset may leave out, left out when it has nothing.
fn non_empty<T>(items: Vec<T>) -> Option<Vec<T>> {
    (!items.is_empty()).then_some(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Syntax, embedded, parse};

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
