//! Decimal text to `f64`, exactly as `str::parse::<f64>` does it, without the standard
//! library's parser and its 11 KB table of powers of five in the wasm (about 12 KB gzip).
//! The syntax is checked here, as std checks it. Numbers of at most 2^53 in their digits and a
//! power of ten up to 22 are computed here with one correctly rounded multiplication or
//! division (the classic exact fast path, also std's); other numbers go to the browser's
//! `parseFloat`, which rounds correctly as std does. Natively std does the work.

/// `s.parse::<f64>().ok()`: optional sign, then `inf`, `infinity` or `nan` (any case), or
/// digits with an optional point and an optional exponent (`1`, `1.5`, `.5`, `5.`, `1e-3`).
pub fn parse_f64(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let value = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        number(body)?
    };
    Some(if negative { -value } else { value })
}

/// Largest integer every smaller one of which an `f64` holds exactly.
const EXACT: u64 = 1 << 53;

/// An unsigned decimal number, or `None` if the text is not one.
fn number(body: &str) -> Option<f64> {
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut mantissa: u64 = 0;
    let mut exact = true;
    let mut digits = 0usize;
    let mut point_shift: i64 = 0;
    let mut seen_point = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                match mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(u64::from(b - b'0')))
                    .filter(|&m| m <= EXACT)
                {
                    Some(m) => mantissa = m,
                    None => exact = false,
                }
                if seen_point {
                    point_shift -= 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    let mut exponent: i64 = 0;
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let negative = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            // Saturates far beyond any exponent that changes the result.
            exponent = (exponent * 10 + i64::from(b - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        if negative {
            exponent = -exponent;
        }
    }
    if i != bytes.len() {
        return None;
    }
    if mantissa == 0 && exact {
        return Some(0.0);
    }
    let power = exponent + point_shift;
    if exact && (-22..=22).contains(&power) {
        let m = mantissa as f64;
        let p = POWERS_OF_TEN.get(power.unsigned_abs() as usize).copied()?;
        return Some(if power < 0 { m / p } else { m * p });
    }
    Some(slow(body))
}

/// 10^0 ..= 10^22, each exact in an `f64`.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A syntactically valid unsigned decimal number, correctly rounded.
#[cfg(target_arch = "wasm32")]
fn slow(body: &str) -> f64 {
    js_sys::parse_float(body)
}

/// A syntactically valid unsigned decimal number, correctly rounded.
#[cfg(not(target_arch = "wasm32"))]
fn slow(body: &str) -> f64 {
    body.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_std(s: &str) {
        let ours = parse_f64(s).map(f64::to_bits);
        let std = s.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{s:?}");
    }

    #[test]
    fn syntax_as_std() {
        for s in [
            "0",
            "-0",
            "+0",
            "1",
            "12.5",
            ".5",
            "5.",
            "-.5",
            "1e3",
            "1E3",
            "1e+3",
            "1e-3",
            "1.e2",
            "0.1",
            "007",
            "00.0100",
            "inf",
            "-Infinity",
            "NaN",
            "+inf",
            "",
            "-",
            "+",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1,5",
            " 1",
            "1 ",
            "1_000",
            "0x10",
            "--1",
            "+-1",
            "infinit",
            "1e999999999999999999",
            "1e-999999999999",
            "0e999999",
            "١",
            "1ée",
        ] {
            same_as_std(s);
        }
    }

    #[test]
    fn values_as_std() {
        for s in [
            "9007199254740992",
            "9007199254740993",
            "0.30000000000000004",
            "0.35714285714285715",
            "123456789012345678901234567890",
            "2.2250738585072014e-308",
            "4.9e-324",
            "1e23",
            "1.7976931348623157e308",
            "1.8e308",
            "3.14159",
            "-1234.5678",
            "1e22",
            "1e-22",
            "0.000000000000000000000001",
            "8.5e-5",
            "2015",
            "35",
        ] {
            same_as_std(s);
        }
        // A deterministic sweep of short decimals, the numbers tables are made of.
        let mut x: u64 = 12345;
        for _ in 0..20000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let int = (x >> 20) % 10_000_000;
            let frac = (x >> 45) % 100_000;
            let places = (x >> 10) % 6;
            same_as_std(&format!("{int}.{frac:0>width$}", width = places as usize));
            same_as_std(&format!("{int}e-{places}"));
        }
    }
}
