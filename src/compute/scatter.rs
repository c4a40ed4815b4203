//! The regional scatterplot (figures 1 and 2 of the report): a start value relative to national
//! (x) against growth of working persons relative to national (y), with OLS trendline, R² and
//! residual outliers.

use crate::compute::regional::measures::{self, Excluded};
use crate::compute::regional::RegionalData;
use crate::compute::stats;
use crate::data::regional::*;
use crate::error::{Error, Result};
use crate::spec::{Period, Subgroup};
use crate::spec::{ScatterSpec, ScatterX};

/// Resolves the years of a view against the data: by default the first and last year.
pub fn years(
    d: &RegionalData,
    from: Option<Period>,
    to: Option<Period>,
) -> Result<(Period, Period)> {
    let first = *d
        .years
        .first()
        .ok_or_else(|| Error::not_available("Het bestand bevat geen jaren."))?;
    let last = *d.years.last().unwrap_or(&first);
    let from = match from {
        Some(p) => d.resolve("from", p)?,
        None => first,
    };
    let to = match to {
        Some(p) => d.resolve("to", p)?,
        None => last,
    };
    if from >= to {
        return Err(Error::not_available(format!(
            "Voor een groei zijn twee jaren nodig; het bestand heeft alleen {first}."
        )));
    }
    Ok((from, to))
}

pub fn compute(d: &RegionalData, spec: &ScatterSpec, k: f64) -> Result<ScatterData> {
    let (from, to) = years(d, spec.from, spec.to)?;
    let g = spec.subgroup;
    let (xs, x_measure, x_label) = match spec.x {
        ScatterX::Share => (
            measures::share_working(d, g, from)?,
            "share",
            format!(
                "Aandeel werkenden {} eind {from}, verschil met landelijk (%-punt)",
                g.label()
            ),
        ),
        ScatterX::RegisterShare => {
            if g == Subgroup::Total {
                return Err(Error::view(
                    "x=register_share vraagt een deelgroep (wajong, wsw of participatiewet).",
                ));
            }
            (
                measures::register_share(d, g, from)?,
                "register_share",
                format!("Aandeel {} in het doelgroepregister eind {from}, verschil met landelijk (%-punt)", g.label()),
            )
        }
    };
    let ys = measures::growth_workers(d, g, from, to)?;
    let y_label = format!(
        "Groei werkenden {} {from}-{to}, verschil met landelijk (%-punt)",
        g.label()
    );

    let mut excluded: Vec<Excluded> = xs.excluded.clone();
    for e in &ys.excluded {
        if !excluded.iter().any(|x| x.region == e.region) {
            excluded.push(e.clone());
        }
    }
    let mut pts: Vec<(String, f64, f64, f64, f64)> = Vec::new();
    for (region, xv) in &xs.values {
        if let Some(yv) = ys.get(region) {
            pts.push((region.clone(), xv - xs.national, yv - ys.national, *xv, yv));
        }
    }
    let xr: Vec<f64> = pts.iter().map(|p| p.1).collect();
    let yr: Vec<f64> = pts.iter().map(|p| p.2).collect();
    let fit = stats::ols(&xr, &yr).ok_or_else(|| {
        Error::not_available(format!(
            "Een trendlijn vraagt minstens drie regio's met verschillende waarden; er zijn er {}.",
            pts.len()
        ))
    })?;
    let residuals: Vec<f64> = pts.iter().map(|p| p.2 - fit.predict(p.1)).collect();
    let residual_sd = stats::population_sd(&residuals).unwrap_or(0.0);
    let points = pts
        .into_iter()
        .zip(&residuals)
        .map(|((region, x, y, x_value, y_value), res)| ScatterPoint {
            region,
            x,
            y,
            residual: *res,
            outlier: stats::classify(*res, residual_sd, k),
            x_value,
            y_value,
        })
        .collect();
    crate::sort::sort_by(&mut excluded, |a, b| a.region.cmp(&b.region));
    Ok(ScatterData {
        view: "scatter",
        subgroup: g,
        x_measure,
        from,
        to,
        k,
        slope: fit.slope,
        intercept: fit.intercept,
        r2: fit.r2,
        r: fit.r,
        residual_sd,
        national_x: xs.national,
        national_y: ys.national,
        x_label,
        y_label,
        points,
        excluded,
    })
}
