//! Charts drawn with text: horizontal bars, and a step chart of the cumulative area.

use chrono::Datelike;
use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::data::{Kind, Mark, Source, When};
use crate::query::AreaUnit;

use super::text::note_lines;
use super::{Value, escape_for_terminal};

/// A picture of the data, drawn by [`write()`] or as SVG, with the caveats to write under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart<'a> {
    /// What is drawn.
    pub drawing: Drawing<'a>,
    /// Caveats of the data drawn, each written as a note.
    pub notes: Vec<String>,
    /// The sources of the values drawn, which a picture lists in full on request.
    pub sources: Vec<&'a Source>,
    /// The short credit a picture carries: who gives the values, in a line.
    pub credit: String,
}

/// What a chart draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawing<'a> {
    /// One bar per territory: its area as listed.
    Bars(Vec<Bar<'a>>),
    /// The cumulative area counted once, one step per period of occupation.
    Steps(Vec<Step>),
    /// The area held over time, drawn to the scale of time: each span is a day on which it
    /// changed and the area held from then on; the marks are events a picture marks on its
    /// time axis.
    OverTime(Vec<Span>, Vec<&'a Mark>),
}

impl Drawing<'_> {
    /// The chart's title, with areas in `unit`.
    pub fn title(&self, unit: AreaUnit) -> String {
        let unit = unit.symbol();
        match self {
            Drawing::Bars(_) => format!("Area of each territory, {unit}"),
            Drawing::Steps(_) => format!("Area occupied over time, cumulative, {unit}"),
            Drawing::OverTime(..) => format!("Area held over time, {unit}"),
        }
    }
}

/// One territory's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar<'a> {
    /// The territory's name.
    pub label: &'a str,
    /// Region or district, which gives the bar its colour.
    pub kind: Kind,
    /// The area as the source states it, in km².
    pub km2: u64,
}

/// One step of the cumulative chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// The year or the stated period.
    pub period: When,
    /// The area reached by its end, counted once, in km² (computed).
    pub cumulative_km2: u64,
}

/// The area held from a day until the next span, as a range while a date given less precisely
/// than a day is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The first day of the span.
    pub day: chrono::NaiveDate,
    /// The area certainly held, in km² (computed).
    pub at_least_km2: u64,
    /// The area held or not known to be, in km² (computed).
    pub at_most_km2: u64,
}

/// The years to label on an axis of time, given the days on which the area changed: the first
/// and the last change come first, then the others in order, then every fifth year between
/// them, each year once. `fits` labels a day's year if there is room and says whether it did.
pub fn axis_years(
    days: &[chrono::NaiveDate],
    fits: &mut dyn FnMut(chrono::NaiveDate) -> bool,
) -> Vec<chrono::NaiveDate> {
    let mut years: Vec<chrono::NaiveDate> = Vec::new();
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
        return years;
    };
    // Between the changes, every fifth year gives the scale.
    let fifths = (first.year()..=last.year())
        .filter(|y| y % 5 == 0)
        .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, 1, 1))
        .filter(|&d| first < d && d < last);
    let candidates = [first, last].into_iter().chain(days.iter().copied());
    for day in candidates.chain(fifths) {
        if years.iter().all(|y| y.year() != day.year()) && fits(day) {
            years.push(day);
        }
    }
    years.sort();
    years
}

/// How a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOptions {
    /// The width to fit, in columns.
    pub width: usize,
    /// Plain ASCII instead of Unicode blocks and lines.
    pub ascii: bool,
    /// Whether bars are coloured by kind.
    pub color: bool,
    /// The unit of the areas shown.
    pub unit: AreaUnit,
}

/// The narrowest a chart is drawn: narrower, bars say nothing. A terminal narrower than this
/// gets a chart this wide; `--width` refuses less.
pub const MIN_WIDTH: usize = 30;
// Labels longer than this share of the width are cut.
const MAX_LABEL_SHARE: usize = 3;
// The height of the step chart, in lines.
const STEP_ROWS: usize = 10;

const EIGHTHS_LEFT: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const EIGHTHS_LOW: [char; 8] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇'];
const RESET: &str = "\x1b[0m";
const DIM: &str = "\x1b[2m";

fn kind_color(kind: Kind) -> &'static str {
    match kind {
        Kind::Region => "\x1b[36m",
        Kind::District => "\x1b[33m",
    }
}

/// Writes `chart`.
pub fn write(chart: &Chart<'_>, options: ChartOptions, out: &mut dyn Write) -> io::Result<()> {
    let options = ChartOptions {
        width: options.width.max(MIN_WIDTH),
        ..options
    };
    let items = match &chart.drawing {
        Drawing::Bars(bars) => bars.len(),
        Drawing::Steps(steps) => steps.len(),
        Drawing::OverTime(spans, _) => spans.len(),
    };
    if title(out, options, &chart.drawing.title(options.unit), items)? {
        match &chart.drawing {
            Drawing::Bars(bars) => write_bars(bars, options, out)?,
            Drawing::Steps(steps) => write_steps(steps, options, out)?,
            Drawing::OverTime(steps, _) => write_over_time(steps, options, out)?,
        }
    }
    for caveat in &chart.notes {
        note(out, options, caveat)?;
    }
    Ok(())
}

fn write_bars(bars: &[Bar<'_>], o: ChartOptions, out: &mut dyn Write) -> io::Result<()> {
    let unit = o.unit.symbol();
    let values: Vec<String> = bars
        .iter()
        .map(|b| Value::area(b.km2, o.unit).human())
        .collect();
    let value_width = values.iter().map(|v| v.width()).max().unwrap_or(0);
    let labels: Vec<String> = bars
        .iter()
        .map(|b| text(&escape_for_terminal(b.label), o))
        .collect();
    let label_width = labels
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .min(o.width / MAX_LABEL_SHARE);
    // label, space, bar, space, value: the bar takes what is left.
    let room = o.width.saturating_sub(label_width + value_width + 2).max(1);
    let max = bars.iter().map(|b| b.km2).max().unwrap_or(1).max(1);
    for ((bar, label), value) in bars.iter().zip(&labels).zip(&values) {
        let eighths = scaled(bar.km2, max, room * 8);
        let drawn = if o.ascii {
            "#".repeat((eighths + 4) / 8)
        } else {
            let mut s = "█".repeat(eighths / 8);
            if !eighths.is_multiple_of(8) {
                s.push(EIGHTHS_LEFT[eighths % 8]);
            }
            s
        };
        let pad = room - drawn.chars().count();
        let label = fit(label, label_width, o.ascii);
        if o.color {
            let color = kind_color(bar.kind);
            write!(out, "{label} {color}{drawn}{RESET}")?;
        } else {
            write!(out, "{label} {drawn}")?;
        }
        writeln!(out, "{:pad$} {value:>value_width$}", "")?;
    }
    if o.color {
        let block = if o.ascii { "#" } else { "█" };
        writeln!(
            out,
            "{}{block}{RESET} region  {}{block}{RESET} district",
            kind_color(Kind::Region),
            kind_color(Kind::District)
        )?;
    }
    note(
        out,
        o,
        &format!(
            "areas as the sources state them, in {unit}; bar lengths are computed to scale, the \
             longest being {}",
            values[bars.iter().position(|b| b.km2 == max).unwrap_or(0)]
        ),
    )
}

fn write_steps(steps: &[Step], o: ChartOptions, out: &mut dyn Write) -> io::Result<()> {
    let unit = o.unit.symbol();
    let max = steps
        .iter()
        .map(|s| s.cumulative_km2)
        .max()
        .unwrap_or(1)
        .max(1);
    let top = Value::area(max, o.unit).human();
    let axis_width = top.width().max(1);
    let plot = o.width.saturating_sub(axis_width + 2);
    // Each period gets a band of equal width, with a column of space between bands.
    let band = (plot / steps.len()).clamp(2, 16);
    let (vertical, tick, corner, horizontal) = if o.ascii {
        ('|', '+', '+', '-')
    } else {
        ('│', '┤', '└', '─')
    };
    let color = if o.color {
        kind_color(Kind::Region)
    } else {
        ""
    };
    let reset = if o.color { RESET } else { "" };
    for level in (0..STEP_ROWS).rev() {
        let mut line = axis_line(level, &top, axis_width, (tick, vertical), color);
        for step in steps {
            let eighths = scaled(step.cumulative_km2, max, STEP_ROWS * 8);
            let filled = eighths.saturating_sub(level * 8).min(8);
            let cell = match (o.ascii, filled) {
                (_, 8) => {
                    if o.ascii {
                        '#'
                    } else {
                        '█'
                    }
                }
                (true, f) if f >= 4 => '#',
                (true, _) => ' ',
                (false, f) => EIGHTHS_LOW[f],
            };
            line.push(' ');
            line.extend(std::iter::repeat_n(cell, band - 1));
        }
        writeln!(out, "{}{reset}", line.trim_end())?;
    }
    let rule: String = std::iter::repeat_n(horizontal, steps.len() * band).collect();
    writeln!(out, "{:>axis_width$} {corner}{rule}", "0")?;
    let periods: Vec<String> = steps
        .iter()
        .map(|s| {
            if o.ascii {
                s.period.iso()
            } else {
                s.period.human()
            }
        })
        .collect();
    let values: Vec<String> = steps
        .iter()
        .map(|s| Value::area(s.cumulative_km2, o.unit).human())
        .collect();
    for row in [&periods, &values] {
        // Under the bands' first column, past the axis and the space before each band.
        let mut line = format!("{:axis_width$}   ", "");
        for cell in row {
            line.push_str(&fit(cell, band, o.ascii));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    note(
        out,
        o,
        &format!(
            "computed: the area counted once, in {unit}, reached by the end of each period of \
             occupation, as `karabakh totals --by year` lists it; periods are drawn side by side, \
             not to the scale of time"
        ),
    )
}

fn write_over_time(spans: &[Span], o: ChartOptions, out: &mut dyn Write) -> io::Result<()> {
    let unit = o.unit.symbol();
    let max = (spans.iter().map(|s| s.at_most_km2).max().unwrap_or(1)).max(1);
    let top = Value::area(max, o.unit).human();
    let axis_width = top.width().max(1);
    let plot = o.width.saturating_sub(axis_width + 2).max(2);
    let start = spans[0].day;
    let end = spans[spans.len() - 1].day;
    let span = (end - start).num_days().max(1);
    // The day each column of the plot stands for, and the column of a day.
    let day_of = |column: usize| {
        start + chrono::Duration::days(span * column as i64 / (plot as i64 - 1).max(1))
    };
    let column_of = |day: chrono::NaiveDate| {
        ((day - start).num_days() * (plot as i64 - 1) / span).clamp(0, plot as i64 - 1) as usize
    };
    // The area held on a day is that of the last span begun by then, as `--on` gives it.
    let area_on = |day: chrono::NaiveDate| {
        (spans.iter().rev())
            .find(|s| s.day <= day)
            .map_or((0, 0), |s| (s.at_least_km2, s.at_most_km2))
    };
    let columns: Vec<(u64, u64)> = (0..plot).map(|c| area_on(day_of(c))).collect();
    let (vertical, tick, corner, horizontal) = if o.ascii {
        ('|', '+', '+', '-')
    } else {
        ('│', '┤', '└', '─')
    };
    let (color, reset) = if o.color {
        (kind_color(Kind::Region), RESET)
    } else {
        ("", "")
    };
    for level in (0..STEP_ROWS).rev() {
        let mut line = axis_line(level, &top, axis_width, (tick, vertical), color);
        for &(low, high) in &columns {
            let eighths = |km2| {
                scaled(km2, max, STEP_ROWS * 8)
                    .saturating_sub(level * 8)
                    .min(8)
            };
            let (sure, maybe) = (eighths(low), eighths(high));
            // Certain area is solid; the range above it, while a date is not known to the
            // day, is shaded.
            let cell = match (o.ascii, sure, maybe) {
                (_, _, 0) => ' ',
                (true, s, _) if s >= 4 => '#',
                (true, _, m) if m >= 4 => ':',
                (true, _, _) => ' ',
                (false, 8, _) => '█',
                (false, s, m) if m > s => '░',
                (false, s, _) => EIGHTHS_LOW[s],
            };
            line.push(cell);
        }
        writeln!(out, "{}{reset}", line.trim_end())?;
    }
    let rule: String = std::iter::repeat_n(horizontal, plot).collect();
    writeln!(out, "{:>axis_width$} {corner}{rule}", "0")?;
    // The years of the first and the last change, and of the others, as many as fit.
    let mut labels = vec![' '; plot];
    let mut taken = vec![false; plot];
    let days: Vec<chrono::NaiveDate> = spans.iter().map(|s| s.day).collect();
    let mut fits = |day: chrono::NaiveDate| {
        let column = column_of(day).min(plot.saturating_sub(4));
        let room = column.saturating_sub(1)..(column + 5).min(plot);
        if column + 4 > plot || taken[room.clone()].iter().any(|&t| t) {
            return false;
        }
        for (k, c) in day.year().to_string().chars().enumerate() {
            labels[column + k] = c;
        }
        taken[room].iter_mut().for_each(|t| *t = true);
        true
    };
    axis_years(&days, &mut fits);
    let labels: String = labels.into_iter().collect();
    writeln!(out, "{:axis_width$}  {}", "", labels.trim_end())?;
    note(
        out,
        o,
        &format!(
            "computed: the area held, counted once, in {unit}, from {start} to the last change on \
             {end}, to the scale of time, as `karabakh totals --series` lists it; {} the range \
             of area whose state is not known to the day, while a date given as a month, a year \
             or a period is running",
            if o.ascii {
                "`:` marks"
            } else {
                "shading marks"
            }
        ),
    )
}

// The start of a line of a chart drawn in rows: the axis, labelled with the top value on the
// top row, and the colour of what follows.
fn axis_line(
    level: usize,
    top: &str,
    width: usize,
    (tick, vertical): (char, char),
    color: &str,
) -> String {
    let (label, axis) = if level == STEP_ROWS - 1 {
        (top, tick)
    } else {
        ("", vertical)
    };
    format!("{label:>width$} {axis}{color}")
}

// The chart's title; with nothing to draw, a line that says so too, and `false`.
fn title(out: &mut dyn Write, o: ChartOptions, title: &str, items: usize) -> io::Result<bool> {
    writeln!(out, "{}", text(title, o))?;
    if items == 0 {
        writeln!(out, "(nothing matches)")?;
    }
    Ok(items > 0)
}

// `value` over `max` as a whole number of `steps`, rounded, at least one for a value above 0.
fn scaled(value: u64, max: u64, steps: usize) -> usize {
    let steps = steps as u128;
    let n = (u128::from(value) * steps + u128::from(max) / 2) / u128::from(max);
    let n = if value > 0 { n.max(1) } else { n };
    usize::try_from(n.min(steps)).unwrap_or(0)
}

// Text as the options allow: ASCII replaces what it cannot show.
fn text(s: &str, o: ChartOptions) -> String {
    if !o.ascii || s.is_ascii() {
        return s.to_owned();
    }
    s.replace('²', "2")
        .replace(['–', '—'], "-")
        .chars()
        .map(|c| if c.is_ascii() { c } else { '?' })
        .collect()
}

// `s` padded or cut to exactly `width` columns.
fn fit(s: &str, width: usize, ascii: bool) -> String {
    if s.width() <= width {
        return format!("{s}{}", " ".repeat(width - s.width()));
    }
    let ellipsis = if ascii { "~" } else { "…" };
    let room = width.saturating_sub(1);
    let mut cut = String::new();
    for c in s.chars() {
        if cut.width() + c.width().unwrap_or(0) > room {
            break;
        }
        cut.push(c);
    }
    let pad = width.saturating_sub(cut.width() + 1);
    format!("{cut}{ellipsis}{}", " ".repeat(pad))
}

fn note(out: &mut dyn Write, o: ChartOptions, note: &str) -> io::Result<()> {
    let note = text(&format!("note: {note}"), o);
    for line in note_lines(&note, Some(o.width)) {
        if o.color {
            writeln!(out, "{DIM}{line}{RESET}")?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_in_eighths_and_never_vanish() {
        assert_eq!(scaled(4400, 4400, 80), 80);
        assert_eq!(scaled(2200, 4400, 80), 40);
        assert_eq!(scaled(1, 4400, 80), 1);
        assert_eq!(scaled(0, 4400, 80), 0);
    }

    #[test]
    fn labels_are_cut_to_their_width_with_an_ellipsis() {
        assert_eq!(fit("Kalbajar", 10, false), "Kalbajar  ");
        assert_eq!(fit("Nagorno-Karabakh", 8, false), "Nagorno…");
        assert_eq!(fit("Nagorno-Karabakh", 8, true), "Nagorno~");
    }
}
