//! Dates at the precision a source gives them.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A date as precise as its source: a day, a month, a year, a decade or a span of years.
///
/// The representation is private so that every value is valid: months are 1 to 12,
/// decades start on a year divisible by ten and spans run forwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct When(Repr);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Repr {
    Day(NaiveDate),
    // The first day of the month.
    Month(NaiveDate),
    Year(i32),
    Decade(i32),
    Years(i32, i32),
}

/// How precise a [`When`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// A calendar day.
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// A decade, such as the 1990s.
    Decade,
    /// A span of whole years, such as 1988–1992.
    Years,
}

/// Why a text is not a [`When`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a date: {reason} (write a day 1992-05-08, a month 1992-02, a year 1987, \
     a span of years 1988/1992 or a decade 1990s)"
)]
pub struct WhenError {
    text: String,
    reason: &'static str,
}

// Years are limited to four digits, as in the ISO 8601 basic range.
const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

impl When {
    /// A calendar day.
    pub fn day(date: NaiveDate) -> Self {
        When(Repr::Day(date))
    }

    /// The calendar year `year`.
    pub fn year(year: i32) -> Result<Self, WhenError> {
        check_year(year, &year.to_string())?;
        Ok(When(Repr::Year(year)))
    }

    /// Parses a year written with four digits, such as `1993`.
    pub fn year_text(text: &str) -> Result<Self, WhenError> {
        let when = When::parse(text)?;
        match when.0 {
            Repr::Year(_) => Ok(when),
            _ => Err(WhenError {
                text: text.to_owned(),
                reason: "give a year only, such as 1993",
            }),
        }
    }

    /// Parses the forms `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY/YYYY` and `YYY0s`.
    pub fn parse(text: &str) -> Result<Self, WhenError> {
        let fail = |reason| WhenError {
            text: text.to_owned(),
            reason,
        };
        // No space is trimmed: a date is written as in TOML, where `1993` has none either.
        let s = text;
        if let Some((from, to)) = s.split_once('/') {
            let (from, to) = (parse_year(from, text)?, parse_year(to, text)?);
            if from >= to {
                return Err(fail("the span must end after it starts"));
            }
            return Ok(When(Repr::Years(from, to)));
        }
        if let Some(decade) = s.strip_suffix('s') {
            let start = parse_year(decade, text)?;
            if start % 10 != 0 {
                return Err(fail("a decade starts on a year ending in 0"));
            }
            return Ok(When(Repr::Decade(start)));
        }
        match s.split('-').collect::<Vec<_>>()[..] {
            [y] => Ok(When(Repr::Year(parse_year(y, text)?))),
            [y, m] => {
                let year = parse_year(y, text)?;
                let month =
                    parse_number(m, 2).ok_or_else(|| fail("the month must be two digits"))?;
                NaiveDate::from_ymd_opt(year, month, 1)
                    .map(|d| When(Repr::Month(d)))
                    .ok_or_else(|| fail("there is no such month"))
            }
            [y, m, d] => {
                let year = parse_year(y, text)?;
                let month =
                    parse_number(m, 2).ok_or_else(|| fail("the month must be two digits"))?;
                let day = parse_number(d, 2).ok_or_else(|| fail("the day must be two digits"))?;
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(When::day)
                    .ok_or_else(|| fail("there is no such day in the calendar"))
            }
            _ => Err(fail("it has too many parts")),
        }
    }

    /// How precise this date is.
    pub fn precision(self) -> Precision {
        match self.0 {
            Repr::Day(_) => Precision::Day,
            Repr::Month(_) => Precision::Month,
            Repr::Year(_) => Precision::Year,
            Repr::Decade(_) => Precision::Decade,
            Repr::Years(..) => Precision::Years,
        }
    }

    /// The first day this date can mean.
    pub fn first_day(self) -> NaiveDate {
        match self.0 {
            Repr::Day(d) | Repr::Month(d) => d,
            Repr::Year(y) | Repr::Decade(y) | Repr::Years(y, _) => jan_first(y),
        }
    }

    /// The last day this date can mean.
    pub fn last_day(self) -> NaiveDate {
        match self.0 {
            Repr::Day(d) => d,
            Repr::Month(d) => {
                let (y, m) = if d.month() == 12 {
                    (d.year() + 1, 1)
                } else {
                    (d.year(), d.month() + 1)
                };
                first_of_month(y, m).pred_opt().unwrap_or(d)
            }
            Repr::Year(y) => dec_31(y),
            Repr::Decade(y) => dec_31(y + 9),
            Repr::Years(_, y) => dec_31(y),
        }
    }

    /// The calendar day, when this date is precise to the day.
    pub fn as_day(self) -> Option<NaiveDate> {
        match self.0 {
            Repr::Day(d) => Some(d),
            _ => None,
        }
    }

    /// Whether any day of this date lies within `[from, to]`.
    pub fn overlaps(self, from: NaiveDate, to: NaiveDate) -> bool {
        self.first_day() <= to && self.last_day() >= from
    }

    /// The ISO 8601 form used by machine formats: `1992-05-08`, `1992-02`, `1987`, `1988/1992`;
    /// a decade is written as its span of years, `1990/1999`.
    pub fn iso(self) -> String {
        match self.0 {
            Repr::Decade(y) => format!("{y:04}/{:04}", y + 9),
            _ => self.to_string(),
        }
    }

    /// The form for people: a span of years with an en dash (`1988–1992`), a decade as `1990s`.
    pub fn human(self) -> String {
        match self.0 {
            Repr::Years(a, b) => format!("{a}–{b}"),
            _ => self.to_string(),
        }
    }
}

fn jan_first(year: i32) -> NaiveDate {
    first_of_month(year, 1)
}

fn first_of_month(year: i32, month: u32) -> NaiveDate {
    // Years are checked to lie in 1..=9999 (and 10000 only as the month after December 9999),
    // which chrono supports.
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MAX)
}

fn dec_31(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

fn parse_number(s: &str, digits: usize) -> Option<u32> {
    if s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn parse_year(s: &str, text: &str) -> Result<i32, WhenError> {
    let year = parse_number(s, 4).ok_or_else(|| WhenError {
        text: text.to_owned(),
        reason: "a year must be four digits",
    })?;
    let year = i32::try_from(year).unwrap_or(0);
    check_year(year, text)?;
    Ok(year)
}

fn check_year(year: i32, text: &str) -> Result<(), WhenError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(WhenError {
            text: text.to_owned(),
            reason: "the year must lie between 0001 and 9999",
        })
    }
}

impl fmt::Display for When {
    /// The form a dataset uses: `1992-05-08`, `1992-02`, `1987`, `1988/1992`, `1990s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            // Written by hand: chrono's strftime is far slower, and listings write many dates.
            Repr::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Repr::Month(d) => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Repr::Year(y) => write!(f, "{y:04}"),
            Repr::Decade(y) => write!(f, "{y:04}s"),
            Repr::Years(a, b) => write!(f, "{a:04}/{b:04}"),
        }
    }
}

impl Ord for When {
    // Earlier first; of two that start on the same day, the more precise (shorter) one first.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::str::FromStr for When {
    type Err = WhenError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        When::parse(s)
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WhenVisitor)
    }
}

struct WhenVisitor;

impl<'de> Visitor<'de> for WhenVisitor {
    type Value = When;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date (1992-05-08), or a string such as \"1992-02\", \"1988/1992\" or \"1990s\", or a year (1987)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<When, E> {
        When::parse(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<When, E> {
        let year = i32::try_from(v).map_err(|_| E::custom(format!("{v} is not a year")))?;
        When::year(year).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<When, E> {
        let year = i64::try_from(v).map_err(|_| E::custom(format!("{v} is not a year")))?;
        self.visit_i64(year)
    }

    // A TOML date arrives as a map with one private key, holding the date's text; any other
    // table is no date.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<When, A::Error> {
        let not_a_date = || de::Error::custom("expected a date, found a table");
        match map.next_key::<String>() {
            Ok(Some(key)) if key.starts_with("$__toml_private") => {}
            _ => return Err(not_a_date()),
        }
        let text: String = map.next_value()?;
        let datetime: toml::value::Datetime = text.parse().map_err(|_| not_a_date())?;
        match (datetime.date, datetime.time, datetime.offset) {
            // The rules of every other way of writing a date: a year from 0001 to 9999.
            (Some(d), None, None) => {
                check_year(i32::from(d.year), &text).map_err(de::Error::custom)?;
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .map(When::day)
                    .ok_or_else(|| de::Error::custom(format!("{d} is not a day in the calendar")))
            }
            _ => Err(de::Error::custom(format!(
                "{datetime} has a time of day; write only the date, such as 1992-05-08"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> When {
        When::parse(s).unwrap()
    }

    #[test]
    fn every_form_reads_back_as_written() {
        for s in ["1992-05-08", "1992-02", "1987", "1988/1992", "1990s"] {
            assert_eq!(w(s).to_string(), s);
        }
    }

    #[test]
    fn machine_form_writes_a_decade_as_a_span() {
        assert_eq!(w("1990s").iso(), "1990/1999");
        assert_eq!(w("1988/1992").iso(), "1988/1992");
        assert_eq!(w("1988/1992").human(), "1988–1992");
    }

    #[test]
    fn impossible_days_and_months_are_refused() {
        assert!(When::parse("1993-02-30").is_err());
        assert!(When::parse("0000-01-01").is_err());
        assert!(When::parse("1993-13-01").is_err());
        assert!(When::parse("1993-13").is_err());
        assert!(When::parse("1993-2-01").is_err());
        assert!(When::parse("1992/1988").is_err());
        assert!(When::parse("1995s").is_err());
        assert!(When::parse("0000").is_err());
        assert!(When::parse("").is_err());
        assert!(When::parse("1992-05-08-01").is_err());
    }

    #[test]
    fn first_and_last_days_cover_the_precision() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(w("1992-02").last_day(), d("1992-02-29"));
        assert_eq!(w("1992-12").last_day(), d("1992-12-31"));
        assert_eq!(w("1988/1992").first_day(), d("1988-01-01"));
        assert_eq!(w("1988/1992").last_day(), d("1992-12-31"));
        assert_eq!(w("1990s").last_day(), d("1999-12-31"));
        assert_eq!(w("9999-12").last_day(), d("9999-12-31"));
    }

    #[test]
    fn ordering_puts_a_period_or_year_by_its_first_day() {
        let mut v = [w("1993-04-02"), w("1992"), w("1988/1992"), w("1992-05-08")];
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["1988/1992", "1992", "1992-05-08", "1993-04-02"]);
    }

    #[test]
    fn toml_dates_integers_and_strings_all_deserialize() {
        #[derive(Debug, Deserialize)]
        struct T {
            a: When,
            b: When,
            c: When,
        }
        let t: T = toml::from_str("a = 1992-05-08\nb = 1987\nc = \"1990s\"").unwrap();
        assert_eq!((t.a, t.b, t.c), (w("1992-05-08"), w("1987"), w("1990s")));
        let err = toml::from_str::<T>("a = 1992-05-08T10:00:00\nb = 1\nc = \"x\"").unwrap_err();
        assert!(err.message().contains("time of day"), "{err}");
    }

    #[test]
    fn one_rule_holds_for_every_way_of_writing_a_date() {
        #[derive(Debug, Deserialize)]
        struct T {
            #[allow(dead_code)]
            a: When,
        }
        let message = |toml: &str| toml::from_str::<T>(toml).unwrap_err().message().to_owned();
        // Year 0, as a TOML date as in a string.
        assert!(message("a = 0000-01-01").contains("between 0001 and 9999"));
        assert!(When::parse("0000-01-01").is_err());
        // Spaces are no part of a date.
        assert!(message("a = \" 1993 \"").contains("is not a date"));
        // A table is not a date, and the message says so in the dataset's terms.
        assert_eq!(message("a = { a = 1 }"), "expected a date, found a table");
    }
}
