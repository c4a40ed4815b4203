//! Horizontal bar chart: one bar per category (sorted), or a group of bars per category (one per
//! series), values written at the bar ends, an optional dashed reference line and a highlighted
//! category. Missing values are written as "onbekend", never drawn as a zero bar.

use super::facet::{self, Rect, Scale, Swatch};
use super::marks;
use super::text::Style;
use super::Texts;
use super::{label, nice_ticks, palette, tick_decimals, Chart, Hit};
use crate::data::tidy::unknown_in;
use crate::data::tidy::BarsData;
use crate::error::Result;
use crate::format::{number, Lang};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub fn draw(d: &BarsData, texts: &Texts, lang: Lang) -> Result<Chart> {
    let footnotes = facet::footnotes(&d.notes, texts.subtitle);
    let w = texts.width() as f64;
    let names: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for s in &d.series {
            if !v.contains(&s.name) {
                v.push(s.name.clone());
            }
        }
        v
    };
    let grouped = d.series_column.is_some();
    // A series that belongs to its categories: one bar per category, in its series' colour.
    let single = grouped && d.one_per_category;
    let slots = if single { 1 } else { names.len() };
    let no_row = |panel: &Option<String>, series: &str, cat: &str| {
        d.no_row
            .iter()
            .any(|b| b.facet == *panel && b.category == cat && b.series.as_deref() == Some(series))
    };
    let panels = facet::panels(&d.facets);
    let cols_n = panels
        .len()
        .clamp(1, ((texts.width() as f64 / 270.0) as usize).clamp(1, 3));
    let rows_n = panels.len().div_ceil(cols_n);
    let fmt = |v: f64| {
        let s = number(v, d.decimals, lang);
        if d.percent {
            format!("{s} %")
        } else {
            s
        }
    };

    // Category labels left, wrapped to two lines.
    let cat_style = Style::new(11.5);
    let label_w = d
        .categories
        .iter()
        .map(|c| cat_style.width(c))
        .fold(0.0, f64::max)
        .min(if cols_n > 1 { 170.0 } else { 250.0 })
        .min(texts.width() as f64 * 0.3);
    // (A second line cut to the same text as another category's is cut in its middle: two
    // categories never look alike.)
    let lines: Vec<Vec<String>> = d
        .categories
        .iter()
        .map(|c| facet::wrap(c, cat_style, label_w))
        .collect();
    let rests: Vec<String> = lines
        .iter()
        .map(|l| l.get(1..).unwrap_or_default().join(" "))
        .collect();
    let cut = facet::fit_apart(&rests, cat_style, label_w);
    let wrapped: Vec<Vec<String>> = lines
        .into_iter()
        .zip(cut)
        .map(|(mut l, rest)| {
            if l.len() > 2 {
                l = vec![l[0].clone(), rest];
            }
            l
        })
        .collect();
    let two_lines = wrapped.iter().any(|l| l.len() > 1);
    // Grouped bars stay tall enough for their value labels; with many series the labels go.
    let bar_h = if grouped && !single {
        if names.len() > 6 {
            9.0
        } else {
            12.0
        }
    } else {
        16.0
    };
    let value_labels = bar_h >= 12.0;
    let row_h = if grouped && !single {
        bar_h * slots as f64 + 10.0
    } else if two_lines {
        30.0
    } else {
        24.0
    };
    let legend_items: Vec<(String, RGBColor, Swatch)> = if grouped {
        names
            .iter()
            .enumerate()
            .map(|(k, n)| (n.clone(), facet::colour(k), Swatch::Block))
            .collect()
    } else {
        Vec::new()
    };
    let legend_h = if grouped {
        facet::legend::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &legend_items)?
    } else {
        0.0
    };
    let ref_h = if d.reference.is_some() { 18.0 } else { 0.0 };
    let title_h = if d.facets.is_empty() { 0.0 } else { 22.0 } + ref_h;
    let top = 66.0 + legend_h;
    let panel_h = row_h * d.categories.len() as f64;
    let plots_h = rows_n as f64 * (panel_h + title_h) + (rows_n - 1) as f64 * 40.0;
    let notes_h = facet::notes::<SVGBackend>(None, 16.0, 0.0, w - 32.0, &footnotes)?;
    let h = (top + plots_h + 44.0 + notes_h + 30.0).round();
    let left = 16.0 + label_w + 10.0;
    let outer = Rect {
        x: left,
        y: top,
        w: w - left - 16.0,
        h: plots_h,
    };
    let gap = if cols_n > 1 { label_w + 26.0 } else { 0.0 };
    let rects = facet::grid(panels.len(), cols_n, outer, gap, 40.0, title_h);

    // Shared value axis: zero, the data and the reference line; room for the value labels.
    let mut vals: Vec<f64> = d
        .series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|p| p.y))
        .collect();
    if let Some(r) = &d.reference {
        vals.extend(r.values.iter().filter_map(|v| v.value));
    }
    let (v0, v1) = facet::value_range(vals.into_iter(), true);
    let ticks = nice_ticks(v0, v1, if cols_n > 1 { 3 } else { 6 });
    let td = tick_decimals(&ticks);

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
        if grouped {
            facet::legend(Some(&root), 16.0, 64.0, w - 32.0, &legend_items)?;
        }
        let n_text = |panel: &Option<String>, series: &str, cat: &str| -> Option<String> {
            d.n.iter()
                .find(|b| {
                    b.facet == *panel
                        && b.category == cat
                        && (b.series.is_none() || b.series.as_deref() == Some(series))
                })
                .and_then(|b| b.n)
                .map(|n| format!("n = {}", number(n, 0, lang)))
        };
        // Room right of the longest bar for its value and group size.
        let value_room = d
            .series
            .iter()
            .flat_map(|s| {
                s.points.iter().map(move |p| {
                    let cat = p.x.as_str().unwrap_or("");
                    let v = p.y.map(fmt).unwrap_or_default();
                    Style::new(11.0).width(&v)
                        + n_text(&s.facet, &s.name, cat)
                            .map(|t| Style::new(11.0).width(&t) + 8.0)
                            .unwrap_or(0.0)
                })
            })
            .fold(0.0, f64::max)
            + 12.0;
        for (p, (panel, r)) in panels.iter().zip(&rects).enumerate() {
            let sx = Scale::linear(v0, v1, r.x, r.right() - value_room);
            let plot = Rect {
                w: r.w - value_room,
                ..*r
            };
            facet::x_grid(&root, plot, &sx, &ticks, td, lang, true, "")?;
            if let Some(name) = panel {
                label(
                    &root,
                    r.x - label_w - 10.0,
                    r.y - 12.0 - ref_h,
                    &facet::fit(name, Style::new(12.5).bold(), r.w + label_w),
                    Style::new(12.5).bold(),
                )?;
            }
            for (k, cat) in d.categories.iter().enumerate() {
                let y = r.y + k as f64 * row_h;
                let hl = d.highlight.as_deref() == Some(cat.as_str());
                let lines = wrapped.get(k).cloned().unwrap_or_default();
                let st = if hl {
                    cat_style.bold().color(palette::HIGHLIGHT)
                } else {
                    cat_style
                };
                let n = lines.len() as f64;
                for (j, l) in lines.iter().enumerate() {
                    label(
                        &root,
                        r.x - 8.0,
                        y + row_h / 2.0 + (j as f64 - (n - 1.0) / 2.0) * 13.0,
                        l,
                        st.anchor(HPos::Right, VPos::Center),
                    )?;
                }
                for (si, sname) in names.iter().enumerate() {
                    let Some(s) = d
                        .series
                        .iter()
                        .find(|s| s.name == *sname && s.facet == *panel)
                    else {
                        continue;
                    };
                    let absent = no_row(panel, sname, cat);
                    if single && absent {
                        continue;
                    }
                    let by = if grouped && !single {
                        y + 5.0 + si as f64 * bar_h
                    } else {
                        y + (row_h - bar_h) / 2.0
                    };
                    let bh = if grouped && !single {
                        bar_h - 1.0
                    } else {
                        bar_h
                    };
                    let missing = if absent {
                        crate::format::t(lang, "geen rij", "no row")
                    } else {
                        unknown_in(lang)
                    };
                    let value = s.points.get(k).and_then(|p| p.y);
                    let c = if grouped {
                        facet::colour(si)
                    } else if hl {
                        palette::HIGHLIGHT
                    } else if d.highlight.is_some() {
                        palette::NEUTRAL
                    } else {
                        palette::SERIES[0]
                    };
                    let tip_head = match (panel, grouped) {
                        (Some(fc), true) => format!("{fc} – {cat}, {sname}"),
                        (Some(fc), false) => format!("{fc} – {cat}"),
                        (None, true) => format!("{cat}, {sname}"),
                        (None, false) => cat.clone(),
                    };
                    match value {
                        Some(v) => {
                            let vs = Style::new(11.0);
                            let vs = if hl { vs.bold() } else { vs };
                            let text = fmt(v);
                            let (bar, after) = marks::hbar(
                                &root,
                                &sx,
                                0.0_f64.max(v0),
                                v,
                                by,
                                bh,
                                c,
                                value_labels.then(|| marks::EndLabel {
                                    text: &text,
                                    style: vs.color(palette::TEXT),
                                    background: None,
                                }),
                            )?;
                            if let (true, Some(nt)) = (value_labels, n_text(panel, sname, cat)) {
                                label(
                                    &root,
                                    after + 8.0,
                                    by + bh / 2.0,
                                    &nt,
                                    Style::new(11.0)
                                        .color(palette::MUTED)
                                        .anchor(HPos::Left, VPos::Center),
                                )?;
                            }
                            hits.push(facet::hit(
                                Rect {
                                    w: bar.w + vs.width(&text) + 6.0,
                                    ..bar
                                },
                                match n_text(panel, sname, cat) {
                                    Some(nt) => format!("{tip_head}: {text} ({nt})"),
                                    None => format!("{tip_head}: {text}"),
                                },
                                cat,
                            ));
                        }
                        None => {
                            let st = Style::new(11.0).color(palette::MUTED);
                            label(
                                &root,
                                sx.map(0.0_f64.max(v0)) + 4.0,
                                by + bh / 2.0,
                                missing,
                                st.anchor(HPos::Left, VPos::Center),
                            )?;
                            hits.push(facet::hit(
                                Rect {
                                    x: sx.map(0.0_f64.max(v0)),
                                    y: by,
                                    w: 60.0,
                                    h: bh,
                                },
                                format!("{tip_head}: {missing}"),
                                cat,
                            ));
                        }
                    }
                }
            }
            facet::line(
                &root,
                &[
                    (sx.map(0.0_f64.max(v0)), r.y),
                    (sx.map(0.0_f64.max(v0)), r.bottom()),
                ],
                palette::AXIS.stroke_width(1),
            )?;
            // Reference line(s): one per series (in its colour) when they differ.
            if let Some(rl) = &d.reference {
                let here: Vec<_> = rl
                    .values
                    .iter()
                    .filter(|v| v.facet.is_none() || v.facet == *panel)
                    .collect();
                for rv in &here {
                    let Some(v) = rv.value else { continue };
                    let x = sx.map(v);
                    let c = match &rv.series {
                        Some(s) => names
                            .iter()
                            .position(|n| n == s)
                            .map(facet::colour)
                            .unwrap_or(palette::TREND),
                        None => palette::TREND,
                    };
                    facet::dashed(
                        &root,
                        (x, r.y - 4.0),
                        (x, r.bottom()),
                        c.stroke_width(2),
                        6.0,
                    )?;
                    if here.len() == 1 {
                        let text = match &rl.category {
                            Some(cat) => format!("{cat}: {}", fmt(v)),
                            None => fmt(v),
                        };
                        label(
                            &root,
                            x,
                            r.y - 12.0,
                            &text,
                            Style::new(11.0)
                                .bold()
                                .color(palette::TREND)
                                .anchor(HPos::Center, VPos::Center),
                        )?;
                    }
                    hits.push(facet::hit(
                        Rect {
                            x: x - 3.0,
                            y: r.y,
                            w: 6.0,
                            h: r.h,
                        },
                        format!(
                            "{}{}: {}",
                            rl.label,
                            rv.series
                                .as_ref()
                                .map(|s| format!(", {s}"))
                                .unwrap_or_default(),
                            fmt(v)
                        ),
                        &rl.label,
                    ));
                }
                if here.len() > 1 && p == 0 {
                    label(
                        &root,
                        r.x,
                        r.y - 12.0,
                        &format!(
                            "{}: {}",
                            crate::format::t(lang, "stippellijnen", "dotted lines"),
                            rl.label
                        ),
                        Style::new(11.0).color(palette::MUTED),
                    )?;
                }
            }
        }
        let cx = outer.x + (outer.w - 50.0) / 2.0;
        label(
            &root,
            cx,
            outer.bottom() + 34.0,
            &facet::fit_centred(&d.y_label, Style::new(12.0), cx, w),
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
