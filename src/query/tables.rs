//! The dataset as related tables, one fact a cell, for other tools: the tables that `data
//! export --format sql` and `data package` write, described once here.

use super::identity::{Identity, LICENCE};
use crate::data::{
    Alias, AreaAlternative, Cited, Country, Dataset, Event, Figure, Observation,
    ObservationAlternative, Part, Scope, Source, Territory, TerritoryRef, When, Within,
};

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

// A column with the function that gives its cell in a row of type `R`: a new field is one of
// these, and its cells cannot fall out of step with its header.
struct Col<R> {
    column: TableColumn,
    cell: fn(&R) -> Cell,
}

fn col<R>(name: &'static str, kind: Type, about: &'static str, cell: fn(&R) -> Cell) -> Col<R> {
    let column = TableColumn {
        name,
        kind,
        required: false,
        about,
    };
    Col { column, cell }
}

// A column that every row has a value in.
fn req<R>(name: &'static str, kind: Type, about: &'static str, cell: fn(&R) -> Cell) -> Col<R> {
    let mut c = col(name, kind, about, cell);
    c.column.required = true;
    c
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

fn when(w: Option<When>) -> Cell {
    w.map_or(Cell::Null, |w| Cell::Text(w.iso()))
}

fn int(n: usize) -> Cell {
    Cell::Int(n as u64)
}

// The sources a row cites, each for the column it names or, without one, for the whole row.
type Citing<'r> = Vec<(Option<&'static str>, &'r Cited)>;

// What a table is, beside its rows.
struct About<R> {
    name: &'static str,
    about: &'static str,
    primary_key: &'static [&'static str],
    foreign_keys: Vec<ForeignKey>,
    columns: Vec<Col<R>>,
    cites: fn(&R) -> Citing<'_>,
}

// The tables made so far, and the citations of their rows.
struct Tables<'d> {
    ds: &'d Dataset,
    tables: Vec<Table>,
    citations: Vec<Vec<Cell>>,
}

impl Tables<'_> {
    fn add<R>(&mut self, about: About<R>, rows: impl IntoIterator<Item = R>) {
        let key: Vec<usize> = (about.primary_key.iter())
            .filter_map(|k| about.columns.iter().position(|c| c.column.name == *k))
            .collect();
        let mut cells = Vec::new();
        for row in rows {
            let line: Vec<Cell> = about.columns.iter().map(|c| (c.cell)(&row)).collect();
            // A row is named by its key columns joined with `/`, as `cited_key` says.
            let name = || {
                let parts: Vec<String> = (key.iter())
                    .map(|&i| match &line[i] {
                        Cell::Text(s) => s.clone(),
                        Cell::Int(n) => n.to_string(),
                        Cell::Bool(b) => b.to_string(),
                        Cell::Null => String::new(),
                    })
                    .collect();
                parts.join("/")
            };
            for (field, cited) in (about.cites)(&row) {
                for id in self.ds.source_ids(cited) {
                    self.citations.push(vec![
                        text(about.name),
                        text(&name()),
                        opt(field),
                        text(id),
                    ]);
                }
            }
            cells.push(line);
        }
        self.tables.push(Table {
            name: about.name,
            about: about.about,
            columns: about.columns.into_iter().map(|c| c.column).collect(),
            primary_key: about.primary_key,
            foreign_keys: about.foreign_keys,
            rows: cells,
        });
    }
}

// A table whose rows cite nothing.
fn none<R>(_: &R) -> Citing<'_> {
    Vec::new()
}

/// The dataset as tables, in an order in which every table comes after those it refers to.
pub fn tables(ds: &Dataset) -> Vec<Table> {
    use Type::*;
    let mut t = Tables {
        ds,
        tables: Vec::new(),
        citations: Vec::new(),
    };
    let id_of = |r: TerritoryRef| ds.territory(r).id.as_str();

    t.add(
        About {
            name: "dataset",
            about: "The edition of the dataset these tables hold, its content hash and licence",
            primary_key: &[],
            foreign_keys: vec![],
            columns: vec![
                col(
                    "edition",
                    Text,
                    "the edition's identifier",
                    |(i, _): &(Identity, u32)| opt(i.edition.as_ref().map(|e| e.id.as_str())),
                ),
                col(
                    "released",
                    Day,
                    "the day the edition was released",
                    |(i, _)| {
                        opt(i
                            .edition
                            .as_ref()
                            .map(|e| e.released.to_string())
                            .as_deref())
                    },
                ),
                req(
                    "sha256",
                    Text,
                    "the SHA-256 of the dataset as canonical JSON, which identifies it",
                    |(i, _)| text(&i.sha256),
                ),
                col(
                    "licence",
                    Text,
                    "the licence of the compilation, labels and notes, as an SPDX identifier, \
                     for an edition of the project's",
                    // The licence is the project's, given with its editions; a file of one's
                    // own has its author's.
                    |(i, _)| opt(i.edition.as_ref().map(|_| LICENCE.id)),
                ),
                req(
                    "schema_version",
                    Integer,
                    "the version of the schema the dataset was written for",
                    |&(_, schema)| Cell::Int(u64::from(schema)),
                ),
            ],
            cites: none,
        },
        [(Identity::of(ds), ds.schema)],
    );
    t.add(
        About {
            name: "sources",
            about: "The sources the values come from",
            primary_key: &["id"],
            foreign_keys: vec![],
            columns: vec![
                req(
                    "id",
                    Text,
                    "the source's short identifier",
                    |s: &&Source| text(&s.id),
                ),
                req("title", Text, "its title", |s| text(&s.title)),
                col("publisher", Text, "who published it", |s| {
                    opt(s.publisher.as_deref())
                }),
                col("url", Text, "where it can be read", |s| {
                    opt(s.url.as_deref())
                }),
                col("date", When, "the date it bears", |s| when(s.date)),
                col("accessed", When, "when its address was last checked", |s| {
                    when(s.accessed)
                }),
                col(
                    "language",
                    Text,
                    "the language of its title, where not English, as a BCP 47 tag",
                    |s| opt(s.language.as_deref()),
                ),
            ],
            cites: |s| {
                (s.publisher_source.iter())
                    .map(|c| (Some("publisher"), c))
                    .collect()
            },
        },
        &ds.sources,
    );
    t.add(
        About {
            name: "figures",
            about: "Counted figures, such as the number of missing persons",
            primary_key: &["id"],
            foreign_keys: vec![],
            columns: vec![
                req(
                    "id",
                    Text,
                    "the figure's short identifier",
                    |f: &&Figure| text(&f.id),
                ),
                req("label", Text, "what is counted", |f| text(&f.label)),
                req(
                    "unit",
                    Text,
                    "the unit of its values, such as people or percent",
                    |f| text(&f.unit),
                ),
                col(
                    "period",
                    Text,
                    "the period of the conflict it belongs to, such as 1988–1994: the dataset's \
                     grouping",
                    |f| opt(f.period.as_deref()),
                ),
            ],
            cites: none,
        },
        &ds.figures,
    );
    let share = (ds.country.occupied_share).map(|f| ds.figure(f).id.as_str());
    t.add(
        About {
            name: "country",
            about: "The country against whose area shares are computed",
            primary_key: &["name"],
            foreign_keys: vec![fk(&["occupied_share"], "figures", &["id"])],
            columns: vec![
                req(
                    "name",
                    Text,
                    "its name",
                    |(c, _): &(&Country, Option<&str>)| text(&c.name),
                ),
                req(
                    "area_km2",
                    Integer,
                    "its total area in km², as its source states it",
                    |(c, _)| Cell::Int(c.area_km2.get()),
                ),
                col(
                    "occupied_share",
                    Text,
                    "the figure that states the share of its area that was occupied",
                    |&(_, share)| opt(share),
                ),
            ],
            cites: |(c, _)| vec![(None, &c.source)],
        },
        [(&ds.country, share)],
    );
    t.add(
        About {
            name: "territories",
            about: "The territories, with their dates of occupation and areas as the sources state them",
            primary_key: &["id"],
            foreign_keys: vec![],
            columns: vec![
                req("id", Text, "the territory's short identifier", |t: &&Territory| text(&t.id)),
                req("name", Text, "the name as the source document spells it", |t| {
                    text(&t.name)
                }),
                col(
                    "name_az",
                    Text,
                    "the name in Azerbaijani, official Latin alphabet",
                    |t| opt(t.name_az.as_ref().map(|a| a.name.as_str())),
                ),
                col("name_az_note", Text, "a note on the Azerbaijani name", |t| {
                    opt(t.name_az.as_ref().and_then(|a| a.note.as_deref()))
                }),
                req(
                    "kind",
                    Text,
                    "region or district: the dataset's classification, which no source gives",
                    |t| text(t.kind.as_str()),
                ),
                req(
                    "occupied",
                    When,
                    "the date of occupation, as precise as the source: a day, a month, a year or a period",
                    |t| when(Some(t.occupied)),
                ),
                req(
                    "area_km2",
                    Integer,
                    "the area in km² as the source states it; for a territory only partly occupied, the whole district's",
                    |t| Cell::Int(t.area_km2.get()),
                ),
                col(
                    "partial_note",
                    Text,
                    "where only part of it was occupied, what the sources say of that part",
                    |t| opt(t.partial.as_ref().map(|p| p.note.as_str())),
                ),
            ],
            cites: |t| {
                let name_az = t.name_az.as_ref().and_then(|a| a.source.as_ref());
                let partial = t.partial.as_ref().map(|p| &p.source);
                std::iter::once((None, &t.source))
                    .chain(name_az.map(|c| (Some("name_az"), c)))
                    .chain(partial.map(|c| (Some("partial_note"), c)))
                    .collect()
            },
        },
        &ds.territories,
    );
    t.add(
        About {
            name: "territory_within",
            about: "Territories that lie within another, whose area already includes theirs",
            primary_key: &["territory"],
            foreign_keys: vec![
                fk(&["territory"], "territories", &["id"]),
                fk(&["lies_within"], "territories", &["id"]),
            ],
            columns: vec![
                req(
                    "territory",
                    Text,
                    "the territory that lies within another",
                    |(t, ..): &(&Territory, &Within, &str)| text(&t.id),
                ),
                req(
                    "lies_within",
                    Text,
                    "the territory it lies within",
                    |&(.., outer)| text(outer),
                ),
                col("note", Text, "an explanation", |(_, w, _)| {
                    opt(w.note.as_deref())
                }),
            ],
            cites: |(_, w, _)| w.source.iter().map(|c| (None, c)).collect(),
        },
        (ds.territories.iter())
            .filter_map(|t| t.within.as_ref().map(|w| (t, w, id_of(w.territory)))),
    );
    t.add(
        About {
            name: "aliases",
            about: "Other names and spellings of the territories",
            primary_key: &["territory", "n"],
            foreign_keys: vec![fk(&["territory"], "territories", &["id"])],
            columns: vec![
                req(
                    "territory",
                    Text,
                    "the territory",
                    |(t, ..): &(&Territory, usize, &Alias)| text(&t.id),
                ),
                req(
                    "n",
                    Integer,
                    "the alias's place among the territory's, from 1",
                    |&(_, n, _)| int(n),
                ),
                req("name", Text, "the name", |(.., a)| text(&a.name)),
                col("note", Text, "who uses it or what it names", |(.., a)| {
                    opt(a.note.as_deref())
                }),
            ],
            cites: |(.., a)| a.source.iter().map(|c| (None, c)).collect(),
        },
        (ds.territories.iter())
            .flat_map(|t| (t.aliases.iter().enumerate()).map(move |(n, a)| (t, n + 1, a))),
    );
    t.add(
        About {
            name: "area_alternatives",
            about: "Areas other sources give for a territory, beside the one the dataset states",
            primary_key: &["territory", "n"],
            foreign_keys: vec![fk(&["territory"], "territories", &["id"])],
            columns: vec![
                req(
                    "territory",
                    Text,
                    "the territory",
                    |(t, ..): &(&Territory, usize, &AreaAlternative)| text(&t.id),
                ),
                req(
                    "n",
                    Integer,
                    "the alternative's place among the territory's, from 1",
                    |&(_, n, _)| int(n),
                ),
                req(
                    "area_km2",
                    Integer,
                    "the area in km² that source gives",
                    |(.., a)| Cell::Int(a.area_km2.get()),
                ),
                col("note", Text, "a qualification", |(.., a)| {
                    opt(a.note.as_deref())
                }),
            ],
            cites: |(.., a)| vec![(None, &a.source)],
        },
        (ds.territories.iter())
            .flat_map(|t| (t.alternatives.iter().enumerate()).map(move |(n, a)| (t, n + 1, a))),
    );
    t.add(
        About {
            name: "restorations",
            about: "When control of a territory was restored to Azerbaijan, stage by stage",
            primary_key: &["territory", "stage"],
            foreign_keys: vec![fk(&["territory"], "territories", &["id"])],
            columns: vec![
                req("territory", Text, "the territory", |r: &Restoration| text(&r.territory.id)),
                req(
                    "stage",
                    Integer,
                    "the stage, from 1; later stages cover what the first left out",
                    |r| int(r.stage),
                ),
                req("date", When, "when, as precise as the source", |r| when(Some(r.date))),
                col(
                    "scope",
                    Text,
                    "for the first stage: whole, town (its town only; the sources give no date for the rest) or part (later stages follow)",
                    |r| opt(r.scope.map(|s| s.as_str())),
                ),
                col("covers", Text, "for a later stage: what it covered", |r| opt(r.covers)),
                col("note", Text, "a qualification", |r| opt(r.note)),
            ],
            cites: |r| vec![(None, r.source)],
        },
        ds.territories.iter().flat_map(Restoration::all),
    );
    t.add(
        About {
            name: "observations",
            about: "The dated values of each figure, each as one source gives it",
            primary_key: &["figure", "n"],
            foreign_keys: vec![fk(&["figure"], "figures", &["id"])],
            columns: vec![
                req("figure", Text, "the figure", |(f, ..): &(&Figure, usize, &Observation)| {
                    text(&f.id)
                }),
                req(
                    "n",
                    Integer,
                    "the observation's place, earliest first, from 1",
                    |&(_, n, _)| int(n),
                ),
                col(
                    "as_of",
                    When,
                    "the date the value is stated for, as precise as the source",
                    |(.., o)| when(o.as_of),
                ),
                req("value", Integer, "the value, in the figure's unit", |(.., o)| {
                    Cell::Int(o.value)
                }),
                req(
                    "approximate",
                    Boolean,
                    "whether the source gives the value as approximate (\"some 90,000\"): not exact",
                    |(.., o)| Cell::Bool(o.approximate),
                ),
                col("note", Text, "a qualification", |(.., o)| opt(o.note.as_deref())),
            ],
            cites: |(.., o)| vec![(None, &o.source)],
        },
        observations(ds),
    );
    t.add(
        About {
            name: "observation_parts",
            about: "Breakdowns of observations, exactly as stated: parts may overlap and need not add up",
            primary_key: &["figure", "observation", "id"],
            foreign_keys: vec![fk(
                &["figure", "observation"],
                "observations",
                &["figure", "n"],
            )],
            columns: vec![
                req(
                    "figure",
                    Text,
                    "the figure",
                    |((f, ..), _): &((&Figure, usize, &Observation), &Part)| text(&f.id),
                ),
                req("observation", Integer, "the observation's place", |&((_, n, _), _)| {
                    int(n)
                }),
                req("id", Text, "the part's identifier within the observation", |(_, p)| {
                    text(&p.id)
                }),
                col("label", Text, "what the part counts", |(_, p)| opt(p.label.as_deref())),
                req("value", Integer, "the count", |(_, p)| Cell::Int(p.value)),
                col(
                    "subset_of",
                    Text,
                    "the part of the same observation this one is a subset of",
                    |((.., o), p)| opt(p.of.map(|i| o.parts[i].id.as_str())),
                ),
            ],
            cites: none,
        },
        observations(ds).flat_map(|o| o.2.parts.iter().map(move |p| (o, p))),
    );
    t.add(
        About {
            name: "observation_alternatives",
            about: "What other sources say of an observation: a different value, date or both",
            primary_key: &["figure", "observation", "n"],
            foreign_keys: vec![fk(
                &["figure", "observation"],
                "observations",
                &["figure", "n"],
            )],
            columns: vec![
                req(
                    "figure",
                    Text,
                    "the figure",
                    |(f, ..): &(&Figure, usize, usize, &ObservationAlternative)| text(&f.id),
                ),
                req(
                    "observation",
                    Integer,
                    "the observation's place",
                    |&(_, n, ..)| int(n),
                ),
                req(
                    "n",
                    Integer,
                    "the alternative's place, from 1",
                    |&(_, _, m, _)| int(m),
                ),
                col(
                    "value",
                    Integer,
                    "the value that source gives, where it differs",
                    |(.., a)| a.value.map_or(Cell::Null, Cell::Int),
                ),
                col(
                    "as_of",
                    When,
                    "the date that source gives, where it differs",
                    |(.., a)| when(a.as_of),
                ),
                col("note", Text, "a qualification", |(.., a)| {
                    opt(a.note.as_deref())
                }),
            ],
            cites: |(.., a)| vec![(None, &a.source)],
        },
        observations(ds).flat_map(|(f, n, o)| {
            (o.alternatives.iter().enumerate()).map(move |(m, a)| (f, n, m + 1, a))
        }),
    );
    t.add(
        About {
            name: "events",
            about: "Dated events of the timeline beside the occupations and restorations",
            primary_key: &["n"],
            foreign_keys: vec![],
            columns: vec![
                req(
                    "n",
                    Integer,
                    "the event's place in the dataset, from 1",
                    |&(n, _): &(usize, &Event)| int(n),
                ),
                req(
                    "date",
                    When,
                    "when it happened, as precise as the source",
                    |(_, e)| when(Some(e.date)),
                ),
                req("label", Text, "what happened", |(_, e)| text(&e.label)),
                col("note", Text, "details", |(_, e)| opt(e.note.as_deref())),
                col("mark", Text, "a short label for a time axis", |(_, e)| {
                    opt(e.mark.as_ref().map(|m| m.label.as_str()))
                }),
            ],
            cites: |(_, e)| vec![(None, &e.source)],
        },
        ds.events.iter().enumerate().map(|(n, e)| (n + 1, e)),
    );
    t.add(
        About {
            name: "event_territories",
            about: "The territories each event concerns",
            primary_key: &["event", "territory"],
            foreign_keys: vec![
                fk(&["event"], "events", &["n"]),
                fk(&["territory"], "territories", &["id"]),
            ],
            columns: vec![
                req(
                    "event",
                    Integer,
                    "the event's place",
                    |&(n, _): &(usize, &str)| int(n),
                ),
                req("territory", Text, "a territory it concerns", |&(_, t)| {
                    text(t)
                }),
            ],
            cites: none,
        },
        (ds.events.iter().enumerate())
            .flat_map(|(n, e)| e.territories.iter().map(move |&r| (n + 1, id_of(r)))),
    );
    let citations = std::mem::take(&mut t.citations);
    t.add(
        About {
            name: "citations",
            about: "Which row (and which of its values) each source is cited for",
            primary_key: &[],
            foreign_keys: vec![fk(&["source"], "sources", &["id"])],
            columns: vec![
                req(
                    "cited_table",
                    Text,
                    "the table of the row",
                    |r: &Vec<Cell>| r[0].clone(),
                ),
                req(
                    "cited_key",
                    Text,
                    "the row's key, its key columns joined with /",
                    |r| r[1].clone(),
                ),
                col(
                    "cited_field",
                    Text,
                    "the column the source is cited for; empty where it is cited for the whole row",
                    |r| r[2].clone(),
                ),
                req("source", Text, "the source cited", |r| r[3].clone()),
            ],
            cites: none,
        },
        citations,
    );
    t.tables
}

// Every observation of every figure, with its place among the figure's, from 1.
fn observations(ds: &Dataset) -> impl Iterator<Item = (&Figure, usize, &Observation)> {
    (ds.figures.iter())
        .flat_map(|f| (f.observations.iter().enumerate()).map(move |(n, o)| (f, n + 1, o)))
}

// A stage of a territory's restoration: the first, or one of its later stages.
struct Restoration<'d> {
    territory: &'d Territory,
    stage: usize,
    date: When,
    scope: Option<Scope>,
    covers: Option<&'d str>,
    note: Option<&'d str>,
    source: &'d Cited,
}

impl Restoration<'_> {
    fn all(t: &Territory) -> Vec<Restoration<'_>> {
        let Some(r) = &t.restored else {
            return Vec::new();
        };
        let first = Restoration {
            territory: t,
            stage: 1,
            date: r.date,
            scope: Some(r.scope),
            covers: None,
            note: r.note.as_deref(),
            source: &r.source,
        };
        let later = (r.later.iter().enumerate()).map(|(n, s)| Restoration {
            territory: t,
            stage: n + 2,
            date: s.date,
            scope: None,
            covers: Some(&s.covers),
            note: s.note.as_deref(),
            source: &s.source,
        });
        std::iter::once(first).chain(later).collect()
    }
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
