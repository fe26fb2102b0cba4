//! `CustomJSFilter`: the rows of a renderer's view chosen by JavaScript, as BokehJS's
//! `compute_indices`: its code a function of its `args`' names and `source` (the data
//! source's object), returning null (every row), the indices of the rows kept, or a
//! boolean per row.

use wasm_bindgen::JsValue;

use super::code::{self, Code, Kind};
use super::proxy;
use crate::document::{AnyId, Value};
use crate::render::scripted::{Ran, Script};
use crate::render::Reader;

/// `views::CUSTOM_JS_FILTER`.
pub(crate) const SCRIPT: Script = Script::Filter(filter);

fn filter(_: Reader<'_>, filter: AnyId, source: Option<AnyId>, len: usize) -> Ran<bool> {
    let kept = super::read_only(|| {
        let page = super::page()?;
        let parameters = (&[][..], &["source"][..]);
        let code = Code::compile(page, filter, "code", Kind::Function, parameters)?;
        let source = source.map_or(JsValue::NULL, |s| proxy::of(page, s));
        let out = code.call(&JsValue::UNDEFINED, &[], &[source])?;
        Ok::<_, String>((proxy::from_js(&out), code::to_text(&out)?))
    })?;
    let wrong = || {
        format!(
            "expected null or an array of indices or booleans, got {}",
            kept.1
        )
    };
    match kept.0 {
        Some(Value::Null) => Ok(vec![true; len]),
        Some(Value::List(items)) if items.iter().all(|v| matches!(v, Value::Bool(_))) => {
            Ok(items.iter().map(|v| v == &Value::Bool(true)).collect())
        }
        Some(Value::List(items)) if items.iter().all(|v| matches!(v, Value::Int(_))) => {
            let mut keep = vec![false; len];
            for i in items.iter().filter_map(Value::as_f64).filter(|i| *i >= 0.0) {
                if let Some(k) = keep.get_mut(i as usize) {
                    *k = true;
                }
            }
            Ok(keep)
        }
        _ => Err(wrong()),
    }
}
