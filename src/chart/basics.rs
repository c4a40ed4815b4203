//! The table of basic measures as SVG, so it prints and exports like the charts: regions with
//! their difference from national (beyond 1 SD coloured and bold), the national and SD rows, the
//! correlation matrix between the measures, and the reasons for measures that are not available.

use super::ranking::colour;
use super::text::Style;
use super::Texts;
use super::{draw_err, label, palette, Chart, Hit};
use crate::data::regional::{outlier_word, Against, BasicsData, Measure};
use crate::data::Outlier;
use crate::error::Result;
use crate::format::{number, pp_unit, signed, t, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

pub const WIDTH: u32 = 820;
const ROW: f64 = 16.5;
const LINE: f64 = 12.0;
const SIZE: f64 = 11.0;
const STRIPE: RGBColor = RGBColor(0xf3, 0xf3, 0xf3);

fn hline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x0: f64,
    x1: f64,
    y: f64,
    c: RGBColor,
) -> Result<()> {
    area.draw(&PathElement::new(
        vec![(x0 as i32, y as i32), (x1 as i32, y as i32)],
        c.stroke_width(1),
    ))
    .map_err(draw_err)
}

fn header_lines(text: &str) -> Vec<&str> {
    text.split('\n').collect()
}

/// Column headers (multi-line, bottom-aligned at `bottom`), centred on each column.
fn headers<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cols: &[(f64, String)],
    bottom: f64,
) -> Result<()> {
    for (cx, text) in cols {
        let lines = header_lines(text);
        for (j, l) in lines.iter().enumerate() {
            let y = bottom - (lines.len() - 1 - j) as f64 * LINE;
            label(
                area,
                *cx,
                y,
                l,
                Style::new(SIZE)
                    .color(palette::MUTED)
                    .anchor(HPos::Center, VPos::Center),
            )?;
        }
    }
    Ok(())
}

fn cell_text(m: &Measure, i: usize, lang: Lang) -> (String, Option<Outlier>) {
    if !m.available {
        return (t(lang, "n.b.", "n/a").into(), None);
    }
    match m.relative.get(i).copied().flatten() {
        Some(r) => (signed(r, 1, lang), m.outliers.get(i).copied().flatten()),
        None => ("–".into(), None),
    }
}

/// A measure's row label in the correlations.
fn corr_label(m: &Measure) -> String {
    m.label.replace(" Werkkamer", "")
}

pub fn draw(
    data: &BasicsData,
    texts: &Texts,
    highlight: Option<&str>,
    lang: Lang,
) -> Result<Chart> {
    let ms = &data.measures;
    let corr: Vec<&Measure> = ms.iter().filter(|m| m.correlate && m.available).collect();
    let unavailable: Vec<&Measure> = ms.iter().filter(|m| !m.available).collect();
    let n = data.regions.len();
    let name_w = data
        .regions
        .iter()
        .map(|r| Style::new(SIZE).bold().width(r))
        .fold(110.0f64, f64::max)
        .min(if texts.width() < 600 { 150.0 } else { 230.0 })
        // The correlations' row labels share the first column: never under their numbers.
        .max(
            corr.iter()
                .skip(1)
                .map(|m| Style::new(SIZE).width(&corr_label(m)))
                .fold(0.0, f64::max),
        )
        + 10.0;
    let max_lines = ms
        .iter()
        .map(|m| header_lines(&m.header).len())
        .max()
        .unwrap_or(1);
    let head_h = 20.0 + max_lines as f64 * LINE + 6.0;
    let table_top = 64.0;
    let body_top = table_top + head_h;
    let body_bottom = body_top + (n + 2) as f64 * ROW;
    let corr_top = body_bottom + 30.0;
    let corr_lines = corr
        .iter()
        .map(|m| header_lines(&m.header).len() + 1)
        .max()
        .unwrap_or(1);
    let corr_head = corr_lines as f64 * LINE + 8.0;
    let corr_h = if corr.len() > 1 {
        22.0 + corr_head + (corr.len() - 1) as f64 * ROW + 10.0
    } else {
        0.0
    };
    let notes_top = corr_top + corr_h + 8.0;
    // A table keeps columns wide enough for its numbers: on a narrow screen it is wider than
    // the screen and scrolls sideways in its box.
    let w = texts
        .width()
        .max((32.0 + name_w + ms.len() as f64 * 58.0).ceil() as u32);
    // The key under the table, wrapped to the width.
    let key = super::facet::wrap(
        &match lang {
            Lang::Nl => format!("Vet en gekleurd: meer dan {} sd boven (groen) of onder (blauw) landelijk. Banen t.o.v. indicatie: landelijk = ongewogen gemiddelde van de regio's.", crate::format::k_text(data.k, lang)),
            Lang::En => format!("Bold and coloured: more than {} sd above (green) or below (blue) national. Jobs against the indication: national = unweighted mean of the regions.", crate::format::k_text(data.k, lang)),
        },
        Style::new(11.0),
        w as f64 - 32.0,
    );
    let key_extra = key.len().saturating_sub(1) as f64 * 14.0;
    let h = (notes_top + unavailable.len() as f64 * 15.0 + 52.0 + key_extra) as u32;
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
        let (x0, x1) = (16.0, w as f64 - 16.0);
        let col_w = (x1 - x0 - name_w) / ms.len().max(1) as f64;
        let cx = |j: usize| x0 + name_w + col_w * (j as f64 + 0.5);

        // Group headers spanning their columns.
        let mut j = 0;
        while j < ms.len() {
            let g = ms[j].group;
            let k = ms[j..].iter().take_while(|m| m.group == g).count();
            let (a, b) = (
                x0 + name_w + col_w * j as f64 + 4.0,
                x0 + name_w + col_w * (j + k) as f64 - 4.0,
            );
            label(
                &root,
                (a + b) / 2.0,
                table_top + 8.0,
                g,
                Style::new(11.5).bold().anchor(HPos::Center, VPos::Center),
            )?;
            hline(&root, a, b, table_top + 17.0, palette::AXIS)?;
            j += k;
        }
        let cols: Vec<(f64, String)> = ms
            .iter()
            .enumerate()
            .map(|(j, m)| (cx(j), m.header.clone()))
            .collect();
        headers(&root, &cols, body_top - 9.0)?;
        label(
            &root,
            x0,
            body_top - 9.0,
            t(lang, "Regio", "Region"),
            Style::new(SIZE).bold(),
        )?;
        hline(&root, x0, x1, body_top, palette::AXIS)?;

        for (i, r) in data.regions.iter().enumerate() {
            let y = body_top + (i as f64 + 0.5) * ROW;
            let is_hl = highlight.is_some_and(|h| h == r);
            if is_hl || i % 2 == 1 {
                root.draw(&Rectangle::new(
                    [
                        (x0 as i32, (y - ROW / 2.0) as i32),
                        (x1 as i32, (y + ROW / 2.0) as i32),
                    ],
                    if is_hl {
                        RGBColor(0xfd, 0xe8, 0xd7)
                    } else {
                        STRIPE
                    }
                    .filled(),
                ))
                .map_err(draw_err)?;
            }
            let mut ns = Style::new(SIZE);
            if is_hl {
                ns = ns.bold().color(palette::HIGHLIGHT);
            }
            label(
                &root,
                x0 + 2.0,
                y,
                &super::facet::fit(r, ns, name_w - 8.0),
                ns,
            )?;
            let mut tip = vec![r.clone()];
            for (j, m) in ms.iter().enumerate() {
                let (text, o) = cell_text(m, i, lang);
                let mut st = Style::new(SIZE).anchor(HPos::Center, VPos::Center);
                st = match o {
                    Some(_) => st.bold().color(colour(o)),
                    None if !m.available => st.color(palette::MUTED),
                    None => st,
                };
                label(&root, cx(j), y, &text, st)?;
                if m.available {
                    if let Some(v) = m.values.get(i).copied().flatten() {
                        let mut cell = format!(
                            "{}: {} % ({} {})",
                            m.label,
                            number(v, 1, lang),
                            text,
                            pp_unit(lang)
                        );
                        if let Some(o) = o {
                            cell.push_str(&format!(
                                ", {}",
                                outlier_word(o, Against::National, lang)
                            ));
                        }
                        tip.push(cell);
                    }
                }
            }
            hits.push(Hit {
                x: x0,
                y: y - ROW / 2.0,
                w: x1 - x0,
                h: ROW,
                label: tip.join("; "),
                key: r.clone(),
            });
        }
        // National and SD rows.
        let yl = body_top + (n as f64 + 0.5) * ROW;
        let ys = yl + ROW;
        hline(&root, x0, x1, body_top + n as f64 * ROW, palette::AXIS)?;
        label(
            &root,
            x0 + 2.0,
            yl,
            t(lang, "Landelijk (%)", "National (%)"),
            Style::new(SIZE).bold(),
        )?;
        label(
            &root,
            x0 + 2.0,
            ys,
            t(lang, "Standaardafwijking", "Standard deviation"),
            Style::new(SIZE).color(palette::MUTED),
        )?;
        for (j, m) in ms.iter().enumerate() {
            let (nat, sd) = match (m.available, m.national, m.sd) {
                (true, Some(nv), sd) => (
                    number(nv, 1, lang),
                    sd.map(|s| number(s, 1, lang)).unwrap_or("–".into()),
                ),
                _ => (t(lang, "n.b.", "n/a").into(), t(lang, "n.b.", "n/a").into()),
            };
            label(
                &root,
                cx(j),
                yl,
                &nat,
                Style::new(SIZE).bold().anchor(HPos::Center, VPos::Center),
            )?;
            label(
                &root,
                cx(j),
                ys,
                &sd,
                Style::new(SIZE)
                    .color(palette::MUTED)
                    .anchor(HPos::Center, VPos::Center),
            )?;
        }
        hline(&root, x0, x1, body_bottom, palette::AXIS)?;

        // Correlations: lower triangle, rows 2..k against columns 1..k-1.
        if corr.len() > 1 {
            label(
                &root,
                x0,
                corr_top + 6.0,
                t(
                    lang,
                    "Correlaties tussen de maten (Pearson r over de regio's)",
                    "Correlations between the measures (Pearson r across the regions)",
                ),
                Style::new(12.0).bold(),
            )?;
            let c_cols: Vec<(f64, String)> = corr[..corr.len() - 1]
                .iter()
                .enumerate()
                .map(|(j, m)| (cx(j), format!("{}\n{}", m.group, m.header)))
                .collect();
            let head_bottom = corr_top + 22.0 + corr_head - 8.0;
            headers(&root, &c_cols, head_bottom)?;
            let top = head_bottom + 9.0;
            hline(
                &root,
                x0,
                x0 + name_w + col_w * (corr.len() - 1) as f64,
                top,
                palette::AXIS,
            )?;
            for (i, a) in corr.iter().enumerate().skip(1) {
                let y = top + (i as f64 - 0.5) * ROW;
                label(&root, x0 + 2.0, y, &corr_label(a), Style::new(SIZE))?;
                for (j, b) in corr.iter().enumerate().take(i) {
                    let c = data
                        .correlations
                        .iter()
                        .find(|c| (c.a == a.key && c.b == b.key) || (c.a == b.key && c.b == a.key));
                    let (text, strong) = match c.and_then(|c| c.r) {
                        Some(r) => (number(r, 2, lang), r.abs() >= 0.5),
                        None => ("–".into(), false),
                    };
                    let mut st = Style::new(SIZE).anchor(HPos::Center, VPos::Center);
                    if strong {
                        st = st.bold();
                    }
                    label(&root, cx(j), y, &text, st)?;
                }
            }
        }
        // Why measures are missing.
        for (i, m) in unavailable.iter().enumerate() {
            label(
                &root,
                x0,
                notes_top + i as f64 * 15.0 + 6.0,
                &format!(
                    "{} {}: {}.",
                    t(lang, "n.b.", "n/a"),
                    m.label,
                    m.reason.clone().unwrap_or_default()
                ),
                Style::new(11.0).color(palette::MUTED),
            )?;
        }
        for (k, line) in key.iter().enumerate() {
            label(
                &root,
                x0,
                h as f64 - 30.0 - key_extra + k as f64 * 14.0,
                line,
                Style::new(11.0).color(palette::MUTED),
            )?;
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
