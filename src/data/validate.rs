//! Turns a [`RawDataset`] into a [`Dataset`], collecting every problem rather than the first.

use std::collections::HashMap;
use std::num::NonZeroU32;

use toml::Spanned;

use super::error::Problem;
use super::model::*;
use super::raw::*;

/// The schema version this build reads.
pub const SCHEMA: i64 = 1;

/// Checks every value and reference of `raw`; returns all the problems found, in file order.
pub fn validate(raw: RawDataset) -> Result<Dataset, Vec<Problem>> {
    let mut v = Validator::default();
    if *raw.schema.get_ref() != SCHEMA {
        v.problem(
            &raw.schema,
            format!(
                "schema {} is not supported: this karabakh reads schema {SCHEMA}",
                raw.schema.get_ref()
            ),
        );
    }

    v.sources = index_ids(&mut v.problems, "source", raw.sources.iter().map(|s| &s.id));
    v.territories = index_ids(
        &mut v.problems,
        "territory",
        raw.territories.iter().map(|t| &t.id),
    );
    v.figures = index_ids(&mut v.problems, "figure", raw.figures.iter().map(|f| &f.id));

    let sources = raw
        .sources
        .into_iter()
        .map(|s| Source {
            id: s.id.into_inner(),
            title: s.title,
            publisher: s.publisher,
            url: s.url,
            date: s.date,
        })
        .collect();

    let figures: Vec<Figure> = raw
        .figures
        .into_iter()
        .filter_map(|f| v.figure(f))
        .collect();
    let country = v.country(raw.country, &figures);
    let areas: Vec<i64> = raw
        .territories
        .iter()
        .map(|t| *t.area_km2.get_ref())
        .collect();
    let territories: Vec<Territory> = raw
        .territories
        .into_iter()
        .filter_map(|t| v.territory(t, &areas))
        .collect();
    v.check_within_cycles(&territories);
    let events = raw.events.into_iter().filter_map(|e| v.event(e)).collect();

    let Validator { mut problems, .. } = v;
    match country {
        Some(country) if problems.is_empty() => Ok(Dataset {
            schema: 1,
            country,
            sources,
            territories,
            figures,
            events,
        }),
        _ => {
            problems.sort_by_key(|p| p.span.as_ref().map(|s| s.start));
            Err(problems)
        }
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    sources: HashMap<String, usize>,
    territories: HashMap<String, usize>,
    figures: HashMap<String, usize>,
    // The span of each territory's `within`, for the cycle check.
    within_spans: HashMap<usize, std::ops::Range<usize>>,
}

fn index_ids<'a>(
    problems: &mut Vec<Problem>,
    what: &str,
    ids: impl Iterator<Item = &'a Spanned<String>>,
) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        if id.get_ref().trim().is_empty() {
            problems.push(Problem::at(
                id.span(),
                format!("a {what} id must not be empty"),
            ));
        } else if map.contains_key(id.get_ref()) {
            problems.push(Problem::at(
                id.span(),
                format!(
                    "{what} id `{}` is used twice; ids must be unique",
                    id.get_ref()
                ),
            ));
        } else {
            map.insert(id.get_ref().clone(), i);
        }
    }
    map
}

impl Validator {
    fn problem<T>(&mut self, at: &Spanned<T>, message: impl Into<String>) {
        self.problems.push(Problem::at(at.span(), message));
    }

    fn cite(&mut self, ids: &Spanned<Ids>) -> Option<Cited> {
        if ids.get_ref().0.is_empty() {
            self.problem(ids, "name at least one source id");
            return None;
        }
        let mut refs = Vec::new();
        for id in &ids.get_ref().0 {
            match self.sources.get(id) {
                Some(&i) => refs.push(SourceRef(i)),
                None => self.problem(
                    ids,
                    format!(
                        "unknown source `{id}`: no [[sources]] entry has this id; \
                         add one or correct the reference"
                    ),
                ),
            }
        }
        (refs.len() == ids.get_ref().0.len()).then_some(Cited(refs))
    }

    fn cite_optional(&mut self, ids: Option<&Spanned<Ids>>) -> Result<Option<Cited>, ()> {
        match ids {
            None => Ok(None),
            Some(ids) => self.cite(ids).map(Some).ok_or(()),
        }
    }

    fn area(&mut self, area: &Spanned<i64>) -> Option<Km2> {
        let value = *area.get_ref();
        match u32::try_from(value).ok().and_then(NonZeroU32::new) {
            Some(n) => Some(Km2(n)),
            None if value <= 0 => {
                self.problem(
                    area,
                    format!("an area must be a positive number of km², not {value}"),
                );
                None
            }
            None => {
                self.problem(
                    area,
                    format!("the area {value} km² is larger than any territory"),
                );
                None
            }
        }
    }

    fn country(&mut self, c: RawCountry, figures: &[Figure]) -> Option<Country> {
        let area_km2 = self.area(&c.area_km2);
        let source = self.cite(&c.source);
        let occupied_share = match &c.occupied_share {
            None => Some(None),
            Some(id) => {
                match self.figures.get(id.get_ref()) {
                    Some(&i) if figures.get(i).is_some_and(|f| f.unit != "percent") => {
                        self.problem(
                        id,
                        format!("figure `{}` is the occupied share, so its unit must be \"percent\"", id.get_ref()),
                    );
                        None
                    }
                    Some(&i) => Some(Some(FigureRef(i))),
                    None => {
                        self.problem(
                            id,
                            format!(
                                "unknown figure `{}`: no [[figures]] entry has this id",
                                id.get_ref()
                            ),
                        );
                        None
                    }
                }
            }
        };
        Some(Country {
            name: c.name,
            area_km2: area_km2?,
            source: source?,
            occupied_share: occupied_share?,
        })
    }

    fn territory(&mut self, t: RawTerritory, areas: &[i64]) -> Option<Territory> {
        let area_km2 = self.area(&t.area_km2);
        let source = self.cite(&t.source);
        let occupied = *t.occupied.get_ref();
        let mut ok = true;

        let mut aliases = Vec::new();
        for alias in t.aliases {
            let span = alias.span();
            let NameOr(a) = alias.into_inner();
            if a.name.trim().is_empty() {
                self.problems
                    .push(Problem::at(span, "an alias must not be empty"));
                ok = false;
                continue;
            }
            match self.cite_optional(a.source.as_ref()) {
                Ok(source) => aliases.push(Alias {
                    name: a.name,
                    note: a.note,
                    source,
                }),
                Err(()) => ok = false,
            }
        }

        let own_index = self.territories.get(t.id.get_ref()).copied();
        let within = match t.within {
            None => None,
            Some(w) => {
                let span = w.span();
                let NameOr(w) = w.into_inner();
                let source = self.cite_optional(w.source.as_ref());
                match self.territories.get(&w.territory).copied() {
                    None => {
                        self.problems.push(Problem::at(
                            span,
                            format!(
                                "unknown territory `{}` in `within`: no [[territories]] entry has this id",
                                w.territory
                            ),
                        ));
                        ok = false;
                        None
                    }
                    Some(outer) if Some(outer) == own_index => {
                        self.problems
                            .push(Problem::at(span, "a territory cannot lie within itself"));
                        ok = false;
                        None
                    }
                    Some(outer) => {
                        let own = *t.area_km2.get_ref();
                        if areas[outer] < own {
                            self.problems.push(Problem::at(
                                span.clone(),
                                format!(
                                    "`{}` lies within `{}`, but its area ({own} km²) is larger than \
                                     that of `{}` ({} km²)",
                                    t.id.get_ref(),
                                    w.territory,
                                    w.territory,
                                    areas[outer]
                                ),
                            ));
                            ok = false;
                        }
                        if let Some(i) = own_index {
                            self.within_spans.insert(i, span);
                        }
                        match source {
                            Ok(source) => Some(Within {
                                territory: TerritoryRef(outer),
                                note: w.note,
                                source,
                            }),
                            Err(()) => {
                                ok = false;
                                None
                            }
                        }
                    }
                }
            }
        };

        let partial = t.partial.and_then(|p| {
            let source = self.cite(&p.source);
            ok &= source.is_some();
            Some(Note {
                note: p.note,
                source: source?,
            })
        });

        let restored = match t.restored {
            None => None,
            Some(r) => {
                let span = r.span();
                let r = r.into_inner();
                if r.date.last_day() < occupied.first_day() {
                    self.problems.push(Problem::at(
                        span,
                        format!(
                            "`{}` is restored on {}, before it was occupied ({occupied})",
                            t.id.get_ref(),
                            r.date
                        ),
                    ));
                    ok = false;
                }
                let source = self.cite(&r.source);
                ok &= source.is_some();
                source.map(|source| Restored {
                    date: r.date,
                    note: r.note,
                    source,
                })
            }
        };

        let mut alternatives = Vec::new();
        for a in t.alternatives {
            match (self.area(&a.area_km2), self.cite(&a.source)) {
                (Some(area_km2), Some(source)) => alternatives.push(AreaAlternative {
                    area_km2,
                    note: a.note,
                    source,
                }),
                _ => ok = false,
            }
        }

        Some(Territory {
            id: t.id.into_inner(),
            name: t.name,
            name_az: t.name_az,
            aliases,
            kind: t.kind,
            occupied,
            area_km2: area_km2?,
            source: source?,
            within,
            partial,
            restored,
            alternatives,
        })
        .filter(|_| ok)
    }

    fn check_within_cycles(&mut self, territories: &[Territory]) {
        // Only meaningful when every territory validated, so indices match the raw order.
        if !self.problems.is_empty() {
            return;
        }
        for (start, t) in territories.iter().enumerate() {
            let mut seen = vec![start];
            let mut next = t.within.as_ref().map(|w| w.territory.0);
            while let Some(i) = next {
                if seen.contains(&i) {
                    let span = self.within_spans.get(&start).cloned().unwrap_or(0..0);
                    self.problems.push(Problem::at(
                        span,
                        format!("`within` of `{}` goes round in a circle", t.id),
                    ));
                    break;
                }
                seen.push(i);
                next = territories[i].within.as_ref().map(|w| w.territory.0);
            }
        }
    }

    fn figure(&mut self, f: RawFigure) -> Option<Figure> {
        let span = f.observations.span();
        let raw_observations = f.observations.into_inner();
        if raw_observations.is_empty() {
            self.problems.push(Problem::at(
                span,
                format!("figure `{}` needs at least one observation", f.id.get_ref()),
            ));
            return None;
        }
        let count = raw_observations.len();
        let mut observations: Vec<Observation> = raw_observations
            .into_iter()
            .filter_map(|o| self.observation(o))
            .collect();
        if observations.len() != count {
            return None;
        }
        // Undated observations sort first; the stable sort keeps the file order among equals.
        observations.sort_by_key(|o| o.as_of);
        Some(Figure {
            id: f.id.into_inner(),
            label: f.label,
            unit: f.unit,
            observations,
        })
    }

    fn observation(&mut self, o: RawObservation) -> Option<Observation> {
        let source = self.cite(&o.source);
        let value = *o.value.get_ref();
        let mut ok = true;
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, p) in o.parts.iter().enumerate() {
            if ids.insert(p.id.get_ref(), i).is_some() {
                self.problem(
                    &p.id,
                    format!(
                        "part id `{}` is used twice in this observation",
                        p.id.get_ref()
                    ),
                );
                ok = false;
            }
        }
        let mut parts = Vec::new();
        for p in &o.parts {
            let of = match &p.of {
                None => None,
                Some(of) => match ids.get(of.get_ref().as_str()) {
                    Some(&i) => Some(i),
                    None => {
                        self.problem(of, format!("unknown part `{}` in `of`: this observation has no part with that id", of.get_ref()));
                        ok = false;
                        continue;
                    }
                },
            };
            let (whole, whole_name) = match of {
                Some(i) => (
                    *o.parts[i].value.get_ref(),
                    format!("part `{}`", o.parts[i].id.get_ref()),
                ),
                None => (value, "the observation".to_owned()),
            };
            if *p.value.get_ref() > whole {
                self.problem(
                    &p.value,
                    format!(
                        "part `{}` ({}) is larger than {whole_name} it belongs to ({whole})",
                        p.id.get_ref(),
                        p.value.get_ref()
                    ),
                );
                ok = false;
            }
            parts.push(Part {
                id: p.id.get_ref().clone(),
                label: p.label.clone(),
                value: *p.value.get_ref(),
                of,
            });
        }
        if parts
            .iter()
            .enumerate()
            .any(|(i, p)| of_chain_loops(&parts, i, p))
        {
            self.problem(&o.value, "the parts' `of` references go round in a circle");
            ok = false;
        }
        let mut alternatives = Vec::new();
        for a in o.alternatives {
            match self.cite(&a.source) {
                Some(source) => alternatives.push(ObservationAlternative {
                    value: a.value,
                    as_of: a.as_of,
                    note: a.note,
                    source,
                }),
                None => ok = false,
            }
        }
        Some(Observation {
            as_of: o.as_of,
            value,
            parts,
            note: o.note,
            source: source?,
            alternatives,
        })
        .filter(|_| ok)
    }

    fn event(&mut self, e: RawEvent) -> Option<Event> {
        let source = self.cite(&e.source);
        let mut territories = Vec::new();
        let mut ok = true;
        for id in &e.territories {
            match self.territories.get(id.get_ref()) {
                Some(&i) => territories.push(TerritoryRef(i)),
                None => {
                    self.problem(
                        id,
                        format!(
                            "unknown territory `{}`: no [[territories]] entry has this id",
                            id.get_ref()
                        ),
                    );
                    ok = false;
                }
            }
        }
        Some(Event {
            date: e.date,
            label: e.label,
            note: e.note,
            source: source?,
            territories,
        })
        .filter(|_| ok)
    }
}

fn of_chain_loops(parts: &[Part], start: usize, part: &Part) -> bool {
    let mut next = part.of;
    for _ in 0..parts.len() {
        match next {
            Some(i) if i == start => return true,
            Some(i) => next = parts[i].of,
            None => return false,
        }
    }
    next.is_some()
}
