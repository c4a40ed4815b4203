//! The choropleth map of the labour-market regions: each region coloured by its class on a
//! diverging scale around the national value (differences in %-points) or a sequential scale
//! (levels); outliers outlined thick and dark and labelled with a triangle and their name (not
//! colour alone); regions without a value hatched as "geen gegevens", never coloured as zero.
//!
//! Frame and legend texts go through plotters like every chart; the regions are SVG written here
//! (one `<g>` per region with a `<title>`, hatching needs a `<pattern>`, which plotters lacks).

use super::text::{Style, FONT};
use super::{draw_err, label, palette, Chart, Hit, Texts};
use crate::data::Outlier;
use crate::error::{Error, Result};
use crate::format::{number, signed, Lang};
use crate::geo::{Boundaries, Fit, RegionShape, ATTRIBUTION, ATTRIBUTION_EN};
use plotters::prelude::*;
use serde::Serialize;
use std::fmt::Write;

pub const WIDTH: u32 = 820;
pub const HEIGHT: u32 = 700;
/// The box the country is fitted into (left, top, width, height), legend to its right.
const MAP_BOX: (f64, f64, f64, f64) = (16.0, 58.0, 520.0, 600.0);

/// Where the map and its legend go at width `w`: the legend right of the map on a wide chart
/// (at 820 px the print layout), under it on a narrow one.
#[derive(Debug, Clone, Copy)]
struct Layout {
    map: (f64, f64, f64, f64),
    /// The legend's left edge, first line and width.
    legend: (f64, f64, f64),
}

fn layout(w: u32) -> Layout {
    let w = w as f64;
    let (mx, my, mw0, mh0) = MAP_BOX;
    if w >= 640.0 {
        let mw = (w - 300.0).min(620.0);
        let lx = mx + mw + 20.0;
        Layout {
            map: (mx, my, mw, mh0 * mw / mw0),
            legend: (lx, 80.0, w - lx - 12.0),
        }
    } else {
        let mw = w - 32.0;
        let mh = mh0 * mw / mw0;
        Layout {
            map: (mx, my, mw, mh),
            legend: (mx, my + mh + 20.0, w - 32.0),
        }
    }
}
const LABEL_SIZE: f64 = 11.0;
/// Width of the dark outline of an outlier and of a strong outlier, px.
const OUTLINE: f64 = 2.2;
const OUTLINE_STRONG: f64 = 3.4;

/// How regions are coloured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// By [`MapRegion::relative`], diverging around `centre` (0: the national value).
    Diverging { centre: f64 },
    /// By [`MapRegion::value`], light to dark.
    Sequential,
}

/// What outliers (and [`MapRegion::relative`]) are measured from: the national value (ranking
/// measures) or the trend (the scatter's residuals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    National,
    Trend,
}

/// One region of the map, joined to its outline by `code` (the edition's). Serialises as a
/// region of the view's JSON (`region`, `code`, `value`, `relative`, `outlier`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapRegion {
    /// The name shown and used as key (the data's spelling).
    pub region: String,
    pub code: String,
    /// The level, in `value_unit` (`None`: no data).
    pub value: Option<f64>,
    /// The difference from the reference, in `relative_unit`.
    pub relative: Option<f64>,
    pub outlier: Option<Outlier>,
    #[serde(skip)]
    pub highlighted: bool,
}

/// Everything the map shows besides the outlines.
#[derive(Debug, Clone, PartialEq)]
pub struct MapData {
    /// The edition of the division the data was joined to (must be the outlines' edition).
    pub edition: i32,
    pub regions: Vec<MapRegion>,
    pub scale: Scale,
    /// Ascending class boundaries of the coloured quantity (`relative` when diverging, `value`
    /// when sequential); empty: chosen from the data ([`default_breaks`]).
    pub breaks: Vec<f64>,
    /// The national level, named in the legend of a diverging map.
    pub national: Option<f64>,
    pub value_unit: String,
    pub relative_unit: String,
    pub decimals: usize,
    /// Heading of the legend, e.g. "Verschil met landelijk (%-punt)".
    pub legend_title: String,
    /// The outlier threshold in standard deviations, for the legend (`None`: no outliers shown).
    pub k: Option<f64>,
    pub reference: Reference,
}

impl MapData {
    /// The coloured quantity of a region.
    fn shown(&self, r: &MapRegion) -> Option<f64> {
        match self.scale {
            Scale::Diverging { .. } => r.relative,
            Scale::Sequential => r.value,
        }
        .filter(|v| v.is_finite())
    }
}

/// A step of 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * mag)
}

/// Class boundaries from the data: diverging, six classes symmetric around the centre in nice
/// steps (three below, three above); sequential, the nice ticks inside the range (about five
/// classes).
pub fn default_breaks(data: &MapData) -> Vec<f64> {
    let values: Vec<f64> = data.regions.iter().filter_map(|r| data.shown(r)).collect();
    match data.scale {
        Scale::Diverging { centre } => {
            let m = values
                .iter()
                .map(|v| (v - centre).abs())
                .fold(0.0f64, f64::max);
            let s = nice_step(m / 3.0);
            [-2.0, -1.0, 0.0, 1.0, 2.0]
                .iter()
                .map(|k| centre + k * s)
                .collect()
        }
        Scale::Sequential => {
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
                return Vec::new();
            }
            super::nice_ticks(lo, hi, 5)
                .into_iter()
                .filter(|t| *t > lo && *t < hi)
                .collect()
        }
    }
}

/// The class of `v`: the number of breaks at or below it.
fn class(v: f64, breaks: &[f64]) -> usize {
    breaks.iter().filter(|b| **b <= v).count()
}

fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let f = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round() as u8;
    RGBColor(f(a.0, b.0), f(a.1, b.1), f(a.2, b.2))
}

/// `n` colours from light to dark along `ramp` (evenly between its anchors).
fn ramp(anchors: &[RGBColor], n: usize) -> Vec<RGBColor> {
    (0..n)
        .map(|i| {
            let t = if n > 1 {
                i as f64 / (n - 1) as f64
            } else {
                0.5
            };
            let pos = t * (anchors.len() - 1) as f64;
            let k = (pos.floor() as usize).min(anchors.len() - 2);
            mix(anchors[k], anchors[k + 1], pos - k as f64)
        })
        .collect()
}

const BELOW: [RGBColor; 2] = [RGBColor(0xcf, 0xdf, 0xf3), palette::DOWN_STRONG];
const ABOVE: [RGBColor; 2] = [RGBColor(0xcd, 0xe9, 0xd1), palette::UP_STRONG];
const SEQUENTIAL: [RGBColor; 3] = [
    RGBColor(0xe8, 0xf0, 0xfa),
    RGBColor(0x6b, 0x9b, 0xd2),
    RGBColor(0x08, 0x2a, 0x66),
];
/// A class that straddles the centre.
const MIDDLE: RGBColor = RGBColor(0xee, 0xee, 0xee);
const NO_DATA_BG: RGBColor = RGBColor(0xf4, 0xf4, 0xf4);
const NO_DATA_LINE: RGBColor = RGBColor(0x8c, 0x8c, 0x8c);

/// The fill of each class: light near the centre, darker away from it, blue below and green above
/// (as the ranking's outliers); light to dark blue for a sequential scale.
fn class_colours(scale: Scale, breaks: &[f64]) -> Vec<RGBColor> {
    let n = breaks.len() + 1;
    match scale {
        Scale::Sequential => ramp(&SEQUENTIAL, n),
        Scale::Diverging { centre } => {
            // Class i spans [breaks[i-1], breaks[i]).
            let below = breaks.iter().filter(|b| **b <= centre).count();
            let above = breaks.iter().filter(|b| **b >= centre).count();
            let blues = ramp(&BELOW, below);
            let greens = ramp(&ABOVE, above);
            (0..n)
                .map(|i| {
                    if i < below && breaks.get(i).is_some_and(|b| *b <= centre) {
                        blues[below - 1 - i]
                    } else if i >= n - above && i > 0 && breaks[i - 1] >= centre {
                        greens[i - (n - above)]
                    } else {
                        MIDDLE
                    }
                })
                .collect()
        }
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn tr(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The SVG path of a region's polygons in pixels (one decimal; points that round together
/// dropped; even-odd filling makes holes).
fn path_d(shape: &RegionShape, fit: &Fit) -> String {
    let mut d = String::new();
    for ring in shape.polygons.iter().flatten() {
        let mut pts: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
        for p in ring {
            let (x, y) = fit.apply(*p);
            let q = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
            if pts.last() != Some(&q) {
                pts.push(q);
            }
        }
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if pts.len() < 3 {
            continue;
        }
        for (i, (x, y)) in pts.iter().enumerate() {
            let c = if i == 0 { 'M' } else { 'L' };
            let _ = write!(d, "{c}{}{}", tenths(*x), tenths_y(*y));
        }
        d.push('Z');
    }
    d
}

/// A coordinate in tenths of a pixel as text (`123.4`, `12`), without trailing `.0`.
fn tenths(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    if a.is_multiple_of(10) {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}

fn tenths_y(v: i64) -> String {
    format!(" {}", tenths(v))
}

fn outlier_text(o: Outlier, lang: Lang) -> &'static str {
    match (o, lang) {
        (Outlier::Up, Lang::Nl) => "uitschieter boven",
        (Outlier::UpStrong, Lang::Nl) => "sterke uitschieter boven",
        (Outlier::Down, Lang::Nl) => "uitschieter onder",
        (Outlier::DownStrong, Lang::Nl) => "sterke uitschieter onder",
        (Outlier::Up, Lang::En) => "outlier above",
        (Outlier::UpStrong, Lang::En) => "strong outlier above",
        (Outlier::Down, Lang::En) => "outlier below",
        (Outlier::DownStrong, Lang::En) => "strong outlier below",
    }
}

fn triangle_char(o: Outlier) -> char {
    if o.is_up() {
        '\u{25B2}'
    } else {
        '\u{25BC}'
    }
}

/// The tooltip and accessible text of a region.
fn region_text(data: &MapData, name: &str, r: Option<&MapRegion>, lang: Lang) -> String {
    let no_data = tr(lang, "geen gegevens", "no data");
    let Some(r) = r else {
        return format!("{name}: {no_data}");
    };
    let reference = match data.reference {
        Reference::National => tr(lang, "t.o.v. landelijk", "vs. national"),
        Reference::Trend => tr(lang, "t.o.v. de trend", "vs. the trend"),
    };
    let unit = |u: &str| {
        if u.is_empty() {
            String::new()
        } else {
            format!(" {u}")
        }
    };
    let value = r.value.filter(|v| v.is_finite());
    let relative = r.relative.filter(|v| v.is_finite());
    let mut text = match (value, relative) {
        (None, None) => return format!("{name}: {no_data}"),
        (Some(v), None) => format!(
            "{name}: {}{}",
            number(v, data.decimals, lang),
            unit(&data.value_unit)
        ),
        (None, Some(d)) => format!(
            "{name}: {}{} {reference}",
            signed(d, data.decimals, lang),
            unit(&data.relative_unit)
        ),
        (Some(v), Some(d)) => format!(
            "{name}: {}{} ({}{} {reference})",
            number(v, data.decimals, lang),
            unit(&data.value_unit),
            signed(d, data.decimals, lang),
            unit(&data.relative_unit)
        ),
    };
    if let Some(o) = r.outlier {
        text.push_str(", ");
        text.push_str(outlier_text(o, lang));
    }
    text
}

/// A label with a white halo, readable on any fill.
fn halo_text(out: &mut String, x: f64, y: f64, text: &str, colour: RGBColor, bold: bool) {
    let _ = write!(
        out,
        "<text x=\"{x:.1}\" y=\"{y:.1}\" dy=\"0.35em\" text-anchor=\"middle\" font-family=\"{FONT}\" \
         font-size=\"{LABEL_SIZE}\"{} fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"3\" \
         stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>",
        if bold { " font-weight=\"bold\"" } else { "" },
        hex(colour),
        esc(text)
    );
}

/// Draws the map of `data` on the outlines of `shapes` (the same edition). Every region of the
/// edition is drawn; one without an entry in `data` or without a value is hatched as "geen
/// gegevens". Hits: a square inside each region, around the point its label would take.
pub fn draw(data: &MapData, shapes: &Boundaries, texts: &Texts, lang: Lang) -> Result<Chart> {
    if data.edition != shapes.edition {
        return Err(Error::view(format!(
            "De kaart van {} past niet bij gegevens die met de indeling van {} zijn gekoppeld.",
            shapes.edition, data.edition
        )));
    }
    let lay = layout(texts.width());
    let fit = fit(shapes, lay.map)?;
    let (mx, _, mw, _) = lay.map;
    let mut breaks = if data.breaks.is_empty() {
        default_breaks(data)
    } else {
        data.breaks.clone()
    };
    breaks.retain(|b| b.is_finite());
    breaks.sort_by(f64::total_cmp);
    breaks.dedup();
    let colours = class_colours(data.scale, &breaks);
    let entry = |code: &str| data.regions.iter().find(|r| r.code == code);

    // Regions: fill and thin white borders first, then outlier and highlight outlines on top.
    let mut raw = String::new();
    let _ = write!(
        raw,
        "<defs><pattern id=\"bv-nodata\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{}\" stroke-width=\"1.4\"/></pattern></defs>",
        hex(NO_DATA_BG),
        hex(NO_DATA_LINE)
    );
    raw.push_str("<g class=\"map\" stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">");
    for u in &shapes.unassigned {
        let _ = write!(
            raw,
            "<path d=\"{}\" fill=\"#ffffff\" stroke=\"#c8c8c8\"/>",
            path_d(u, &fit)
        );
    }
    let mut hits = Vec::new();
    let mut labels: Vec<(f64, f64, String, RGBColor, bool)> = Vec::new();
    let mut outlines = String::new();
    let mut highlight = String::new();
    let mut counts = vec![0usize; colours.len()];
    let mut no_data = 0usize;
    for shape in &shapes.regions {
        let d = path_d(shape, &fit);
        if d.is_empty() {
            continue;
        }
        let r = entry(&shape.code);
        let name = key(data, shape);
        let text = region_text(data, name, r, lang);
        let fill = match r.and_then(|r| data.shown(r)) {
            Some(v) => {
                let c = class(v, &breaks);
                counts[c] += 1;
                hex(colours[c])
            }
            None => {
                no_data += 1;
                "url(#bv-nodata)".to_string()
            }
        };
        let _ = write!(
            raw,
            "<g class=\"region\" data-key=\"{}\" data-code=\"{}\"><title>{}</title><path d=\"{d}\" fill=\"{fill}\"/></g>",
            esc(name),
            esc(&shape.code),
            esc(&text)
        );
        let spot = shape.label_point().map(|(p, dist)| {
            let (x, y) = fit.apply(p);
            (x, y, dist * fit.scale)
        });
        if let Some((x, y, dist)) = spot {
            let half = (dist / std::f64::consts::SQRT_2).clamp(4.0, 14.0);
            hits.push(Hit {
                x: x - half,
                y: y - half,
                w: 2.0 * half,
                h: 2.0 * half,
                label: text.clone(),
                key: name.to_string(),
            });
        }
        let outlier = r.and_then(|r| r.outlier);
        let highlighted = r.is_some_and(|r| r.highlighted);
        if let Some(o) = outlier {
            let w = if o.is_strong() {
                OUTLINE_STRONG
            } else {
                OUTLINE
            };
            let _ = write!(
                outlines,
                "<path d=\"{d}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"{:.1}\"/>\
                 <path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{w:.1}\"/>",
                w + 2.0,
                hex(palette::TEXT)
            );
        }
        if highlighted {
            let _ = write!(
                highlight,
                "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>",
                hex(palette::HIGHLIGHT)
            );
        }
        if let (Some((x, y, _)), true) = (spot, outlier.is_some() || highlighted) {
            let text = match outlier {
                Some(o) => format!("{} {name}", triangle_char(o)),
                None => name.to_string(),
            };
            let colour = if highlighted {
                palette::HIGHLIGHT
            } else {
                palette::TEXT
            };
            labels.push((
                x,
                y,
                text,
                colour,
                highlighted || outlier.is_some_and(Outlier::is_strong),
            ));
        }
    }
    raw.push_str("</g>");
    let _ = write!(
        raw,
        "<g class=\"outliers\">{outlines}</g><g class=\"chosen\">{highlight}</g>"
    );
    raw.push_str("<g class=\"labels\">");
    place_labels(&mut labels, (mx, mx + mw));
    for (x, y, text, colour, bold) in &labels {
        halo_text(&mut raw, *x, *y, text, *colour, *bold);
    }
    raw.push_str("</g>");

    let w = texts.width();
    let extra = super::header_extra(w, texts);
    let foot = super::footer_extra(w, texts);
    let any_highlight = data.regions.iter().any(|r| r.highlighted);
    let input = || LegendInput {
        data,
        breaks: &breaks,
        colours: &colours,
        counts: &counts,
        no_data,
        any_highlight,
    };
    // The legend measured first (drawn on a scratch area): the chart's height follows from it.
    let legend_end = {
        let mut scratch = String::new();
        let area = SVGBackend::with_string(&mut scratch, (w, 10)).into_drawing_area();
        legend(&area, &mut String::new(), input(), lay.legend, lang)?
    };
    let h = ((lay.map.1 + lay.map.3 + 42.0).max(legend_end + 48.0)).round() as u32;
    let mut svg = String::new();
    {
        let root = super::frame(
            &SVGBackend::with_string(&mut svg, (w, h + (extra + foot).round() as u32))
                .into_drawing_area(),
            w,
            h + (extra + foot).round() as u32,
            texts,
        )?;
        label(
            &root,
            16.0,
            h as f64 - 28.0,
            tr(lang, ATTRIBUTION, ATTRIBUTION_EN),
            Style::new(11.0).color(palette::MUTED),
        )?;
        legend(&root, &mut raw, input(), lay.legend, lang)?;
        root.present().map_err(draw_err)?;
    }
    let svg = match svg.rfind("</svg>") {
        Some(end) if extra > 0.0 => format!(
            "{}<g transform=\"translate(0 {})\">{raw}</g>{}",
            &svg[..end],
            extra.round(),
            &svg[end..]
        ),
        Some(end) => format!("{}{raw}{}", &svg[..end], &svg[end..]),
        None => svg,
    };
    super::shift(&mut hits, extra);
    Ok(Chart {
        svg: super::accessible(svg, texts.title, texts.description),
        width: w,
        height: h + (extra + foot).round() as u32,
        hits,
    })
}

/// The country fitted into the map's box.
fn fit(shapes: &Boundaries, (mx, my, mw, mh): (f64, f64, f64, f64)) -> Result<Fit> {
    let bbox = shapes
        .bbox()
        .ok_or_else(|| Error::view("De kaart heeft geen gebieden om te tekenen."))?;
    Ok(Fit::new(bbox, mx, my, mw, mh, 8.0))
}

/// The key (and shown name) of a region: the data's name, else the edition's.
fn key<'a>(data: &'a MapData, shape: &'a RegionShape) -> &'a str {
    data.regions
        .iter()
        .find(|r| r.code == shape.code)
        .map_or(shape.name.as_str(), |r| r.region.as_str())
}

/// A region's outline as an SVG path in the map's pixels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outline {
    /// As [`Hit::key`].
    pub key: String,
    pub code: String,
    pub d: String,
}

/// The outline of every drawn region, in the same pixels as [`draw`]'s SVG and keyed like its
/// hits (at the print width): for a hit layer that follows the regions' shapes rather than a
/// square inside each.
pub fn outlines(data: &MapData, shapes: &Boundaries) -> Result<Vec<Outline>> {
    let fit = fit(shapes, layout(WIDTH).map)?;
    Ok(shapes
        .regions
        .iter()
        .map(|shape| Outline {
            key: key(data, shape).to_string(),
            code: shape.code.clone(),
            d: path_d(shape, &fit),
        })
        .filter(|o| !o.d.is_empty())
        .collect())
}

/// Moves labels that would overlap an earlier one down (or up) by a line, and inside the map.
fn place_labels(labels: &mut [(f64, f64, String, RGBColor, bool)], (x0, x1): (f64, f64)) {
    let line = LABEL_SIZE + 3.0;
    let mut placed: Vec<(f64, f64, f64)> = Vec::new();
    for l in labels.iter_mut() {
        let mut style = Style::new(LABEL_SIZE);
        if l.4 {
            style = style.bold();
        }
        let w = style.width(&l.2);
        l.0 = l.0.clamp(x0 + w / 2.0 + 2.0, x1 - w / 2.0 - 2.0);
        let clashes = |y: f64, placed: &[(f64, f64, f64)]| {
            placed
                .iter()
                .any(|&(px, py, pw)| (px - l.0).abs() < (pw + w) / 2.0 && (py - y).abs() < line)
        };
        let y0 = l.1;
        for k in 0..8 {
            let dy = line * ((k + 1) / 2) as f64 * if k % 2 == 1 { 1.0 } else { -1.0 };
            let y = y0 + if k == 0 { 0.0 } else { dy };
            if !clashes(y, &placed) {
                l.1 = y;
                break;
            }
        }
        placed.push((l.0, l.1, w));
    }
}

struct LegendInput<'a> {
    data: &'a MapData,
    breaks: &'a [f64],
    colours: &'a [RGBColor],
    counts: &'a [usize],
    no_data: usize,
    any_highlight: bool,
}

/// The legend right of the map: classes (highest on top) with the number of regions in each,
/// the national level, "geen gegevens", the outlier outlines and the edition.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    raw: &mut String,
    l: LegendInput,
    (x, y0, max_w): (f64, f64, f64),
    lang: Lang,
) -> Result<f64> {
    let data = l.data;
    let mut y = y0;
    let style = Style::new(11.5);
    let heading = Style::new(12.0).bold();
    for line in wrap(&data.legend_title, heading, max_w) {
        label(area, x, y, &line, heading)?;
        y += 16.0;
    }
    y += 6.0;
    let fmt = |v: f64| match data.scale {
        Scale::Diverging { .. } => signed(v, data.decimals, lang),
        Scale::Sequential => number(v, data.decimals, lang),
    };
    let between = tr(lang, "tot", "to");
    // No classes to explain when no region has a value.
    let n = if l.counts.iter().sum::<usize>() == 0 {
        0
    } else {
        l.colours.len()
    };
    for i in (0..n).rev() {
        let text = if l.breaks.is_empty() {
            tr(lang, "alle regio's", "all regions").to_string()
        } else if i == 0 {
            format!("< {}", fmt(l.breaks[0]))
        } else if i == n - 1 {
            format!("\u{2265} {}", fmt(l.breaks[i - 1]))
        } else {
            format!("{} {between} {}", fmt(l.breaks[i - 1]), fmt(l.breaks[i]))
        };
        swatch(raw, x, y, &hex(l.colours[i]), None);
        label(
            area,
            x + 28.0,
            y,
            &format!("{text}  ({})", l.counts.get(i).copied().unwrap_or(0)),
            style,
        )?;
        y += 20.0;
    }
    if let (Scale::Diverging { .. }, Some(national)) = (data.scale, data.national) {
        let unit = if data.value_unit.is_empty() {
            String::new()
        } else {
            format!(" {}", data.value_unit)
        };
        let text = match data.reference {
            Reference::National => format!(
                "{} = {} ({}{unit})",
                fmt(0.0),
                tr(lang, "landelijk", "national"),
                number(national, data.decimals, lang)
            ),
            Reference::Trend => {
                format!("{} = {}", fmt(0.0), tr(lang, "op de trend", "on the trend"))
            }
        };
        label(area, x, y, &text, style.color(palette::MUTED))?;
        y += 22.0;
    }
    if l.no_data > 0 {
        y += 4.0;
        swatch(raw, x, y, "url(#bv-nodata)", None);
        label(
            area,
            x + 28.0,
            y,
            &format!("{}  ({})", tr(lang, "geen gegevens", "no data"), l.no_data),
            style,
        )?;
        y += 20.0;
    }
    if let Some(k) = data.k {
        y += 8.0;
        let k1 = number(k, if k.fract() == 0.0 { 0 } else { 1 }, lang);
        let from = match data.reference {
            Reference::National => tr(lang, "landelijk", "national"),
            Reference::Trend => tr(lang, "de trend", "the trend"),
        };
        let k2 = number(2.0 * k, if (2.0 * k).fract() == 0.0 { 0 } else { 1 }, lang);
        let (above, below, strong) = match lang {
            Lang::Nl => (
                format!("boven {from}"),
                format!("onder {from}"),
                "sterk, vette naam",
            ),
            Lang::En => (
                format!("above {from}"),
                format!("below {from}"),
                "strong, bold name",
            ),
        };
        let mut items = vec![
            (OUTLINE, format!("\u{25B2} {above} (> {k1} sd)")),
            (OUTLINE, format!("\u{25BC} {below} (> {k1} sd)")),
        ];
        // Strong outliers are the trend's (the scatterplot's residuals); against national, as
        // in the ranked bars, an outlier has one level (DOMAIN), so the legend shows none.
        if data.reference == Reference::Trend {
            items.push((
                OUTLINE_STRONG,
                format!("\u{25B2}\u{25BC} {strong} (> {k2} sd)"),
            ));
        }
        label(
            area,
            x,
            y,
            tr(
                lang,
                "Uitschieters (dikke rand)",
                "Outliers (thick outline)",
            ),
            style,
        )?;
        y += 20.0;
        for (w, text) in items {
            swatch(raw, x, y, "#ffffff", Some((hex(palette::TEXT), w)));
            label(area, x + 28.0, y, &text, style)?;
            y += 20.0;
        }
    }
    if l.any_highlight {
        y += 4.0;
        swatch(raw, x, y, "#ffffff", Some((hex(palette::HIGHLIGHT), 3.0)));
        label(
            area,
            x + 28.0,
            y,
            tr(lang, "gekozen regio", "chosen region"),
            style,
        )?;
        y += 20.0;
    }
    y += 10.0;
    label(
        area,
        x,
        y,
        &match lang {
            Lang::Nl => format!("Indeling arbeidsmarktregio's {}", data.edition),
            Lang::En => format!("Labour-market regions of {}", data.edition),
        },
        style.color(palette::MUTED),
    )?;
    Ok(y)
}

/// Splits `text` at spaces into lines no wider than `max` px (a longer word keeps its line).
fn wrap(text: &str, style: Style, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if style.width(&format!("{line} {word}")) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A legend box of 20 by 13 px centred vertically on `y`.
fn swatch(raw: &mut String, x: f64, y: f64, fill: &str, outline: Option<(String, f64)>) {
    let (stroke, w) = outline.unwrap_or_else(|| ("#bdbdbd".to_string(), 0.8));
    let _ = write!(
        raw,
        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"20\" height=\"13\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{w:.1}\"/>",
        y - 6.5
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diverging_breaks_are_symmetric_nice_steps() {
        let mut data = MapData {
            edition: 2017,
            regions: [-7.2, 1.0, 4.5]
                .iter()
                .enumerate()
                .map(|(i, v)| MapRegion {
                    region: format!("R{i}"),
                    code: format!("AM{:02}", i + 1),
                    value: None,
                    relative: Some(*v),
                    outlier: None,
                    highlighted: false,
                })
                .collect(),
            scale: Scale::Diverging { centre: 0.0 },
            breaks: vec![],
            national: Some(30.0),
            value_unit: "%".into(),
            relative_unit: "%-punt".into(),
            decimals: 1,
            legend_title: String::new(),
            k: Some(1.0),
            reference: Reference::National,
        };
        assert_eq!(default_breaks(&data), vec![-5.0, -2.5, 0.0, 2.5, 5.0]);
        data.scale = Scale::Sequential;
        data.regions[0].value = Some(12.0);
        data.regions[1].value = Some(47.0);
        assert_eq!(default_breaks(&data), vec![20.0, 30.0, 40.0]);
    }

    #[test]
    fn classes_and_colours_run_from_blue_through_green() {
        let breaks = [-2.0, -1.0, 0.0, 1.0, 2.0];
        assert_eq!(class(-3.0, &breaks), 0);
        assert_eq!(class(0.0, &breaks), 3);
        assert_eq!(class(5.0, &breaks), 5);
        let c = class_colours(Scale::Diverging { centre: 0.0 }, &breaks);
        assert_eq!(c.len(), 6);
        assert_eq!(c[0], palette::DOWN_STRONG);
        assert_eq!(c[5], palette::UP_STRONG);
        // Lightest next to the centre on both sides.
        assert_eq!(c[2], BELOW[0]);
        assert_eq!(c[3], ABOVE[0]);
        // A class straddling the centre is neutral.
        let c = class_colours(Scale::Diverging { centre: 0.0 }, &[-3.0, -1.0, 1.0, 3.0]);
        assert_eq!(c[2], MIDDLE);
        assert_eq!(c[0], palette::DOWN_STRONG);
        assert_eq!(c[4], palette::UP_STRONG);
    }

    #[test]
    fn long_legend_titles_wrap() {
        let s = Style::new(12.0).bold();
        let lines = wrap(
            "Verschil met landelijk in aandeel werkenden (%-punt)",
            s,
            200.0,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| s.width(l) <= 200.0));
        assert_eq!(wrap("Kort", s, 200.0), vec!["Kort"]);
        assert!(wrap("", s, 200.0).is_empty());
    }

    #[test]
    fn coordinates_print_compactly() {
        assert_eq!(tenths(1234), "123.4");
        assert_eq!(tenths(120), "12");
        assert_eq!(tenths(-5), "-0.5");
    }
}
