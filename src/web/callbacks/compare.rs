//! `CustomJSCompare`: a DataTable column's values compared by JavaScript as the table
//! sorts by it, as BokehJS's `compute(x, y)`: its code a function of `x`, `y` and its
//! `args`' names returning a negative number, zero or a positive one. (BokehJS passes the
//! args' values as one array; they are passed one by one here, as to every other
//! `CustomJS…` model.)

use std::cmp::Ordering;

use js_sys::Array;
use wasm_bindgen::JsValue;

use super::code::{self, Kind};
use super::proxy;
use crate::document::{AnyId, Value};
use crate::render::scripted::Script;

/// `views::CUSTOM_JS_COMPARE`.
pub(crate) const SCRIPT: Script = Script::Compare(sort);

fn sort(sorter: AnyId, values: &[Value], order: &mut [u32]) -> bool {
    let sorted = super::read_only(|| {
        let page = super::page()?;
        let args = code::args(page, sorter);
        let mut parameters = vec!["x", "y"];
        parameters.extend(args.iter().map(|(name, _)| name.as_str()));
        let body = code::text_of(page, sorter, "code");
        let function = code::function(sorter, "code", Kind::Function, &parameters, &body)?;
        let js: Vec<JsValue> = values.iter().map(|v| proxy::value_to_js(page, v)).collect();
        let call = Array::new();
        call.push(&JsValue::UNDEFINED);
        call.push(&JsValue::UNDEFINED);
        for (_, value) in &args {
            call.push(value);
        }
        // The first failure stops the comparing: the rest compare equal, and the table
        // is sorted without the sorter.
        let mut failed = None;
        order.sort_by(|a, b| {
            if failed.is_some() {
                return Ordering::Equal;
            }
            call.set(0, js[*a as usize].clone());
            call.set(1, js[*b as usize].clone());
            match function.apply(&JsValue::UNDEFINED, &call) {
                Ok(n) => n.as_f64().map_or(Ordering::Equal, |n| n.total_cmp(&0.0)),
                Err(e) => {
                    failed = Some(code::describe(&e));
                    Ordering::Equal
                }
            }
        });
        failed.map_or(Ok(()), Err)
    });
    sorted
        .map_err(|e| super::report_once(sorter, &format!("{e}; the table is sorted without it")))
        .is_ok()
}
