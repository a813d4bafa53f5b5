//! Charts for the analytics dashboards (issue 21), drawn on the server as
//! SVG so they read without JavaScript and print: horizontal grouped bars
//! ([`bar_chart`]) and lines with markers ([`line_chart`]).
//!
//! Only the picture: the page gives the one-sentence summary, the table of
//! the same numbers and the CSV. The picture stands alone all the same — it
//! has its title and summary (`<title>`, `<desc>`), its legend, its axis
//! and its values written beside the bars.
//!
//! Series are told apart by colour (Okabe–Ito, safe for colour-blind
//! readers) and by something else that survives greyscale print: a fill
//! pattern for bars, a marker shape and a dash pattern for lines. A value
//! not published (a suppressed count) is never drawn as zero: it is a
//! small outlined box hatched grey whose title says so, in the words the
//! page gives (`withheld`).
//!
//! Every word comes from the caller (already in the reader's language) and
//! is escaped here. Numbers are written with `.` for decimals and `,`
//! between thousands (en-US; es-419 as read in Mexico and the US).
//!
//! The SVG has no `style` attribute (the CSP forbids inline styles): it
//! carries presentation attributes; `.chart-svg` in `lyceum.css` only sizes
//! it.

use askama::filters::HtmlSafe;
use std::fmt::{self, Write};

/// SVG markup, ready for a template: askama writes it as it is
/// (`{{ chart }}`; `{{ chart|safe }}` says the same), every text in it
/// having been escaped when it was drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Svg(String);

impl Svg {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Svg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl HtmlSafe for Svg {}

/// What the values count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// People, hours, courses: an axis in round steps from zero to the
    /// largest value.
    Count,
    /// A share from 0 to 100: the axis is always 0–100 %, and a value
    /// above 100 is drawn at 100 (its title still tells the value).
    Percent,
}

/// One series of a chart: its name (for the legend) and its values, one
/// per category. `None` is a value not published (a suppressed count),
/// drawn as a hatched outline whose title says so; a missing value (a list
/// shorter than the categories) and a value that is not a finite number
/// are drawn the same way.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// What a chart shows, every word already in the reader's language.
#[derive(Clone, Debug)]
pub struct Chart<'a> {
    /// The chart's name (its `<title>`).
    pub title: &'a str,
    /// The one-sentence summary (its `<desc>`; drawn as the note when
    /// there is nothing to draw).
    pub summary: &'a str,
    /// Bar chart: one group of bars per category. Line chart: the x-axis
    /// labels (e.g. school years).
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub unit: Unit,
    /// A prefix for the ids inside the SVG, unique on the page (letters,
    /// digits, `-` and `_`; anything else becomes `-`).
    pub id: &'a str,
    /// The words for a value not published, e.g. "not published (under 10)".
    pub withheld: &'a str,
}

/// The viewBox's width; the height follows from the content.
const WIDTH: f64 = 640.0;
const PAD: f64 = 8.0;
/// Text on white at 16.9:1 (the site's `--ink`).
const INK: &str = "#1b1d21";
/// Grid lines (the site's `--line`).
const GRID: &str = "#b1b4b6";
/// The hatching of a value not published: 5.3:1 on white.
const WITHHELD_INK: &str = "#6b6b6b";
/// Okabe–Ito, ordered so that the first four stand at 3:1 or more on white
/// (blue 5.2, vermilion 3.9, bluish green 3.4, reddish purple 3.1); bars
/// and markers are outlined in ink whatever their colour. Yellow is left
/// out.
const COLOURS: [&str; 6] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
];
/// Line chart dash patterns, one per series in turn.
const DASHES: [&str; 4] = ["", "8 4", "2 3", "10 3 2 3"];
const TEXT_SIZE: f64 = 13.0;
const LABEL_SIZE: f64 = 14.0;

/// Horizontal grouped bars: one group per category, one bar per series in
/// it, its value written at its end; a value not published is a small
/// hatched box followed by the `withheld` words.
pub fn bar_chart(c: &Chart) -> Svg {
    let id = clean_id(c.id);
    if nothing_to_draw(c) {
        return note(c, &id);
    }
    let any_withheld = any_withheld(c);
    let scale = Scale::new(c.unit, max_value(c));
    let mut body = String::new();
    bar_defs(&mut body, &id, c.series.len(), any_withheld);
    let swatches: Vec<Swatch> = (0..c.series.len()).map(Swatch::Bar).collect();
    let mut y = legend(&mut body, c, &id, &swatches, any_withheld, PAD);

    const X0: f64 = 16.0;
    // Room at the right for the value written after the longest bar.
    let plot_w = WIDTH - X0 - 88.0;
    const BAR_H: f64 = 18.0;
    let top = y + 8.0;
    y = top;
    let mut bars = String::new();
    for (i, category) in c.categories.iter().enumerate() {
        for line in wrap(category, WIDTH - 2.0 * PAD, LABEL_SIZE) {
            y += 18.0;
            let _ = write!(
                bars,
                "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\" font-weight=\"600\">{}</text>",
                Px(PAD),
                Px(y - 4.0),
                Esc(&line)
            );
        }
        y += 4.0;
        for (s, series) in c.series.iter().enumerate() {
            let value = value_at(series, i);
            let tip = tip(category, &series.name, value, c);
            match value {
                Some(v) => {
                    let w = scale.fraction(v) * plot_w;
                    let _ = write!(
                        bars,
                        "<rect class=\"chart-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BAR_H}\" \
                         fill=\"{}\" stroke=\"{INK}\" stroke-width=\"1\"><title>{}</title></rect>\
                         <text x=\"{}\" y=\"{}\" font-size=\"{TEXT_SIZE}\">{}</text>",
                        Px(X0),
                        Px(y),
                        Px(w),
                        bar_fill(&id, s),
                        Esc(&tip),
                        Px(X0 + w + 5.0),
                        Px(y + 13.5),
                        Esc(&value_text(c.unit, v))
                    );
                }
                None => {
                    let _ = write!(
                        bars,
                        "<rect class=\"chart-withheld\" x=\"{}\" y=\"{}\" width=\"10\" height=\"{BAR_H}\" \
                         {}><title>{}</title></rect>\
                         <text x=\"{}\" y=\"{}\" font-size=\"{TEXT_SIZE}\">{}</text>",
                        Px(X0),
                        Px(y),
                        withheld_paint(&id),
                        Esc(&tip),
                        Px(X0 + 15.0),
                        Px(y + 13.5),
                        Esc(c.withheld)
                    );
                }
            }
            y += BAR_H + 4.0;
        }
        y += 10.0;
    }
    let bottom = y - 10.0;
    for t in &scale.ticks {
        let x = X0 + scale.fraction(*t) * plot_w;
        let _ = write!(
            body,
            "<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"{GRID}\" stroke-width=\"1\"/>\
             <text x=\"{x}\" y=\"{}\" font-size=\"{TEXT_SIZE}\" text-anchor=\"middle\">{}</text>",
            Px(bottom + 16.0),
            Esc(&tick_text(c.unit, *t)),
            x = Px(x),
            top = Px(top),
            bottom = Px(bottom)
        );
    }
    body.push_str(&bars);
    let _ = write!(
        body,
        "<line x1=\"{X0}\" y1=\"{}\" x2=\"{X0}\" y2=\"{}\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
        Px(top),
        Px(bottom)
    );
    svg(c, &id, bottom + 16.0 + 4.0 + PAD, &body)
}

/// Lines with markers: the categories along the x-axis, one line per
/// series (its own colour, dash pattern and marker shape), broken where a
/// value is not published; that value is a small hatched box under the
/// axis, never a point at zero.
pub fn line_chart(c: &Chart) -> Svg {
    let id = clean_id(c.id);
    if nothing_to_draw(c) {
        return note(c, &id);
    }
    let any_withheld = any_withheld(c);
    let scale = Scale::new(c.unit, max_value(c));
    let mut body = String::new();
    if any_withheld {
        body.push_str("<defs>");
        withheld_pattern(&mut body, &id);
        body.push_str("</defs>");
    }
    let swatches: Vec<Swatch> = (0..c.series.len()).map(Swatch::Line).collect();
    let y = legend(&mut body, c, &id, &swatches, any_withheld, PAD);

    let tick_labels: Vec<String> = scale.ticks.iter().map(|t| tick_text(c.unit, *t)).collect();
    let label_w = tick_labels
        .iter()
        .map(|t| text_width(t, TEXT_SIZE))
        .fold(0.0, f64::max);
    const PLOT_H: f64 = 220.0;
    let top = y + 12.0;
    let base = top + PLOT_H;
    let mut x0 = PAD + label_w + 8.0;
    let mut step = (WIDTH - PAD - x0) / c.categories.len() as f64;
    // Category labels: under the axis in lines as wide as their band, or,
    // when a word is wider than that, slanted (the plot moving right, up
    // to half the width, so the first stays on the picture).
    let label_lines: Vec<Vec<String>> = c
        .categories
        .iter()
        .map(|l| wrap(l, step - 4.0, TEXT_SIZE))
        .collect();
    let slanted = label_lines
        .iter()
        .flatten()
        .any(|l| text_width(l, TEXT_SIZE) > step - 4.0);
    let longest = c
        .categories
        .iter()
        .map(|l| text_width(l, TEXT_SIZE))
        .fold(0.0, f64::max);
    if slanted {
        let first = c
            .categories
            .first()
            .map_or(0.0, |l| text_width(l, TEXT_SIZE));
        x0 = x0.max((first * 0.82 - step / 2.0 + PAD).min(WIDTH / 2.0));
        step = (WIDTH - PAD - x0) / c.categories.len() as f64;
    }
    let cx = |i: usize| x0 + step * (i as f64 + 0.5);
    let cy = |v: f64| base - scale.fraction(v) * PLOT_H;

    for (t, label) in scale.ticks.iter().zip(&tick_labels) {
        let y = cy(*t);
        let _ = write!(
            body,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{GRID}\" stroke-width=\"1\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"{TEXT_SIZE}\" text-anchor=\"end\">{}</text>",
            Px(x0),
            Px(WIDTH - PAD),
            Px(x0 - 6.0),
            Px(y + 4.5),
            Esc(label),
            y = Px(y)
        );
    }
    let _ = write!(
        body,
        "<line x1=\"{}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"{INK}\" stroke-width=\"1.5\"/>",
        Px(x0),
        Px(WIDTH - PAD),
        base = Px(base)
    );

    let labels_y = base + if any_withheld { 36.0 } else { 20.0 };
    let mut height = labels_y + 4.0 + PAD;
    for (i, (label, lines)) in c.categories.iter().zip(&label_lines).enumerate() {
        let x = Px(cx(i));
        if slanted {
            let _ = write!(
                body,
                "<text x=\"{x}\" y=\"{y}\" font-size=\"{TEXT_SIZE}\" text-anchor=\"end\" \
                 transform=\"rotate(-35 {x} {y})\">{}</text>",
                Esc(label),
                y = Px(labels_y - 4.0)
            );
            height = height.max(labels_y + longest * 0.58 + 4.0 + PAD);
        } else {
            for (k, line) in lines.iter().enumerate() {
                let y = labels_y + 16.0 * k as f64;
                let _ = write!(
                    body,
                    "<text x=\"{x}\" y=\"{}\" font-size=\"{TEXT_SIZE}\" text-anchor=\"middle\">{}</text>",
                    Px(y),
                    Esc(line)
                );
                height = height.max(y + 4.0 + PAD);
            }
        }
    }

    let n_series = c.series.len() as f64;
    for (s, series) in c.series.iter().enumerate() {
        let colour = COLOURS[s % COLOURS.len()];
        // The line, in runs of published values.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut runs = Vec::new();
        for i in 0..c.categories.len() {
            match value_at(series, i) {
                Some(v) => run.push((cx(i), cy(v))),
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
        for run in runs.iter().filter(|r| r.len() > 1) {
            let points: Vec<String> = run
                .iter()
                .map(|(x, y)| format!("{},{}", Px(*x), Px(*y)))
                .collect();
            let _ = write!(
                body,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{}/>",
                points.join(" "),
                dash(s)
            );
        }
        for (i, category) in c.categories.iter().enumerate() {
            let value = value_at(series, i);
            let tip = tip(category, &series.name, value, c);
            match value {
                Some(v) => marker(&mut body, s, cx(i), cy(v), Some(&tip)),
                None => {
                    // Side by side under the axis, one box per series.
                    let x = cx(i) - 6.0 * n_series + 12.0 * s as f64 + 1.0;
                    let _ = write!(
                        body,
                        "<rect class=\"chart-withheld\" x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" \
                         {}><title>{}</title></rect>",
                        Px(x),
                        Px(base + 6.0),
                        withheld_paint(&id),
                        Esc(&tip)
                    );
                }
            }
        }
    }
    svg(c, &id, height, &body)
}

/// Wraps a chart's drawing in its `<svg>`, with its title and summary.
fn svg(c: &Chart, id: &str, height: f64, body: &str) -> Svg {
    Svg(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {} {}\" \
         preserveAspectRatio=\"xMinYMin meet\" font-family=\"system-ui, sans-serif\" fill=\"{INK}\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{body}</svg>",
        Px(WIDTH),
        Px(height.ceil()),
        Esc(c.title),
        Esc(c.summary)
    ))
}

/// Nothing to draw: the summary, as a note.
fn note(c: &Chart, id: &str) -> Svg {
    let mut body = String::new();
    let mut y = PAD;
    for line in wrap(c.summary, WIDTH - 2.0 * PAD, LABEL_SIZE) {
        y += 20.0;
        let _ = write!(
            body,
            "<text class=\"chart-note\" x=\"{}\" y=\"{}\" font-size=\"{LABEL_SIZE}\">{}</text>",
            Px(PAD),
            Px(y - 5.0),
            Esc(&line)
        );
    }
    svg(c, id, y + PAD, &body)
}

fn nothing_to_draw(c: &Chart) -> bool {
    c.categories.is_empty()
        || c.series.is_empty()
        || !c
            .series
            .iter()
            .any(|s| (0..c.categories.len()).any(|i| value_at(s, i).is_some()))
}

fn any_withheld(c: &Chart) -> bool {
    c.series
        .iter()
        .any(|s| (0..c.categories.len()).any(|i| value_at(s, i).is_none()))
}

fn value_at(s: &Series, i: usize) -> Option<f64> {
    s.values.get(i).copied().flatten().filter(|v| v.is_finite())
}

fn max_value(c: &Chart) -> f64 {
    c.series
        .iter()
        .flat_map(|s| (0..c.categories.len()).filter_map(|i| value_at(s, i)))
        .fold(0.0, f64::max)
}

/// "category · series: value" (or the withheld words).
fn tip(category: &str, series: &str, value: Option<f64>, c: &Chart) -> String {
    let value = match value {
        Some(v) => value_text(c.unit, v),
        None => c.withheld.to_string(),
    };
    format!("{category} · {series}: {value}")
}

/// The axis: from zero to its top, with the values of its grid lines.
struct Scale {
    top: f64,
    ticks: Vec<f64>,
}

impl Scale {
    fn new(unit: Unit, max: f64) -> Scale {
        match unit {
            Unit::Percent => Scale {
                top: 100.0,
                ticks: vec![0.0, 25.0, 50.0, 75.0, 100.0],
            },
            Unit::Count => {
                let step = nice_step(max / 4.0);
                let n = (max / step).ceil().max(1.0) as usize;
                Scale {
                    top: step * n as f64,
                    ticks: (0..=n).map(|k| step * k as f64).collect(),
                }
            }
        }
    }

    /// Where `v` falls between zero and the top, held to 0–1.
    fn fraction(&self, v: f64) -> f64 {
        (v / self.top).clamp(0.0, 1.0)
    }
}

/// The smallest of 1, 2, 5, 10, 20, 25, 50, 100, … at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if raw <= 1.0 {
        return 1.0;
    }
    let mut power = 10f64.powf(raw.log10().floor());
    loop {
        let choices: &[f64] = if power >= 10.0 {
            &[1.0, 2.0, 2.5, 5.0]
        } else {
            &[1.0, 2.0, 5.0]
        };
        if let Some(m) = choices.iter().find(|m| **m * power >= raw) {
            return m * power;
        }
        power *= 10.0;
    }
}

/// A value as written on the chart: a count with thousands separated
/// (one decimal if it is not whole), a percentage with one decimal.
fn value_text(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Percent => format!("{v:.1}%"),
        Unit::Count => {
            let text = if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v:.1}")
            };
            let (sign, rest) = match text.strip_prefix('-') {
                Some(r) => ("-", r),
                None => ("", text.as_str()),
            };
            let (whole, decimals) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
            let mut grouped = String::new();
            for (k, ch) in whole.chars().enumerate() {
                if k > 0 && (whole.len() - k) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(ch);
            }
            format!("{sign}{grouped}{decimals}")
        }
    }
}

/// A grid line's value: whole, so a percentage without its decimal.
fn tick_text(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Percent => format!("{v:.0}%"),
        Unit::Count => value_text(unit, v),
    }
}

/// What a legend entry shows before its name.
enum Swatch {
    Bar(usize),
    Line(usize),
    Withheld,
}

/// The legend, in rows across the top: each series' swatch and name, and
/// the withheld box with its words when some value is not published.
/// Returns where the drawing below it starts.
fn legend(
    out: &mut String,
    c: &Chart,
    id: &str,
    swatches: &[Swatch],
    any_withheld: bool,
    top: f64,
) -> f64 {
    let mut entries: Vec<(&Swatch, &str)> = swatches
        .iter()
        .zip(&c.series)
        .map(|(sw, s)| (sw, s.name.as_str()))
        .collect();
    if any_withheld {
        entries.push((&Swatch::Withheld, c.withheld));
    }
    const ROW: f64 = 22.0;
    const LINE: f64 = 17.0;
    let room = WIDTH - 2.0 * PAD;
    let (mut x, mut y, mut row_h) = (PAD, top, ROW);
    for (swatch, name) in entries {
        let sw_w = match swatch {
            Swatch::Line(_) => 30.0,
            _ => 16.0,
        };
        let lines = wrap(name, room - sw_w - 6.0, TEXT_SIZE);
        let text_w = lines
            .iter()
            .map(|l| text_width(l, TEXT_SIZE))
            .fold(0.0, f64::max);
        let w = sw_w + 6.0 + text_w;
        if x > PAD && x + w > WIDTH - PAD {
            x = PAD;
            y += row_h;
            row_h = ROW;
        }
        let mid = y + 9.0;
        match swatch {
            Swatch::Bar(s) => {
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"16\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"1\"/>",
                    Px(x),
                    Px(y + 1.0),
                    bar_fill(id, *s)
                );
            }
            Swatch::Line(s) => {
                let _ = write!(
                    out,
                    "<line x1=\"{}\" y1=\"{mid}\" x2=\"{}\" y2=\"{mid}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>",
                    Px(x),
                    Px(x + 30.0),
                    COLOURS[s % COLOURS.len()],
                    dash(*s),
                    mid = Px(mid)
                );
                marker(out, *s, x + 15.0, mid, None);
            }
            Swatch::Withheld => {
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"16\" {}/>",
                    Px(x),
                    Px(y + 1.0),
                    withheld_paint(id)
                );
            }
        }
        for (k, line) in lines.iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{TEXT_SIZE}\">{}</text>",
                Px(x + sw_w + 6.0),
                Px(y + 13.5 + LINE * k as f64),
                Esc(line)
            );
        }
        row_h = row_h.max(ROW + LINE * (lines.len().max(1) - 1) as f64);
        x += w + 18.0;
    }
    y + row_h
}

/// The bar fills: series 0 solid, the others its colour with a white
/// pattern over it (diagonal lines, dots, cross-hatch, horizontal lines,
/// vertical lines), so that greyscale still tells them apart; and the
/// withheld hatching when some value is not published.
fn bar_defs(out: &mut String, id: &str, n: usize, withheld: bool) {
    out.push_str("<defs>");
    for (s, colour) in COLOURS.iter().enumerate().take(n).skip(1) {
        let _ = write!(
            out,
            "<pattern id=\"{id}-p{s}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"{}>\
             <rect width=\"8\" height=\"8\" fill=\"{colour}\"/>",
            match s {
                1 | 3 => " patternTransform=\"rotate(45)\"",
                _ => "",
            }
        );
        out.push_str(match s {
            1 => "<rect width=\"3\" height=\"8\" fill=\"#fff\"/>",
            2 => "<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"#fff\"/>",
            3 => "<rect width=\"2\" height=\"8\" fill=\"#fff\"/><rect width=\"8\" height=\"2\" fill=\"#fff\"/>",
            4 => "<rect width=\"8\" height=\"3\" fill=\"#fff\"/>",
            _ => "<rect width=\"3\" height=\"8\" fill=\"#fff\"/>",
        });
        out.push_str("</pattern>");
    }
    if withheld {
        withheld_pattern(out, id);
    }
    out.push_str("</defs>");
}

fn bar_fill(id: &str, s: usize) -> String {
    match s % COLOURS.len() {
        0 => COLOURS[0].to_string(),
        k => format!("url(#{id}-p{k})"),
    }
}

/// Grey lines leaning the other way on white.
fn withheld_pattern(out: &mut String, id: &str) {
    let _ = write!(
        out,
        "<pattern id=\"{id}-withheld\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(-45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>\
         <rect width=\"1.5\" height=\"6\" fill=\"{WITHHELD_INK}\"/></pattern>"
    );
}

/// The fill and outline of a value not published: hatched grey, dashed.
fn withheld_paint(id: &str) -> String {
    format!(
        "fill=\"url(#{id}-withheld)\" stroke=\"{INK}\" stroke-width=\"1\" stroke-dasharray=\"3 2\""
    )
}

fn dash(s: usize) -> String {
    match DASHES[s % DASHES.len()] {
        "" => String::new(),
        d => format!(" stroke-dasharray=\"{d}\""),
    }
}

/// A line chart's marker for series `s`: circle, square, triangle,
/// diamond, triangle pointing down, in turn; in the series' colour,
/// outlined in ink.
fn marker(out: &mut String, s: usize, x: f64, y: f64, tip: Option<&str>) {
    let paint = format!(
        "{}fill=\"{}\" stroke=\"{INK}\" stroke-width=\"1\"",
        if tip.is_some() {
            "class=\"chart-point\" "
        } else {
            ""
        },
        COLOURS[s % COLOURS.len()]
    );
    let shape = match s % 5 {
        0 => {
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"5\" {paint}",
                Px(x),
                Px(y)
            );
            None
        }
        1 => Some(format!("M{} {}h9v9h-9z", Px(x - 4.5), Px(y - 4.5))),
        2 => Some(format!(
            "M{} {}L{} {}L{} {}z",
            Px(x),
            Px(y - 6.0),
            Px(x + 5.5),
            Px(y + 4.0),
            Px(x - 5.5),
            Px(y + 4.0)
        )),
        3 => Some(format!(
            "M{} {}L{} {}L{} {}L{} {}z",
            Px(x),
            Px(y - 6.0),
            Px(x + 6.0),
            Px(y),
            Px(x),
            Px(y + 6.0),
            Px(x - 6.0),
            Px(y)
        )),
        _ => Some(format!(
            "M{} {}L{} {}L{} {}z",
            Px(x),
            Px(y + 6.0),
            Px(x + 5.5),
            Px(y - 4.0),
            Px(x - 5.5),
            Px(y - 4.0)
        )),
    };
    let tag = match shape {
        Some(d) => {
            let _ = write!(out, "<path d=\"{d}\" {paint}");
            "path"
        }
        None => "circle",
    };
    match tip {
        Some(t) => {
            let _ = write!(out, "><title>{}</title></{tag}>", Esc(t));
        }
        None => out.push_str("/>"),
    }
}

/// An id prefix safe in an attribute and in `url(#…)`.
fn clean_id(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' {
                ch
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        cleaned
    } else {
        format!("chart-{cleaned}")
    }
}

/// A rough width of `text` at `size` (system fonts average a little over
/// half an em; this errs wide).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.58
}

/// `text` in lines no wider than `width` (a word wider than that keeps a
/// line of its own).
fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && text_width(&format!("{line} {word}"), size) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Text escaped for XML content and attribute values.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ch in self.0.chars() {
            match ch {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                // Not allowed in XML 1.0 at all.
                c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// A coordinate to a tenth, without a trailing ".0".
struct Px(f64);

impl fmt::Display for Px {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = (self.0 * 10.0).round();
        let tenths = if tenths == 0.0 { 0.0 } else { tenths };
        if tenths % 10.0 == 0.0 {
            write!(f, "{:.0}", tenths / 10.0)
        } else {
            write!(f, "{:.1}", tenths / 10.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(unit: Unit, categories: &[&str], series: Vec<Series>) -> Chart<'static> {
        Chart {
            title: "Hours by school",
            summary: "Most schools reached their goal.",
            categories: categories.iter().map(|c| c.to_string()).collect(),
            series,
            unit,
            id: "hours",
            withheld: "not published (under 10)",
        }
    }

    fn series(name: &str, values: &[Option<f64>]) -> Series {
        Series {
            name: name.to_string(),
            values: values.to_vec(),
        }
    }

    /// Well-formed XML, checked by hand: tags balance, attribute values are
    /// quoted, and every `&` starts a known entity.
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(start) = rest.find(['<', '&']) {
            assert!(!rest[..start].contains('>'), "stray > in {rest}");
            rest = &rest[start..];
            if rest.starts_with('&') {
                let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                    .iter()
                    .any(|e| rest.starts_with(e));
                assert!(ok, "bare & at {rest}");
                rest = &rest[1..];
                continue;
            }
            let end = rest
                .find('>')
                .unwrap_or_else(|| panic!("unclosed tag {rest}"));
            let tag = &rest[1..end];
            assert!(!tag.contains('<'), "< inside a tag: {tag}");
            assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().unwrap_or_default();
                assert!(!name.is_empty(), "empty tag name");
                stack.push(name.to_string());
            }
            rest = &rest[end + 1..];
            if stack.is_empty() {
                assert!(rest.is_empty(), "content after the root: {rest}");
            }
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
        assert!(svg.starts_with("<svg "));
    }

    /// The text of each tag starting with `prefix`.
    fn elements<'a>(svg: &'a str, prefix: &'a str) -> impl Iterator<Item = &'a str> {
        svg.split(prefix)
            .skip(1)
            .map(|part| &part[..part.find('>').unwrap_or(part.len())])
    }

    /// The number in attribute `name` of a tag.
    fn attr(tag: &str, name: &str) -> f64 {
        let at = tag
            .find(&format!(" {name}=\""))
            .unwrap_or_else(|| panic!("no {name} in {tag}"));
        let value = &tag[at + name.len() + 3..];
        value[..value.find('"').unwrap_or(0)]
            .parse()
            .unwrap_or_else(|_| panic!("{name} not a number in {tag}"))
    }

    /// The number in attribute `name` of each tag starting with `prefix`.
    fn attrs(svg: &str, prefix: &str, name: &str) -> Vec<f64> {
        elements(svg, prefix).map(|tag| attr(tag, name)).collect()
    }

    fn two_series() -> Vec<Series> {
        vec![
            series("Goal", &[Some(40.0), Some(55.5), Some(70.0)]),
            series("Reached", &[Some(35.0), None, Some(150.0)]),
        ]
    }

    #[test]
    fn every_text_is_escaped() {
        let mut c = chart(
            Unit::Count,
            &["<script>alert(1)</script> & co"],
            vec![series("Tom's \"A\" & <B>", &[Some(3.0)])],
        );
        c.title = "<b>title</b> & more";
        c.summary = "a < b & c > d";
        c.id = "x\" onload=\"alert(1)";
        for svg in [bar_chart(&c), line_chart(&c)] {
            let svg = svg.as_str();
            assert_well_formed(svg);
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("<b>"));
            assert!(!svg.contains("onload=\""));
            assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
            assert!(svg.contains("Tom&#39;s &quot;A&quot; &amp; &lt;B&gt;"));
            assert!(svg.contains("<title id=\"x--onload--alert-1--title\">&lt;b&gt;title&lt;/b&gt; &amp; more</title>"));
            assert!(
                svg.contains(
                    "<desc id=\"x--onload--alert-1--desc\">a &lt; b &amp; c &gt; d</desc>"
                )
            );
        }
    }

    #[test]
    fn the_svg_names_itself_by_its_title_and_summary() {
        let c = chart(Unit::Percent, &["A", "B", "C"], two_series());
        for svg in [bar_chart(&c), line_chart(&c)] {
            let svg = svg.as_str();
            assert_well_formed(svg);
            assert!(svg.starts_with(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" role=\"img\" \
                 aria-labelledby=\"hours-title hours-desc\" viewBox=\"0 0 640 "
            ));
            assert!(svg.contains("preserveAspectRatio=\"xMinYMin meet\""));
            assert!(svg.contains("<title id=\"hours-title\">Hours by school</title>"));
            assert!(
                svg.contains("<desc id=\"hours-desc\">Most schools reached their goal.</desc>")
            );
            assert!(!svg.contains("style="), "the CSP forbids inline styles");
            // The legend names both series inside the picture.
            assert!(svg.contains(">Goal</text>") && svg.contains(">Reached</text>"));
            assert!(svg.contains(">not published (under 10)</text>"));
        }
    }

    #[test]
    fn one_bar_per_category_and_series() {
        let c = chart(Unit::Percent, &["A", "B", "C"], two_series());
        let svg = bar_chart(&c).into_string();
        let bars = svg.matches("<rect class=\"chart-bar\"").count();
        let withheld = svg.matches("<rect class=\"chart-withheld\"").count();
        assert_eq!((bars, withheld), (5, 1));
        assert_eq!(bars + withheld, 3 * 2);
        assert!(svg.contains("<title>B · Goal: 55.5%</title>"));
        assert!(svg.contains("<title>A · Reached: 35.0%</title>"));
        // Told apart without colour: a solid fill and a pattern.
        assert!(svg.contains("fill=\"#0072B2\""));
        assert!(svg.contains("<pattern id=\"hours-p1\""));
        assert!(svg.contains("fill=\"url(#hours-p1)\""));

        let line = line_chart(&c).into_string();
        let points = line.matches("class=\"chart-point\"").count();
        let withheld = line.matches("<rect class=\"chart-withheld\"").count();
        assert_eq!(points + withheld, 3 * 2);
        assert!(line.contains("<circle ") && line.contains("<path d=\"M"));
        assert!(line.contains("stroke-dasharray=\"8 4\""));
    }

    #[test]
    fn a_value_not_published_is_never_a_zero() {
        let c = chart(
            Unit::Count,
            &["North", "South"],
            vec![series("Teachers", &[Some(12.0), None])],
        );
        let svg = bar_chart(&c).into_string();
        assert!(svg.contains("<title>South · Teachers: not published (under 10)</title>"));
        assert!(!svg.contains("South · Teachers: 0"));
        let widths = attrs(&svg, "<rect class=\"chart-bar\"", "width");
        assert_eq!(widths.len(), 1);
        assert!(widths.iter().all(|w| *w > 0.0));
        let placeholders = attrs(&svg, "<rect class=\"chart-withheld\"", "width");
        assert_eq!(placeholders, vec![10.0]);
        assert!(svg.contains("fill=\"url(#hours-withheld)\""));

        let line = line_chart(&c).into_string();
        assert!(line.contains("<title>South · Teachers: not published (under 10)</title>"));
        assert_eq!(line.matches("<rect class=\"chart-withheld\"").count(), 1);
        // A single published point draws no line to the withheld one.
        assert!(!line.contains("<polyline"));
    }

    #[test]
    fn a_percent_never_goes_past_100() {
        let c = chart(Unit::Percent, &["A", "B", "C"], two_series());
        let svg = bar_chart(&c).into_string();
        let widths = attrs(&svg, "<rect class=\"chart-bar\"", "width");
        let full = WIDTH - 16.0 - 88.0;
        assert!(widths.iter().all(|w| *w <= full), "{widths:?}");
        assert!(
            widths.iter().any(|w| (*w - full).abs() < 0.1),
            "150 % drawn at 100 %"
        );
        assert!(svg.contains("<title>C · Reached: 150.0%</title>"));
        assert!(svg.contains(">0%</text>") && svg.contains(">100%</text>"));
        assert!(!svg.contains(">125%</text>"));

        let c = chart(
            Unit::Percent,
            &["2025–26", "2026–27"],
            vec![series("Reached", &[Some(150.0), Some(-5.0)])],
        );
        let line = line_chart(&c).into_string();
        assert_well_formed(&line);
        let ys: Vec<f64> = elements(&line, "<circle ")
            .filter(|tag| tag.contains("chart-point"))
            .map(|tag| attr(tag, "cy"))
            .collect();
        let grid: Vec<f64> = elements(&line, "<line ")
            .filter(|tag| tag.contains(&format!("stroke=\"{GRID}\"")))
            .map(|tag| attr(tag, "y1"))
            .collect();
        let (top, bottom) = (
            grid.iter().copied().fold(f64::MAX, f64::min),
            grid.iter().copied().fold(f64::MIN, f64::max),
        );
        assert_eq!(grid.len(), 5);
        assert_eq!(
            ys,
            vec![top, bottom],
            "150 % at the top, -5 % at the bottom"
        );
        assert!(line.contains("<title>2025–26 · Reached: 150.0%</title>"));
    }

    #[test]
    fn counts_get_round_steps() {
        let s = Scale::new(Unit::Count, 7.0);
        assert_eq!(s.ticks, vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        let s = Scale::new(Unit::Count, 1234.0);
        assert_eq!(s.ticks, vec![0.0, 500.0, 1000.0, 1500.0]);
        let s = Scale::new(Unit::Count, 100.0);
        assert_eq!(s.ticks, vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        let s = Scale::new(Unit::Count, 0.0);
        assert_eq!(s.ticks, vec![0.0, 1.0]);
        assert_eq!(value_text(Unit::Count, 1234567.0), "1,234,567");
        assert_eq!(value_text(Unit::Count, 999.0), "999");
        assert_eq!(value_text(Unit::Count, 2.5), "2.5");
        assert_eq!(value_text(Unit::Percent, 12.345), "12.3%");
    }

    #[test]
    fn nothing_to_draw_is_still_a_picture() {
        let empty = chart(Unit::Count, &[], vec![series("Teachers", &[])]);
        let withheld = chart(
            Unit::Count,
            &["North"],
            vec![series("Teachers", &[None]), series("Leaders", &[])],
        );
        for c in [empty, withheld] {
            for svg in [bar_chart(&c), line_chart(&c)] {
                let svg = svg.as_str();
                assert_well_formed(svg);
                assert!(svg.contains("<desc id=\"hours-desc\">"));
                assert!(svg.contains("class=\"chart-note\""));
                assert!(!svg.contains("chart-bar") && !svg.contains("chart-point"));
            }
        }
    }

    #[test]
    fn long_labels_wrap_and_the_chart_grows() {
        let long = "Escuela Primaria Benito Juárez de la Ciudad de México, campus norte y sur, \
                    con sus aulas rurales y el programa de verano";
        let c = chart(
            Unit::Count,
            &[long, "B"],
            vec![series("Horas", &[Some(3.0), Some(4.0)])],
        );
        let svg = bar_chart(&c).into_string();
        assert_well_formed(&svg);
        assert!(svg.matches("font-weight=\"600\"").count() >= 3);
        let line = line_chart(&c).into_string();
        assert_well_formed(&line);
        // Two bands, each wide enough for its words: in lines, level.
        assert!(!line.contains("rotate("));
        assert!(line.matches("text-anchor=\"middle\"").count() > 3);

        // Twelve bands narrower than a word: slanted.
        let months = [
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
        ];
        let c = chart(
            Unit::Count,
            &months,
            vec![series("Horas", &[Some(3.0); 12])],
        );
        let line = line_chart(&c).into_string();
        assert_well_formed(&line);
        assert_eq!(line.matches("transform=\"rotate(-35").count(), 12);
    }

    #[test]
    fn askama_writes_the_svg_as_it_is() {
        use askama::Template;
        #[derive(Template)]
        #[template(source = "<figure>{{ chart }}</figure>", ext = "html")]
        struct Page {
            chart: Svg,
        }
        let c = chart(Unit::Count, &["A & B"], vec![series("S", &[Some(1.0)])]);
        let chart = bar_chart(&c);
        let html = Page {
            chart: chart.clone(),
        }
        .render()
        .unwrap_or_default();
        assert_eq!(html, format!("<figure>{chart}</figure>"));
    }
}
