//! Slice statistics used by the regional analysis, exactly as the published report computes them:
//! population SD (divide by n), unweighted OLS with intercept, Pearson r, residual outliers.

use crate::data::Outlier;

use serde::Serialize;

/// Arithmetic mean; `None` for an empty slice.
pub fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    Some(xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Population standard deviation (divide by n), as in every "Standaardafwijking" row of the report.
pub fn population_sd(xs: &[f64]) -> Option<f64> {
    let m = mean(xs)?;
    let var = xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / xs.len() as f64;
    Some(var.sqrt())
}

/// Pearson correlation; `None` when fewer than two pairs or a variable is constant.
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    let mx = mean(xs)?;
    let my = mean(ys)?;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some(sxy / (sxx * syy).sqrt())
}

/// An ordinary least squares fit of y on x with intercept.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ols {
    pub slope: f64,
    pub intercept: f64,
    pub r2: f64,
    pub r: f64,
}

impl Ols {
    pub fn predict(&self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }
}

/// Fits y = intercept + slope * x, unweighted. `None` when x is constant or fewer than 3 points
/// (a line through two points says nothing about a trend).
pub fn ols(xs: &[f64], ys: &[f64]) -> Option<Ols> {
    if xs.len() != ys.len() || xs.len() < 3 {
        return None;
    }
    let mx = mean(xs)?;
    let my = mean(ys)?;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    // Values equal but for the last bits of their arithmetic (national minus regional of
    // regions with the same counts) vary no more than equal ones do.
    let noise = |values: &[f64], s: f64| {
        let scale = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        s <= values.len() as f64 * (1e-12 * scale).powi(2)
    };
    if sxx == 0.0 || noise(xs, sxx) {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let r = if syy == 0.0 || noise(ys, syy) {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    };
    Some(Ols {
        slope,
        intercept,
        r2: r * r,
        r,
    })
}

/// Classifies a deviation `d` (residual, or regional minus national) against `k * sd`; beyond
/// `2 * k * sd` it is a strong outlier. Exactly on the threshold is not an outlier ("exceeds").
pub fn classify(d: f64, sd: f64, k: f64) -> Option<Outlier> {
    let t = k * sd;
    if !(t.is_finite()) || sd <= 0.0 {
        return None;
    }
    if d > 2.0 * t {
        Some(Outlier::UpStrong)
    } else if d > t {
        Some(Outlier::Up)
    } else if d < -2.0 * t {
        Some(Outlier::DownStrong)
    } else if d < -t {
        Some(Outlier::Down)
    } else {
        None
    }
}

/// Like [`classify`] but without the strong classes (ranked bar charts know only up and down).
pub fn classify_simple(d: f64, sd: f64, k: f64) -> Option<Outlier> {
    classify(d, sd, k).map(|o| {
        if o.is_up() {
            Outlier::Up
        } else {
            Outlier::Down
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn population_sd_divides_by_n() {
        let xs = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(population_sd(&xs), Some(2.0));
        assert_eq!(population_sd(&[]), None);
    }

    #[test]
    fn ols_recovers_a_line() {
        let xs = [1.0, 2.0, 3.0, 4.0];
        let ys = [3.0, 5.0, 7.0, 9.0];
        let fit = ols(&xs, &ys).unwrap();
        assert!(close(fit.slope, 2.0, 1e-12));
        assert!(close(fit.intercept, 1.0, 1e-12));
        assert!(close(fit.r2, 1.0, 1e-12));
        assert!(ols(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]).is_none());
        // Equal but for the last bits of arithmetic (each a region's share minus the national
        // one): no line, where the noise gave a slope and r2 = 1.
        let x = 2332.0 / 4099.0 * 100.0 - 56.0;
        let noisy = [x, x + x * f64::EPSILON, x - x * f64::EPSILON, x];
        assert!(ols(&noisy, &[1.0, 2.0, 3.0, 4.0]).is_none());
        let fit = ols(&[1.0, 2.0, 3.0, 4.0], &noisy).unwrap();
        assert_eq!(fit.r2, 0.0);
    }

    #[test]
    fn ols_matches_hand_computation() {
        // Anscombe's first quartet: slope 0.5001, intercept 3.0001, r2 0.6665.
        let xs = [10.0, 8.0, 13.0, 9.0, 11.0, 14.0, 6.0, 4.0, 12.0, 7.0, 5.0];
        let ys = [
            8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68,
        ];
        let fit = ols(&xs, &ys).unwrap();
        assert!(close(fit.slope, 0.5001, 1e-4));
        assert!(close(fit.intercept, 3.0001, 1e-4));
        assert!(close(fit.r2, 0.6665, 1e-4));
        assert!(close(pearson(&xs, &ys).unwrap(), fit.r, 1e-12));
    }

    #[test]
    fn outlier_thresholds() {
        assert_eq!(classify(1.5, 1.0, 1.0), Some(Outlier::Up));
        assert_eq!(classify(2.5, 1.0, 1.0), Some(Outlier::UpStrong));
        assert_eq!(classify(-1.5, 1.0, 1.0), Some(Outlier::Down));
        assert_eq!(classify(-2.5, 1.0, 1.0), Some(Outlier::DownStrong));
        assert_eq!(classify(1.0, 1.0, 1.0), None);
        assert_eq!(classify(1.5, 1.0, 2.0), None);
        assert_eq!(classify_simple(-2.5, 1.0, 1.0), Some(Outlier::Down));
    }
}
