//! `karabakh sources`: every source and what cites it.

use crate::data::{Cited, Dataset, Source};
use crate::output::{Column, Context, Field, Listing, Value};

use super::NotFound;

/// A source and the paths of the records that cite it: a row of the listing.
type Row<'a, 'c> = (&'a Source, &'c [String]);

/// The fields of the listing of sources.
pub fn fields<'a, 'c>() -> Vec<Field<Row<'a, 'c>>> {
    vec![
        Field::new(
            Column::new("id", "id").about("the source's short id, which records cite"),
            |_, (s, _)| Value::str(&s.id),
        ),
        Field::new(
            Column::new("title", "title").about("its title"),
            |_, (s, _)| Value::str(&s.title),
        ),
        Field::new(
            Column::new("publisher", "publisher")
                .about("who published it")
                .optional(2),
            |_, (s, _)| Value::opt(s.publisher.as_deref()),
        ),
        Field::new(
            Column::new("url", "url")
                .about("where it can be read, as found")
                .caveat()
                .optional(1),
            |_, (s, _)| Value::opt(s.url.as_deref()),
        ),
        Field::new(
            Column::new("date", "date")
                .about("the date it bears")
                .optional(3),
            |_, (s, _)| s.date.map_or(Value::Null, Value::Date),
        ),
        Field::new(
            Column::new("cited_by", "cited by")
                .about("the records that cite it, by their paths in the dataset")
                .computed()
                .optional(0),
            |_, (_, cited_by)| Value::List(cited_by.to_vec()),
        ),
        Field::new(
            Column::new("accessed", "accessed")
                .about("when its address was last checked")
                .optional(4),
            |_, (s, _)| s.accessed.map_or(Value::Null, Value::Date),
        ),
        Field::new(
            Column::new("language", "language")
                .about("the language of its title, where not English (a BCP 47 tag)")
                .optional(5),
            |_, (s, _)| Value::opt(s.language.as_deref()),
        ),
    ]
}

/// The sources, each with the list of records that cite it.
pub fn report(ds: &Dataset) -> Listing {
    let cited_by = citations(ds);
    let context = Context::of(ds);
    let rows = ds.sources.iter().zip(cited_by.iter().map(Vec::as_slice));
    Listing::of(&context, &fields(), rows)
        .note("cited by names each citing record by its path in the dataset")
}

/// The source whose id is `id`, one field a row, and every record that cites it.
pub fn one(ds: &Dataset, id: &str) -> Result<Listing, NotFound> {
    let Some(i) = ds.sources.iter().position(|s| s.id == id) else {
        let ids = ds.sources.iter().map(|s| s.id.as_str());
        return Err(NotFound::id("source", id, ids, "karabakh sources"));
    };
    let s = &ds.sources[i];
    let mut report = Listing::fields(vec![
        Column::new("field", "field").about(
            "what the row gives: id, title, publisher, publisher_source, url, date, accessed, \
             language or cited_by",
        ),
        Column::new("value", "value").about("the value of the field"),
    ]);
    let fields = [
        ("id", Value::str(&s.id)),
        ("title", Value::str(&s.title)),
        ("publisher", Value::opt(s.publisher.as_deref())),
        (
            "publisher_source",
            Value::maybe_sources(ds, s.publisher_source.as_ref()),
        ),
        ("url", Value::opt(s.url.as_deref())),
        ("date", s.date.map_or(Value::Null, Value::Date)),
        ("accessed", s.accessed.map_or(Value::Null, Value::Date)),
        ("language", Value::opt(s.language.as_deref())),
    ];
    for (field, value) in fields {
        report.push(vec![Value::str(field), value]);
    }
    let cited_by = citations(ds).swap_remove(i);
    for path in cited_by {
        report.push(vec![Value::str("cited_by"), Value::owned(path)]);
    }
    Ok(report.note("cited by names each citing record by its path in the dataset"))
}

/// For each source, in order, the paths of the records that cite it, such as
/// `territories.kalbajar.restored`.
pub fn citations(ds: &Dataset) -> Vec<Vec<String>> {
    let mut by_source = vec![Vec::new(); ds.sources.len()];
    let mut cite = |cited: &Cited, path: String| {
        for r in cited.refs() {
            // A record names each path once, so only its own last entry can repeat it.
            let list: &mut Vec<String> = &mut by_source[r.0];
            if list.last() != Some(&path) {
                list.push(path.clone());
            }
        }
    };
    cite(&ds.country.source, "country".to_owned());
    for s in &ds.sources {
        if let Some(c) = &s.publisher_source {
            cite(c, format!("sources.{}.publisher", s.id));
        }
    }
    for t in &ds.territories {
        let at = |field: &str| format!("territories.{}.{field}", t.id);
        cite(&t.source, format!("territories.{}", t.id));
        if let Some(c) = t.name_az.as_ref().and_then(|a| a.source.as_ref()) {
            cite(c, at("name_az"));
        }
        for a in &t.aliases {
            if let Some(c) = &a.source {
                cite(c, at("aliases"));
            }
        }
        if let Some(c) = t.within.as_ref().and_then(|w| w.source.as_ref()) {
            cite(c, at("within"));
        }
        if let Some(p) = &t.partial {
            cite(&p.source, at("partial"));
        }
        if let Some(r) = &t.restored {
            cite(&r.source, at("restored"));
            for s in &r.later {
                cite(&s.source, at("restored.later"));
            }
        }
        for a in &t.alternatives {
            cite(&a.source, at("alternatives"));
        }
    }
    for f in &ds.figures {
        for o in &f.observations {
            let when = o
                .as_of
                .map_or_else(|| "undated".to_owned(), |d| d.to_string());
            cite(&o.source, format!("figures.{}.{when}", f.id));
            for a in &o.alternatives {
                cite(&a.source, format!("figures.{}.{when}.alternatives", f.id));
            }
        }
    }
    for e in &ds.events {
        cite(&e.source, format!("events.{}", e.date));
    }
    by_source
}
