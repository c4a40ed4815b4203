//! 100% stacked area chart over an ordered x (months since the start), one panel per facet, with
//! the number of persons under each x and the x values with few persons hatched.

use super::facet::{self, Rect, Scale, Swatch};
use super::text::Style;
use super::Texts;
use super::{label, palette, Chart, Hit};
use crate::data::tidy::{shown_name, AreaData};
use crate::error::Result;
use crate::format::{number, t, Lang};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub fn draw(d: &AreaData, texts: &Texts, lang: Lang) -> Result<Chart> {
    let footnotes = facet::footnotes(&d.notes, texts.subtitle);
    let w = texts.width() as f64;
    let panels = facet::panels(&d.facets);
    let cols_n = panels
        .len()
        .clamp(1, ((texts.width() as f64 / 380.0) as usize).clamp(1, 2));
    let rows_n = panels.len().div_ceil(cols_n);
    let colours = facet::category_colours(&d.categories);
    let colour_of = |n: &str| facet::colour_of(&colours, n);
    let any_small = d.n.iter().any(|n| n.small);
    // The persons behind each (panel, x), looked up once instead of scanning per point.
    let n_at: std::collections::HashMap<(Option<String>, String), &crate::data::tidy::NPoint> =
        d.n.iter()
            .map(|n| ((n.facet.clone(), n.x.to_string()), n))
            .collect();
    let n_of = |panel: &Option<String>, x: &serde_json::Value| {
        n_at.get(&(panel.clone(), x.to_string())).copied()
    };
    let mut legend_items: Vec<(String, RGBColor, Swatch)> = colours
        .iter()
        .map(|(n, c)| (shown_name(n, lang).to_string(), *c, Swatch::Block))
        .collect();
    if any_small {
        legend_items.push((
            match lang {
                Lang::Nl => format!("minder dan {} personen", number(d.min_n, 0, lang)),
                Lang::En => format!("fewer than {} persons", number(d.min_n, 0, lang)),
            },
            palette::TEXT,
            Swatch::Hatch,
        ));
    }
    let legend_h = facet::legend::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &legend_items)?;
    let has_n = d.n.iter().any(|n| n.n.is_some());
    let below = if has_n { 54.0 } else { 34.0 };
    let title_h = if d.facets.is_empty() { 0.0 } else { 22.0 };
    let panel_h = if panels.len() > 2 { 200.0 } else { 300.0 };
    let top = 68.0 + legend_h;
    let plots_h = rows_n as f64 * (panel_h + title_h + below) - below;
    let notes_h = facet::notes::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &footnotes)?;
    let h = (top + plots_h + below + 16.0 + notes_h + 24.0).round();
    let outer = Rect {
        x: 62.0,
        y: top,
        w: w - 62.0 - 20.0,
        h: plots_h,
    };
    let rects = facet::grid(panels.len(), cols_n, outer, 36.0, below, title_h);
    let xs: Vec<f64> = d.x_values.iter().map(|x| x.pos).collect();
    let (x0, x1) = match (xs.first(), xs.last()) {
        (Some(a), Some(b)) if b > a => (*a, *b),
        _ => (0.0, 1.0),
    };
    let ticks = [0.0, 25.0, 50.0, 75.0, 100.0];

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
        facet::legend(Some(&root), 16.0, 64.0, w - 32.0, &legend_items)?;
        label(
            &root,
            16.0,
            outer.y + outer.h / 2.0,
            t(lang, "Aandeel in %", "Share in %"),
            Style::new(12.0)
                .anchor(HPos::Center, VPos::Center)
                .rotated(),
        )?;
        for (p, (panel, r)) in panels.iter().zip(&rects).enumerate() {
            let sx = Scale::linear(x0, x1, r.x, r.right());
            let sy = Scale::linear(0.0, 100.0, r.bottom(), r.y);
            if let Some(name) = panel {
                label(
                    &root,
                    r.x,
                    r.y - 12.0,
                    &facet::fit(name, Style::new(12.5).bold(), r.w),
                    Style::new(12.5).bold(),
                )?;
            }
            facet::y_grid(&root, *r, &sy, &ticks, 0, lang, p % cols_n == 0, "")?;
            let series: Vec<&crate::data::tidy::Series> =
                d.series.iter().filter(|s| s.facet == *panel).collect();
            // Cumulative shares per x, scaled to 100 where rounding leaves 99 or 101.
            let sums: Vec<f64> = (0..xs.len())
                .map(|k| {
                    series
                        .iter()
                        .filter_map(|s| s.points.get(k).and_then(|p| p.y))
                        .sum()
                })
                .collect();
            let present: Vec<bool> = d
                .x_values
                .iter()
                .enumerate()
                .map(|(k, x)| {
                    n_of(panel, &x.value).is_some()
                        && series
                            .iter()
                            .any(|s| s.points.get(k).is_some_and(|p| p.y.is_some()))
                })
                .collect();
            let mut lower = vec![0.0; xs.len()];
            for s in &series {
                let mut upper = lower.clone();
                for k in 0..xs.len() {
                    let v = s.points.get(k).and_then(|p| p.y).unwrap_or(0.0);
                    let scale = if sums[k] > 0.0 && (sums[k] - 100.0).abs() <= 3.0 {
                        100.0 / sums[k]
                    } else {
                        1.0
                    };
                    upper[k] = lower[k] + v * scale;
                }
                // One polygon per run of x values present in this panel.
                let idx: Vec<usize> = (0..xs.len()).collect();
                for run in idx.split(|&k| !present[k]) {
                    if let [k] = run {
                        // A lone x between gaps: a narrow column, so it is not lost.
                        let x = sx.map(xs[*k]);
                        facet::rect(
                            &root,
                            Rect {
                                x: (x - 4.0).max(r.x),
                                y: sy.map(upper[*k]),
                                w: (x + 4.0).min(r.right()) - (x - 4.0).max(r.x),
                                h: sy.map(lower[*k]) - sy.map(upper[*k]),
                            },
                            colour_of(&s.name).filled(),
                        )?;
                        continue;
                    }
                    if run.is_empty() {
                        continue;
                    }
                    let mut poly: Vec<(i32, i32)> = run
                        .iter()
                        .map(|&k| {
                            (
                                sx.map(xs[k]).round() as i32,
                                sy.map(upper[k]).round() as i32,
                            )
                        })
                        .collect();
                    poly.extend(run.iter().rev().map(|&k| {
                        (
                            sx.map(xs[k]).round() as i32,
                            sy.map(lower[k]).round() as i32,
                        )
                    }));
                    root.draw(&Polygon::new(poly, colour_of(&s.name).filled()))
                        .map_err(super::draw_err)?;
                    let top_line: Vec<(f64, f64)> = run
                        .iter()
                        .map(|&k| (sx.map(xs[k]), sy.map(upper[k])))
                        .collect();
                    facet::line(&root, &top_line, WHITE.stroke_width(1))?;
                }
                lower = upper;
            }
            for (k, x) in d.x_values.iter().enumerate() {
                let rows_here = n_of(panel, &x.value).is_some();
                if rows_here && !present[k] {
                    label(
                        &root,
                        sx.map(xs[k]),
                        r.y + r.h / 2.0,
                        crate::data::tidy::unknown_in(lang),
                        Style::new(11.0)
                            .color(palette::MUTED)
                            .anchor(HPos::Center, VPos::Center)
                            .rotated(),
                    )?;
                }
            }
            // Hatch the stretch around each x with few persons.
            for (k, x) in d.x_values.iter().enumerate() {
                let Some(np) = n_of(panel, &x.value) else {
                    continue;
                };
                let half_l = if k > 0 {
                    (xs[k] - xs[k - 1]) / 2.0
                } else {
                    0.0
                };
                let half_r = if k + 1 < xs.len() {
                    (xs[k + 1] - xs[k]) / 2.0
                } else {
                    0.0
                };
                let band = Rect {
                    x: sx.map(xs[k] - half_l),
                    y: r.y,
                    w: sx.map(xs[k] + half_r) - sx.map(xs[k] - half_l),
                    h: r.h,
                };
                if np.small {
                    facet::hatch(&root, band, WHITE.mix(0.85).stroke_width(2), 7.0)?;
                }
                let shares: Vec<String> = series
                    .iter()
                    .filter_map(|s| {
                        s.points.get(k).and_then(|p| p.y).map(|y| {
                            format!(
                                "{} {} %",
                                shown_name(&s.name, lang),
                                number(y, d.decimals, lang)
                            )
                        })
                    })
                    .collect();
                let head = panel.as_ref().map(|p| format!("{p}, ")).unwrap_or_default();
                let n =
                    np.n.map(|n| {
                        format!(
                            " (n = {}{})",
                            number(n, 0, lang),
                            if np.small {
                                t(lang, ", onzeker", ", uncertain")
                            } else {
                                ""
                            }
                        )
                    })
                    .unwrap_or_default();
                hits.push(facet::hit(
                    band,
                    format!(
                        "{head}{} {}: {}{n}",
                        crate::data::tidy::label_in(&d.x, lang),
                        x.label,
                        shares.join(", ")
                    ),
                    &x.label,
                ));
            }
            // Faint grid lines over the bands, which cover the ordinary grid.
            for t in ticks {
                if t > 0.0 && t < 100.0 {
                    facet::line(
                        &root,
                        &[(r.x, sy.map(t)), (r.right(), sy.map(t))],
                        WHITE.mix(0.35).stroke_width(1),
                    )?;
                }
            }
            facet::line(
                &root,
                &[(r.x, r.bottom()), (r.right(), r.bottom())],
                palette::AXIS.stroke_width(1),
            )?;
            let n_style = Style::new(11.0);
            // The x labels and the group sizes under them: every k-th when they do not fit.
            let widest = d
                .x_values
                .iter()
                .map(|x| Style::new(11.0).width(&x.label))
                .chain(
                    d.n.iter()
                        .filter_map(|n| n.n)
                        .map(|n| n_style.width(&number(n, 0, lang))),
                )
                .fold(0.0, f64::max)
                + 6.0;
            let every = d
                .x_values
                .len()
                .div_ceil((r.w / widest).floor().max(1.0) as usize)
                .max(1);
            // The last x always (its n may be the one said to be small); the label before it
            // gives way when too close.
            let last = d.x_values.len().saturating_sub(1);
            let shown = |k: usize| k == last || (k.is_multiple_of(every) && last - k >= every);
            for (k, x) in d.x_values.iter().enumerate() {
                let px = sx.map(x.pos);
                if shown(k) {
                    // Wide labels at the panel edges turn inward, clear of the next panel.
                    let half = Style::new(11.0).width(&x.label) / 2.0;
                    let (ax, h) = if k == 0 && half > 12.0 {
                        (px - 4.0, HPos::Left)
                    } else if k + 1 == d.x_values.len() && half > 12.0 {
                        (px + 4.0, HPos::Right)
                    } else {
                        (px, HPos::Center)
                    };
                    label(
                        &root,
                        ax,
                        r.bottom() + 12.0,
                        &x.label,
                        Style::new(11.0)
                            .color(palette::MUTED)
                            .anchor(h, VPos::Center),
                    )?;
                }
                if !shown(k) {
                    continue;
                }
                if let Some(np) = n_of(panel, &x.value) {
                    if let Some(n) = np.n {
                        let st = if np.small {
                            n_style.color(palette::HIGHLIGHT).bold()
                        } else {
                            n_style.color(palette::MUTED)
                        };
                        label(
                            &root,
                            px,
                            r.bottom() + 27.0,
                            &number(n, 0, lang),
                            st.anchor(HPos::Center, VPos::Center),
                        )?;
                    }
                }
            }
            if has_n && p % cols_n == 0 {
                label(
                    &root,
                    r.x - 24.0,
                    r.bottom() + 27.0,
                    "n",
                    Style::new(11.0)
                        .color(palette::MUTED)
                        .anchor(HPos::Right, VPos::Center),
                )?;
            }
        }
        label(
            &root,
            outer.x + outer.w / 2.0,
            outer.bottom() + below - 8.0,
            &crate::data::tidy::capitalise(&crate::data::tidy::label_in(&d.x, lang)),
            Style::new(12.0).anchor(HPos::Center, VPos::Center),
        )?;
        facet::notes(
            Some(&root),
            16.0,
            outer.bottom() + below + 16.0,
            w - 32.0,
            &footnotes,
        )?;
        root.present().map_err(super::draw_err)?;
    }
    super::shift(&mut hits, extra);
    Ok(facet::finish(svg, wu, hu, texts, hits))
}
