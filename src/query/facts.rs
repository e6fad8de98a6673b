//! The facts of a territory as typed values: each a field, its value, the sources it comes
//! from, a note, and whether the sources give it or karabakh computes it. `show` renders them
//! and `cite` reads them; neither reads the other's output.

use chrono::NaiveDate;

use crate::data::{Cited, Dataset, Scope, SourceRef, TerritoryRef, When};

use super::held::{Held, held_on};
use super::select::{YearsHeld, years_held};
use super::totals::percent;

/// One fact of a territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact<'a> {
    /// The field, named as in km² for areas (`area_km2`); other units rename it.
    pub field: &'static str,
    /// The value.
    pub value: FactValue<'a>,
    /// The sources of the value, where it has its own.
    pub sources: Option<&'a Cited>,
    /// A qualification from the dataset.
    pub note: Option<&'a str>,
    /// How karabakh computed the value; `None` for one the dataset holds.
    pub computed: Option<Computation>,
}

/// The value of a fact, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue<'a> {
    /// Text of the dataset, such as a name.
    Text(&'a str),
    /// Text made of the dataset's, such as an event with its date.
    Made(String),
    /// A date at its source's precision.
    Date(When),
    /// An area in km².
    AreaKm2(u64),
    /// Whether the territory was held on a day.
    Held(Held),
    /// Years, to one decimal, where they can be computed: a range where a date is not a day.
    Years(Option<YearsHeld>),
    /// A percentage, to two decimals.
    Percent(f64),
}

/// How much of a territory a restoration counted by a day covered, where not all of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partly {
    /// All of it, or it was not yet restored.
    No,
    /// The sources give the date of its town only.
    Town,
    /// A later stage, on this date, was still to come; the fact's note says what it covered.
    Until(When),
}

/// What karabakh computed a value from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Computation {
    /// Whether it was held on the day, from the dates of occupation and restoration.
    HeldOn {
        /// The day.
        day: NaiveDate,
        /// Whether the restoration counted by the day was of part of the territory only.
        partly: Partly,
    },
    /// Years held, from the dates of occupation and restoration.
    YearsHeld,
    /// The area as a share of the country's.
    ShareOfCountry,
}

impl Fact<'_> {
    /// What the fact is, in words people read: "area according to another source", "held on
    /// 2021-01-01".
    pub fn words(&self) -> String {
        match self.field {
            "area_km2" => "area".to_owned(),
            "area_km2_other" => "area according to another source".to_owned(),
            "name_az" => "name in Azerbaijani".to_owned(),
            "restored" => "control restored".to_owned(),
            "restored_later" => "control restored, a later stage".to_owned(),
            "share_percent" => "share of the country".to_owned(),
            "held_on" => match self.computed {
                Some(Computation::HeldOn { day, .. }) => format!("held on {day}"),
                _ => "held".to_owned(),
            },
            other => other.replace('_', " "),
        }
    }

    /// The sources a value is stated by, in the order the dataset names them, or for a computed
    /// value every source of what it is computed from, in the dataset's order.
    pub fn basis(&self, ds: &Dataset, r: TerritoryRef) -> Vec<SourceRef> {
        let t = ds.territory(r);
        let mut refs: Vec<SourceRef> = match self.computed {
            None => return self.sources.map(|c| c.refs().to_vec()).unwrap_or_default(),
            Some(Computation::HeldOn { partly, .. }) => {
                let restored = t.restored.as_ref().map(|r| r.source.refs());
                let mut refs = [t.source.refs(), restored.unwrap_or_default()].concat();
                if let Partly::Until(date) = partly {
                    let later = t.restored.iter().flat_map(|r| &r.later);
                    let stage = later.filter(|s| s.date == date);
                    refs.extend(stage.flat_map(|s| s.source.refs()));
                }
                refs
            }
            Some(Computation::YearsHeld) => {
                let restored = t.restored.as_ref().map(|r| r.source.refs());
                [t.source.refs(), restored.unwrap_or_default()].concat()
            }
            Some(Computation::ShareOfCountry) => {
                [ds.country.source.refs(), t.source.refs()].concat()
            }
        };
        refs.sort();
        refs.dedup();
        refs
    }
}

/// Every fact of territory `r`, in the order `show` gives them; with `on`, whether it was held
/// that day.
pub fn territory_facts(ds: &Dataset, r: TerritoryRef, on: Option<NaiveDate>) -> Vec<Fact<'_>> {
    let t = ds.territory(r);
    let fact = |field, value, sources, note| Fact {
        field,
        value,
        sources,
        note,
        computed: None,
    };
    let mut facts = vec![
        fact("id", FactValue::Text(&t.id), None, None),
        fact("name", FactValue::Text(&t.name), Some(&t.source), None),
    ];
    if let Some(az) = &t.name_az {
        let note = az
            .note
            .as_deref()
            .or(Some("Azerbaijani, official Latin alphabet"));
        facts.push(fact(
            "name_az",
            FactValue::Text(&az.name),
            az.source.as_ref(),
            note,
        ));
    }
    for a in &t.aliases {
        let (name, note) = (FactValue::Text(&a.name), a.note.as_deref());
        facts.push(fact("alias", name, a.source.as_ref(), note));
    }
    // No source gives the kinds: they are how the dataset sorts the territories.
    let kind_note = Some("the dataset's classification, not a sourced value");
    facts.push(fact(
        "kind",
        FactValue::Text(t.kind.as_str()),
        None,
        kind_note,
    ));
    facts.push(fact(
        "occupied",
        FactValue::Date(t.occupied),
        Some(&t.source),
        None,
    ));
    if let Some(p) = &t.partial {
        facts.push(fact(
            "partial",
            FactValue::Text(&p.note),
            Some(&p.source),
            None,
        ));
    }
    let area = FactValue::AreaKm2(t.area_km2.get());
    facts.push(fact("area_km2", area, Some(&t.source), None));
    for a in &t.alternatives {
        let area = FactValue::AreaKm2(a.area_km2.get());
        facts.push(fact(
            "area_km2_other",
            area,
            Some(&a.source),
            a.note.as_deref(),
        ));
    }
    if let Some(w) = &t.within {
        let outer = FactValue::Text(&ds.territory(w.territory).id);
        facts.push(fact("within", outer, w.source.as_ref(), w.note.as_deref()));
    }
    if let Some(restored) = &t.restored {
        let (date, note) = (FactValue::Date(restored.date), restored.note.as_deref());
        facts.push(fact("restored", date, Some(&restored.source), note));
        for stage in &restored.later {
            let (date, note) = (FactValue::Date(stage.date), Some(stage.covers.as_str()));
            facts.push(fact("restored_later", date, Some(&stage.source), note));
        }
    }
    if let Some(day) = on {
        let restored = t.restored.as_ref().filter(|r| r.date.last_day() <= day);
        let pending = restored.and_then(|r| r.pending_on(day));
        let partly = match (restored.map(|r| r.scope), pending) {
            (_, Some(stage)) => Partly::Until(stage.date),
            (Some(Scope::Town), None) => Partly::Town,
            _ => Partly::No,
        };
        let note = pending.map(|stage| stage.covers.as_str());
        facts.push(Fact {
            computed: Some(Computation::HeldOn { day, partly }),
            ..fact("held_on", FactValue::Held(held_on(t, day)), None, note)
        });
    }
    facts.push(Fact {
        computed: Some(Computation::YearsHeld),
        ..fact("years_held", FactValue::Years(years_held(t)), None, None)
    });
    let share = percent(t.area_km2.get(), ds.country.area_km2.get());
    facts.push(Fact {
        computed: Some(Computation::ShareOfCountry),
        ..fact("share_percent", FactValue::Percent(share), None, None)
    });
    // The events written in the dataset that concern this territory, earliest first.
    let mut events: Vec<_> = (ds.events.iter())
        .filter(|e| e.territories.contains(&r))
        .collect();
    events.sort_by_key(|e| e.date);
    for e in events {
        let what = FactValue::Made(format!("{}: {}", e.date.iso(), e.label));
        facts.push(fact("event", what, Some(&e.source), e.note.as_deref()));
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_territory_s_facts_are_typed_with_their_sources_and_what_is_computed() {
        let ds = crate::data::embedded().unwrap();
        let super::super::Lookup::Found(r) = super::super::lookup(&ds, "kalbajar") else {
            panic!("kalbajar is a territory");
        };
        let facts = territory_facts(&ds, r, None);
        let area = facts.iter().find(|f| f.field == "area_km2").unwrap();
        assert_eq!(area.value, FactValue::AreaKm2(3054));
        assert_eq!(area.computed, None);
        assert!(area.sources.is_some());
        let years = facts.iter().find(|f| f.field == "years_held").unwrap();
        let exact = YearsHeld {
            at_least: 27.7,
            at_most: 27.7,
        };
        assert_eq!(years.value, FactValue::Years(Some(exact)));
        assert_eq!(years.computed, Some(Computation::YearsHeld));
        // Years held rest on the dates of occupation and of restoration, and their sources.
        let t = ds.territory(r);
        let restored = t.restored.as_ref().unwrap();
        for s in t.source.refs().iter().chain(restored.source.refs()) {
            assert!(years.basis(&ds, r).contains(s));
        }
    }
}
