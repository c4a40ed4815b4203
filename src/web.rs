//! The browser layer: a thin wasm-bindgen wrapper over the core. It converts results with
//! serde-wasm-bindgen, maps every error through one helper into a JavaScript `Error` carrying
//! `kind` and `location`, and never touches the DOM (so it also runs in a Web Worker).

use crate::render::{render_query, Dataset};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// One error path: a JS `Error` whose message is the Dutch text (with location), plus the
/// machine-readable `kind` and `location` fields.
fn js_error(e: crate::Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let _ = js_sys::Reflect::set(
        &err,
        &"kind".into(),
        &to_js(&e.kind).unwrap_or(JsValue::NULL),
    );
    let _ = js_sys::Reflect::set(
        &err,
        &"location".into(),
        &to_js(&e.location).unwrap_or(JsValue::NULL),
    );
    let _ = js_sys::Reflect::set(&err, &"detail".into(), &JsValue::from_str(&e.message));
    if let Some(edition) = e.edition() {
        // `kind: "needs_boundaries"`: fetch `location.file`, call `set_boundaries`, render again.
        let _ = js_sys::Reflect::set(&err, &"edition".into(), &JsValue::from(edition));
    }
    err.into()
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A loaded dataset and the views on it.
#[wasm_bindgen]
pub struct Explorer {
    ds: Dataset,
}

#[wasm_bindgen]
impl Explorer {
    /// The explorer on the embedded default dataset.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Explorer, JsValue> {
        Ok(Explorer {
            ds: Dataset::default_data().map_err(js_error)?,
        })
    }

    /// The explorer on a user's file, read from its bytes (the file never leaves the machine).
    pub fn load(name: &str, bytes: &[u8]) -> Result<Explorer, JsValue> {
        Ok(Explorer {
            ds: Dataset::load(name, bytes).map_err(js_error)?,
        })
    }

    /// One of the bundled example tables ([`crate::EXAMPLES`]), by file name.
    pub fn example(file: &str) -> Result<Explorer, JsValue> {
        let ex = crate::Example::find(file).ok_or_else(|| {
            js_error(crate::Error::not_available(format!(
                "Geen voorbeeld '{file}'. Kies uit: {}.",
                crate::EXAMPLES
                    .iter()
                    .map(|e| e.file)
                    .collect::<Vec<_>>()
                    .join(", ")
            )))
        })?;
        Ok(Explorer {
            ds: Dataset::load(ex.file, ex.bytes).map_err(js_error)?,
        })
    }

    /// The same file read as regional data with the user's column mapping (the page's mapping
    /// step): `mapping` is JSON text `[["header in the file", "canonical_name"], ...]`; an empty
    /// canonical name leaves a column unused.
    pub fn with_mapping(&self, mapping: &str) -> Result<Explorer, JsValue> {
        let pairs: Vec<(String, String)> = serde_json::from_str(mapping).map_err(|e| {
            js_error(crate::Error::view(format!(
                "De kolomkoppeling is geen lijst van paren [kop, kolom]: {e}"
            )))
        })?;
        let mut ds = Dataset::with_mapping(self.ds.table.clone(), &pairs).map_err(js_error)?;
        ds.boundaries = self.ds.boundaries.clone();
        Ok(Explorer { ds })
    }

    /// Hands over the boundaries of one edition for the map (the bytes of
    /// `geo/arbeidsmarktregio_YYYY.topojson`, fetched when a render failed with
    /// `kind: "needs_boundaries"` and `edition: YYYY`); kept for every later render.
    pub fn set_boundaries(&mut self, edition: i32, bytes: &[u8]) -> Result<(), JsValue> {
        let b = crate::geo::Boundaries::parse(bytes, edition).map_err(js_error)?;
        self.ds.set_boundaries(b);
        Ok(())
    }

    /// The editions handed over so far.
    pub fn boundary_editions(&self) -> Vec<i32> {
        self.ds.boundaries.iter().map(|b| b.edition).collect()
    }

    /// What was detected in the file: format, encoding, delimiter, columns, notes.
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.ds.info())
    }

    /// The views this dataset supports, with their keys and allowed values (for the pickers).
    pub fn views(&self) -> Result<JsValue, JsValue> {
        to_js(&crate::render::catalog::catalog(&self.ds))
    }

    /// Renders a view description: `{spec, title, summary, data, table, svg, hits, notes, ...}`.
    pub fn render(&self, spec: &str) -> Result<JsValue, JsValue> {
        let r = render_query(&self.ds, spec).map_err(js_error)?;
        to_js(&r)
    }

    /// The view data as JSON text, exactly as the CLI's `--json` prints it.
    pub fn json(&self, spec: &str) -> Result<String, JsValue> {
        let r = render_query(&self.ds, spec).map_err(js_error)?;
        serde_json::to_string_pretty(&r.data)
            .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
    }
}

/// The gallery: `[{name, file, source, explanation, view}]`, `view` being the full view
/// description to open the example with (the regional data is the default dataset).
#[wasm_bindgen]
pub fn examples() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = crate::EXAMPLES
        .iter()
        .map(|e| {
            serde_json::json!({
                "name": e.name,
                "file": e.file,
                "source": e.source,
                "explanation": e.explanation,
                "view": e.view_description(),
            })
        })
        .collect();
    to_js(&list)
}

/// The crate version, shown in the page footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
