//! The state of territories on a day, and the area held over time.

use chrono::NaiveDate;

use crate::data::{Dataset, Territory, TerritoryRef, When};

use super::totals::counted_area_of;

/// Whether a territory was held on a day, as far as the dates of its sources tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Held {
    /// Occupied on or before the day and not yet restored.
    Held,
    /// Not yet occupied, or already restored.
    NotHeld,
    /// The day falls within a date given less precisely than a day (a year, a month, a
    /// period): whether the territory was held that day is not known.
    Unknown,
}

impl Held {
    /// The word for it in output: `held`, `not held`, `not known to the day`.
    pub fn as_str(self) -> &'static str {
        match self {
            Held::Held => "held",
            Held::NotHeld => "not held",
            Held::Unknown => "not known to the day",
        }
    }
}

/// Whether `t` was held on `day`: occupied on or before it and restored after it. A
/// territory restored on a day is not held that day.
pub fn held_on(t: &Territory, day: NaiveDate) -> Held {
    let occupied = t.occupied;
    let restored = t.restored.as_ref().map(|r| r.date);
    if day < occupied.first_day() || restored.is_some_and(|r| r.last_day() <= day) {
        return Held::NotHeld;
    }
    // Occupied by the day for certain, and not restored before it for certain.
    let occupied_by = occupied.last_day() <= day;
    let not_yet_restored = restored.is_none_or(|r| day < r.first_day());
    if occupied_by && not_yet_restored {
        Held::Held
    } else {
        Held::Unknown
    }
}

/// The area held on a day, counted once, as a range: at least the area of the territories
/// certainly held, at most that and the area of those whose state is not known to the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldArea {
    /// The territories held that day.
    pub held: Vec<TerritoryRef>,
    /// The territories whose state that day is not known.
    pub unknown: Vec<TerritoryRef>,
    /// The area of those held, counted once, in km².
    pub at_least_km2: u64,
    /// The area of those held and those not known, counted once, in km².
    pub at_most_km2: u64,
}

/// The area of `selected` held on `day`.
pub fn held_area(ds: &Dataset, selected: &[TerritoryRef], day: NaiveDate) -> HeldArea {
    let state = |r: &&TerritoryRef| held_on(ds.territory(**r), day);
    let held: Vec<TerritoryRef> = selected
        .iter()
        .filter(|r| state(r) == Held::Held)
        .copied()
        .collect();
    let unknown: Vec<TerritoryRef> = selected
        .iter()
        .filter(|r| state(r) == Held::Unknown)
        .copied()
        .collect();
    let both: Vec<TerritoryRef> = selected
        .iter()
        .filter(|r| state(r) != Held::NotHeld)
        .copied()
        .collect();
    HeldArea {
        at_least_km2: counted_area_of(ds, &held),
        at_most_km2: counted_area_of(ds, &both),
        held,
        unknown,
    }
}

/// One change of the area held: a date on which territories were occupied or restored, and
/// the area held once it had passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// When, at the sources' precision.
    pub date: When,
    /// The territories occupied on that date.
    pub occupied: Vec<TerritoryRef>,
    /// The territories whose control was restored on that date.
    pub restored: Vec<TerritoryRef>,
    /// The area held once the date had passed, counted once, in km².
    pub area_km2: u64,
}

/// Every date on which the area of `selected` held changed, earliest first, from the first
/// occupation to the last restoration.
pub fn series(ds: &Dataset, selected: &[TerritoryRef]) -> Vec<Change> {
    let mut dated: Vec<(When, bool, TerritoryRef)> = Vec::new();
    for &r in selected {
        let t = ds.territory(r);
        dated.push((t.occupied, true, r));
        if let Some(restored) = &t.restored {
            dated.push((restored.date, false, r));
        }
    }
    dated.sort_by_key(|&(date, occupied, r)| (date, !occupied, r));
    let mut area = HeldSet::new(ds);
    let mut changes: Vec<Change> = Vec::new();
    for (date, occupied, r) in dated {
        if occupied {
            area.add(r);
        } else {
            area.remove(r);
        }
        if changes.last().is_none_or(|last| last.date != date) {
            changes.push(Change {
                date,
                occupied: Vec::new(),
                restored: Vec::new(),
                area_km2: 0,
            });
        }
        if let Some(change) = changes.last_mut() {
            if occupied {
                change.occupied.push(r);
            } else {
                change.restored.push(r);
            }
            change.area_km2 = u64::try_from(area.km2).unwrap_or(0);
        }
    }
    changes
}

/// A set of territories held and their area counted once, kept up to date as territories are
/// added and removed: each change costs a walk up the territories it lies within and down
/// those within it, not a sum over all.
struct HeldSet<'d> {
    ds: &'d Dataset,
    held: Vec<bool>,
    children: Vec<Vec<TerritoryRef>>,
    // Signed: territories within one may, in a user's dataset, add up to more than it.
    km2: i128,
}

impl<'d> HeldSet<'d> {
    fn new(ds: &'d Dataset) -> Self {
        let mut children = vec![Vec::new(); ds.territories.len()];
        for r in ds.territory_refs() {
            if let Some(w) = &ds.territory(r).within {
                children[w.territory.0].push(r);
            }
        }
        HeldSet {
            ds,
            held: vec![false; ds.territories.len()],
            children,
            km2: 0,
        }
    }

    // Whether a territory that `r` lies within is held; validation rules out circles.
    fn inside_held(&self, r: TerritoryRef) -> bool {
        let mut next = self.ds.territory(r).within.as_ref().map(|w| w.territory);
        while let Some(outer) = next {
            if self.held[outer.0] {
                return true;
            }
            next = self
                .ds
                .territory(outer)
                .within
                .as_ref()
                .map(|w| w.territory);
        }
        false
    }

    // The area of the held territories nearest below `r`: those it would count for.
    fn held_below(&self, r: TerritoryRef) -> i128 {
        let mut km2 = 0;
        let mut stack: Vec<TerritoryRef> = self.children[r.0].clone();
        while let Some(c) = stack.pop() {
            if self.held[c.0] {
                km2 += i128::from(self.ds.territory(c).area_km2.get());
            } else {
                stack.extend(&self.children[c.0]);
            }
        }
        km2
    }

    fn add(&mut self, r: TerritoryRef) {
        if self.held[r.0] {
            return;
        }
        if !self.inside_held(r) {
            self.km2 += i128::from(self.ds.territory(r).area_km2.get()) - self.held_below(r);
        }
        self.held[r.0] = true;
    }

    fn remove(&mut self, r: TerritoryRef) {
        if !self.held[r.0] {
            return;
        }
        self.held[r.0] = false;
        if !self.inside_held(r) {
            self.km2 += self.held_below(r) - i128::from(self.ds.territory(r).area_km2.get());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, SortKey, select};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_area_held_on_a_day_counts_shusha_once_inside_nagorno_karabakh() {
        let ds = crate::data::embedded().unwrap();
        let all = select(&ds, &Filter::default(), SortKey::Date, false);
        let on = |d| held_area(&ds, &all, day(d));
        // Nagorno-Karabakh, Lachin and Kalbajar; Shusha lies within Nagorno-Karabakh.
        let area = on("1993-06-01");
        assert_eq!((area.at_least_km2, area.at_most_km2), (9294, 9294));
        assert_eq!(on("2024-01-01").at_most_km2, 0);
        // Inside the period 1988–1992 Nagorno-Karabakh's state is not known to the day.
        let area = on("1990-06-01");
        assert_eq!((area.at_least_km2, area.at_most_km2), (0, 4400));
        // Restored on 2020-10-04: held the day before, not that day.
        let jabrayil = ds.territories.iter().find(|t| t.id == "jabrayil").unwrap();
        assert_eq!(held_on(jabrayil, day("2020-10-03")), Held::Held);
        assert_eq!(held_on(jabrayil, day("2020-10-04")), Held::NotHeld);
    }

    #[test]
    fn the_series_rises_in_1992_and_1993_and_falls_to_zero_in_2023() {
        let ds = crate::data::embedded().unwrap();
        let all = select(&ds, &Filter::default(), SortKey::Date, false);
        let changes = series(&ds, &all);
        let areas: Vec<(String, u64)> = changes
            .iter()
            .map(|c| (c.date.to_string(), c.area_km2))
            .collect();
        assert_eq!(areas.first().unwrap(), &("1988/1992".to_owned(), 4400));
        assert!(areas.contains(&("1993-10-29".to_owned(), 14393)));
        assert_eq!(areas.last().unwrap(), &("2023-09-20".to_owned(), 0));
    }
}
