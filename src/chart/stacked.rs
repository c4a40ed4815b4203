//! 100% stacked horizontal bars: one bar per group, segments per category in the order of the
//! legend, shares written inside wide segments, group totals at the right when counts were
//! converted. A missing share shows as a grey "onbekend" segment.

use super::facet::{self, Rect, Scale, Swatch};
use super::marks;
use super::text::Style;
use super::Texts;
use super::{label, palette, Chart, Hit};
use crate::data::tidy::{shown_name, StackedData};
use crate::error::Result;
use crate::format::{number, t, Lang};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub fn draw(d: &StackedData, texts: &Texts, lang: Lang) -> Result<Chart> {
    let w = texts.width() as f64;
    let panels = facet::panels(&d.facets);
    let cols_n = panels
        .len()
        .clamp(1, ((texts.width() as f64 / 380.0) as usize).clamp(1, 2));
    let rows_n = panels.len().div_ceil(cols_n);
    let colours = facet::category_colours(&d.categories);
    let colour_of = |n: &str| facet::colour_of(&colours, n);
    let legend_items: Vec<(String, RGBColor, Swatch)> = colours
        .iter()
        .map(|(n, c)| (shown_name(n, lang).to_string(), *c, Swatch::Block))
        .collect();
    let legend_h = facet::legend::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &legend_items)?;
    let group_names: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for g in &d.groups {
            if !v.contains(&g.name) {
                v.push(g.name.clone());
            }
        }
        v
    };
    let cat_style = Style::new(11.5);
    let label_w = group_names
        .iter()
        .map(|g| cat_style.width(g))
        .fold(0.0, f64::max)
        .min(if cols_n > 1 { 150.0 } else { 220.0 })
        .min(texts.width() as f64 * 0.3);
    let total_w = if d.converted {
        d.groups
            .iter()
            .filter_map(|g| g.total)
            .map(|t| Style::new(11.0).width(&format!("n = {}", number(t, 0, lang))))
            .fold(0.0, f64::max)
            + 10.0
    } else {
        14.0
    };
    let row_h = 28.0;
    let bar_h = 20.0;
    let title_h = if d.facets.is_empty() { 0.0 } else { 22.0 };
    let top = 68.0 + legend_h;
    let panel_h = row_h * group_names.len() as f64;
    let plots_h = rows_n as f64 * (panel_h + title_h) + (rows_n - 1) as f64 * 40.0;
    let notes_h = facet::notes::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &d.notes)?;
    let h = (top + plots_h + 40.0 + notes_h + 30.0).round();
    let left = 16.0 + label_w + 10.0;
    let outer = Rect {
        x: left,
        y: top,
        w: w - left - 16.0,
        h: plots_h,
    };
    let gap = if cols_n > 1 { label_w + 26.0 } else { 0.0 };
    let rects = facet::grid(panels.len(), cols_n, outer, gap, 40.0, title_h);
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
        // The groups' labels, cut so that no two look alike.
        let shown = facet::fit_apart(&group_names, cat_style, label_w);
        for (panel, r) in panels.iter().zip(&rects) {
            let plot = Rect {
                w: r.w - total_w,
                ..*r
            };
            let sx = Scale::linear(0.0, 100.0, plot.x, plot.right());
            facet::x_grid(&root, plot, &sx, &ticks, 0, lang, true, " %")?;
            if let Some(name) = panel {
                label(
                    &root,
                    r.x - label_w - 10.0,
                    r.y - 12.0,
                    &facet::fit(name, Style::new(12.5).bold(), r.w + label_w),
                    Style::new(12.5).bold(),
                )?;
            }
            for (k, g) in group_names.iter().enumerate() {
                let Some(info) = d
                    .groups
                    .iter()
                    .find(|gi| gi.name == *g && gi.facet == *panel)
                else {
                    continue;
                };
                let y = r.y + k as f64 * row_h + (row_h - bar_h) / 2.0;
                let is_total = crate::data::tidy::is_total(g);
                let st = if is_total {
                    cat_style.bold()
                } else {
                    cat_style
                };
                label(
                    &root,
                    r.x - 8.0,
                    y + bar_h / 2.0,
                    &if is_total {
                        facet::fit(g, st, label_w)
                    } else {
                        shown[k].clone()
                    },
                    st.anchor(HPos::Right, VPos::Center),
                )?;
                // Segments, scaled so a distribution that does not add up to 100 (rounding, or
                // more: the notes say which) still fills the bar: drawn in proportion, labelled
                // with the file's shares. A filter that leaves parts out keeps the bar short.
                let segs: Vec<(&str, f64)> = d
                    .series
                    .iter()
                    .filter(|s| s.facet == *panel)
                    .filter_map(|s| {
                        s.points
                            .iter()
                            .find(|p| p.x.as_str() == Some(g.as_str()))
                            .and_then(|p| p.y)
                            .map(|v| (s.name.as_str(), v))
                    })
                    .collect();
                if segs.is_empty() {
                    label(
                        &root,
                        plot.x + 6.0,
                        y + bar_h / 2.0,
                        &format!(
                            "{} ({})",
                            crate::data::tidy::unknown_in(lang),
                            t(
                                lang,
                                "verdeling niet te berekenen",
                                "distribution cannot be computed"
                            )
                        ),
                        Style::new(11.0)
                            .color(palette::MUTED)
                            .anchor(HPos::Left, VPos::Center),
                    )?;
                }
                let sum: f64 = segs.iter().map(|s| s.1).sum();
                let scale = if sum > 0.0 && !d.left_out {
                    100.0 / sum
                } else {
                    1.0
                };
                let mut acc = 0.0;
                let spans: Vec<(f64, f64, RGBColor)> = segs
                    .iter()
                    .map(|&(name, v)| {
                        let span = (acc * scale, (acc + v) * scale, colour_of(name));
                        acc += v;
                        span
                    })
                    .collect();
                let drawn = marks::stack(&root, &sx, y, bar_h, &spans, true)?;
                for ((name, v), seg) in segs.into_iter().zip(drawn) {
                    let Some(seg) = seg else { continue };
                    let (a, b) = (seg.x, seg.right());
                    let c = colour_of(name);
                    let text = number(v, d.decimals, lang);
                    let ts =
                        Style::new(11.0).color(if facet::dark(c) { WHITE } else { palette::TEXT });
                    if ts.width(&text) + 6.0 <= b - a {
                        label(
                            &root,
                            (a + b) / 2.0,
                            y + bar_h / 2.0,
                            &text,
                            ts.anchor(HPos::Center, VPos::Center),
                        )?;
                    }
                    let point = d
                        .series
                        .iter()
                        .find(|s| s.facet == *panel && s.name == name)
                        .and_then(|s| s.points.iter().find(|p| p.x.as_str() == Some(g.as_str())));
                    let count = point
                        .and_then(|p| p.value)
                        .map(|c| format!(" ({})", number(c, 0, lang)))
                        .unwrap_or_default();
                    let head = panel
                        .as_ref()
                        .map(|p| format!("{p} – "))
                        .unwrap_or_default();
                    hits.push(facet::hit(
                        seg,
                        format!(
                            "{head}{g}, {}: {} %{count}",
                            shown_name(name, lang),
                            number(v, d.decimals, lang)
                        ),
                        g,
                    ));
                }
                if let Some(t) = info.total {
                    label(
                        &root,
                        plot.right() + 6.0,
                        y + bar_h / 2.0,
                        &format!("n = {}", number(t, 0, lang)),
                        Style::new(11.0)
                            .color(palette::MUTED)
                            .anchor(HPos::Left, VPos::Center),
                    )?;
                }
            }
        }
        let cx = outer.x + (outer.w - total_w) / 2.0;
        label(
            &root,
            cx,
            outer.bottom() + 32.0,
            &facet::fit_centred(
                &format!(
                    "{} ({})",
                    t(lang, "Aandeel in %", "Share in %"),
                    crate::data::tidy::label_in(&d.y, lang)
                ),
                Style::new(12.0),
                cx,
                w,
            ),
            Style::new(12.0).anchor(HPos::Center, VPos::Center),
        )?;
        facet::notes(Some(&root), 16.0, outer.bottom() + 54.0, w - 32.0, &d.notes)?;
        root.present().map_err(super::draw_err)?;
    }
    super::shift(&mut hits, extra);
    Ok(facet::finish(svg, wu, hu, texts, hits))
}
