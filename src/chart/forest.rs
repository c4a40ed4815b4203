use super::facet::Texts;
use super::Chart;
use crate::error::Result;
use crate::format::Lang;
pub fn draw(_d: &crate::tidy::forest::ForestData, _t: &Texts, _l: Lang) -> Result<Chart> { Err(crate::error::Error::view("todo")) }
