//! The marks the regional and the tidy charts share: a horizontal bar with its value at the end,
//! a stacked bar, a line over periods broken where values are missing, direct labels at line
//! ends. Each drawn here once, in pixel coordinates on the root area.

use super::facet::{self, Rect, Scale};
use super::text::Style;
use super::{draw_err, label};
use crate::error::Result;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};

/// The text written at a bar's end: outside the bar, right of a bar that grows right of its
/// base and left of one that grows left; on a background colour when lines cross it.
pub struct EndLabel<'a> {
    pub text: &'a str,
    pub style: Style,
    pub background: Option<RGBColor>,
}

/// A horizontal bar from `base` to `value` (data units on `sx`), `h` pixels high from `top`,
/// at least 1 pixel wide; with its value written at the end. Returns the bar and the label's
/// right edge (for text set after it).
#[allow(clippy::too_many_arguments)]
pub fn hbar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    sx: &Scale,
    base: f64,
    value: f64,
    top: f64,
    h: f64,
    fill: RGBColor,
    end: Option<EndLabel>,
) -> Result<(Rect, f64)> {
    let (a, b) = (sx.map(base), sx.map(value));
    let bar = Rect {
        x: a.min(b),
        y: top,
        w: (b - a).abs().max(1.0),
        h,
    };
    facet::rect(area, bar, fill.filled())?;
    let mut after = bar.right();
    if let Some(e) = end {
        let y = top + h / 2.0;
        let right = b >= a;
        let (x, anchor) = if right {
            (bar.right() + 4.0, HPos::Left)
        } else {
            (bar.x - 4.0, HPos::Right)
        };
        let st = e.style.anchor(anchor, VPos::Center);
        match e.background {
            Some(bg) => text_on(area, x, y, e.text, st, bg)?,
            None => label(area, x, y, e.text, st)?,
        }
        if right {
            after = x + st.width(e.text);
        }
    }
    Ok((bar, after))
}

/// A text on a filled box, so grid and threshold lines do not run through it.
pub fn text_on<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: f64,
    y: f64,
    text: &str,
    style: Style,
    background: RGBColor,
) -> Result<()> {
    let w = style.width(text);
    let x0 = match style.h {
        HPos::Right => x - w,
        HPos::Center => x - w / 2.0,
        HPos::Left => x,
    };
    facet::rect(
        area,
        Rect {
            x: x0 - 1.0,
            y: y - style.size / 2.0 - 1.0,
            w: w + 2.0,
            h: style.size + 2.0,
        },
        background.filled(),
    )?;
    label(area, x, y, text, style)
}

/// A stacked horizontal bar: each segment from `lo` to `hi` (data units on `sx`) in its colour,
/// `h` pixels high from `top`, with a white rule at each segment's end when `rules`. Returns the
/// drawn segments (an empty one is skipped and returned as `None`).
pub fn stack<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    sx: &Scale,
    top: f64,
    h: f64,
    segments: &[(f64, f64, RGBColor)],
    rules: bool,
) -> Result<Vec<Option<Rect>>> {
    let mut out = Vec::with_capacity(segments.len());
    for &(lo, hi, c) in segments {
        let (a, b) = (sx.map(lo.min(hi)), sx.map(lo.max(hi)));
        if b - a <= 0.0 {
            out.push(None);
            continue;
        }
        let seg = Rect {
            x: a,
            y: top,
            w: b - a,
            h,
        };
        facet::rect(area, seg, c.filled())?;
        if rules {
            facet::line(area, &[(b, top), (b, top + h)], WHITE.stroke_width(1))?;
        }
        out.push(Some(seg));
    }
    Ok(out)
}

/// How a series line is drawn.
#[derive(Clone, Copy)]
pub struct LineStyle {
    pub colour: RGBAColor,
    pub width: u32,
    pub dashed: bool,
    /// Radius of the dot on every point (`None`: no dots, except on a point without neighbours,
    /// which gets one so it shows at all).
    pub dots: Option<i32>,
}

/// A line through the points of a series (pixels; `None` where the value is missing): drawn in
/// pieces between the gaps, never across one.
pub fn series<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pts: &[Option<(f64, f64)>],
    st: LineStyle,
) -> Result<()> {
    let stroke = st.colour.stroke_width(st.width);
    for piece in pts.split(Option::is_none) {
        let piece: Vec<(f64, f64)> = piece.iter().flatten().copied().collect();
        if piece.len() < 2 {
            continue;
        }
        if st.dashed {
            for w in piece.windows(2) {
                facet::dashed(area, w[0], w[1], stroke, 6.0)?;
            }
        } else {
            facet::line(area, &piece, stroke)?;
        }
    }
    for (j, p) in pts.iter().enumerate() {
        let Some((x, y)) = p else { continue };
        let alone = (j == 0 || pts[j - 1].is_none()) && pts.get(j + 1).is_none_or(Option::is_none);
        let r = match (st.dots, alone) {
            (Some(r), false) => r,
            (Some(r), true) => r + 1,
            (None, true) => 4,
            (None, false) => continue,
        };
        area.draw(&Circle::new(
            (x.round() as i32, y.round() as i32),
            r,
            st.colour.filled(),
        ))
        .map_err(draw_err)?;
    }
    Ok(())
}

/// Moves label positions apart so none is closer than `gap` to the next, within [lo, hi]: each
/// moved down only as far as the one above it needs, then up only as far as the one below it
/// (and the bottom) needs, so labels near the top stay where they are. With too little room the
/// gap shrinks to share it evenly.
pub fn spread(mut ys: Vec<(usize, f64)>, gap: f64, lo: f64, hi: f64) -> Vec<(usize, f64)> {
    crate::sort::sort_by(&mut ys, |a, b| a.1.total_cmp(&b.1));
    let gap = match ys.len() {
        0 | 1 => gap,
        n => gap.min((hi - lo).max(0.0) / (n - 1) as f64),
    };
    let mut above = f64::NEG_INFINITY;
    for p in ys.iter_mut() {
        p.1 = p.1.max(lo).max(above + gap);
        above = p.1;
    }
    let mut below = f64::INFINITY;
    for p in ys.iter_mut().rev() {
        p.1 = p.1.min(hi).min(below - gap);
        below = p.1;
    }
    ys
}

/// One direct label at a line's end: the end point (pixels), its text and style.
pub struct EndText {
    pub end: (f64, f64),
    pub text: String,
    pub style: Style,
}

/// Labels at the line ends, written from `x`, spread `gap` apart within [lo, hi]; a thin leader
/// joins a label moved away from its line's end.
pub fn end_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: f64,
    labels: &[EndText],
    gap: f64,
    (lo, hi): (f64, f64),
) -> Result<()> {
    let ys = labels.iter().map(|l| l.end.1).enumerate().collect();
    for (k, y) in spread(ys, gap, lo, hi) {
        let Some(l) = labels.get(k) else { continue };
        if (y - l.end.1).abs() > 2.0 && x - l.end.0 > 8.0 {
            facet::line(
                area,
                &[(l.end.0 + 5.0, l.end.1), (x - 2.0, y)],
                super::palette::GRID.stroke_width(1),
            )?;
        }
        label(
            area,
            x,
            y,
            &l.text,
            l.style.anchor(HPos::Left, VPos::Center),
        )?;
    }
    Ok(())
}

/// Places items of the given widths in rows from (x, y) that wrap at `max_w`, `row_h` apart:
/// each item's position and the number of rows.
pub fn flow(widths: &[f64], x: f64, y: f64, max_w: f64, row_h: f64) -> (Vec<(f64, f64)>, usize) {
    let (mut cx, mut cy, mut rows) = (x, y, 1);
    let mut out = Vec::with_capacity(widths.len());
    for &w in widths {
        if cx > x && cx + w > x + max_w {
            cx = x;
            cy += row_h;
            rows += 1;
        }
        out.push((cx, cy));
        cx += w;
    }
    (out, rows)
}

/// An entry of the legend under the regional bar charts.
pub enum Key {
    /// A bar of this colour.
    Bar(RGBColor),
    /// An outlier triangle, pointing up or down.
    Triangle(bool),
    /// A bar with an outlier triangle after it.
    BarTriangle(RGBColor, bool),
    /// A dashed threshold line.
    Threshold,
}

/// The legend of the regional bar charts: bar colours, outlier triangles and thresholds in rows
/// from (x, y) that wrap at `max_w`. Returns the number of rows; draws only with an area.
pub fn key_legend<DB: DrawingBackend>(
    area: Option<&DrawingArea<DB, Shift>>,
    items: &[(Key, String)],
    (x, y): (f64, f64),
    max_w: f64,
) -> Result<usize> {
    let style = Style::new(11.0);
    let swatch = |k: &Key| match k {
        Key::Bar(_) => 20.0,
        Key::Triangle(_) | Key::Threshold => 14.0,
        Key::BarTriangle(..) => 34.0,
    };
    let widths: Vec<f64> = items
        .iter()
        .map(|(k, text)| swatch(k) + style.width(text) + 22.0)
        .collect();
    let (at, rows) = flow(&widths, x, y, max_w, 18.0);
    let Some(area) = area else {
        return Ok(rows);
    };
    for ((k, text), &(lx, ly)) in items.iter().zip(&at) {
        let bar = |c: RGBColor| {
            facet::rect(
                area,
                Rect {
                    x: lx,
                    y: ly - 5.0,
                    w: 16.0,
                    h: 10.0,
                },
                c.filled(),
            )
        };
        match k {
            Key::Bar(c) => bar(*c)?,
            Key::Triangle(up) => triangle(area, (lx + 5.0, ly), *up, 5.0)?,
            Key::BarTriangle(c, up) => {
                bar(*c)?;
                triangle(area, (lx + 25.0, ly), *up, 5.0)?;
            }
            Key::Threshold => facet::dashed(
                area,
                (lx + 4.0, ly - 8.0),
                (lx + 4.0, ly + 8.0),
                super::palette::MUTED.stroke_width(1),
                5.0,
            )?,
        }
        label(area, lx + swatch(k), ly, text, style)?;
    }
    Ok(rows)
}

/// A triangle pointing up (outlier up, green) or down (outlier down, blue), centred at (x, y).
pub fn triangle<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (f64, f64),
    up: bool,
    size: f64,
) -> Result<()> {
    let (x, y, s) = (x.round() as i32, y.round() as i32, size.round() as i32);
    let pts = if up {
        vec![(x, y - s), (x - s, y + s * 2 / 3), (x + s, y + s * 2 / 3)]
    } else {
        vec![(x, y + s), (x - s, y - s * 2 / 3), (x + s, y - s * 2 / 3)]
    };
    let c = if up {
        super::palette::UP
    } else {
        super::palette::DOWN
    };
    area.draw(&Polygon::new(pts, c.filled())).map_err(draw_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_flow_into_rows() {
        let (at, rows) = flow(&[50.0, 50.0, 50.0], 10.0, 0.0, 120.0, 18.0);
        assert_eq!(at, vec![(10.0, 0.0), (60.0, 0.0), (10.0, 18.0)]);
        assert_eq!(rows, 2);
    }

    #[test]
    fn labels_are_spread_apart() {
        let out = spread(vec![(0, 100.0), (1, 105.0), (2, 300.0)], 16.0, 0.0, 400.0);
        let y: Vec<f64> = out.iter().map(|p| p.1).collect();
        assert_eq!(y, vec![100.0, 116.0, 300.0]);
        let out = spread(vec![(0, 395.0), (1, 398.0)], 16.0, 0.0, 400.0);
        assert_eq!(
            out.iter().map(|p| p.1).collect::<Vec<_>>(),
            vec![384.0, 400.0]
        );
        // Labels pushed up from the bottom move the top ones only as far as needed: two
        // labels at the top stay apart (they were written over each other at the top).
        let ys = vec![(0, 0.0), (1, 0.0), (2, 395.0), (3, 398.0), (4, 399.0)];
        let out = spread(ys, 16.0, 0.0, 400.0);
        assert_eq!(
            out.iter().map(|p| p.1).collect::<Vec<_>>(),
            vec![0.0, 16.0, 368.0, 384.0, 400.0]
        );
        // Too little room: the gap shrinks to share it.
        let out = spread(vec![(0, 50.0), (1, 50.0), (2, 50.0)], 16.0, 0.0, 20.0);
        assert_eq!(
            out.iter().map(|p| p.1).collect::<Vec<_>>(),
            vec![0.0, 10.0, 20.0]
        );
    }

    fn svg_of(f: impl FnOnce(&DrawingArea<SVGBackend, Shift>)) -> String {
        let mut s = String::new();
        {
            let root = SVGBackend::with_string(&mut s, (200, 100)).into_drawing_area();
            f(&root);
            root.present().unwrap();
        }
        s
    }

    #[test]
    fn a_bar_grows_from_its_base_and_writes_its_value_outside() {
        let sx = Scale::linear(-10.0, 10.0, 0.0, 200.0);
        let mut got = None;
        let svg = svg_of(|a| {
            got = Some(
                hbar(
                    a,
                    &sx,
                    0.0,
                    -5.0,
                    10.0,
                    14.0,
                    RED,
                    Some(EndLabel {
                        text: "-5",
                        style: Style::new(11.0),
                        background: None,
                    }),
                )
                .unwrap(),
            );
        });
        let (bar, _) = got.unwrap();
        assert_eq!((bar.x, bar.w), (50.0, 50.0));
        // Written left of a bar that grows left, anchored at its end.
        assert!(svg.contains("text-anchor=\"end\""), "{svg}");
        assert!(svg.contains("-5\n</text>") || svg.contains(">-5<"), "{svg}");
    }

    #[test]
    fn a_line_breaks_at_gaps_and_dots_a_lone_point() {
        let pts = [
            Some((0.0, 0.0)),
            Some((10.0, 10.0)),
            None,
            Some((30.0, 30.0)),
        ];
        let svg = svg_of(|a| {
            series(
                a,
                &pts,
                LineStyle {
                    colour: RED.mix(1.0),
                    width: 2,
                    dashed: false,
                    dots: None,
                },
            )
            .unwrap();
        });
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
        assert_eq!(svg.matches("<circle").count(), 1, "{svg}");
    }
}
