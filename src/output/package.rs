//! A Frictionless Data Package: `datapackage.json` (title, edition, licence, sources and a
//! Table Schema for each table) beside one CSV file per table.

use std::path::Path;

use anyhow::Context;
use serde_json::{Value as Json, json};

use crate::data::Dataset;
use crate::query::{self, COMPILER, Cell, Identity, LICENCE, LICENCE_SCOPE, Table, Type};

/// Writes the tables of `ds` into the folder `dir`, made if need be, as a data package.
pub fn write(ds: &Dataset, dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot make {}", dir.display()))?;
    let tables = query::tables(ds);
    for table in &tables {
        let path = dir.join(format!("{}.csv", table.name));
        std::fs::write(&path, csv(table)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut text = serde_json::to_string_pretty(&descriptor(ds, &tables))?;
    text.push('\n');
    let path = dir.join("datapackage.json");
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}

// A table as CSV (RFC 4180) with a header: no value is an empty field.
fn csv(table: &Table) -> anyhow::Result<Vec<u8>> {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    out.write_record(table.columns.iter().map(|c| c.name))?;
    for row in &table.rows {
        out.write_record(row.iter().map(|cell| match cell {
            Cell::Null => String::new(),
            Cell::Int(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Text(s) => s.clone(),
        }))?;
    }
    Ok(out.into_inner()?)
}

// The package's descriptor, as the Data Package and Table Schema specifications say.
fn descriptor(ds: &Dataset, tables: &[Table]) -> Json {
    let identity = Identity::of(ds);
    let mut package = serde_json::Map::new();
    package.insert("profile".into(), "tabular-data-package".into());
    package.insert("name".into(), "karabakh".into());
    package.insert("title".into(), identity.title().into());
    let mut description = format!(
        "Figures of the Armenia–Azerbaijan conflict over Nagorno-Karabakh: the territories the \
         primary source lists, when they were occupied (its term) and when control was \
         restored, their areas beside other sources' values, counted figures and events, each \
         value with its sources. Its content hash is SHA-256 {}.",
        identity.sha256
    );
    if let Some(e) = &identity.edition {
        description.push(' ');
        description.push_str(LICENCE_SCOPE);
        package.insert("version".into(), e.id.as_str().into());
        package.insert("created".into(), format!("{}T00:00:00Z", e.released).into());
        package.insert(
            "licenses".into(),
            json!([{ "name": LICENCE.id, "path": LICENCE.url, "title": LICENCE.name }]),
        );
        package.insert(
            "contributors".into(),
            json!([{ "title": COMPILER, "role": "author" }]),
        );
    }
    package.insert("description".into(), description.into());
    let sources: Vec<Json> = (ds.sources.iter())
        .map(|s| {
            // A title alone ("Lachin") does not say whose it is.
            let title = match s.publisher_beyond_title() {
                Some(publisher) => format!("{}, {publisher}", s.title),
                None => s.title.clone(),
            };
            let mut source = serde_json::Map::new();
            source.insert("title".into(), title.into());
            if let Some(url) = &s.url {
                source.insert("path".into(), url.as_str().into());
            }
            serde_json::Value::Object(source)
        })
        .collect();
    package.insert("sources".into(), sources.into());
    let resources: Vec<Json> = tables.iter().map(resource).collect();
    package.insert("resources".into(), resources.into());
    Json::Object(package)
}

fn resource(table: &Table) -> Json {
    let fields: Vec<Json> = (table.columns.iter())
        .map(|c| {
            let (kind, more) = match c.kind {
                Type::Integer => ("integer", ""),
                Type::Text => ("string", ""),
                Type::When => (
                    "string",
                    " (a date at its source's precision, ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY or \
                     a period such as 1988/1992)",
                ),
                Type::Day => ("date", ""),
                Type::Boolean => ("boolean", ""),
            };
            let mut field = json!({
                "name": c.name,
                "type": kind,
                "description": format!("{}{more}", c.about),
            });
            if c.required {
                field["constraints"] = json!({ "required": true });
            }
            field
        })
        .collect();
    let mut schema = json!({ "fields": fields });
    if !table.primary_key.is_empty() {
        schema["primaryKey"] = json!(table.primary_key);
    }
    if !table.foreign_keys.is_empty() {
        let keys: Vec<Json> = (table.foreign_keys.iter())
            .map(|k| {
                json!({
                    "fields": k.columns,
                    "reference": { "resource": k.table, "fields": k.references },
                })
            })
            .collect();
        schema["foreignKeys"] = keys.into();
    }
    json!({
        "name": table.name,
        "path": format!("{}.csv", table.name),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": table.about,
        "schema": schema,
    })
}
