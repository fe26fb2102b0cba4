//! `CustomJSTransform`: a spec's numbers transformed by JavaScript, as BokehJS's
//! `v_compute` does it: its `v_func` a function of its `args`' names and `xs` (the
//! column's numbers, a Float64Array), returning the numbers (an array or a typed array).

use super::code::{self, Code, Kind};
use crate::document::AnyId;
use crate::render::scripted::{Ran, Script};
use crate::render::Reader;

/// `views::CUSTOM_JS_TRANSFORM`.
pub(crate) const SCRIPT: Script = Script::Transform(transform);

fn transform(_: Reader<'_>, transform: AnyId, xs: &[f64]) -> Ran<f64> {
    super::read_only(|| {
        let parameters = (&[][..], &["xs"][..]);
        let code = Code::compile(
            super::page()?,
            transform,
            "v_func",
            Kind::Function,
            parameters,
        )?;
        let xs = js_sys::Float64Array::from(xs).into();
        let out = code.call(&wasm_bindgen::JsValue::UNDEFINED, &[], &[xs])?;
        code::numbers(&out)
    })
}
