//! The browser layer: a thin wasm-bindgen wrapper over the core. It converts results with
//! serde-wasm-bindgen, maps every error through one helper into a JavaScript `Error` carrying
//! `kind` and `location`, and never touches the DOM (so it also runs in a Web Worker).

use crate::export::{csv_in, table_text, TextTable};
use crate::format::Lang;
use crate::render::{render, render_query, Dataset, Rendered, View, ViewSpec};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    // The panic's message in the console (a panic is a bug: nothing may panic). The first core
    // leaves the hook's formatting out to stay small; the page restarts a trapped core either way.
    #[cfg(feature = "full")]
    console_error_panic_hook::set_once();
}

/// One error path: a JS `Error` whose message is the Dutch text (with location), plus the
/// machine-readable `kind` and `location` fields and `message_en`, the English text (with
/// location) for a page shown in English.
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
    let _ = js_sys::Reflect::set(
        &err,
        &"message_en".into(),
        &JsValue::from_str(&e.text_in(Lang::En)),
    );
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
/// A user's file read into the core as the worker gets its bytes, a piece at a time: the
/// worker asks [`FileReading::want`] which bytes are next, reads them from the `File` (without
/// blocking: the page stays responsive and garbage is collected meanwhile) and hands them to
/// [`FileReading::give`]; [`FileReading::finish`] then gives the explorer. A CSV file is taken
/// twice and never held whole, so a large file costs its table and a few pieces.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub struct FileReading {
    reading: Option<crate::table::Reading>,
}

#[cfg(feature = "full")]
#[wasm_bindgen]
impl FileReading {
    /// Reading a file called `name` of `size` bytes whose first bytes (up to 64 KB) are `head`.
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str, size: f64, head: &[u8]) -> Result<FileReading, JsValue> {
        Ok(FileReading {
            reading: Some(crate::table::Reading::new(name, size as usize, head).map_err(js_error)?),
        })
    }

    /// The bytes to give next as `[offset, length]`, or `undefined` when `finish` is next.
    pub fn want(&mut self) -> Option<Vec<f64>> {
        let (at, n) = self.reading.as_mut()?.want()?;
        Some(vec![at as f64, n as f64])
    }

    /// Takes the bytes asked for (fewer: the file ends there), calling `progress(done, total)`
    /// about once per percent: `done` runs to `total` over both readings of a CSV file (the
    /// first tells the rows apart, the second builds the table), or over the one reading that
    /// does both when the rows are read ahead (see `table::csv`).
    pub fn give(&mut self, bytes: &[u8], progress: &js_sys::Function) -> Result<(), JsValue> {
        self.step(|r| r.give(bytes, &mut report_to(progress)))
    }

    /// Where a second worker may read part of this file (a large CSV file, before any byte is
    /// given): the byte from which the worker gives up to 64 KB to [`FileReading::split_at`].
    pub fn split_wanted(&self, head: &[u8]) -> Option<f64> {
        Some(self.reading.as_ref()?.split_wanted(head)? as f64)
    }

    /// Splits the reading at the first line break in `around` (the bytes from `from`): this
    /// reading reads up to it, a [`FileReading::helper`] from there on. Gives that byte.
    pub fn split_at(&mut self, from: f64, around: &[u8]) -> Option<f64> {
        Some(self.reading.as_mut()?.split_at(from as usize, around)? as f64)
    }

    /// The second worker's reading of a file split at byte `at`: the file's first piece, then
    /// from `at` to the end; [`FileReading::handover`] then gives its rows.
    pub fn helper(name: &str, size: f64, at: f64) -> FileReading {
        FileReading {
            reading: Some(crate::table::Reading::helper(
                name,
                size as usize,
                at as usize,
            )),
        }
    }

    /// The helper's rows, once nothing more is wanted, as bytes to post to the first worker;
    /// `undefined` when it could not read them (the first worker then reads them itself).
    pub fn handover(&self) -> Option<Vec<u8>> {
        self.reading.as_ref()?.handover()
    }

    /// Whether `want` gave nothing because the reading waits for the helper's rows.
    pub fn waits(&self) -> bool {
        self.reading.as_ref().is_some_and(|r| r.waits())
    }

    /// Takes the helper's rows (empty: none came; then the rest is read here, `want` asks for
    /// it). The table is the one a single reading gives either way. Whether the rows were
    /// taken.
    pub fn take_over(
        &mut self,
        handed: &[u8],
        progress: &js_sys::Function,
    ) -> Result<bool, JsValue> {
        self.step(|r| r.take_over(handed, &mut report_to(progress)))
    }

    /// The explorer on the file, once nothing more is wanted.
    pub fn finish(&mut self, progress: &js_sys::Function) -> Result<Explorer, JsValue> {
        let reading = self.reading.take().ok_or_else(|| {
            js_error(crate::Error::new2(
                crate::error::ErrorKind::Io,
                "Het bestand is al gelezen.",
                "The file has already been read.",
            ))
        })?;
        let table = reading.finish(&mut report_to(progress)).map_err(js_error)?;
        Ok(Explorer {
            ds: Dataset::from_table(table).map_err(js_error)?,
        })
    }
}

#[cfg(feature = "full")]
impl FileReading {
    /// `f` on the reading; an error ends it (nothing more is read).
    fn step<T: Default>(
        &mut self,
        f: impl FnOnce(&mut crate::table::Reading) -> crate::error::Result<T>,
    ) -> Result<T, JsValue> {
        let Some(reading) = self.reading.as_mut() else {
            return Ok(T::default());
        };
        let r = f(reading);
        if r.is_err() {
            self.reading = None;
        }
        r.map_err(js_error)
    }
}

/// The warm-up the worker runs while the page is idle after starting (see [`crate::warm`]): a
/// made-up file read in pieces, described and drawn through this same interface, one short
/// step per call, so that the engine has compiled the fast code before the user's file comes.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub struct WarmUp {
    stage: WarmStage,
    /// The rounds done over the made-up file (it is read and drawn [`crate::warm::ROUNDS`] times).
    rounds: usize,
    /// The made-up file's municipalities per region (see [`crate::warm::file_of`]).
    per_region: usize,
}

/// Where the warm-up is. Each stage holds what it needs: the file's bytes only while it is read.
#[cfg(feature = "full")]
enum WarmStage {
    Start,
    /// The last round's file is read by two readings, as the page reads a large file (so the
    /// handing over of rows is warmed up too): the helper's first, then the main reading.
    Helping(crate::table::Reading, crate::table::Reading, Vec<u8>),
    /// Reading, with the helper's rows (if any) to hand over when the reading waits for them.
    Reading(crate::table::Reading, Vec<u8>, Option<Vec<u8>>),
    /// Drawing: the steps done on the explorer.
    Drawing(Box<Explorer>, usize),
    /// All done: nothing is kept.
    Done,
    /// A step failed, which ended the warm-up: nothing is kept.
    Failed,
}

#[cfg(feature = "full")]
#[wasm_bindgen]
impl WarmUp {
    #[wasm_bindgen(constructor)]
    pub fn new() -> WarmUp {
        WarmUp {
            stage: WarmStage::Start,
            rounds: 0,
            per_region: crate::warm::MUNICIPALITIES,
        }
    }

    /// One round only, of the small file: the warm-up a second worker does beside a large
    /// file's reading (more there would take the reading's second core for longer).
    pub fn once() -> WarmUp {
        WarmUp {
            stage: WarmStage::Start,
            rounds: crate::warm::ROUNDS - 1,
            per_region: crate::warm::MUNICIPALITIES_ASIDE,
        }
    }

    /// Whether a step failed (which ended the warm-up early; for the tests).
    pub fn failed(&self) -> bool {
        matches!(self.stage, WarmStage::Failed)
    }

    /// Does the next step (a piece read, the file described, one view drawn: 1-40 ms each the
    /// first time, in Chromium); false once all is done. Nothing is kept, and an error only
    /// ends the warm-up ([`WarmUp::failed`] then says so).
    pub fn step(&mut self) -> bool {
        self.next_step().unwrap_or_else(|| {
            self.stage = WarmStage::Failed;
            false
        })
    }
}

#[cfg(feature = "full")]
impl WarmUp {
    /// The next step: `Some(true)` while there is more, `None` when it failed.
    fn next_step(&mut self) -> Option<bool> {
        let views = crate::warm::VIEWS.len();
        match std::mem::replace(&mut self.stage, WarmStage::Done) {
            WarmStage::Done => Some(false),
            WarmStage::Failed => {
                self.stage = WarmStage::Failed;
                Some(false)
            }
            WarmStage::Start => {
                let bytes = crate::warm::file_of(self.per_region);
                let head = &bytes[..bytes.len().min(crate::table::HEAD)];
                let mut reading = crate::table::Reading::new("warm.csv", bytes.len(), head)
                    .ok()?
                    .with_piece(crate::warm::PIECE);
                if self.rounds + 1 == crate::warm::ROUNDS {
                    let mid = bytes.len() / 2;
                    let at = reading.split_at(mid, bytes.get(mid..)?)?;
                    let helper = crate::table::Reading::helper("warm.csv", bytes.len(), at)
                        .with_piece(crate::warm::PIECE);
                    self.stage = WarmStage::Helping(helper, reading, bytes);
                } else {
                    self.stage = WarmStage::Reading(reading, bytes, None);
                }
                Some(true)
            }
            WarmStage::Helping(mut helper, main, bytes) => {
                if let Some((at, n)) = helper.want() {
                    let end = at.saturating_add(n).min(bytes.len());
                    helper.give(bytes.get(at..end)?, &mut |_, _| {}).ok()?;
                    self.stage = WarmStage::Helping(helper, main, bytes);
                } else {
                    let handed = helper.handover();
                    self.stage = WarmStage::Reading(main, bytes, handed);
                }
                Some(true)
            }
            WarmStage::Reading(mut reading, bytes, mut handed) => {
                if let Some((at, n)) = reading.want() {
                    let end = at.saturating_add(n).min(bytes.len());
                    reading.give(bytes.get(at..end)?, &mut |_, _| {}).ok()?;
                    self.stage = WarmStage::Reading(reading, bytes, handed);
                } else if reading.waits() {
                    let rows = handed.take().unwrap_or_default();
                    reading.take_over(&rows, &mut |_, _| {}).ok()?;
                    self.stage = WarmStage::Reading(reading, bytes, None);
                } else {
                    let table = reading.finish(&mut |_, _| {}).ok()?;
                    let ds = Dataset::from_table(table).ok()?;
                    self.stage = WarmStage::Drawing(Box::new(Explorer { ds }), 0);
                }
                Some(true)
            }
            WarmStage::Drawing(ex, k) => {
                match k {
                    0 => ex.info().and(ex.info_in("en")).ok()?,
                    1 => ex.view_entry("line").ok()?,
                    // (The page gets its views as JSON text.)
                    k if k - 2 < views => ex
                        .render_json(crate::warm::VIEWS[k - 2])
                        .map(JsValue::from)
                        .ok()?,
                    _ => ex.views().ok()?,
                };
                if k + 1 < views + 3 {
                    self.stage = WarmStage::Drawing(ex, k + 1);
                    return Some(true);
                }
                // A round done: the next from the start (the file read and drawn again).
                self.rounds += 1;
                if self.rounds < crate::warm::ROUNDS {
                    self.stage = WarmStage::Start;
                }
                Some(self.rounds < crate::warm::ROUNDS)
            }
        }
    }
}

#[cfg(feature = "full")]
impl Default for WarmUp {
    fn default() -> Self {
        WarmUp::new()
    }
}

/// `progress(done, total)` as a closure for the core.
#[cfg(feature = "full")]
fn report_to(progress: &js_sys::Function) -> impl FnMut(usize, usize) + '_ {
    move |done: usize, total: usize| {
        let _ = progress.call2(
            &JsValue::NULL,
            &JsValue::from_f64(done as f64),
            &JsValue::from_f64(total as f64),
        );
    }
}

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

    /// What was detected in the file: format, encoding, delimiter, columns, notes.
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&self.ds.info())
    }

    /// [`Explorer::info`] in a language (`nl` or `en`): the file line (`summary`), the notes and
    /// the column roles in that language.
    pub fn info_in(&self, lang: &str) -> Result<JsValue, JsValue> {
        let lang = Lang::parse(lang).unwrap_or(Lang::Nl);
        to_js(&self.ds.info_in(lang))
    }

    /// The views this dataset supports, with their keys and allowed values (for the pickers).
    pub fn views(&self) -> Result<JsValue, JsValue> {
        to_js(&crate::render::catalog::catalog(&self.ds))
    }

    /// The catalogue's entry for one view as a list of one, or an empty list when the dataset
    /// does not offer it: worked out without the other views (the page keeps its view on screen
    /// for a newly loaded file with it, and asks for [`Explorer::views`] once the chart is drawn).
    pub fn view_entry(&self, view: &str) -> Result<JsValue, JsValue> {
        let entry = crate::render::catalog::view_in(&self.ds, view, Lang::Nl);
        to_js(&entry.into_iter().collect::<Vec<_>>())
    }

    /// The catalogue with labels in a language (`nl` or `en`).
    pub fn views_in(&self, lang: &str) -> Result<JsValue, JsValue> {
        let lang = Lang::parse(lang).unwrap_or(Lang::Nl);
        to_js(&crate::render::catalog::catalog_in(&self.ds, lang))
    }

    /// Renders a view description: `{spec, title, summary, data, table, svg, hits, notes, ...}`,
    /// plus `text_table` (every cell as the page shows it, numbers in the view's language) and,
    /// for the report, `sections`: each figure or table drawn once by the core, with its label,
    /// view description, drawing, reading, table and notes (or `available: false` and a reason).
    pub fn render(&self, spec: &str) -> Result<JsValue, JsValue> {
        self.page_view(spec, to_js)
    }

    /// Test hook: aborts the wasm instance on purpose (a panic is a trap in wasm), so the page's
    /// recovery from a dead instance can be tested. The page only calls it when its address has
    /// the query flag `?bv-test-trap`; the word guards against calling it by accident.
    #[wasm_bindgen(js_name = "__trap")]
    pub fn trap(&self, word: &str) {
        if word == "trap" {
            // A deliberate trap; nothing else in the crate may panic.
            std::process::abort();
        }
    }
    /// The roles a column of a tidy table can have, as `[{key, label}]` in `lang` ("nl"/"en"):
    /// the choices of the page's role pickers (`roles=column:key`).
    pub fn roles(lang: &str) -> Result<JsValue, JsValue> {
        let en = Lang::parse(lang) == Some(Lang::En);
        #[derive(Serialize)]
        struct RoleName {
            key: &'static str,
            label: &'static str,
        }
        let list: Vec<RoleName> = crate::spec::Role::ALL
            .iter()
            .map(|r| RoleName {
                key: r.key(),
                label: if en { role_label_en(*r) } else { r.label() },
            })
            .collect();
        to_js(&list)
    }
}

/// What only the full core does: read a user's file, an example or a mapping, maps, the report,
/// the exports. The page's first core (without the `full` feature) has the built-in data only.
#[cfg(feature = "full")]
#[wasm_bindgen]
impl Explorer {
    /// [`Explorer::render`] as JSON text (the same fields; a number that is no number, NaN,
    /// as `null`): the worker hands one string to the page instead of a tree of objects, which
    /// on a chart of 1,400 points costs less to build and to post (the page parses it).
    pub fn render_json(&self, spec: &str) -> Result<String, JsValue> {
        self.page_view(spec, |v| {
            serde_json::to_string(v).map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
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
            let files = crate::EXAMPLES
                .iter()
                .map(|e| e.file)
                .collect::<Vec<_>>()
                .join(", ");
            js_error(
                crate::Error::not_available(format!("Geen voorbeeld '{file}'. Kies uit: {files}."))
                    .en(format!("No example '{file}'. Choose from: {files}.")),
            )
        })?;
        Ok(Explorer {
            ds: Dataset::example(ex).map_err(js_error)?,
        })
    }

    /// The same file read as regional data with the user's column mapping (the page's mapping
    /// step): `mapping` is JSON text `[["header in the file", "canonical_name"], ...]`; an empty
    /// canonical name leaves a column unused.
    pub fn with_mapping(&self, mapping: &str) -> Result<Explorer, JsValue> {
        let pairs: Vec<(String, String)> = serde_json::from_str(mapping).map_err(|e| {
            js_error(
                crate::Error::view(format!(
                    "De kolomkoppeling is geen lijst van paren [kop, kolom]: {e}"
                ))
                .en(format!(
                    "The column mapping is not a list of pairs [header, column]: {e}"
                )),
            )
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

    /// The view's table as CSV for a spreadsheet (the project's one CSV writer,
    /// [`crate::export::csv_in`]): Dutch `;` and decimal comma, or with `lang=en` `,` and `.`.
    pub fn csv(&self, spec: &str) -> Result<String, JsValue> {
        let vs = ViewSpec::parse(spec).map_err(js_error)?;
        let r = render(&self.ds, &vs).map_err(js_error)?;
        Ok(csv_in(&r.table, vs.lang))
    }

    /// One report section's table as CSV (`index` in the report's order), for the export button
    /// beside each section of the report.
    pub fn section_csv(&self, spec: &str, index: usize) -> Result<String, JsValue> {
        let vs = ViewSpec::parse(spec).map_err(js_error)?;
        let Some(View::Report(rs)) = &vs.view else {
            return Err(js_error(crate::Error::view(
                "Alleen het rapport (view=report) heeft onderdelen.",
            )));
        };
        let report = crate::render::report::build(&self.ds, rs, &vs).map_err(js_error)?;
        match report.sections.get(index).map(|s| &s.rendered) {
            Some(Ok(x)) => Ok(csv_in(&x.table, vs.lang)),
            _ => Err(js_error(crate::Error::not_available(format!(
                "Het rapport heeft geen beschikbaar onderdeel {}.",
                index + 1
            )))),
        }
    }

    /// The view data as JSON text, exactly as the CLI's `--json` prints it.
    pub fn json(&self, spec: &str) -> Result<String, JsValue> {
        let r = render_query(&self.ds, spec).map_err(js_error)?;
        serde_json::to_string_pretty(&r.data)
            .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
    }

    /// The editions handed over so far.
    pub fn boundary_editions(&self) -> Vec<i32> {
        self.ds.boundaries.iter().map(|b| b.edition).collect()
    }
}

impl Explorer {
    /// The view of `spec` handed to `give` (which makes it a JS value or JSON text).
    fn page_view<R>(
        &self,
        spec: &str,
        give: impl FnOnce(&PageView) -> Result<R, JsValue>,
    ) -> Result<R, JsValue> {
        // The report is drawn once: the whole and its sections come from the same build.
        let asked = ViewSpec::parse(spec).map_err(js_error)?;
        #[cfg(feature = "full")]
        let built = match &asked.view {
            Some(View::Report(rs)) => crate::render::report::build(&self.ds, rs, &asked).ok(),
            _ => None,
        };
        // The first core has no report: render() below says the full core is needed.
        #[cfg(not(feature = "full"))]
        let built: Option<crate::render::report::Report> = None;
        let (r, vs) = match &built {
            Some(report) => (
                crate::render::report::render_built(&self.ds, report, &asked).map_err(js_error)?,
                asked,
            ),
            // Through the adjustments: settings that do not fit the data change, and `changes`
            // says so.
            None => {
                let r = render_query(&self.ds, spec).map_err(js_error)?;
                let vs = ViewSpec::parse(&r.spec).map_err(js_error)?;
                (r, vs)
            }
        };
        let sections = match built {
            Some(report) => Some(
                report
                    .sections
                    .into_iter()
                    .map(|s| match s.rendered {
                        Ok(x) => PageSection {
                            label: s.label,
                            spec: s.spec,
                            available: true,
                            reason: None,
                            text_table: Some(table_text(&x.table, vs.lang)),
                            rendered: Some(x),
                            title: None,
                        },
                        Err(reason) => PageSection {
                            label: s.label,
                            spec: s.spec,
                            available: false,
                            reason: Some(reason),
                            text_table: None,
                            rendered: None,
                            title: Some(s.heading),
                        },
                    })
                    .collect(),
            ),
            _ => None,
        };
        give(&PageView {
            text_table: table_text(&r.table, vs.lang),
            rendered: r,
            sections,
        })
    }
}

/// The render result the page gets: the core's [`Rendered`] with the table as text.
#[derive(Serialize)]
struct PageView {
    #[serde(flatten)]
    rendered: Rendered,
    text_table: TextTable,
    #[serde(skip_serializing_if = "Option::is_none")]
    sections: Option<Vec<PageSection>>,
}

/// One section of the report as the page draws it.
#[derive(Serialize)]
struct PageSection {
    label: String,
    spec: String,
    available: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    rendered: Option<Rendered>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text_table: Option<TextTable>,
}

fn role_label_en(r: crate::spec::Role) -> &'static str {
    use crate::spec::Role;
    match r {
        Role::Time => "time",
        Role::Category => "category",
        Role::Percent => "percentage",
        Role::Count => "count",
        Role::N => "number of persons (n)",
        Role::OddsRatio => "odds ratio",
        Role::Value => "value",
        Role::Significance => "significance",
        Role::Reference => "reference category",
        Role::Ignore => "not used",
    }
}

/// One column's condition of a `filter=` value, for the page's column pickers: the column's
/// name, its values as written in `filter=` (as the catalogue's filter columns give them), and
/// whether they are the values left out.
#[cfg(feature = "full")]
#[derive(Serialize)]
struct FilterPart {
    column: String,
    values: Vec<String>,
    exclude: bool,
}

/// The conditions of a `filter=` value (`[{column, values, exclude}]`, one per column and
/// kind), so that the page never reads the view grammar itself; an error as a view's (the
/// page does not show it: the view's own error says what is wrong).
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn filter_parts(filter: &str) -> Result<JsValue, JsValue> {
    use crate::spec::tidy::{parse_filter, written};
    let parts = parse_filter(filter, Lang::Nl).map_err(js_error)?;
    let parts: Vec<FilterPart> = parts
        .into_iter()
        .map(|f| FilterPart {
            values: f.values.iter().map(|v| written(v)).collect(),
            column: f.column,
            exclude: f.exclude,
        })
        .collect();
    to_js(&parts)
}

/// A `filter=` value with column `column` keeping `checked` of its values `all` (as the
/// catalogue writes them): see [`crate::spec::tidy::filter_with`].
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn filter_with(
    filter: &str,
    column: &str,
    checked: Vec<String>,
    all: Vec<String>,
) -> Result<String, JsValue> {
    crate::spec::tidy::filter_with(filter, column, &checked, &all, Lang::Nl).map_err(js_error)
}

/// The gallery: `[{name, file, source, explanation, view}]`, `view` being the full view
/// description to open the example with (the regional data is the default dataset).
#[wasm_bindgen]
pub fn examples() -> Result<JsValue, JsValue> {
    let list: Vec<serde_json::Value> = crate::EXAMPLES
        .iter()
        .map(|e| {
            #[allow(unused_mut)]
            let mut v = serde_json::json!({
                "name": e.name,
                "file": e.file,
                "source": e.source,
                "explanation": e.explanation,
                "view": e.view_description(),
            });
            // In English (the full core): the gallery's texts and the chart's title.
            #[cfg(feature = "full")]
            if let (Some((name, explanation, title)), Some(o)) = (e.english(), v.as_object_mut()) {
                o.insert("name_en".into(), name.into());
                o.insert("explanation_en".into(), explanation.into());
                o.insert(
                    "source_en".into(),
                    crate::render::english_source(e.file)
                        .unwrap_or_default()
                        .into(),
                );
                o.insert(
                    "view_en".into(),
                    format!("{}&title={}", e.view, crate::spec::percent_encode(title)).into(),
                );
            }
            v
        })
        .collect();
    to_js(&list)
}

/// The crate version, shown in the page footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
