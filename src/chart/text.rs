//! Text for charts without any font machinery: a fixed width table for a Helvetica-like sans
//! serif gives the layout, so the same SVG comes out natively and in the browser (plotters' own
//! font layer would measure text through the DOM in wasm, which a Web Worker does not have).

use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, DrawingErrorKind, FontFamily, FontStyle, FontTransform,
};

/// The font stack written into the SVG.
pub const FONT: &str = "Arial, Helvetica, sans-serif";

/// Width of a character in em for a Helvetica-like font (rounded; good enough for placing labels).
pub fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.24,
        'f' | 't' | 'r' | 'I' | ' ' | '(' | ')' | '[' | ']' | '-' | '/' => 0.31,
        'm' | 'M' | 'W' => 0.86,
        'w' => 0.74,
        '0'..='9' | '+' | '=' | '<' | '>' | '€' => 0.56,
        c if c.is_uppercase() => 0.68,
        _ => 0.52,
    }
}

/// Estimated width in pixels of `text` at `size_px`.
pub fn text_width(text: &str, size_px: f64) -> f64 {
    text.chars().map(char_width).sum::<f64>() * size_px
}

/// A text style: pixel size, colour, anchor, weight and rotation.
#[derive(Clone, Copy)]
pub struct Style {
    pub size: f64,
    pub color: RGBColor,
    pub h: HPos,
    pub v: VPos,
    pub bold: bool,
    pub rotate: bool,
}

impl Style {
    pub fn new(size: f64) -> Style {
        Style {
            size,
            color: RGBColor(0x1f, 0x1f, 0x1f),
            h: HPos::Left,
            v: VPos::Center,
            bold: false,
            rotate: false,
        }
    }
    pub fn color(mut self, c: RGBColor) -> Self {
        self.color = c;
        self
    }
    pub fn anchor(mut self, h: HPos, v: VPos) -> Self {
        self.h = h;
        self.v = v;
        self
    }
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub fn rotated(mut self) -> Self {
        self.rotate = true;
        self
    }
    pub fn width(&self, text: &str) -> f64 {
        text_width(text, self.size) * if self.bold { 1.08 } else { 1.0 }
    }
}

#[derive(Debug, Clone)]
pub struct NoFontError;
impl std::fmt::Display for NoFontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "geen lettertype")
    }
}
impl std::error::Error for NoFontError {}

impl plotters_backend::BackendTextStyle for Style {
    type FontError = NoFontError;
    fn color(&self) -> BackendColor {
        BackendColor {
            alpha: 1.0,
            rgb: (self.color.0, self.color.1, self.color.2),
        }
    }
    fn size(&self) -> f64 {
        // The SVG backend divides by 1.24 when it writes font-size.
        self.size * 1.24
    }
    fn transform(&self) -> FontTransform {
        if self.rotate {
            FontTransform::Rotate270
        } else {
            FontTransform::None
        }
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        Pos::new(self.h, self.v)
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), NoFontError> {
        Ok((
            (0, 0),
            (self.width(text).round() as i32, self.size.round() as i32),
        ))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: BackendCoord,
        _: F,
    ) -> Result<Result<(), E>, NoFontError> {
        // Only vector backends are used; they write text as text.
        Ok(Ok(()))
    }
}

/// A text placed at a pixel position, drawable on a pixel-coordinate drawing area.
pub struct Label<'a> {
    pub pos: (i32, i32),
    pub text: &'a str,
    pub style: Style,
}

impl<'b> PointCollection<'b, (i32, i32)> for &'b Label<'_> {
    type Point = &'b (i32, i32);
    type IntoIter = std::iter::Once<&'b (i32, i32)>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.pos)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Label<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match pos.next() {
            Some(p) => backend.draw_text(self.text, &self.style, p),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn wider_text_is_wider() {
        assert!(text_width("Wajong", 12.0) > text_width("WSW", 12.0));
        assert!(text_width("", 12.0) == 0.0);
    }
}
