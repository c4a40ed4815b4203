//! The regional scatterplot: axes crossing at the national value (0,0), a point per region,
//! the OLS trendline with equation and R², outliers coloured and shaped and labelled.

use super::text::Style;
use super::{draw_err, label, nice_ticks, palette, tick_decimals, Chart, Hit};
use crate::data::regional::{outlier_word, Against, ScatterData};
use crate::data::Outlier;
use crate::error::Result;
use crate::format::{number, pct, pp, t, Lang};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub const WIDTH: u32 = 820;
pub const HEIGHT: u32 = 620;

use super::Texts;

fn colour(o: Option<Outlier>) -> RGBColor {
    match o {
        Some(Outlier::Up) => palette::UP,
        Some(Outlier::UpStrong) => palette::UP_STRONG,
        Some(Outlier::Down) => palette::DOWN,
        Some(Outlier::DownStrong) => palette::DOWN_STRONG,
        None => palette::NEUTRAL,
    }
}

/// Draws the marker of a point: a circle for ordinary regions, a triangle pointing up or down for
/// outliers (shape as well as colour), larger and outlined for strong ones.
fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    (x, y): (i32, i32),
    o: Option<Outlier>,
) -> Result<()> {
    let c = colour(o);
    match o {
        None => area
            .draw(&Circle::new((x, y), 4, c.mix(0.75).filled()))
            .map_err(draw_err),
        Some(o) => {
            let s = if o.is_strong() { 8 } else { 6 };
            let pts = if o.is_up() {
                vec![(x, y - s), (x - s, y + s * 2 / 3), (x + s, y + s * 2 / 3)]
            } else {
                vec![(x, y + s), (x - s, y - s * 2 / 3), (x + s, y - s * 2 / 3)]
            };
            area.draw(&Polygon::new(pts.clone(), c.filled()))
                .map_err(draw_err)?;
            if o.is_strong() {
                let mut closed = pts.clone();
                closed.push(pts[0]);
                area.draw(&PathElement::new(closed, BLACK.stroke_width(1)))
                    .map_err(draw_err)?;
            }
            Ok(())
        }
    }
}

fn pad(lo: f64, hi: f64) -> (f64, f64) {
    let span = (hi - lo).max(1.0);
    (lo - span * 0.06, hi + span * 0.06)
}

pub fn draw(
    data: &ScatterData,
    texts: &Texts,
    highlight: Option<&str>,
    lang: Lang,
) -> Result<Chart> {
    let (w, h) = (WIDTH, HEIGHT);
    let mut svg = String::new();
    let mut hits = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        super::frame(&root, w, h, texts.title, texts.subtitle, texts.source)?;
        // The legend: one row when it fits, else two and a lower plot bottom.
        let legend = legend_items(data.k, lang);
        let legend_style = Style::new(11.5);
        let item_w = |text: &str| 16.0 + legend_style.width(text) + 18.0;
        let legend_w: f64 = legend.iter().map(|(_, t)| item_w(t)).sum::<f64>()
            + 28.0
            + legend_style.width(t(lang, "trendlijn", "trendline"));
        let two_rows = 78.0 + legend_w > w as f64 - 8.0;
        let (left, right, top, bottom) = (78.0, 20.0, 64.0, if two_rows { 100.0 } else { 86.0 });
        let xmin = data.points.iter().map(|p| p.x).fold(0.0f64, f64::min);
        let xmax = data.points.iter().map(|p| p.x).fold(0.0f64, f64::max);
        let ymin = data.points.iter().map(|p| p.y).fold(0.0f64, f64::min);
        let ymax = data.points.iter().map(|p| p.y).fold(0.0f64, f64::max);
        let (x0, x1) = pad(xmin, xmax);
        let (y0, y1) = pad(ymin, ymax);
        let px = (left as i32, w as i32 - right as i32);
        let py = (top as i32, h as i32 - bottom as i32);
        let coord: Cartesian2d<RangedCoordf64, RangedCoordf64> =
            Cartesian2d::new(x0..x1, y0..y1, (px.0..px.1, py.1..py.0));
        let plot = root.clone().apply_coord_spec(coord);
        let map = |x: f64, y: f64| plot.map_coordinate(&(x, y));

        // Grid and tick labels along the plot edges; the axes themselves cross at (0,0).
        let xt = nice_ticks(x0, x1, 8);
        let yt = nice_ticks(y0, y1, 8);
        let (xd, yd) = (tick_decimals(&xt), tick_decimals(&yt));
        for &t in &xt {
            plot.draw(&PathElement::new(
                vec![(t, y0), (t, y1)],
                palette::GRID.stroke_width(1),
            ))
            .map_err(draw_err)?;
            let (sx, _) = map(t, y0);
            label(
                &root,
                sx as f64,
                py.1 as f64 + 14.0,
                &number(t, xd, lang),
                Style::new(11.5)
                    .color(palette::MUTED)
                    .anchor(HPos::Center, VPos::Center),
            )?;
        }
        for &t in &yt {
            plot.draw(&PathElement::new(
                vec![(x0, t), (x1, t)],
                palette::GRID.stroke_width(1),
            ))
            .map_err(draw_err)?;
            let (_, sy) = map(x0, t);
            label(
                &root,
                px.0 as f64 - 8.0,
                sy as f64,
                &number(t, yd, lang),
                Style::new(11.5)
                    .color(palette::MUTED)
                    .anchor(HPos::Right, VPos::Center),
            )?;
        }
        plot.draw(&PathElement::new(
            vec![(x0, 0.0), (x1, 0.0)],
            palette::AXIS.stroke_width(1),
        ))
        .map_err(draw_err)?;
        plot.draw(&PathElement::new(
            vec![(0.0, y0), (0.0, y1)],
            palette::AXIS.stroke_width(1),
        ))
        .map_err(draw_err)?;
        let (ox, oy) = map(0.0, 0.0);
        label(
            &root,
            ox as f64 + 5.0,
            oy as f64 + 11.0,
            t(lang, "landelijk", "national"),
            Style::new(11.0).color(palette::MUTED),
        )?;

        // Axis titles.
        label(
            &root,
            (px.0 + px.1) as f64 / 2.0,
            py.1 as f64 + 36.0,
            &data.x_label,
            Style::new(12.5).anchor(HPos::Center, VPos::Center),
        )?;
        label(
            &root,
            20.0,
            (py.0 + py.1) as f64 / 2.0,
            &data.y_label,
            Style::new(12.5)
                .anchor(HPos::Center, VPos::Center)
                .rotated(),
        )?;

        // Trendline over the x range, clipped to the plot.
        let line: Vec<(f64, f64)> = (0..=40)
            .map(|i| x0 + (x1 - x0) * i as f64 / 40.0)
            .map(|x| (x, data.intercept + data.slope * x))
            .filter(|(_, y)| *y >= y0 && *y <= y1)
            .collect();
        if line.len() >= 2 {
            plot.draw(&PathElement::new(line, palette::TREND.stroke_width(2)))
                .map_err(draw_err)?;
        }

        // Equation and R², top left inside the plot; labels keep clear of it and of each other.
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        let eq = format!(
            "y = {}x {} {}  \u{2022}  R² = {}",
            number(data.slope, 2, lang),
            if data.intercept < 0.0 { "-" } else { "+" },
            number(data.intercept.abs(), 2, lang),
            number(data.r2, 2, lang)
        );
        let ex = px.0 as f64 + 10.0;
        let ey = py.0 as f64 + 14.0;
        root.draw(&Rectangle::new(
            [
                (ex as i32 - 4, ey as i32 - 10),
                (
                    (ex + Style::new(12.5).width(&eq) + 6.0) as i32,
                    ey as i32 + 10,
                ),
            ],
            WHITE.mix(0.85).filled(),
        ))
        .map_err(draw_err)?;
        label(
            &root,
            ex,
            ey,
            &eq,
            Style::new(12.5).color(palette::TREND).bold(),
        )?;
        placed.push((
            ex - 4.0,
            ey - 10.0,
            Style::new(12.5).bold().width(&eq) + 10.0,
            20.0,
        ));

        // Points; outliers and the highlighted region labelled, labels kept from overlapping.
        let mut order: Vec<usize> = (0..data.points.len()).collect();
        crate::sort::sort_by(&mut order, |&a, &b| {
            data.points[b]
                .residual
                .abs()
                .total_cmp(&data.points[a].residual.abs())
        });
        for &i in &order {
            let p = &data.points[i];
            let (sx, sy) = map(p.x, p.y);
            let is_hl = highlight.is_some_and(|r| r == p.region);
            if is_hl {
                root.draw(&Circle::new(
                    (sx, sy),
                    11,
                    palette::HIGHLIGHT.stroke_width(3),
                ))
                .map_err(draw_err)?;
            }
            marker(&root, (sx, sy), p.outlier)?;
            let tip = tooltip(data, p, lang);
            hits.push(Hit {
                x: sx as f64 - 7.0,
                y: sy as f64 - 7.0,
                w: 14.0,
                h: 14.0,
                label: tip,
                key: p.region.clone(),
            });
            if p.outlier.is_some() || is_hl {
                let style = Style::new(11.5).color(if is_hl {
                    palette::HIGHLIGHT
                } else {
                    colour(p.outlier)
                });
                let style = if is_hl || p.outlier.is_some_and(Outlier::is_strong) {
                    style.bold()
                } else {
                    style
                };
                let tw = style.width(&p.region);
                let candidates = [
                    (9.0, 0.0, HPos::Left),
                    (-9.0, 0.0, HPos::Right),
                    (9.0, -12.0, HPos::Left),
                    (9.0, 12.0, HPos::Left),
                    (-9.0, -12.0, HPos::Right),
                    (-9.0, 12.0, HPos::Right),
                ];
                let fits = |bx: f64, by: f64| {
                    bx >= px.0 as f64
                        && bx + tw <= px.1 as f64
                        && by >= py.0 as f64
                        && by + 13.0 <= py.1 as f64
                        && !placed.iter().any(|&(ax, ay, aw, ah)| {
                            bx < ax + aw && ax < bx + tw && by < ay + ah && ay < by + 13.0
                        })
                };
                let mut chosen = None;
                for (dx, dy, hpos) in candidates {
                    let bx = if matches!(hpos, HPos::Left) {
                        sx as f64 + dx
                    } else {
                        sx as f64 + dx - tw
                    };
                    let by = sy as f64 + dy - 6.5;
                    if fits(bx, by) {
                        chosen = Some((dx, dy, hpos, bx, by));
                        break;
                    }
                }
                let (dx, dy, hpos, bx, by) = chosen.unwrap_or_else(|| {
                    let left = sx as f64 + 9.0 + tw > px.1 as f64;
                    if left {
                        (
                            -9.0,
                            0.0,
                            HPos::Right,
                            sx as f64 - 9.0 - tw,
                            sy as f64 - 6.5,
                        )
                    } else {
                        (9.0, 0.0, HPos::Left, sx as f64 + 9.0, sy as f64 - 6.5)
                    }
                });
                placed.push((bx, by, tw, 13.0));
                label(
                    &root,
                    sx as f64 + dx,
                    sy as f64 + dy,
                    &p.region,
                    style.anchor(hpos, VPos::Center),
                )?;
            }
        }

        // Legend under the plot (two rows, the strong classes below, when one does not fit).
        let mut lx = px.0 as f64;
        let mut ly = py.1 as f64 + if two_rows { 52.0 } else { 58.0 };
        for (i, (o, text)) in legend.iter().enumerate() {
            if two_rows && i == 3 {
                lx = px.0 as f64;
                ly += 18.0;
            }
            marker(&root, (lx as i32 + 6, ly as i32), *o)?;
            label(&root, lx + 16.0, ly, text, legend_style)?;
            lx += item_w(text);
        }
        root.draw(&PathElement::new(
            vec![(lx as i32, ly as i32), (lx as i32 + 22, ly as i32)],
            palette::TREND.stroke_width(2),
        ))
        .map_err(draw_err)?;
        label(
            &root,
            lx + 28.0,
            ly,
            t(lang, "trendlijn", "trendline"),
            legend_style,
        )?;
        root.present().map_err(draw_err)?;
    }
    Ok(Chart {
        svg: super::accessible(svg, texts.title, texts.description),
        width: w,
        height: h,
        hits,
    })
}

/// The legend's entries: an ordinary region and the four outlier classes with their thresholds.
fn legend_items(k: f64, lang: Lang) -> [(Option<Outlier>, String); 5] {
    let k1 = crate::format::k_text(k, lang);
    let k2 = crate::format::k_text(2.0 * k, lang);
    let item = |o: Outlier, k: &str| {
        (
            Some(o),
            format!("{} (> {k} sd)", outlier_word(o, Against::Trend, lang)),
        )
    };
    [
        (None, t(lang, "regio", "region").to_string()),
        item(Outlier::Up, &k1),
        item(Outlier::Down, &k1),
        item(Outlier::UpStrong, &k2),
        item(Outlier::DownStrong, &k2),
    ]
}

/// The text of a point on hover or focus: both measures with the region's own value and its
/// difference from national, and the outlier class.
/// "Food Valley – Aandeel werkenden 2015: 30,8 % (-13,1 %-punt t.o.v. landelijk); groei
/// werkenden 2015-2017: 38,3 % (+15,4 %-punt); sterk boven trend".
pub fn tooltip(data: &ScatterData, p: &crate::data::regional::ScatterPoint, lang: Lang) -> String {
    let mut y_name = data.y_name.chars();
    let y_name = y_name
        .next()
        .map(|f| f.to_lowercase().chain(y_name).collect::<String>())
        .unwrap_or_default();
    let mut s = format!(
        "{} – {}: {} ({} {}); {y_name}: {} ({})",
        p.region,
        data.x_name,
        pct(p.x_value, lang),
        pp(p.x, lang),
        t(lang, "t.o.v. landelijk", "vs. national"),
        pct(p.y_value, lang),
        pp(p.y, lang),
    );
    if let Some(o) = p.outlier {
        s.push_str("; ");
        s.push_str(&outlier_word(o, Against::Trend, lang));
    }
    s
}
