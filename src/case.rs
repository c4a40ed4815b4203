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
