//! `CustomJSCompare`: a DataTable column's values compared by JavaScript as the table
//! sorts by it, as BokehJS's `compute(x, y)`: its code a function of `x`, `y` and its
//! `args`' names returning a negative number, zero or a positive one. (BokehJS passes the
//! args' values as one array; they are passed one by one here, as to every other
//! `CustomJS…` model.)

use std::cmp::Ordering;

use wasm_bindgen::JsValue;

use super::code::{Code, Kind};
use super::proxy;
use crate::document::{AnyId, Value};
use crate::render::scripted::Script;

/// `views::CUSTOM_JS_COMPARE`.
pub(crate) const SCRIPT: Script = Script::Compare(sort);

fn sort(sorter: AnyId, values: &[Value], order: &mut [u32]) -> bool {
    let sorted = super::read_only(|| {
        let page = super::page()?;
        let code = Code::compile(page, sorter, "code", Kind::Function, (&["x", "y"], &[]))?;
        let js: Vec<JsValue> = values.iter().map(|v| proxy::value_to_js(page, v)).collect();
        // The first failure stops the comparing: the rest compare equal, and the table
        // is sorted without the sorter.
        let mut failed = None;
        order.sort_by(|a, b| {
            if failed.is_some() {
                return Ordering::Equal;
            }
            let pair = [js[*a as usize].clone(), js[*b as usize].clone()];
            match code.call(&JsValue::UNDEFINED, &pair, &[]) {
                Ok(n) => n.as_f64().map_or(Ordering::Equal, |n| n.total_cmp(&0.0)),
                Err(e) => {
                    failed = Some(e);
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
