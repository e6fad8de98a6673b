//! Every figure of the source document, "The Occupation in Figures", is in the dataset,
//! unaltered and attributed to the document.

use karabakh::data::{self, Dataset, When};

const DOCUMENT: &str = "occupation-in-figures";

fn dataset() -> Dataset {
    data::embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn when(s: &str) -> When {
    When::parse(s).unwrap()
}

#[test]
fn every_territory_of_the_document_has_its_date_and_area() {
    // Name, date of occupation and area, as the document gives them.
    let expected = [
        ("Nagorno-Karabakh", "1988/1992", 4400),
        ("Shusha", "1992-05-08", 289),
        ("Lachin", "1992-05-18", 1840),
        ("Kalbajar", "1993-04-02", 3054),
        ("Aghdam", "1993-07-23", 1150),
        ("Fizuli", "1993-08-23", 1390),
        ("Jabrayil", "1993-08-23", 1050),
        ("Gubadli", "1993-08-31", 802),
        ("Zangilan", "1993-10-29", 707),
    ];
    let ds = dataset();
    assert_eq!(ds.territories.len(), expected.len());
    for (t, (name, occupied, area)) in ds.territories.iter().zip(expected) {
        assert_eq!(t.name, name);
        assert_eq!(t.occupied, when(occupied), "{name}");
        assert_eq!(t.area_km2.get(), area, "{name}");
        assert_eq!(ds.source_ids(&t.source), [DOCUMENT], "{name}");
    }
}

#[test]
fn every_humanitarian_figure_of_the_document_is_an_observation_of_it() {
    let ds = dataset();
    let observation = |id: &str, value: u64| {
        let figure = ds
            .figures
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("no figure {id}"));
        figure
            .observations
            .iter()
            .find(|o| o.value == value && ds.source_ids(&o.source) == [DOCUMENT])
            .unwrap_or_else(|| panic!("{id} has no observation {value} from the document"))
            .clone()
    };
    assert_eq!(
        observation("deported-from-armenia", 250_000).as_of,
        Some(when("1988/1992"))
    );
    assert_eq!(
        observation("meskhetian-turks", 50_000).as_of,
        Some(when("1990s"))
    );
    let share = observation("occupied-share", 20);
    assert_eq!(share.as_of, None);
    let missing = observation("missing-persons", 4049);
    assert_eq!(missing.as_of, Some(when("2011-01-01")));
    let parts: Vec<(&str, u64, Option<&str>)> = missing
        .parts
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.value,
                p.of.map(|i| missing.parts[i].id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("children", 47, None),
            ("girls", 17, Some("children")),
            ("women", 247, None),
            ("elderly", 347, None),
            ("elderly-women", 149, Some("elderly")),
        ]
    );
}

#[test]
fn the_stated_share_is_the_figure_totals_compares_with() {
    let ds = dataset();
    let figure = ds.figure(
        ds.country
            .occupied_share
            .expect("the country names its stated share"),
    );
    assert_eq!(figure.id, "occupied-share");
    assert_eq!(figure.unit, "percent");
}

#[test]
fn the_dated_statements_of_the_document_are_events() {
    let ds = dataset();
    for date in ["1987", "1992-02", "1992-03-24"] {
        let event = ds.events.iter().find(|e| e.date == when(date));
        let event = event.unwrap_or_else(|| panic!("no event on {date}"));
        assert!(ds.source_ids(&event.source).contains(&DOCUMENT), "{date}");
    }
}

// Every number written in the document must be a number of the dataset: an area, a value, a
// part or a part of a date. "250 thousand" counts as 250000. It needs the project's shared
// sources beside the checkout, as CI has them.
#[test]
#[ignore = "needs ../shared/sources beside the checkout"]
fn every_number_in_the_document_text_is_a_number_of_the_dataset() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/sources/occupation-in-figures.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; this test needs the shared sources",
            path.display()
        )
    });
    let ds = dataset();
    let mut known: Vec<u64> = Vec::new();
    let mut add_date = |w: When| {
        for d in [w.first_day(), w.last_day()] {
            use chrono::Datelike;
            known.extend([d.year() as u64, u64::from(d.month()), u64::from(d.day())]);
        }
    };
    ds.territories.iter().for_each(|t| add_date(t.occupied));
    ds.events.iter().for_each(|e| add_date(e.date));
    ds.figures
        .iter()
        .flat_map(|f| &f.observations)
        .filter_map(|o| o.as_of)
        .for_each(&mut add_date);
    known.extend(ds.territories.iter().map(|t| t.area_km2.get()));
    for o in ds.figures.iter().flat_map(|f| &f.observations) {
        known.push(o.value);
        known.extend(o.parts.iter().map(|p| p.value));
    }

    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut checked = 0;
    for (i, word) in words.iter().enumerate() {
        // "1988-1992s" and "1990s" carry a trailing s.
        let digits = word.trim_end_matches('s');
        let Ok(mut n) = digits.parse::<u64>() else {
            continue;
        };
        if words.get(i + 1) == Some(&"thousand") {
            n *= 1000;
        }
        assert!(
            known.contains(&n),
            "the document's number {word} is not in the dataset"
        );
        checked += 1;
    }
    assert!(checked > 40, "only {checked} numbers found in the document");
}
