//! Forest plot: an estimate per term on a log scale with a line at 1, terms grouped under their
//! dimension with its reference category written, one colour per model (dodged within a row) or
//! one panel per facet. Significance shows as the fill of the marker: full for `**`, half for
//! `*`, open when not significant (shape, not only colour).

use super::facet::{self, Rect, Scale, Swatch};
use super::text::Style;
use super::Texts;
use super::{draw_err, label, palette, Chart, Hit};
use crate::data::tidy::{stars, ForestData};
use crate::error::Result;
use crate::format::{number, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

/// Draws a significance marker: filled (2 stars), half filled (1 star) or open.
fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (f64, f64),
    r: f64,
    c: RGBColor,
    level: usize,
) -> Result<()> {
    let (xi, yi) = (x.round() as i32, y.round() as i32);
    let ri = r.round() as i32;
    area.draw(&Circle::new((xi, yi), ri, WHITE.filled()))
        .map_err(draw_err)?;
    match level {
        2 => area
            .draw(&Circle::new((xi, yi), ri, c.filled()))
            .map_err(draw_err)?,
        1 => {
            // Left half filled.
            let pts: Vec<(i32, i32)> = (0..=12)
                .map(|k| {
                    let a = std::f64::consts::FRAC_PI_2 + std::f64::consts::PI * k as f64 / 12.0;
                    (
                        (x + r * a.cos()).round() as i32,
                        (y - r * a.sin()).round() as i32,
                    )
                })
                .collect();
            area.draw(&Polygon::new(pts, c.filled()))
                .map_err(draw_err)?;
        }
        _ => {}
    }
    area.draw(&Circle::new((xi, yi), ri, c.stroke_width(2)))
        .map_err(draw_err)?;
    Ok(())
}

pub fn draw(d: &ForestData, texts: &Texts, lang: Lang) -> Result<Chart> {
    let w = texts.width() as f64;
    let models = facet::panels(&d.models);
    let panels = facet::panels(&d.facets);
    let colour_of = |m: &Option<String>| {
        models
            .iter()
            .position(|x| x == m)
            .map(facet::colour)
            .unwrap_or(palette::SERIES[0])
    };
    let legend_items: Vec<(String, RGBColor, Swatch)> = if d.models.is_empty() {
        Vec::new()
    } else {
        d.models
            .iter()
            .enumerate()
            .map(|(k, m)| (m.clone(), facet::colour(k), Swatch::Dot))
            .collect()
    };
    // Significance legend: markers drawn by hand after the model legend.
    let levels: Vec<(usize, String)> = if d.significance_column.is_some() {
        let mut v = Vec::new();
        for (lvl, text) in [
            (2, "**"),
            (1, "*"),
            (
                0,
                crate::format::t(lang, "niet significant", "not significant"),
            ),
        ] {
            if d.rows
                .iter()
                .any(|r| stars(r.significance.as_deref()) == lvl)
            {
                v.push((lvl, text.to_string()));
            }
        }
        v
    } else {
        Vec::new()
    };
    let legend_h = if legend_items.is_empty() {
        0.0
    } else {
        facet::legend::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &legend_items)?
    };
    let sig_h = if levels.is_empty() { 0.0 } else { 20.0 };

    let term_style = Style::new(11.5);
    let label_w = d
        .dimensions
        .iter()
        .flat_map(|dm| dm.terms.iter())
        .map(|t| term_style.width(t))
        .fold(0.0, f64::max)
        .min(200.0)
        .min(texts.width() as f64 * 0.3)
        + 12.0;
    let m = models.len() as f64;
    // Models dodge within a row, far enough apart that markers hardly overlap.
    let spacing = if m > 1.0 {
        (24.0 / m).clamp(4.6, 7.0)
    } else {
        0.0
    };
    let radius = if m > 4.0 { 3.2 } else { 4.5 };
    let row_h = (spacing * (m - 1.0) + 12.0).max(20.0);
    let head_h = 22.0;
    let n_terms: usize = d.dimensions.iter().map(|dm| dm.terms.len()).sum();
    let show_heads = d.dimensions.len() > 1 || d.dimensions.iter().any(|dm| !dm.name.is_empty());
    let plot_h = n_terms as f64 * row_h
        + if show_heads {
            d.dimensions.len() as f64 * head_h
        } else {
            0.0
        };
    let panel_title_h = if d.facets.is_empty() { 0.0 } else { 20.0 };
    let top = 66.0 + legend_h + sig_h + panel_title_h;
    let notes_h = facet::notes::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &d.notes)?;
    let h = (top + plot_h + 50.0 + notes_h + 26.0).round();
    let left = 16.0 + label_w;
    let outer = Rect {
        x: left,
        y: top,
        w: w - left - 20.0,
        h: plot_h,
    };
    let rects = facet::grid(panels.len(), panels.len(), outer, 18.0, 0.0, 0.0);

    let est: Vec<f64> = d
        .rows
        .iter()
        .filter_map(|r| r.estimate)
        .filter(|v| *v > 0.0 || !d.log)
        .collect();
    let lo = est.iter().copied().fold(1.0_f64, f64::min);
    let hi = est.iter().copied().fold(1.0_f64, f64::max);
    let (x0, x1, ticks) = if d.log {
        let (a, b) = (lo / 1.15, hi * 1.15);
        (a, b, facet::log_ticks(a, b))
    } else {
        let (a, b) = facet::value_range(est.iter().copied(), true);
        (a, b, super::nice_ticks(a, b, 5))
    };
    let td = ticks
        .iter()
        .map(|t| if *t < 1.0 { 1 } else { 0 })
        .max()
        .unwrap_or(0);

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
        let mut ly = 64.0;
        if !legend_items.is_empty() {
            facet::legend(Some(&root), 16.0, ly, w - 32.0, &legend_items)?;
            ly += legend_h;
        }
        if !levels.is_empty() {
            let mut lx = 16.0;
            let st = Style::new(11.5);
            let head = crate::format::t(lang, "Significantie:", "Significance:");
            label(&root, lx, ly, head, st)?;
            lx += st.width(head) + 12.0;
            for (lvl, t) in &levels {
                marker(&root, (lx + 5.0, ly), 5.0, palette::TEXT, *lvl)?;
                label(&root, lx + 14.0, ly, t, st)?;
                lx += 14.0 + st.width(t) + 18.0;
            }
        }
        for (p, (panel, r)) in panels.iter().zip(&rects).enumerate() {
            let sx = if d.log {
                Scale::log(x0, x1, r.x + 6.0, r.right() - 6.0)
            } else {
                Scale::linear(x0, x1, r.x + 6.0, r.right() - 6.0)
            };
            if let Some(name) = panel {
                label(
                    &root,
                    r.x + r.w / 2.0,
                    r.y - 12.0,
                    &facet::fit(name, Style::new(12.5).bold(), r.w),
                    Style::new(12.5).bold().anchor(HPos::Center, VPos::Center),
                )?;
            }
            // Row backgrounds per dimension, alternating, to keep long lists readable.
            let mut y = r.y;
            let mut positions: Vec<(String, String, f64)> = Vec::new();
            for (di, dm) in d.dimensions.iter().enumerate() {
                let block_h = dm.terms.len() as f64 * row_h + if show_heads { head_h } else { 0.0 };
                if di % 2 == 1 {
                    facet::rect(
                        &root,
                        Rect {
                            x: if p == 0 { 12.0 } else { r.x },
                            y,
                            w: if p == 0 { r.right() - 12.0 } else { r.w },
                            h: block_h,
                        },
                        RGBColor(0xf4, 0xf4, 0xf4).filled(),
                    )?;
                }
                if show_heads {
                    if p == 0 {
                        let head = Style::new(12.0).bold();
                        label(&root, 16.0, y + head_h / 2.0 + 1.0, &dm.name, head)?;
                        if let Some(rf) = &dm.reference {
                            let x = 16.0 + head.width(&dm.name) + 8.0;
                            let text = format!(
                                "{}: {rf}",
                                crate::format::t(lang, "referentie", "reference")
                            );
                            label(
                                &root,
                                x,
                                y + head_h / 2.0 + 1.0,
                                &facet::fit(&text, Style::new(11.0), w - x - 20.0),
                                Style::new(11.0).color(palette::MUTED),
                            )?;
                        }
                    }
                    y += head_h;
                }
                for t in &dm.terms {
                    positions.push((dm.name.clone(), t.clone(), y + row_h / 2.0));
                    if p == 0 {
                        label(
                            &root,
                            r.x - 8.0,
                            y + row_h / 2.0,
                            &facet::fit(t, term_style, label_w - 12.0),
                            term_style.anchor(HPos::Right, VPos::Center),
                        )?;
                    }
                    y += row_h;
                }
            }
            facet::x_grid(
                &root,
                Rect {
                    y: r.y,
                    h: plot_h,
                    ..*r
                },
                &sx,
                &ticks,
                td,
                lang,
                !d.log,
                "",
            )?;
            if d.log {
                // Log ticks: 0,2 and 0,5 need a decimal, 1, 2, 5 and 10 none.
                for &t in &ticks {
                    label(
                        &root,
                        sx.map(t),
                        r.y + plot_h + 12.0,
                        // As many decimals as the tick needs (0,05, 0,001; 0,5; 2).
                        &number(t, tick_decimals_log(t), lang),
                        Style::new(11.0)
                            .color(palette::MUTED)
                            .anchor(HPos::Center, VPos::Center),
                    )?;
                }
            }
            let one = sx.map(1.0);
            if d.log {
                facet::line(
                    &root,
                    &[(one, r.y), (one, r.y + plot_h)],
                    palette::AXIS.stroke_width(2),
                )?;
            }
            for row in d.rows.iter().filter(|row| row.facet == *panel) {
                let Some(v) = row.estimate.filter(|v| *v > 0.0 || !d.log) else {
                    continue;
                };
                let Some((_, _, cy)) = positions
                    .iter()
                    .find(|(dn, t, _)| *dn == row.dimension && *t == row.category)
                else {
                    continue;
                };
                let mi = models.iter().position(|m| *m == row.model).unwrap_or(0) as f64;
                let yy = cy + (mi - (m - 1.0) / 2.0) * spacing;
                let x = sx.map(v);
                let c = colour_of(&row.model);
                facet::line(&root, &[(one, yy), (x, yy)], c.mix(0.35).stroke_width(1))?;
                let lvl = if d.significance_column.is_some() {
                    stars(row.significance.as_deref())
                } else {
                    2
                };
                marker(&root, (x, yy), radius, c, lvl)?;
                let tip = format!(
                    "{}{}: {} ({}) {}{}{}",
                    panel
                        .as_ref()
                        .map(|p| format!("{p} – "))
                        .unwrap_or_default(),
                    row.model.clone().unwrap_or_else(|| d.y.clone()),
                    row.category,
                    row.dimension,
                    number(v, d.decimals, lang),
                    row.significance
                        .as_ref()
                        .filter(|s| !s.is_empty())
                        .map(|s| format!(" {s}"))
                        .unwrap_or_default(),
                    row.reference
                        .as_ref()
                        .map(|r| {
                            format!(
                                ", {}: {r}",
                                crate::format::t(lang, "referentie", "reference")
                            )
                        })
                        .unwrap_or_default()
                );
                hits.push(facet::hit(
                    Rect {
                        x: x - 5.0,
                        y: yy - 3.0,
                        w: 10.0,
                        h: 6.0_f64.max(spacing),
                    },
                    tip,
                    row.model.as_deref().unwrap_or(&row.category),
                ));
            }
        }
        let cx = outer.x + outer.w / 2.0;
        label(
            &root,
            cx,
            outer.y + plot_h + 34.0,
            &facet::fit_centred(&d.y_label, Style::new(12.0), cx, w),
            Style::new(12.0).anchor(HPos::Center, VPos::Center),
        )?;
        facet::notes(
            Some(&root),
            16.0,
            outer.y + plot_h + 56.0,
            w - 32.0,
            &d.notes,
        )?;
        root.present().map_err(draw_err)?;
    }
    super::shift(&mut hits, extra);
    Ok(facet::finish(svg, wu, hu, texts, hits))
}

/// The decimals a tick of a log axis needs to be read as itself: none from 1 up, one for 0,1
/// to 0,9, two for 0,01 to 0,09, and so on (at most six).
fn tick_decimals_log(t: f64) -> usize {
    let mut d = 0;
    while d < 6 {
        let scaled = t * 10f64.powi(d as i32);
        if scaled >= 1.0 - 1e-9 && (scaled - scaled.round()).abs() < 1e-6 {
            break;
        }
        d += 1;
    }
    d
}

#[cfg(test)]
mod tick_tests {
    use super::tick_decimals_log;

    #[test]
    fn log_ticks_keep_their_digits() {
        // Found by a probe: 0,05 and 0,01 were written 0,1 and 0,0.
        for (t, d) in [
            (0.05, 2),
            (0.1, 1),
            (0.2, 1),
            (0.5, 1),
            (0.001, 3),
            (0.01, 2),
            (1.0, 0),
            (2.0, 0),
            (0.25, 2),
            (50.0, 0),
        ] {
            assert_eq!(tick_decimals_log(t), d, "{t}");
        }
    }
}
