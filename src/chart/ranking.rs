//! Ranked horizontal bars per region relative to national (zero line = national), outliers
//! coloured and marked with a triangle, the ±k·SD thresholds drawn as dashed lines.

use super::facet::{self, Rect, Scale};
use super::marks;
use super::text::Style;
use super::{draw_err, label, nice_ticks, palette, tick_decimals, Chart, Hit};
use crate::data::regional::{outlier_word, Against, Bar};
use crate::data::Outlier;
use crate::error::Result;
use crate::format::{number, pp, pp_unit, signed, t, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub const WIDTH: u32 = 820;
/// Height of one bar's row, in px.
pub const ROW: f64 = 22.0;
pub(crate) const NAME_SIZE: f64 = 11.5;

pub struct Input<'a> {
    pub bars: &'a [Bar],
    pub national: f64,
    pub sd: f64,
    pub k: f64,
    pub value_unit: &'a str,
    /// The measure ranked, named in the tooltips ("Groei werkenden (Wajong) 2015-2017").
    pub label: &'a str,
}

use super::Texts;

pub(crate) fn colour(o: Option<Outlier>) -> RGBColor {
    match o {
        Some(o) if o.is_up() => palette::UP,
        Some(_) => palette::DOWN,
        None => palette::NEUTRAL,
    }
}

/// Light fill for ordinary bars, so the coloured outliers stand out.
pub(crate) const BAR_NEUTRAL: RGBColor = RGBColor(0xa6, 0xa6, 0xa6);

pub(crate) fn bar_colour(o: Option<Outlier>) -> RGBColor {
    match o {
        None => BAR_NEUTRAL,
        o => colour(o),
    }
}

/// A triangle pointing up (outlier up) or down (outlier down), centred at (x, y).
pub(crate) fn triangle<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    up: bool,
    size: i32,
) -> Result<()> {
    let s = size;
    let pts = if up {
        vec![(x, y - s), (x - s, y + s * 2 / 3), (x + s, y + s * 2 / 3)]
    } else {
        vec![(x, y + s), (x - s, y - s * 2 / 3), (x + s, y - s * 2 / 3)]
    };
    let c = if up { palette::UP } else { palette::DOWN };
    area.draw(&Polygon::new(pts, c.filled())).map_err(draw_err)
}

/// Width of the region-name column: the longest name, within bounds.
pub(crate) fn name_width(names: impl Iterator<Item = impl AsRef<str>>) -> f64 {
    names
        .map(|n| Style::new(NAME_SIZE).bold().width(n.as_ref()))
        .fold(60.0f64, f64::max)
        .min(260.0)
}

/// Draws the name of a region right-aligned at `x`, highlighted or coloured by outlier, with a
/// triangle for outliers between the name and the plot.
pub(crate) fn region_name<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: f64,
    y: f64,
    name: &str,
    outlier: Option<Outlier>,
    highlighted: bool,
) -> Result<()> {
    let mut style = Style::new(NAME_SIZE)
        .color(if highlighted {
            palette::HIGHLIGHT
        } else {
            match outlier {
                Some(o) => colour(Some(o)),
                None => palette::TEXT,
            }
        })
        .anchor(HPos::Right, VPos::Center);
    if highlighted || outlier.is_some() {
        style = style.bold();
    }
    label(area, x - 16.0, y, name, style)?;
    if let Some(o) = outlier {
        triangle(area, (x as i32 - 7, y as i32), o.is_up(), 5)?;
    }
    Ok(())
}

/// The light band behind a highlighted row.
pub(crate) const HIGHLIGHT_BAND: RGBColor = RGBColor(0xfd, 0xe8, 0xd7);

/// A light band behind a highlighted row.
pub(crate) fn highlight_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x0: f64,
    x1: f64,
    y: f64,
) -> Result<()> {
    area.draw(&Rectangle::new(
        [
            (x0 as i32, (y - ROW / 2.0) as i32),
            (x1 as i32, (y + ROW / 2.0) as i32),
        ],
        HIGHLIGHT_BAND.filled(),
    ))
    .map_err(draw_err)
}

/// The value axis under a bar chart: grid lines and tick labels over `plot`, its title below.
pub(crate) fn value_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    sx: &Scale,
    plot: Rect,
    title: &str,
    lang: Lang,
) -> Result<()> {
    let ticks = nice_ticks(sx.d0, sx.d1, 8);
    facet::x_grid(
        area,
        plot,
        sx,
        &ticks,
        tick_decimals(&ticks),
        lang,
        true,
        "",
    )?;
    label(
        area,
        (plot.x + plot.right()) / 2.0,
        plot.bottom() + 31.0,
        title,
        Style::new(12.0).anchor(HPos::Center, VPos::Center),
    )
}

/// Height of a bar chart with `n` rows (plus `extra` rows, e.g. a national bar).
pub fn height(n: usize, extra: usize) -> u32 {
    (PLOT_TOP + 20.0 + (n + extra) as f64 * ROW + 94.0) as u32
}

pub(crate) const PLOT_TOP: f64 = 66.0;

pub fn draw(input: &Input, texts: &Texts, highlight: Option<&str>, lang: Lang) -> Result<Chart> {
    let n = input.bars.len();
    let (w, h) = (WIDTH, height(n, 0));
    let mut svg = String::new();
    let mut hits = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        super::frame(&root, w, h, texts.title, texts.subtitle, texts.source)?;
        let names_w = name_width(input.bars.iter().map(|b| b.region.as_str()));
        let left = 16.0 + names_w + 20.0;
        let right = w as f64 - 24.0;
        let thr = input.k * input.sd;
        let lo = input
            .bars
            .iter()
            .map(|b| b.relative)
            .fold(-thr, f64::min)
            .min(0.0);
        let hi = input
            .bars
            .iter()
            .map(|b| b.relative)
            .fold(thr, f64::max)
            .max(0.0);
        let span = (hi - lo).max(1.0);
        // Room for the value labels beyond the bar ends.
        let sc = Scale::linear(lo - span * 0.11, hi + span * 0.11, left, right);
        let top = PLOT_TOP + 20.0;
        let bottom = top + n as f64 * ROW;
        let plot = Rect {
            x: left,
            y: top,
            w: right - left,
            h: bottom - top,
        };
        value_axis(
            &root,
            &sc,
            plot,
            &format!(
                "{} ({})",
                t(lang, "Verschil met landelijk", "Difference from national"),
                pp_unit(lang)
            ),
            lang,
        )?;
        // Thresholds at ±k·SD, labelled above the plot.
        let ktext = crate::format::k_text(input.k, lang);
        for (v, txt) in [
            (thr, format!("+{ktext} sd")),
            (-thr, format!("-{ktext} sd")),
        ] {
            if thr > 0.0 {
                let x = sc.map(v).round();
                threshold(&root, x, top - 4.0, bottom)?;
                label(
                    &root,
                    x,
                    top - 11.0,
                    &txt,
                    Style::new(10.5)
                        .color(palette::MUTED)
                        .anchor(HPos::Center, VPos::Center),
                )?;
            }
        }
        let x0 = sc.map(0.0);
        label(
            &root,
            x0,
            top - 11.0,
            &format!(
                "{} ({} {})",
                t(lang, "landelijk", "national"),
                number(input.national, 1, lang),
                input.value_unit
            ),
            Style::new(10.5).bold().anchor(HPos::Center, VPos::Center),
        )?;
        for (i, b) in input.bars.iter().enumerate() {
            let y = top + (i as f64 + 0.5) * ROW;
            let is_hl = highlight.is_some_and(|r| r == b.region);
            if is_hl {
                highlight_row(&root, 12.0, right + 8.0, y)?;
            }
            region_name(&root, left, y, &b.region, b.outlier, is_hl)?;
            let text = signed(b.relative, 1, lang);
            marks::hbar(
                &root,
                &sc,
                0.0,
                b.relative,
                y - 7.0,
                14.0,
                bar_colour(b.outlier),
                Some(marks::EndLabel {
                    text: &text,
                    style: Style::new(10.5).color(match b.outlier {
                        None => palette::MUTED,
                        o => colour(o),
                    }),
                    background: Some(if is_hl { HIGHLIGHT_BAND } else { WHITE }),
                }),
            )?;
            hits.push(Hit {
                x: 12.0,
                y: y - ROW / 2.0,
                w: right - 12.0,
                h: ROW,
                label: tooltip(input.label, b, input.value_unit, lang),
                key: b.region.clone(),
            });
        }
        // The national zero line over the bars.
        facet::line(
            &root,
            &[(x0, top - 4.0), (x0, bottom)],
            palette::AXIS.stroke_width(1),
        )?;
        legend(&root, 16.0, bottom + 58.0, input.k, lang)?;
        root.present().map_err(draw_err)?;
    }
    Ok(Chart {
        svg: super::accessible(svg, texts.title, texts.description),
        width: w,
        height: h,
        hits,
    })
}

/// A threshold line (dashed, muted) from `y0` to `y1` at `x`.
pub(crate) fn threshold<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: f64,
    y0: f64,
    y1: f64,
) -> Result<()> {
    facet::dashed(area, (x, y0), (x, y1), palette::MUTED.stroke_width(1), 5.0)
}

/// Legend: ordinary bar, outlier up, outlier down, threshold.
pub(crate) fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: f64,
    y: f64,
    k: f64,
    lang: Lang,
) -> Result<()> {
    let k = crate::format::k_text(k, lang);
    let style = Style::new(11.0);
    let mut lx = x;
    let items = match lang {
        Lang::Nl => [
            (None, format!("binnen {k} sd van landelijk")),
            (Some(Outlier::Up), format!("boven landelijk (> {k} sd)")),
            (Some(Outlier::Down), format!("onder landelijk (> {k} sd)")),
        ],
        Lang::En => [
            (None, format!("within {k} sd of national")),
            (Some(Outlier::Up), format!("above national (> {k} sd)")),
            (Some(Outlier::Down), format!("below national (> {k} sd)")),
        ],
    };
    for (o, text) in items {
        area.draw(&Rectangle::new(
            [(lx as i32, y as i32 - 5), (lx as i32 + 16, y as i32 + 5)],
            bar_colour(o).filled(),
        ))
        .map_err(draw_err)?;
        lx += 20.0;
        if let Some(o) = o {
            triangle(area, (lx as i32 + 5, y as i32), o.is_up(), 5)?;
            lx += 14.0;
        }
        label(area, lx, y, &text, style)?;
        lx += style.width(&text) + 20.0;
    }
    threshold(area, lx + 4.0, y - 8.0, y + 8.0)?;
    label(
        area,
        lx + 12.0,
        y,
        &format!("{} ±{k} sd", t(lang, "grens", "threshold")),
        style,
    )
}

/// The text of a bar on hover or focus: the measure, the region's value, its difference from
/// national and the outlier class. "Twente – Groei werkenden (Wajong) 2015-2017: 38,3 %
/// (+15,4 %-punt t.o.v. landelijk); boven landelijk".
pub fn tooltip(measure: &str, b: &Bar, unit: &str, lang: Lang) -> String {
    let mut s = format!(
        "{} – {measure}: {} {unit} ({} {})",
        b.region,
        number(b.value, 1, lang),
        pp(b.relative, lang),
        t(lang, "t.o.v. landelijk", "vs. national"),
    );
    if let Some(o) = b.outlier {
        s.push_str("; ");
        s.push_str(&outlier_word(o, Against::National, lang));
    }
    s
}
