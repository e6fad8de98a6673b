//! Queries over a validated dataset: selecting, sorting, summing, matching names, building the
//! timeline, and the dataset's identity and related tables for other tools. Nothing here prints.

mod check;
mod facts;
mod held;
mod identity;
mod names;
mod quoted;
mod select;
mod tables;
mod timeline;
mod totals;
mod units;

pub use check::{Checked, Compared, Remark, Verdict, check};
pub use facts::{Computation, Fact, FactValue, Partly, territory_facts};
pub use held::{Change, Held, HeldArea, held_area, held_on, parts_released, series};
pub use identity::{COMPILER, DatasetCitation, Identity, LICENCE, LICENCE_SCOPE, Licence, sha256};
pub use names::{Lookup, fold, lookup};
pub use quoted::{Claim, Quantity, Quoted, quoted};
pub use select::{DateRange, Filter, SortKey, YearsHeld, select, years_held};
pub use tables::{Cell, ForeignKey, Table, TableColumn, Type, tables};
pub use timeline::{Entry, EntryKind, timeline};
pub use totals::{Totals, YearRow, by_year, counted_area_of, overlaps, percent, totals};
pub use units::{AreaUnit, Converted};
