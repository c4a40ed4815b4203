//! A small pull tokenizer for the XML inside an `.xlsx` (UTF-8, machine-written): start and end
//! tags with their attribute text, and text. Enough for workbook, relationships, shared strings
//! and worksheets; element names are compared without their namespace prefix.

use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub enum Event<'a> {
    /// `<name attrs>` or, when `empty`, `<name attrs/>`; `name` without prefix.
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    /// Text between tags, still escaped.
    Text(&'a str),
    /// The content of a CDATA section, not escaped.
    CData(&'a str),
}

pub struct Tokens<'a> {
    s: &'a str,
    pos: usize,
    /// Whether `s` is the whole text. When not (a piece of it, see [`each_token`]), a token
    /// that runs to the end of `s` without its closing characters is not given: it waits for
    /// the next piece, so the tokens are those of the whole text.
    at_end: bool,
}

pub fn tokens(s: &str) -> Tokens<'_> {
    Tokens {
        s: s.strip_prefix('\u{feff}').unwrap_or(s),
        pos: 0,
        at_end: true,
    }
}

/// The tokens of an XML text that comes a piece at a time (a worksheet inflated as it is read,
/// never held whole): `fill` appends the next bytes and says whether more may come; `f` is given
/// every token, exactly as [`tokens`] gives them over the whole text (a token cut at a piece's
/// end waits for the next piece; bytes that are not UTF-8 read as U+FFFD, as
/// `String::from_utf8_lossy` reads them).
pub fn each_token<E>(
    mut fill: impl FnMut(&mut Vec<u8>) -> Result<bool, E>,
    mut f: impl FnMut(Event<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut raw: Vec<u8> = Vec::new();
    let mut text = String::new();
    let mut started = false;
    loop {
        let more = fill(&mut raw)?;
        decode_into(&mut raw, &mut text, more);
        if !started && !text.is_empty() {
            started = true;
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
        }
        let mut t = Tokens {
            s: &text,
            pos: 0,
            at_end: !more,
        };
        for e in t.by_ref() {
            f(e)?;
        }
        let used = t.pos.min(text.len());
        text.drain(..used);
        if !more {
            return Ok(());
        }
    }
}

/// Moves the UTF-8 text at the front of `raw` to the end of `text` (an invalid sequence as one
/// U+FFFD); a character cut at the end of `raw` stays there for the next bytes, unless none
/// come (`more` false).
fn decode_into(raw: &mut Vec<u8>, text: &mut String, more: bool) {
    let mut start = 0;
    while start < raw.len() {
        match std::str::from_utf8(&raw[start..]) {
            Ok(s) => {
                text.push_str(s);
                start = raw.len();
            }
            Err(e) => {
                let good = start + e.valid_up_to();
                if let Ok(s) = std::str::from_utf8(&raw[start..good]) {
                    text.push_str(s);
                }
                match e.error_len() {
                    Some(n) => {
                        text.push('\u{fffd}');
                        start = good + n;
                    }
                    None if more => {
                        start = good;
                        break;
                    }
                    None => {
                        text.push('\u{fffd}');
                        start = raw.len();
                    }
                }
            }
        }
    }
    raw.drain(..start);
}

/// The name after a namespace prefix: `x:row` -> `row`.
fn local(name: &str) -> &str {
    match name.bytes().rposition(|c| c == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let rest = self.s.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            let wait = !self.at_end;
            if !rest.starts_with('<') {
                let end = match rest.bytes().position(|b| b == b'<') {
                    Some(end) => end,
                    None if wait => return None,
                    None => rest.len(),
                };
                self.pos += end;
                return Some(Event::Text(&rest[..end]));
            }
            // The start of a section the piece cuts off: which one it is shows in the next.
            if wait && ("<![CDATA[".starts_with(rest) || "<!--".starts_with(rest)) {
                return None;
            }
            let b = rest.as_bytes();
            // `<!...` and `<?...`: sections, comments, declarations, instructions.
            if matches!(b.get(1), Some(b'!' | b'?')) {
                let skip_to =
                    |pat: &str, from: usize| rest[from..].find(pat).map(|i| from + i + pat.len());
                if let Some(body) = rest.strip_prefix("<![CDATA[") {
                    let end = match body.find("]]>") {
                        Some(end) => end,
                        None if wait => return None,
                        None => body.len(),
                    };
                    self.pos += 9 + end + 3;
                    return Some(Event::CData(&body[..end]));
                }
                let (close, from) = if rest.starts_with("<?") {
                    ("?>", 2)
                } else if rest.starts_with("<!--") {
                    ("-->", 4)
                } else {
                    (">", 2)
                };
                match skip_to(close, from) {
                    Some(end) => self.pos += end,
                    None if wait => return None,
                    None => self.pos += rest.len(),
                }
                continue;
            }
            // The tag ends at the first `>` outside a quoted attribute value (all ASCII: the
            // bytes are scanned, not the characters).
            let mut quote = 0u8;
            let mut end = rest.len();
            for (i, &c) in b.iter().enumerate().skip(1) {
                if quote != 0 {
                    if c == quote {
                        quote = 0;
                    }
                } else if c == b'"' || c == b'\'' {
                    quote = c;
                } else if c == b'>' {
                    end = i;
                    break;
                }
            }
            if wait && end == rest.len() {
                return None;
            }
            self.pos += (end + 1).min(rest.len());
            let inner = rest.get(1..end).unwrap_or("");
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Event::End {
                    name: local(name.trim()),
                });
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let split = inner
                .bytes()
                .position(|c| c.is_ascii_whitespace())
                .unwrap_or(inner.len());
            return Some(Event::Start {
                name: local(&inner[..split]),
                attrs: &inner[split..],
                empty,
            });
        }
    }
}

/// The value of attribute `name` (prefix ignored), unescaped.
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    attr_ref(attrs, name).map(Cow::into_owned)
}

/// [`attr`] borrowed from `attrs` when it holds no entity (a worksheet's cell references and
/// types, read for every cell, without an allocation each).
pub fn attr_ref<'a>(attrs: &'a str, name: &str) -> Option<Cow<'a, str>> {
    attr_pairs(attrs)
        .find(|(key, _)| *key == name)
        .map(|(_, value)| unescape(value))
}

/// The attributes of a tag in order, as (name without prefix, value still escaped), up to the
/// first that is not `name="value"` or `name='value'`: a tag's attributes read in one scan.
pub fn attr_pairs(attrs: &str) -> AttrPairs<'_> {
    AttrPairs(attrs)
}

pub struct AttrPairs<'a>(&'a str);

impl<'a> Iterator for AttrPairs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        // The bytes are searched and trimmed (`=`, quotes and XML's white space are ASCII, so
        // every position found is a character boundary): `str::find` of a char costs a call to
        // `memcmp` per match, and `str::trim` looks for Unicode's white space.
        let at = |s: &str, b: u8| s.bytes().position(|c| c == b);
        let rest = self.0.trim_ascii_start();
        let eq = at(rest, b'=')?;
        let key = rest[..eq].trim_ascii();
        let after = rest[eq + 1..].trim_ascii_start();
        let q = *after.as_bytes().first()?;
        if q != b'"' && q != b'\'' {
            self.0 = "";
            return None;
        }
        let Some(close) = at(&after[1..], q) else {
            self.0 = "";
            return None;
        };
        let close = close + 1;
        self.0 = &after[close + 1..];
        Some((local(key), &after[1..close]))
    }
}

/// Resolves the five XML entities and numeric character references.
pub fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        // Only the next 11 bytes: searching the whole rest made a text of many `&` quadratic.
        let Some(semi) = after.bytes().take(11).position(|b| b == b';') else {
            out.push('&');
            rest = after;
            continue;
        };
        let ent = &after[..semi];
        let c = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Excel escapes some characters in strings as `_xHHHH_` (e.g. `_x000D_` for a carriage return).
pub fn unescape_excel(s: &str) -> Cow<'_, str> {
    if !s.contains("_x") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let code = rest
            .get(i + 2..i + 7)
            .filter(|t| t.ends_with('_'))
            .and_then(|t| u32::from_str_radix(&t[..4], 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &rest[i + 7..];
            }
            None => {
                out.push_str("_x");
                rest = &rest[i + 2..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_text_and_entities() {
        let x = r#"<?xml version="1.0"?><x:row r="3" a='b>c'><c r="A3" t="s"/><v>1 &amp; &lt;2&#x41;&#66;</v></x:row><![CDATA[<raw>]]>"#;
        let ev: Vec<Event> = tokens(x).collect();
        assert_eq!(
            ev[0],
            Event::Start {
                name: "row",
                attrs: r#" r="3" a='b>c'"#,
                empty: false
            }
        );
        assert!(matches!(
            ev[1],
            Event::Start {
                name: "c",
                empty: true,
                ..
            }
        ));
        assert_eq!(ev[3], Event::Text("1 &amp; &lt;2&#x41;&#66;"));
        assert_eq!(unescape("1 &amp; &lt;2&#x41;&#66;"), "1 & <2AB");
        assert_eq!(ev[5], Event::End { name: "row" });
        assert_eq!(ev[6], Event::CData("<raw>"));
        if let Event::Start { attrs, .. } = ev[0] {
            assert_eq!(attr(attrs, "a").as_deref(), Some("b>c"));
            assert_eq!(attr(attrs, "r").as_deref(), Some("3"));
            assert_eq!(attr(attrs, "t"), None);
        }
        assert_eq!(unescape("a & b;"), "a & b;");
        assert_eq!(unescape_excel("a_x000D_b_x_"), "a\rb_x_");
    }

    /// Every token of a text read in pieces of any size is the token read from the whole text,
    /// whatever the text (tags, sections and characters cut anywhere, bytes that are not UTF-8).
    #[test]
    fn tokens_read_in_pieces_are_the_tokens_of_the_whole() {
        let parts: [&[u8]; 22] = [
            b"<",
            b">",
            b"/",
            b"row",
            b" r=\"1\"",
            b"'a>b'",
            b"\"",
            b"<![CDATA[",
            b"]]>",
            b"<!--",
            b"-->",
            b"<?",
            b"?>",
            b"<!",
            b"text",
            b" ",
            "é€".as_bytes(),
            b"\xff",
            b"\xe2\x82",
            b"&amp;",
            "\u{feff}".as_bytes(),
            b"<c/>",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let owned = |e: Event| format!("{e:?}");
        for _ in 0..3000 {
            let mut bytes = Vec::new();
            for _ in 0..next() % 40 {
                bytes.extend_from_slice(parts[(next() % parts.len() as u64) as usize]);
            }
            let whole: Vec<String> = tokens(&String::from_utf8_lossy(&bytes))
                .map(owned)
                .collect();
            for piece in [1usize, 2, 3, 5, 8, 64] {
                let mut at = 0;
                let mut got = Vec::new();
                each_token::<()>(
                    |buf| {
                        let n = piece.min(bytes.len() - at);
                        buf.extend_from_slice(&bytes[at..at + n]);
                        at += n;
                        Ok(at < bytes.len())
                    },
                    |e| {
                        got.push(owned(e));
                        Ok(())
                    },
                )
                .unwrap();
                assert_eq!(
                    got,
                    whole,
                    "{:?} in pieces of {piece}",
                    String::from_utf8_lossy(&bytes)
                );
            }
        }
    }
}
