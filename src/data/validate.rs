//! Turns a [`RawDataset`] into a [`Dataset`], collecting every problem rather than the first.

use std::collections::HashMap;
use std::num::NonZeroU32;

use super::date::{Precision, When};
use super::error::{DocPath, Problem};

use super::model::*;
use super::raw::*;

/// The schema version this build reads.
pub const SCHEMA: i64 = 1;

/// Checks every value and reference of `raw`; returns all the problems found, in document
/// order.
pub fn validate(raw: RawDataset) -> Result<Dataset, Vec<Problem>> {
    let root = DocPath::root();
    let mut v = Validator::default();
    let RawDataset {
        schema,
        edition,
        country,
        sources,
        territories,
        figures,
        events,
    } = raw;
    let missing = [
        schema.is_none(),
        country.is_none(),
        sources.is_none(),
        territories.is_none(),
    ];
    for (section, missing) in REQUIRED_SECTIONS.into_iter().zip(missing) {
        if missing {
            v.problem(&DocPath::root, missing_section(section));
        }
    }
    if let Some(schema) = schema.filter(|&s| s != SCHEMA) {
        v.problem(
            &|| root.key("schema"),
            format!("schema {schema} is not supported: this karabakh reads schema {SCHEMA}"),
        );
    }
    let edition = edition.and_then(|e| v.edition(&|| root.key("edition"), e));
    let (sources, territories) = (sources.unwrap_or_default(), territories.unwrap_or_default());
    let (figures, events) = (figures.unwrap_or_default(), events.unwrap_or_default());

    v.sources = v.index_ids("source", "sources", sources.iter().map(|s| &s.id));
    v.territories = v.index_ids(
        "territory",
        "territories",
        territories.iter().map(|t| &t.id),
    );
    v.figures = v.index_ids("figure", "figures", figures.iter().map(|f| &f.id));

    let sources_at = root.key("sources");
    let sources = (sources.into_iter().enumerate())
        .filter_map(|(i, s)| v.source(&|| sources_at.index(i), s))
        .collect();

    let figures_at = root.key("figures");
    let figures: Vec<Figure> = figures
        .into_iter()
        .enumerate()
        .filter_map(|(i, f)| v.figure(&|| figures_at.index(i), f))
        .collect();
    let country = country.and_then(|c| v.country(&|| root.key("country"), c, &figures));
    let areas: Vec<i64> = territories.iter().map(|t| t.area_km2).collect();
    let territories_at = root.key("territories");
    let mut territories: Vec<Territory> = (territories.into_iter().enumerate())
        .filter_map(|(i, t)| v.territory(&|| territories_at.index(i), t, &areas))
        .collect();
    // The records reuse the room of the parsed ones, which grew by doubling; they are kept for
    // the whole run, so the room they do not need is given back.
    territories.shrink_to_fit();
    v.check_within_cycles(&territories);
    v.check_within_sums(&territories);
    let events_at = root.key("events");
    let events = events
        .into_iter()
        .enumerate()
        .filter_map(|(i, e)| v.event(&|| events_at.index(i), e))
        .collect();

    let Validator { mut problems, .. } = v;
    match country {
        Some(country) if problems.is_empty() => Ok(Dataset {
            schema: 1,
            edition,
            country,
            sources,
            territories,
            figures,
            events,
        }),
        _ => {
            problems.sort_by(|a, b| a.path.cmp(&b.path));
            Err(problems)
        }
    }
}

/// The sections every dataset has, in the order of [`RawDataset`]'s fields.
pub(super) const REQUIRED_SECTIONS: [&str; 4] = ["schema", "country", "sources", "territories"];

/// What every dataset needs, for messages: "`schema`, `country`, `sources` and `territories`".
pub(super) fn required_sections() -> String {
    let [first @ .., last] = REQUIRED_SECTIONS.map(|s| format!("`{s}`"));
    format!("{} and {last}", first.join(", "))
}

/// The message for a dataset without one of the sections every dataset needs.
pub(super) fn missing_section(section: &str) -> String {
    format!(
        "missing `{section}`; every dataset needs {}",
        required_sections()
    )
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    sources: HashMap<String, usize>,
    territories: HashMap<String, usize>,
    figures: HashMap<String, usize>,
}

// Where a value is, made only when a problem is found there: a valid dataset of many records
// then builds no paths at all.
type At<'p> = &'p dyn Fn() -> DocPath;

impl Validator {
    fn problem(&mut self, at: At, message: impl Into<String>) {
        self.problems.push(Problem::at(at(), message));
    }

    fn index_ids<'t>(
        &mut self,
        what: &str,
        section: &str,
        ids: impl Iterator<Item = &'t String>,
    ) -> HashMap<String, usize> {
        let mut map = HashMap::with_capacity(ids.size_hint().0);
        for (i, id) in ids.enumerate() {
            let at = || DocPath::root().key(section).index(i).key("id");
            if id.trim().is_empty() {
                self.problem(&at, format!("a {what} id must not be empty"));
            } else if !map.contains_key(id) {
                map.insert(id.clone(), i);
            } else {
                self.problem(
                    &at,
                    format!("{what} id `{id}` is used twice; ids must be unique"),
                );
            }
        }
        map
    }

    fn cite(&mut self, at: At, ids: &Ids) -> Option<Cited> {
        let ids = &ids.0;
        if ids.is_empty() {
            self.problem(at, "name at least one source id");
            return None;
        }
        let mut refs = Vec::with_capacity(ids.len());
        for id in ids {
            match self.sources.get(id.as_str()) {
                Some(&i) => refs.push(SourceRef(i)),
                None => self.problem(
                    at,
                    format!(
                        "unknown source `{id}`: no [[sources]] entry has this id; \
                         add one or correct the reference"
                    ),
                ),
            }
        }
        if refs.len() == ids.len() {
            Cited::new(refs)
        } else {
            None
        }
    }

    fn cite_optional(&mut self, at: At, ids: Option<&Ids>) -> Result<Option<Cited>, ()> {
        match ids {
            None => Ok(None),
            Some(ids) => self.cite(at, ids).map(Some).ok_or(()),
        }
    }

    fn area(&mut self, at: At, value: i64) -> Option<Km2> {
        match u32::try_from(value).ok().and_then(NonZeroU32::new) {
            Some(n) => Some(Km2(n)),
            None if value <= 0 => {
                self.problem(
                    at,
                    format!("an area must be a positive number of km², not {value}"),
                );
                None
            }
            None => {
                self.problem(
                    at,
                    format!("the area {value} km² is larger than any territory"),
                );
                None
            }
        }
    }

    fn country(&mut self, at: At, c: RawCountry, figures: &[Figure]) -> Option<Country> {
        let area_km2 = self.area(&|| at().key("area_km2"), c.area_km2);
        let source = self.cite(&|| at().key("source"), &c.source);
        let share_at = || at().key("occupied_share");
        let occupied_share = match &c.occupied_share {
            None => Some(None),
            Some(id) => match self.figures.get(id.as_str()) {
                Some(&i) if figures.get(i).is_some_and(|f| f.unit != "percent") => {
                    self.problem(
                        &share_at,
                        format!(
                            "figure `{id}` is the occupied share, so its unit must be \"percent\""
                        ),
                    );
                    None
                }
                Some(&i) => Some(Some(FigureRef(i))),
                None => {
                    self.problem(
                        &share_at,
                        format!("unknown figure `{id}`: no [[figures]] entry has this id"),
                    );
                    None
                }
            },
        };
        Some(Country {
            name: c.name,
            area_km2: area_km2?,
            source: source?,
            occupied_share: occupied_share?,
        })
    }

    // An edition: an identifier of one line, and a release day.
    fn edition(&mut self, at: At, e: RawEdition) -> Option<Edition> {
        let before = self.problems.len();
        if !one_line(&e.id) {
            self.problem(
                &|| at().key("id"),
                "an edition's id is a short identifier on one line, such as \"2026-12\"".to_owned(),
            );
        }
        if e.released.precision() != Precision::Day {
            self.problem(
                &|| at().key("released"),
                format!(
                    "an edition is released on a day, and this one is dated {}: write it as \
                     YYYY-MM-DD",
                    e.released.iso()
                ),
            );
        }
        (self.problems.len() == before).then(|| Edition {
            id: e.id,
            released: e.released.first_day(),
        })
    }

    fn source(&mut self, at: At, s: RawSource) -> Option<Source> {
        let before = self.problems.len();
        if let Some(url) = &s.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            // A scheme is letters, digits, `+`, `-` or `.` before the first colon.
            let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
                s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
            let message = match scheme {
                Some(scheme) => format!(
                    "the address \"{url}\" is a `{scheme}:` address, not a web page: only \
                     `https://` and `http://` addresses are allowed"
                ),
                None => format!(
                    "the address \"{url}\" is not a link: write it with its scheme, as \
                     \"https://{url}\""
                ),
            };
            self.problem(&|| at().key("url"), message);
        }
        let publisher_source = self
            .cite_optional(
                &|| at().key("publisher_source"),
                s.publisher_source.as_ref(),
            )
            .ok()?;
        if publisher_source.is_some() && s.publisher.is_none() {
            self.problem(
                &|| at().key("publisher_source"),
                "`publisher_source` gives the source of what is said of the publisher, so it \
                 needs a `publisher`",
            );
        }
        if s.accessed.is_some() && s.url.is_none() {
            self.problem(
                &|| at().key("accessed"),
                "`accessed` is the date an address was checked, so it needs a `url`",
            );
        }
        // A language tag: letters, then subtags of letters or digits after hyphens (`ru`,
        // `az-Latn`).
        if let Some(language) = &s.language {
            let mut subtags = language.split('-');
            let primary = subtags.next().unwrap_or_default();
            let valid = (2..=3).contains(&primary.len())
                && primary.chars().all(|c| c.is_ascii_lowercase())
                && subtags.all(|t| {
                    (1..=8).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphanumeric())
                });
            if !valid {
                self.problem(
                    &|| at().key("language"),
                    format!(
                        "\"{language}\" is not a language tag: give one such as \"ru\", \"it\" or \
                         \"az-Latn\""
                    ),
                );
            }
        }
        let source = Source {
            id: s.id,
            title: s.title,
            publisher: s.publisher,
            publisher_source,
            url: s.url,
            date: s.date,
            accessed: s.accessed,
            language: s.language,
        };
        self.valid_since(before, source)
    }

    fn territory(&mut self, at: At, t: RawTerritory, areas: &[i64]) -> Option<Territory> {
        let before = self.problems.len();
        let area_km2 = self.area(&|| at().key("area_km2"), t.area_km2);
        let source = self.cite(&|| at().key("source"), &t.source);
        let aliases = (t.aliases.into_iter().enumerate())
            .filter_map(|(i, NameOr(a))| {
                self.alias(&|| at().key("aliases").index(i), a, "an alias")
            })
            .collect();
        let name_az = (t.name_az)
            .and_then(|NameOr(a)| self.alias(&|| at().key("name_az"), a, "the Azerbaijani name"));
        let within = (t.within)
            .and_then(|NameOr(w)| self.within(&|| at().key("within"), &t.id, t.area_km2, w, areas));
        let partial = t.partial.and_then(|p| {
            Some(Note {
                source: self.cite(&|| at().key("partial").key("source"), &p.source)?,
                note: p.note,
            })
        });
        let restored = (t.restored)
            .and_then(|r| self.restored(&|| at().key("restored"), &t.id, t.occupied, r));
        let alternatives = (t.alternatives.into_iter().enumerate())
            .filter_map(|(i, a)| {
                let here = || at().key("alternatives").index(i);
                let area_km2 = self.area(&|| here().key("area_km2"), a.area_km2);
                let source = self.cite(&|| here().key("source"), &a.source);
                Some(AreaAlternative {
                    area_km2: area_km2?,
                    note: a.note,
                    source: source?,
                })
            })
            .collect();
        let territory = Territory {
            id: t.id,
            name: t.name,
            name_az,
            aliases,
            kind: t.kind,
            occupied: t.occupied,
            area_km2: area_km2?,
            source: source?,
            within,
            partial,
            restored,
            alternatives,
        };
        self.valid_since(before, territory)
    }

    fn restored(&mut self, at: At, id: &str, occupied: When, r: RawRestored) -> Option<Restored> {
        let before = self.problems.len();
        if r.date.last_day() < occupied.first_day() {
            self.problem(
                &|| at().key("date"),
                format!(
                    "`{id}` is restored on {}, before it was occupied ({occupied})",
                    r.date
                ),
            );
        }
        match (r.scope, r.later.is_empty()) {
            (Scope::Part, true) => self.problem(
                &|| at().key("scope"),
                "a restoration of `part` of a territory needs its `later` stages: \
                 give each with its `date`, what it `covers` and its `source`",
            ),
            (Scope::Whole | Scope::Town, false) => self.problem(
                &|| at().key("later"),
                format!(
                    "later stages follow a restoration of part of a territory: set `scope = \
                     \"part\"` rather than \"{}\"",
                    r.scope.as_str()
                ),
            ),
            _ => {}
        }
        let source = self.cite(&|| at().key("source"), &r.source);
        let mut previous = r.date;
        let later = (r.later.into_iter().enumerate())
            .filter_map(|(i, s)| {
                let here = || at().key("later").index(i);
                if s.date.first_day() <= previous.last_day() {
                    self.problem(
                        &|| here().key("date"),
                        format!(
                            "a later stage must come after the one before it: {} is not after {previous}",
                            s.date
                        ),
                    );
                }
                previous = s.date;
                if s.covers.trim().is_empty() {
                    self.problem(&|| here().key("covers"), "say what the stage covered");
                }
                Some(Stage {
                    source: self.cite(&|| here().key("source"), &s.source)?,
                    date: s.date,
                    covers: s.covers,
                    note: s.note,
                })
            })
            .collect();
        let restored = Restored {
            source: source?,
            date: r.date,
            scope: r.scope,
            note: r.note,
            later,
        };
        self.valid_since(before, restored)
    }

    // `value`, if no problem was found since there were `before`: a record is valid when
    // checking it added no problem, whatever check it was.
    fn valid_since<T>(&self, before: usize, value: T) -> Option<T> {
        (self.problems.len() == before).then_some(value)
    }

    /// Another name, with its source checked: `what` names it in messages.
    fn alias(&mut self, at: At, a: RawAlias, what: &str) -> Option<Alias> {
        if a.name.chars().all(char::is_whitespace) {
            self.problem(at, format!("{what} must not be empty"));
            return None;
        }
        let source = self
            .cite_optional(&|| at().key("source"), a.source.as_ref())
            .ok()?;
        Some(Alias {
            name: a.name,
            note: a.note,
            source,
        })
    }

    fn within(
        &mut self,
        at: At,
        id: &str,
        own_area: i64,
        w: RawWithin,
        areas: &[i64],
    ) -> Option<Within> {
        let source = self.cite_optional(&|| at().key("source"), w.source.as_ref());
        let Some(&outer) = self.territories.get(w.territory.as_str()) else {
            self.problem(
                at,
                format!(
                    "unknown territory `{}`: no [[territories]] entry has this id",
                    w.territory
                ),
            );
            return None;
        };
        if w.territory == id {
            self.problem(at, "a territory cannot lie within itself");
            return None;
        }
        let outer_area = areas.get(outer).copied().unwrap_or(i64::MAX);
        if outer_area < own_area {
            self.problem(
                at,
                format!(
                    "`{id}` lies within `{}`, but its area ({own_area} km²) is larger than that \
                     of `{}` ({outer_area} km²)",
                    w.territory, w.territory
                ),
            );
            return None;
        }
        Some(Within {
            territory: TerritoryRef(outer),
            note: w.note,
            source: source.ok()?,
        })
    }

    fn check_within_cycles(&mut self, territories: &[Territory]) {
        // Only meaningful when every territory validated, so positions match the document.
        if !self.problems.is_empty() {
            return;
        }
        let within = |i: usize| territories[i].within.as_ref().map(|w| w.territory.0);
        for i in cycles(territories.len(), within) {
            self.problem(
                &|| DocPath::root().key("territories").index(i).key("within"),
                format!("`within` of `{}` goes round in a circle", territories[i].id),
            );
        }
    }

    // The held area counts each territory's own part (its area less those within it), so the
    // territories within one must fit inside it together, not only one by one.
    fn check_within_sums(&mut self, territories: &[Territory]) {
        if !self.problems.is_empty() {
            return;
        }
        let mut inner_km2 = vec![0u64; territories.len()];
        for t in territories {
            if let Some(w) = &t.within {
                inner_km2[w.territory.0] += t.area_km2.get();
            }
        }
        for (i, t) in territories.iter().enumerate() {
            if inner_km2[i] > t.area_km2.get() {
                let inner: Vec<&str> = (territories.iter())
                    .filter(|u| u.within.as_ref().is_some_and(|w| w.territory.0 == i))
                    .map(|u| u.id.as_str())
                    .collect();
                self.problem(
                    &|| DocPath::root().key("territories").index(i).key("area_km2"),
                    format!(
                        "the territories within `{}` ({}) add up to {} km², more than its area \
                         ({} km²); an area includes those of the territories within it",
                        t.id,
                        inner.join(", "),
                        inner_km2[i],
                        t.area_km2.get()
                    ),
                );
            }
        }
    }

    fn figure(&mut self, at: At, f: RawFigure) -> Option<Figure> {
        if f.observations.is_empty() {
            self.problem(
                &|| at().key("observations"),
                format!("figure `{}` needs at least one observation", f.id),
            );
            return None;
        }
        let before = self.problems.len();
        let mut observations: Vec<Observation> = (f.observations.into_iter().enumerate())
            .filter_map(|(i, o)| self.observation(&|| at().key("observations").index(i), o))
            .collect();
        // Undated observations sort first; the stable sort keeps the file order among equals.
        observations.sort_by_key(|o| o.as_of);
        if let Some(period) = &f.period
            && !one_line(period)
        {
            self.problem(
                &|| at().key("period"),
                "a figure's period is a short label on one line, such as \"1988–1994\"".to_owned(),
            );
        }
        let figure = Figure {
            id: f.id,
            label: f.label,
            unit: f.unit,
            period: f.period,
            observations,
        };
        self.valid_since(before, figure)
    }

    fn observation(&mut self, at: At, o: RawObservation) -> Option<Observation> {
        let before = self.problems.len();
        let source = self.cite(&|| at().key("source"), &o.source);
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, p) in o.parts.iter().enumerate() {
            if ids.insert(&p.id, i).is_some() {
                self.problem(
                    &|| at().key("parts").index(i).key("id"),
                    format!("part id `{}` is used twice in this observation", p.id),
                );
            }
        }
        let mut parts = Vec::new();
        for (i, p) in o.parts.iter().enumerate() {
            let here = || at().key("parts").index(i);
            let of = match &p.of {
                None => None,
                Some(of) => match ids.get(of.as_str()) {
                    Some(&j) => Some(j),
                    None => {
                        self.problem(
                            &|| here().key("of"),
                            format!(
                                "unknown part `{of}`: this observation has no part with that id"
                            ),
                        );
                        continue;
                    }
                },
            };
            let (whole, whole_name) = match of {
                Some(j) => (o.parts[j].value, format!("part `{}`", o.parts[j].id)),
                None => (o.value, "the observation's value".to_owned()),
            };
            if p.value > whole {
                self.problem(
                    &|| here().key("value"),
                    format!(
                        "part `{}` ({}) is larger than {whole_name} ({whole})",
                        p.id, p.value
                    ),
                );
            }
            parts.push(Part {
                id: p.id.clone(),
                label: p.label.clone(),
                value: p.value,
                of,
            });
        }
        // Only parts that all check out can be followed without going astray.
        if self.problems.len() == before && !cycles(parts.len(), |i| parts[i].of).is_empty() {
            self.problem(
                &|| at().key("parts"),
                "the parts' `of` references go round in a circle",
            );
        }
        let alternatives = (o.alternatives.into_iter().enumerate())
            .filter_map(|(i, a)| {
                Some(ObservationAlternative {
                    source: self.cite(
                        &|| at().key("alternatives").index(i).key("source"),
                        &a.source,
                    )?,
                    value: a.value,
                    as_of: a.as_of,
                    note: a.note,
                })
            })
            .collect();
        let observation = Observation {
            as_of: o.as_of,
            value: o.value,
            approximate: o.approximate,
            parts,
            note: o.note,
            source: source?,
            alternatives,
        };
        self.valid_since(before, observation)
    }

    fn event(&mut self, at: At, e: RawEvent) -> Option<Event> {
        let before = self.problems.len();
        let source = self.cite(&|| at().key("source"), &e.source);
        let territories = (e.territories.iter().enumerate())
            .filter_map(|(i, id)| match self.territories.get(id.as_str()) {
                Some(&t) => Some(TerritoryRef(t)),
                None => {
                    self.problem(
                        &|| at().key("territories").index(i),
                        format!("unknown territory `{id}`: no [[territories]] entry has this id"),
                    );
                    None
                }
            })
            .collect();
        let mark = e
            .mark
            .and_then(|label| self.mark(&|| at().key("mark"), e.date, label));
        let event = Event {
            date: e.date,
            label: e.label,
            note: e.note,
            source: source?,
            territories,
            mark,
        };
        self.valid_since(before, event)
    }
}

// Whether `text` is a label on one line: not blank, and without a line break or another
// control character.
fn one_line(text: &str) -> bool {
    !text.trim().is_empty() && !text.chars().any(char::is_control)
}

impl Validator {
    // An event's mark: a label short enough to stand on a chart's axis, on an event dated to
    // the day.
    fn mark(&mut self, at: At, date: When, label: String) -> Option<Mark> {
        const LONGEST: usize = 32;
        let length = label.chars().count();
        let problem = if !one_line(&label) {
            "a mark is a label of a few words on one line".to_owned()
        } else if length > LONGEST {
            format!(
                "a mark is {length} characters long; at most {LONGEST} fit on a chart's axis: \
                 shorten it, and say the rest in `label` or `note`"
            )
        } else if date.precision() != Precision::Day {
            format!(
                "a mark needs an event dated to the day, and this one is dated {}: give the \
                 day, or leave `mark` out",
                date.iso()
            )
        } else {
            let day = date.first_day();
            return Some(Mark { day, label });
        };
        self.problem(at, problem);
        None
    }
}

// Where following `next` from each of `n` items goes round in a circle: for each circle, the
// item at which a walk first came back to itself. Each item is walked once, so the work is
// linear however long the chains.
fn cycles(n: usize, next: impl Fn(usize) -> Option<usize>) -> Vec<usize> {
    // 0: not visited, 1: on the current walk, 2: known to end or to be in a circle found.
    let mut state = vec![0u8; n];
    let mut found = Vec::new();
    for start in 0..n {
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at.filter(|&i| i < n) {
            match state[i] {
                2 => break,
                1 => {
                    found.push(i);
                    break;
                }
                _ => {
                    state[i] = 1;
                    walk.push(i);
                    at = next(i);
                }
            }
        }
        for i in walk {
            state[i] = 2;
        }
    }
    found
}
