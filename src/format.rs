//! Number formatting for people: Dutch (`nl-NL`: `-1,10`, `112.147`) or English (`en-GB`).

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        // (Outer spaces and capitals: `lang=EN` is English.)
        let s = s.trim();
        if s.eq_ignore_ascii_case("nl") {
            Some(Lang::Nl)
        } else if s.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// Formats `v` with `decimals` decimals, grouping thousands, in the style of `lang`.
/// Negative zero after rounding is printed without a sign.
pub fn number(v: f64, decimals: usize, lang: Lang) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    // A tie (`-0,25` to one decimal, `1,005` to two) away from zero, as Excel and the
    // publications round: on the shortest decimal that reads back as the number (`1.005`, as
    // the file wrote it), not on its binary neighbour (1.00499999...), which Rust's formatting
    // rounds (to even on a true tie).
    // (First to 13 significant digits: a computed tie, 100 x (802 / 800 - 1) =
    // 0.24999999999999911, is the 0.25 it stands for.)
    let a = v.abs();
    let a: f64 = format!("{a:.12e}").parse().unwrap_or(a);
    let s = round_half_away(&format!("{a}"), decimals);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let (group, dec) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(*c);
    }
    let is_zero = s.chars().all(|c| c == '0' || c == '.');
    let mut out = String::new();
    if v < 0.0 && !is_zero {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(dec);
        out.push_str(&f);
    }
    out
}

/// Rounds a plain decimal (`12.345`, no sign, no exponent: `f64`'s `Display`) to `decimals`
/// decimals, a 5 after the last one kept rounding up.
fn round_half_away(plain: &str, decimals: usize) -> String {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut digits: Vec<u8> = int.bytes().collect();
    digits.extend(frac.bytes().chain(std::iter::repeat(b'0')).take(decimals));
    if frac.as_bytes().get(decimals).is_some_and(|&d| d >= b'5') {
        let mut k = digits.len();
        loop {
            if k == 0 {
                digits.insert(0, b'1');
                break;
            }
            k -= 1;
            if digits[k] == b'9' {
                digits[k] = b'0';
            } else {
                digits[k] += 1;
                break;
            }
        }
    }
    let (i, f) = digits.split_at(digits.len() - decimals);
    let (i, f) = (String::from_utf8_lossy(i), String::from_utf8_lossy(f));
    if decimals == 0 {
        i.into_owned()
    } else {
        format!("{i}.{f}")
    }
}

/// Dutch formatting, the default of the explorer.
pub fn nl(v: f64, decimals: usize) -> String {
    number(v, decimals, Lang::Nl)
}

/// A signed value, with `+` for positive numbers (for relative values in tables and labels).
pub fn signed(v: f64, decimals: usize, lang: Lang) -> String {
    let s = number(v, decimals, lang);
    if v > 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{s}")
    } else {
        s
    }
}

/// A percentage with one decimal: "22,9 %".
pub fn pct(v: f64, lang: Lang) -> String {
    format!("{} %", number(v, 1, lang))
}

/// A difference in percentage points with sign: "+3,4 %-punt" / "+3.4 pp".
pub fn pp(v: f64, lang: Lang) -> String {
    format!("{} {}", signed(v, 1, lang), pp_unit(lang))
}

/// The unit of a difference of percentages: "%-punt" / "pp" (percentage points).
pub fn pp_unit(lang: Lang) -> &'static str {
    t(lang, "%-punt", "pp")
}

/// The phrase in the language asked for: `t(lang, "landelijk", "national")`.
pub fn t<'a>(lang: Lang, nl: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// "k" as the user wrote it: 1, 1,5.
pub fn k_text(k: f64, lang: Lang) -> String {
    number(k, if k.fract() == 0.0 { 0 } else { 1 }, lang)
}

/// "A, B en C".
pub fn list(items: &[&str]) -> String {
    list_in(items, Lang::Nl)
}

/// "A, B en C" / "A, B and C".
pub fn list_in(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), t(lang, "en", "and")),
    }
}

/// Column names as a sentence says them: "gemeente, leeftijd en geslacht"; more than ten (a file
/// of thousands of columns), ten and how many others ("... en 1.990 andere kolommen").
pub fn columns_and<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    const NAMED: usize = 10;
    let names = |items: &[S]| {
        items
            .iter()
            .map(|s| s.as_ref())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        _ if items.len() > NAMED => format!(
            "{} {} {} {}",
            names(&items[..NAMED]),
            t(lang, "en", "and"),
            number((items.len() - NAMED) as f64, 0, lang),
            t(lang, "andere kolommen", "other columns")
        ),
        [init @ .., last] => format!("{} {} {}", names(init), t(lang, "en", "and"), last.as_ref()),
    }
}

/// Names each in single quotes, joined with ", " (`'regio.code', 'regio.naam'`), as the file
/// line and messages list columns, fields and values.
pub fn quoted<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items
        .into_iter()
        .map(|s| format!("'{}'", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Up to ten items joined with ", ", then " en nog 3" (" and 3 more") for the others: a list in
/// a file line that a file with thousands of them cannot make endless.
pub fn first_ten(items: &[String], lang: Lang) -> String {
    let list = items
        .iter()
        .take(10)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    match (items.len().saturating_sub(10), lang) {
        (0, _) => list,
        (n, Lang::Nl) => format!("{list} en nog {n}"),
        (n, Lang::En) => format!("{list} and {n} more"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_names_each_in_quotes() {
        assert_eq!(
            quoted(["regio.code", "regio.naam"]),
            "'regio.code', 'regio.naam'"
        );
        assert_eq!(quoted(Vec::<String>::new()), "");
    }

    #[test]
    fn dutch_formatting() {
        assert_eq!(nl(-1.1002, 2), "-1,10");
        assert_eq!(nl(0.30825, 2), "0,31");
        assert_eq!(nl(112147.0, 0), "112.147");
        assert_eq!(nl(-1234567.891, 1), "-1.234.567,9");
        assert_eq!(nl(-0.001, 2), "0,00");
        // Ties away from zero, as Excel and the publications round (Rust rounds them to even).
        assert_eq!(nl(-0.25, 1), "-0,3");
        assert_eq!(nl(0.25, 1), "0,3");
        assert_eq!(nl(2.5, 0), "3");
        assert_eq!(nl(0.125, 2), "0,13");
        assert_eq!(nl(0.35, 1), "0,4");
        assert_eq!(nl(0.24, 1), "0,2");
        // Found by a probe: ties at two decimals whose binary value lies just below them.
        assert_eq!(nl(1.005, 2), "1,01");
        assert_eq!(nl(-1.005, 2), "-1,01");
        assert_eq!(nl(2.135, 2), "2,14");
        assert_eq!(nl(0.145, 2), "0,15");
        assert_eq!(nl(2.675, 2), "2,68");
        assert_eq!(nl(0.995, 2), "1,00");
        assert_eq!(nl(9.96, 1), "10,0");
        assert_eq!(nl(999.5, 0), "1.000");
        assert_eq!(nl(0.0449, 1), "0,0");
        assert_eq!(nl(1e-7, 2), "0,00");
        assert_eq!(nl(12.0, 3), "12,000");
        assert_eq!(nl(1e20, 0), "100.000.000.000.000.000.000");
        // A computed growth of exactly +0,25 % (800 to 802) stays a tie.
        assert_eq!(nl((802.0 / 800.0 - 1.0) * 100.0, 1), "0,3");
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(signed(3.653, 1, Lang::Nl), "+3,7");
        assert_eq!(signed(-3.653, 1, Lang::Nl), "-3,7");
    }

    #[test]
    fn long_lists_end_in_a_count() {
        let items: Vec<String> = (1..=12).map(|i| i.to_string()).collect();
        assert_eq!(first_ten(&items[..2], Lang::Nl), "1, 2");
        assert!(first_ten(&items, Lang::Nl).ends_with("9, 10 en nog 2"));
        assert!(first_ten(&items, Lang::En).ends_with("10 and 2 more"));
    }
}
