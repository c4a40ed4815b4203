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

/// Width of the region-name column: the longest name, within bounds (at most a third of the
/// chart's width; longer names are shortened, the tooltip has them whole).
pub(crate) fn name_width(names: impl Iterator<Item = impl AsRef<str>>, w: u32) -> f64 {
    names
        .map(|n| Style::new(NAME_SIZE).bold().width(n.as_ref()))
        .fold(60.0f64, f64::max)
        .min(260.0)
        .min((w as f64 * 0.34 - 20.0).max(60.0))
}

/// Draws the name of a region right-aligned at `x`, highlighted or coloured by outlier, with a
/// triangle for outliers between the name and the plot; over two lines, or shortened, when
/// wider than `max_w`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn region_name<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: f64,
    y: f64,
    name: &str,
    max_w: f64,
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
    // A name too long for its column goes over two lines within its row, and is shortened
    // only when two lines do not hold it either.
    // (`Zaanstreek/Waterland` breaks after its slash.)
    let lines = if style.width(name) > max_w {
        let fits = |two: &[String]| two.len() == 2 && two.iter().all(|l| style.width(l) <= max_w);
        let at_slash = name
            .split_once('/')
            .map(|(a, b)| vec![format!("{a}/"), b.to_string()]);
        match facet::wrap(name, style, max_w) {
            two if fits(&two) && !two.iter().any(|l| l.ends_with('…')) => two,
            _ => match at_slash {
                Some(two) if fits(&two) => two,
                _ => vec![facet::fit(name, style, max_w)],
            },
        }
    } else {
        vec![name.to_string()]
    };
    let middle = (lines.len() as f64 - 1.0) / 2.0;
    for (k, line) in lines.iter().enumerate() {
        let dy = (k as f64 - middle) * 10.5;
        label(area, x - 16.0, y + dy, line, style)?;
    }
    if let Some(o) = outlier {
        marks::triangle(area, (x - 7.0, y), o.is_up(), 5.0)?;
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
    let ticks = nice_ticks(sx.d0, sx.d1, ((plot.w / 64.0) as usize).clamp(2, 8));
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

/// Height of a bar chart with `n` rows (plus `extra` rows, e.g. a national bar) and a legend
/// of `legend_rows` rows.
pub fn height(n: usize, extra: usize, legend_rows: usize) -> u32 {
    (PLOT_TOP
        + 20.0
        + (n + extra) as f64 * ROW
        + 94.0
        + legend_rows.saturating_sub(1) as f64 * 18.0) as u32
}

pub(crate) const PLOT_TOP: f64 = 66.0;

pub fn draw(input: &Input, texts: &Texts, highlight: Option<&str>, lang: Lang) -> Result<Chart> {
    let n = input.bars.len();
    let w = texts.width();
    let legend_rows = legend::<SVGBackend>(None, (16.0, 0.0), w as f64 - 32.0, input.k, lang)?;
    let h = height(n, 0, legend_rows);
    let extra = super::header_extra(w, texts);
    let foot = super::footer_extra(w, texts);
    let mut svg = String::new();
    let mut hits = Vec::new();
    {
        let root = super::frame(
            &SVGBackend::with_string(&mut svg, (w, h + (extra + foot).round() as u32))
                .into_drawing_area(),
            w,
            h + (extra + foot).round() as u32,
            texts,
        )?;
        let names_w = name_width(input.bars.iter().map(|b| b.region.as_str()), w);
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
        let room = input
            .bars
            .iter()
            .map(|b| Style::new(11.0).width(&signed(b.relative, 1, lang)))
            .fold(0.0, f64::max)
            + 8.0;
        let sc = Scale::linear(
            lo - span * 0.02,
            hi + span * 0.02,
            left + room,
            right - room,
        );
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
        let x0 = sc.map(0.0);
        let national = format!(
            "{} ({} {})",
            t(lang, "landelijk", "national"),
            number(input.national, 1, lang),
            input.value_unit
        );
        let nat_style = Style::new(11.0).bold().anchor(HPos::Center, VPos::Center);
        let nat_half = nat_style.width(&national) / 2.0 + 6.0;
        // Thresholds at ±k·SD, labelled above the plot where the national label leaves room.
        let ktext = crate::format::k_text(input.k, lang);
        for (v, txt) in [
            (thr, format!("+{ktext} sd")),
            (-thr, format!("-{ktext} sd")),
        ] {
            if thr > 0.0 {
                let x = sc.map(v).round();
                threshold(&root, x, top - 4.0, bottom)?;
                let half = Style::new(11.0).width(&txt) / 2.0;
                if (x - x0).abs() < nat_half + half || x - half < 4.0 || x + half > w as f64 - 4.0 {
                    continue;
                }
                label(
                    &root,
                    x,
                    top - 11.0,
                    &txt,
                    Style::new(11.0)
                        .color(palette::MUTED)
                        .anchor(HPos::Center, VPos::Center),
                )?;
            }
        }
        label(
            &root,
            x0.clamp(nat_half, w as f64 - nat_half),
            top - 11.0,
            &national,
            nat_style,
        )?;
        for (i, b) in input.bars.iter().enumerate() {
            let y = top + (i as f64 + 0.5) * ROW;
            let is_hl = highlight.is_some_and(|r| r == b.region);
            if is_hl {
                highlight_row(&root, 12.0, right + 8.0, y)?;
            }
            region_name(&root, left, y, &b.region, names_w, b.outlier, is_hl)?;
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
                    style: Style::new(11.0).color(match b.outlier {
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
        legend(
            Some(&root),
            (16.0, bottom + 58.0),
            w as f64 - 32.0,
            input.k,
            lang,
        )?;
        root.present().map_err(draw_err)?;
    }
    super::shift(&mut hits, extra);
    Ok(Chart {
        svg: super::accessible(svg, texts.title, texts.description),
        width: w,
        height: h + (extra + foot).round() as u32,
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

/// Legend: ordinary bar, outlier up, outlier down, threshold; in rows that wrap at `max_w`.
/// Returns the number of rows; draws only with an area.
pub(crate) fn legend<DB: DrawingBackend>(
    area: Option<&DrawingArea<DB, Shift>>,
    at: (f64, f64),
    max_w: f64,
    k: f64,
    lang: Lang,
) -> Result<usize> {
    use marks::Key;
    let k = crate::format::k_text(k, lang);
    let bar = |o| Key::BarTriangle(bar_colour(Some(o)), o == Outlier::Up);
    let items = match lang {
        Lang::Nl => [
            (
                Key::Bar(BAR_NEUTRAL),
                format!("binnen {k} sd van landelijk"),
            ),
            (bar(Outlier::Up), format!("boven landelijk (> {k} sd)")),
            (bar(Outlier::Down), format!("onder landelijk (> {k} sd)")),
            (Key::Threshold, format!("grens ±{k} sd")),
        ],
        Lang::En => [
            (Key::Bar(BAR_NEUTRAL), format!("within {k} sd of national")),
            (bar(Outlier::Up), format!("above national (> {k} sd)")),
            (bar(Outlier::Down), format!("below national (> {k} sd)")),
            (Key::Threshold, format!("threshold ±{k} sd")),
        ],
    };
    marks::key_legend(area, &items, at, max_w)
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
