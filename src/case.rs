//! Upper and lower case, exactly as `str::to_lowercase`/`to_uppercase` give them, without their
//! Unicode tables in the wasm (about 15 KB gzip): ASCII text is mapped here; other text goes to
//! the browser's `String.prototype.toLowerCase`/`toUpperCase`, which apply the same Unicode
//! full case mappings (final sigma included). Natively the standard library does the work.

/// `s.to_lowercase()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        unicode_lower(s)
    }
}

/// `s.to_uppercase()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        unicode_upper(s)
    }
}

/// `c.to_lowercase()` as text (one character may become several, like `İ`).
pub fn lower_char(c: char) -> String {
    lower(c.encode_utf8(&mut [0u8; 4]))
}

/// `s.chars().flat_map(char::to_lowercase)`: each character on its own (no final sigma).
pub fn lower_each(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().map(lower_char).collect()
    }
}

/// `c.to_uppercase()` as text (one character may become several, like `ß` -> `SS`).
pub fn upper_char(c: char) -> String {
    upper(c.encode_utf8(&mut [0u8; 4]))
}

/// The words of a CamelCase name set apart by spaces, or `None` when it has no word boundary of
/// that kind. A boundary falls before a capital that follows a small letter or a digit
/// (`WerkzamePersonen`, `RegioS`, `Q4Banen`), and before the last capital of a run of capitals
/// followed by two or more small letters (`WSWPersonen` -> `WSW Personen`; `AMRs` stays one
/// word, and so does an acronym with the ending of its people, `WSWers`: `AantalWSWers` ->
/// `Aantal WSWers`). The Dutch `IJ` at a word's start stays one letter (`IJmond`). ASCII letters only.
#[cfg(feature = "full")]
pub fn camel_words(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let upper = |k: usize| b.get(k).is_some_and(u8::is_ascii_uppercase);
    let lower = |k: usize| b.get(k).is_some_and(u8::is_ascii_lowercase);
    let boundary = |k: usize| {
        if k == 0 || !upper(k) {
            return false;
        }
        let prev = b[k - 1];
        if prev.is_ascii_lowercase() || prev.is_ascii_digit() {
            return true;
        }
        // `IJ` beginning a word: `I` after anything but a capital.
        let ij = prev == b'I' && b[k] == b'J' && (k < 2 || !upper(k - 2));
        // An acronym's plural or person ending stays with it: `WSWers`, `WSWer`.
        let ending = |e: &[u8]| b.get(k + 1..k + 1 + e.len()) == Some(e) && !lower(k + 1 + e.len());
        let plural = ending(b"ers") || ending(b"er");
        prev.is_ascii_uppercase() && lower(k + 1) && lower(k + 2) && !ij && !plural
    };
    if !(1..b.len()).any(boundary) {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (k, c) in s.char_indices() {
        if boundary(k) {
            out.push(' ');
        }
        out.push(c);
    }
    Some(out)
}

/// A CBS key without its topic number: StatLine's OData API names a table's topics by a
/// CamelCase word and a number (`PersonenInDoelgroepregister_1`, `WerkzamePersonen_2`,
/// `Banen_3`). Only that form is cut: one word of ASCII letters and digits beginning with a
/// capital, `_`, one to three digits (quotes, a BOM and spaces around it left out). A name in
/// small letters (`werkzaam_2`, `jaar_2`) or with a year (`Werkzaam_2017`) is not such a key
/// and keeps its meaning.
#[cfg(feature = "full")]
pub fn without_topic_number(header: &str) -> Option<&str> {
    let h =
        header.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '"' | '\''));
    let (name, digits) = h.rsplit_once('_')?;
    let key = (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && name.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && name.bytes().all(|b| b.is_ascii_alphanumeric());
    key.then_some(name)
}

/// A CBS key (`WerkzamePersonen_2`, `PersonenInDoelgroepregister_1`, `RegioS`) as words a
/// reader sees: the topic number left out, the words apart and in small letters, a word in
/// capitals kept (`PersonenWSW` -> `personen WSW`), StatLine's `S` for a plural `'s` (`RegioS`
/// -> `regio's`). `None` for a name of another form (with spaces or `_`, or one word).
#[cfg(feature = "full")]
pub fn cbs_key_words(name: &str) -> Option<String> {
    let topic = without_topic_number(name);
    let key = topic.unwrap_or(name);
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let spaced = match camel_words(key) {
        Some(s) => s,
        None if topic.is_some() => key.to_string(),
        None => return None,
    };
    let words: Vec<String> = spaced
        .split(' ')
        .map(|w| {
            if w.len() > 1 && w.bytes().all(|b| !b.is_ascii_lowercase()) {
                w.to_string()
            } else {
                w.to_ascii_lowercase()
            }
        })
        .collect();
    let mut out = String::with_capacity(spaced.len() + 1);
    for (k, w) in words.iter().enumerate() {
        if w == "s" && k > 0 && k + 1 == words.len() {
            out.push_str("'s");
            continue;
        }
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    Some(out)
}

/// Lower-case name tokens split on anything that is not a letter or digit (`share_pct` -> share, pct),
/// and in the full core between the words of a CamelCase name, a CBS key without its topic
/// number (`PersonenInDoelgroepregister_1` -> personen, in, doelgroepregister); `%` is a token.
pub fn name_tokens(name: &str) -> Vec<String> {
    #[cfg(feature = "full")]
    let spaced = {
        let name = without_topic_number(name).unwrap_or(name);
        camel_words(name).unwrap_or_else(|| name.to_string())
    };
    #[cfg(feature = "full")]
    let name = spaced.as_str();
    let lower = lower(name);
    let mut out: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    if lower.contains('%') {
        out.push("%".into());
    }
    out
}

/// Whether a column's name says it holds a share or percentage (`% werkzaam`, `aandeel`, `pct`).
pub fn names_a_share(name: &str) -> bool {
    name_tokens(name)
        .iter()
        .any(|t| PERCENT_WORDS.contains(&t.as_str()))
}

/// The name words of a share or percentage.
pub const PERCENT_WORDS: &[&str] = &[
    "pct",
    "%",
    "procent",
    "percentage",
    "perc",
    "share",
    "shares",
    "aandeel",
    "aandelen",
];

#[cfg(target_arch = "wasm32")]
fn unicode_lower(s: &str) -> String {
    js_sys::JsString::from(s).to_lower_case().into()
}

#[cfg(target_arch = "wasm32")]
fn unicode_upper(s: &str) -> String {
    js_sys::JsString::from(s).to_upper_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn unicode_lower(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(not(target_arch = "wasm32"))]
fn unicode_upper(s: &str) -> String {
    s.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_library() {
        for s in [
            "Werkzame Personen",
            "ÉÉN Ïjsselmeer",
            "Straße",
            "ΟΔΟΣ ΑΣ",
            "İstanbul",
            "",
        ] {
            assert_eq!(lower(s), s.to_lowercase(), "{s}");
            assert_eq!(upper(s), s.to_uppercase(), "{s}");
        }
        assert_eq!(lower("ÉÉN"), "één");
        assert_eq!(upper("straße"), "STRASSE");
        assert_eq!(lower_char('Σ'), 'Σ'.to_lowercase().collect::<String>());
        assert_eq!(upper_char('ß'), "SS");
        assert_eq!(lower_char('A'), "a");
        let each = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
        for s in ["ΟΔΟΣ ΑΣ", "Één İ", "abc"] {
            assert_eq!(lower_each(s), each(s), "{s}");
        }
        assert_eq!(lower_each("ΑΣ"), "ασ");
    }
}

#[cfg(all(test, feature = "full"))]
mod header_word_tests {
    use super::*;

    #[test]
    fn camel_case_words_apart() {
        assert_eq!(
            camel_words("WerkzamePersonen").as_deref(),
            Some("Werkzame Personen")
        );
        assert_eq!(camel_words("RegioS").as_deref(), Some("Regio S"));
        assert_eq!(camel_words("PersonenWSW").as_deref(), Some("Personen WSW"));
        assert_eq!(camel_words("WSWPersonen").as_deref(), Some("WSW Personen"));
        assert_eq!(camel_words("Q4Banen").as_deref(), Some("Q4 Banen"));
        assert_eq!(
            camel_words("k_0Tot15Jaar").as_deref(),
            Some("k_0 Tot15 Jaar")
        );
        assert_eq!(camel_words("EnIJmond").as_deref(), Some("En IJmond"));
        for plain in [
            "Werkzame personen",
            "WSW",
            "AMRs",
            "IJmond",
            "werkzaam",
            "Perioden",
            "",
        ] {
            assert_eq!(camel_words(plain), None, "{plain}");
        }
        assert_eq!(camel_words("ÉénPersoon").as_deref(), Some("Één Persoon"));
    }

    #[test]
    fn topic_numbers_of_cbs_keys() {
        assert_eq!(
            without_topic_number("WerkzamePersonen_2"),
            Some("WerkzamePersonen")
        );
        assert_eq!(without_topic_number("Banen_123"), Some("Banen"));
        assert_eq!(without_topic_number(" \"Banen_3\" "), Some("Banen"));
        assert_eq!(without_topic_number("\u{feff}Banen_3"), Some("Banen"));
        for other in [
            "werkzaam_2",
            "jaar_2",
            "Werkzaam_2017",
            "Werkzame_personen_2",
            "Werkzame personen_2",
            "Banen_",
            "Banen_1a",
            "_2",
            "Banen",
        ] {
            assert_eq!(without_topic_number(other), None, "{other}");
        }
    }

    #[test]
    fn cbs_keys_as_words() {
        assert_eq!(
            cbs_key_words("WerkzamePersonen_2").as_deref(),
            Some("werkzame personen")
        );
        assert_eq!(
            cbs_key_words("PersonenInDoelgroepregister_1").as_deref(),
            Some("personen in doelgroepregister")
        );
        assert_eq!(cbs_key_words("RegioS").as_deref(), Some("regio's"));
        assert_eq!(
            cbs_key_words("PersonenWSW").as_deref(),
            Some("personen WSW")
        );
        assert_eq!(cbs_key_words("Banen_3").as_deref(), Some("banen"));
        for other in [
            "Perioden",
            "ID",
            "werkzame_personen",
            "Werkzame personen",
            "jaar_2",
        ] {
            assert_eq!(cbs_key_words(other), None, "{other}");
        }
    }
}
