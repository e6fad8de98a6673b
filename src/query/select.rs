//! Filtering and sorting territories.

use chrono::{Datelike, NaiveDate};

use crate::data::{Dataset, Kind, Territory, TerritoryRef, When};

use super::names::fold;

/// A range of dates; a date matches when any day of it lies in the range, so a year or a
/// period such as 1988–1992 matches a range it overlaps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The earliest date wanted.
    pub since: Option<When>,
    /// The latest date wanted.
    pub until: Option<When>,
}

impl DateRange {
    /// Whether any day of `date` lies in the range.
    pub fn admits(&self, date: When) -> bool {
        let from = self.since.map_or(NaiveDate::MIN, When::first_day);
        let to = self.until.map_or(NaiveDate::MAX, When::last_day);
        date.overlaps(from, to)
    }
}

/// Which territories to keep; every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Occupied during this year (a period matches each year it spans).
    pub year: Option<When>,
    /// Occupied within this range.
    pub dates: DateRange,
    /// At least this many km².
    pub min_area: Option<u64>,
    /// At most this many km².
    pub max_area: Option<u64>,
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only those held on this day, or whose state that day is not known to the day.
    pub on: Option<NaiveDate>,
}

impl Filter {
    /// Whether `t` passes every condition.
    pub fn matches(&self, t: &Territory) -> bool {
        let area = t.area_km2.get();
        self.year
            .is_none_or(|y| t.occupied.overlaps(y.first_day(), y.last_day()))
            && self.dates.admits(t.occupied)
            && self.min_area.is_none_or(|min| area >= min)
            && self.max_area.is_none_or(|max| area <= max)
            && self.kind.is_none_or(|k| t.kind == k)
            && self
                .on
                .is_none_or(|day| super::held::held_on(t, day) != super::held::Held::NotHeld)
    }
}

/// The order of a listing of territories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// By date of occupation; a period by its start.
    #[default]
    Date,
    /// By area as listed, smallest first.
    Area,
    /// By name, ignoring case and diacritics.
    Name,
    /// By years held, shortest first; those without a value last.
    Held,
}

/// The territories that match `filter`, sorted by `sort` (ties by name), reversed on request.
pub fn select(ds: &Dataset, filter: &Filter, sort: SortKey, reverse: bool) -> Vec<TerritoryRef> {
    let mut refs: Vec<TerritoryRef> = (ds.territory_refs())
        .filter(|&r| filter.matches(ds.territory(r)))
        .collect();
    // Ties by folded name, then by id, so that the order never depends on the file's.
    refs.sort_by_cached_key(|&r| {
        let t = ds.territory(r);
        (primary_key(t, sort), fold(&t.name), t.id.as_str())
    });
    if reverse {
        refs.reverse();
    }
    refs
}

// The key a territory sorts by before its name: dates by their first and last day, areas
// as listed; territories without years held go last.
fn primary_key(t: &Territory, sort: SortKey) -> (i64, i64) {
    match sort {
        SortKey::Date => (
            i64::from(t.occupied.first_day().num_days_from_ce()),
            i64::from(t.occupied.last_day().num_days_from_ce()),
        ),
        SortKey::Area => (t.area_km2.get() as i64, 0),
        SortKey::Name => (0, 0),
        SortKey::Held => (days_held(t).unwrap_or(i64::MAX), 0),
    }
}

fn days_held(t: &Territory) -> Option<i64> {
    let occupied = t.occupied.as_day()?;
    let restored = t.restored.as_ref()?.date.as_day()?;
    Some((restored - occupied).num_days())
}

// The mean length of a Gregorian year.
const DAYS_PER_YEAR: f64 = 365.2425;

/// Years from occupation to restoration, to one decimal: the least and the most the dates
/// allow, the same where both are known to the day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearsHeld {
    /// From the last possible day of occupation to the first possible day of restoration.
    pub at_least: f64,
    /// From the first possible day of occupation to the last possible day of restoration.
    pub at_most: f64,
}

impl YearsHeld {
    /// Whether the dates leave a range rather than one value.
    pub fn is_range(self) -> bool {
        self.at_least != self.at_most
    }
}

/// The years a territory was held, if it was restored; a range where a date is a year, a
/// month or a period.
pub fn years_held(t: &Territory) -> Option<YearsHeld> {
    let restored = t.restored.as_ref()?.date;
    let years = |days: i64| (days as f64 / DAYS_PER_YEAR * 10.0).round() / 10.0;
    Some(YearsHeld {
        at_least: years(
            (restored.first_day() - t.occupied.last_day())
                .num_days()
                .max(0),
        ),
        at_most: years((restored.last_day() - t.occupied.first_day()).num_days()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(ds: &Dataset, refs: &[TerritoryRef]) -> Vec<String> {
        refs.iter()
            .map(|&r| ds.territory(r).id.to_string())
            .collect()
    }

    #[test]
    fn sorting_by_date_orders_ties_by_name() {
        let ds = crate::data::embedded().unwrap();
        let refs = select(&ds, &Filter::default(), SortKey::Date, false);
        let order = ids(&ds, &refs);
        let fizuli = order.iter().position(|i| i == "fizuli").unwrap();
        assert_eq!(order[fizuli + 1], "jabrayil");
        assert_eq!(order[0], "nagorno-karabakh");
    }

    #[test]
    fn names_alike_in_their_first_letters_are_ordered_by_the_whole_name_then_the_id() {
        let mut text = String::from(
            "schema = 1\n[country]\nname = \"C\"\narea_km2 = 1000\nsource = \"s\"\n\
             [[sources]]\nid = \"s\"\ntitle = \"S\"\n",
        );
        // The same area for all; names that differ only late, and two names that fold alike.
        for (id, name) in [
            ("d", "Long shared prefix district B"),
            ("c", "Long shared prefix district A"),
            ("b", "Şort"),
            ("a", "sort"),
            ("e", "Long shared prefix"),
        ] {
            text.push_str(&format!(
                "[[territories]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"district\"\n\
                 occupied = 1993\narea_km2 = 5\nsource = \"s\"\n"
            ));
        }
        let ds = crate::data::parse(&text, "t.toml", crate::data::Syntax::Toml).unwrap();
        for sort in [SortKey::Area, SortKey::Name, SortKey::Date] {
            let refs = select(&ds, &Filter::default(), sort, false);
            assert_eq!(ids(&ds, &refs), ["e", "c", "d", "a", "b"], "{sort:?}");
        }
    }

    #[test]
    fn reverse_reverses_the_whole_order() {
        let ds = crate::data::embedded().unwrap();
        for sort in [SortKey::Date, SortKey::Area, SortKey::Name, SortKey::Held] {
            let mut forward = select(&ds, &Filter::default(), sort, false);
            forward.reverse();
            assert_eq!(
                forward,
                select(&ds, &Filter::default(), sort, true),
                "{sort:?}"
            );
        }
    }

    #[test]
    fn years_held_are_computed_only_from_days() {
        let ds = crate::data::embedded().unwrap();
        let held = |id: &str| years_held(ds.territories.iter().find(|t| t.id == id).unwrap());
        // 1993-04-02 to 2020-11-25 is 10,099 days.
        let exact = |y| {
            Some(YearsHeld {
                at_least: y,
                at_most: y,
            })
        };
        assert_eq!(held("kalbajar"), exact(27.7));
        // 1992-12-31 to 2023-09-20 is 11,220 days; 1988-01-01 to 2023-09-20 is 13,046.
        let range = Some(YearsHeld {
            at_least: 30.7,
            at_most: 35.7,
        });
        assert_eq!(held("nagorno-karabakh"), range);
    }

    #[test]
    fn a_date_range_admits_what_overlaps_it() {
        let w = |s: &str| When::parse(s).unwrap();
        let range = DateRange {
            since: Some(w("1990")),
            until: Some(w("1992-05")),
        };
        assert!(range.admits(w("1988/1992")));
        assert!(range.admits(w("1992-05-31")));
        assert!(!range.admits(w("1992-06-01")));
        assert!(!range.admits(w("1989")));
    }
}
