//! `CustomJSHover`: a tooltip's value written by JavaScript, as BokehJS writes it: its
//! code a function of its `args`' names, `value`, `format` (the placeholder's, `{…}`) and
//! `special_vars` (`x`, `y`, `index`, …), for a field whose HoverTool `formatters` name it.

use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

use super::code::{self, Kind};
use super::proxy;
use crate::document::{AnyId, Value};
use crate::render::scripted::{Script, Specials};
use crate::web::js::put;

/// `views::CUSTOM_JS_HOVER`.
pub(crate) const SCRIPT: Script = Script::Hover(hover);

fn hover(formatter: AnyId, value: &Value, format: &str, specials: Specials<'_>) -> Option<String> {
    let written = super::read_only(|| {
        let page = super::page()?;
        let args = code::args(page, formatter);
        let mut parameters: Vec<&str> = args.iter().map(|(name, _)| name.as_str()).collect();
        parameters.extend(["value", "format", "special_vars"]);
        let body = code::text_of(page, formatter, "code");
        let function = code::function(formatter, "code", Kind::Function, &parameters, &body)?;
        let vars = Object::new();
        for (name, v) in specials {
            put(&vars, name, &proxy::value_to_js(page, v));
        }
        let call: Array = args.iter().map(|(_, v)| v.clone()).collect();
        call.push(&proxy::value_to_js(page, value));
        call.push(&format.into());
        call.push(&vars);
        let out = function
            .apply(&JsValue::UNDEFINED, &call)
            .map_err(|e| code::describe(&e))?;
        code::to_text(&out)
    });
    written.map_err(|e| super::report_once(formatter, &e)).ok()
}
