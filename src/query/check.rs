//! The verdict on each figure a text quotes: whether it is one of the values the dataset holds
//! for what the sentence speaks of (a territory's facts, as `show` and `cite` read them, the
//! totals, or a figure's observations), at the precision the text claims.

use crate::data::{Cited, Dataset, Observation, TerritoryRef, When};

use super::facts::{Fact, FactValue, territory_facts};
use super::names::fold;
use super::quoted::{Claim, Quantity, Quoted, quoted};
use super::{AreaUnit, totals};

/// What the dataset says of a quoted figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The figure is one of the values the dataset holds for what the sentence speaks of.
    Matches,
    /// The sentence speaks of something the dataset holds, and the figure is none of its values.
    Differs,
    /// The dataset holds nothing the figure could be about.
    Unknown,
}

/// A value a quoted figure was compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared<'a> {
    /// What the value is of, in words: "Kalbajar: area"; the same for the value the dataset
    /// states, other sources' values of it and each observation of a series.
    pub what: String,
    /// The value, in the quoted figure's unit.
    pub value: Quantity,
    /// Its sources; none for a value karabakh computes.
    pub sources: Option<&'a Cited>,
    /// The day it is of, for an observation of a series.
    pub as_of: Option<When>,
    /// Whether karabakh computed it (a total, a share, years held).
    pub computed: bool,
    /// Whether it is another source's value beside the one the dataset states.
    pub alternative: bool,
    /// Whether its source gives it as approximate ("some 90,000"): it is compared at the
    /// precision its round number states.
    pub approximate: bool,
    /// What qualifies it: the dataset's note on it, or a caveat of what it counts.
    pub note: Option<String>,
    /// The record it is of, as `cite` takes it: a territory's id, a figure's id or `totals`.
    pub record: String,
    /// Its field, as `cite` takes it: `area_km2`, `restored`, a figure's `value`.
    pub field: &'static str,
}

/// What a reader of a figure that matches should know of the value it matches.
#[derive(Debug, Clone, PartialEq)]
pub enum Remark<'a> {
    /// It is another source's value; the dataset states this one.
    NotTheStated(Compared<'a>),
    /// It is an earlier observation of a series; this is the latest.
    NotTheLatest(Compared<'a>),
}

/// A quoted figure, its verdict and what it was compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<'a> {
    /// The figure as the text quotes it.
    pub quoted: Quoted,
    /// The verdict.
    pub verdict: Verdict,
    /// The values it was compared with; the first is the one it matches, if it matches.
    pub compared: Vec<Compared<'a>>,
    /// For a figure that matches, whether the value is not the one the dataset states, or not
    /// the latest of its series.
    pub remarks: Vec<Remark<'a>>,
}

// The words that say a date is of an occupation, or of a restoration.
const OCCUPIED: [&str; 6] = [
    "occupied",
    "captured",
    "fell",
    "taken",
    "seized",
    "occupation",
];
const RESTORED: [&str; 8] = [
    "restored",
    "returned",
    "handed",
    "regained",
    "liberated",
    "retaken",
    "recaptured",
    "restoration",
];

// The words that say a sentence speaks of the whole occupied territory or the country.
const TOTAL: [&str; 10] = [
    "total",
    "totals",
    "together",
    "combined",
    "altogether",
    "overall",
    "occupied",
    "territory",
    "territories",
    "country",
];

/// The verdict on every figure `text` quotes, sentence by sentence.
pub fn check<'a>(ds: &'a Dataset, text: &str) -> Vec<Checked<'a>> {
    let vocabulary = Vocabulary::of(ds);
    let mut checked = Vec::new();
    for (offset, sentence) in sentences(text) {
        let figures = quoted(sentence);
        if figures.is_empty() {
            continue;
        }
        let words = words_of(sentence);
        let named = vocabulary.territories_named(&words);
        // Of a sentence with several figures, each is first read with its own clause:
        // "Aghdam (1,150 km²) and Fizuli (1,390 km²)", "displaced some 90,000 people, and …
        // 100,417 refugees arrived".
        let clauses = clauses(sentence, &figures);
        for (mut q, clause) in figures.into_iter().zip(clauses) {
            let unit = word_after(&sentence[q.end..]);
            let clause = words_of(clause);
            let in_clause = vocabulary.territories_named(&clause);
            let of = Subject {
                words: &words,
                clause: &clause,
                named: if in_clause.is_empty() {
                    &named
                } else {
                    &in_clause
                },
                years: matches!(unit.as_str(), "year" | "years"),
                lasting: TIME.contains(&unit.as_str()),
            };
            let mut compared = candidates(ds, &vocabulary, &of, &q);
            // Of the values it agrees with, the nearest, which then comes first.
            let nearest = (compared.iter().enumerate())
                .filter(|(_, c)| agrees(&q, &c.value, c.approximate))
                .min_by(|(_, a), (_, b)| distance(&q, &a.value).total_cmp(&distance(&q, &b.value)))
                .map(|(i, _)| i);
            let remarks = nearest.map(|i| remarks(&compared, i)).unwrap_or_default();
            let verdict = match nearest {
                Some(i) => {
                    let matched = compared.remove(i);
                    compared.insert(0, matched);
                    Verdict::Matches
                }
                None if compared.is_empty() => Verdict::Unknown,
                None => Verdict::Differs,
            };
            q.start += offset;
            q.end += offset;
            checked.push(Checked {
                quoted: q,
                verdict,
                compared,
                remarks,
            });
        }
    }
    checked
}

// What a reader should know of the value a figure matches, `compared[i]`: that the dataset
// states another value of the same thing (the value before it, as each value is listed before
// other sources' values of it), or that a later observation of its series exists.
fn remarks<'a>(compared: &[Compared<'a>], i: usize) -> Vec<Remark<'a>> {
    let matched = &compared[i];
    let stated = |c: &&Compared| c.what == matched.what && !c.alternative;
    let mut remarks = Vec::new();
    if matched.alternative
        && let Some(value) = compared[..i].iter().rev().find(stated)
    {
        remarks.push(Remark::NotTheStated(value.clone()));
    }
    if let Some(as_of) = matched.as_of
        && let Some(latest) = (compared.iter().filter(stated))
            .filter(|c| c.as_of.is_some_and(|d| d.first_day() > as_of.last_day()))
            .max_by_key(|c| c.as_of.map(|d| d.first_day()))
    {
        remarks.push(Remark::NotTheLatest(latest.clone()));
    }
    remarks
}

// The clause of each of the `figures` quoted in `sentence`, or nothing where it quotes one. The
// clauses are parted where a separator stands between two figures (the first after the one
// before): a comma, semicolon, colon or dash between spaces, or "and", "but", "while" or
// "whereas". "Kalbajar and Lachin fell in 1993 and 1992" keeps both names with 1993.
fn clauses<'s>(sentence: &'s str, figures: &[Quoted]) -> Vec<&'s str> {
    const SEPARATORS: [&str; 10] = [
        ", ",
        "; ",
        ": ",
        " — ",
        " – ",
        " - ",
        " and ",
        " but ",
        " while ",
        " whereas ",
    ];
    if figures.len() < 2 {
        return vec![""; figures.len()];
    }
    // Lower case in ASCII only, so that every byte stays where it was.
    let lower = sentence.to_ascii_lowercase();
    // Where each gap between two figures is parted, as the separator's start and end.
    let cuts: Vec<Option<(usize, usize)>> = (figures.windows(2))
        .map(|pair| {
            let gap = &lower[pair[0].end..pair[1].start];
            (SEPARATORS.iter())
                .filter_map(|s| gap.find(s).map(|i| (i, i + s.len())))
                .min()
                .map(|(from, to)| (pair[0].end + from, pair[0].end + to))
        })
        .collect();
    (0..figures.len())
        .map(|k| {
            let start = cuts[..k].iter().rev().flatten().next().map_or(0, |c| c.1);
            let end = (cuts[k..].iter().flatten().next()).map_or(sentence.len(), |c| c.0);
            &sentence[start..end]
        })
        .collect()
}

// The word after a figure, in lower case: "years" of "27 years", "day" of "a 44-day war".
fn word_after(after: &str) -> String {
    let word: String = (after.trim_start_matches([' ', '-']).chars())
        .take_while(|c| c.is_alphabetic())
        .collect();
    word.to_lowercase()
}

// The words after a figure that say it is a span of time, which no figure of the dataset counts.
const TIME: [&str; 12] = [
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes",
];

// The sentences of `text` with where each starts: a sentence ends at `.`, `!` or `?` before a
// space or the end, or at a line break; a decimal point or an abbreviation's point ends nothing.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b'\n' => true,
            b'.' if abbreviated(&text[start..i]) => false,
            b'.' | b'!' | b'?' => bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
            _ => false,
        };
        if ends {
            found.push((start, &text[start..=i]));
            start = i + 1;
        }
    }
    if start < text.len() {
        found.push((start, &text[start..]));
    }
    found
}

// Whether `before` ends in a word whose full stop marks an abbreviation ("sq. km", "approx.
// 3,000", "No. 853"), not the end of a sentence.
fn abbreviated(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ["sq", "approx", "ca", "no", "nos", "vs", "res", "art"].contains(&word.to_lowercase().as_str())
}

// The words of a sentence, folded as names are.
fn words_of(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

// The words by which a text names what the dataset holds, found once for a whole text.
struct Vocabulary {
    // Each territory with its names in any spelling `show` accepts, each as its folded words
    // between spaces: " nagorno-karabakh ".
    territories: Vec<(TerritoryRef, Vec<String>)>,
    // The words of each figure's id and label that say what it counts (words of five letters
    // or more, and years), and which of them no other figure has.
    figures: Vec<FigureWords>,
}

// The words of a figure's id and label that say what it counts, and its own among them.
struct FigureWords {
    words: Vec<String>,
    own: Vec<String>,
}

impl FigureWords {
    // How many of these words `sentence` uses, and whether one of them is the figure's own.
    fn used_in(&self, sentence: &[String]) -> (usize, bool) {
        let used = (self.words.iter()).filter(|w| sentence.contains(w)).count();
        let own = self.own.iter().any(|w| sentence.contains(w));
        (used, own)
    }
}

impl Vocabulary {
    fn of(ds: &Dataset) -> Self {
        let territories = (ds.territory_refs())
            .map(|r| {
                let t = ds.territory(r);
                let names = [
                    Some(&t.id),
                    Some(&t.name),
                    t.name_az.as_ref().map(|a| &a.name),
                ];
                let names = (names.into_iter().flatten())
                    .chain(t.aliases.iter().map(|a| &a.name))
                    .map(|name| words_of(name).join(" "))
                    .filter(|name| !name.is_empty())
                    .map(|name| format!(" {name} "))
                    .collect();
                (r, names)
            })
            .collect();
        let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
        let words: Vec<Vec<String>> = (ds.figures.iter())
            .map(|f| {
                let mut words: Vec<String> =
                    (words_of(&format!("{} {}", f.id.replace('-', " "), f.label)).into_iter())
                        .filter(|w| w.chars().count() >= 5 || year(w))
                        .collect();
                words.sort();
                words.dedup();
                words
            })
            .collect();
        let figures = (words.iter().enumerate())
            .map(|(i, these)| FigureWords {
                // A year is no figure's own: a sentence gives years of many things.
                own: (these.iter())
                    .filter(|w| !year(w))
                    .filter(|w| (words.iter().enumerate()).all(|(j, o)| j == i || !o.contains(w)))
                    .cloned()
                    .collect(),
                words: these.clone(),
            })
            .collect();
        Vocabulary {
            territories,
            figures,
        }
    }

    // The territories a sentence of `words` names.
    fn territories_named(&self, words: &[String]) -> Vec<TerritoryRef> {
        let joined = format!(" {} ", words.join(" "));
        (self.territories.iter())
            .filter(|(_, names)| names.iter().any(|name| joined.contains(name.as_str())))
            .map(|(r, _)| *r)
            .collect()
    }
}

// What a sentence speaks of, for a figure of it: its words, the territories the figure's
// clause names (or if it names none, the sentence), whether the figure is a number of years,
// and whether it is a span of time at all (of days, hours…).
struct Subject<'s> {
    words: &'s [String],
    // The words of the figure's clause, where the sentence quotes several figures; else none.
    clause: &'s [String],
    named: &'s [TerritoryRef],
    years: bool,
    lasting: bool,
}

// The values a quoted figure may be about, from what its sentence speaks of.
fn candidates<'a>(
    ds: &'a Dataset,
    vocabulary: &Vocabulary,
    of: &Subject<'_>,
    q: &Quoted,
) -> Vec<Compared<'a>> {
    let Subject {
        words,
        clause,
        named,
        years,
        lasting,
    } = *of;
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let mut found = Vec::new();
    for &r in named {
        let t = ds.territory(r);
        let facts = territory_facts(ds, r, None);
        // Of an area, that only part of the territory was occupied.
        let partial = facts.iter().find(|f| f.field == "partial");
        for fact in &facts {
            let Some(value) = fact_value(fact, q, has(&OCCUPIED), has(&RESTORED), years) else {
                continue;
            };
            let alternative = fact.field == "area_km2_other";
            let own = fact.note.map(str::to_owned);
            let caveat = match (&fact.value, partial) {
                (
                    FactValue::AreaKm2(_),
                    Some(Fact {
                        value: FactValue::Text(p),
                        ..
                    }),
                ) => Some(*p),
                _ => None,
            };
            let note = match (caveat, own) {
                (Some(caveat), Some(own)) => Some(format!("{caveat}; {own}")),
                (caveat, own) => own.or(caveat.map(str::to_owned)),
            };
            // Another source's area is an area too: the same thing, another value.
            let of = if alternative { "area" } else { &fact.words() };
            found.push(Compared {
                what: format!("{}: {of}", t.name),
                value,
                sources: fact.sources,
                as_of: None,
                computed: fact.computed.is_some(),
                alternative,
                approximate: false,
                note,
                record: t.id.clone(),
                field: fact.field,
            });
        }
    }
    // The totals, where the sentence speaks of the whole: of the occupied territory, of the
    // country, or of a total; a figure in a sentence about something else stays unknown.
    let country = fold(&ds.country.name);
    let of_the_whole = has(&TOTAL) || words.contains(&country);
    if named.is_empty() && (of_the_whole || matches!(q.value, Quantity::Number(_))) {
        let every: Vec<TerritoryRef> = ds.territory_refs().collect();
        let sum = totals(ds, &every);
        let mut partly: Vec<&str> = (every.iter().map(|&r| ds.territory(r)))
            .filter(|t| t.partial.is_some())
            .map(|t| t.name.as_str())
            .collect();
        let caveat = partly.pop().map(|last| {
            let names = match partly.is_empty() {
                true => last.to_owned(),
                false => format!("{} and {last}", partly.join(", ")),
            };
            format!("counts the whole areas of {names}, only part of which was occupied")
        });
        let computed = |what: &str, field, value, note: Option<String>| Compared {
            what: format!("totals: {what}"),
            value,
            sources: None,
            as_of: None,
            computed: true,
            alternative: false,
            approximate: false,
            note,
            record: "totals".to_owned(),
            field,
        };
        match q.value {
            Quantity::Area(_, unit) => {
                let twice = "counts twice the areas that lie within another listed one";
                let listed = match &caveat {
                    Some(caveat) => format!("{twice}; {caveat}"),
                    None => twice.to_owned(),
                };
                found.push(computed(
                    "area counted once",
                    "area_km2",
                    area(sum.area_km2, unit),
                    caveat,
                ));
                found.push(computed(
                    "area as listed",
                    "area_km2_listed",
                    area(sum.area_km2_listed, unit),
                    Some(listed),
                ));
            }
            Quantity::Percent(_) => {
                if let Some(f) = ds.country.occupied_share {
                    let figure = ds.figure(f);
                    found.extend(observed(
                        figure.latest(),
                        &figure.id,
                        "totals: share stated as occupied",
                        Quantity::Percent,
                    ));
                }
                let share = |p: f64| Quantity::Percent((p * 100.0).round() / 100.0);
                let against = format!("the listed areas over {}'s", ds.country.name);
                found.push(computed(
                    "share counted once",
                    "share_percent",
                    share(sum.share_percent),
                    Some(against.clone()),
                ));
                found.push(computed(
                    "share as listed",
                    "share_percent_listed",
                    share(sum.share_percent_listed),
                    Some(against),
                ));
            }
            // A span of time is no figure's count.
            Quantity::Number(_) if !lasting => {
                found.extend(figure_values(ds, vocabulary, clause, words));
            }
            Quantity::Number(_) | Quantity::Date(_) | Quantity::Years(..) => {}
        }
    } else if !named.is_empty() && !lasting && matches!(q.value, Quantity::Number(_)) {
        // A count in a sentence that names a place ("100,417 refugees from Nagorno-Karabakh")
        // is no territory's value: it may be a figure's, by the words it shares with one.
        found.extend(figure_values(ds, vocabulary, clause, words));
    }
    found
}

// A fact of a territory as a value to compare `q` with, if it is of the same kind: an area,
// a share, a date of occupation or restoration (the one the sentence's words speak of), or,
// for a number of years (`years`), the years it was held.
fn fact_value(
    fact: &Fact<'_>,
    q: &Quoted,
    occupied: bool,
    restored: bool,
    years: bool,
) -> Option<Quantity> {
    match (&fact.value, &q.value) {
        (FactValue::AreaKm2(km2), Quantity::Area(_, unit)) => Some(area(*km2, *unit)),
        (FactValue::Percent(p), Quantity::Percent(_)) => {
            Some(Quantity::Percent((p * 100.0).round() / 100.0))
        }
        (FactValue::Date(when), Quantity::Date(_)) => {
            let of_occupation = fact.field == "occupied";
            let of_restoration = fact.field.starts_with("restored");
            let wanted = match (occupied, restored) {
                (true, false) => of_occupation,
                (false, true) => of_restoration,
                _ => of_occupation || of_restoration,
            };
            wanted.then_some(Quantity::Date(*when))
        }
        (FactValue::Years(Some(held)), Quantity::Number(_)) if years => {
            Some(Quantity::Years(held.at_least, held.at_most))
        }
        _ => None,
    }
}

// An area of `km2` in `unit`, as karabakh converts it.
fn area(km2: u64, unit: AreaUnit) -> Quantity {
    Quantity::Area(unit.convert(km2).value(), unit)
}

// The observations of the figures the figure's clause speaks of, or if it speaks of none, its
// sentence: those whose own words it uses (words of a figure's id and label that no other
// figure has), and those of which it uses the most words, if two or more ("the 2020 war
// displaced … people").
fn figure_values<'a>(
    ds: &'a Dataset,
    vocabulary: &Vocabulary,
    clause: &[String],
    sentence: &[String],
) -> Vec<Compared<'a>> {
    let spoken_of = |words: &[String]| {
        let used: Vec<(usize, bool)> = (vocabulary.figures.iter())
            .map(|f| f.used_in(words))
            .collect();
        let most = used.iter().map(|(n, _)| *n).max().unwrap_or(0).max(2);
        let figures = (ds.figures.iter().zip(used))
            .filter(|&(_, (n, own))| own || n >= most)
            .map(|(f, _)| f);
        figures.collect::<Vec<_>>()
    };
    let mut figures = spoken_of(clause);
    if figures.is_empty() {
        figures = spoken_of(sentence);
    }
    let observations = figures
        .into_iter()
        .flat_map(|f| f.observations.iter().map(move |o| (f, o)));
    observations
        .flat_map(|(f, o)| observed(o, &f.id, &f.label, Quantity::Number))
        .collect()
}

// How far `value` is from the quoted figure; dates by their first days.
fn distance(q: &Quoted, value: &Quantity) -> f64 {
    match (&q.value, value) {
        (Quantity::Number(a), Quantity::Number(b))
        | (Quantity::Percent(a), Quantity::Percent(b))
        | (Quantity::Area(a, _), Quantity::Area(b, _)) => (a - b).abs(),
        (Quantity::Number(a), Quantity::Years(least, most)) => (a - a.clamp(*least, *most)).abs(),
        (Quantity::Date(a), Quantity::Date(b)) => {
            (a.first_day() - b.first_day()).num_days().abs() as f64
        }
        _ => f64::INFINITY,
    }
}

// An observation of the figure `record` and what other sources give for it, as values to
// compare with: `what` says what they are of, `quantity` what kind of value.
fn observed<'a>(
    o: &'a Observation,
    record: &str,
    what: &str,
    quantity: fn(f64) -> Quantity,
) -> Vec<Compared<'a>> {
    let first = Compared {
        what: what.to_owned(),
        value: quantity(o.value as f64),
        sources: Some(&o.source),
        as_of: o.as_of,
        computed: false,
        alternative: false,
        approximate: o.approximate,
        note: o.note.clone(),
        record: record.to_owned(),
        field: "value",
    };
    let alternatives = o.alternatives.iter().filter_map(|alt| {
        Some(Compared {
            what: what.to_owned(),
            value: quantity(alt.value? as f64),
            sources: Some(&alt.source),
            as_of: alt.as_of.or(o.as_of),
            computed: false,
            alternative: true,
            approximate: false,
            note: alt.note.clone(),
            record: record.to_owned(),
            field: "other_sources",
        })
    });
    std::iter::once(first).chain(alternatives).collect()
}

// Whether the quoted figure agrees with `value` at the precision the text claims: as written
// (to its last digit), rounded ("about 4,000": to the thousand), or as a bound; a value the
// dataset holds as approximate ("some 90,000") agrees with any figure its rounding holds.
fn agrees(q: &Quoted, value: &Quantity, approximate: bool) -> bool {
    // The quoted figure and the least and greatest value the dataset's allows; they are one
    // but for years between dates that are not days.
    let (quoted, least, most) = match (&q.value, value) {
        (Quantity::Number(a), Quantity::Number(b))
        | (Quantity::Percent(a), Quantity::Percent(b)) => (*a, *b, *b),
        (Quantity::Area(a, ua), Quantity::Area(b, ub)) if ua == ub => (*a, *b, *b),
        (Quantity::Number(a), Quantity::Years(least, most)) => (*a, *least, *most),
        (Quantity::Date(a), Quantity::Date(b)) => {
            // The same day, month or year, or one the other's period holds.
            return a.first_day() <= b.last_day() && b.first_day() <= a.last_day();
        }
        _ => return false,
    };
    let nearest = quoted.clamp(least, most);
    let step = q.step;
    let stated = match approximate {
        true => super::quoted::rounding_of(&(least as u64).to_string()),
        false => 0.0,
    };
    match q.precision {
        Claim::Exact => (quoted - nearest).abs() < step.max(stated) / 2.0 + 1e-9,
        Claim::About => (quoted - nearest).abs() <= q.rounding.max(step).max(stated) / 2.0,
        Claim::MoreThan => most > quoted,
        Claim::LessThan => least < quoted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdicts(text: &str) -> Vec<(String, Verdict)> {
        let ds = crate::data::embedded().unwrap();
        check(&ds, text)
            .into_iter()
            .map(|c| (c.quoted.text, c.verdict))
            .collect()
    }

    fn one(text: &str) -> Verdict {
        let found = verdicts(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].1
    }

    #[test]
    fn an_area_matches_the_documents_or_another_sources_and_differs_from_neither() {
        assert_eq!(one("Kalbajar covers 3,054 km²."), Verdict::Matches);
        assert_eq!(
            one("Kelbajar, an area of 1,936 km², was taken."),
            Verdict::Matches
        );
        assert_eq!(one("Kalbajar covers 2,500 km²."), Verdict::Differs);
        assert_eq!(
            one("Kalbajar covers 1,179.16 square miles."),
            Verdict::Matches
        );
        assert_eq!(one("Kalbajar covers about 3,000 km²."), Verdict::Matches);
    }

    #[test]
    fn a_date_is_compared_with_the_occupation_or_restoration_its_words_name() {
        assert_eq!(
            one("Jabrayil was taken on 23 August 1993."),
            Verdict::Matches
        );
        assert_eq!(
            one("Gubadli was returned on 30 October 2020."),
            Verdict::Differs
        );
        assert_eq!(
            one("Gubadli was returned on 25 October 2020."),
            Verdict::Matches
        );
        assert_eq!(one("Shusha fell in May 1992."), Verdict::Matches);
    }

    #[test]
    fn shares_and_counts_are_compared_with_the_totals_and_the_figures() {
        assert_eq!(
            one("Armenian forces occupied 20% of Azerbaijan."),
            Verdict::Matches
        );
        assert_eq!(one("They hold 16.62% of the country."), Verdict::Matches);
        assert_eq!(one("They hold 18% of the country."), Verdict::Differs);
        assert_eq!(
            one("Some 4,000 people are still missing."),
            Verdict::Matches
        );
        assert_eq!(
            one("More than 5,000 people are still missing."),
            Verdict::Differs
        );
        assert_eq!(
            one("Exactly 3,000 people are still missing."),
            Verdict::Differs
        );
    }

    #[test]
    fn a_match_says_when_its_value_is_another_sources_or_an_earlier_count() {
        let ds = crate::data::embedded().unwrap();
        let remarks = |text: &str| -> Vec<(String, Quantity)> {
            let found = check(&ds, text);
            (found[0].remarks.iter())
                .map(|r| match r {
                    Remark::NotTheStated(c) => ("stated".to_owned(), c.value.clone()),
                    Remark::NotTheLatest(c) => ("latest".to_owned(), c.value.clone()),
                })
                .collect()
        };
        assert_eq!(
            remarks("Kalbajar covers 1,936 km²."),
            [("stated".to_owned(), Quantity::Area(3054.0, AreaUnit::Km2))]
        );
        assert_eq!(
            remarks("4,049 people are missing."),
            [("latest".to_owned(), Quantity::Number(3983.0))]
        );
        assert_eq!(remarks("3,983 people are missing."), []);
        assert_eq!(remarks("Kalbajar covers 3,054 km²."), []);
    }

    #[test]
    fn a_number_of_years_is_compared_with_the_years_held_and_a_range_holds_any_inside_it() {
        assert_eq!(one("Aghdam was held for 27 years."), Verdict::Matches);
        assert_eq!(one("Aghdam was held for 29 years."), Verdict::Differs);
        assert_eq!(one("a 27-year occupation of Aghdam"), Verdict::Matches);
        assert_eq!(one("Nagorno-Karabakh: 33 years."), Verdict::Matches);
        assert_eq!(one("Nagorno-Karabakh: 37 years."), Verdict::Differs);
        // A number that is not of years is not compared with them.
        assert_eq!(one("Aghdam was held for 27 days."), Verdict::Unknown);
    }

    #[test]
    fn an_abbreviation_s_point_ends_no_sentence() {
        assert_eq!(one("Lachin covers 1,840 sq. km."), Verdict::Matches);
        assert_eq!(
            sentences("Approx. 3,000 km². Then"),
            [(0, "Approx. 3,000 km²."), (19, " Then")]
        );
    }

    #[test]
    fn a_figure_about_nothing_the_dataset_holds_is_unknown() {
        assert_eq!(
            verdicts("The war lasted 44 days. Three leaders signed."),
            [("44".to_owned(), Verdict::Unknown)]
        );
    }

    #[test]
    fn a_sentence_is_parted_into_clauses_only_between_two_figures() {
        fn clauses_of(text: &str) -> Vec<&str> {
            clauses(text, &quoted(text))
        }
        assert_eq!(
            clauses_of("Aghdam (1,150 km²) and Fizuli (1,390 km²) were partly occupied."),
            [
                "Aghdam (1,150 km²)",
                "Fizuli (1,390 km²) were partly occupied."
            ]
        );
        assert_eq!(
            clauses_of("Kalbajar and Lachin fell in 1993 and 1992."),
            ["Kalbajar and Lachin fell in 1993", "1992."]
        );
        assert_eq!(
            clauses_of("Some 90,000 fled in 2020, and 100,417 in 2023."),
            [
                "Some 90,000 fled in 2020",
                "Some 90,000 fled in 2020",
                "and 100,417 in 2023.",
                "and 100,417 in 2023."
            ]
        );
        assert_eq!(clauses_of("Kalbajar, the largest, fell in 1993."), [""]);
    }

    #[test]
    fn places_are_in_the_whole_text() {
        let ds = crate::data::embedded().unwrap();
        let text = "A first sentence. Kalbajar covers 3,054 km².";
        let found = check(&ds, text);
        assert_eq!(
            &text[found[0].quoted.start..found[0].quoted.end],
            "3,054 km²"
        );
    }
}
