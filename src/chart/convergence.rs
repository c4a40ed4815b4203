//! Convergence per year: the range from the lowest to the highest region (relative to national,
//! with their names), the ± 1 SD band, and the SD connected across years.

use super::facet;
use super::text::Style;
use super::Texts;
use super::{draw_err, label, nice_ticks, palette, tick_decimals, Chart, Hit};
use crate::data::regional::ConvergenceData;
use crate::error::Result;
use crate::format::{number, pct, pp, pp_unit, signed, t, Lang};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub const WIDTH: u32 = 820;
pub const HEIGHT: u32 = 540;
const BAND: RGBColor = RGBColor(0xc6, 0xd8, 0xee);

pub fn draw(data: &ConvergenceData, texts: &Texts, lang: Lang) -> Result<Chart> {
    let w = texts.width();
    let h = HEIGHT;
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
        let (x0, x1) = (if w < 500 { 64.0 } else { 90.0 }, w as f64 - 24.0);
        let (y0, y1) = (84.0, h as f64 - 104.0);
        let lo = data
            .years
            .iter()
            .map(|y| y.min_relative.min(-y.sd))
            .fold(0.0, f64::min);
        let hi = data
            .years
            .iter()
            .map(|y| y.max_relative.max(y.sd))
            .fold(0.0, f64::max);
        let span = (hi - lo).max(1.0);
        let (lo, hi) = (lo - span * 0.08, hi + span * 0.08);
        let py = |v: f64| y1 - (y1 - y0) * (v - lo) / (hi - lo);
        let ticks = nice_ticks(lo, hi, (((y1 - y0) / 40.0) as usize).clamp(2, 8));
        let dec = tick_decimals(&ticks);
        for &t in &ticks {
            let y = py(t);
            root.draw(&PathElement::new(
                vec![(x0 as i32, y as i32), (x1 as i32, y as i32)],
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
                x0 - 8.0,
                y,
                &number(t, dec, lang),
                Style::new(11.0)
                    .color(palette::MUTED)
                    .anchor(HPos::Right, VPos::Center),
            )?;
        }
        label(
            &root,
            x1,
            py(0.0) - 9.0,
            t(lang, "landelijk", "national"),
            Style::new(11.0)
                .color(palette::MUTED)
                .anchor(HPos::Right, VPos::Center),
        )?;
        label(
            &root,
            22.0,
            (y0 + y1) / 2.0,
            &format!(
                "{} ({})",
                t(
                    lang,
                    "Aandeel werkenden, verschil met landelijk",
                    "Share working, difference from national"
                ),
                pp_unit(lang)
            ),
            Style::new(12.0)
                .anchor(HPos::Center, VPos::Center)
                .rotated(),
        )?;
        let n = data.years.len();
        let col = (x1 - x0) / n.max(1) as f64;
        let cx = |i: usize| x0 + col * (i as f64 + 0.5);
        // SD band edges connected across years, so a narrowing shows as lines coming together.
        for sign in [1.0, -1.0] {
            let pts: Vec<(i32, i32)> = data
                .years
                .iter()
                .enumerate()
                .map(|(i, y)| (cx(i) as i32, py(sign * y.sd) as i32))
                .collect();
            if pts.len() > 1 {
                root.draw(&PathElement::new(
                    pts,
                    palette::DOWN.mix(0.6).stroke_width(1),
                ))
                .map_err(draw_err)?;
            }
        }
        for (i, y) in data.years.iter().enumerate() {
            let x = cx(i);
            root.draw(&Rectangle::new(
                [
                    ((x - 26.0) as i32, py(y.sd) as i32),
                    ((x + 26.0) as i32, py(-y.sd) as i32),
                ],
                BAND.filled(),
            ))
            .map_err(draw_err)?;
            root.draw(&PathElement::new(
                vec![
                    (x as i32, py(y.max_relative) as i32),
                    (x as i32, py(y.min_relative) as i32),
                ],
                palette::NEUTRAL.stroke_width(2),
            ))
            .map_err(draw_err)?;
            for (v, region, up) in [
                (y.max_relative, &y.max_region, true),
                (y.min_relative, &y.min_region, false),
            ] {
                let p = (x as i32, py(v) as i32);
                root.draw(&Circle::new(p, 5, palette::TEXT.filled()))
                    .map_err(draw_err)?;
                // The name shortened to the column (the tooltip has it whole).
                let value = signed(v, 1, lang);
                let st = Style::new(11.0);
                let room = col - 8.0 - st.width(&value) - st.width(" ");
                let text = format!("{} {value}", facet::fit(region, st, room.max(24.0)));
                label(
                    &root,
                    x,
                    py(v) + if up { -13.0 } else { 14.0 },
                    &text,
                    Style::new(11.0).anchor(HPos::Center, VPos::Center),
                )?;
                hits.push(Hit {
                    x: x - 7.0,
                    y: p.1 as f64 - 7.0,
                    w: 14.0,
                    h: 14.0,
                    label: match lang {
                        Lang::Nl => format!(
                            "{region} {}: aandeel werkenden {} ({} t.o.v. landelijk; {})",
                            y.year,
                            pct(y.national + v, lang),
                            pp(v, lang),
                            if up { "hoogste" } else { "laagste" }
                        ),
                        Lang::En => format!(
                            "{region} {}: share working {} ({} vs. national; {})",
                            y.year,
                            pct(y.national + v, lang),
                            pp(v, lang),
                            if up { "highest" } else { "lowest" }
                        ),
                    },
                    key: region.clone(),
                });
            }
            let sd = format!("sd {}", number(y.sd, 1, lang));
            let sd_style = Style::new(11.0).bold().color(palette::DOWN);
            // Beside the band when the column has room, else on it.
            let sd_x = if 32.0 + sd_style.width(&sd) <= col / 2.0 {
                x + 32.0
            } else {
                x - sd_style.width(&sd) / 2.0
            };
            label(
                &root,
                sd_x,
                py(y.sd / 2.0),
                &sd,
                Style::new(11.0).bold().color(palette::DOWN),
            )?;
            label(
                &root,
                x,
                y1 + 16.0,
                &y.year.label_in(lang),
                Style::new(12.0).bold().anchor(HPos::Center, VPos::Center),
            )?;
            label(
                &root,
                x,
                y1 + 33.0,
                &{
                    let full = format!(
                        "{} {} %",
                        t(lang, "landelijk", "national"),
                        number(y.national, 1, lang)
                    );
                    if Style::new(11.0).width(&full) <= col - 4.0 {
                        full
                    } else {
                        format!("{} %", number(y.national, 1, lang))
                    }
                },
                Style::new(11.0)
                    .color(palette::MUTED)
                    .anchor(HPos::Center, VPos::Center),
            )?;
            hits.push(Hit {
                x: x - 26.0,
                y: py(y.sd),
                w: 52.0,
                h: py(-y.sd) - py(y.sd),
                label: match lang {
                    Lang::Nl => format!(
                        "{}: standaardafwijking {} %-punt, landelijk {} %",
                        y.year,
                        number(y.sd, 1, lang),
                        number(y.national, 1, lang)
                    ),
                    Lang::En => format!(
                        "{}: standard deviation {} pp, national {} %",
                        y.year,
                        number(y.sd, 1, lang),
                        number(y.national, 1, lang)
                    ),
                },
                // (A year is no region to mark.)
                key: String::new(),
            });
        }
        // Legend: one row, or two when it does not fit.
        let band = t(lang, "± 1 standaardafwijking", "± 1 standard deviation");
        let range = t(
            lang,
            "van laagste tot hoogste regio",
            "from lowest to highest region",
        );
        let st = Style::new(11.0);
        let one_row = 40.0 + st.width(band) + 32.0 + st.width(range) <= w as f64 - 16.0;
        let ly = h as f64 - if one_row { 36.0 } else { 46.0 };
        root.draw(&Rectangle::new(
            [(16, ly as i32 - 6), (34, ly as i32 + 6)],
            BAND.filled(),
        ))
        .map_err(draw_err)?;
        label(&root, 40.0, ly, band, st)?;
        let (lx, ly) = if one_row {
            (40.0 + st.width(band) + 24.0, ly)
        } else {
            (25.0, ly + 18.0)
        };
        root.draw(&PathElement::new(
            vec![(lx as i32, ly as i32 - 7), (lx as i32, ly as i32 + 7)],
            palette::NEUTRAL.stroke_width(2),
        ))
        .map_err(draw_err)?;
        label(&root, lx + 8.0, ly, range, st)?;
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
