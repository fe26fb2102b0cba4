//! `CustomJSHover`: a tooltip's value written by JavaScript, as BokehJS writes it: its
//! code a function of its `args`' names, `value`, `format` (the placeholder's, `{…}`) and
//! `special_vars` (`x`, `y`, `index`, …), for a field whose HoverTool `formatters` name it.

use js_sys::Object;
use wasm_bindgen::JsValue;

use super::code::{self, Code, Kind};
use super::proxy;
use crate::document::{AnyId, Value};
use crate::render::scripted::{Script, Specials};
use crate::web::js::put;

/// `views::CUSTOM_JS_HOVER`.
pub(crate) const SCRIPT: Script = Script::Hover(hover);

fn hover(formatter: AnyId, value: &Value, format: &str, specials: Specials<'_>) -> Option<String> {
    let written = super::read_only(|| {
        let page = super::page()?;
        let parameters = (&[][..], &["value", "format", "special_vars"][..]);
        let code = Code::compile(page, formatter, "code", Kind::Function, parameters)?;
        let vars = Object::new();
        for (name, v) in specials {
            put(&vars, name, &proxy::value_to_js(page, v));
        }
        let after = [proxy::value_to_js(page, value), format.into(), vars.into()];
        let out = code.call(&JsValue::UNDEFINED, &[], &after)?;
        code::to_text(&out)
    });
    written.map_err(|e| super::report_once(formatter, &e)).ok()
}
