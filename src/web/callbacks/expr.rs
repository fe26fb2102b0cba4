//! `CustomJSExpr`: a spec's values computed by JavaScript, as BokehJS's `v_compute`: its
//! code the body of a generator function of its `args`' names, called with `this` the
//! data source's object; what it returns (an array, a typed array, any iterable, or one
//! value for every row) or, if it yields, what it yields.

use js_sys::Function;
use wasm_bindgen::JsValue;

use super::code::{self, Code, Kind};
use super::proxy;
use crate::document::AnyId;
use crate::render::scripted::{Ran, Script};
use crate::render::Reader;

/// `views::CUSTOM_JS_EXPR`.
pub(crate) const SCRIPT: Script = Script::Expr(expr);

/// BokehJS's reading of a generator's result, given the generator and the source's length.
const COLLECT: &str = "let result = generator.next();
if ((result.done ?? false) && result.value !== undefined) {
  const {value} = result;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return value;
  if (value != null && typeof value[Symbol.iterator] === 'function') return [...value];
  return new Array(length).fill(value);
}
const array = [];
do {
  array.push(result.value);
  result = generator.next();
} while (!(result.done ?? false));
return array;";

thread_local! {
    static COLLECTOR: std::cell::OnceCell<Function> = const { std::cell::OnceCell::new() };
}

/// [`COLLECT`] compiled, once.
fn collector() -> Result<Function, String> {
    COLLECTOR.with(|made| {
        if let Some(collector) = made.get() {
            return Ok(collector.clone());
        }
        let function = code::global_function("Function")?;
        let collector = code::construct(&function, &["generator", "length", COLLECT])?;
        Ok(made.get_or_init(|| collector).clone())
    })
}

fn expr(r: Reader<'_>, expr: AnyId, source: Option<AnyId>) -> Ran<f64> {
    let length = r.rows_of(source);
    super::read_only(|| {
        let page = super::page()?;
        let generator = Code::compile(page, expr, "code", Kind::Generator, (&[], &[]))?;
        let this = source.map_or(JsValue::UNDEFINED, |s| proxy::of(page, s));
        let started = generator.call(&this, &[], &[])?;
        let out = collector()?
            .call2(&JsValue::UNDEFINED, &started, &(length as f64).into())
            .map_err(|e| code::describe(&e))?;
        code::numbers(&out)
    })
}
