//! Charts as standalone SVG pictures: a title, labelled axes, the values, and the notes and
//! sources as a caption, with `<title>` and `<desc>` for screen readers.

use svg::Document;
use svg::node::element::{Description, Group, Line, Path, Rectangle, Text, Title};

use super::Value;
use super::chart::{Bar, Chart, Drawing, Span, Step, axis_years};
use crate::data::{Kind, Mark};
use crate::query::AreaUnit;

/// The width of a picture when `--width` is not given, in pixels.
pub const DEFAULT_WIDTH: u16 = 800;
// The height of a chart over time when `--height` is not given.
const DEFAULT_PLOT_HEIGHT: f64 = 300.0;

const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";
const TEXT_SIZE: f64 = 13.0;
const TITLE_SIZE: f64 = 17.0;
const CAPTION_SIZE: f64 = 11.5;
const MARGIN: f64 = 16.0;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#555555";
const GRID: &str = "#d0d0d0";

/// The size of a picture in pixels; without a height, what its contents need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// The width.
    pub width: u16,
    /// The height, if given.
    pub height: Option<u16>,
    /// Whether the caption lists every source in full, rather than the credit line alone.
    pub full_sources: bool,
}

/// The SVG document of `chart`, of `size`, with areas in `unit`: standalone, or for a page to
/// show inline; or why it cannot be drawn at that size.
pub fn element(chart: &Chart<'_>, size: Size, unit: AreaUnit) -> Result<String, String> {
    document(chart, size, unit).map(|d| d.to_string())
}

// A picture is drawn top to bottom: the title, the plot, the caption. User text only ever goes
// into text nodes, which the svg crate escapes; attributes hold numbers and constants.
fn document(chart: &Chart<'_>, size: Size, unit: AreaUnit) -> Result<Document, String> {
    let symbol = unit.symbol();
    let title = chart.drawing.title(unit);
    let (plot, described, note) = match &chart.drawing {
        Drawing::Bars(bars) => (
            Plot::Bars(bar_rows(bars, unit)),
            "a bar for each territory, its length to scale",
            format!(
                "Areas as the sources state them, in {symbol}; bar lengths are drawn to scale."
            ),
        ),
        Drawing::Steps(steps) => (
            Plot::Bars(step_rows(steps, unit)),
            "a bar for each period of occupation, its length the area reached by its end",
            format!(
                "Computed: the area counted once, in {symbol}, reached by the end of each period \
                 of occupation."
            ),
        ),
        Drawing::OverTime(steps, marks) => (
            Plot::OverTime(steps, marks),
            "a step line of the area held, to the scale of time",
            format!(
                "Computed: the area held on each day, counted once, in {symbol}; while a date \
                 known only to the month, the year or a period is running, the area is a shaded \
                 band from the least to the most it can be."
            ),
        ),
    };
    let caption: Vec<String> = std::iter::once(note)
        .chain(chart.notes.iter().map(|n| sentence(n)))
        .chain(std::iter::once(sentence(&chart.credit)))
        .collect();
    // The full list, on request, names each source as a reader cites it: title, publisher,
    // date and address, without the dataset's ids.
    let sources: Vec<String> = match size.full_sources {
        true => (chart.sources.iter())
            .map(|s| super::cite::reader_reference(s))
            .collect(),
        false => Vec::new(),
    };
    let layout = layout(&title, &caption, &sources, &plot, size)?;
    let (plot_group, desc_values) = match &plot {
        Plot::Bars(rows) => {
            let group = draw_bars(rows, layout.width, layout.top, layout.row_height, symbol);
            let values = (rows.iter())
                .map(|r| format!("{}: {}", r.label, r.value))
                .collect::<Vec<_>>()
                .join("; ");
            (group, values)
        }
        Plot::OverTime(spans, marks) => {
            let (top, height) = (layout.top + 20.0, layout.plot_height - 70.0);
            let group = draw_over_time(spans, marks, layout.width, top, height, unit);
            let values = (spans.iter())
                .map(|s| {
                    let area = |km2| Value::area(km2, unit).human();
                    let range = if s.at_least_km2 == s.at_most_km2 {
                        area(s.at_least_km2)
                    } else {
                        format!("{}–{}", area(s.at_least_km2), area(s.at_most_km2))
                    };
                    format!("from {}: {range}", crate::data::When::day(s.day).human())
                })
                .collect::<Vec<_>>()
                .join("; ");
            let marked = (marks.iter())
                .map(|m| format!("{} ({})", m.label, crate::data::When::day(m.day).human()))
                .collect::<Vec<_>>();
            match marked.is_empty() {
                true => (group, values),
                false => (
                    group,
                    format!("{values}; events marked: {}", marked.join("; ")),
                ),
            }
        }
    };
    let description = format!(
        "{title}: {described}. {}{} Sources: {}.",
        if desc_values.is_empty() {
            "Nothing matches.".to_owned()
        } else {
            format!("{desc_values}.")
        },
        caption.iter().map(|c| format!(" {c}")).collect::<String>(),
        (chart.sources.iter())
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    );
    Ok(draw(&layout, &title, &description, plot_group))
}

/// Where each part of a picture goes, worked out from its texts, its plot and its size alone.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    width: f64,
    height: f64,
    title_lines: Vec<String>,
    // Where the plot starts, and how high it is with its axis and labels.
    top: f64,
    plot_height: f64,
    // The height of a bar's row; unused for a chart over time.
    row_height: f64,
    caption_lines: Vec<String>,
    source_lines: Vec<String>,
    caption_top: f64,
}

const LINE_HEIGHT: f64 = CAPTION_SIZE * 1.4;

// The layout of a picture of `size` with `title`, `plot` and a caption of `caption` and
// `sources`; or why they do not fit.
fn layout(
    title: &str,
    caption: &[String],
    sources: &[String],
    plot: &Plot<'_>,
    size: Size,
) -> Result<Layout, String> {
    let width = f64::from(size.width);
    let text_width = width - 2.0 * MARGIN;
    let caption_lines: Vec<String> = (caption.iter())
        .flat_map(|c| wrap_px(c, text_width, CAPTION_SIZE))
        .collect();
    let heading = (!sources.is_empty()).then(|| "Sources:".to_owned());
    let source_lines: Vec<String> = (heading.into_iter())
        .chain(
            sources
                .iter()
                .flat_map(|s| wrap_px(s, text_width, CAPTION_SIZE)),
        )
        .collect();
    let caption_height = (caption_lines.len() + source_lines.len()) as f64 * LINE_HEIGHT + 12.0;
    let title_lines = wrap_px(title, text_width, TITLE_SIZE);
    let top = MARGIN + title_lines.len() as f64 * TITLE_SIZE * 1.3 + 12.0;
    let (plot_height, row_height) = match plot {
        Plot::Bars(rows) => {
            // Under the bars: the axis and its labels (40), then a gap (12) before the caption.
            let fixed = top + caption_height + MARGIN + 52.0;
            let row_height = match size.height {
                Some(h) => ((f64::from(h) - fixed) / rows.len().max(1) as f64).min(36.0),
                None => 24.0,
            };
            if row_height < 10.0 {
                return Err(format!(
                    "the picture is too low for {} bars; give --height {} or more",
                    rows.len(),
                    (fixed + 10.0 * rows.len() as f64).ceil()
                ));
            }
            (rows.len() as f64 * row_height + 40.0, row_height)
        }
        Plot::OverTime(..) => {
            let plot_height = match size.height {
                // Around the plot: its label (20), the axis and its labels (50), a gap (12).
                Some(h) => f64::from(h) - top - caption_height - MARGIN - 82.0,
                None => DEFAULT_PLOT_HEIGHT,
            };
            if plot_height < 80.0 {
                return Err(format!(
                    "the picture is too low for a chart over time; give --height {} or more",
                    (top + caption_height + MARGIN + 162.0).ceil()
                ));
            }
            (plot_height + 70.0, 0.0)
        }
    };
    let caption_top = top + plot_height + 12.0;
    let height = match size.height {
        Some(h) => f64::from(h),
        None => caption_top + caption_height + MARGIN,
    };
    Ok(Layout {
        width,
        height: height.ceil(),
        title_lines,
        top,
        plot_height,
        row_height,
        caption_lines,
        source_lines,
        caption_top,
    })
}

// The picture: `layout`'s title and caption around the drawn plot.
fn draw(layout: &Layout, title: &str, description: &str, plot: Group) -> Document {
    let mut caption = Group::new()
        .set("font-size", CAPTION_SIZE)
        .set("fill", MUTED);
    let mut y = layout.caption_top;
    for line in &layout.caption_lines {
        y += LINE_HEIGHT;
        caption = caption.add(text_at(MARGIN, y, line));
    }
    y += 6.0;
    for line in &layout.source_lines {
        y += LINE_HEIGHT;
        caption = caption.add(text_at(MARGIN, y, line));
    }
    let title_group = Group::new()
        .set("font-size", TITLE_SIZE)
        .set("font-weight", "bold")
        .set("fill", INK);
    let title_group =
        (layout.title_lines.iter().enumerate()).fold(title_group, |group, (i, line)| {
            group.add(text_at(
                MARGIN,
                MARGIN + TITLE_SIZE * (1.0 + 1.3 * i as f64),
                line,
            ))
        });
    Document::new()
        .set("width", layout.width)
        .set("height", layout.height)
        .set("viewBox", (0, 0, layout.width, layout.height))
        .set("role", "img")
        .set("font-family", FONT)
        .add(Title::new(xml_text(title)))
        .add(Description::new().add(svg::node::Text::new(xml_text(description))))
        .add(
            Rectangle::new()
                .set("width", "100%")
                .set("height", "100%")
                .set("fill", "#ffffff"),
        )
        .add(title_group)
        .add(plot)
        .add(caption)
}

enum Plot<'c> {
    Bars(Vec<BarRow>),
    OverTime(&'c [Span], &'c [&'c Mark]),
}

// One bar as drawn: its label, its value as text, its length and its colour.
struct BarRow {
    label: String,
    value: String,
    km2: u64,
    fill: &'static str,
    // What the colour stands for, in the legend; empty for none.
    key: &'static str,
}

fn bar_rows(bars: &[Bar<'_>], unit: AreaUnit) -> Vec<BarRow> {
    (bars.iter())
        .map(|b| BarRow {
            label: b.label.to_owned(),
            value: Value::area(b.km2, unit).human(),
            km2: b.km2,
            fill: match b.kind {
                Kind::Region => "#2a7f9e",
                Kind::District => "#c98a1b",
            },
            key: b.kind.as_str(),
        })
        .collect()
}

fn step_rows(steps: &[Step], unit: AreaUnit) -> Vec<BarRow> {
    (steps.iter())
        .map(|s| BarRow {
            label: s.period.human(),
            value: Value::area(s.cumulative_km2, unit).human(),
            km2: s.cumulative_km2,
            fill: "#2a7f9e",
            key: "",
        })
        .collect()
}

fn draw_bars(rows: &[BarRow], width: f64, top: f64, row_height: f64, unit: &str) -> Group {
    let label_width = (rows.iter())
        .map(|r| text_px(&r.label, TEXT_SIZE))
        .fold(0.0, f64::max)
        .min(width * 0.36);
    let value_width = (rows.iter())
        .map(|r| text_px(&r.value, TEXT_SIZE))
        .fold(0.0, f64::max);
    let left = MARGIN + label_width + 8.0;
    let room = (width - left - value_width - MARGIN - 8.0).max(10.0);
    let max = rows.iter().map(|r| r.km2).max().unwrap_or(1).max(1) as f64;
    // Side by side, each label needs its width and a gap between ticks.
    let (scale, step) = axis(max, |scale, step| {
        room * step / scale >= text_px(&thousands_f(scale), TEXT_SIZE) + 8.0
    });
    let bottom = top + rows.len() as f64 * row_height;
    let mut group = Group::new().set("font-size", TEXT_SIZE).set("fill", INK);
    // Grid lines and the axis under the bars, each tick labelled.
    for i in 0..=((scale / step).round() as u32) {
        let value = step * f64::from(i);
        let x = left + room * value / scale;
        group = group
            .add(line(x, top, x, bottom, GRID))
            .add(text_at(x, bottom + 16.0, &thousands_f(value)).set("text-anchor", "middle"));
    }
    group = group.add(line(left, bottom, left + room, bottom, MUTED));
    group = group.add(
        text_at(left + room / 2.0, bottom + 34.0, &format!("area, {unit}"))
            .set("text-anchor", "middle")
            .set("fill", MUTED),
    );
    // A legend of the colours, where there are two or more.
    let mut keys: Vec<(&str, &str)> = Vec::new();
    for row in rows.iter().filter(|r| !r.key.is_empty()) {
        if !keys.iter().any(|(k, _)| *k == row.key) {
            keys.push((row.key, row.fill));
        }
    }
    if keys.len() > 1 {
        let mut x = MARGIN;
        for (key, fill) in keys {
            group = group
                .add(
                    Rectangle::new()
                        .set("x", round(x))
                        .set("y", round(bottom + 24.0))
                        .set("width", 12)
                        .set("height", 12)
                        .set("fill", fill),
                )
                .add(text_at(x + 16.0, bottom + 34.0, key));
            x += 16.0 + text_px(key, TEXT_SIZE) + 16.0;
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let y = top + i as f64 * row_height;
        let length = (room * row.km2 as f64 / scale).max(1.0);
        let middle = y + row_height / 2.0 + TEXT_SIZE * 0.35;
        group = group
            .add(
                text_at(
                    left - 8.0,
                    middle,
                    &cut_px(&row.label, label_width, TEXT_SIZE),
                )
                .set("text-anchor", "end"),
            )
            .add(
                Rectangle::new()
                    .set("x", left)
                    .set("y", y + row_height * 0.15)
                    .set("width", round(length))
                    .set("height", round(row_height * 0.7))
                    .set("fill", row.fill),
            )
            .add(text_at(left + length + 6.0, middle, &row.value));
    }
    group
}

fn draw_over_time(
    spans: &[Span],
    marks: &[&Mark],
    width: f64,
    top: f64,
    height: f64,
    unit: AreaUnit,
) -> Group {
    let mut group = Group::new().set("font-size", TEXT_SIZE).set("fill", INK);
    if spans.is_empty() {
        return group.add(text_at(MARGIN, top + TEXT_SIZE, "Nothing matches."));
    }
    let max = spans
        .iter()
        .map(|s| s.at_most_km2)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    // One above the other, each label needs its height.
    let (scale, step) = axis(max, |scale, step| height * step / scale >= TEXT_SIZE * 1.5);
    let axis_label_width = text_px(&thousands_f(scale), TEXT_SIZE);
    let left = MARGIN + axis_label_width + 8.0;
    let right = width - MARGIN;
    let bottom = top + height;
    let start = spans[0].day;
    let last = spans[spans.len() - 1].day;
    // A little room after the last change, so that it is not drawn on the edge.
    let end = last + chrono::Duration::days(((last - start).num_days() / 40).max(1));
    let span = (end - start).num_days() as f64;
    let x_of =
        |day: chrono::NaiveDate| left + (right - left) * (day - start).num_days() as f64 / span;
    let y_of = |km2: f64| bottom - height * km2 / scale;
    for i in 0..=((scale / step).round() as u32) {
        let value = step * f64::from(i);
        let y = y_of(value);
        group = group.add(line(left, y, right, y, GRID)).add(
            text_at(left - 6.0, y + TEXT_SIZE * 0.35, &thousands_f(value))
                .set("text-anchor", "end"),
        );
    }
    // A tick at each change, and the years of the first and the last change and of the
    // others, as many as fit.
    use chrono::Datelike;
    let days: Vec<chrono::NaiveDate> = spans.iter().map(|s| s.day).collect();
    for &day in &days {
        let x = x_of(day);
        group = group.add(line(x, bottom, x, bottom + 4.0, MUTED));
    }
    let mut placed: Vec<f64> = Vec::new();
    let mut fits = |day: chrono::NaiveDate| {
        let x = x_of(day);
        let free = placed.iter().all(|&p| (p - x).abs() >= 40.0);
        if free {
            placed.push(x);
        }
        free
    };
    for day in axis_years(&days, &mut fits) {
        group = group.add(
            text_at(x_of(day), bottom + 18.0, &day.year().to_string()).set("text-anchor", "middle"),
        );
    }
    group = group
        .add(line(left, bottom, right, bottom, MUTED))
        .add(line(left, top, left, bottom, MUTED))
        .add(
            text_at((left + right) / 2.0, bottom + 38.0, "date")
                .set("text-anchor", "middle")
                .set("fill", MUTED),
        )
        .add(text_at(left, top - 6.0, &format!("area held, {}", unit.symbol())).set("fill", MUTED));
    // While a date is not known to the day, a band from the least to the most area.
    for (i, s) in spans.iter().enumerate() {
        if s.at_most_km2 == s.at_least_km2 {
            continue;
        }
        let x0 = x_of(s.day);
        let x1 = spans.get(i + 1).map_or(right, |next| x_of(next.day));
        let (y0, y1) = (y_of(s.at_most_km2 as f64), y_of(s.at_least_km2 as f64));
        group = group.add(
            Rectangle::new()
                .set("x", round(x0))
                .set("y", round(y0))
                .set("width", round(x1 - x0))
                .set("height", round(y1 - y0))
                .set("fill", "#2a7f9e")
                .set("fill-opacity", 0.25),
        );
    }
    // The line moves only forward in time: the least area, and the most where it differs.
    let step_line = |km2: fn(&Span) -> u64| {
        let mut d = format!("M{} {}", round(left), round(bottom));
        for s in spans {
            d.push_str(&format!(
                " H{} V{}",
                round(x_of(s.day)),
                round(y_of(km2(s) as f64))
            ));
        }
        d.push_str(&format!(" H{}", round(right)));
        d
    };
    let upper = step_line(|s| s.at_most_km2);
    let lower = step_line(|s| s.at_least_km2);
    if upper != lower {
        group = group.add(
            Path::new()
                .set("d", upper)
                .set("fill", "none")
                .set("stroke", "#2a7f9e")
                .set("stroke-width", 1),
        );
    }
    group = draw_marks(
        group,
        marks,
        (start, end),
        &x_of,
        (left, right),
        (top, bottom),
    );
    // The last change: a dashed guide at its day, and its date above the plot's right end,
    // where nothing else is drawn.
    let end_day = spans[spans.len() - 1].day;
    group = group
        .add(line(x_of(end_day), top, x_of(end_day), bottom, MUTED).set("stroke-dasharray", "3 3"))
        .add(
            text_at(
                right,
                top - 6.0,
                &format!("last change: {}", crate::data::When::day(end_day).human()),
            )
            .set("text-anchor", "end")
            .set("fill", MUTED),
        );
    group.add(
        Path::new()
            .set("d", lower)
            .set("fill", "none")
            .set("stroke", "#2a7f9e")
            .set("stroke-width", 2.5),
    )
}

fn text_at(x: f64, y: f64, content: &str) -> Text {
    Text::new(xml_text(content))
        .set("x", round(x))
        .set("y", round(y))
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, stroke: &'static str) -> Line {
    Line::new()
        .set("x1", round(x1))
        .set("y1", round(y1))
        .set("x2", round(x2))
        .set("y2", round(y2))
        .set("stroke", stroke)
        .set("stroke-width", 1)
}

// Coordinates to a tenth of a pixel, so that the document stays short and stable.
// The events `marks` on the time axis from `days.0` to `days.1`: a dotted line at each day and
// its label beside it, on the side with more room, in the lowest row above the axis where it
// touches no other label, on a light ground so that it stays legible over the lines.
fn draw_marks(
    mut group: Group,
    marks: &[&Mark],
    days: (chrono::NaiveDate, chrono::NaiveDate),
    x_of: &dyn Fn(chrono::NaiveDate) -> f64,
    (left, right): (f64, f64),
    (top, bottom): (f64, f64),
) -> Group {
    const ROW: f64 = CAPTION_SIZE + 4.0;
    let rows = ((bottom - top) / ROW).floor() as usize;
    let mut taken: Vec<Vec<(f64, f64)>> = vec![Vec::new(); rows.saturating_sub(1)];
    let mut marks: Vec<&Mark> = (marks.iter().copied())
        .filter(|m| days.0 <= m.day && m.day <= days.1)
        .collect();
    marks.sort_by_key(|m| m.day);
    for mark in marks {
        let x = x_of(mark.day);
        group = group.add(line(x, top, x, bottom, MUTED).set("stroke-dasharray", "1 3"));
        let width = text_px(&mark.label, CAPTION_SIZE);
        // Towards the middle of the plot, unless that side has no room.
        let before = x > (left + right) / 2.0 && x - 4.0 - width >= left || x + 4.0 + width > right;
        let (from, to) = match before {
            true => (x - 4.0 - width, x - 4.0),
            false => (x + 4.0, x + 4.0 + width),
        };
        let free =
            |row: &Vec<(f64, f64)>| row.iter().all(|&(a, b)| to + 6.0 <= a || b + 6.0 <= from);
        let Some(row) = taken.iter().position(free) else {
            continue;
        };
        taken[row].push((from, to));
        let baseline = bottom - 6.0 - ROW * row as f64;
        group = group
            .add(
                Rectangle::new()
                    .set("x", round(from - 2.0))
                    .set("y", round(baseline - CAPTION_SIZE))
                    .set("width", round(width + 4.0))
                    .set("height", round(CAPTION_SIZE + 4.0))
                    .set("fill", "#ffffff")
                    .set("fill-opacity", 0.85),
            )
            .add(
                text_at(if before { to } else { from }, baseline, &mark.label)
                    .set("text-anchor", if before { "end" } else { "start" })
                    .set("font-size", CAPTION_SIZE)
                    .set("fill", MUTED),
            );
    }
    group
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

// The top of an axis and its step: about five round steps (1, 2, 2.5 or 5 times a power of
// ten) to `max`, or fewer where `fits` (given the top and the step) says the labels of that
// many ticks would not have room.
fn axis(max: f64, fits: impl Fn(f64, f64) -> bool) -> (f64, f64) {
    let raw = max.max(1.0) / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let steps = (0..4).flat_map(|k| {
        let power = power * 10f64.powi(k);
        [1.0, 2.0, 2.5, 5.0].into_iter().map(move |m| m * power)
    });
    let mut chosen = None;
    for step in steps.filter(|&n| n >= raw) {
        let scale = (max / step).ceil().max(1.0) * step;
        chosen.get_or_insert((scale, step));
        if fits(scale, step) {
            return (scale, step);
        }
    }
    // No round step leaves room: one step, from 0 to the top.
    chosen.map_or((max, max), |(scale, _)| (scale, scale))
}

fn thousands_f(x: f64) -> String {
    if x.fract() == 0.0 && x < 1e15 {
        Value::Int(x as u64).human()
    } else {
        Value::Decimal(x, 1).human()
    }
}

// An estimate of the width of `s` in pixels at `size`: no font is at hand to measure with, so
// an average glyph of 0.6 em, which errs wide for most sans-serif text.
fn text_px(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.6
}

// `s` cut with an ellipsis to fit `width` pixels.
fn cut_px(s: &str, width: f64, size: f64) -> String {
    if text_px(s, size) <= width {
        return s.to_owned();
    }
    let keep = ((width / (size * 0.6)) as usize).saturating_sub(1);
    let mut cut: String = s.chars().take(keep).collect();
    cut.push('…');
    cut
}

// `s` broken at spaces into lines of at most `width` pixels, letters estimated at 0.6 em.
fn wrap_px(s: &str, width: f64, size: f64) -> Vec<String> {
    super::text::wrap_pixels(s, width, size * 0.6)
}

// A note as a sentence: capitalised, with a full stop.
fn sentence(note: &str) -> String {
    let mut s: String = note.trim().to_owned();
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    // A shortened hash ends in an ellipsis, which ends the sentence as well as a point does.
    if !s.ends_with(['.', '…']) {
        s.push('.');
    }
    s
}

/// `s` with the characters XML 1.0 does not allow (control characters but tab and line ends)
/// replaced by U+FFFD, so that no dataset makes the document unreadable.
pub fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize) -> Vec<BarRow> {
        (0..n)
            .map(|i| BarRow {
                label: format!("Territory {i}"),
                value: "1,000".to_owned(),
                km2: 1000,
                fill: "#2a7f9e",
                key: "",
            })
            .collect()
    }

    fn texts() -> (String, Vec<String>, Vec<String>) {
        let caption = vec!["A note long enough to wrap onto more than one line of the caption when the picture is narrow.".to_owned()];
        let sources =
            vec!["The Occupation in Figures, https://example.org/a/long/address".to_owned()];
        ("A title".to_owned(), caption, sources)
    }

    #[test]
    fn a_picture_of_a_given_height_holds_its_caption() {
        let (title, caption, sources) = texts();
        for height in [400u16, 600, 900] {
            let size = Size {
                width: 400,
                height: Some(height),
                full_sources: true,
            };
            let layout = layout(&title, &caption, &sources, &Plot::Bars(rows(9)), size).unwrap();
            let lines = (layout.caption_lines.len() + layout.source_lines.len()) as f64;
            let bottom = layout.caption_top + lines * LINE_HEIGHT + 6.0;
            assert!(bottom <= layout.height, "{bottom} > {}", layout.height);
            assert_eq!(layout.height, f64::from(height));
        }
    }

    #[test]
    fn a_picture_too_low_is_refused_with_a_height_that_fits() {
        let (title, caption, sources) = texts();
        let plot = Plot::Bars(rows(30));
        let low = Size {
            width: 400,
            height: Some(200),
            full_sources: true,
        };
        let err = layout(&title, &caption, &sources, &plot, low).unwrap_err();
        let needed: u16 = (err.split("--height ").nth(1).unwrap())
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let enough = Size {
            width: 400,
            height: Some(needed),
            full_sources: true,
        };
        assert!(layout(&title, &caption, &sources, &plot, enough).is_ok());
    }

    #[test]
    fn every_line_of_the_caption_fits_the_width() {
        let (title, caption, sources) = texts();
        let size = Size {
            width: 300,
            height: None,
            full_sources: true,
        };
        let layout = layout(&title, &caption, &sources, &Plot::OverTime(&[], &[]), size).unwrap();
        for line in layout.caption_lines.iter().chain(&layout.source_lines) {
            assert!(
                text_px(line, CAPTION_SIZE) <= 300.0 - 2.0 * MARGIN,
                "{line}"
            );
        }
    }
}
