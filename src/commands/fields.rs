//! `karabakh fields`: every field of every listing, with its unit, whether it is computed or
//! taken from a source, and what it holds, so that a program can tell them apart.

use super::ListingColumns;
use crate::data::Dataset;
use crate::output::{Column, Context, Field, Listing, Value};
use crate::query::AreaUnit;

/// A field of a listing, as `fields` lists it: the command line that makes the listing and
/// the column.
pub struct Listed<'c> {
    /// The command line that makes the listing, as "totals --by year".
    pub command: &'static str,
    /// The field's column.
    pub column: &'c Column,
}

/// The fields of a listing of fields.
pub fn fields<'l, 'c>() -> Vec<Field<&'l Listed<'c>>> {
    vec![
        Field::new(
            Column::new("command", "command").about("the command and options that list the field").computed(),
            |_, l| Value::word(l.command),
        ),
        Field::new(
            Column::new("field", "field").about("the field's name in every format").computed(),
            |_, l| Value::owned(l.column.key.to_string()),
        ),
        Field::new(
            Column::new("unit", "unit").about("the unit of its values, if they have one").computed(),
            |_, l| Value::opt(unit_of(&l.column.key)),
        ),
        Field::new(
            Column::new("origin", "origin")
                .about("`sourced` if the values come from the sources, `computed` if karabakh computes them from those, `given` if the command line gives them, `dataset` if the dataset sets them though no source gives them").computed(),
            |_, l| Value::word(l.column.origin.as_str()),
        ),
        Field::new(
            Column::new("meaning", "meaning").about("what the field holds").computed(),
            |_, l| Value::word(l.column.about),
        ),
    ]
}

/// The fields of the listings of `command` (every command's without one), in `unit`.
pub fn report(ds: &Dataset, command: Option<&str>, unit: AreaUnit) -> Listing {
    let listings = listings(ds, command, unit);
    let listed: Vec<Listed> = (listings.iter())
        .flat_map(|(command, columns)| (columns.iter()).map(|column| Listed { command, column }))
        .collect();
    Listing::of(&Context::of(ds), &fields(), &listed).note(
        "machine formats carry these names; a computed field is worked out by karabakh from \
         sourced ones, as its meaning says",
    )
}

/// The listings of `command` (every command's without one), each as the command line that
/// makes it, with its columns in `unit`.
pub fn listings(ds: &Dataset, command: Option<&str>, unit: AreaUnit) -> Vec<ListingColumns> {
    (super::LISTING_COMMANDS.iter())
        .filter(|c| command.is_none_or(|name| c.name == name))
        .flat_map(|c| (c.listings)(ds, unit))
        .collect()
}

// The unit of a field, from the name it has in every format.
fn unit_of(key: &str) -> Option<&'static str> {
    if let Some(unit) = AreaUnit::of_field(key) {
        Some(unit.symbol())
    } else if key.contains("percent") {
        Some("%")
    } else if key == "years_held" {
        Some("years")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_every_listing_says_what_it_holds() {
        let ds = crate::data::embedded().unwrap();
        for unit in [AreaUnit::Km2, AreaUnit::Mi2] {
            for (command, columns) in listings(&ds, None, unit) {
                for column in columns {
                    assert!(!column.about.is_empty(), "{command}: {}", column.key);
                }
            }
        }
        // Computed values are told from sourced ones.
        let listed = listings(&ds, None, AreaUnit::Km2);
        let origin = |command: &str, key: &str| {
            let (_, columns) = listed.iter().find(|(c, _)| *c == command).unwrap();
            columns.iter().find(|c| c.key == key).unwrap().origin
        };
        assert_eq!(
            origin("districts", "years_held"),
            crate::output::Origin::Computed
        );
        assert_eq!(
            origin("districts", "area_km2"),
            crate::output::Origin::Sourced
        );
        assert_eq!(
            origin("totals", "share_percent"),
            crate::output::Origin::Computed
        );
        assert_eq!(origin("totals --on", "on"), crate::output::Origin::Given);
    }
}
