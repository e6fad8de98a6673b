//! `karabakh cite NAME [FIELD]`: a value with the sources it comes from, ready to paste.

use crate::data::{Dataset, Source, SourceRef, When};
use crate::output::cite::Citation;
use crate::output::{Listing, escape_for_terminal};
use crate::query::{self, AreaUnit, Computation, Fact, Filter};

use super::{NotFound, YEARS_HELD_NOTE, show, sources_of};

/// The citations of `field` of `name`: a territory (any spelling `show` accepts), a figure id,
/// or `totals`. Several rows of `show` may have the field (other sources' areas, aliases);
/// each is a citation. A figure's value is its latest observation, or the one stated for
/// `as_of`.
pub fn cite<'a>(
    ds: &'a Dataset,
    name: &str,
    field: Option<&str>,
    unit: AreaUnit,
    as_of: Option<When>,
) -> Result<Vec<Citation<'a>>, NotFound> {
    let figure = ds.figures.iter().find(|f| f.id == name.trim());
    if let (Some(as_of), None) = (as_of, figure) {
        return Err(NotFound::new(format!(
            "--as-of {} picks an observation of a figure, and {name} is not a figure; \
             `karabakh figures` lists them",
            as_of.iso()
        )));
    }
    if name.trim().eq_ignore_ascii_case("totals") {
        let every: Vec<_> = ds.territory_refs().collect();
        let report = super::totals::report(ds, &Filter::default(), unit, super::Naming::Ids);
        let field = pick(&keys(&report), field.unwrap_or("area_km2"), unit, "totals")?;
        let country = ds.country.source.refs();
        // What is counted once rests also on where the sources say one lies within another.
        let overlaps: Vec<SourceRef> = (query::overlaps(ds, &every).into_iter())
            .filter_map(|(inner, _)| ds.territory(inner).within.as_ref()?.source.as_ref())
            .flat_map(|c| c.refs().iter().copied())
            .collect();
        let listed = field.contains("listed");
        let sources = match field.as_str() {
            // The country's area in any unit, and its source.
            key if key.starts_with("country_area") => refs(ds, country),
            "stated_share_percent" => (ds.country.occupied_share)
                .map(|f| refs(ds, ds.figure(f).latest().source.refs()))
                .unwrap_or_default(),
            // A share is computed from the areas and the country's area.
            key if key.starts_with("share") && listed => sources_of(ds, &every, false, country),
            key if key.starts_with("share") => {
                sources_of(ds, &every, false, &[country, &overlaps].concat())
            }
            _ if listed || field == "territories" => sources_of(ds, &every, false, &[]),
            _ => sources_of(ds, &every, false, &overlaps),
        };
        return Ok(vec![from_record(
            &report,
            &field,
            "Totals of every territory",
            unit,
            sources,
        )]);
    }
    if let Some(figure) = figure {
        let observation = match as_of {
            None => figure.latest(),
            Some(as_of) => (figure.observations.iter())
                .find(|o| o.as_of == Some(as_of))
                .ok_or_else(|| {
                    let dates = figure.observations.iter().filter_map(|o| o.as_of);
                    let dates: Vec<String> = dates.map(|d| d.iso()).collect();
                    NotFound::new(format!(
                        "{} has no observation stated for {}; its dates are {}",
                        figure.id,
                        as_of.iso(),
                        dates.join(", ")
                    ))
                })?,
        };
        let report = super::figures::observation(ds, figure, observation);
        let field = pick(&keys(&report), field.unwrap_or("value"), unit, &figure.id)?;
        // What other sources give rests on them, not on the observation's source.
        let sources = match field.as_str() {
            "other_sources" => {
                let cited = observation.alternatives.iter();
                let ids: Vec<SourceRef> = cited.flat_map(|a| a.source.refs().to_vec()).collect();
                refs(ds, &ids)
            }
            _ => refs(ds, observation.source.refs()),
        };
        let subject = figure.label.to_string();
        let mut citation = from_record(&report, &field, &subject, unit, sources);
        // A figure's value carries its unit and its date: "3,983 people, as of 2025-03-10".
        if field == "value" {
            citation.what = String::new();
            citation.value = match figure.unit.as_str() {
                "percent" => format!("{}%", citation.value),
                unit => format!("{} {unit}", citation.value),
            };
            if let Some(as_of) = observation.as_of {
                citation
                    .value
                    .push_str(&format!(", as of {}", as_of.human()));
            }
            // An approximate value is cited as one, with the note that qualifies it.
            if observation.approximate {
                citation.value = format!("about {}", citation.value);
            }
            if citation.about.is_none() {
                citation.about = observation.note.clone();
            }
        }
        return Ok(vec![citation]);
    }
    let r = super::show::territory(ds, name).map_err(|e| {
        NotFound::new(format!(
            "{e}\n\nNAME may also be a figure id (`karabakh figures` lists them) or `totals`"
        ))
    })?;
    let t = ds.territory(r);
    let facts = query::territory_facts(ds, r, None);
    let name_of = |fact: &Fact<'_>| show::field_name(fact, unit).into_owned();
    let mut fields: Vec<String> = facts.iter().map(name_of).collect();
    fields.dedup();
    let field = pick(&fields, field.unwrap_or("area_km2"), unit, &t.id)?;
    let citations = (facts.iter().filter(|fact| name_of(fact) == field))
        .map(|fact| {
            let note = show::note(ds, fact, unit).unwrap_or_default();
            let sources = refs(ds, &fact.basis(ds, r));
            let computed = fact.computed.map(|how| match how {
                Computation::YearsHeld => YEARS_HELD_NOTE.to_owned(),
                _ => note.clone(),
            });
            // A value no source gives, such as the id or the kind, is the dataset's own.
            let own = computed.is_none() && sources.is_empty();
            Citation {
                subject: t.name.to_string(),
                what: fact.words(),
                value: with_unit(&show::value(fact, unit).human(), &field),
                about: (computed.is_none() && !own)
                    .then(|| qualified(&note, &field, unit))
                    .flatten(),
                computed,
                dataset_only: own,
                sources,
            }
        })
        .collect();
    Ok(citations)
}

// The citation of `field` of the single record of `report`.
fn from_record<'a>(
    report: &Listing,
    field: &str,
    subject: &str,
    unit: AreaUnit,
    sources: Vec<&'a Source>,
) -> Citation<'a> {
    let column = report.columns.iter().find(|c| c.key == field);
    let value = (report.value_of(field)).map_or_else(String::new, |v| v.human());
    let computed = (column.filter(|c| c.origin == crate::output::Origin::Computed))
        .map(|c| c.about.to_owned());
    // The column's label without its unit and origin: "area counted once, km² (computed)" is
    // "area counted once".
    let what = column.map_or(field, |c| c.label.as_ref());
    let what = what.split([',', '(']).next().unwrap_or(what).trim();
    Citation {
        subject: subject.to_owned(),
        what: what.to_owned(),
        value: with_unit(&value, field),
        about: computed
            .is_none()
            .then(|| qualified("", field, unit))
            .flatten(),
        computed,
        dataset_only: false,
        sources,
    }
}

// A sourced value's qualification: its note, and that an area in another unit than the
// source's was converted.
fn qualified(note: &str, field: &str, unit: AreaUnit) -> Option<String> {
    let converted = (!unit.is_source_unit() && AreaUnit::of_field(field) == Some(unit))
        .then(|| "converted by karabakh from the km² the source states".to_owned());
    let parts: Vec<String> = (!note.is_empty())
        .then(|| note.to_owned())
        .into_iter()
        .chain(converted)
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn keys(report: &Listing) -> Vec<String> {
    report.columns.iter().map(|c| c.key.to_string()).collect()
}

// The field asked for among `fields`: exactly, or with the unit's suffix (`area` is
// `area_km2`), or as the only field it begins.
fn pick(fields: &[String], asked: &str, unit: AreaUnit, of: &str) -> Result<String, NotFound> {
    let asked = asked.trim();
    let with_unit = format!("{asked}_{}", unit.key());
    if let Some(f) = fields.iter().find(|f| *f == asked || **f == with_unit) {
        return Ok(f.clone());
    }
    let starting: Vec<&String> = fields.iter().filter(|f| f.starts_with(asked)).collect();
    match starting.as_slice() {
        [one] => Ok((*one).clone()),
        _ => Err(NotFound::new(format!(
            "{} has no field \"{}\"; it has: {}",
            escape_for_terminal(of),
            escape_for_terminal(asked),
            escape_for_terminal(&fields.join(", "))
        ))),
    }
}

fn refs<'a>(ds: &'a Dataset, refs: &[SourceRef]) -> Vec<&'a Source> {
    refs.iter().map(|&r| ds.source(r)).collect()
}

// A value with its unit where the field's name gives one.
fn with_unit(value: &str, field: &str) -> String {
    if value == "—" {
        return value.to_owned();
    }
    if let Some(unit) = AreaUnit::of_field(field) {
        format!("{value} {}", unit.symbol())
    } else if field.contains("percent") {
        format!("{value}%")
    } else if field == "years_held" {
        format!("{value} years")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_found_by_its_name_or_without_its_unit() {
        let fields = [
            "name".to_owned(),
            "area_km2".to_owned(),
            "area_km2_other".to_owned(),
        ];
        assert_eq!(
            pick(&fields, "area", AreaUnit::Km2, "x").unwrap(),
            "area_km2"
        );
        assert_eq!(
            pick(&fields, "area_km2_other", AreaUnit::Km2, "x").unwrap(),
            "area_km2_other"
        );
        assert_eq!(pick(&fields, "na", AreaUnit::Km2, "x").unwrap(), "name");
        let err = pick(&fields, "size", AreaUnit::Km2, "kelbajar").unwrap_err();
        assert_eq!(
            err.to_string(),
            "kelbajar has no field \"size\"; it has: name, area_km2, area_km2_other"
        );
    }
}
