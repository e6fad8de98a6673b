//! The facts of a territory as typed values: each a field, its value, the sources it comes
//! from, a note, and whether the sources give it or karabakh computes it. `show` renders them
//! and `cite` reads them; neither reads the other's output.

use chrono::NaiveDate;

use crate::data::{Cited, Dataset, Scope, SourceRef, TerritoryRef, When};

use super::held::{Held, held_on};
use super::select::years_held;
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
    /// A qualification from the dataset, or the project's word on what the value is.
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
    /// Years, to one decimal, where they can be computed.
    Years(Option<f64>),
    /// A percentage, to two decimals.
    Percent(f64),
}

/// What karabakh computed a value from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Computation {
    /// Whether it was held on the day, from the dates of occupation and restoration.
    HeldOn {
        /// The day.
        day: NaiveDate,
        /// Whether the sources give the date of restoration of the town only, and it was
        /// before the day.
        town_only: bool,
    },
    /// Years held, from the dates of occupation and restoration.
    YearsHeld,
    /// The area as a share of the country's.
    ShareOfCountry,
}

impl Fact<'_> {
    /// The sources a value is stated by, in the order the dataset names them, or for a computed
    /// value every source of what it is computed from, in the dataset's order.
    pub fn basis(&self, ds: &Dataset, r: TerritoryRef) -> Vec<SourceRef> {
        let t = ds.territory(r);
        let mut refs: Vec<SourceRef> = match self.computed {
            None => return self.sources.map(|c| c.refs().to_vec()).unwrap_or_default(),
            Some(Computation::HeldOn { .. } | Computation::YearsHeld) => {
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
        let note = a.note.as_deref().or(Some("another source's value"));
        let area = FactValue::AreaKm2(a.area_km2.get());
        facts.push(fact("area_km2_other", area, Some(&a.source), note));
    }
    if let Some(w) = &t.within {
        let outer = FactValue::Text(&ds.territory(w.territory).id);
        facts.push(fact("within", outer, w.source.as_ref(), w.note.as_deref()));
    }
    if let Some(restored) = &t.restored {
        let (date, note) = (FactValue::Date(restored.date), restored.note.as_deref());
        facts.push(fact("restored", date, Some(&restored.source), note));
    }
    if let Some(day) = on {
        let town_only = (t.restored.as_ref())
            .is_some_and(|r| r.scope == Scope::Town && r.date.last_day() <= day);
        facts.push(Fact {
            computed: Some(Computation::HeldOn { day, town_only }),
            ..fact("held_on", FactValue::Held(held_on(t, day)), None, None)
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
        assert_eq!(years.value, FactValue::Years(Some(27.7)));
        assert_eq!(years.computed, Some(Computation::YearsHeld));
        // Years held rest on the dates of occupation and of restoration, and their sources.
        let t = ds.territory(r);
        let restored = t.restored.as_ref().unwrap();
        for s in t.source.refs().iter().chain(restored.source.refs()) {
            assert!(years.basis(&ds, r).contains(s));
        }
    }
}
