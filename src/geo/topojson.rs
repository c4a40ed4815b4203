//! A TopoJSON decoder for what the boundary files use: a `Topology` with shared arcs (quantised
//! and delta-encoded when the file has a `transform`), one `GeometryCollection` of `Polygon` and
//! `MultiPolygon` geometries whose rings refer to arcs by index (`~i`, that is `-i-1`, for arc
//! `i` reversed), and the properties `statcode` and `statnaam`.
//!
//! The file comes over the network, so every defect is a [`crate::Error`], never a panic.

use super::project::{project, Point};
use super::{file_name, Boundaries, Polygon, RegionShape, Ring};
use crate::error::{Error, ErrorKind, Location, Result};
use serde_json::{Map, Value};

/// Code of the area some editions assign to no region ("Niet in te delen").
const UNASSIGNED: &str = "AM99";

struct Ctx {
    file: String,
}

impl Ctx {
    fn err(&self, message: impl std::fmt::Display) -> Error {
        Error::new(
            ErrorKind::Parse,
            format!("Het kaartbestand is geen bruikbare TopoJSON: {message}."),
        )
        .at(Location::file(&self.file))
    }
    fn err_at(&self, geometry: usize, message: impl std::fmt::Display) -> Error {
        Error::new(
            ErrorKind::Parse,
            format!("Het kaartbestand is geen bruikbare TopoJSON: {message}."),
        )
        .at(Location::file(&self.file)
            .row(geometry + 1)
            .row_unit("geometrie"))
    }
}

/// Decodes the TopoJSON of one edition into projected region outlines.
pub fn decode(bytes: &[u8], edition: i32) -> Result<Boundaries> {
    let cx = Ctx {
        file: file_name(edition),
    };
    let root: Value = serde_json::from_slice(bytes)
        .map_err(|e| cx.err(format_args!("geen geldige JSON ({e})")))?;
    let root = root
        .as_object()
        .ok_or_else(|| cx.err("het bestand is geen JSON-object"))?;
    if root.get("type").and_then(Value::as_str) != Some("Topology") {
        return Err(cx.err("'type' is niet 'Topology'"));
    }
    let transform = match root.get("transform") {
        None | Some(Value::Null) => None,
        Some(t) => Some(Transform::read(t, &cx)?),
    };
    let arcs = decode_arcs(root.get("arcs"), transform, &cx)?;
    let objects = root
        .get("objects")
        .and_then(Value::as_object)
        .ok_or_else(|| cx.err("'objects' ontbreekt"))?;
    let collection = pick_collection(objects, edition)
        .ok_or_else(|| cx.err("er is geen GeometryCollection in 'objects'"))?;
    let geometries = collection
        .get("geometries")
        .and_then(Value::as_array)
        .ok_or_else(|| cx.err("de GeometryCollection heeft geen 'geometries'"))?;

    let mut regions = Vec::new();
    let mut unassigned = Vec::new();
    for (i, g) in geometries.iter().enumerate() {
        let shape = decode_geometry(g, &arcs, i, &cx)?;
        if shape.code == UNASSIGNED {
            unassigned.push(shape);
        } else if regions.iter().any(|r: &RegionShape| r.code == shape.code) {
            return Err(cx.err_at(
                i,
                format_args!("de code '{}' komt twee keer voor", shape.code),
            ));
        } else {
            regions.push(shape);
        }
    }
    if regions.is_empty() {
        return Err(cx.err("er staan geen regio's in"));
    }
    Ok(Boundaries {
        edition,
        regions,
        unassigned,
    })
}

/// `scale` and `translate` of a quantised topology.
#[derive(Clone, Copy)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

impl Transform {
    fn read(v: &Value, cx: &Ctx) -> Result<Transform> {
        let pair = |key: &str| -> Result<[f64; 2]> {
            v.get(key)
                .and_then(Value::as_array)
                .and_then(|a| match a.as_slice() {
                    [x, y] => Some([x.as_f64()?, y.as_f64()?]),
                    _ => None,
                })
                .filter(|[x, y]| x.is_finite() && y.is_finite())
                .ok_or_else(|| cx.err(format_args!("'transform' heeft geen geldige '{key}'")))
        };
        Ok(Transform {
            scale: pair("scale")?,
            translate: pair("translate")?,
        })
    }
}

/// Every arc as projected points: positions delta-decoded and transformed when quantised.
fn decode_arcs(v: Option<&Value>, t: Option<Transform>, cx: &Ctx) -> Result<Vec<Vec<Point>>> {
    let list = v
        .and_then(Value::as_array)
        .ok_or_else(|| cx.err("'arcs' ontbreekt"))?;
    let mut arcs = Vec::with_capacity(list.len());
    for (i, arc) in list.iter().enumerate() {
        let positions = arc
            .as_array()
            .ok_or_else(|| cx.err(format_args!("boog {i} is geen lijst van posities")))?;
        let mut points = Vec::with_capacity(positions.len());
        let (mut x, mut y) = (0.0, 0.0);
        for p in positions {
            let [a, b] = position(p)
                .ok_or_else(|| cx.err(format_args!("boog {i} heeft een ongeldige positie")))?;
            let (lon, lat) = match t {
                Some(t) => {
                    x += a;
                    y += b;
                    (
                        x * t.scale[0] + t.translate[0],
                        y * t.scale[1] + t.translate[1],
                    )
                }
                None => (a, b),
            };
            if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                return Err(cx.err(format_args!(
                    "boog {i} ligt buiten lengte- en breedtegraden (WGS84)"
                )));
            }
            points.push(project(lon, lat));
        }
        arcs.push(points);
    }
    Ok(arcs)
}

/// The first two numbers of a position (a third, such as a height, is ignored).
fn position(p: &Value) -> Option<[f64; 2]> {
    let a = p.as_array()?;
    let x = a.first()?.as_f64()?;
    let y = a.get(1)?.as_f64()?;
    (x.is_finite() && y.is_finite()).then_some([x, y])
}

/// The edition's own object (`arbeidsmarktregio_<edition>`), else the first GeometryCollection.
fn pick_collection(objects: &Map<String, Value>, edition: i32) -> Option<&Map<String, Value>> {
    let is_collection =
        |v: &Value| v.get("type").and_then(Value::as_str) == Some("GeometryCollection");
    objects
        .get(&format!("arbeidsmarktregio_{edition}"))
        .filter(|v| is_collection(v))
        .or_else(|| objects.values().find(|v| is_collection(v)))
        .and_then(Value::as_object)
}

fn decode_geometry(g: &Value, arcs: &[Vec<Point>], i: usize, cx: &Ctx) -> Result<RegionShape> {
    let props = g.get("properties").and_then(Value::as_object);
    let text = |key: &str| {
        props
            .and_then(|p| p.get(key))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    // The README promises the statcode as the feature's id too; either will do.
    let code = text("statcode")
        .or_else(|| g.get("id").and_then(Value::as_str))
        .ok_or_else(|| cx.err_at(i, "een gebied heeft geen 'statcode'"))?
        .to_string();
    let name = text("statnaam")
        .ok_or_else(|| cx.err_at(i, format_args!("gebied {code} heeft geen 'statnaam'")))?
        .to_string();
    let kind = g.get("type").and_then(Value::as_str).unwrap_or("");
    let refs = g.get("arcs");
    let polygons = match kind {
        "Polygon" => polygon(refs, arcs, i, cx)?.into_iter().collect(),
        "MultiPolygon" => {
            let list = refs
                .and_then(Value::as_array)
                .ok_or_else(|| cx.err_at(i, format_args!("{name}: 'arcs' ontbreekt")))?;
            let mut out = Vec::new();
            for p in list {
                out.extend(polygon(Some(p), arcs, i, cx)?);
            }
            out
        }
        other => {
            return Err(cx.err_at(
                i,
                format_args!("{name} is een '{other}', verwacht Polygon of MultiPolygon"),
            ))
        }
    };
    Ok(RegionShape::new(code, name, polygons))
}

/// A polygon from its rings of arc indices; `None` when its exterior ring encloses nothing
/// (generalisation leaves slivers of two points).
fn polygon(v: Option<&Value>, arcs: &[Vec<Point>], i: usize, cx: &Ctx) -> Result<Option<Polygon>> {
    let rings = v
        .and_then(Value::as_array)
        .ok_or_else(|| cx.err_at(i, "een polygoon is geen lijst van ringen"))?;
    let mut out: Polygon = Vec::with_capacity(rings.len());
    for (k, r) in rings.iter().enumerate() {
        let ring = ring(r, arcs, i, cx)?;
        if ring.len() < 3 {
            if k == 0 {
                return Ok(None);
            }
            continue;
        }
        out.push(ring);
    }
    Ok((!out.is_empty()).then_some(out))
}

/// A ring from arc indices: arcs joined end to start (their shared point once), reversed for
/// negative indices, closing point dropped.
fn ring(v: &Value, arcs: &[Vec<Point>], i: usize, cx: &Ctx) -> Result<Ring> {
    let refs = v
        .as_array()
        .ok_or_else(|| cx.err_at(i, "een ring is geen lijst van boognummers"))?;
    let mut out: Ring = Vec::new();
    for r in refs {
        let idx = r
            .as_i64()
            .ok_or_else(|| cx.err_at(i, "een boognummer is geen geheel getal"))?;
        let (index, reversed) = if idx < 0 {
            ((-(idx + 1)) as u64, true)
        } else {
            (idx as u64, false)
        };
        let arc = usize::try_from(index)
            .ok()
            .and_then(|k| arcs.get(k))
            .ok_or_else(|| {
                cx.err_at(
                    i,
                    format_args!("boog {idx} bestaat niet (er zijn {} bogen)", arcs.len()),
                )
            })?;
        let skip = usize::from(!out.is_empty());
        if reversed {
            out.extend(arc.iter().rev().skip(skip));
        } else {
            out.extend(arc.iter().skip(skip));
        }
    }
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side sharing the arc between them, quantised with a transform.
    const TWO_SQUARES: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [0.5, 0.5], "translate": [5.0, 52.0]},
      "objects": {"arbeidsmarktregio_2017": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"statcode": "AM01", "statnaam": "West"}},
        {"type": "MultiPolygon", "arcs": [[[-1, 2]]], "properties": {"statcode": "AM02", "statnaam": "Oost"}}
      ]}},
      "arcs": [
        [[2, 0], [0, 2]],
        [[2, 2], [-2, 0], [0, -2], [2, 0]],
        [[2, 0], [2, 0], [0, 2], [-2, 0]]
      ]
    }"#;

    fn lonlat(p: Point) -> (f64, f64) {
        let k = 6371.0 * std::f64::consts::PI / 180.0;
        let lon = p[0] / (k * super::super::project::LAT0.to_radians().cos())
            + super::super::project::LON0;
        let lat = p[1] / k + super::super::project::LAT0;
        ((lon * 1e9).round() / 1e9, (lat * 1e9).round() / 1e9)
    }

    #[test]
    fn decodes_delta_encoded_arcs_and_reversal() {
        let b = decode(TWO_SQUARES.as_bytes(), 2017).expect("valid");
        assert_eq!(b.regions.len(), 2);
        let west: Vec<_> = b.regions[0].polygons[0][0]
            .iter()
            .map(|p| lonlat(*p))
            .collect();
        assert_eq!(
            west,
            vec![(6.0, 52.0), (6.0, 53.0), (5.0, 53.0), (5.0, 52.0)]
        );
        let east: Vec<_> = b.regions[1].polygons[0][0]
            .iter()
            .map(|p| lonlat(*p))
            .collect();
        // Arc 0 reversed: from (6, 53) down to (6, 52), then around the east square.
        assert_eq!(
            east,
            vec![(6.0, 53.0), (6.0, 52.0), (7.0, 52.0), (7.0, 53.0)]
        );
        assert_eq!(b.regions[1].name, "Oost");
    }

    #[test]
    fn defects_are_errors_not_panics() {
        let cases = [
            "",
            "[]",
            "{\"type\":\"Topology\"}",
            &TWO_SQUARES.replace("[[-1, 2]]", "[[-9, 2]]"),
            &TWO_SQUARES.replace("[[0, 1]]", "[[0.5, 1]]"),
            &TWO_SQUARES.replace("\"Polygon\"", "\"Point\""),
            &TWO_SQUARES.replace("\"statnaam\": \"West\"", "\"x\": 1"),
            &TWO_SQUARES.replace("[0.5, 0.5]", "[0.5]"),
            &TWO_SQUARES.replace("[2, 0], [0, 2]]", "[2], [0, 2]]"),
            &TWO_SQUARES.replace("\"AM02\"", "\"AM01\""),
            &TWO_SQUARES.replace("[5.0, 52.0]", "[500.0, 52.0]"),
            &TWO_SQUARES.replace("[[-1, 2]]", "[[-9223372036854775808]]"),
            &TWO_SQUARES[..TWO_SQUARES.len() / 2],
        ];
        for (k, c) in cases.iter().enumerate() {
            let e = decode(c.as_bytes(), 2017).expect_err(&format!("case {k} must fail"));
            assert_eq!(e.kind, ErrorKind::Parse, "case {k}");
            assert_eq!(
                e.location.as_ref().map(|l| l.file.as_str()),
                Some("arbeidsmarktregio_2017.topojson")
            );
        }
    }
}
