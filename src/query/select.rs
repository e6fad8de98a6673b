//! Filtering and sorting territories.

use chrono::NaiveDate;

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
    let mut rows: Vec<(TerritoryRef, String)> = ds
        .territory_refs()
        .filter(|&r| filter.matches(ds.territory(r)))
        .map(|r| (r, fold(&ds.territory(r).name)))
        .collect();
    let key = |&(r, _): &(TerritoryRef, String)| ds.territory(r);
    rows.sort_by(|a, b| {
        let (ta, tb) = (key(a), key(b));
        let primary = match sort {
            SortKey::Date => ta.occupied.cmp(&tb.occupied),
            SortKey::Area => ta.area_km2.cmp(&tb.area_km2),
            SortKey::Name => std::cmp::Ordering::Equal,
            SortKey::Held => {
                let (ha, hb) = (days_held(ta), days_held(tb));
                // Territories without a value go last.
                (ha.is_none(), ha).cmp(&(hb.is_none(), hb))
            }
        };
        primary.then_with(|| a.1.cmp(&b.1)).then_with(|| ta.id.cmp(&tb.id))
    });
    let mut refs: Vec<TerritoryRef> = rows.into_iter().map(|(r, _)| r).collect();
    if reverse {
        refs.reverse();
    }
    refs
}

fn days_held(t: &Territory) -> Option<i64> {
    let occupied = t.occupied.as_day()?;
    let restored = t.restored.as_ref()?.date.as_day()?;
    Some((restored - occupied).num_days())
}

// The mean length of a Gregorian year.
const DAYS_PER_YEAR: f64 = 365.2425;

/// Years from occupation to restoration, to one decimal; computed only when both dates are
/// known to the day.
pub fn years_held(t: &Territory) -> Option<f64> {
    days_held(t).map(|days| (days as f64 / DAYS_PER_YEAR * 10.0).round() / 10.0)
}
