//! `CustomJS`: its code compiled once (again when it changes) as BokehJS compiles it, a
//! function of its `args`' names, `cb_obj`, `cb_data` and `cb_context` in strict mode,
//! called with `this` the model or event; or, with an `export default` line, imported as
//! an ES module whose default function is called with `(args, obj, data, context)`.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;

use super::code::{self, describe, Kind};
use super::{proxy, Hit, Reset, Target, ToolHit};
use crate::document::{AnyId, UiEvent, Value};
use crate::web::js::put;
use crate::web::page::Page;

/// A callback's code as compiled.
enum Run {
    Function(Function),
    /// The module, imported once.
    Module(Promise),
}

thread_local! {
    /// Each figure shown, as its view's object (`reset()`).
    static FIGURES: RefCell<HashMap<AnyId, Object>> = RefCell::new(HashMap::new());
    /// `cb_context.index`, made once.
    static INDEX: RefCell<Option<Object>> = const { RefCell::new(None) };
}

/// Figure `figure` is shown, reset by `reset`; or, without, no longer shown.
pub(super) fn figure_view(figure: AnyId, reset: Option<Reset>) {
    let view = reset.map(|reset| {
        let view = Object::new();
        let reset = Closure::<dyn Fn()>::new(move || reset());
        put(&view, "reset", &reset.into_js_value());
        view
    });
    FIGURES.with_borrow_mut(|figures| match view {
        Some(view) => figures.insert(figure, view),
        None => figures.remove(&figure),
    });
}

/// `cb_context.index`, as BokehJS's view manager answers it for figures: `get_one(plot)`
/// (an error if the page shows no such figure) and `find_one(plot)` (null), each view with
/// `model` and `reset()`.
fn index(page: Page) -> Object {
    if let Some(index) = INDEX.with_borrow(Clone::clone) {
        return index;
    }
    let find = move |model: &JsValue| -> Option<Object> {
        let id = proxy::from_js(model)?;
        let any = page.read(|d| d.lookup(id.as_ref_id()?))?;
        let view = FIGURES.with_borrow(|figures| figures.get(&any).cloned())?;
        put(&view, "model", model);
        Some(view)
    };
    let get_one = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(move |model| {
        find(&model).map(JsValue::from).ok_or_else(|| {
            js_sys::Error::new("cannot find a view for the model: the page shows no such figure")
                .into()
        })
    });
    let find_one = Closure::<dyn Fn(JsValue) -> JsValue>::new(move |model: JsValue| {
        find(&model).map_or(JsValue::NULL, JsValue::from)
    });
    let index = Object::new();
    put(&index, "get_one", &get_one.into_js_value());
    put(&index, "find_one", &find_one.into_js_value());
    INDEX.set(Some(index.clone()));
    index
}

pub(super) fn run(page: Page, callback: AnyId, target: &Target) -> Result<(), String> {
    let code = code::text_of(page, callback, "code");
    let args = code::args(page, callback);
    let module = page.read(|d| d.get_attr(callback, "module").unwrap_or(Value::Null));
    let module = match module {
        Value::Bool(module) => module,
        // "auto", as BokehJS decides.
        _ => code
            .lines()
            .any(|line| line.trim_start().starts_with("export default")),
    };
    let names: Vec<&str> = args.iter().map(|(k, _)| k.as_str()).collect();
    let run = compiled(callback, &code, &names, module)?;
    let (obj, data) = match target {
        Target::Model(model) => (proxy::of(page, *model), Object::new()),
        Target::Event(event) => (event_object(page, event), Object::new()),
        Target::Tool { tool, hit } => (proxy::of(page, *tool), tool_data(page, hit)),
    };
    let data: JsValue = data.into();
    let context = Object::new();
    put(&context, "index", &index(page));
    match run {
        Run::Function(function) => {
            let call = Array::new();
            for (_, value) in &args {
                call.push(value);
            }
            call.push(&obj);
            call.push(&data);
            call.push(&context);
            function.apply(&obj, &call).map_err(|e| describe(&e))?;
        }
        Run::Module(imported) => {
            let named = Object::new();
            for (name, value) in &args {
                put(&named, name, value);
            }
            let id = page.read(|d| d.model_id(callback).clone());
            wasm_bindgen_futures::spawn_local(async move {
                let called = async {
                    let module = wasm_bindgen_futures::JsFuture::from(imported).await?;
                    let default = Reflect::get(&module, &"default".into())?;
                    let Some(default) = default.dyn_ref::<Function>() else {
                        let message = "the module exports no default function";
                        return Err(js_sys::Error::new(message).into());
                    };
                    let call = Array::of4(&named, &obj, &data, &context);
                    default.apply(&JsValue::UNDEFINED, &call)
                };
                if let Err(e) = called.await {
                    let message = format!("rokeh: CustomJS {id}: {}", describe(&e));
                    web_sys::console::error_1(&message.into());
                }
            });
        }
    }
    Ok(())
}

/// The callback's code compiled (see [`code::cached`]): a function of its `args`' names,
/// `cb_obj`, `cb_data` and `cb_context`, or an ES module imported.
fn compiled(callback: AnyId, source: &str, names: &[&str], module: bool) -> Result<Run, String> {
    if module {
        let imported = code::cached(callback, "module", vec![source.to_owned()], |_| {
            // A data: URL needs no Blob; `import()` resolves it as any module.
            let url = format!(
                "data:text/javascript;charset=utf-8,{}",
                js_sys::encode_uri_component(source)
            );
            let import = code::construct(
                &code::global_function("Function")?,
                &["url", "return import(url)"],
            )?;
            import
                .call1(&JsValue::UNDEFINED, &url.into())
                .map_err(|e| describe(&e))
        })?;
        return Ok(Run::Module(imported.unchecked_into()));
    }
    let mut parameters = names.to_vec();
    parameters.extend(["cb_obj", "cb_data", "cb_context"]);
    code::function(callback, "code", Kind::Function, &parameters, source).map(Run::Function)
}

/// A UI event as BokehJS hands it to a callback: its `event_name`, the model it happened on
/// as `origin`, and its values (`x`, `y`, `sx`, `sy`, `modifiers`, `item`, …).
fn event_object(page: Page, event: &UiEvent) -> JsValue {
    let object = Object::new();
    put(&object, "event_name", &event.kind.name().into());
    let origin = event
        .model
        .as_ref()
        .map_or(JsValue::NULL, |id| proxy::of_id(page, id));
    put(&object, "origin", &origin);
    for (name, value) in &event.values {
        put(&object, name, &proxy::value_to_js(page, value));
    }
    object.into()
}

/// What a tool tells its callback of a hit, as BokehJS's TapTool and HoverTool: a tap's
/// `{geometries, source}`, a hover's `{index: {indices}, geometry, renderer}`.
fn tool_data(page: Page, hit: &ToolHit) -> Object {
    let point = Object::new();
    put(&point, "type", &"point".into());
    for (name, v) in ["sx", "sy", "x", "y"].into_iter().zip(hit.at) {
        put(&point, name, &v.into());
    }
    let data = Object::new();
    match &hit.what {
        Hit::Source(source) => {
            put(&data, "geometries", &point);
            put(&data, "source", &proxy::of(page, *source));
        }
        Hit::Rows { renderer, rows } => {
            let index = Object::new();
            let indices: Array = rows.iter().map(|&r| JsValue::from(r as f64)).collect();
            put(&index, "indices", &indices);
            put(&data, "index", &index);
            put(&data, "geometry", &point);
            put(&data, "renderer", &proxy::of(page, *renderer));
        }
    }
    data
}
