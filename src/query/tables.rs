//! The dataset as related tables, one fact a cell, for other tools: the tables that `data
//! export --format sql` and `data package` write, described once here.

use super::identity::{Identity, LICENCE};
use crate::data::{Cited, Dataset, TerritoryRef, When};

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// A whole number.
    Integer,
    /// Text.
    Text,
    /// A date at its source's precision, as ISO 8601 text: `1993-04-02`, `1993-04`, `1993`, or
    /// a period such as `1988/1992`.
    When,
    /// A date known to the day, `YYYY-MM-DD`.
    Day,
    /// True or false.
    Boolean,
}

/// A column of a table: its name, type, whether every row has a value, and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableColumn {
    /// The snake_case name.
    pub name: &'static str,
    /// The type of its values.
    pub kind: Type,
    /// Whether every row has a value.
    pub required: bool,
    /// What it holds, for readers.
    pub about: &'static str,
}

/// A reference from columns of one table to the key of another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignKey {
    /// The referring columns.
    pub columns: &'static [&'static str],
    /// The table referred to.
    pub table: &'static str,
    /// Its columns referred to: its primary key.
    pub references: &'static [&'static str],
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// No value.
    Null,
    /// A whole number.
    Int(u64),
    /// True or false.
    Bool(bool),
    /// Text, or a date as ISO text.
    Text(String),
}

/// A table: its name, what it holds, its columns and keys, and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The name, in snake_case.
    pub name: &'static str,
    /// What a row is, for readers.
    pub about: &'static str,
    /// The columns.
    pub columns: Vec<TableColumn>,
    /// The columns that identify a row; empty where none does.
    pub primary_key: &'static [&'static str],
    /// References to other tables.
    pub foreign_keys: Vec<ForeignKey>,
    /// The rows, a cell for each column.
    pub rows: Vec<Vec<Cell>>,
}

const fn col(name: &'static str, kind: Type, about: &'static str) -> TableColumn {
    TableColumn {
        name,
        kind,
        required: false,
        about,
    }
}

const fn req(name: &'static str, kind: Type, about: &'static str) -> TableColumn {
    TableColumn {
        name,
        kind,
        required: true,
        about,
    }
}

const fn fk(
    columns: &'static [&'static str],
    table: &'static str,
    references: &'static [&'static str],
) -> ForeignKey {
    ForeignKey {
        columns,
        table,
        references,
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn opt(s: Option<&str>) -> Cell {
    s.map_or(Cell::Null, text)
}

fn when(w: When) -> Cell {
    Cell::Text(w.iso())
}

fn int(n: usize) -> Cell {
    Cell::Int(n as u64)
}

/// The dataset as tables, in an order in which every table comes after those it refers to.
pub fn tables(ds: &Dataset) -> Vec<Table> {
    use Type::*;
    let mut citations = Vec::new();
    let mut cite = |table: &str, key: String, field: Option<&str>, cited: &Cited| {
        for id in ds.source_ids(cited) {
            citations.push(vec![
                text(table),
                Cell::Text(key.clone()),
                opt(field),
                text(id),
            ]);
        }
    };
    let territory_id = |r: TerritoryRef| text(&ds.territory(r).id);

    let mut sources = Vec::new();
    for s in &ds.sources {
        sources.push(vec![
            text(&s.id),
            text(&s.title),
            opt(s.publisher.as_deref()),
            opt(s.url.as_deref()),
            s.date.map_or(Cell::Null, when),
            s.accessed.map_or(Cell::Null, when),
            opt(s.language.as_deref()),
        ]);
        if let Some(cited) = &s.publisher_source {
            cite("sources", s.id.clone(), Some("publisher"), cited);
        }
    }

    let figures = (ds.figures.iter())
        .map(|f| {
            vec![
                text(&f.id),
                text(&f.label),
                text(&f.unit),
                opt(f.period.as_deref()),
            ]
        })
        .collect();

    let country = vec![vec![
        text(&ds.country.name),
        Cell::Int(ds.country.area_km2.get()),
        (ds.country.occupied_share).map_or(Cell::Null, |f| text(&ds.figure(f).id)),
    ]];
    cite("country", ds.country.name.clone(), None, &ds.country.source);

    let (mut territories, mut within, mut aliases, mut alternatives, mut restorations) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for t in &ds.territories {
        territories.push(vec![
            text(&t.id),
            text(&t.name),
            opt(t.name_az.as_ref().map(|a| a.name.as_str())),
            opt(t.name_az.as_ref().and_then(|a| a.note.as_deref())),
            text(t.kind.as_str()),
            when(t.occupied),
            Cell::Int(t.area_km2.get()),
            opt(t.partial.as_ref().map(|p| p.note.as_str())),
        ]);
        cite("territories", t.id.clone(), None, &t.source);
        if let Some(a) = t.name_az.as_ref().and_then(|a| a.source.as_ref()) {
            cite("territories", t.id.clone(), Some("name_az"), a);
        }
        if let Some(p) = &t.partial {
            cite("territories", t.id.clone(), Some("partial_note"), &p.source);
        }
        if let Some(w) = &t.within {
            within.push(vec![
                text(&t.id),
                territory_id(w.territory),
                opt(w.note.as_deref()),
            ]);
            if let Some(cited) = &w.source {
                cite("territory_within", t.id.clone(), None, cited);
            }
        }
        for (n, a) in t.aliases.iter().enumerate() {
            aliases.push(vec![
                text(&t.id),
                int(n + 1),
                text(&a.name),
                opt(a.note.as_deref()),
            ]);
            if let Some(cited) = &a.source {
                cite("aliases", format!("{}/{}", t.id, n + 1), None, cited);
            }
        }
        for (n, a) in t.alternatives.iter().enumerate() {
            alternatives.push(vec![
                text(&t.id),
                int(n + 1),
                Cell::Int(a.area_km2.get()),
                opt(a.note.as_deref()),
            ]);
            cite(
                "area_alternatives",
                format!("{}/{}", t.id, n + 1),
                None,
                &a.source,
            );
        }
        if let Some(r) = &t.restored {
            restorations.push(vec![
                text(&t.id),
                int(1),
                when(r.date),
                text(r.scope.as_str()),
                Cell::Null,
                opt(r.note.as_deref()),
            ]);
            cite("restorations", format!("{}/1", t.id), None, &r.source);
            for (n, s) in r.later.iter().enumerate() {
                restorations.push(vec![
                    text(&t.id),
                    int(n + 2),
                    when(s.date),
                    Cell::Null,
                    text(&s.covers),
                    opt(s.note.as_deref()),
                ]);
                cite(
                    "restorations",
                    format!("{}/{}", t.id, n + 2),
                    None,
                    &s.source,
                );
            }
        }
    }

    let (mut observations, mut parts, mut observation_alternatives) =
        (Vec::new(), Vec::new(), Vec::new());
    for f in &ds.figures {
        for (n, o) in f.observations.iter().enumerate() {
            let key = format!("{}/{}", f.id, n + 1);
            observations.push(vec![
                text(&f.id),
                int(n + 1),
                o.as_of.map_or(Cell::Null, when),
                Cell::Int(o.value),
                Cell::Bool(o.approximate),
                opt(o.note.as_deref()),
            ]);
            cite("observations", key.clone(), None, &o.source);
            for p in &o.parts {
                parts.push(vec![
                    text(&f.id),
                    int(n + 1),
                    text(&p.id),
                    opt(p.label.as_deref()),
                    Cell::Int(p.value),
                    opt(p.of.map(|i| o.parts[i].id.as_str())),
                ]);
            }
            for (m, a) in o.alternatives.iter().enumerate() {
                observation_alternatives.push(vec![
                    text(&f.id),
                    int(n + 1),
                    int(m + 1),
                    a.value.map_or(Cell::Null, Cell::Int),
                    a.as_of.map_or(Cell::Null, when),
                    opt(a.note.as_deref()),
                ]);
                cite(
                    "observation_alternatives",
                    format!("{key}/{}", m + 1),
                    None,
                    &a.source,
                );
            }
        }
    }

    let (mut events, mut event_territories) = (Vec::new(), Vec::new());
    for (n, e) in ds.events.iter().enumerate() {
        events.push(vec![
            int(n + 1),
            when(e.date),
            text(&e.label),
            opt(e.note.as_deref()),
            opt(e.mark.as_ref().map(|m| m.label.as_str())),
        ]);
        cite("events", (n + 1).to_string(), None, &e.source);
        for &t in &e.territories {
            event_territories.push(vec![int(n + 1), territory_id(t)]);
        }
    }

    let identity = Identity::of(ds);
    let dataset = vec![vec![
        opt(identity.edition.as_ref().map(|e| e.id.as_str())),
        (identity.edition.as_ref()).map_or(Cell::Null, |e| Cell::Text(e.released.to_string())),
        Cell::Text(identity.sha256.clone()),
        // The licence is the project's, given with its editions; a file of one's own has its
        // author's.
        opt(identity.edition.as_ref().map(|_| LICENCE.id)),
        Cell::Int(u64::from(ds.schema)),
    ]];

    vec![
        Table {
            name: "dataset",
            about: "The edition of the dataset these tables hold, its content hash and licence",
            columns: vec![
                col("edition", Text, "the edition's identifier"),
                col("released", Day, "the day the edition was released"),
                req(
                    "sha256",
                    Text,
                    "the SHA-256 of the dataset as canonical JSON, which identifies it",
                ),
                col(
                    "licence",
                    Text,
                    "the licence of the compilation, labels and notes, as an SPDX identifier, \
                     for an edition of the project's",
                ),
                req(
                    "schema_version",
                    Integer,
                    "the version of the schema the dataset was written for",
                ),
            ],
            primary_key: &[],
            foreign_keys: vec![],
            rows: dataset,
        },
        Table {
            name: "sources",
            about: "The sources the values come from",
            columns: vec![
                req("id", Text, "the source's short identifier"),
                req("title", Text, "its title"),
                col("publisher", Text, "who published it"),
                col("url", Text, "where it can be read"),
                col("date", When, "the date it bears"),
                col("accessed", When, "when its address was last checked"),
                col(
                    "language",
                    Text,
                    "the language of its title, where not English, as a BCP 47 tag",
                ),
            ],
            primary_key: &["id"],
            foreign_keys: vec![],
            rows: sources,
        },
        Table {
            name: "figures",
            about: "Counted figures, such as the number of missing persons",
            columns: vec![
                req("id", Text, "the figure's short identifier"),
                req("label", Text, "what is counted"),
                req(
                    "unit",
                    Text,
                    "the unit of its values, such as people or percent",
                ),
                col(
                    "period",
                    Text,
                    "the period of the conflict it belongs to, such as 1988–1994: the dataset's \
                     grouping",
                ),
            ],
            primary_key: &["id"],
            foreign_keys: vec![],
            rows: figures,
        },
        Table {
            name: "country",
            about: "The country against whose area shares are computed",
            columns: vec![
                req("name", Text, "its name"),
                req(
                    "area_km2",
                    Integer,
                    "its total area in km², as its source states it",
                ),
                col(
                    "occupied_share",
                    Text,
                    "the figure that states the share of its area that was occupied",
                ),
            ],
            primary_key: &["name"],
            foreign_keys: vec![fk(&["occupied_share"], "figures", &["id"])],
            rows: country,
        },
        Table {
            name: "territories",
            about: "The territories, with their dates of occupation and areas as the sources state them",
            columns: vec![
                req("id", Text, "the territory's short identifier"),
                req("name", Text, "the name as the source document spells it"),
                col(
                    "name_az",
                    Text,
                    "the name in Azerbaijani, official Latin alphabet",
                ),
                col("name_az_note", Text, "a note on the Azerbaijani name"),
                req(
                    "kind",
                    Text,
                    "region or district: the dataset's classification, which no source gives",
                ),
                req(
                    "occupied",
                    When,
                    "the date of occupation, as precise as the source: a day, a month, a year or a period",
                ),
                req(
                    "area_km2",
                    Integer,
                    "the area in km² as the source states it; for a territory only partly occupied, the whole district's",
                ),
                col(
                    "partial_note",
                    Text,
                    "where only part of it was occupied, what the sources say of that part",
                ),
            ],
            primary_key: &["id"],
            foreign_keys: vec![],
            rows: territories,
        },
        Table {
            name: "territory_within",
            about: "Territories that lie within another, whose area already includes theirs",
            columns: vec![
                req("territory", Text, "the territory that lies within another"),
                req("lies_within", Text, "the territory it lies within"),
                col("note", Text, "an explanation"),
            ],
            primary_key: &["territory"],
            foreign_keys: vec![
                fk(&["territory"], "territories", &["id"]),
                fk(&["lies_within"], "territories", &["id"]),
            ],
            rows: within,
        },
        Table {
            name: "aliases",
            about: "Other names and spellings of the territories",
            columns: vec![
                req("territory", Text, "the territory"),
                req(
                    "n",
                    Integer,
                    "the alias's place among the territory's, from 1",
                ),
                req("name", Text, "the name"),
                col("note", Text, "who uses it or what it names"),
            ],
            primary_key: &["territory", "n"],
            foreign_keys: vec![fk(&["territory"], "territories", &["id"])],
            rows: aliases,
        },
        Table {
            name: "area_alternatives",
            about: "Areas other sources give for a territory, beside the one the dataset states",
            columns: vec![
                req("territory", Text, "the territory"),
                req(
                    "n",
                    Integer,
                    "the alternative's place among the territory's, from 1",
                ),
                req("area_km2", Integer, "the area in km² that source gives"),
                col("note", Text, "a qualification"),
            ],
            primary_key: &["territory", "n"],
            foreign_keys: vec![fk(&["territory"], "territories", &["id"])],
            rows: alternatives,
        },
        Table {
            name: "restorations",
            about: "When control of a territory was restored to Azerbaijan, stage by stage",
            columns: vec![
                req("territory", Text, "the territory"),
                req(
                    "stage",
                    Integer,
                    "the stage, from 1; later stages cover what the first left out",
                ),
                req("date", When, "when, as precise as the source"),
                col(
                    "scope",
                    Text,
                    "for the first stage: whole, town (its town only; the sources give no date for the rest) or part (later stages follow)",
                ),
                col("covers", Text, "for a later stage: what it covered"),
                col("note", Text, "a qualification"),
            ],
            primary_key: &["territory", "stage"],
            foreign_keys: vec![fk(&["territory"], "territories", &["id"])],
            rows: restorations,
        },
        Table {
            name: "observations",
            about: "The dated values of each figure, each as one source gives it",
            columns: vec![
                req("figure", Text, "the figure"),
                req(
                    "n",
                    Integer,
                    "the observation's place, earliest first, from 1",
                ),
                col(
                    "as_of",
                    When,
                    "the date the value is stated for, as precise as the source",
                ),
                req("value", Integer, "the value, in the figure's unit"),
                req(
                    "approximate",
                    Boolean,
                    "whether the source gives the value as approximate (\"some 90,000\"): not exact",
                ),
                col("note", Text, "a qualification"),
            ],
            primary_key: &["figure", "n"],
            foreign_keys: vec![fk(&["figure"], "figures", &["id"])],
            rows: observations,
        },
        Table {
            name: "observation_parts",
            about: "Breakdowns of observations, exactly as stated: parts may overlap and need not add up",
            columns: vec![
                req("figure", Text, "the figure"),
                req("observation", Integer, "the observation's place"),
                req("id", Text, "the part's identifier within the observation"),
                col("label", Text, "what the part counts"),
                req("value", Integer, "the count"),
                col(
                    "subset_of",
                    Text,
                    "the part of the same observation this one is a subset of",
                ),
            ],
            primary_key: &["figure", "observation", "id"],
            foreign_keys: vec![fk(
                &["figure", "observation"],
                "observations",
                &["figure", "n"],
            )],
            rows: parts,
        },
        Table {
            name: "observation_alternatives",
            about: "What other sources say of an observation: a different value, date or both",
            columns: vec![
                req("figure", Text, "the figure"),
                req("observation", Integer, "the observation's place"),
                req("n", Integer, "the alternative's place, from 1"),
                col(
                    "value",
                    Integer,
                    "the value that source gives, where it differs",
                ),
                col(
                    "as_of",
                    When,
                    "the date that source gives, where it differs",
                ),
                col("note", Text, "a qualification"),
            ],
            primary_key: &["figure", "observation", "n"],
            foreign_keys: vec![fk(
                &["figure", "observation"],
                "observations",
                &["figure", "n"],
            )],
            rows: observation_alternatives,
        },
        Table {
            name: "events",
            about: "Dated events of the timeline beside the occupations and restorations",
            columns: vec![
                req("n", Integer, "the event's place in the dataset, from 1"),
                req("date", When, "when it happened, as precise as the source"),
                req("label", Text, "what happened"),
                col("note", Text, "details"),
                col("mark", Text, "a short label for a time axis"),
            ],
            primary_key: &["n"],
            foreign_keys: vec![],
            rows: events,
        },
        Table {
            name: "event_territories",
            about: "The territories each event concerns",
            columns: vec![
                req("event", Integer, "the event's place"),
                req("territory", Text, "a territory it concerns"),
            ],
            primary_key: &["event", "territory"],
            foreign_keys: vec![
                fk(&["event"], "events", &["n"]),
                fk(&["territory"], "territories", &["id"]),
            ],
            rows: event_territories,
        },
        Table {
            name: "citations",
            about: "Which row (and which of its values) each source is cited for",
            columns: vec![
                req("cited_table", Text, "the table of the row"),
                req(
                    "cited_key",
                    Text,
                    "the row's key, its key columns joined with /",
                ),
                col(
                    "cited_field",
                    Text,
                    "the column the source is cited for; empty where it is cited for the whole row",
                ),
                req("source", Text, "the source cited"),
            ],
            primary_key: &[],
            foreign_keys: vec![fk(&["source"], "sources", &["id"])],
            rows: citations,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_cell_for_each_column_and_required_cells_are_filled() {
        let ds = crate::data::embedded().unwrap();
        for table in tables(&ds) {
            for row in &table.rows {
                assert_eq!(row.len(), table.columns.len(), "{}", table.name);
                for (cell, column) in row.iter().zip(&table.columns) {
                    assert!(
                        !(column.required && *cell == Cell::Null),
                        "{}.{}",
                        table.name,
                        column.name
                    );
                }
            }
        }
    }

    #[test]
    fn every_value_of_the_dataset_is_cited_once_per_source() {
        let ds = crate::data::embedded().unwrap();
        let all = tables(&ds);
        let citations = all.iter().find(|t| t.name == "citations").unwrap();
        let kalbajar: Vec<&Cell> = (citations.rows.iter())
            .filter(|r| r[0] == text("area_alternatives") && r[1] == text("kalbajar/2"))
            .map(|r| &r[3])
            .collect();
        assert_eq!(kalbajar, [&text("wikipedia-ru-kelbajar")]);
        // Every table's foreign keys name a table that comes before it.
        for (i, table) in all.iter().enumerate() {
            for key in &table.foreign_keys {
                assert!(
                    all[..i].iter().any(|t| t.name == key.table),
                    "{}",
                    table.name
                );
            }
        }
    }
}
