//! Shared drawing parts of the tidy charts: panel grids for small multiples, linear and log
//! scales, value axes, wrapped legends, hatching, and text fitting. All in pixel coordinates on
//! the root area, with text through [`super::text`] only.

use super::text::Style;
use super::{draw_err, label, palette, Hit};
use crate::error::Result;
use crate::format::{number, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Chart width for print.
pub const WIDTH: u32 = 820;

use super::Texts;

/// One panel per facet value, or a single unnamed panel when the view has no facets.
pub fn panels(values: &[String]) -> Vec<Option<String>> {
    if values.is_empty() {
        vec![None]
    } else {
        values.iter().cloned().map(Some).collect()
    }
}

/// The colour of each category, in stacking order.
pub fn category_colours(categories: &[String]) -> Vec<(String, RGBColor)> {
    categories
        .iter()
        .enumerate()
        .map(|(k, c)| (c.clone(), category_colour(c, k)))
        .collect()
}

/// The colour given to a category by [`category_colours`]; neutral for one not listed.
pub fn colour_of(colours: &[(String, RGBColor)], name: &str) -> RGBColor {
    colours
        .iter()
        .find(|(c, _)| c == name)
        .map(|c| c.1)
        .unwrap_or(super::palette::NEUTRAL)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// Panels for small multiples: `n` panels in `cols` columns inside `outer`; each panel gets a
/// title strip of `title_h` pixels above its plot rectangle (returned).
pub fn grid(n: usize, cols: usize, outer: Rect, gap_x: f64, gap_y: f64, title_h: f64) -> Vec<Rect> {
    let cols = cols.clamp(1, n.max(1));
    let rows = n.div_ceil(cols).max(1);
    let w = (outer.w - gap_x * (cols - 1) as f64) / cols as f64;
    let h = (outer.h - gap_y * (rows - 1) as f64) / rows as f64;
    (0..n)
        .map(|k| {
            let (r, c) = (k / cols, k % cols);
            Rect {
                x: outer.x + c as f64 * (w + gap_x),
                y: outer.y + r as f64 * (h + gap_y) + title_h,
                w,
                h: h - title_h,
            }
        })
        .collect()
}

/// A linear or logarithmic mapping from data to pixels.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
    pub log: bool,
}

impl Scale {
    pub fn linear(d0: f64, d1: f64, r0: f64, r1: f64) -> Scale {
        let d1 = if d1 == d0 { d0 + 1.0 } else { d1 };
        Scale {
            d0,
            d1,
            r0,
            r1,
            log: false,
        }
    }
    pub fn log(d0: f64, d1: f64, r0: f64, r1: f64) -> Scale {
        let (d0, d1) = (d0.max(1e-9), d1.max(1e-9));
        let d1 = if d1 == d0 { d0 * 10.0 } else { d1 };
        Scale {
            d0,
            d1,
            r0,
            r1,
            log: true,
        }
    }
    pub fn map(&self, v: f64) -> f64 {
        let t = if self.log {
            (v.max(1e-9).ln() - self.d0.ln()) / (self.d1.ln() - self.d0.ln())
        } else {
            (v - self.d0) / (self.d1 - self.d0)
        };
        self.r0 + t * (self.r1 - self.r0)
    }
}

/// Ticks for a log axis: 1, 2 and 5 times powers of ten inside [lo, hi], thinned when many.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    if !(lo > 0.0 && hi > lo) {
        return vec![1.0];
    }
    let (e0, e1) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    for e in e0..=e1 {
        for m in [1.0, 2.0, 5.0] {
            let v = m * 10f64.powi(e);
            if v >= lo * 0.999 && v <= hi * 1.001 {
                out.push(v);
            }
        }
    }
    if out.len() > 9 {
        out.retain(|v| {
            let m = v / 10f64.powf(v.log10().floor());
            (m - 1.0).abs() < 1e-6
        });
    }
    out
}

/// Value range with zero included for non-negative data and a little air above.
pub fn value_range(values: impl Iterator<Item = f64>, include_zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if hi == lo {
        hi = lo + 1.0;
    }
    let ticks = super::nice_ticks(lo, hi, 5);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => (hi - lo) / 5.0,
    };
    let lo2 = if include_zero && lo >= 0.0 {
        0.0
    } else {
        (lo / step).floor() * step
    };
    let hi2 = (hi / step).ceil() * step;
    (lo2, if hi2 <= lo2 { lo2 + step } else { hi2 })
}

pub fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pts: &[(f64, f64)],
    style: ShapeStyle,
) -> Result<()> {
    let pts: Vec<(i32, i32)> = pts
        .iter()
        .map(|(x, y)| (x.round() as i32, y.round() as i32))
        .collect();
    area.draw(&PathElement::new(pts, style)).map_err(draw_err)
}

pub fn rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: Rect,
    style: ShapeStyle,
) -> Result<()> {
    area.draw(&Rectangle::new(
        [
            (r.x.round() as i32, r.y.round() as i32),
            (r.right().round() as i32, r.bottom().round() as i32),
        ],
        style,
    ))
    .map_err(draw_err)
}

/// A dashed line (SVG has no dash style in plotters; short segments instead).
pub fn dashed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: (f64, f64),
    b: (f64, f64),
    style: ShapeStyle,
    dash: f64,
) -> Result<()> {
    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    if len <= 0.0 {
        return Ok(());
    }
    let n = (len / dash).ceil() as usize;
    for k in (0..n).step_by(2) {
        let t0 = k as f64 * dash / len;
        let t1 = ((k + 1) as f64 * dash / len).min(1.0);
        line(
            area,
            &[
                (a.0 + (b.0 - a.0) * t0, a.1 + (b.1 - a.1) * t0),
                (a.0 + (b.0 - a.0) * t1, a.1 + (b.1 - a.1) * t1),
            ],
            style,
        )?;
    }
    Ok(())
}

/// Diagonal hatching inside a rectangle, to mark uncertain parts without relying on colour.
pub fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: Rect,
    style: ShapeStyle,
    spacing: f64,
) -> Result<()> {
    // Lines x - y = c, clipped to the rectangle.
    let mut c = -r.h;
    while c < r.w {
        let (x0, y0) = if c >= 0.0 { (c, 0.0) } else { (0.0, -c) };
        let t = (r.w - x0).min(r.h - y0);
        if t > 0.0 {
            line(
                area,
                &[
                    (r.x + x0, r.bottom() - y0),
                    (r.x + x0 + t, r.bottom() - y0 - t),
                ],
                style,
            )?;
        }
        c += spacing;
    }
    Ok(())
}

/// Horizontal grid lines with labels left of `plot` (or none when `labels` is false).
#[allow(clippy::too_many_arguments)]
pub fn y_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: Rect,
    scale: &Scale,
    ticks: &[f64],
    decimals: usize,
    lang: Lang,
    labels: bool,
    suffix: &str,
) -> Result<()> {
    for &t in ticks {
        let y = scale.map(t);
        line(
            area,
            &[(plot.x, y), (plot.right(), y)],
            if t == 0.0 {
                palette::AXIS.stroke_width(1)
            } else {
                palette::GRID.stroke_width(1)
            },
        )?;
        if labels {
            label(
                area,
                plot.x - 6.0,
                y,
                &format!("{}{suffix}", number(t, decimals, lang)),
                Style::new(11.0)
                    .color(palette::MUTED)
                    .anchor(HPos::Right, VPos::Center),
            )?;
        }
    }
    Ok(())
}

/// Vertical grid lines with labels under `plot`.
#[allow(clippy::too_many_arguments)]
pub fn x_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: Rect,
    scale: &Scale,
    ticks: &[f64],
    decimals: usize,
    lang: Lang,
    labels: bool,
    suffix: &str,
) -> Result<()> {
    // A label that would touch the one before it is left out (the grid line stays).
    let mut last_right = f64::NEG_INFINITY;
    for &t in ticks {
        let x = scale.map(t);
        line(
            area,
            &[(x, plot.y), (x, plot.bottom())],
            if t == 0.0 && !scale.log {
                palette::AXIS.stroke_width(1)
            } else {
                palette::GRID.stroke_width(1)
            },
        )?;
        let text = format!("{}{suffix}", number(t, decimals, lang));
        let half = Style::new(11.0).width(&text) / 2.0;
        if labels && x - half >= last_right + 6.0 {
            label(
                area,
                x,
                plot.bottom() + 12.0,
                &text,
                Style::new(11.0)
                    .color(palette::MUTED)
                    .anchor(HPos::Center, VPos::Center),
            )?;
            last_right = x + half;
        }
    }
    Ok(())
}

/// How a legend item is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    Block,
    Line,
    Dot,
    Hatch,
}

/// A legend laid out in rows that wrap at `max_w`; returns its height. With `draw` false it only
/// measures.
pub fn legend<DB: DrawingBackend>(
    area: Option<&DrawingArea<DB, Shift>>,
    x: f64,
    y: f64,
    max_w: f64,
    items: &[(String, RGBColor, Swatch)],
) -> Result<f64> {
    let style = Style::new(11.5);
    let (mut cx, mut cy) = (x, y);
    for (text, colour, swatch) in items {
        let w = 18.0 + style.width(text) + 16.0;
        if cx > x && cx + w > x + max_w {
            cx = x;
            cy += 18.0;
        }
        if let Some(area) = area {
            match swatch {
                Swatch::Block => rect(
                    area,
                    Rect {
                        x: cx,
                        y: cy - 6.0,
                        w: 12.0,
                        h: 12.0,
                    },
                    colour.filled(),
                )?,
                Swatch::Line => line(area, &[(cx, cy), (cx + 14.0, cy)], colour.stroke_width(3))?,
                Swatch::Dot => area
                    .draw(&Circle::new(
                        (cx.round() as i32 + 6, cy.round() as i32),
                        4,
                        colour.filled(),
                    ))
                    .map_err(draw_err)?,
                Swatch::Hatch => {
                    let r = Rect {
                        x: cx,
                        y: cy - 6.0,
                        w: 12.0,
                        h: 12.0,
                    };
                    rect(area, r, palette::GRID.filled())?;
                    hatch(area, r, colour.stroke_width(1), 4.0)?;
                }
            }
            label(area, cx + 18.0, cy, text, style)?;
        }
        cx += w;
    }
    Ok(cy - y + 18.0)
}

/// Cuts a text to fit `max_w` pixels, ending in an ellipsis.
pub fn fit(text: &str, style: Style, max_w: f64) -> String {
    if style.width(text) <= max_w {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let next = format!("{out}{c}…");
        if style.width(&next) > max_w {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// [`fit`] for a text centred at `cx` on a chart `w` wide: it stays 16 px inside both edges.
pub fn fit_centred(text: &str, style: Style, cx: f64, w: f64) -> String {
    fit(text, style, 2.0 * (cx - 16.0).min(w - 16.0 - cx).max(40.0))
}

/// Cuts a text to fit `max_w` pixels in its middle: its start and its end kept, an ellipsis
/// between (`Werkzame personen in … (Wajong)`), for texts that differ only at their end.
pub fn fit_middle(text: &str, style: Style, max_w: f64) -> String {
    if style.width(text) <= max_w {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    // The most characters kept, as many from each end (the end one fewer when odd).
    let (mut lo, mut hi) = (0usize, chars.len());
    let cut = |n: usize| -> String {
        let tail = n / 2;
        let head = n - tail;
        let a: String = chars[..head].iter().collect();
        let b: String = chars[chars.len() - tail..].iter().collect();
        format!("{}…{}", a.trim_end(), b.trim_start())
    };
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if style.width(&cut(mid)) <= max_w {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
}

/// [`fit`] for a set of texts shown side by side (categories, legend names): a text cut to
/// the same as another, different text is cut in its middle instead ([`fit_middle`]), so that
/// no two different texts look alike. (When even that leaves two alike, they stay so.)
pub fn fit_apart<S: AsRef<str>>(texts: &[S], style: Style, max_w: f64) -> Vec<String> {
    let mut out: Vec<String> = texts
        .iter()
        .map(|t| fit(t.as_ref(), style, max_w))
        .collect();
    let alike: Vec<usize> = (0..out.len())
        .filter(|&i| {
            (0..out.len())
                .any(|k| k != i && out[k] == out[i] && texts[k].as_ref() != texts[i].as_ref())
        })
        .collect();
    for i in alike {
        out[i] = fit_middle(texts[i].as_ref(), style, max_w);
    }
    out
}

/// Splits a text into lines of at most `max_w` pixels at spaces (long words are cut); an
/// equation such as `n = 35` stays on one line.
pub fn wrap(text: &str, style: Style, max_w: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    // (`n = 35` is one word while the lines are made: its spaces are joiners until then.)
    for word in text.replace(" = ", "\u{2060}=\u{2060}").split_whitespace() {
        let cand = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if style.width(&cand) <= max_w || cur.is_empty() {
            cur = cand;
        } else {
            lines.push(std::mem::take(&mut cur));
            cur = word.to_string();
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
        .into_iter()
        .map(|l| fit(&l.replace('\u{2060}', " "), style, max_w))
        .collect()
}

/// [`wrap`] into at most `n` lines, the last cut to fit.
pub fn wrap_at_most(text: &str, style: Style, max_w: f64, n: usize) -> Vec<String> {
    let mut lines = wrap(text, style, max_w);
    if lines.len() > n {
        let rest = lines[n - 1..].join(" ");
        lines.truncate(n - 1);
        lines.push(fit(&rest, style, max_w));
    }
    lines
}

/// The colour of series `k`.
pub fn colour(k: usize) -> RGBColor {
    palette::SERIES[k % palette::SERIES.len()]
}

/// Colours for the categories of a distribution, from dark to light in one hue family when
/// ordered, so adjacent segments stay apart; `onbekend` is grey.
pub fn category_colour(name: &str, k: usize) -> RGBColor {
    if name == crate::data::tidy::UNKNOWN {
        return RGBColor(0xbd, 0xbd, 0xbd);
    }
    colour(k)
}

/// Whether white text is readable on a colour (luminance below about 0.4).
pub fn dark(c: RGBColor) -> bool {
    let l = 0.2126 * c.0 as f64 + 0.7152 * c.1 as f64 + 0.0722 * c.2 as f64;
    l < 140.0
}

/// A hit rectangle.
pub fn hit(r: Rect, label: String, key: &str) -> Hit {
    Hit {
        x: r.x,
        y: r.y,
        w: r.w.max(4.0),
        h: r.h.max(4.0),
        label,
        key: key.to_string(),
    }
}

/// Wraps a drawn chart for the page, with its accessible name and description.
pub fn finish(svg: String, w: u32, h: u32, texts: &Texts, hits: Vec<Hit>) -> super::Chart {
    super::Chart {
        svg: super::accessible(svg, texts.title, texts.description),
        width: w,
        height: h,
        hits,
    }
}

/// Writes the notes under a chart (wrapped), returning the height used; measures only without an
/// area.
/// The notes to write under a chart: those its subtitle does not already say (the subtitle
/// carries how rows were combined, "...; opgeteld over gemeente: 2.000 rijen -> 40 punten").
pub fn footnotes(notes: &[String], subtitle: &str) -> Vec<String> {
    let said = crate::case::lower(subtitle);
    notes
        .iter()
        .filter(|n| {
            let n = crate::case::lower(n.trim().trim_end_matches('.'));
            n.is_empty() || !said.contains(&n)
        })
        .cloned()
        .collect()
}

pub fn notes<DB: DrawingBackend>(
    area: Option<&DrawingArea<DB, Shift>>,
    x: f64,
    y: f64,
    max_w: f64,
    notes: &[String],
) -> Result<f64> {
    let style = Style::new(11.0).color(palette::MUTED);
    let mut cy = y;
    for n in notes {
        for l in wrap(n, style, max_w) {
            if let Some(a) = area {
                label(a, x, cy, &l, style)?;
            }
            cy += 14.0;
        }
    }
    Ok(cy - y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnotes_leave_out_what_the_subtitle_says() {
        let notes = vec![
            "Opgeteld over gemeente: 20 rijen -> 4 punten".to_string(),
            "Ontbrekende waarden: B.".to_string(),
        ];
        let sub = "Werkzame personen; opgeteld over gemeente: 20 rijen -> 4 punten";
        assert_eq!(footnotes(&notes, sub), ["Ontbrekende waarden: B."]);
        assert_eq!(footnotes(&notes, "Werkzame personen"), notes);
    }

    #[test]
    fn grid_splits_the_area() {
        let g = grid(
            3,
            2,
            Rect {
                x: 0.0,
                y: 0.0,
                w: 210.0,
                h: 210.0,
            },
            10.0,
            10.0,
            20.0,
        );
        assert_eq!(g.len(), 3);
        assert_eq!(g[1].x, 110.0);
        assert_eq!(g[2].y, 130.0);
        assert_eq!(g[0].h, 80.0);
    }

    #[test]
    fn scales_map_linear_and_log() {
        let s = Scale::linear(0.0, 100.0, 0.0, 200.0);
        assert_eq!(s.map(50.0), 100.0);
        let l = Scale::log(0.1, 10.0, 0.0, 200.0);
        assert!((l.map(1.0) - 100.0).abs() < 1e-9);
        assert_eq!(
            log_ticks(0.2, 20.0),
            vec![0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0]
        );
        assert_eq!(value_range([3.0, 97.0].into_iter(), true), (0.0, 100.0));
    }

    #[test]
    fn text_fits_and_wraps() {
        let s = Style::new(12.0);
        // Texts that differ at their end only: cut in the middle, each its own.
        let long = [
            "Werkzame personen in de doelgroep banenafspraak met een indicatie van het UWV (Wajong)",
            "Werkzame personen in de doelgroep banenafspraak met een indicatie van het UWV (WSW)",
            "Twente",
        ];
        let apart = fit_apart(&long, s, 160.0);
        assert_ne!(apart[0], apart[1], "{apart:?}");
        assert!(
            apart[0].ends_with("(Wajong)") && apart[0].starts_with("Werk"),
            "{apart:?}"
        );
        assert!(
            apart[0].contains('…') && s.width(&apart[0]) <= 160.0,
            "{apart:?}"
        );
        assert_eq!(apart[2], "Twente");
        // Texts that are cut apart already keep the end cut.
        let apart = fit_apart(
            &[
                "Stedendriehoek en Noordwest-Veluwe",
                "Zuid-Kennemerland en IJmond",
            ],
            s,
            100.0,
        );
        assert!(apart.iter().all(|a| a.ends_with('…')), "{apart:?}");
        let f = fit("Tijdelijke registraties: schoolverlaters", s, 100.0);
        assert!(f.ends_with('…') && s.width(&f) <= 100.0, "{f}");
        let w = wrap("een twee drie vier vijf zes", s, 60.0);
        assert!(w.len() > 1);
        assert!(w.iter().all(|l| s.width(l) <= 60.0));
    }
}
