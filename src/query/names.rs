//! Finding a territory by any of its names, whatever the case and diacritics.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::data::{Dataset, Territory, TerritoryRef};

/// A name reduced for comparison: lower case, without diacritics, spaces or punctuation.
///
/// Azerbaijani letters that do not decompose are mapped by hand: `ə` to `e` and the
/// dotless `ı` to `i`; `İ` lower-cases to `i` and a dot, which is dropped.
pub fn fold(name: &str) -> String {
    // Lower case first, then decompose: a lower-case letter can decompose where its capital
    // did not, and the other order leaves such letters unfolded (found by fuzzing: `Ǿ`).
    name.chars()
        .flat_map(char::to_lowercase)
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'ə' => 'e',
            'ı' => 'i',
            'ø' => 'o',
            'đ' => 'd',
            'ł' => 'l',
            c => c,
        })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The result of looking up a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Exactly one territory has that name.
    Found(TerritoryRef),
    /// Several territories share that name.
    Ambiguous(Vec<TerritoryRef>),
    /// None has it; these come close, best first.
    NotFound(Vec<TerritoryRef>),
}

// How alike two folded names must be to be suggested (Jaro–Winkler similarity).
const SUGGEST_AT: f64 = 0.8;

/// Finds the territory whose id, name, Azerbaijani name or alias matches `query`, in that
/// order of precedence: an id given exactly always wins; then ids and names, whatever the case
/// and diacritics; then aliases. Only a tie within one of these is ambiguous.
pub fn lookup(ds: &Dataset, query: &str) -> Lookup {
    let wanted = fold(query);
    let names = |r: TerritoryRef| {
        let t = ds.territory(r);
        (own_names(t).chain(t.aliases.iter().map(|a| &a.name)))
            .map(|n| fold(n))
            .collect::<Vec<String>>()
    };
    let exact_id = |r: TerritoryRef| ds.territory(r).id == query;
    let id_or_name = |r: TerritoryRef| own_names(ds.territory(r)).any(|n| fold(n) == wanted);
    let alias = |r: TerritoryRef| (ds.territory(r).aliases.iter()).any(|a| fold(&a.name) == wanted);
    let tiers: [&dyn Fn(TerritoryRef) -> bool; 3] = [&exact_id, &id_or_name, &alias];
    for matches in tiers {
        if wanted.is_empty() {
            break;
        }
        let found: Vec<TerritoryRef> = ds.territory_refs().filter(|&r| matches(r)).collect();
        match found.as_slice() {
            [one] => return Lookup::Found(*one),
            [_, _, ..] => return Lookup::Ambiguous(found),
            [] => {}
        }
    }
    let mut close: Vec<(f64, TerritoryRef)> = ds
        .territory_refs()
        .filter_map(|r| {
            let best = names(r)
                .iter()
                .map(|n| similarity(&wanted, n))
                .fold(0.0, f64::max);
            (best >= SUGGEST_AT).then_some((best, r))
        })
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0));
    Lookup::NotFound(close.into_iter().take(3).map(|(_, r)| r).collect())
}

// A territory's id, name and Azerbaijani name: the names before its aliases.
fn own_names(t: &Territory) -> impl Iterator<Item = &String> {
    [
        Some(&t.id),
        Some(&t.name),
        t.name_az.as_ref().map(|a| &a.name),
    ]
    .into_iter()
    .flatten()
}

fn similarity(query: &str, name: &str) -> f64 {
    if query.len() >= 3 && name.starts_with(query) {
        return 1.0;
    }
    strsim::jaro_winkler(query, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(territories: &str) -> crate::data::DataFile {
        let text = format!(
            "schema = 1\n[country]\nname = \"C\"\narea_km2 = 1000\nsource = \"s\"\n\
             [[sources]]\nid = \"s\"\ntitle = \"S\"\n{territories}"
        );
        crate::data::DataFile::from_bytes(text.into_bytes(), "t.toml", crate::data::Syntax::Toml)
            .unwrap()
    }

    #[test]
    fn an_exact_id_wins_over_another_territorys_name_or_alias() {
        let file = dataset(
            "[[territories]]\nid = \"lachin\"\nname = \"Lachin district\"\nkind = \"district\"\n\
             occupied = 1992\narea_km2 = 10\nsource = \"s\"\n\
             [[territories]]\nid = \"lachin-corridor\"\nname = \"Corridor\"\nkind = \"region\"\n\
             occupied = 1992\narea_km2 = 5\nsource = \"s\"\naliases = [\"Lachin\"]\n\
             [[territories]]\nid = \"other\"\nname = \"Corridor town\"\nkind = \"region\"\n\
             occupied = 1992\narea_km2 = 5\nsource = \"s\"\naliases = [\"Corridor\"]\n",
        );
        let ds = file.parse().unwrap();
        let id = |l: Lookup| match l {
            Lookup::Found(r) => ds.territory(r).id.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(id(lookup(&ds, "lachin")), "lachin");
        // Folded, the id still comes before the other's alias.
        assert_eq!(id(lookup(&ds, "LACHIN")), "lachin");
        // A name comes before another territory's alias.
        assert_eq!(id(lookup(&ds, "corridor")), "lachin-corridor");
        assert_eq!(id(lookup(&ds, "Lachin district")), "lachin");
    }

    #[test]
    fn folding_ignores_case_diacritics_and_punctuation() {
        assert_eq!(fold("Kəlbəcər"), "kelbecer");
        assert_eq!(fold("ŞUŞA"), "susa");
        assert_eq!(fold("Füzuli"), "fuzuli");
        assert_eq!(fold("Qubadlı"), "qubadli");
        assert_eq!(fold("İSMAYILLI"), "ismayilli");
        assert_eq!(fold("Dağlıq Qarabağ"), "dagliqqarabag");
        assert_eq!(fold("Nagorno-Karabakh"), "nagornokarabakh");
        assert_eq!(fold("Ǿf"), "of");
    }

    #[test]
    fn every_spelling_of_the_issue_finds_its_territory() {
        let ds = crate::data::embedded().unwrap();
        for (query, id) in [
            ("kelbajar", "kalbajar"),
            ("Kəlbəcər", "kalbajar"),
            ("füzuli", "fizuli"),
            ("fuzuli", "fizuli"),
            ("ŞUŞA", "shusha"),
            ("shushi", "shusha"),
            ("nagorno karabakh", "nagorno-karabakh"),
            ("CƏBRAYIL", "jabrayil"),
        ] {
            match lookup(&ds, query) {
                Lookup::Found(r) => assert_eq!(ds.territory(r).id, id, "{query}"),
                other => panic!("{query}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_near_miss_suggests_the_closest_names() {
        let ds = crate::data::embedded().unwrap();
        let Lookup::NotFound(close) = lookup(&ds, "kelbajr") else {
            panic!("kelbajr should not match exactly");
        };
        assert_eq!(ds.territory(close[0]).id, "kalbajar");
        assert_eq!(lookup(&ds, "zzzz"), Lookup::NotFound(vec![]));
        assert_eq!(lookup(&ds, "  "), Lookup::NotFound(vec![]));
    }
}
