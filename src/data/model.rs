//! The validated dataset: every reference resolved, every value checked.

use std::num::NonZeroU32;

use super::date::When;

/// A validated dataset: sources, the country, territories, figures and events.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The schema version the dataset was written for.
    pub schema: u32,
    /// Which edition of the dataset this is, where it says.
    pub edition: Option<Edition>,
    /// The country whose territory the dataset describes.
    pub country: Country,
    /// Every source cited, in the dataset's order.
    pub sources: Vec<Source>,
    /// The territories, in the dataset's order.
    pub territories: Vec<Territory>,
    /// Counted figures, each with dated observations.
    pub figures: Vec<Figure>,
    /// Dated events written in the dataset (occupations and restorations are derived).
    pub events: Vec<Event>,
}

/// An edition of a dataset: its identifier and the day it was released.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// The identifier, such as `2026-12`.
    pub id: String,
    /// The day it was released.
    pub released: chrono::NaiveDate,
}

/// An index into [`Dataset::sources`], checked at validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceRef(pub(crate) usize);

/// An index into [`Dataset::territories`], checked at validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TerritoryRef(pub(crate) usize);

/// An index into [`Dataset::figures`], checked at validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureRef(pub(crate) usize);

/// The sources a value is attributed to; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited(Vec<SourceRef>);

impl Cited {
    /// The sources cited, or `None` when there are none.
    pub(crate) fn new(refs: Vec<SourceRef>) -> Option<Cited> {
        (!refs.is_empty()).then_some(Cited(refs))
    }

    /// The sources, in the order the dataset names them.
    pub fn refs(&self) -> &[SourceRef] {
        &self.0
    }
}

/// An area in square kilometres; never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Km2(pub(crate) NonZeroU32);

impl Km2 {
    /// The area as a number of square kilometres.
    pub fn get(self) -> u64 {
        u64::from(self.0.get())
    }
}

/// A source of the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The short id records use to cite it.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Who published it, where known.
    pub publisher: Option<String>,
    /// The sources of what the dataset says of the publisher, where it says more than a name.
    pub publisher_source: Option<Cited>,
    /// Where it can be read, where known.
    pub url: Option<String>,
    /// The date it bears, where known.
    pub date: Option<When>,
    /// When its address was last checked, where it has one.
    pub accessed: Option<When>,
    /// The language of its title, where not English, as a BCP 47 tag such as `ru`.
    pub language: Option<String>,
}

impl Source {
    /// Who published it, unless that only repeats the title (as for a newspaper's own name).
    pub fn publisher_beyond_title(&self) -> Option<&str> {
        self.publisher
            .as_deref()
            .filter(|p| *p != self.title.as_str())
    }
}

/// The country against whose area shares are computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// Its name.
    pub name: String,
    /// Its total area.
    pub area_km2: Km2,
    /// The source of the area.
    pub source: Cited,
    /// The figure that states the share of the country's area that was occupied, if any.
    pub occupied_share: Option<FigureRef>,
}

/// Whether a territory is a region or a district.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A region, such as Nagorno-Karabakh.
    Region,
    /// An administrative district.
    District,
}

impl Kind {
    /// The lower-case name used in the dataset and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Region => "region",
            Kind::District => "district",
        }
    }
}

/// What a date of restoration is the date of, as the sources give it.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Deserialize,
    serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The whole territory.
    #[default]
    Whole,
    /// Its town only: the rest followed later, on a date the sources do not give.
    Town,
    /// Part of it: the rest followed in the later stages the record lists.
    Part,
}

impl Scope {
    /// The lower-case name used in the dataset and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Whole => "whole",
            Scope::Town => "town",
            Scope::Part => "part",
        }
    }

    /// Whether this is the whole territory, the default.
    pub fn is_whole(&self) -> bool {
        *self == Scope::Whole
    }
}

/// A territory listed by the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Territory {
    /// The short, unique id.
    pub id: String,
    /// The name as the primary source spells it.
    pub name: String,
    /// The name in Azerbaijani (official Latin alphabet), with where it is attested.
    pub name_az: Option<Alias>,
    /// Other spellings and names.
    pub aliases: Vec<Alias>,
    /// Region or district.
    pub kind: Kind,
    /// When it was occupied, at the source's precision.
    pub occupied: When,
    /// Its area as the source states it.
    pub area_km2: Km2,
    /// The source of the name, date and area.
    pub source: Cited,
    /// The territory it lies within, whose area already includes its own.
    pub within: Option<Within>,
    /// A note that only part of it was occupied.
    pub partial: Option<Note>,
    /// When control was restored, if it was.
    pub restored: Option<Restored>,
    /// Areas other sources give.
    pub alternatives: Vec<AreaAlternative>,
}

/// Another name for a territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// The name.
    pub name: String,
    /// Who uses it or what it names.
    pub note: Option<String>,
    /// Where it is attested.
    pub source: Option<Cited>,
}

/// A territory's place inside another.
#[derive(Debug, Clone, PartialEq)]
pub struct Within {
    /// The enclosing territory.
    pub territory: TerritoryRef,
    /// An explanation.
    pub note: Option<String>,
    /// Where that is stated.
    pub source: Option<Cited>,
}

/// A sourced note.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The note, in the project's own words.
    pub note: String,
    /// Where its content comes from.
    pub source: Cited,
}

/// The restoration of control over a territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// When.
    pub date: When,
    /// Whether the date is that of the whole territory or of its town only.
    pub scope: Scope,
    /// Qualifications, such as "the town".
    pub note: Option<String>,
    /// Where that is reported.
    pub source: Cited,
    /// What followed, stage by stage, earliest first; empty unless the scope is `Part`.
    pub later: Vec<Stage>,
}

impl Restored {
    /// The later stage not yet reached on `day`, if there is one: what the restoration so far
    /// left out that day.
    pub fn pending_on(&self, day: chrono::NaiveDate) -> Option<&Stage> {
        (self.date.last_day() <= day)
            .then(|| self.later.iter().find(|s| day < s.date.last_day()))
            .flatten()
    }
}

/// A later stage of a restoration: the part it covered, when, and who reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// When.
    pub date: When,
    /// What it covered, such as "the town and two villages".
    pub covers: String,
    /// A qualification.
    pub note: Option<String>,
    /// Where that is reported.
    pub source: Cited,
}

/// An area that another source gives for a territory.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaAlternative {
    /// The area.
    pub area_km2: Km2,
    /// A qualification.
    pub note: Option<String>,
    /// Who gives it.
    pub source: Cited,
}

/// A counted figure, such as the number of missing persons.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The short, unique id.
    pub id: String,
    /// What is counted, in the project's words.
    pub label: String,
    /// The unit of the values, such as `people` or `percent`.
    pub unit: String,
    /// The period of the conflict it belongs to, such as `1988–1994`: the dataset's grouping.
    pub period: Option<String>,
    /// The dated observations, earliest first.
    pub observations: Vec<Observation>,
}

impl Figure {
    /// The latest observation: the one with the latest date, or the last undated one.
    pub fn latest(&self) -> &Observation {
        // Validation guarantees at least one observation; sorted earliest first, undated first.
        &self.observations[self.observations.len() - 1]
    }
}

/// One value of a figure, as one source gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// The date the value is stated for, at the source's precision.
    pub as_of: Option<When>,
    /// The value.
    pub value: u64,
    /// Whether the source gives the value as approximate ("some 90,000", "about").
    pub approximate: bool,
    /// A breakdown, exactly as stated; parts may overlap and need not add up.
    pub parts: Vec<Part>,
    /// A qualification.
    pub note: Option<String>,
    /// Who states it.
    pub source: Cited,
    /// What other sources say of the same value.
    pub alternatives: Vec<ObservationAlternative>,
}

/// One part of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The short id, unique within the observation.
    pub id: String,
    /// A description, when the id is not enough.
    pub label: Option<String>,
    /// The count.
    pub value: u64,
    /// The index of the part this one is a subset of, within the same observation.
    pub of: Option<usize>,
}

/// Another source's account of an observation: a different value, date or both.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationAlternative {
    /// The value that source gives, if it differs.
    pub value: Option<u64>,
    /// The date that source gives, if it differs.
    pub as_of: Option<When>,
    /// A qualification.
    pub note: Option<String>,
    /// Who gives it.
    pub source: Cited,
}

/// A dated event of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// When it happened, at the source's precision.
    pub date: When,
    /// What happened, in the project's words.
    pub label: String,
    /// Details.
    pub note: Option<String>,
    /// Who reports it.
    pub source: Cited,
    /// The territories it concerns.
    pub territories: Vec<TerritoryRef>,
    /// A short label that marks it on the time axis of the chart over time, with its day.
    pub mark: Option<Mark>,
}

/// An event's mark on a time axis: a day and a label of a few words.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The day of the event.
    pub day: chrono::NaiveDate,
    /// The label, in a few words.
    pub label: String,
}

impl Dataset {
    /// The source a reference points to.
    pub fn source(&self, r: SourceRef) -> &Source {
        &self.sources[r.0]
    }

    /// References to every territory, in the dataset's order.
    pub fn territory_refs(&self) -> impl Iterator<Item = TerritoryRef> + use<> {
        (0..self.territories.len()).map(TerritoryRef)
    }

    /// The territory a reference points to.
    pub fn territory(&self, r: TerritoryRef) -> &Territory {
        &self.territories[r.0]
    }

    /// The figure a reference points to.
    pub fn figure(&self, r: FigureRef) -> &Figure {
        &self.figures[r.0]
    }

    /// The date of the latest fact: the latest occupation, restoration, observation or event
    /// (a source's own date is when it was published, not a fact).
    pub fn latest_date(&self) -> Option<When> {
        let territories = (self.territories.iter())
            .flat_map(|t| {
                let stages = t
                    .restored
                    .iter()
                    .flat_map(|r| r.later.iter().map(|s| s.date));
                [t.occupied]
                    .into_iter()
                    .chain(t.restored.as_ref().map(|r| r.date))
                    .chain(stages)
            })
            .map(Some);
        let observations = (self.figures.iter())
            .flat_map(|f| &f.observations)
            .flat_map(|o| std::iter::once(o.as_of).chain(o.alternatives.iter().map(|a| a.as_of)));
        let events = self.events.iter().map(|e| Some(e.date));
        territories
            .chain(observations)
            .chain(events)
            .flatten()
            .max()
    }

    /// The ids of the cited sources, joined for display.
    pub fn source_ids(&self, cited: &Cited) -> Vec<&str> {
        cited
            .refs()
            .iter()
            .map(|&r| self.source(r).id.as_str())
            .collect()
    }
}
