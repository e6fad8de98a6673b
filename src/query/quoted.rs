//! The figures a text quotes, as articles write them: numbers ("3,054", "3 054", "250
//! thousand"), shares ("20%", "20 per cent"), areas in every unit karabakh knows ("1,936 km²",
//! "740 square miles") and dates ("8 May 1992", "May 8, 1992", "1992-05-08", "May 1992",
//! "1993"), each with its place in the text and how exact the text claims it is ("about",
//! "more than"). Deterministic rules, no network: the same text always gives the same figures.
//! `check` and `audit` compare them with the dataset's facts.

use crate::data::When;

use super::AreaUnit;

/// A figure a text quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted {
    /// The figure as written, with its unit and any word of approximation before it.
    pub text: String,
    /// Where it starts in the text, in bytes.
    pub start: usize,
    /// Where it ends in the text, in bytes.
    pub end: usize,
    /// What it says.
    pub value: Quantity,
    /// How exact the text claims it is.
    pub precision: Claim,
    /// The place of the last digit written: 1 for "3,054", 0.01 for "1,179.16".
    pub step: f64,
    /// The rounding its round number claims: 1,000 for "4,000", 10 for "3,050", 1 for
    /// "3,054"; the step for a number with decimals.
    pub rounding: f64,
}

/// The rounding the trailing zeros of a whole number's `digits` claim: 1,000 for "4000",
/// 10 for "3050", 1 for "3054" (and for "0").
pub fn rounding_of(digits: &str) -> f64 {
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    10f64.powi(zeros.min(digits.len().saturating_sub(1)) as i32)
}

/// What a quoted figure says.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// A number with no unit karabakh knows.
    Number(f64),
    /// A share, in percent.
    Percent(f64),
    /// An area in a unit.
    Area(f64, AreaUnit),
    /// A date, at the precision written.
    Date(When),
    /// Years between two dates, as karabakh computes them: at least and at most, the same
    /// where both dates are days. No text is read as one; a number of years is compared with it.
    Years(f64, f64),
}

/// How exact a text claims a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// As written: "3,054".
    Exact,
    /// Rounded: "about", "some", "nearly", "roughly", "almost", "around".
    About,
    /// A bound the value exceeds: "more than", "over".
    MoreThan,
    /// A bound the value stays under: "less than", "under", "fewer than".
    LessThan,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

// The words of approximation before a figure, longest first, with what they claim.
const CLAIMS: [(&str, Claim); 13] = [
    ("more than", Claim::MoreThan),
    ("less than", Claim::LessThan),
    ("fewer than", Claim::LessThan),
    ("roughly", Claim::About),
    ("nearly", Claim::About),
    ("almost", Claim::About),
    ("around", Claim::About),
    ("about", Claim::About),
    ("some", Claim::About),
    ("over", Claim::MoreThan),
    ("under", Claim::LessThan),
    ("approximately", Claim::About),
    ("~", Claim::About),
];

// The ways units are written after a number, longest first.
const UNITS: [(&str, Unit); 19] = [
    ("square kilometres", Unit::Area(AreaUnit::Km2)),
    ("square kilometers", Unit::Area(AreaUnit::Km2)),
    ("square miles", Unit::Area(AreaUnit::Mi2)),
    ("square mile", Unit::Area(AreaUnit::Mi2)),
    ("per cent", Unit::Percent),
    ("percent", Unit::Percent),
    ("hectares", Unit::Area(AreaUnit::Ha)),
    ("sq. km", Unit::Area(AreaUnit::Km2)),
    ("sq km", Unit::Area(AreaUnit::Km2)),
    ("sq. mi", Unit::Area(AreaUnit::Mi2)),
    ("sq mi", Unit::Area(AreaUnit::Mi2)),
    ("km²", Unit::Area(AreaUnit::Km2)),
    ("km2", Unit::Area(AreaUnit::Km2)),
    ("mi²", Unit::Area(AreaUnit::Mi2)),
    ("mi2", Unit::Area(AreaUnit::Mi2)),
    ("thousand", Unit::Times(1_000.0)),
    ("million", Unit::Times(1_000_000.0)),
    ("ha", Unit::Area(AreaUnit::Ha)),
    ("%", Unit::Percent),
];

#[derive(Debug, Clone, Copy)]
enum Unit {
    Area(AreaUnit),
    Percent,
    Times(f64),
}

/// Every figure `text` quotes, in the order they stand.
pub fn quoted(text: &str) -> Vec<Quoted> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let starts_word = at == 0 || !is_word_char(text[..at].chars().next_back());
        let figure = starts_word
            .then(|| date_at(text, at).or_else(|| number_at(text, at)))
            .flatten();
        match figure {
            Some(mut figure) => {
                let (start, precision) = claim_before(text, figure.start);
                figure.text = text[start..figure.end].to_owned();
                figure.start = start;
                figure.precision = precision;
                at = figure.end;
                found.push(figure);
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

// The word of approximation just before `start`, if any: where it begins and what it claims.
fn claim_before(text: &str, start: usize) -> (usize, Claim) {
    let before = text[..start].trim_end();
    let lower = before.to_lowercase();
    for (word, claim) in CLAIMS {
        if lower.ends_with(word) && lower.len() == before.len() {
            let begins = before.len() - word.len();
            if begins == 0 || !is_word_char(before[..begins].chars().next_back()) {
                return (begins, claim);
            }
        }
    }
    (start, Claim::Exact)
}

// The digits of a number at `at`: "3,054", "3 054", "1,179.16"; its value, where it ends,
// the place of its last digit and the rounding it claims.
fn digits_at(text: &str, at: usize) -> Option<(f64, usize, f64, f64)> {
    let bytes = text.as_bytes();
    if !bytes.get(at)?.is_ascii_digit() {
        return None;
    }
    let mut end = at;
    let mut number = String::new();
    let mut group = 0;
    let mut grouped = false;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_digit() {
            number.push(b as char);
            group += 1;
            end += 1;
        } else if (b == b',' || b == b' ')
            && (group == 3 || (!grouped && (1..=3).contains(&group)))
            && bytes
                .get(end + 1..end + 4)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
        {
            // A thousands separator: a group of three digits follows, and no fourth.
            grouped = true;
            group = 0;
            end += 1;
        } else if b == b'.'
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            && !number.contains('.')
        {
            number.push('.');
            end += 1;
        } else {
            break;
        }
    }
    if is_word_char(text[end..].chars().next()) {
        // Part of a word such as "44-day" is fine; "3rd" or "x86" is not a figure.
        let next = text[end..].chars().next();
        if next.is_some_and(char::is_alphabetic) && !starts_unit(&text[end..]) {
            return None;
        }
    }
    let (step, rounding) = match number.split_once('.') {
        Some((_, decimals)) => {
            let step = 10f64.powi(-(decimals.len() as i32));
            (step, step)
        }
        None => (1.0, rounding_of(&number)),
    };
    Some((number.parse().ok()?, end, step, rounding))
}

fn starts_unit(rest: &str) -> bool {
    let lower = rest.to_lowercase();
    UNITS.iter().any(|(written, _)| lower.starts_with(written))
}

// A number at `at`, with the unit after it if there is one.
fn number_at(text: &str, at: usize) -> Option<Quoted> {
    let (value, end, step, rounding) = digits_at(text, at)?;
    let after = &text[end..];
    let gap = after.len() - after.trim_start().len();
    let lower = after.trim_start().to_lowercase();
    let unit = UNITS.iter().find(|(written, _)| {
        lower.starts_with(written)
            && !is_word_char(lower[written.len()..].chars().next())
            // "%" goes right after the number; words after a space.
            && (gap == 0 || written.len() > 1)
    });
    let (value, end) = match unit {
        Some((written, unit)) => {
            let end = end + gap + written.len();
            let value = match unit {
                Unit::Area(u) => Quantity::Area(value, *u),
                Unit::Percent => Quantity::Percent(value),
                Unit::Times(times) => Quantity::Number(value * times),
            };
            (value, end)
        }
        // A year on its own: four digits, no separator, in the years a date may have.
        None if end - at == 4 && (1000.0..=2999.0).contains(&value) => {
            (Quantity::Date(When::parse(&text[at..end]).ok()?), end)
        }
        None => (Quantity::Number(value), end),
    };
    Some(Quoted {
        text: String::new(),
        start: at,
        end,
        value,
        precision: Claim::Exact,
        step,
        rounding,
    })
}

// A date at `at`: "1992-05-08", "8 May 1992", "May 8, 1992", "May 1992".
fn date_at(text: &str, at: usize) -> Option<Quoted> {
    let rest = &text[at..];
    let date = |iso: String, len: usize| {
        Some(Quoted {
            text: String::new(),
            start: at,
            end: at + len,
            value: Quantity::Date(When::parse(&iso).ok()?),
            precision: Claim::Exact,
            step: 1.0,
            rounding: 1.0,
        })
    };
    // ISO: 1992-05-08 or 1992-05.
    let iso_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'-')
        .count();
    if matches!(iso_len, 7 | 10)
        && rest.as_bytes().get(4) == Some(&b'-')
        && let Some(found) = date(rest[..iso_len].to_owned(), iso_len)
    {
        return Some(found);
    }
    let words: Vec<(usize, &str)> = words_from(rest).take(3).collect();
    let month = |w: &str| {
        let w = w.trim_end_matches([',', '.']).to_lowercase();
        MONTHS.iter().position(|m| *m == w).map(|i| i + 1)
    };
    let number = |w: &str| w.trim_end_matches([',', '.']).parse::<u32>().ok();
    match words.as_slice() {
        // 8 May 1992
        [(_, d), (_, m), (y_at, y), ..] if number(d).is_some_and(|d| d <= 31) => {
            let (d, m, y) = (number(d)?, month(m)?, year(y)?);
            date(format!("{y:04}-{m:02}-{d:02}"), y_at + 4)
        }
        // May 8, 1992
        [(_, m), (_, d), (y_at, y), ..] if month(m).is_some() && d.ends_with(',') => {
            let (m, d, y) = (month(m)?, number(d)?, year(y)?);
            date(format!("{y:04}-{m:02}-{d:02}"), y_at + 4)
        }
        // May 1992
        [(_, m), (y_at, y), ..] if month(m).is_some() => {
            let (m, y) = (month(m)?, year(y)?);
            date(format!("{y:04}-{m:02}"), y_at + 4)
        }
        _ => None,
    }
}

fn year(word: &str) -> Option<i32> {
    let word = word.trim_end_matches([',', '.', ';', ')']);
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

// The words of `text` with where each starts.
fn words_from(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ').scan(0, |at, word| {
        let start = *at;
        *at += word.len() + 1;
        Some((start, word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_knows_the_place_of_its_last_digit_and_the_rounding_it_claims() {
        let steps: Vec<(f64, f64)> = quoted("3,054 and some 4,000 and 1,179.16 km² and 3 050")
            .iter()
            .map(|q| (q.step, q.rounding))
            .collect();
        assert_eq!(
            steps,
            [(1.0, 1.0), (1.0, 1000.0), (0.01, 0.01), (1.0, 10.0)]
        );
        assert_eq!(rounding_of("90000"), 10000.0);
        assert_eq!(rounding_of("0"), 1.0);
    }

    fn values(text: &str) -> Vec<(String, Quantity, Claim)> {
        quoted(text)
            .into_iter()
            .map(|q| (q.text, q.value, q.precision))
            .collect()
    }

    fn day(iso: &str) -> Quantity {
        Quantity::Date(When::parse(iso).unwrap())
    }

    #[test]
    fn numbers_are_read_with_their_separators_and_units() {
        let km2 = |v| Quantity::Area(v, AreaUnit::Km2);
        assert_eq!(
            values("Kalbajar, an area of 1,936 km², and Aghdam 1 150 sq km."),
            [
                ("1,936 km²".to_owned(), km2(1936.0), Claim::Exact),
                ("1 150 sq km".to_owned(), km2(1150.0), Claim::Exact),
            ]
        );
        assert_eq!(
            values("3054 square kilometres or 1,179.16 square miles, 14 393 km2"),
            [
                (
                    "3054 square kilometres".to_owned(),
                    km2(3054.0),
                    Claim::Exact
                ),
                (
                    "1,179.16 square miles".to_owned(),
                    Quantity::Area(1179.16, AreaUnit::Mi2),
                    Claim::Exact
                ),
                ("14 393 km2".to_owned(), km2(14393.0), Claim::Exact),
            ]
        );
        assert_eq!(
            values("20% of the territory, 20 per cent, 16.62 percent"),
            [
                ("20%".to_owned(), Quantity::Percent(20.0), Claim::Exact),
                (
                    "20 per cent".to_owned(),
                    Quantity::Percent(20.0),
                    Claim::Exact
                ),
                (
                    "16.62 percent".to_owned(),
                    Quantity::Percent(16.62),
                    Claim::Exact
                ),
            ]
        );
        assert_eq!(
            values("250 thousand refugees"),
            [(
                "250 thousand".to_owned(),
                Quantity::Number(250_000.0),
                Claim::Exact
            )]
        );
    }

    #[test]
    fn words_of_approximation_set_the_claim() {
        assert_eq!(
            values("some 4,000 people, more than 5,000 and about 20%"),
            [
                (
                    "some 4,000".to_owned(),
                    Quantity::Number(4000.0),
                    Claim::About
                ),
                (
                    "more than 5,000".to_owned(),
                    Quantity::Number(5000.0),
                    Claim::MoreThan
                ),
                (
                    "about 20%".to_owned(),
                    Quantity::Percent(20.0),
                    Claim::About
                ),
            ]
        );
        // "handsome 4" is not "some 4".
        assert_eq!(
            values("a handsome 4"),
            [("4".to_owned(), Quantity::Number(4.0), Claim::Exact)]
        );
    }

    #[test]
    fn dates_are_read_in_the_forms_articles_use() {
        assert_eq!(
            values("on 8 May 1992, May 8, 1992, 1992-05-08, in May 1992 and in 1993."),
            [
                ("8 May 1992".to_owned(), day("1992-05-08"), Claim::Exact),
                ("May 8, 1992".to_owned(), day("1992-05-08"), Claim::Exact),
                ("1992-05-08".to_owned(), day("1992-05-08"), Claim::Exact),
                ("May 1992".to_owned(), day("1992-05"), Claim::Exact),
                ("1993".to_owned(), day("1993"), Claim::Exact),
            ]
        );
        assert_eq!(
            values("Gubadli was returned on 30 October 2020"),
            [(
                "30 October 2020".to_owned(),
                day("2020-10-30"),
                Claim::Exact
            )]
        );
    }

    #[test]
    fn places_are_byte_offsets_of_the_figure_as_written() {
        let text = "Şuşa fell on 8 May 1992; about 289 km².";
        for q in quoted(text) {
            assert_eq!(&text[q.start..q.end], q.text);
        }
        assert_eq!(quoted(text).len(), 2);
    }

    #[test]
    fn parts_of_words_are_not_figures() {
        assert_eq!(values("the 3rd x86 A4"), []);
        assert_eq!(
            values("the 44-day war"),
            [("44".to_owned(), Quantity::Number(44.0), Claim::Exact)]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_figures_in_order_each_its_own_place(text in "(\\PC|[0-9 ,.%]){0,80}") {
            let found = quoted(&text);
            let mut last = 0;
            for q in &found {
                proptest::prop_assert!(q.start >= last && q.start < q.end);
                proptest::prop_assert_eq!(&text[q.start..q.end], q.text.as_str());
                last = q.end;
            }
        }
    }
}
