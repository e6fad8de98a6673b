//! Writing a dataset back out, in the schema it was read in.

use super::date::When;
use super::model::*;
use super::raw::*;

/// The dataset as TOML that `karabakh --data` reads back into an identical dataset.
pub fn to_toml(ds: &Dataset) -> Result<String, toml::ser::Error> {
    toml::to_string(&RawDataset::from(ds))
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
