//! One module per command: each turns query results into an [`output::Report`](crate::output::Report).

pub mod chart;
pub mod data;
pub mod districts;
pub mod figures;
pub mod show;
pub mod sources;
pub mod timeline;
pub mod totals;

use crate::data::Territory;
use crate::output::Value;
use crate::query;

/// Years held as a report value: computed, one decimal, null when it cannot be computed.
fn years_held(t: &Territory<'_>) -> Value<'static> {
    query::years_held(t).map_or(Value::Null, |y| Value::Decimal(y, 1))
}

/// The note that says how years held are computed.
const YEARS_HELD_NOTE: &str = "years held is computed: the days from occupation to restoration \
     divided by 365.2425; it is empty where either date is not known to the day";

// Notes name at most this many records; a large dataset would otherwise drown the table.
const NOTE_ITEMS: usize = 5;

/// `items` joined by `separator`, cut after a few with the number left out.
fn some_of(items: &[impl AsRef<str>], separator: &str) -> String {
    let shown: Vec<&str> = items.iter().take(NOTE_ITEMS).map(AsRef::as_ref).collect();
    let mut s = shown.join(separator);
    if items.len() > NOTE_ITEMS {
        s.push_str(&format!(" and {} more", items.len() - NOTE_ITEMS));
    }
    s
}
