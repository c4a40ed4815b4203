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
}

pub fn tokens(s: &str) -> Tokens<'_> {
    Tokens {
        s: s.strip_prefix('\u{feff}').unwrap_or(s),
        pos: 0,
    }
}

/// The name after a namespace prefix: `x:row` -> `row`.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let rest = self.s.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos += end;
                return Some(Event::Text(&rest[..end]));
            }
            let skip_to =
                |pat: &str, from: usize| rest[from..].find(pat).map(|i| from + i + pat.len());
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body.find("]]>").unwrap_or(body.len());
                self.pos += 9 + end + 3;
                return Some(Event::CData(&body[..end]));
            }
            if rest.starts_with("<?") {
                self.pos += skip_to("?>", 2).unwrap_or(rest.len());
                continue;
            }
            if rest.starts_with("<!--") {
                self.pos += skip_to("-->", 4).unwrap_or(rest.len());
                continue;
            }
            if rest.starts_with("<!") {
                self.pos += skip_to(">", 2).unwrap_or(rest.len());
                continue;
            }
            // The tag ends at the first `>` outside a quoted attribute value.
            let mut quote: Option<char> = None;
            let mut end = rest.len();
            for (i, c) in rest.char_indices().skip(1) {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"') | (None, '\'') => quote = Some(c),
                    (None, '>') => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
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
                .find(|c: char| c.is_ascii_whitespace())
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
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let close = after[1..].find(q)? + 1;
        let value = &after[1..close];
        if local(key) == name {
            return Some(unescape(value).into_owned());
        }
        rest = &after[close + 1..];
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
}
