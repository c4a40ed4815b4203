//! Lines over the years per subgroup with direct labels at the line ends; or, with a region
//! chosen, small multiples of every region (own scale each) with that region outlined.

use super::facet;
use super::marks;
use super::text::Style;
use super::Texts;
use super::{draw_err, label, nice_ticks, palette, Chart, Hit};
use crate::data::regional::{Series, TrendData};
use crate::error::Result;
use crate::format::{number, Lang};
use crate::spec::Subgroup;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub const WIDTH: u32 = 820;

fn series_colour(g: Subgroup) -> RGBColor {
    match g {
        Subgroup::Total => palette::TEXT,
        Subgroup::Wajong => palette::SERIES[0],
        Subgroup::Wsw => palette::SERIES[1],
        Subgroup::Participatiewet => palette::SERIES[2],
        Subgroup::Praktijkroute => palette::SERIES[3],
        Subgroup::PwOther => palette::SERIES[4],
    }
}

/// A drawn point: screen x, screen y, year, value.
type Point = (i32, i32, crate::spec::Period, f64);

/// Draws one set of lines in the box (x0..x1, y0..y1); returns the screen points per series.
#[allow(clippy::too_many_arguments)]
fn lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    years: &[crate::spec::Period],
    series: &[Series],
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
    ymax: f64,
    width: u32,
    dot: i32,
) -> Result<Vec<Vec<Point>>> {
    let n = years.len().max(2) - 1;
    let px = |i: usize| x0 + (x1 - x0) * i as f64 / n as f64;
    let py = |v: f64| y1 - (y1 - y0) * v / ymax;
    let mut out = Vec::new();
    for s in series {
        let at: Vec<Option<(f64, f64)>> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|v| (px(i), py(v))))
            .collect();
        marks::series(
            area,
            &at,
            marks::LineStyle {
                colour: series_colour(s.subgroup).mix(1.0),
                width,
                dashed: false,
                dots: Some(dot),
            },
        )?;
        out.push(
            s.values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    v.map(|v| (px(i).round() as i32, py(v).round() as i32, years[i], v))
                })
                .collect(),
        );
    }
    Ok(out)
}

fn max_value(series: &[Series]) -> f64 {
    series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0f64, |a, b| a.max(*b))
}

pub fn draw(data: &TrendData, texts: &Texts, lang: Lang) -> Result<Chart> {
    if data.panels.is_empty() {
        single(data, texts, lang)
    } else {
        multiples(data, texts, lang)
    }
}

fn single(data: &TrendData, texts: &Texts, lang: Lang) -> Result<Chart> {
    let w = texts.width();
    let h = 500u32;
    let extra = super::header_extra(w, texts);
    let foot = super::footer_extra(w, texts);
    // Room right of the plot for the labels at the line ends (shortened when wider than a third).
    let end_style = Style::new(12.0).bold();
    let end_text = |s: &Series| -> String {
        let v = s
            .values
            .iter()
            .rev()
            .flatten()
            .next()
            .copied()
            .unwrap_or(0.0);
        format!("{} {}", s.label, number(v, 0, lang))
    };
    let room = data
        .national
        .iter()
        .map(|s| end_style.width(&end_text(s)))
        .fold(0.0, f64::max)
        .min(w as f64 * 0.34)
        + 24.0;
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
        let (x0, x1) = (if w < 500 { 76.0 } else { 110.0 }, w as f64 - room);
        let (y0, y1) = (80.0, h as f64 - 70.0);
        let ticks = nice_ticks(0.0, max_value(&data.national) * 1.05, 6);
        let ymax = ticks
            .last()
            .copied()
            .filter(|t| *t > 0.0)
            .unwrap_or(1.0)
            .max(max_value(&data.national));
        for &t in &ticks {
            let y = y1 - (y1 - y0) * t / ymax;
            root.draw(&PathElement::new(
                vec![(x0 as i32 - 20, y as i32), (x1 as i32 + 20, y as i32)],
                if t == 0.0 {
                    palette::AXIS
                } else {
                    palette::GRID
                }
                .stroke_width(1),
            ))
            .map_err(draw_err)?;
            label(
                &root,
                x0 - 28.0,
                y,
                &number(t, 0, lang),
                Style::new(11.0)
                    .color(palette::MUTED)
                    .anchor(HPos::Right, VPos::Center),
            )?;
        }
        let n = data.years.len().max(2) - 1;
        // Every year when they fit, else every k-th (and the last).
        let widest = data
            .years
            .iter()
            .map(|y| Style::new(11.5).width(&y.label_in(lang)) + 10.0)
            .fold(1.0, f64::max);
        let every = ((widest * n as f64) / (x1 - x0).max(1.0)).ceil().max(1.0) as usize;
        let step = (x1 - x0) / n as f64;
        for (i, y) in data.years.iter().enumerate() {
            if i % every != 0 && i != n {
                continue;
            }
            // The one before the last, when its label would overlap the last one's.
            if i != 0 && i != n && (n - i) as f64 * step < widest {
                continue;
            }
            label(
                &root,
                x0 + (x1 - x0) * i as f64 / n as f64,
                y1 + 16.0,
                &y.label_in(lang),
                Style::new(11.5)
                    .color(palette::MUTED)
                    .anchor(HPos::Center, VPos::Center),
            )?;
        }
        let pts = lines(
            &root,
            &data.years,
            &data.national,
            (x0, x1),
            (y0, y1),
            ymax,
            3,
            4,
        )?;
        // Direct labels at the line ends, spread so they do not overlap.
        let ends: Vec<marks::EndText> = data
            .national
            .iter()
            .zip(&pts)
            .filter_map(|(s, p)| {
                let &(ex, ey, _, v) = p.last()?;
                // The name is cut when there is no room, never the number.
                let value = format!(" {}", number(v, 0, lang));
                let name_room = (room - 24.0 - end_style.width(&value)).max(24.0);
                Some(marks::EndText {
                    end: (ex as f64, ey as f64),
                    text: format!("{}{value}", facet::fit(&s.label, end_style, name_room)),
                    style: end_style.color(series_colour(s.subgroup)),
                })
            })
            .collect();
        marks::end_labels(&root, x1 + 12.0, &ends, 16.0, (y0, y1))?;
        for (s, p) in data.national.iter().zip(&pts) {
            for &(x, y, year, v) in p {
                hits.push(Hit {
                    x: x as f64 - 6.0,
                    y: y as f64 - 6.0,
                    w: 12.0,
                    h: 12.0,
                    label: format!("{} {year}: {}", s.label, number(v, 0, lang)),
                    // (A national line is no region to mark.)
                    key: String::new(),
                });
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

fn multiples(data: &TrendData, texts: &Texts, lang: Lang) -> Result<Chart> {
    let w = texts.width();
    let extra = super::header_extra(w, texts);
    let foot = super::footer_extra(w, texts);
    // As many columns of at least 120 px as fit, at most six.
    let cols = (((w as f64 - 24.0) / 120.0) as usize).clamp(1, 6);
    let rows = data.panels.len().div_ceil(cols);
    let pw = ((w as f64 - 24.0) / cols as f64).min(150.0);
    // Names wrap to a second line rather than being cut.
    let name_style = Style::new(11.0).bold();
    let names: Vec<Vec<String>> = data
        .panels
        .iter()
        .map(|p| {
            let mut l = facet::wrap(&p.name, name_style, pw - 16.0);
            if l.len() > 2 {
                let rest = l[1..].join(" ");
                l = vec![l[0].clone(), facet::fit(&rest, name_style, pw - 16.0)];
            }
            l
        })
        .collect();
    let name_lines = names.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let ph = 112.0 + (name_lines - 1.0) * 13.0;
    // The legend in rows above the panels.
    let style = Style::new(11.0);
    let years = data.span(lang);
    let axis_text = format!("{}: {years}", crate::format::t(lang, "x-as", "x axis"));
    let mut widths: Vec<f64> = data
        .national
        .iter()
        .map(|s| 23.0 + style.width(&s.label) + 20.0)
        .collect();
    widths.push(10.0 + style.width(&axis_text));
    let (legend_at, legend_rows) = marks::flow(&widths, 16.0, 68.0, w as f64 - 32.0, 18.0);
    let top = 92.0 + (legend_rows - 1) as f64 * 18.0;
    let h = (top + rows as f64 * ph + 40.0) as u32;
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
        // Legend once, above the panels.
        for (s, &(lx, ly)) in data.national.iter().zip(&legend_at) {
            let c = series_colour(s.subgroup);
            facet::line(&root, &[(lx, ly), (lx + 18.0, ly)], c.stroke_width(3))?;
            label(&root, lx + 23.0, ly, &s.label, style)?;
        }
        if let Some(&(lx, ly)) = legend_at.last() {
            label(
                &root,
                lx + 10.0,
                ly,
                &axis_text,
                style.color(palette::MUTED),
            )?;
        }
        let left = (w as f64 - cols as f64 * pw) / 2.0;
        for (i, p) in data.panels.iter().enumerate() {
            let (c, r) = (i % cols, i / cols);
            let bx = left + c as f64 * pw;
            let by = top + r as f64 * ph;
            let frame_colour = if p.highlighted {
                palette::HIGHLIGHT
            } else {
                palette::GRID
            };
            root.draw(&Rectangle::new(
                [
                    (bx as i32 + 3, by as i32 + 2),
                    ((bx + pw) as i32 - 3, (by + ph) as i32 - 4),
                ],
                frame_colour.stroke_width(if p.highlighted { 3 } else { 1 }),
            ))
            .map_err(draw_err)?;
            let mut ts = Style::new(11.0);
            if p.highlighted || p.national {
                ts = ts.bold();
            }
            if p.highlighted {
                ts = ts.color(palette::HIGHLIGHT);
            }
            let name_rows = names.get(i).cloned().unwrap_or_default();
            for (j, l) in name_rows.iter().enumerate() {
                label(&root, bx + 9.0, by + 13.0 + j as f64 * 13.0, l, ts)?;
            }
            let body = by + (name_lines - 1.0) * 13.0;
            let m = max_value(&p.series);
            let ymax = if m > 0.0 { m } else { 1.0 };
            label(
                &root,
                bx + 9.0,
                body + 27.0,
                &format!("max {}", number(m, 0, lang)),
                Style::new(11.0).color(palette::MUTED),
            )?;
            let pts = lines(
                &root,
                &data.years,
                &p.series,
                (bx + 16.0, bx + pw - 16.0),
                (body + 38.0, body + 112.0 - 14.0),
                ymax,
                2,
                2,
            )?;
            let _ = pts;
            hits.push(Hit {
                x: bx,
                y: by,
                w: pw,
                h: ph,
                label: format!(
                    "{}: {}",
                    p.name,
                    p.series
                        .iter()
                        .filter_map(|s| {
                            let ((a, va), (b, vb)) = s.ends(&data.years)?;
                            Some(if a < b {
                                format!(
                                    "{} {} → {}",
                                    s.label,
                                    number(va, 0, lang),
                                    number(vb, 0, lang)
                                )
                            } else {
                                format!("{} {}", s.label, number(vb, 0, lang))
                            })
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                key: p.name.clone(),
            });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_shortened() {
        let s = Style::new(11.0);
        let f = facet::fit("Stedendriehoek en Noordwest-Veluwe", s, 110.0);
        assert!(f.ends_with('…') && s.width(&f) <= 110.0, "{f}");
        assert_eq!(facet::fit("Twente", s, 110.0), "Twente");
    }
}
