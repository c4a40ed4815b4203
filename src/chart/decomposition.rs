//! Stacked horizontal bars: per region the growth of working Participatiewet persons split into
//! the Praktijkroute and the other routes, a national bar on top, regions ranked by the
//! Praktijkroute share of the growth, which is printed in a column on the right and coloured
//! (with a triangle) where it lies beyond k SD from national.

use super::facet::{self, Rect, Scale};
use super::marks::{self, text_on};
use super::ranking::{
    colour, highlight_row, name_width, region_name, value_axis, HIGHLIGHT_BAND, PLOT_TOP, ROW,
};
use super::text::Style;
use super::Texts;
use super::{draw_err, label, palette, Chart, Hit};
use crate::data::regional::Parts;
use crate::data::regional::{outlier_word, Against, DecompositionData};
use crate::error::Result;
use crate::format::{number, pp, pp_unit, signed, t, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub const WIDTH: u32 = 820;
const PRAKTIJKROUTE: RGBColor = palette::SERIES[3];
const OTHER: RGBColor = RGBColor(0xb4, 0xbf, 0xcc);

/// The growth of a region split in its two parts: the Praktijkroute from zero, the other routes
/// after it when they grew, left of zero when they shrank.
fn stacked<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    sc: &Scale,
    y: f64,
    p: Parts,
) -> Result<()> {
    let other = if p.pw_other >= 0.0 {
        (p.praktijkroute, p.praktijkroute + p.pw_other, OTHER)
    } else {
        (p.pw_other, 0.0, OTHER)
    };
    marks::stack(
        area,
        sc,
        y - 7.0,
        14.0,
        &[(0.0, p.praktijkroute, PRAKTIJKROUTE), other],
        false,
    )?;
    Ok(())
}

pub fn draw(
    data: &DecompositionData,
    texts: &Texts,
    highlight: Option<&str>,
    lang: Lang,
) -> Result<Chart> {
    let n = data.bars.len();
    let w = texts.width();
    // The legend: the two parts of a bar and the two outlier triangles.
    let k = crate::format::k_text(data.k, lang);
    let legend_items = [
        (
            marks::Key::Bar(PRAKTIJKROUTE),
            t(lang, "via Praktijkroute", "via the Praktijkroute").to_string(),
        ),
        (
            marks::Key::Bar(OTHER),
            t(lang, "via overige routes", "via other routes").to_string(),
        ),
        (
            marks::Key::Triangle(true),
            match lang {
                Lang::Nl => format!("aandeel boven landelijk (> {k} sd)"),
                Lang::En => format!("share above national (> {k} sd)"),
            },
        ),
        (
            marks::Key::Triangle(false),
            match lang {
                Lang::Nl => format!("onder landelijk (> {k} sd)"),
                Lang::En => format!("below national (> {k} sd)"),
            },
        ),
    ];
    let legend_rows =
        marks::key_legend::<SVGBackend>(None, &legend_items, (16.0, 0.0), w as f64 - 32.0)?;
    let h = super::ranking::height(n, 1, legend_rows) + 6;
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
        let names_w = name_width(data.bars.iter().map(|b| b.region.as_str()), w);
        let left = 16.0 + names_w + 20.0;
        let share_col = w as f64 - 20.0;
        let right = share_col - 88.0;
        let parts: Vec<Parts> = data
            .bars
            .iter()
            .filter_map(|b| b.parts)
            .chain(std::iter::once(data.national_parts))
            .collect();
        let lo = parts
            .iter()
            .map(|p| p.pw_other.min(0.0))
            .fold(0.0, f64::min);
        let hi = parts
            .iter()
            .map(|p| p.praktijkroute + p.pw_other.max(0.0))
            .fold(0.0, f64::max);
        let span = (hi - lo).max(1.0);
        // Room right of the bars for the growth written at their ends.
        let room = data
            .bars
            .iter()
            .filter_map(|b| b.parts)
            .map(|p| p.praktijkroute + p.pw_other)
            .chain(std::iter::once(data.national_growth))
            .map(|g| Style::new(11.0).width(&format!("{} %", signed(g, 0, lang))))
            .fold(0.0, f64::max)
            + 10.0;
        let sc = Scale::linear(
            if lo < 0.0 { lo - span * 0.04 } else { 0.0 },
            hi + span * 0.02,
            left,
            right - room,
        );
        let top = PLOT_TOP + 20.0;
        let bottom = top + (n as f64 + 1.0) * ROW + 6.0;
        value_axis(
            &root,
            &sc,
            Rect {
                x: left,
                y: top,
                w: right - left,
                h: bottom - top,
            },
            t(
                lang,
                "Groei werkenden Participatiewet (%)",
                "Growth of working persons Participatiewet (%)",
            ),
            lang,
        )?;
        label(
            &root,
            share_col,
            top - 11.0,
            t(lang, "aandeel Praktijkroute", "share Praktijkroute"),
            Style::new(11.0).bold().anchor(HPos::Right, VPos::Center),
        )?;
        // National bar first, set apart by a rule.
        let yn = top + 0.5 * ROW;
        let national_style = Style::new(11.5).bold().anchor(HPos::Right, VPos::Center);
        label(
            &root,
            left - 16.0,
            yn,
            t(lang, "Landelijk", "National"),
            national_style,
        )?;
        stacked(&root, &sc, yn, data.national_parts)?;
        text_on(
            &root,
            sc.map(data.national_parts.praktijkroute + data.national_parts.pw_other.max(0.0)) + 4.0,
            yn,
            &format!("{} %", signed(data.national_growth, 0, lang)),
            Style::new(11.0).color(palette::MUTED),
            WHITE,
        )?;
        label(
            &root,
            share_col,
            yn,
            &format!("{} %", number(data.national, 1, lang)),
            national_style,
        )?;
        root.draw(&PathElement::new(
            vec![
                (12, (top + ROW + 3.0) as i32),
                (w as i32 - 12, (top + ROW + 3.0) as i32),
            ],
            palette::AXIS.stroke_width(1),
        ))
        .map_err(draw_err)?;
        for (i, b) in data.bars.iter().enumerate() {
            let y = top + (i as f64 + 1.5) * ROW + 6.0;
            let is_hl = highlight.is_some_and(|r| r == b.region);
            if is_hl {
                highlight_row(&root, 12.0, w as f64 - 12.0, y)?;
            }
            region_name(&root, left, y, &b.region, names_w, b.outlier, is_hl)?;
            let Some(p) = b.parts else { continue };
            stacked(&root, &sc, y, p)?;
            let growth = p.praktijkroute + p.pw_other;
            text_on(
                &root,
                sc.map(p.praktijkroute + p.pw_other.max(0.0)) + 4.0,
                y,
                &format!("{} %", signed(growth, 0, lang)),
                Style::new(11.0).color(palette::MUTED),
                if is_hl { HIGHLIGHT_BAND } else { WHITE },
            )?;
            let mut st = Style::new(11.0)
                .color(match b.outlier {
                    None => palette::TEXT,
                    o => colour(o),
                })
                .anchor(HPos::Right, VPos::Center);
            if b.outlier.is_some() {
                st = st.bold();
                marks::triangle(
                    &root,
                    (share_col - 56.0, y),
                    b.outlier.is_some_and(|o| o.is_up()),
                    5.0,
                )?;
            }
            label(
                &root,
                share_col,
                y,
                &format!("{} %", number(b.value, 1, lang)),
                st,
            )?;
            hits.push(Hit {
                x: 12.0,
                y: y - ROW / 2.0,
                w: w as f64 - 24.0,
                h: ROW,
                label: {
                    let mut tip = match lang {
                        Lang::Nl => format!(
                            "{}: groei {} %, waarvan {} %-punt via de Praktijkroute en {} %-punt via overige routes; {} % van de groei via de Praktijkroute ({} t.o.v. landelijk)",
                            b.region,
                            signed(growth, 1, lang),
                            number(p.praktijkroute, 1, lang),
                            number(p.pw_other, 1, lang),
                            number(b.value, 1, lang),
                            pp(b.relative, lang),
                        ),
                        Lang::En => format!(
                            "{}: growth {} %, of which {} {} via the Praktijkroute and {} {} via other routes; {} % of the growth via the Praktijkroute ({} vs. national)",
                            b.region,
                            signed(growth, 1, lang),
                            number(p.praktijkroute, 1, lang),
                            pp_unit(lang),
                            number(p.pw_other, 1, lang),
                            pp_unit(lang),
                            number(b.value, 1, lang),
                            pp(b.relative, lang),
                        ),
                    };
                    if let Some(o) = b.outlier {
                        tip.push_str("; ");
                        tip.push_str(&outlier_word(o, Against::National, lang));
                    }
                    tip
                },
                key: b.region.clone(),
            });
        }
        let x0 = sc.map(0.0);
        facet::line(
            &root,
            &[(x0, top), (x0, bottom)],
            palette::AXIS.stroke_width(1),
        )?;
        marks::key_legend(
            Some(&root),
            &legend_items,
            (16.0, bottom + 58.0),
            w as f64 - 32.0,
        )?;
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
