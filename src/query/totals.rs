//! Sums of areas, with territories that lie within others counted once.

use chrono::Datelike;

use crate::data::{Dataset, Precision, TerritoryRef, When};

/// The sums over a selection of territories.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Totals {
    /// How many territories.
    pub territories: usize,
    /// The plain sum of the listed areas.
    pub area_km2_listed: u64,
    /// The sum without the areas of territories that lie within another selected one.
    pub area_km2: u64,
    /// The country's area.
    pub country_area_km2: u64,
    /// `area_km2` as a percentage of the country's area, to two decimals.
    pub share_percent: f64,
    /// `area_km2_listed` as a percentage of the country's area, to two decimals.
    pub share_percent_listed: f64,
}

/// One year (or stated period) of occupation and the area reached by its end.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    /// The year, or the period as the source states it.
    pub period: When,
    /// The territories of that year.
    pub territories: Vec<TerritoryRef>,
    /// The plain sum of their listed areas.
    pub area_km2_listed: u64,
    /// Their area without what lies within another selected territory.
    pub area_km2: u64,
    /// The area of this and all earlier rows, counted once.
    pub cumulative_area_km2: u64,
}

/// `part` as a percentage of `whole`, rounded to two decimals.
pub fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (part as f64 * 100.0 / whole as f64 * 100.0).round() / 100.0
}

/// For each selected territory that lies within another selected one, the pair (inner, outer),
/// in the order of `selected`.
pub fn overlaps(ds: &Dataset, selected: &[TerritoryRef]) -> Vec<(TerritoryRef, TerritoryRef)> {
    let ancestors = selected_ancestors(ds, selected);
    selected
        .iter()
        .filter_map(|&r| ancestors[r.0].map(|outer| (r, outer)))
        .collect()
}

/// For every territory, the nearest territory it lies within that is selected, if any:
/// found in one pass over all of them, however long the chains of `within` are, each
/// territory's answer made once and reused by those within it.
pub(super) fn selected_ancestors(
    ds: &Dataset,
    selected: &[TerritoryRef],
) -> Vec<Option<TerritoryRef>> {
    let mut mask = vec![false; ds.territories.len()];
    for r in selected {
        mask[r.0] = true;
    }
    let parent = |i: usize| ds.territories[i].within.as_ref().map(|w| w.territory);
    let mut ancestor: Vec<Option<Option<TerritoryRef>>> = vec![None; ds.territories.len()];
    let mut walk = Vec::new();
    for start in 0..ds.territories.len() {
        // Up the chain until an answer is known: no parent, a selected parent, or a parent
        // whose answer was made before. Validation rejects circles.
        let mut i = start;
        let known = loop {
            if let Some(known) = ancestor[i] {
                break known;
            }
            match parent(i) {
                None => break None,
                Some(p) if mask[p.0] => break Some(p),
                Some(p) => {
                    walk.push(i);
                    i = p.0;
                }
            }
        };
        ancestor[i] = Some(known);
        for j in walk.drain(..) {
            ancestor[j] = Some(known);
        }
    }
    ancestor.into_iter().map(Option::flatten).collect()
}

// A territory counts for nothing when a selected territory already includes its area.
fn counted_area(ds: &Dataset, ancestors: &[Option<TerritoryRef>], r: TerritoryRef) -> u64 {
    match ancestors[r.0] {
        Some(_) => 0,
        None => ds.territory(r).area_km2.get(),
    }
}

/// The area of `selected`, counted once: a territory inside another selected one adds nothing.
pub fn counted_area_of(ds: &Dataset, selected: &[TerritoryRef]) -> u64 {
    let ancestors = selected_ancestors(ds, selected);
    selected
        .iter()
        .map(|&r| counted_area(ds, &ancestors, r))
        .sum()
}

/// The totals of the `selected` territories.
pub fn totals(ds: &Dataset, selected: &[TerritoryRef]) -> Totals {
    let area_km2_listed = selected
        .iter()
        .map(|&r| ds.territory(r).area_km2.get())
        .sum();
    let ancestors = selected_ancestors(ds, selected);
    let area_km2 = selected
        .iter()
        .map(|&r| counted_area(ds, &ancestors, r))
        .sum();
    let country = ds.country.area_km2.get();
    Totals {
        territories: selected.len(),
        area_km2_listed,
        area_km2,
        country_area_km2: country,
        share_percent: percent(area_km2, country),
        share_percent_listed: percent(area_km2_listed, country),
    }
}

/// The `selected` territories grouped by year of occupation (a stated period stays a group
/// of its own), earliest first, with the cumulative area.
pub fn by_year(ds: &Dataset, selected: &[TerritoryRef]) -> Vec<YearRow> {
    let ancestors = selected_ancestors(ds, selected);
    let mut rows: Vec<YearRow> = Vec::new();
    let mut sorted = selected.to_vec();
    sorted.sort_by_key(|&r| ds.territory(r).occupied);
    for r in sorted {
        let occupied = ds.territory(r).occupied;
        let period = match occupied.precision() {
            Precision::Day | Precision::Month => {
                When::year(occupied.first_day().year()).unwrap_or(occupied)
            }
            _ => occupied,
        };
        let area_listed = ds.territory(r).area_km2.get();
        let area = counted_area(ds, &ancestors, r);
        match rows.iter_mut().find(|row| row.period == period) {
            Some(row) => {
                row.territories.push(r);
                row.area_km2_listed += area_listed;
                row.area_km2 += area;
            }
            None => rows.push(YearRow {
                period,
                territories: vec![r],
                area_km2_listed: area_listed,
                area_km2: area,
                cumulative_area_km2: 0,
            }),
        }
    }
    rows.sort_by_key(|row| row.period);
    let mut cumulative = 0;
    for row in &mut rows {
        cumulative += row.area_km2;
        row.cumulative_area_km2 = cumulative;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Filter, SortKey, select};

    #[test]
    fn the_embedded_areas_sum_to_the_documented_totals() {
        let ds = crate::data::embedded().unwrap();
        let all = select(&ds, &Filter::default(), SortKey::Date, false);
        let t = totals(&ds, &all);
        assert_eq!(
            (t.territories, t.area_km2_listed, t.area_km2),
            (9, 14_682, 14_393)
        );
        assert_eq!((t.share_percent, t.share_percent_listed), (16.62, 16.95));
    }

    #[test]
    fn the_cumulative_area_by_year_ends_at_the_total() {
        let ds = crate::data::embedded().unwrap();
        let all = select(&ds, &Filter::default(), SortKey::Area, true);
        let rows = by_year(&ds, &all);
        let summary: Vec<(String, u64, u64)> = rows
            .iter()
            .map(|r| {
                (
                    r.period.to_string(),
                    r.area_km2_listed,
                    r.cumulative_area_km2,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("1988/1992".to_owned(), 4400, 4400),
                ("1992".to_owned(), 2129, 6240),
                ("1993".to_owned(), 8153, 14_393),
            ]
        );
    }

    #[test]
    fn a_percentage_is_rounded_to_two_decimals() {
        assert_eq!(percent(14_393, 86_600), 16.62);
        assert_eq!(percent(1, 3), 33.33);
        assert_eq!(percent(5, 0), 0.0);
    }
}
