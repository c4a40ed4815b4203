//! The projection for a map of the Netherlands and the geometry the map needs: an
//! equirectangular projection whose east-west scale is that of latitude 52.2° (the middle of the
//! country), so the country keeps its proportions (plain longitude/latitude would widen it by
//! 1/cos 52° ≈ 1.6), fitted to a pixel box with one uniform scale.

/// A projected point: kilometres east and north of the projection centre.
pub type Point = [f64; 2];

/// Latitude and longitude of the projection centre (roughly Amersfoort, the centre of the RD grid).
pub const LAT0: f64 = 52.2;
pub const LON0: f64 = 5.4;
/// Mean earth radius, km.
const R: f64 = 6371.0;

/// Projects WGS84 longitude/latitude (degrees) to kilometres east and north of the centre.
pub fn project(lon: f64, lat: f64) -> Point {
    let k = R * std::f64::consts::PI / 180.0;
    [(lon - LON0) * k * LAT0.to_radians().cos(), (lat - LAT0) * k]
}

/// An axis-aligned box in projected units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl BBox {
    /// The box around `points`, `None` when there are none or any is not finite.
    pub fn around(points: impl Iterator<Item = Point>) -> Option<BBox> {
        let mut b: Option<BBox> = None;
        for [x, y] in points {
            if !(x.is_finite() && y.is_finite()) {
                return None;
            }
            b = Some(match b {
                None => BBox {
                    min_x: x,
                    min_y: y,
                    max_x: x,
                    max_y: y,
                },
                Some(b) => BBox {
                    min_x: b.min_x.min(x),
                    min_y: b.min_y.min(y),
                    max_x: b.max_x.max(x),
                    max_y: b.max_y.max(y),
                },
            });
        }
        b
    }
    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }
    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }
}

/// Maps projected points into a pixel box (y pointing down), one scale for both axes so shapes
/// keep their proportions, centred in the box with a margin on every side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// Pixels per kilometre.
    pub scale: f64,
    x0: f64,
    y0: f64,
    min_x: f64,
    max_y: f64,
}

impl Fit {
    /// Fits `bbox` into the box at (`x`, `y`) of `width` by `height` pixels less `margin`.
    pub fn new(bbox: BBox, x: f64, y: f64, width: f64, height: f64, margin: f64) -> Fit {
        let (w, h) = (
            (width - 2.0 * margin).max(1.0),
            (height - 2.0 * margin).max(1.0),
        );
        let sx = w / bbox.width().max(1e-9);
        let sy = h / bbox.height().max(1e-9);
        let scale = sx.min(sy);
        Fit {
            scale,
            x0: x + margin + (w - bbox.width() * scale) / 2.0,
            y0: y + margin + (h - bbox.height() * scale) / 2.0,
            min_x: bbox.min_x,
            max_y: bbox.max_y,
        }
    }

    /// The pixel position of a projected point.
    pub fn apply(&self, p: Point) -> (f64, f64) {
        (
            self.x0 + (p[0] - self.min_x) * self.scale,
            self.y0 + (self.max_y - p[1]) * self.scale,
        )
    }
}

/// Signed area of a ring (positive counter-clockwise, in km² when y points north).
pub fn ring_area(ring: &[Point]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        / 2.0
}

/// Area of a polygon: its exterior ring less its holes, whatever their orientation.
pub fn polygon_area(polygon: &[Vec<Point>]) -> f64 {
    let mut rings = polygon.iter().map(|r| ring_area(r).abs());
    let outer = rings.next().unwrap_or(0.0);
    (outer - rings.sum::<f64>()).max(0.0)
}

/// Whether `p` lies inside the polygon (even-odd rule over all its rings, so holes are out).
pub fn contains(polygon: &[Vec<Point>], p: Point) -> bool {
    let mut inside = false;
    for ring in polygon {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + n - 1) % n]);
            if (a[1] > p[1]) != (b[1] > p[1])
                && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
            {
                inside = !inside;
            }
        }
    }
    inside
}

/// Distance from `p` to the nearest edge of the polygon.
pub fn edge_distance(polygon: &[Vec<Point>], p: Point) -> f64 {
    let mut best = f64::INFINITY;
    for ring in polygon {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 {
                (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let (qx, qy) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
            best = best.min((qx * qx + qy * qy).sqrt());
        }
    }
    best
}

/// The midpoint of the widest stretch of the horizontal line at `y` inside the polygon.
fn scanline_point(polygon: &[Vec<Point>], y: f64) -> Option<Point> {
    let mut xs: Vec<f64> = Vec::new();
    for ring in polygon {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            if (a[1] > y) != (b[1] > y) {
                xs.push(a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]));
            }
        }
    }
    xs.sort_by(f64::total_cmp);
    // Even-odd: inside between the 1st and 2nd crossing, the 3rd and 4th, and so on.
    xs.chunks_exact(2)
        .max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))
        .map(|c| [(c[0] + c[1]) / 2.0, y])
}

/// A point inside the polygon far from its edges (an approximate pole of inaccessibility, where
/// a label and a hit target fit best) and its distance to the nearest edge: the best midpoint of
/// a dozen horizontal lines across the polygon, refined by small grids around it.
pub fn interior_point(polygon: &[Vec<Point>]) -> Option<(Point, f64)> {
    let bbox = BBox::around(polygon.first()?.iter().copied())?;
    const LINES: usize = 12;
    let score = |p: Point| contains(polygon, p).then(|| (p, edge_distance(polygon, p)));
    let better = |best: Option<(Point, f64)>, c: Option<(Point, f64)>| match (best, c) {
        (Some(b), Some(c)) if c.1 > b.1 => Some(c),
        (None, c) => c,
        (b, _) => b,
    };
    let mut best = None;
    for k in 0..LINES {
        let y = bbox.min_y + bbox.height() * (k as f64 + 0.5) / LINES as f64;
        best = better(best, scanline_point(polygon, y).and_then(score));
    }
    let mut h = bbox.width().max(bbox.height()) / LINES as f64;
    for _ in 0..5 {
        let (c, _) = best?;
        for i in -2..=2 {
            for j in -2..=2 {
                let p = [c[0] + h * i as f64 / 2.0, c[1] + h * j as f64 / 2.0];
                best = better(best, score(p));
            }
        }
        h /= 2.0;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_keeps_proportions_at_52_degrees() {
        // One degree of longitude at 52.2° is cos(52.2°) of a degree of latitude.
        let o = project(5.0, 52.2);
        let e = project(6.0, 52.2);
        let n = project(5.0, 53.2);
        let ratio = (e[0] - o[0]) / (n[1] - o[1]);
        assert!((ratio - 52.2f64.to_radians().cos()).abs() < 1e-12);
        // A degree of latitude is about 111 km.
        assert!((n[1] - o[1] - 111.19).abs() < 0.01);
    }

    #[test]
    fn fit_uses_one_scale_and_centres() {
        let b = BBox {
            min_x: 0.0,
            min_y: 0.0,
            max_x: 100.0,
            max_y: 200.0,
        };
        let f = Fit::new(b, 10.0, 20.0, 400.0, 420.0, 10.0);
        assert_eq!(f.scale, 2.0);
        // North-west corner at the top; the 200 px wide drawing centred in 380 px.
        assert_eq!(f.apply([0.0, 200.0]), (10.0 + 10.0 + 90.0, 30.0));
        assert_eq!(f.apply([100.0, 0.0]), (10.0 + 10.0 + 90.0 + 200.0, 430.0));
    }

    #[test]
    fn interior_point_of_a_square_with_a_hole_is_not_in_the_hole() {
        let outer = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        let hole = vec![[3.0, 3.0], [7.0, 3.0], [7.0, 7.0], [3.0, 7.0]];
        let poly = vec![outer, hole];
        assert!((polygon_area(&poly) - 84.0).abs() < 1e-9);
        assert!(!contains(&poly, [5.0, 5.0]));
        assert!(contains(&poly, [1.0, 5.0]));
        let (p, d) = interior_point(&poly).expect("a point");
        assert!(contains(&poly, p));
        assert!(d > 1.0, "{p:?} {d}");
    }
}
