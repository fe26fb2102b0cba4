//! `window.rokeh`: a small view of the page's document for browser tests and
//! benchmarks, and a `rokeh-first-paint` performance mark at the end of the first canvas
//! paint. On the way to that first paint the
//! page marks its phases: `rokeh-start` (the wasm compiled and instantiated, `main`
//! running), `rokeh-app-built` (the app's document built) and `rokeh-mounted` (the
//! Leptos view mounted).
//!
//! - `rokeh.column(name)`: that column of the first ColumnDataSource that has one (a Float64Array for
//!   f64 columns);
//! - `rokeh.get(key, attr)`: an attribute of the model whose id, `name`, type name,
//!   `title` or `label` is `key` (the first found, in that order), e.g.
//!   `get("frequency", "value")`, `get("Title", "text")`; lists are arrays, dicts objects,
//!   references the referred model's id;
//! - `rokeh.frame`, `rokeh.drawnX`, `rokeh.drawnY`: the last paint's frame edges in CSS
//!   pixels and its x and y ranges;
//! - `rokeh.set(key, attr, value)`: sets that attribute as the page's user would,
//!   callbacks and all, e.g. `set("Selection", "indices", [1, 2])` for a selection no
//!   tool made (a value as JSON has it, Bokeh's `{type: "map", entries}` forms too);
//!   returns the error's text, or undefined;
//! - `rokeh.paints`: how many paints finished; `rokeh.lastPaintMs`: how long the last took;
//!   `rokeh.lastPaintEnd`: when it ended (`performance.now()`; a number set per paint, not
//!   a performance mark: clearing and making a mark cost as much as a tenth of a small
//!   figure's paint);
//! - `rokeh.sineMs(n)`: how long `rokeh::np` takes for the sliders app's column math,
//!   `np::evaluate(&x, |x| a * np::sin(k * x + w) + b)` over `n` points (x made
//!   beforehand, not timed);
//! - `rokeh.wasmMemoryBytes()`: the size of the wasm module's memory (it only grows);
//! - `rokeh.relaxedSimd()`: whether long arrays' sines run relaxed SIMD's fused kernels
//!   (`np::relaxed_simd`);
//! - `rokeh.keptLayers()`: how many times a paint showed a figure's furniture (fills,
//!   grids, axes, title) from a picture kept from an earlier paint instead of drawing it;
//! - `rokeh.keptFurniture()`: how many paints found only data changed and showed the
//!   furniture as an earlier paint laid it out and recorded it, painting the glyphs alone;
//! - `rokeh.revisions()`: how many models' revisions the page keeps (one per model a
//!   view tracks, per box, per figure painted): models the document forgets take theirs
//!   with them;
//! - `rokeh.settled` (served pages): whether every edit of the page has reached the
//!   session and been confirmed.

use std::cell::RefCell;

use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::document::{AnyId, Document, Model, ModelId, Value};
use crate::models::ColumnDataSource;

use super::js::{self, from_js, to_js};
use super::page::Page;
use super::window;

const NAME: &str = "rokeh";
const FIRST_PAINT_MARK: &str = "rokeh-first-paint";

/// The hook `install` put on the window, its paint count, and the keys each paint sets as
/// JS strings: a paint updates the hook without looking it up on the window or passing
/// its keys' text out of wasm again.
struct Installed {
    hook: Object,
    paints: u64,
    keys: PaintKeys,
    /// What [`laid_out`] last put on the hook: a paint that laid out the same puts nothing.
    laid: Option<Laid>,
}

/// A paint's frame edges and x and y ranges, as [`laid_out`] takes them.
type Laid = ([f64; 4], (f64, f64), (f64, f64));

struct PaintKeys {
    paints: JsValue,
    last_paint_end: JsValue,
    last_paint_ms: JsValue,
    frame: JsValue,
    drawn_x: JsValue,
    drawn_y: JsValue,
}

thread_local! {
    static INSTALLED: RefCell<Option<Installed>> = const { RefCell::new(None) };
}

/// `f` with the installed hook, if there is one.
fn with_installed(f: impl FnOnce(&mut Installed)) {
    INSTALLED.with_borrow_mut(|installed| {
        if let Some(installed) = installed {
            f(installed);
        }
    });
}

pub fn install(page: Page) {
    let hook = Object::new();
    let column = Closure::<dyn Fn(String) -> JsValue>::new(move |name: String| {
        page.read(|d| first_source_column(d, &name))
    });
    let get =
        Closure::<dyn Fn(String, String) -> JsValue>::new(move |key: String, attr: String| {
            page.read(|d| {
                find_model(d, &key)
                    .and_then(|m| d.get_attr(m, &attr).ok())
                    .map_or(JsValue::UNDEFINED, |v| to_js(&v))
            })
        });
    let set_attr = Closure::<dyn Fn(String, String, JsValue) -> JsValue>::new(
        move |key: String, attr: String, value: JsValue| {
            let Some(value) = from_js(&value) else {
                return "not a JSON value".into();
            };
            let value = value.typed_forms();
            let Some(model) = page.read(|d| find_model(d, &key)) else {
                return format!("no model {key}").into();
            };
            match page.update(|d| d.set_attr(model, &attr, value)) {
                Ok(()) => JsValue::UNDEFINED,
                Err(e) => e.to_string().into(),
            }
        },
    );
    let sine_ms = Closure::<dyn Fn(u32) -> f64>::new(sine_ms);
    js::put(&hook, "sineMs", &sine_ms.into_js_value());
    let memory = Closure::<dyn Fn() -> f64>::new(|| {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(f64::NAN, |m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(f64::NAN, |b| f64::from(b.byte_length()))
            })
    });
    js::put(&hook, "wasmMemoryBytes", &memory.into_js_value());
    let relaxed = Closure::<dyn Fn() -> bool>::new(crate::np::relaxed_simd);
    js::put(&hook, "relaxedSimd", &relaxed.into_js_value());
    let kept = Closure::<dyn Fn() -> f64>::new(|| super::surface::kept_layers_shown() as f64);
    js::put(&hook, "keptLayers", &kept.into_js_value());
    let furniture =
        Closure::<dyn Fn() -> f64>::new(|| super::canvas::furniture_shown_again() as f64);
    js::put(&hook, "keptFurniture", &furniture.into_js_value());
    let revisions = Closure::<dyn Fn() -> f64>::new(move || page.revisions_kept() as f64);
    js::put(&hook, "revisions", &revisions.into_js_value());
    js::put(&hook, "set", &set_attr.into_js_value());
    js::put(&hook, "column", &column.into_js_value());
    js::put(&hook, "get", &get.into_js_value());
    js::put(&hook, "paints", &0.into());
    if let Some(window) = web_sys::window() {
        js::put(&window, NAME, &hook);
    }
    let keys = PaintKeys {
        paints: "paints".into(),
        last_paint_end: "lastPaintEnd".into(),
        last_paint_ms: "lastPaintMs".into(),
        frame: "frame".into(),
        drawn_x: "drawnX".into(),
        drawn_y: "drawnY".into(),
    };
    INSTALLED.set(Some(Installed {
        hook,
        paints: 0,
        keys,
        laid: None,
    }));
}

/// Milliseconds of `a * sin(k * x + w) + b` over `n` points, as the sliders app computes.
fn sine_ms(n: u32) -> f64 {
    let x = crate::np::linspace(0.0, 4.0 * std::f64::consts::PI, n as usize);
    let Some(started) = window::now() else {
        return f64::NAN;
    };
    let (a, k, w, b) = (1.5, 2.0, 0.5, 0.1);
    let y = crate::np::evaluate(&x, |x| a * crate::np::sin(k * x + w) + b);
    let ms = window::now().unwrap_or(f64::NAN) - started;
    // Read a value, so the work cannot be dropped as unused.
    if y.first().is_some_and(|v| v.is_nan()) {
        return f64::NAN;
    }
    ms
}

/// Tells tests whether the page and its session agree (see the module docs).
#[cfg(feature = "session")]
pub fn settled(settled: bool) {
    with_installed(|i| js::put(&i.hook, "settled", &settled.into()));
}

/// Counts a finished paint that began at `started` (performance.now()) and marks its end.
pub fn painted(started: f64) {
    with_installed(|i| {
        i.paints += 1;
        put(&i.hook, &i.keys.paints, &(i.paints as f64).into());
        // The first paint keeps a mark of its own: benchmarks of the first paint must not
        // read a later one.
        if i.paints == 1 {
            mark(FIRST_PAINT_MARK);
        }
        let Some(ended) = window::now() else { return };
        put(&i.hook, &i.keys.last_paint_end, &ended.into());
        put(&i.hook, &i.keys.last_paint_ms, &(ended - started).into());
    });
}

/// Where the last paint put the frame and what it showed: `rokeh.frame` is [left, top,
/// right, bottom] in CSS pixels of the canvas, `rokeh.drawnX` and `rokeh.drawnY` the
/// x and y ranges drawn as [start, end] (for tests driving the tools with the mouse).
pub fn laid_out(frame: [f64; 4], x: (f64, f64), y: (f64, f64)) {
    let array = |values: &[f64]| {
        let list = Array::new();
        for v in values {
            list.push(&(*v).into());
        }
        list
    };
    with_installed(|i| {
        // A dozen calls out of wasm, for what a repaint of new data seldom changes.
        if i.laid.replace((frame, x, y)) == Some((frame, x, y)) {
            return;
        }
        put(&i.hook, &i.keys.frame, &array(&frame));
        put(&i.hook, &i.keys.drawn_x, &array(&[x.0, x.1]));
        put(&i.hook, &i.keys.drawn_y, &array(&[y.0, y.1]));
    });
}

/// Marks a phase of the page's start (see the module docs).
pub fn mark(name: &str) {
    if let Some(Err(e)) = window::with_performance(|p| p.mark(name)) {
        web_sys::console::warn_2(&"rokeh: performance.mark failed".into(), &e);
    }
}

/// Sets `key` of `target`, the key already a JS string.
fn put(target: &JsValue, key: &JsValue, value: &JsValue) {
    // Setting a property of a plain object cannot fail.
    let _ = Reflect::set(target, key, value);
}

fn first_source_column(doc: &Document, name: &str) -> JsValue {
    let source = doc
        .models()
        .filter(|(_, m)| m.type_name == "ColumnDataSource")
        .filter_map(|(_, m)| doc.typed_id::<ColumnDataSource>(&m.id))
        .find(|&s| doc.column(s, name).is_some());
    let Some(source) = source else {
        return JsValue::UNDEFINED;
    };
    match doc.column_f64(source, name) {
        Some(values) => Float64Array::from(values).into(),
        None => doc.column(source, name).map_or(JsValue::UNDEFINED, to_js),
    }
}

fn find_model(doc: &Document, key: &str) -> Option<AnyId> {
    let has = |m: &Model, attr: &str| m.attrs.get(attr).and_then(Value::as_str) == Some(key);
    let first = |matches: &dyn Fn(&Model) -> bool| {
        doc.models().find(|(_, m)| matches(m)).map(|(any, _)| any)
    };
    doc.lookup(&ModelId::from(key))
        .or_else(|| first(&|m| has(m, "name")))
        .or_else(|| first(&|m| m.type_name == key))
        .or_else(|| first(&|m| has(m, "title")))
        .or_else(|| first(&|m| has(m, "label")))
}
