//! Queries over a validated dataset: selecting, sorting, summing, matching names and
//! building the timeline. Nothing here prints.

mod check;
mod facts;
mod held;
mod names;
mod quoted;
mod select;
mod timeline;
mod totals;
mod units;

pub use check::{Checked, Compared, Remark, Verdict, check};
pub use facts::{Computation, Fact, FactValue, Partly, territory_facts};
pub use held::{Change, Held, HeldArea, held_area, held_on, parts_released, series};
pub use names::{Lookup, fold, lookup};
pub use quoted::{Claim, Quantity, Quoted, quoted};
pub use select::{DateRange, Filter, SortKey, YearsHeld, select, years_held};
pub use timeline::{Entry, EntryKind, timeline};
pub use totals::{Totals, YearRow, by_year, counted_area_of, overlaps, percent, totals};
pub use units::{AreaUnit, Converted};
