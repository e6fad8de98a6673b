//! The state of territories on a day, and the area held over time.

use chrono::NaiveDate;

use crate::data::{Dataset, Territory, TerritoryRef, When};

use super::totals::selected_ancestors;

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

/// The area held on a day, as a range: at least the parts certainly held, at most those and
/// the parts whose state is not known to the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldArea {
    /// The territories held that day.
    pub held: Vec<TerritoryRef>,
    /// The territories whose state that day is not known.
    pub unknown: Vec<TerritoryRef>,
    /// The area of the parts held, counted once, in km².
    pub at_least_km2: u64,
    /// The area of the parts held and those not known, counted once, in km².
    pub at_most_km2: u64,
    /// Each held territory with a territory within it that was not held that day: (outer,
    /// inner). The outer one's held part is its area less the inner one's.
    pub less: Vec<(TerritoryRef, TerritoryRef)>,
}

/// The parts of the map a selection covers. A territory's own part is its area less the areas
/// of the territories directly within it (validation keeps them from exceeding it), and its
/// state is that territory's; a part counts when its territory is selected or lies within a
/// selected one. The area held is the sum of the own parts held, so a territory inside
/// another counts once, and an outer territory held while an inner one is not counts only
/// the rest.
struct Parts {
    own_km2: Vec<u64>,
    counted: Vec<bool>,
}

impl Parts {
    fn of(ds: &Dataset, selected: &[TerritoryRef]) -> Parts {
        let mut own_km2: Vec<u64> = (ds.territories.iter()).map(|t| t.area_km2.get()).collect();
        for t in &ds.territories {
            if let Some(w) = &t.within {
                own_km2[w.territory.0] = own_km2[w.territory.0].saturating_sub(t.area_km2.get());
            }
        }
        let ancestors = selected_ancestors(ds, selected);
        let mut counted: Vec<bool> = ancestors.iter().map(Option::is_some).collect();
        for r in selected {
            counted[r.0] = true;
        }
        Parts { own_km2, counted }
    }

    // The km² a territory in `state` adds to the lower and the upper bound.
    fn km2(&self, r: TerritoryRef, state: Held) -> (u64, u64) {
        let own = if self.counted[r.0] {
            self.own_km2[r.0]
        } else {
            0
        };
        match state {
            Held::Held => (own, own),
            Held::Unknown => (0, own),
            Held::NotHeld => (0, 0),
        }
    }
}

/// The area of `selected` held on `day`.
pub fn held_area(ds: &Dataset, selected: &[TerritoryRef], day: NaiveDate) -> HeldArea {
    let parts = Parts::of(ds, selected);
    let state = |r: TerritoryRef| held_on(ds.territory(r), day);
    let (mut at_least_km2, mut at_most_km2) = (0, 0);
    let mut less = Vec::new();
    for r in ds.territory_refs() {
        let (low, high) = parts.km2(r, state(r));
        at_least_km2 += low;
        at_most_km2 += high;
        if let Some(w) = &ds.territory(r).within {
            let outer = w.territory;
            if parts.counted[outer.0] && state(outer) == Held::Held && state(r) != Held::Held {
                less.push((outer, r));
            }
        }
    }
    let with = |wanted: Held| -> Vec<TerritoryRef> {
        (selected.iter().copied())
            .filter(|&r| state(r) == wanted)
            .collect()
    };
    HeldArea {
        held: with(Held::Held),
        unknown: with(Held::Unknown),
        at_least_km2,
        at_most_km2,
        less,
    }
}

/// Each counted territory with a territory within it whose control was restored before its
/// own: (outer, inner). Between the two restorations the outer one counts less the inner one.
pub fn parts_released(
    ds: &Dataset,
    selected: &[TerritoryRef],
) -> Vec<(TerritoryRef, TerritoryRef)> {
    let parts = Parts::of(ds, selected);
    let restored = |r: TerritoryRef| ds.territory(r).restored.as_ref().map(|x| x.date);
    (ds.territory_refs())
        .filter_map(|r| {
            let outer = ds.territory(r).within.as_ref()?.territory;
            let inner_end = restored(r)?.last_day();
            let earlier = restored(outer).is_none_or(|o| inner_end < o.first_day());
            (parts.counted[outer.0] && earlier).then_some((outer, r))
        })
        .collect()
}

/// A day on which the area held changed, what changed, and the area held from that day on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The first day of the new state.
    pub day: NaiveDate,
    /// The dates, as the sources give them, of what changed that day: a period or a year
    /// changes the state on its first day (held or not is no longer known) and after its last.
    pub dated: Vec<When>,
    /// The territories whose occupation, or its period, began or ended that day.
    pub occupied: Vec<TerritoryRef>,
    /// The territories whose restoration, or its period, began or ended that day.
    pub restored: Vec<TerritoryRef>,
    /// The territories whose state from that day is not known to the day.
    pub unknown: Vec<TerritoryRef>,
    /// The area of the parts certainly held from that day, in km².
    pub at_least_km2: u64,
    /// The area of the parts held or not known to be, in km².
    pub at_most_km2: u64,
}

/// Every day on which the area of `selected` held changed, earliest first: the state on any day
/// is that of the last change on or before it, and is what [`held_area`] gives for that day.
pub fn series(ds: &Dataset, selected: &[TerritoryRef]) -> Vec<Change> {
    let parts = Parts::of(ds, selected);
    // A territory's state changes on the first and the last day of its occupation's date and of
    // its restoration's; territories within a selected one change its area, so all are walked.
    let mut turns: Vec<(NaiveDate, bool, TerritoryRef, When)> = Vec::new();
    for r in ds.territory_refs() {
        if !parts.counted[r.0] {
            continue;
        }
        let t = ds.territory(r);
        let mut dates = vec![(t.occupied, true)];
        dates.extend(t.restored.as_ref().map(|restored| (restored.date, false)));
        for (date, occupied) in dates {
            turns.push((date.first_day(), occupied, r, date));
            if date.last_day() != date.first_day() {
                turns.push((date.last_day(), occupied, r, date));
            }
        }
    }
    turns.sort_by_key(|&(day, occupied, r, _)| (day, !occupied, r));
    let mut is_selected = vec![false; ds.territories.len()];
    for r in selected {
        is_selected[r.0] = true;
    }
    let mut state = vec![Held::NotHeld; ds.territories.len()];
    // Those selected whose state is not known, as `held_area` lists them.
    let mut unknown = std::collections::BTreeSet::new();
    let (mut low, mut high) = (0u64, 0u64);
    let mut changes: Vec<Change> = Vec::new();
    for same_day in turns.chunk_by(|a, b| a.0 == b.0) {
        let mut change = Change {
            day: same_day[0].0,
            dated: Vec::new(),
            occupied: Vec::new(),
            restored: Vec::new(),
            unknown: Vec::new(),
            at_least_km2: 0,
            at_most_km2: 0,
        };
        for &(day, occupied, r, date) in same_day {
            let now = held_on(ds.territory(r), day);
            let before = std::mem::replace(&mut state[r.0], now);
            let ((old_low, old_high), (new_low, new_high)) =
                (parts.km2(r, before), parts.km2(r, now));
            low = low + new_low - old_low;
            high = high + new_high - old_high;
            if now == Held::Unknown && is_selected[r.0] {
                unknown.insert(r);
            } else {
                unknown.remove(&r);
            }
            if !change.dated.contains(&date) {
                change.dated.push(date);
            }
            if occupied {
                change.occupied.push(r);
            } else {
                change.restored.push(r);
            }
        }
        // Sorted by territory within a day, so a territory twice in a list is adjacent.
        change.occupied.dedup();
        change.restored.dedup();
        change.unknown = unknown.iter().copied().collect();
        change.at_least_km2 = low;
        change.at_most_km2 = high;
        changes.push(change);
    }
    changes
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
        // Shusha, within it, was not yet held.
        assert_eq!((area.at_least_km2, area.at_most_km2), (0, 4111));
        // Restored on 2020-10-04: held the day before, not that day.
        let jabrayil = ds.territories.iter().find(|t| t.id == "jabrayil").unwrap();
        assert_eq!(held_on(jabrayil, day("2020-10-03")), Held::Held);
        assert_eq!(held_on(jabrayil, day("2020-10-04")), Held::NotHeld);
    }

    #[test]
    fn the_series_gives_ranges_while_a_period_runs_and_counts_inner_parts_restored_first() {
        let ds = crate::data::embedded().unwrap();
        let all = select(&ds, &Filter::default(), SortKey::Date, false);
        let changes = series(&ds, &all);
        let areas: Vec<(String, u64, u64)> = changes
            .iter()
            .map(|c| (c.day.to_string(), c.at_least_km2, c.at_most_km2))
            .collect();
        // Nagorno-Karabakh's period 1988–1992 begins: held or not is not known, and Shusha,
        // within it, is not yet held.
        assert_eq!(areas[0], ("1988-01-01".to_owned(), 0, 4111));
        assert!(areas.contains(&("1992-05-18".to_owned(), 2129, 6240)));
        assert!(areas.contains(&("1992-12-31".to_owned(), 6240, 6240)));
        assert!(areas.contains(&("1993-10-29".to_owned(), 14393, 14393)));
        // Shusha restored: Nagorno-Karabakh counts its area less Shusha's.
        assert!(areas.contains(&("2020-12-01".to_owned(), 4111, 4111)));
        assert_eq!(areas.last().unwrap(), &("2023-09-20".to_owned(), 0, 0));
    }

    #[test]
    fn an_outer_territory_held_counts_its_area_less_the_inner_ones_not_held() {
        let ds = crate::data::embedded().unwrap();
        let all = select(&ds, &Filter::default(), SortKey::Date, false);
        let on = |d| {
            let a = held_area(&ds, &all, day(d));
            (a.at_least_km2, a.at_most_km2)
        };
        // The figures of issue 20, worked out by hand.
        assert_eq!(on("2020-11-15"), (10155, 10155));
        assert_eq!(on("2020-11-22"), (9005, 9005));
        assert_eq!(on("2020-11-28"), (5951, 5951));
        assert_eq!(on("2020-12-05"), (4111, 4111));
        assert_eq!(on("1993-06-01"), (9294, 9294));
        let area = held_area(&ds, &all, day("2020-12-05"));
        let id = |r: TerritoryRef| ds.territory(r).id.as_str();
        let less: Vec<(&str, &str)> = area.less.iter().map(|&(o, i)| (id(o), id(i))).collect();
        assert_eq!(less, [("nagorno-karabakh", "shusha")]);
    }
}
