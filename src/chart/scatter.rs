//! The regional scatterplot: axes crossing at the national value (0,0), a point per region,
//! the OLS trendline with equation and R², outliers coloured and shaped and labelled.

use super::facet::{self, Rect, Scale};
use super::text::Style;
use super::{draw_err, label, nice_ticks, palette, tick_decimals, Chart, Hit};
use crate::data::regional::{outlier_word, Against, ScatterData};
use crate::data::Outlier;
use crate::error::Result;
use crate::format::{number, pct, pp, t, Lang};
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

/// The chart's height at width `w`: in proportion to the width from 480 px up (so a chart drawn
/// at 820 px and scaled keeps its box when it is drawn again at the real width, and a
/// presentation can fit it to the screen), taller below that, where the legend takes more rows
/// (a phone in portrait).
pub fn height(w: u32) -> u32 {
    let w = w as f64;
    (w * HEIGHT as f64 / WIDTH as f64 + 1.5 * (480.0 - w).max(0.0)).round() as u32
}

/// The part of the line y = a + b·x inside the box [x0, x1] × [y0, y1]: its two ends, or `None`
/// when it misses the box.
pub fn clip_line(
    a: f64,
    b: f64,
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
) -> Option<[(f64, f64); 2]> {
    if !(a.is_finite() && b.is_finite()) {
        return None;
    }
    let (mut t0, mut t1) = (x0, x1);
    if b != 0.0 {
        // x where the line meets y0 and y1, in increasing x.
        let (ea, eb) = ((y0 - a) / b, (y1 - a) / b);
        let (lo, hi) = (ea.min(eb), ea.max(eb));
        t0 = t0.max(lo);
        t1 = t1.min(hi);
    } else if a < y0 || a > y1 {
        return None;
    }
    (t1 > t0).then_some([(t0, a + b * t0), (t1, a + b * t1)])
}

/// Boxes (x, y, w, h) in pixels.
type Boxes = Vec<(f64, f64, f64, f64)>;

fn overlaps(b: (f64, f64, f64, f64), boxes: &[(f64, f64, f64, f64)]) -> bool {
    boxes
        .iter()
        .any(|a| b.0 < a.0 + a.2 && a.0 < b.0 + b.2 && b.1 < a.1 + a.3 && a.1 < b.1 + b.3)
}

/// Whether the segment from `p` to `q` passes through the box.
fn crosses(p: (f64, f64), q: (f64, f64), b: (f64, f64, f64, f64)) -> bool {
    (0..=32).any(|i| {
        let t = i as f64 / 32.0;
        let (x, y) = (p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t);
        x >= b.0 && x <= b.0 + b.2 && y >= b.1 && y <= b.1 + b.3
    })
}

pub fn draw(
    data: &ScatterData,
    texts: &Texts,
    highlight: Option<&str>,
    lang: Lang,
) -> Result<Chart> {
    let w = texts.width();
    let (left, right, top) = (if w < 500 { 64.0 } else { 78.0 }, 20.0, 64.0);
    // Axis titles wrap onto a second line rather than lose their end; the chart grows by it.
    let axis_title = Style::new(12.5).anchor(HPos::Center, VPos::Center);
    let x_title = facet::wrap_at_most(&data.x_label, axis_title, w as f64 - left - right, 2);
    let x_extra = (x_title.len() - 1) as f64 * 15.0;
    let h = height(w) + x_extra as u32;
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
        // The legend wraps in rows under the plot.
        let legend = legend_items(data.k, lang);
        let legend_style = Style::new(11.5);
        let trend_text = t(lang, "trendlijn", "trendline");
        let mut items: Vec<(Option<Option<Outlier>>, &str, f64)> = legend
            .iter()
            .map(|(o, text)| {
                (
                    Some(*o),
                    text.as_str(),
                    20.0 + legend_style.width(text) + 22.0,
                )
            })
            .collect();
        // On a narrow chart the equation goes into the legend, so it never covers a point.
        let eq_in_legend = w < 600;
        let eq1 = format!(
            "y = {}x {} {}",
            number(data.slope, 2, lang),
            if data.intercept < 0.0 { "-" } else { "+" },
            number(data.intercept.abs(), 2, lang),
        );
        let eq2 = format!("R² = {}", number(data.r2, 4, lang));
        let trend_label = if eq_in_legend {
            format!("{trend_text}: {eq1}; {eq2}")
        } else {
            trend_text.to_string()
        };
        let trend_text = trend_label.as_str();
        items.push((None, trend_text, 28.0 + legend_style.width(trend_text)));
        let max_row = w as f64 - left - 12.0;
        let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0.0;
        for (k, it) in items.iter().enumerate() {
            if used > 0.0 && used + it.2 > max_row {
                rows.push(Vec::new());
                used = 0.0;
            }
            used += it.2;
            if let Some(r) = rows.last_mut() {
                r.push(k);
            }
        }
        let bottom = 68.0 + x_extra + rows.len() as f64 * 18.0;
        let xmin = data.points.iter().map(|p| p.x).fold(0.0f64, f64::min);
        let xmax = data.points.iter().map(|p| p.x).fold(0.0f64, f64::max);
        let ymin = data.points.iter().map(|p| p.y).fold(0.0f64, f64::min);
        let ymax = data.points.iter().map(|p| p.y).fold(0.0f64, f64::max);
        let (x0, x1) = pad(xmin, xmax);
        let (y0, y1) = pad(ymin, ymax);
        let px = (left, w as f64 - right);
        let py = (top, h as f64 - bottom);
        let sx = Scale::linear(x0, x1, px.0, px.1);
        let sy = Scale::linear(y0, y1, py.1, py.0);
        let map = |x: f64, y: f64| (sx.map(x), sy.map(y));
        let plot = Rect {
            x: px.0,
            y: py.0,
            w: px.1 - px.0,
            h: py.1 - py.0,
        };

        // Grid and tick labels along the plot edges; the axes themselves cross at (0,0). As many
        // ticks as fit the width; the text keeps its size.
        let xt = nice_ticks(x0, x1, ((plot.w / 64.0) as usize).clamp(2, 8));
        let yt = nice_ticks(y0, y1, ((plot.h / 40.0) as usize).clamp(2, 8));
        let (xd, yd) = (tick_decimals(&xt), tick_decimals(&yt));
        let tick = Style::new(11.5).color(palette::MUTED);
        for &v in &xt {
            let x = sx.map(v);
            facet::line(
                &root,
                &[(x, py.0), (x, py.1)],
                palette::GRID.stroke_width(1),
            )?;
            label(
                &root,
                x,
                py.1 + 14.0,
                &number(v, xd, lang),
                tick.anchor(HPos::Center, VPos::Center),
            )?;
        }
        for &v in &yt {
            let y = sy.map(v);
            facet::line(
                &root,
                &[(px.0, y), (px.1, y)],
                palette::GRID.stroke_width(1),
            )?;
            label(
                &root,
                px.0 - 8.0,
                y,
                &number(v, yd, lang),
                tick.anchor(HPos::Right, VPos::Center),
            )?;
        }
        let (ox, oy) = map(0.0, 0.0);
        facet::line(
            &root,
            &[(px.0, oy), (px.1, oy)],
            palette::AXIS.stroke_width(1),
        )?;
        facet::line(
            &root,
            &[(ox, py.0), (ox, py.1)],
            palette::AXIS.stroke_width(1),
        )?;

        // Axis titles (the y title's first line leftmost).
        for (k, l) in x_title.iter().enumerate() {
            label(
                &root,
                (px.0 + px.1) / 2.0,
                py.1 + 36.0 + k as f64 * 15.0,
                l,
                axis_title,
            )?;
        }
        let y_title = facet::wrap_at_most(&data.y_label, axis_title, plot.h, 2);
        let y_at = 20.0 - (y_title.len() - 1) as f64 * 7.5;
        for (k, l) in y_title.iter().enumerate() {
            label(
                &root,
                y_at + k as f64 * 15.0,
                (py.0 + py.1) / 2.0,
                l,
                axis_title.rotated(),
            )?;
        }

        // The trendline: one straight segment across the plot.
        let trend = clip_line(data.intercept, data.slope, (x0, x1), (y0, y1))
            .map(|[a, b]| (map(a.0, a.1), map(b.0, b.1)));
        if let Some((a, b)) = trend {
            facet::line(&root, &[a, b], palette::TREND.stroke_width(2))?;
        }

        // Every marker is an obstacle for the texts set on the plot.
        let markers: Boxes = data
            .points
            .iter()
            .map(|p| {
                let (x, y) = map(p.x, p.y);
                (x - 9.0, y - 9.0, 18.0, 18.0)
            })
            .collect();

        // Equation and R² in the corner of the plot where they cover no marker and (if possible)
        // not the trendline; on two lines when one does not fit.
        let eq_style = Style::new(12.5).color(palette::TREND).bold();
        let one = format!("{eq1}  \u{2022}  {eq2}");
        let lines: Vec<String> = if eq_style.width(&one) + 20.0 <= plot.w {
            vec![one]
        } else {
            vec![eq1, eq2]
        };
        let eq_w = lines.iter().map(|l| eq_style.width(l)).fold(0.0, f64::max) + 10.0;
        let eq_h = 20.0 + (lines.len() - 1) as f64 * 16.0;
        let corners: Boxes = [
            (px.0 + 6.0, py.0 + 4.0),
            (px.1 - 6.0 - eq_w, py.0 + 4.0),
            (px.0 + 6.0, py.1 - 4.0 - eq_h),
            (px.1 - 6.0 - eq_w, py.1 - 4.0 - eq_h),
        ]
        .iter()
        .map(|&(x, y)| (x, y, eq_w, eq_h))
        .collect();
        let covered =
            |b: (f64, f64, f64, f64)| markers.iter().filter(|m| overlaps(b, &[**m])).count();
        let on_line = |b| trend.is_some_and(|(p, q)| crosses(p, q, b));
        // A corner clear of points and the line, else clear of points, else the least covered.
        let eq_box = corners
            .iter()
            .copied()
            .find(|&b| covered(b) == 0 && !on_line(b))
            .or_else(|| corners.iter().copied().find(|&b| covered(b) == 0))
            .or_else(|| corners.iter().copied().min_by_key(|&b| covered(b)))
            .filter(|_| !eq_in_legend);
        if let Some(eq_box) = eq_box {
            facet::rect(
                &root,
                Rect {
                    x: eq_box.0,
                    y: eq_box.1,
                    w: eq_box.2,
                    h: eq_box.3,
                },
                WHITE.mix(0.85).filled(),
            )?;
            for (k, l) in lines.iter().enumerate() {
                label(
                    &root,
                    eq_box.0 + 4.0,
                    eq_box.1 + 10.0 + k as f64 * 16.0,
                    l,
                    eq_style,
                )?;
            }
        }
        let mut placed: Boxes = eq_box.into_iter().collect();

        // "landelijk" beside the crossing of the axes, where no marker is.
        let nat = t(lang, "landelijk", "national");
        let nat_style = Style::new(11.0).color(palette::MUTED);
        let nw = nat_style.width(nat);
        let spots = [
            (ox + 5.0, oy + 4.0),
            (ox - 5.0 - nw, oy + 4.0),
            (ox + 5.0, oy - 17.0),
            (ox - 5.0 - nw, oy - 17.0),
            (px.1 - 4.0 - nw, oy + 4.0),
            (px.1 - 4.0 - nw, oy - 17.0),
            (px.0 + 4.0, oy + 4.0),
            (px.0 + 4.0, oy - 17.0),
        ];
        let inside = |b: (f64, f64, f64, f64)| {
            b.0 >= px.0 && b.0 + b.2 <= px.1 && b.1 >= py.0 && b.1 + b.3 <= py.1
        };
        if let Some(b) = spots
            .iter()
            .map(|&(x, y)| (x, y, nw, 13.0))
            .find(|&b| inside(b) && !overlaps(b, &markers) && !overlaps(b, &placed))
        {
            label(&root, b.0, b.1 + 6.5, nat, nat_style)?;
            placed.push(b);
        }

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
            let (fx, fy) = map(p.x, p.y);
            let (sx, sy) = (fx.round() as i32, fy.round() as i32);
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
                // A name longer than a third of the plot is shortened (the tooltip has it whole).
                let name = facet::fit(&p.region, style, (plot.w / 3.0).max(90.0));
                let tw = style.width(&name);
                // Beside the marker (right, then left), then above or below it, then further
                // off (joined to it by a line) until a place is free.
                const DY: [f64; 9] = [0.0, -12.0, 12.0, -22.0, 22.0, -34.0, 34.0, -46.0, 46.0];
                // The highlighted region's label starts outside its ring (radius 11, 3 wide).
                let ring = if is_hl { 6.0 } else { 0.0 };
                let side = 9.0 + ring;
                // Other points' markers are obstacles too where a place clear of them exists.
                let others: Boxes = markers
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != i)
                    .map(|(_, m)| (m.0 + 3.0, m.1 + 3.0, m.2 - 6.0, m.3 - 6.0))
                    .collect();
                let fits = |bx: f64, by: f64, clear_of_points: bool| {
                    let b = (bx, by, tw, 13.0);
                    bx >= px.0
                        && bx + tw <= px.1
                        && by >= py.0
                        && by + 13.0 <= py.1
                        && !overlaps(b, &placed)
                        && !(clear_of_points && overlaps(b, &others))
                };
                let mut chosen = None;
                'search: for clear in [true, false] {
                    for k in 0..18 {
                        let dy = DY[k / 2];
                        let dx = if dy.abs() > 15.0 { 6.0 } else { 9.0 } + ring;
                        let (dx, hpos) = if k % 2 == 0 {
                            (dx, HPos::Left)
                        } else {
                            (-dx, HPos::Right)
                        };
                        let bx = if matches!(hpos, HPos::Left) {
                            sx as f64 + dx
                        } else {
                            sx as f64 + dx - tw
                        };
                        let by = sy as f64 + dy - 6.5;
                        if fits(bx, by, clear) {
                            chosen = Some((dx, dy, hpos, bx, by));
                            break 'search;
                        }
                    }
                }
                let (dx, dy, hpos, bx, by) = chosen.unwrap_or_else(|| {
                    let left = sx as f64 + side + tw > px.1;
                    if left {
                        (
                            -side,
                            0.0,
                            HPos::Right,
                            sx as f64 - side - tw,
                            sy as f64 - 6.5,
                        )
                    } else {
                        (side, 0.0, HPos::Left, sx as f64 + side, sy as f64 - 6.5)
                    }
                });
                placed.push((bx, by, tw, 13.0));
                // A label set further off is joined to its point.
                if dy.abs() > 15.0 {
                    let edge_y = if dy < 0.0 { by + 13.0 } else { by };
                    let edge_x = (sx as f64).clamp(bx, bx + tw);
                    facet::line(
                        &root,
                        &[(sx as f64, sy as f64 + dy.signum() * 7.0), (edge_x, edge_y)],
                        style.color.stroke_width(1),
                    )?;
                }
                label(
                    &root,
                    sx as f64 + dx,
                    sy as f64 + dy,
                    &name,
                    style.anchor(hpos, VPos::Center),
                )?;
            }
        }

        // Legend under the plot, in rows.
        for (r, row) in rows.iter().enumerate() {
            let ly = py.1 + 58.0 + x_extra + r as f64 * 18.0;
            let mut lx = px.0;
            for &k in row {
                let Some((o, text, iw)) = items.get(k) else {
                    continue;
                };
                match o {
                    Some(o) => {
                        marker(&root, (lx as i32 + 6, ly as i32), *o)?;
                        label(&root, lx + 16.0, ly, text, legend_style)?;
                    }
                    None => {
                        facet::line(
                            &root,
                            &[(lx, ly), (lx + 22.0, ly)],
                            palette::TREND.stroke_width(2),
                        )?;
                        label(&root, lx + 28.0, ly, text, legend_style)?;
                    }
                }
                lx += iw;
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trendline_is_clipped_to_the_plot() {
        // y = 2x through a box 0..10 x 0..10 leaves at y = 10, x = 5.
        assert_eq!(
            clip_line(0.0, 2.0, (0.0, 10.0), (0.0, 10.0)),
            Some([(0.0, 0.0), (5.0, 10.0)])
        );
        assert_eq!(clip_line(20.0, 0.0, (0.0, 10.0), (0.0, 10.0)), None);
        assert_eq!(clip_line(f64::NAN, 1.0, (0.0, 1.0), (0.0, 1.0)), None);
    }

    #[test]
    fn heights_scale_with_the_width() {
        assert_eq!(height(WIDTH), HEIGHT);
        assert_eq!(height(1640), 2 * HEIGHT);
        assert!(height(360) as f64 > 360.0 * 1.05);
        assert_eq!(height(480), 363);
    }

    /// The trend-coloured lines of a drawn scatterplot: their point lists.
    fn trend_lines(svg: &str) -> Vec<Vec<&str>> {
        svg.split("<polyline")
            .skip(1)
            .filter(|p| {
                p.split('>')
                    .next()
                    .is_some_and(|tag| tag.contains("#B3261E"))
            })
            .filter_map(|p| p.split("points=\"").nth(1)?.split('"').next())
            .map(|pts| pts.split_whitespace().collect())
            .collect()
    }

    #[test]
    fn the_trendline_is_one_straight_segment_at_every_width() {
        let ds = crate::render::Dataset::default_data().unwrap();
        for w in [280, 390, 820, 1366, 2000] {
            let r = crate::render::render_query(&ds, &format!("view=scatter&width={w}")).unwrap();
            assert_eq!(r.width, w);
            // The trendline in the plot and its sample in the legend: each one segment.
            let lines = trend_lines(&r.svg);
            assert_eq!(lines.len(), 2, "{w}: {lines:?}");
            assert!(lines.iter().all(|l| l.len() == 2), "{w}: {lines:?}");
            // The plot's line spans most of the plot's width.
            let x = |p: &str| {
                p.split(',')
                    .next()
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap()
            };
            let span = x(lines[0][1]) - x(lines[0][0]);
            assert!(span > w as f64 * 0.4, "{w}: {lines:?}");
        }
    }

    #[test]
    fn no_text_is_smaller_than_11_px_at_any_width() {
        let ds = crate::render::Dataset::default_data().unwrap();
        for view in [
            "scatter",
            "ranking",
            "trend",
            "decomposition",
            "convergence",
            "basics",
        ] {
            for w in [280, 390, 820] {
                let r =
                    crate::render::render_query(&ds, &format!("view={view}&width={w}")).unwrap();
                assert!(r.width >= w, "{view} {w}");
                for part in r.svg.split("font-size=\"").skip(1) {
                    let size: f64 = part.split('"').next().and_then(|v| v.parse().ok()).unwrap();
                    assert!(size >= 11.0, "{view} at {w}: font-size {size}");
                }
            }
        }
    }
}
