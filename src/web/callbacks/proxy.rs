//! Models as JavaScript objects for callbacks' code, as BokehJS hands its models to a
//! `CustomJS`: reading a property reads the document, setting one sets it as the page's
//! user would (checked, its callbacks run, sent to the session), and a wrong one throws
//! with the document's reason. A source's `data` is its columns (typed arrays stay typed
//! arrays, lists arrays), handed out once until they change, so code may change them in
//! place and write them back with `source.change.emit()`, as Bokeh's examples do.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{ArrayBuffer, Float64Array, Object, Proxy, Reflect};
use wasm_bindgen::prelude::*;

use crate::core::Kind;
use crate::document::{AnyId, Document, ModelId, Value};
use crate::web::js::{from_js_with, put, to_js_with};
use crate::web::page::Page;

/// The one page's models' objects, made on first use and kept (the same model is the same
/// object to every callback, so `cb_obj === slider` holds).
struct Proxies {
    handler: Object,
    properties: Object,
    made: HashMap<AnyId, JsValue>,
    /// Their methods and signals (`setv`, `change`, …), made once each: a function handed
    /// to JavaScript lives as long as the page.
    methods: HashMap<(AnyId, String), JsValue>,
    /// The `data` each source handed out, until its columns change some other way.
    data: HashMap<AnyId, JsValue>,
}

/// The key under which a model's object answers its id, so that a model given back to the
/// page is a reference to it.
const MODEL_KEY: &str = "__rokeh_id";

thread_local! {
    static PROXIES: RefCell<Option<Proxies>> = const { RefCell::new(None) };
}

/// Model `model`'s object.
pub(super) fn of(page: Page, model: AnyId) -> JsValue {
    let made = PROXIES.with_borrow(|p| p.as_ref().and_then(|p| p.made.get(&model).cloned()));
    if let Some(made) = made {
        return made;
    }
    let handler = handlers(page);
    let target = Object::new();
    put(
        &target,
        "id",
        &page.read(|d| d.model_id(model).as_str().into()),
    );
    let proxy: JsValue = Proxy::new(&target, &handler).into();
    PROXIES.with_borrow_mut(|p| {
        if let Some(p) = p {
            p.made.insert(model, proxy.clone());
        }
    });
    proxy
}

/// The object of the model `id` names, or null if the document has none.
pub(super) fn of_id(page: Page, id: &ModelId) -> JsValue {
    match page.read(|d| d.lookup(id)) {
        Some(model) => of(page, model),
        None => JsValue::NULL,
    }
}

/// `value` as JavaScript, models as their objects.
pub(super) fn value_to_js(page: Page, value: &Value) -> JsValue {
    to_js_with(value, &|id| of_id(page, id))
}

/// A value from JavaScript as callbacks' code gives it: besides what JSON could hold, any
/// typed array (as float64 numbers) and a model's object (a reference to it).
pub(super) fn from_js(js: &JsValue) -> Option<Value> {
    from_js_with(js, &|js| {
        if ArrayBuffer::is_view(js) && !js.is_instance_of::<js_sys::DataView>() {
            return Some(Value::from(Float64Array::new(js).to_vec()));
        }
        let id = Reflect::get(js, &MODEL_KEY.into()).ok()?.as_string()?;
        Some(Value::Ref(ModelId::from(id.as_str())))
    })
}

/// Forgets the columns source `model` handed out: they changed.
pub(super) fn forget_data(model: AnyId) {
    PROXIES.with_borrow_mut(|p| {
        if let Some(p) = p {
            p.data.remove(&model);
        }
    });
}

/// The proxy handler of models' objects, made on first use.
fn handlers(page: Page) -> Object {
    if let Some(handler) = PROXIES.with_borrow(|p| p.as_ref().map(|p| p.handler.clone())) {
        return handler;
    }
    let handler = Object::new();
    let get = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        move |target: JsValue, key: JsValue| get(page, &target, &key),
    );
    let set = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<bool, JsValue>>::new(
        move |target: JsValue, key: JsValue, value: JsValue| set(page, &target, &key, &value),
    );
    put(&handler, "get", &get.into_js_value());
    put(&handler, "set", &set.into_js_value());
    // `model.properties.data.change.emit()`: each property's `change` signal.
    let properties = Object::new();
    let property = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(
        move |target: JsValue, key: JsValue| {
            let model = model_of(page, &target);
            match (model, key.as_string()) {
                (Some(model), Some(attr)) => {
                    let name = format!("change:{attr}");
                    method(model, &name, || signal(page, model, attr))
                }
                _ => JsValue::UNDEFINED,
            }
        },
    );
    put(&properties, "get", &property.into_js_value());
    PROXIES.set(Some(Proxies {
        handler: handler.clone(),
        properties,
        made: HashMap::new(),
        methods: HashMap::new(),
        data: HashMap::new(),
    }));
    handler
}

/// Model `model`'s method `name`, made by `make` the first time.
fn method(model: AnyId, name: &str, make: impl FnOnce() -> JsValue) -> JsValue {
    let key = (model, name.to_owned());
    let made = PROXIES.with_borrow(|p| p.as_ref().and_then(|p| p.methods.get(&key).cloned()));
    if let Some(made) = made {
        return made;
    }
    let made = make();
    PROXIES.with_borrow_mut(|p| {
        if let Some(p) = p {
            p.methods.insert(key, made.clone());
        }
    });
    made
}

/// The model a proxy's target names, if the document still has it.
fn model_of(page: Page, target: &JsValue) -> Option<AnyId> {
    let id = Reflect::get(target, &"id".into()).ok()?.as_string()?;
    page.read(|d| d.lookup(&ModelId::from(id.as_str())))
}

fn get(page: Page, target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue> {
    // Symbols (`Symbol.toPrimitive`, …) name nothing of a model.
    let Some(key) = key.as_string() else {
        return Ok(JsValue::UNDEFINED);
    };
    if key == "id" || key == MODEL_KEY {
        return Reflect::get(target, &"id".into());
    }
    let Some(model) = model_of(page, target) else {
        return Ok(JsValue::UNDEFINED);
    };
    match key.as_str() {
        "type" => return Ok(page.read(|d| d.model(model).type_name.as_str().into())),
        // `source.change.emit()`: what the code changed in place is written back.
        "change" => {
            return Ok(method(model, "change", || {
                signal(page, model, "data".into())
            }))
        }
        "properties" => {
            let handler = PROXIES.with_borrow(|p| p.as_ref().map(|p| p.properties.clone()));
            return Ok(handler.map_or(JsValue::UNDEFINED, |h| Proxy::new(target, &h).into()));
        }
        "setv" => return Ok(method(model, "setv", || setv(page, model))),
        "toString" => {
            let text =
                page.read(|d| format!("{}({})", d.model(model).type_name, d.model_id(model)));
            let to_string = || Closure::<dyn Fn() -> String>::new(move || text.clone());
            return Ok(method(model, "toString", || to_string().into_js_value()));
        }
        _ => {}
    }
    if page.read(|d| d.is_column_data(model, &key)) {
        return Ok(data(page, model, &key));
    }
    let value = page.read(|d| {
        let known = d.schema_of(model).is_none_or(|s| s.prop(&key).is_some());
        known.then(|| d.get_attr(model, &key).ok()).flatten()
    });
    Ok(value.map_or(JsValue::UNDEFINED, |v| value_to_js(page, &v)))
}

fn set(page: Page, target: &JsValue, key: &JsValue, value: &JsValue) -> Result<bool, JsValue> {
    let Some(key) = key.as_string() else {
        return Err(error("a model's properties are named by strings"));
    };
    let Some(model) = model_of(page, target) else {
        return Err(error(&format!(
            "setting {key}: the model is no longer in the document"
        )));
    };
    let Some(stored) = from_js(value) else {
        return Err(error(&format!(
            "setting {key}: not a value a document holds"
        )));
    };
    super::writable().map_err(|e| error(&e))?;
    // The document refuses a property the model does not have, as any wrong value.
    page.update(|d| d.set_attr(model, &key, fitted(d, model, &key, stored)))
        .map_err(|e| error(&e.to_string()))?;
    if page.read(|d| d.is_column_data(model, &key)) {
        // `source.data = {...}`: that object is the source's data now, as in BokehJS.
        remember_data(model, value.clone());
    }
    Ok(true)
}

/// A value from JavaScript as property `attr` of `model` stores it (see [`fit`]).
fn fitted(d: &Document, model: AnyId, attr: &str, value: Value) -> Value {
    match d.schema_of(model).and_then(|s| s.prop(attr)) {
        Some(def) => fit(value, def.kind),
        None => value,
    }
}

/// A value from JavaScript as a property of `kind` stores it: an object is a dict.
fn fit(value: Value, kind: &Kind) -> Value {
    match (value, kind) {
        (Value::Object(fields), Kind::Dict(..) | Kind::ColumnData) => Value::Map(
            fields
                .into_iter()
                .map(|(k, v)| (Value::Str(k), v))
                .collect(),
        ),
        (value, Kind::Nullable(inner)) => fit(value, inner),
        (value, _) => value,
    }
}

/// Source `model`'s columns `attr`, as handed out until they change.
fn data(page: Page, model: AnyId, attr: &str) -> JsValue {
    if let Some(kept) = handed(model) {
        return kept;
    }
    let columns = page.read(|d| d.get_attr(model, attr).ok());
    let data = columns.map_or(JsValue::UNDEFINED, |c| value_to_js(page, &c));
    // Kept only while something forgets it when the columns change: the listener of a
    // page that runs callbacks (a page with only a figure's scripts has none).
    if super::shown() {
        remember_data(model, data.clone());
    }
    data
}

/// The columns source `model` handed out, while they stand.
fn handed(model: AnyId) -> Option<JsValue> {
    PROXIES.with_borrow(|p| p.as_ref().and_then(|p| p.data.get(&model).cloned()))
}

fn remember_data(model: AnyId, data: JsValue) {
    PROXIES.with_borrow_mut(|p| {
        if let Some(p) = p {
            p.data.insert(model, data);
        }
    });
}

/// A property's `change` signal: `{emit()}`. Emitting `data`'s writes back the columns the
/// source handed out, changed in place; any other's does nothing (the document already
/// has every value set).
fn signal(page: Page, model: AnyId, attr: String) -> JsValue {
    let emit = Closure::<dyn Fn() -> Result<(), JsValue>>::new(move || {
        if !page.read(|d| d.is_column_data(model, &attr)) {
            return Ok(());
        }
        let Some(handed) = handed(model) else {
            return Ok(());
        };
        let Some(columns) = from_js(&handed) else {
            return Err(error("the source's data holds a value a document cannot"));
        };
        super::writable().map_err(|e| error(&e))?;
        page.update(|d| d.set_attr(model, &attr, fit(columns, &Kind::ColumnData)))
            .map_err(|e| error(&e.to_string()))?;
        // Still the source's data: the change just made is the code's own.
        remember_data(model, handed);
        Ok(())
    });
    let signal = Object::new();
    put(&signal, "emit", &emit.into_js_value());
    signal.into()
}

/// `model.setv({attr: value, …})`: every property at once, all or none.
fn setv(page: Page, model: AnyId) -> JsValue {
    let setv = Closure::<dyn Fn(JsValue) -> Result<(), JsValue>>::new(move |attrs: JsValue| {
        let Some(Value::Object(fields)) = from_js(&attrs) else {
            return Err(error("setv takes an object of property values"));
        };
        super::writable().map_err(|e| error(&e))?;
        page.update(|d| {
            d.batch(|d| {
                fields.into_iter().try_for_each(|(attr, value)| {
                    let value = fitted(d, model, &attr, value);
                    d.set_attr(model, &attr, value)
                })
            })
        })
        .map_err(|e| error(&e.to_string()))
    });
    setv.into_js_value()
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}
