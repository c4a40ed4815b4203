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
    let (w, h) = (WIDTH, 500u32);
    let mut svg = String::new();
    let mut hits = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        super::frame(&root, w, h, texts.title, texts.subtitle, texts.source)?;
        let (x0, x1) = (110.0, w as f64 - 230.0);
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
        for (i, y) in data.years.iter().enumerate() {
            label(
                &root,
                x0 + (x1 - x0) * i as f64 / n as f64,
                y1 + 16.0,
                &y.to_string(),
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
                Some(marks::EndText {
                    end: (ex as f64, ey as f64),
                    text: format!("{} {}", s.label, number(v, 0, lang)),
                    style: Style::new(12.0).bold().color(series_colour(s.subgroup)),
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
                    key: s.subgroup.key().to_string(),
                });
            }
        }
        root.present().map_err(draw_err)?;
    }
    Ok(Chart {
        svg: super::accessible(svg, texts.title, texts.description),
        width: w,
        height: h,
        hits,
    })
}

fn multiples(data: &TrendData, texts: &Texts, lang: Lang) -> Result<Chart> {
    const COLS: usize = 6;
    let rows = data.panels.len().div_ceil(COLS);
    let (pw, ph) = (130.0, 112.0);
    let top = 92.0;
    let w = WIDTH;
    let h = (top + rows as f64 * ph + 40.0) as u32;
    let mut svg = String::new();
    let mut hits = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        super::frame(&root, w, h, texts.title, texts.subtitle, texts.source)?;
        // Legend once, above the panels.
        let mut lx = 16.0;
        let style = Style::new(11.0);
        for s in &data.national {
            let c = series_colour(s.subgroup);
            root.draw(&PathElement::new(
                vec![(lx as i32, 68), (lx as i32 + 18, 68)],
                c.stroke_width(3),
            ))
            .map_err(draw_err)?;
            label(&root, lx + 23.0, 68.0, &s.label, style)?;
            lx += 23.0 + style.width(&s.label) + 20.0;
        }
        let years = format!(
            "{}-{}",
            data.years.first().copied().unwrap_or_default(),
            data.years.last().copied().unwrap_or_default()
        );
        label(
            &root,
            lx + 10.0,
            68.0,
            &format!("{}: {years}", crate::format::t(lang, "x-as", "x axis")),
            style.color(palette::MUTED),
        )?;
        let left = (w as f64 - COLS as f64 * pw) / 2.0;
        for (i, p) in data.panels.iter().enumerate() {
            let (c, r) = (i % COLS, i / COLS);
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
            let mut ts = Style::new(10.5);
            if p.highlighted || p.national {
                ts = ts.bold();
            }
            if p.highlighted {
                ts = ts.color(palette::HIGHLIGHT);
            }
            label(
                &root,
                bx + 9.0,
                by + 13.0,
                &facet::fit(&p.name, ts, pw - 16.0),
                ts,
            )?;
            let m = max_value(&p.series);
            let ymax = if m > 0.0 { m } else { 1.0 };
            label(
                &root,
                bx + 9.0,
                by + 27.0,
                &format!("max {}", number(m, 0, lang)),
                Style::new(9.5).color(palette::MUTED),
            )?;
            let pts = lines(
                &root,
                &data.years,
                &p.series,
                (bx + 16.0, bx + pw - 16.0),
                (by + 38.0, by + ph - 14.0),
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
    Ok(Chart {
        svg: super::accessible(svg, texts.title, texts.description),
        width: w,
        height: h,
        hits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_shortened() {
        let s = Style::new(10.5);
        let f = facet::fit("Stedendriehoek en Noordwest-Veluwe", s, 110.0);
        assert!(f.ends_with('…') && s.width(&f) <= 110.0, "{f}");
        assert_eq!(facet::fit("Twente", s, 110.0), "Twente");
    }
}
