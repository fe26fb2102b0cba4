//! `CustomJSTransform`: a spec's numbers transformed by JavaScript, as BokehJS's
//! `v_compute` does it: its `v_func` a function of its `args`' names and `xs` (the
//! column's numbers, a Float64Array), returning the numbers (an array or a typed array).

use super::code::{self, Kind};
use crate::document::AnyId;
use crate::render::scripted::{Ran, Script};
use crate::render::Reader;

/// `views::CUSTOM_JS_TRANSFORM`.
pub(crate) const SCRIPT: Script = Script::Transform(transform);

fn transform(_: Reader<'_>, transform: AnyId, xs: &[f64]) -> Ran<f64> {
    super::read_only(|| {
        let page = super::page()?;
        let args = code::args(page, transform);
        let mut parameters: Vec<&str> = args.iter().map(|(name, _)| name.as_str()).collect();
        parameters.push("xs");
        let source = code::text_of(page, transform, "v_func");
        let function = code::function(transform, "v_func", Kind::Function, &parameters, &source)?;
        let call: js_sys::Array = args.iter().map(|(_, value)| value.clone()).collect();
        call.push(&js_sys::Float64Array::from(xs).into());
        let out = function
            .apply(&wasm_bindgen::JsValue::UNDEFINED, &call)
            .map_err(|e| code::describe(&e))?;
        code::numbers(&out)
    })
}
