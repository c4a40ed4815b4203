//! The regional scatterplot (figures 1 and 2 of the report): a start value relative to national
//! (x) against growth of working persons relative to national (y), with OLS trendline, R² and
//! residual outliers.

use crate::compute::regional::measures::{self, Excluded};
use crate::compute::regional::RegionalData;
use crate::compute::stats;
use crate::data::regional::*;
use crate::error::{Error, Result};
use crate::format::{pp_unit, t, Lang};
use crate::spec::{Period, Subgroup};
use crate::spec::{ScatterSpec, ScatterX};

/// Resolves the years of a view against the data: by default the last period and the first at
/// the same point of its year (see [`RegionalData::default_from`]).
pub fn years(
    d: &RegionalData,
    from: Option<Period>,
    to: Option<Period>,
    lang: Lang,
) -> Result<(Period, Period)> {
    #[cfg(feature = "full")]
    let spec_from = from;
    let first = *d.years.first().ok_or_else(|| {
        Error::not_available(t(
            lang,
            "Het bestand bevat geen jaren.",
            "The file has no years.",
        ))
    })?;
    let last = *d.years.last().unwrap_or(&first);
    let from = match from {
        Some(p) => d.resolve("from", p)?,
        None => first,
    };
    let to = match to {
        Some(p) => d.resolve("to", p)?,
        None => last,
    };
    // Not asked: from the same point of the year as `to` (user files only).
    #[cfg(feature = "full")]
    let from = match (spec_from, d.default_from(to)) {
        (None, Some(p)) => p,
        _ => from,
    };
    if from >= to {
        return Err(Error::not_available(match lang {
            Lang::Nl => {
                format!("Voor een groei zijn twee jaren nodig; het bestand heeft alleen {first}.")
            }
            Lang::En => format!("A growth needs two years; the file only has {first}."),
        }));
    }
    Ok((from, to))
}

pub fn compute(d: &RegionalData, spec: &ScatterSpec, k: f64, lang: Lang) -> Result<ScatterData> {
    let (from, to) = years(d, spec.from, spec.to, lang)?;
    let span = from.span(to, lang);
    let at = from.moment(lang);
    let from_l = from.label_in(lang);
    let g = spec.subgroup;
    let (gl, suffix) = (g.label_in(lang), g.suffix_in(lang));
    let relative = format!(
        "{} ({})",
        t(lang, "verschil met landelijk", "difference from national"),
        pp_unit(lang)
    );
    let (xs, x_measure, x_label, x_name) = match spec.x {
        ScatterX::Share => (
            measures::share_working(d, g, from, lang)?,
            "share",
            match lang {
                Lang::Nl => format!("Aandeel werkenden {gl} {at}, {relative}"),
                Lang::En => format!("Share working, {gl}, {at}, {relative}"),
            },
            match lang {
                Lang::Nl => format!("Aandeel werkenden{suffix} {from_l}"),
                Lang::En => format!("Share working{suffix} {from_l}"),
            },
        ),
        ScatterX::RegisterShare => {
            if g == Subgroup::Total {
                return Err(Error::view(t(
                    lang,
                    "x=register_share vraagt een deelgroep (wajong, wsw of participatiewet).",
                    "x=register_share needs a subgroup (wajong, wsw or participatiewet).",
                )));
            }
            (
                measures::register_share(d, g, from, lang)?,
                "register_share",
                match lang {
                    Lang::Nl => {
                        format!("Aandeel {gl} in het doelgroepregister {at}, {relative}")
                    }
                    Lang::En => {
                        format!("Share of {gl} in the target group register, {at}, {relative}")
                    }
                },
                match lang {
                    Lang::Nl => format!("Aandeel {gl} in het register {from_l}"),
                    Lang::En => format!("Share of {gl} in the register {from_l}"),
                },
            )
        }
    };
    let ys = measures::growth_workers(d, g, from, to, lang)?;
    let y_label = match lang {
        Lang::Nl => format!("Groei werkenden {gl} {span}, {relative}"),
        Lang::En => format!("Growth of working persons, {gl}, {span}, {relative}"),
    };
    let y_name = match lang {
        Lang::Nl => format!("Groei werkenden{suffix} {span}"),
        Lang::En => format!("Growth of working persons{suffix} {span}"),
    };

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
        Error::not_available(match lang {
            Lang::Nl => format!(
                "Een trendlijn vraagt minstens drie regio's met verschillende waarden; er zijn er {}.",
                pts.len()
            ),
            Lang::En => format!(
                "A trendline needs at least three regions with different values; there are {}.",
                pts.len()
            ),
        })
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
        x_name,
        y_name,
        points,
        excluded,
    })
}
