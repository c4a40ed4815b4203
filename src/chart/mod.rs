//! Charts as SVG, drawn with plotters: one module per chart kind, each a function from prepared
//! view data to an SVG string plus the hit regions the page uses for tooltips and keyboard focus.

pub mod area;
pub mod bars;
pub mod basics;
pub mod convergence;
pub mod decomposition;
pub mod facet;
pub mod forest;
pub mod line;
pub mod map;
pub mod marks;
pub mod ranking;
pub mod scatter;
pub mod stacked;
pub mod text;
pub mod trend;

use crate::error::{Error, ErrorKind, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use serde::Serialize;
use text::{Label, Style};

/// Colours with at least 4.5:1 contrast on white (WCAG AA for text and markers).
pub mod palette {
    use plotters::style::RGBColor;
    pub const TEXT: RGBColor = RGBColor(0x1f, 0x1f, 0x1f);
    pub const MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
    pub const GRID: RGBColor = RGBColor(0xe3, 0xe3, 0xe3);
    pub const AXIS: RGBColor = RGBColor(0x40, 0x40, 0x40);
    pub const NEUTRAL: RGBColor = RGBColor(0x6b, 0x6b, 0x6b);
    pub const UP: RGBColor = RGBColor(0x1e, 0x7b, 0x34);
    pub const UP_STRONG: RGBColor = RGBColor(0x0b, 0x4f, 0x1e);
    pub const DOWN: RGBColor = RGBColor(0x1f, 0x5f, 0xbf);
    pub const DOWN_STRONG: RGBColor = RGBColor(0x0a, 0x33, 0x7a);
    pub const TREND: RGBColor = RGBColor(0xb3, 0x26, 0x1e);
    pub const HIGHLIGHT: RGBColor = RGBColor(0xc2, 0x4e, 0x00);
    /// Series colours (Okabe-Ito based, darkened for contrast).
    pub const SERIES: [RGBColor; 8] = [
        RGBColor(0x00, 0x5a, 0x9c),
        RGBColor(0xb3, 0x4a, 0x00),
        RGBColor(0x00, 0x7a, 0x5a),
        RGBColor(0xa0, 0x2b, 0x74),
        RGBColor(0x5b, 0x4a, 0x9e),
        RGBColor(0x8a, 0x6d, 0x00),
        RGBColor(0x3f, 0x3f, 0x3f),
        RGBColor(0x2a, 0x7f, 0xb8),
    ];
}

/// The texts every chart carries: title, subtitle and source line drawn in it, and the
/// description that becomes its accessible `<desc>`.
pub struct Texts<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub source: &'a str,
    pub description: &'a str,
    /// The width to lay the chart out for, in CSS px (the view's `width=`).
    pub width: u32,
}

/// The width a chart is drawn at when nobody asks for another (the print width).
pub const WIDTH: u32 = 820;
/// The narrowest and widest layout: below 280 px no chart reads, above 2000 px nobody looks.
pub const MIN_WIDTH: u32 = 280;
pub const MAX_WIDTH: u32 = 2000;
/// The smallest text size in a chart, in px at 1:1 scale.
pub const MIN_TEXT: f64 = 11.0;

impl Texts<'_> {
    /// The width to lay out for, within [`MIN_WIDTH`]..=[`MAX_WIDTH`].
    pub fn width(&self) -> u32 {
        self.width.clamp(MIN_WIDTH, MAX_WIDTH)
    }
}

/// A region of the chart a pointer or keyboard focus can land on, in SVG pixels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    #[serde(serialize_with = "finite")]
    pub x: f64,
    #[serde(serialize_with = "finite")]
    pub y: f64,
    #[serde(serialize_with = "finite")]
    pub w: f64,
    #[serde(serialize_with = "finite")]
    pub h: f64,
    /// Text shown on hover or focus, in the view's language.
    pub label: String,
    /// The region or series this hit belongs to, for highlighting.
    pub key: String,
}

/// Writes a hit coordinate for the page and the JSON: the one place chart numbers leave as
/// numbers (the SVG has integer pixels, labels go through `format::number`), so a NaN or an
/// infinity from a degenerate axis becomes 0 here instead of reaching the page.
fn finite<S: serde::Serializer>(v: &f64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64(if v.is_finite() { *v } else { 0.0 })
}

/// A drawn chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub hits: Vec<Hit>,
}

pub(crate) fn draw_err<E: std::fmt::Debug>(e: E) -> Error {
    Error::new(
        ErrorKind::Io,
        format!("De grafiek kon niet worden getekend: {e:?}"),
    )
}

/// Draws a text on a pixel area.
pub(crate) fn label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: f64,
    y: f64,
    text: &str,
    style: Style,
) -> Result<()> {
    area.draw(&Label {
        pos: (x.round() as i32, y.round() as i32),
        text,
        style,
    })
    .map_err(draw_err)
}

/// The subtitle's lines at width `w`: wrapped, at most three.
fn subtitle_lines(w: u32, subtitle: &str) -> Vec<String> {
    facet::wrap_at_most(subtitle, Style::new(12.5), w as f64 - 32.0, 3)
}

/// The title's lines at width `w`: wrapped, at most two.
fn title_lines(w: u32, title: &str) -> Vec<String> {
    facet::wrap_at_most(title, Style::new(17.0).bold(), w as f64 - 32.0, 2)
}

/// The source line's lines at width `w`: wrapped, at most two (a narrow embed keeps the whole
/// source of its figures). (The first core cuts it to one line: it draws the built-in scatter
/// only, at the page's width.)
#[cfg(feature = "full")]
fn source_lines(w: u32, source: &str) -> Vec<String> {
    facet::wrap_at_most(source, Style::new(11.0), w as f64 - 32.0, 2)
}

/// The height the source line needs beyond one line at width `w`: each chart adds it to its
/// height, below its body.
pub fn footer_extra(w: u32, texts: &Texts) -> f64 {
    #[cfg(feature = "full")]
    return source_lines(w, texts.source).len().saturating_sub(1) as f64 * 14.0;
    #[cfg(not(feature = "full"))]
    {
        let _ = (w, texts);
        0.0
    }
}

/// The height title and subtitle need beyond one line each at width `w`: the chart body moves
/// down by it.
pub fn header_extra(w: u32, texts: &Texts) -> f64 {
    title_lines(w, texts.title).len().saturating_sub(1) as f64 * 21.0
        + subtitle_lines(w, texts.subtitle).len().saturating_sub(1) as f64 * 16.0
}

/// Title, subtitle and source line shared by every chart, so an exported SVG stands on its own:
/// title and subtitle wrapped to the width, the source too (at most two lines, the second in the
/// room [`footer_extra`] added below the chart). Returns the area between header and source,
/// shifted by [`header_extra`], in which a chart draws as if each of them had one line.
pub(crate) fn frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    width: u32,
    height: u32,
    texts: &Texts,
) -> Result<DrawingArea<DB, Shift>> {
    area.fill(&WHITE).map_err(draw_err)?;
    let title = Style::new(17.0).bold().anchor(HPos::Left, VPos::Center);
    let titles = title_lines(width, texts.title);
    for (k, l) in titles.iter().enumerate() {
        label(area, 16.0, 22.0 + k as f64 * 21.0, l, title)?;
    }
    let below = titles.len().saturating_sub(1) as f64 * 21.0;
    let sub = Style::new(12.5).color(palette::MUTED);
    let lines = subtitle_lines(width, texts.subtitle);
    for (k, l) in lines.iter().enumerate() {
        label(area, 16.0, 44.0 + below + k as f64 * 16.0, l, sub)?;
    }
    let source = Style::new(11.0).color(palette::MUTED);
    let extra = header_extra(width, texts);
    #[cfg(feature = "full")]
    {
        let sources = source_lines(width, texts.source);
        let n = sources.len();
        for (k, l) in sources.iter().enumerate() {
            let y = height as f64 - 12.0 - (n - 1 - k) as f64 * 14.0;
            label(area, 16.0, y, l, source)?;
        }
        let foot = (n.saturating_sub(1) * 14) as u32;
        Ok(area.clone().margin(extra.round() as u32, foot, 0, 0))
    }
    #[cfg(not(feature = "full"))]
    {
        let max = width as f64 - 32.0;
        label(
            area,
            16.0,
            height as f64 - 12.0,
            &facet::fit(texts.source, source, max),
            source,
        )?;
        Ok(area.clone().margin(extra.round() as u32, 0, 0, 0))
    }
}

/// The hits in the order a keyboard steps through them: down the bars of a horizontal bar chart
/// (more than half the hits over 1.5 times as wide as high), else left to right; ties keep the
/// order drawn. Coordinates as the page gets them (not finite: 0, see [`finite`]).
#[inline(never)]
pub fn in_reading_order(mut hits: Vec<Hit>) -> Vec<Hit> {
    let f = |v: f64| if v.is_finite() { v } else { 0.0 };
    let wide = hits.iter().filter(|h| f(h.w) > 1.5 * f(h.h)).count();
    let horizontal_bars = 2 * wide > hits.len();
    let centre = |h: &Hit| {
        let (x, y) = (f(h.x) + f(h.w) / 2.0, f(h.y) + f(h.h) / 2.0);
        if horizontal_bars {
            (y, x)
        } else {
            (x, y)
        }
    };
    // (The crate's one stable sort: another instance of the standard one costs the first core
    // kilobytes.)
    crate::sort::sort_by(&mut hits, |a, b| {
        let (a, b) = (centre(a), centre(b));
        a.0.partial_cmp(&b.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
    });
    hits
}

/// Moves hits drawn in the body area (see [`frame`]) into the SVG's coordinates.
pub(crate) fn shift(hits: &mut [Hit], extra: f64) {
    for h in hits {
        h.y += extra.round();
    }
}

/// Adds an accessible name and description to an SVG produced by plotters. Control characters
/// XML does not allow (a title typed as `%0B`, a cell of a file with one) are left out: with
/// them the SVG is no XML and does not open.
pub(crate) fn accessible(svg: String, title: &str, desc: &str) -> String {
    // (The first core draws the built-in data only; a title typed so is drawn again by the
    // full core, which every export comes from.)
    #[cfg(feature = "full")]
    {
        let illegal = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r');
        if svg.contains(illegal) || title.contains(illegal) || desc.contains(illegal) {
            let clean = |s: &str| s.chars().filter(|&c| !illegal(c)).collect::<String>();
            return accessible(clean(&svg), &clean(title), &clean(desc));
        }
    }
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    match svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j))
    {
        Some(end) => {
            let mut out = String::with_capacity(svg.len() + title.len() + desc.len() + 64);
            out.push_str(&svg[..end]);
            out.push_str(" role=\"img\" aria-labelledby=\"bv-title bv-desc\"");
            out.push('>');
            out.push_str(&format!(
                "<title id=\"bv-title\">{}</title><desc id=\"bv-desc\">{}</desc>",
                esc(title),
                esc(desc)
            ));
            out.push_str(&svg[end + 1..]);
            out
        }
        None => svg,
    }
}

/// "Nice" tick positions covering [lo, hi]: steps of 1, 2 or 5 times a power of ten.
///
/// Safe for any input: a non-finite or empty range gives `[lo]`; a range too small for a step
/// an `f64` holds (values like 5e-324 from a file) is drawn as `[lo, lo + 1]`; a range wider than
/// an `f64` holds (-1e308 to 1e308) is split from halves. At most `target` + 1 ticks.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo];
    }
    let target = target.clamp(1, 1000);
    // hi - lo can overflow; the halves cannot.
    let raw = (hi / 2.0 - lo / 2.0) / target as f64 * 2.0;
    if !raw.is_finite() || raw < TINY_STEP {
        // Too small a range to divide: show it as part of a unit range (like a single value).
        return if lo + 1.0 > hi {
            nice_ticks(lo, lo + 1.0, target)
        } else {
            vec![lo, hi]
        };
    }
    let exp = raw.log10().floor() as i32;
    // A tick is (i * m) / 10^-exp or (i * m) * 10^exp: both products exact for the usual
    // magnitudes, so 0.1 * 3 prints as 0.3.
    let at = |i: i64, m: f64| {
        let k = i as f64 * m;
        if exp < 0 {
            k / 10f64.powi(-exp)
        } else {
            k * 10f64.powi(exp)
        }
    };
    let Some(m) = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|m| at(1, *m) >= raw)
    else {
        return vec![lo, hi];
    };
    let step = at(1, m);
    if !(step.is_finite() && step > 0.0) {
        return vec![lo, hi];
    }
    let start = (lo / step).ceil();
    let end = (hi / step).floor();
    if !(start.is_finite() && end.is_finite()) || end - start > target as f64 * 2.0 + 2.0 {
        return vec![lo, hi];
    }
    (start as i64..=end as i64).map(|i| at(i, m)).collect()
}

/// Smallest tick step [`nice_ticks`] divides a range into; anything finer is rounding noise, not a
/// range of data (and its decimals could not be printed).
const TINY_STEP: f64 = 1e-300;

/// Decimals needed to print ticks with step `step` distinctly (at most 320: a step is at least
/// [`TINY_STEP`]).
pub fn tick_decimals(ticks: &[f64]) -> usize {
    if ticks.len() < 2 {
        return 0;
    }
    let step = (ticks[1] - ticks[0]).abs();
    if !step.is_normal() {
        return 0;
    }
    if step >= 1.0 {
        // A step of 2.5 needs one decimal, or -7.5 prints as -8.
        usize::from((step * 10.0).round() % 10.0 != 0.0)
    } else {
        let digits = (-step.log10().floor()).min(320.0) as usize
            + if (step * 10f64.powf(-step.log10().floor())).fract().abs() > 1e-9 {
                1
            } else {
                0
            };
        digits.min(320)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hits come in the order a keyboard steps through them: points left to right (one column
    /// top to bottom), horizontal bars top to bottom; equal places keep the order drawn, and a
    /// coordinate that is no number counts as 0, as the page gets it.
    #[test]
    fn hits_come_in_reading_order() {
        let hit = |key: &str, x: f64, y: f64, w: f64, h: f64| Hit {
            x,
            y,
            w,
            h,
            label: key.to_string(),
            key: key.to_string(),
        };
        let keys = |hits: Vec<Hit>| hits.into_iter().map(|h| h.key).collect::<Vec<_>>();
        // Points of two lines over three moments, drawn line by line.
        let points = vec![
            hit("a1", 10.0, 50.0, 6.0, 6.0),
            hit("a2", 20.0, 40.0, 6.0, 6.0),
            hit("a3", 30.0, 30.0, 6.0, 6.0),
            hit("b1", 10.0, 20.0, 6.0, 6.0),
            hit("b2", 20.0, 40.0, 6.0, 6.0),
            hit("b3", f64::NAN, 10.0, 6.0, 6.0),
        ];
        assert_eq!(
            keys(in_reading_order(points)),
            ["b3", "b1", "a1", "a2", "b2", "a3"]
        );
        // Horizontal bars, drawn from the bottom up.
        let bars = vec![
            hit("c", 0.0, 60.0, 120.0, 20.0),
            hit("b", 0.0, 30.0, 80.0, 20.0),
            hit("a", 0.0, 0.0, 40.0, 20.0),
        ];
        assert_eq!(keys(in_reading_order(bars)), ["a", "b", "c"]);
        // Upright bars: left to right.
        let columns = vec![
            hit("b", 30.0, 0.0, 20.0, 80.0),
            hit("a", 0.0, 40.0, 20.0, 40.0),
        ];
        assert_eq!(keys(in_reading_order(columns)), ["a", "b"]);
        assert!(in_reading_order(Vec::new()).is_empty());
    }
    #[test]
    fn ticks_are_nice() {
        assert_eq!(
            nice_ticks(-20.0, 40.0, 6),
            vec![-20.0, -10.0, 0.0, 10.0, 20.0, 30.0, 40.0]
        );
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(tick_decimals(&[0.0, 0.2]), 1);
        assert_eq!(tick_decimals(&[0.0, 0.25]), 2);
        assert_eq!(tick_decimals(&[0.0, 10.0]), 0);
        assert_eq!(tick_decimals(&[-7.5, -5.0]), 1);
    }
    #[test]
    fn ticks_survive_ranges_from_hostile_files() {
        // 5e-324 (the smallest float) once gave a step of 0 and a capacity overflow.
        for (lo, hi) in [
            (0.0, 5e-324),
            (-5e-324, 5e-324),
            (0.0, 1e-305),
            (-1e308, 1e308),
            (-f64::MAX, f64::MAX),
            (1e300, 1e300 * (1.0 + 1e-15)),
            (0.0, 1e-10),
            (1e15, 1e15 + 1.0),
        ] {
            let t = nice_ticks(lo, hi, 6);
            assert!(!t.is_empty() && t.len() <= 14, "{lo} {hi}: {t:?}");
            assert!(t.iter().all(|v| v.is_finite()), "{lo} {hi}: {t:?}");
            assert!(t.windows(2).all(|w| w[1] > w[0]), "{lo} {hi}: {t:?}");
            assert!(tick_decimals(&t) <= 320);
        }
        assert_eq!(nice_ticks(0.0, 5e-324, 5), nice_ticks(0.0, 1.0, 5));
        assert_eq!(nice_ticks(0.0, 1e-10, 2), vec![0.0, 5e-11, 1e-10]);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 5).len(), 1);
        assert_eq!(tick_decimals(&[0.0, 0.0]), 0);
        assert_eq!(tick_decimals(&[0.0, 1e-10]), 10);
    }

    #[test]
    fn hits_never_carry_nan_or_infinity() {
        let h = Hit {
            x: f64::NAN,
            y: f64::INFINITY,
            w: 2.5,
            h: -f64::INFINITY,
            label: String::new(),
            key: String::new(),
        };
        let json = serde_json::to_string(&h).unwrap();
        assert!(
            json.starts_with(r#"{"x":0.0,"y":0.0,"w":2.5,"h":0.0"#),
            "{json}"
        );
    }

    #[test]
    fn accessible_svg_has_title() {
        let s = accessible("<svg width=\"1\">x</svg>".into(), "A & B", "d");
        let c = accessible("<svg width=\"1\">a\u{b}b\u{0}</svg>".into(), "t\u{1b}", "d");
        assert_eq!(
            c,
            "<svg width=\"1\" role=\"img\" aria-labelledby=\"bv-title bv-desc\">\
             <title id=\"bv-title\">t</title><desc id=\"bv-desc\">d</desc>ab</svg>"
        );
        assert!(s.starts_with("<svg width=\"1\" role=\"img\""));
        assert!(s.contains("<title id=\"bv-title\">A &amp; B</title>"));
    }
}
