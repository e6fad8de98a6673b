//! Queries over a validated dataset: selecting, sorting, summing, matching names and
//! building the timeline. Nothing here prints.

mod names;
mod select;
mod timeline;
mod totals;
mod units;

pub use names::{Lookup, fold, lookup};
pub use select::{DateRange, Filter, SortKey, select, years_held};
pub use timeline::{Entry, EntryKind, timeline};
pub use totals::{Totals, YearRow, by_year, overlaps, percent, totals};
pub use units::{AreaUnit, Converted};
