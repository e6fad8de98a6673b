//! One module per command: each turns query results into an [`output::Listing`](crate::output::Listing).

pub mod audit;
pub mod chart;
pub mod check;
pub mod cite;
pub mod dataset;
pub mod diff;
pub mod districts;
pub mod fields;
pub mod figures;
pub mod report;
pub mod show;
pub mod sources;
pub mod timeline;
pub mod totals;

use chrono::NaiveDate;

use crate::data::{Dataset, Scope, Source, SourceRef, Territory, TerritoryRef};
use crate::output::{Column, Naming, columns_of, escape_for_terminal};
use crate::query::{AreaUnit, Filter};

/// A listing, named by the command line that makes it, with its columns.
pub type ListingColumns = (&'static str, Vec<Column>);

/// A command that lists: its name, what it lists, and its listings, each named by the command
/// line that makes it with its columns.
pub struct ListingCommand {
    /// The command's name.
    pub name: &'static str,
    /// What it lists, in a few words.
    pub about: &'static str,
    /// Its listings, by the command line that makes each, with their columns in `unit`.
    pub listings: fn(&Dataset, AreaUnit) -> Vec<ListingColumns>,
}

/// Every command that lists: `fields`, completion and the command line read this one list.
pub const LISTING_COMMANDS: &[ListingCommand] = &[
    ListingCommand {
        name: "districts",
        about: "The territories",
        listings: |_, unit| {
            let day = chrono::NaiveDate::default();
            vec![
                ("districts", columns_of(&districts::fields(unit, None))),
                (
                    "districts --on",
                    columns_of(&districts::fields(unit, Some(day))),
                ),
            ]
        },
    },
    ListingCommand {
        name: "totals",
        about: "Sums, the state on a day and the area held over time",
        listings: |ds, unit| {
            let all = Filter::default();
            let on = Filter {
                on: Some(chrono::NaiveDate::default()),
                ..Filter::default()
            };
            // `totals` and `totals --on` are records of one row, whose columns come with their
            // values.
            vec![
                (
                    "totals",
                    totals::report(ds, &all, unit, Naming::Ids).columns,
                ),
                ("totals --by year", columns_of(&totals::year_fields(unit))),
                ("totals --on", totals::on(ds, &on, unit).columns),
                ("totals --series", columns_of(&totals::series_fields(unit))),
            ]
        },
    },
    ListingCommand {
        name: "show",
        about: "One territory",
        listings: |_, _| vec![("show", columns_of(&show::fields()))],
    },
    ListingCommand {
        name: "figures",
        about: "The counted figures",
        listings: |_, _| vec![("figures", columns_of(&figures::fields()))],
    },
    ListingCommand {
        name: "timeline",
        about: "The dated events",
        listings: |_, _| vec![("timeline", columns_of(&timeline::fields()))],
    },
    ListingCommand {
        name: "check",
        about: "The verdicts on the figures of a text",
        listings: |_, _| vec![("check", columns_of(&check::fields()))],
    },
    ListingCommand {
        name: "sources",
        about: "The sources",
        listings: |ds, _| {
            let mut listings = vec![("sources", columns_of(&sources::fields()))];
            let first = ds.sources.first().map(|s| s.id.as_str());
            if let Some(one) = first.and_then(|id| sources::one(ds, id).ok()) {
                listings.push(("sources ID", one.columns));
            }
            listings
        },
    },
    ListingCommand {
        name: "fields",
        about: "The fields of the listings",
        listings: |_, _| vec![("fields", columns_of(&fields::fields()))],
    },
    ListingCommand {
        name: "data diff",
        about: "What changed between two datasets",
        listings: |_, _| vec![("data diff", columns_of(&diff::fields()))],
    },
];

/// Nothing has the name or id asked for: the message says what comes close, and the program
/// exits with status 1.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct NotFound {
    message: String,
}

impl NotFound {
    /// Nothing was found; `message` says what was looked for and what comes close.
    pub fn new(message: String) -> Self {
        NotFound { message }
    }

    /// No `what` has the id `id`; the ids there are, with those like it first.
    pub fn id<'i>(what: &str, id: &str, ids: impl Iterator<Item = &'i str>, list: &str) -> Self {
        let mut ids: Vec<(f64, &str)> = ids.map(|i| (strsim::jaro_winkler(id, i), i)).collect();
        ids.sort_by(|a, b| b.0.total_cmp(&a.0));
        let close: Vec<&str> = ids
            .iter()
            .filter(|(s, _)| *s >= 0.8)
            .map(|(_, i)| *i)
            .take(3)
            .collect();
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!(
                "\n\ndid you mean: {}?",
                escape_for_terminal(&close.join(", "))
            )
        };
        NotFound::new(format!(
            "no {what} has the id \"{}\"{hint}\n\n`{list}` lists them all",
            escape_for_terminal(id)
        ))
    }
}
use crate::output::Value;
use crate::query;

/// Years held as a report value: computed, one decimal, null when not restored; a range
/// ("30.7–35.7", in JSON `{"at_least": 30.7, "at_most": 35.7}`) where a date is not a day.
fn years_held(t: &Territory) -> Value {
    years_value(query::years_held(t))
}

/// Years held as a report value, as [`years_held`] gives them.
fn years_value(years: Option<query::YearsHeld>) -> Value {
    match years {
        None => Value::Null,
        Some(y) if y.is_range() => Value::structured(
            format!("{:.1}–{:.1}", y.at_least, y.at_most),
            serde_json::json!({ "at_least": y.at_least, "at_most": y.at_most }),
        ),
        Some(y) => Value::Decimal(y.at_least, 1),
    }
}

/// The note that says how years held are computed.
const YEARS_HELD_NOTE: &str = "years held is computed: days held ÷ 365.2425; where a date is \
     a year, a month or a period, it is a range (such as 30.7–35.7) from the fewest days the \
     dates allow to the most";

/// The territories of `selected` for which `keep` holds, in the selection's order, as
/// `naming` names them: every one, since a note that names only some of the records it
/// qualifies leaves the others shown without their caveat.
fn named_where<'a>(
    ds: &'a Dataset,
    selected: &[TerritoryRef],
    naming: Naming,
    keep: impl Fn(&Territory) -> bool,
) -> Vec<&'a str> {
    (selected.iter())
        .map(|&r| ds.territory(r))
        .filter(|t| keep(t))
        .map(|t| naming.territory(t))
        .collect()
}

/// The caveats of every view that lists, sums or draws `selected`: territories only part of
/// which was occupied though their whole area is counted, and, where the view shows or uses
/// the dates of restoration (`restorations`), those the sources give for a town only.
/// `naming` names the territories.
fn caveats(
    ds: &Dataset,
    selected: &[TerritoryRef],
    restorations: bool,
    naming: Naming,
) -> Vec<String> {
    let mut notes: Vec<String> = document_terms(ds, selected).into_iter().collect();
    let partial = named_where(ds, selected, naming, |t| t.partial.is_some());
    if !partial.is_empty() {
        notes.push(format!(
            "only partly occupied, though their whole areas are counted: {}",
            partial.join(", ")
        ));
    }
    let town = named_where(ds, selected, naming, |t| {
        t.restored.as_ref().is_some_and(|r| r.scope == Scope::Town)
    });
    if restorations && !town.is_empty() {
        notes.push(format!(
            "the sources date only the town's restoration: {}",
            town.join(", ")
        ));
    }
    if restorations {
        notes.extend(staged(ds, selected, None, naming));
    }
    notes
}

/// The note that the territories of `selected`, their dates of occupation and the word
/// "occupied" are their source's (the document's), not the tool's: the tool uses its words.
fn document_terms(ds: &Dataset, selected: &[TerritoryRef]) -> Option<String> {
    let mut refs: Vec<SourceRef> = (selected.iter())
        .flat_map(|&r| ds.territory(r).source.refs().iter().copied())
        .collect();
    refs.sort();
    refs.dedup();
    let titles: Vec<&str> = refs.iter().map(|&r| ds.source(r).title.as_str()).collect();
    (!titles.is_empty()).then(|| {
        format!(
            "the list of territories, their dates of occupation and the term \"occupied\" are \
             those of {}, not karabakh's own",
            titles.join(" and ")
        )
    })
}

/// The note on the territories of `selected` restored in stages, counted as restored from the
/// first; with `on`, only those with a stage still to come that day.
fn staged(
    ds: &Dataset,
    selected: &[TerritoryRef],
    on: Option<NaiveDate>,
    naming: Naming,
) -> Option<String> {
    let stages: Vec<String> = (selected.iter())
        .map(|&r| ds.territory(r))
        .filter_map(|t| Some((t, t.restored.as_ref()?)))
        .flat_map(|(t, restored)| {
            let later = restored.later.iter();
            let later =
                later.filter(move |s| on.is_none_or(|day| restored.pending_on(day) == Some(*s)));
            later.map(move |s| {
                format!(
                    "{} from {}, though {} followed on {}",
                    naming.territory(t),
                    restored.date.iso(),
                    s.covers,
                    s.date.iso()
                )
            })
        })
        .collect();
    (!stages.is_empty()).then(|| {
        format!(
            "restored in stages and counted as restored from the first, since no source gives \
             the area of the later ones: {}",
            stages.join("; ")
        )
    })
}

/// The sources of the names, dates and areas of `selected`, with `restorations` of their
/// dates of restoration, and the sources `also` (such as the country's area's for a share),
/// each once, in the dataset's order.
pub fn sources_of<'a>(
    ds: &'a Dataset,
    selected: &[TerritoryRef],
    restorations: bool,
    also: &[SourceRef],
) -> Vec<&'a Source> {
    let mut refs: Vec<SourceRef> = also.to_vec();
    for &r in selected {
        let t = ds.territory(r);
        refs.extend(t.source.refs());
        if restorations && let Some(restored) = &t.restored {
            refs.extend(restored.source.refs());
            refs.extend(restored.later.iter().flat_map(|s| s.source.refs()));
        }
    }
    refs.sort();
    refs.dedup();
    refs.into_iter().map(|r| ds.source(r)).collect()
}

/// The note that other sources give other areas for some of `selected`, if they do; by id,
/// with the command that shows them, or by name.
pub fn disputed_areas(ds: &Dataset, selected: &[TerritoryRef], naming: Naming) -> Option<String> {
    let disputed = named_where(ds, selected, naming, |t| !t.alternatives.is_empty());
    (!disputed.is_empty()).then(|| {
        let note = format!("other sources give other areas for {}", disputed.join(", "));
        match naming {
            Naming::Ids => format!("{note}: see `karabakh show NAME`"),
            Naming::Names => note,
        }
    })
}
