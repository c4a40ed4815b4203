//! Line chart: values over time per series, labelled directly at the line ends (a legend instead
//! when there are small multiples), breaks where values are missing, an optional index line at 100.

use super::facet::{self, Rect, Scale, Swatch};
use super::marks;
use super::text::Style;
use super::Texts;
use super::{label, nice_ticks, palette, tick_decimals, Chart, Hit};
use crate::data::tidy::is_total;
use crate::data::tidy::LineData;
use crate::error::Result;
use crate::format::{number, Lang};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

/// The least distance between two end labels (pixels).
const LABEL_GAP: f64 = 13.0;

/// Colours per series name: the total dark, the others from the series palette.
fn colours(names: &[String]) -> Vec<(String, RGBColor)> {
    let mut k = 0;
    names
        .iter()
        .map(|n| {
            if is_total(n) {
                (n.clone(), palette::TEXT)
            } else {
                let c = facet::colour(if k >= 6 { k + 1 } else { k });
                k += 1;
                (n.clone(), c)
            }
        })
        .collect()
}

pub fn draw(d: &LineData, texts: &Texts, highlight: Option<&str>, lang: Lang) -> Result<Chart> {
    let footnotes = facet::footnotes(&d.notes, texts.subtitle);
    let names: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for s in &d.series {
            if !v.contains(&s.name) {
                v.push(s.name.clone());
            }
        }
        v
    };
    let cols = colours(&names);
    let colour_of = |n: &str| {
        cols.iter()
            .find(|(c, _)| c == n)
            .map(|c| c.1)
            .unwrap_or(palette::NEUTRAL)
    };
    let faceted = !d.facets.is_empty();
    let panels = facet::panels(&d.facets);
    let w = texts.width() as f64;
    let label_style = Style::new(11.5);
    let fmt = |v: f64| {
        let s = number(v, d.decimals, lang);
        if d.percent {
            format!("{s} %")
        } else {
            s
        }
    };
    // Direct labels need room on the right of a single panel.
    let right = if faceted {
        16.0
    } else {
        let widest = names
            .iter()
            .map(|n| {
                label_style
                    .bold()
                    .width(&facet::fit(n, label_style, (w * 0.25).min(200.0)))
            })
            .fold(0.0, f64::max);
        widest + 18.0
    };
    let legend_items: Vec<(String, RGBColor, Swatch)> = names
        .iter()
        .map(|n| (n.clone(), colour_of(n), Swatch::Line))
        .collect();
    let legend_h = if faceted {
        facet::legend::<SVGBackend>(None, 64.0, 0.0, w - 80.0, &legend_items)?
    } else {
        0.0
    };
    let notes_h = facet::notes::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &footnotes)?;
    let cols_n = if panels.len() <= 4 { 2 } else { 3 }
        .min(panels.len())
        .min(((w / 260.0) as usize).max(1));
    let rows_n = panels.len().div_ceil(cols_n.max(1));
    // A single panel labels every line at its end, 13 px apart: it grows when there are more
    // lines than 380 px holds (36 regions and the national line: 490 px), never overlapping.
    let panel_h = if faceted {
        210.0
    } else {
        (names.len() as f64 * LABEL_GAP + LABEL_GAP).max(380.0)
    };
    let title_h = if faceted { 22.0 } else { 0.0 };
    let top = 66.0 + legend_h;
    let plot_area_h = rows_n as f64 * (panel_h + title_h) + (rows_n - 1) as f64 * 34.0;
    let h = (top + plot_area_h + 44.0 + notes_h + 28.0).round();
    let outer = Rect {
        x: 70.0,
        y: top,
        w: w - 70.0 - right,
        h: plot_area_h,
    };
    let rects = facet::grid(panels.len(), cols_n, outer, 24.0, 34.0, title_h);

    // Shared axes.
    let ys = d
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.y));
    let nonneg = d
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.y))
        .all(|v| v >= 0.0);
    let (y0, y1) = facet::value_range(ys.chain(d.index.then_some(100.0)), nonneg && !d.index);
    let xs: Vec<f64> = d.x_values.iter().map(|x| x.pos).collect();
    let (x0, x1) = match (xs.first(), xs.last()) {
        (Some(a), Some(b)) if b > a => (*a, *b),
        (Some(a), _) => (*a - 1.0, *a + 1.0),
        _ => (0.0, 1.0),
    };
    let pad = (x1 - x0) * 0.04;
    let yt = nice_ticks(y0, y1, 5);
    let yd = tick_decimals(&yt);
    let markers = d.x_values.len() <= 24;

    let extra = super::header_extra(texts.width(), texts);
    let foot = super::footer_extra(texts.width(), texts);
    let (wu, hu) = (texts.width(), (h + extra + foot).round() as u32);
    let mut svg = String::new();
    let mut hits: Vec<Hit> = Vec::new();
    {
        let root = super::frame(
            &SVGBackend::with_string(&mut svg, (wu, hu)).into_drawing_area(),
            wu,
            hu,
            texts,
        )?;
        if faceted {
            facet::legend(Some(&root), 70.0, 62.0, w - 86.0, &legend_items)?;
        }
        label(
            &root,
            16.0,
            outer.y + outer.h / 2.0,
            &facet::fit(&d.y_label, Style::new(12.0), outer.h),
            Style::new(12.0)
                .anchor(HPos::Center, VPos::Center)
                .rotated(),
        )?;
        for (p, (panel, r)) in panels.iter().zip(&rects).enumerate() {
            let sx = Scale::linear(x0 - pad, x1 + pad, r.x, r.right());
            let sy = Scale::linear(y0, y1, r.bottom(), r.y);
            let first_col = p % cols_n == 0;
            facet::y_grid(&root, *r, &sy, &yt, yd, lang, first_col, "")?;
            if let Some(name) = panel {
                label(
                    &root,
                    r.x,
                    r.y - 12.0,
                    &facet::fit(name, Style::new(12.5).bold(), r.w),
                    Style::new(12.5).bold(),
                )?;
            }
            facet::line(
                &root,
                &[(r.x, r.bottom()), (r.right(), r.bottom())],
                palette::AXIS.stroke_width(1),
            )?;
            // x labels: all when they fit, else every k-th.
            let widest = d
                .x_values
                .iter()
                .map(|x| Style::new(11.0).width(&x.label))
                .fold(0.0, f64::max)
                + 8.0;
            let fit_n = (r.w / widest).floor().max(1.0) as usize;
            let every = d.x_values.len().div_ceil(fit_n).max(1);
            let n = d.x_values.len();
            // Every k-th and the last; the one before the last left out when the two would
            // overlap (`2024 K1` written into `2024 K4`).
            let mut shown: Vec<usize> = (0..n).filter(|k| k % every == 0 || k + 1 == n).collect();
            if let [.., before, last] = shown[..] {
                let gap = sx.map(d.x_values[last].pos) - sx.map(d.x_values[before].pos);
                if before > 0 && gap.abs() < widest {
                    shown.retain(|&k| k != before);
                }
            }
            for x in shown.iter().map(|&k| &d.x_values[k]) {
                let px = sx.map(x.pos);
                facet::line(
                    &root,
                    &[(px, r.bottom()), (px, r.bottom() + 4.0)],
                    palette::AXIS.stroke_width(1),
                )?;
                label(
                    &root,
                    px,
                    r.bottom() + 13.0,
                    &x.label,
                    Style::new(11.0)
                        .color(palette::MUTED)
                        .anchor(HPos::Center, VPos::Center),
                )?;
            }
            if d.index {
                facet::dashed(
                    &root,
                    (r.x, sy.map(100.0)),
                    (r.right(), sy.map(100.0)),
                    palette::AXIS.stroke_width(1),
                    5.0,
                )?;
            }
            // Lines: highlighted series last, others muted when something is highlighted.
            let mut order: Vec<&crate::data::tidy::Series> =
                d.series.iter().filter(|s| s.facet == *panel).collect();
            crate::sort::sort_by_key(&mut order, |s| highlight == Some(s.name.as_str()));
            let mut ends: Vec<(usize, (f64, f64))> = Vec::new();
            for (k, s) in order.iter().enumerate() {
                let hl = highlight == Some(s.name.as_str());
                let c = if highlight.is_some() && !hl {
                    palette::NEUTRAL.mix(0.5)
                } else {
                    colour_of(&s.name).mix(1.0)
                };
                let width = if hl || is_total(&s.name) { 3 } else { 2 };
                let pts: Vec<Option<(f64, f64)>> = s
                    .points
                    .iter()
                    .zip(&d.x_values)
                    .map(|(pt, x)| pt.y.map(|y| (sx.map(x.pos), sy.map(y))))
                    .collect();
                marks::series(
                    &root,
                    &pts,
                    marks::LineStyle {
                        colour: c,
                        width,
                        dashed: d.dashed.contains(&s.name),
                        dots: markers.then_some(3),
                    },
                )?;
                for (j, (pt, xv)) in pts.iter().zip(&d.x_values).enumerate() {
                    let Some((px, py)) = pt else { continue };
                    let v = s.points.get(j).and_then(|p| p.y).unwrap_or(0.0);
                    let mut tip = format!("{}, {}: {}", s.name, xv.label, fmt(v));
                    if let Some(orig) = s.points.get(j).and_then(|p| p.value) {
                        tip.push_str(&format!(" ({})", number(orig, 0, lang)));
                    }
                    if let Some(fc) = panel {
                        tip = format!("{fc} – {tip}");
                    }
                    hits.push(facet::hit(
                        Rect {
                            x: px - 6.0,
                            y: py - 6.0,
                            w: 12.0,
                            h: 12.0,
                        },
                        tip,
                        &s.name,
                    ));
                }
                if let Some(end) = pts.iter().rev().flatten().next() {
                    ends.push((k, *end));
                }
            }
            if !faceted {
                // The names, cut so that no two look alike.
                let names: Vec<&str> = order.iter().map(|s| s.name.as_str()).collect();
                let shown = facet::fit_apart(&names, label_style, right - 12.0);
                let labels: Vec<marks::EndText> = ends
                    .into_iter()
                    .filter_map(|(k, end)| {
                        let s = order.get(k)?;
                        let hl = highlight == Some(s.name.as_str());
                        let c = if highlight.is_some() && !hl {
                            palette::MUTED
                        } else {
                            colour_of(&s.name)
                        };
                        let bold = hl || is_total(&s.name);
                        let st = if bold {
                            label_style.bold()
                        } else {
                            label_style
                        };
                        Some(marks::EndText {
                            end,
                            text: if bold {
                                facet::fit(&s.name, st, right - 12.0)
                            } else {
                                shown.get(k).cloned().unwrap_or_default()
                            },
                            style: st.color(c),
                        })
                    })
                    .collect();
                marks::end_labels(
                    &root,
                    r.right() + 8.0,
                    &labels,
                    LABEL_GAP,
                    (r.y, r.bottom()),
                )?;
            }
        }
        label(
            &root,
            outer.x + outer.w / 2.0,
            outer.bottom() + 34.0,
            &d.x_label,
            Style::new(12.0).anchor(HPos::Center, VPos::Center),
        )?;
        facet::notes(
            Some(&root),
            16.0,
            outer.bottom() + 58.0,
            w - 32.0,
            &footnotes,
        )?;
        root.present().map_err(super::draw_err)?;
    }
    super::shift(&mut hits, extra);
    Ok(facet::finish(svg, wu, hu, texts, hits))
}
