//! Charts drawn with text: horizontal bars, and a step chart of the cumulative area.

use chrono::Datelike;
use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::data::{Kind, Source, When};
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
    /// The sources of the values drawn, which a picture names in its caption.
    pub sources: Vec<&'a Source>,
}

/// What a chart draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawing<'a> {
    /// One bar per territory: its area as listed.
    Bars(Vec<Bar<'a>>),
    /// The cumulative area counted once, one step per period of occupation.
    Steps(Vec<Step>),
    /// The area held over time, drawn to the scale of time: each step is a date on which it
    /// changed and the area held after it.
    OverTime(Vec<Step>),
}

impl Drawing<'_> {
    /// The chart's title, with areas in `unit`.
    pub fn title(&self, unit: AreaUnit) -> String {
        let unit = unit.symbol();
        match self {
            Drawing::Bars(_) => format!("Area of each territory, {unit}"),
            Drawing::Steps(_) => format!("Area occupied over time, cumulative, {unit}"),
            Drawing::OverTime(_) => format!("Area held over time, {unit}"),
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
        Drawing::Steps(steps) | Drawing::OverTime(steps) => steps.len(),
    };
    if title(out, options, &chart.drawing.title(options.unit), items)? {
        match &chart.drawing {
            Drawing::Bars(bars) => write_bars(bars, options, out)?,
            Drawing::Steps(steps) => write_steps(steps, options, out)?,
            Drawing::OverTime(steps) => write_over_time(steps, options, out)?,
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

fn write_over_time(steps: &[Step], o: ChartOptions, out: &mut dyn Write) -> io::Result<()> {
    let unit = o.unit.symbol();
    let max = (steps.iter().map(|s| s.cumulative_km2).max().unwrap_or(1)).max(1);
    let top = Value::area(max, o.unit).human();
    let axis_width = top.width().max(1);
    let plot = o.width.saturating_sub(axis_width + 2).max(2);
    let start = steps[0].period.first_day();
    let end = steps[steps.len() - 1].period.last_day();
    let span = (end - start).num_days().max(1);
    // The day each column of the plot stands for.
    let day_of = |column: usize| {
        start + chrono::Duration::days(span * column as i64 / (plot as i64 - 1).max(1))
    };
    // The area held on a day: that after the last change it has reached; inside a change given
    // less precisely than a day, the larger of before and after, drawn shaded.
    let area_on = |day: chrono::NaiveDate| {
        let mut area = 0;
        let mut unsure = false;
        for step in steps {
            if step.period.last_day() <= day {
                area = step.cumulative_km2;
            } else if step.period.first_day() <= day
                && step.period.first_day() != step.period.last_day()
            {
                unsure = true;
                area = area.max(step.cumulative_km2);
            }
        }
        (area, unsure)
    };
    let columns: Vec<(u64, bool)> = (0..plot).map(|c| area_on(day_of(c))).collect();
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
        for &(km2, unsure) in &columns {
            let filled = scaled(km2, max, STEP_ROWS * 8)
                .saturating_sub(level * 8)
                .min(8);
            let cell = match (o.ascii, unsure, filled) {
                (_, _, 0) => ' ',
                (true, true, _) => ':',
                (false, true, _) => '░',
                (true, false, f) if f >= 4 => '#',
                (true, false, _) => ' ',
                (false, false, 8) => '█',
                (false, false, f) => EIGHTHS_LOW[f],
            };
            line.push(cell);
        }
        writeln!(out, "{}{reset}", line.trim_end())?;
    }
    let rule: String = std::iter::repeat_n(horizontal, plot).collect();
    writeln!(out, "{:>axis_width$} {corner}{rule}", "0")?;
    // Years under the columns where they begin, as many as fit with a space between.
    let mut labels = vec![' '; plot];
    let mut free_from = 0;
    for year in start.year()..=end.year() {
        let Some(first) = chrono::NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        let column = ((first.max(start) - start).num_days() * (plot as i64 - 1) / span) as usize;
        let label = year.to_string();
        if column >= free_from && column + label.len() <= plot {
            for (k, c) in label.chars().enumerate() {
                labels[column + k] = c;
            }
            free_from = column + label.len() + 1;
        }
    }
    let labels: String = labels.into_iter().collect();
    writeln!(out, "{:axis_width$}  {}", "", labels.trim_end())?;
    note(
        out,
        o,
        &format!(
            "computed: the area held, counted once, in {unit}, from {} to {}, to the scale of \
             time, as `karabakh totals --series` lists it; {} a period whose dates are not known \
             to the day",
            start,
            end,
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
