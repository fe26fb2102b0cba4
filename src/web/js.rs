//! Document values as JavaScript values and back: for the test hook's `get` and `set`, and
//! for the callbacks the page runs, whose code reads and writes models' properties. The
//! page parses no JSON (a static page carries no JSON reader), so values cross as JS.

use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::document::{ModelId, Value};

/// A plain value from a JavaScript one that JSON could hold (integral numbers are ints).
pub(crate) fn from_js(js: &JsValue) -> Option<Value> {
    from_js_with(js, &|_| None)
}

/// [`from_js`], each object that is no array first offered to `special` (the callbacks'
/// typed arrays and models' objects), so that pages without callbacks carry none of it.
pub(crate) fn from_js_with(
    js: &JsValue,
    special: &dyn Fn(&JsValue) -> Option<Value>,
) -> Option<Value> {
    if js.is_null() || js.is_undefined() {
        return Some(Value::Null);
    }
    if let Some(b) = js.as_bool() {
        return Some(Value::Bool(b));
    }
    if let Some(f) = js.as_f64() {
        let int = f.fract() == 0.0 && f.abs() < 2f64.powi(53);
        return Some(if int {
            Value::Int(f as i64)
        } else {
            Value::Float(f)
        });
    }
    if let Some(s) = js.as_string() {
        return Some(Value::Str(s));
    }
    if Array::is_array(js) {
        let items: Option<Vec<Value>> = Array::from(js)
            .iter()
            .map(|v| from_js_with(&v, special))
            .collect();
        return items.map(Value::List);
    }
    if let Some(value) = special(js) {
        return Some(value);
    }
    let object = js.dyn_ref::<Object>()?;
    let fields = Object::entries(object)
        .iter()
        .map(|pair| {
            let pair = Array::from(&pair);
            Some((
                pair.get(0).as_string()?,
                from_js_with(&pair.get(1), special)?,
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Value::Object(fields))
}

/// `value` as JavaScript, references as their ids.
pub(crate) fn to_js(value: &Value) -> JsValue {
    to_js_with(value, &|id| id.as_str().into())
}

/// `value` as JavaScript, each reference as `model` makes it.
pub(crate) fn to_js_with(value: &Value, model: &dyn Fn(&ModelId) -> JsValue) -> JsValue {
    let each = |items: &mut dyn Iterator<Item = &Value>| -> JsValue {
        items
            .map(|v| to_js_with(v, model))
            .collect::<Array>()
            .into()
    };
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => (*b).into(),
        Value::Int(i) => (*i as f64).into(),
        Value::Float(f) => (*f).into(),
        Value::Str(s) => s.into(),
        Value::Ref(id) => model(id),
        Value::List(items) | Value::Set(items) => each(&mut items.iter()),
        Value::Array(array) => match array.as_f64() {
            Some(values) => Float64Array::from(values).into(),
            None => each(&mut array.data.to_values().iter()),
        },
        Value::Map(entries) => {
            let object = Object::new();
            for (k, v) in entries {
                if let Some(k) = k.as_str() {
                    put(&object, k, &to_js_with(v, model));
                }
            }
            object.into()
        }
        Value::Object(fields) => {
            let object = Object::new();
            for (k, v) in fields {
                put(&object, k, &to_js_with(v, model));
            }
            object.into()
        }
        _ => JsValue::UNDEFINED,
    }
}

/// Sets `key` of a plain object (which cannot fail).
pub(crate) fn put(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}
