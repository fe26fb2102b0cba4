//! Models' JavaScript compiled as BokehJS compiles it (strict mode, `new Function` of the
//! parameters BokehJS names), once per model and piece of code: again only when the code
//! or the names of its `args` change.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;

use super::proxy;
use crate::document::{AnyId, Value};
use crate::web::page::Page;

/// What a piece of code compiled from (its parameters and body), and the result.
type Compiled = (Vec<String>, JsValue);

thread_local! {
    /// By model and which of its pieces of code (`"code"`, `"v_func"`).
    static COMPILED: RefCell<HashMap<(AnyId, &'static str), Compiled>> =
        RefCell::new(HashMap::new());
}

/// Model `model`'s piece `slot` as `compile` makes it from `source`, kept while the source
/// is the same.
pub(super) fn cached(
    model: AnyId,
    slot: &'static str,
    source: Vec<String>,
    compile: impl FnOnce(&[String]) -> Result<JsValue, String>,
) -> Result<JsValue, String> {
    let key = (model, slot);
    let kept = COMPILED.with_borrow(|c| {
        c.get(&key)
            .filter(|(from, _)| *from == source)
            .map(|(_, made)| made.clone())
    });
    if let Some(made) = kept {
        return Ok(made);
    }
    let made = compile(&source)?;
    COMPILED.with_borrow_mut(|c| c.insert(key, (source, made.clone())));
    Ok(made)
}

/// What kind of function code is compiled into.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Function,
    /// A generator function (`yield`), as a `CustomJSExpr`'s.
    Generator,
}

/// A strict-mode function of `parameters` whose body is `code`: model `model`'s piece
/// `slot`, compiled once (see [`cached`]).
pub(super) fn function(
    model: AnyId,
    slot: &'static str,
    kind: Kind,
    parameters: &[&str],
    code: &str,
) -> Result<Function, String> {
    let mut source: Vec<String> = parameters.iter().map(|p| (*p).to_owned()).collect();
    source.push(format!("'use strict';\n{code}"));
    let made = cached(model, slot, source, |source| {
        let constructor = match kind {
            Kind::Function => global_function("Function")?,
            // GeneratorFunction is no global: it is a generator's constructor.
            Kind::Generator => construct(
                &global_function("Function")?,
                &["return Object.getPrototypeOf(function* () {}).constructor"],
            )?
            .call0(&JsValue::UNDEFINED)
            .map_err(|e| describe(&e))?
            .unchecked_into(),
        };
        construct(&constructor, source).map(Into::into)
    })?;
    Ok(made.unchecked_into())
}

/// A model's code compiled (see [`function`]) as a function of `before`, its `args`'
/// names and `after` (BokehJS puts some parameters before the args, some after), with the
/// args' values.
pub(super) struct Code {
    function: Function,
    args: Vec<JsValue>,
}

impl Code {
    /// Model `model`'s code `slot` (`"code"`, `"v_func"`), compiled.
    pub(super) fn compile(
        page: Page,
        model: AnyId,
        slot: &'static str,
        kind: Kind,
        (before, after): (&[&str], &[&str]),
    ) -> Result<Code, String> {
        let args = args(page, model);
        let mut parameters = before.to_vec();
        parameters.extend(args.iter().map(|(name, _)| name.as_str()));
        parameters.extend(after);
        let body = text_of(page, model, slot);
        Ok(Code {
            function: function(model, slot, kind, &parameters, &body)?,
            args: args.into_iter().map(|(_, value)| value).collect(),
        })
    }

    /// Calls it with `this`, the values of `before` and of `after`.
    pub(super) fn call(
        &self,
        this: &JsValue,
        before: &[JsValue],
        after: &[JsValue],
    ) -> Result<JsValue, String> {
        let call: Array = before.iter().chain(&self.args).chain(after).collect();
        self.function.apply(this, &call).map_err(|e| describe(&e))
    }
}

/// The global function `name` (`Function`, `String`).
pub(super) fn global_function(name: &str) -> Result<Function, String> {
    Reflect::get(&js_sys::global(), &name.into())
        .map(JsCast::unchecked_into)
        .map_err(|e| describe(&e))
}

/// `new constructor(...parameters)`: a syntax error is an error, not a trap.
pub(super) fn construct(
    constructor: &Function,
    parameters: &[impl AsRef<str>],
) -> Result<Function, String> {
    let arguments: Array = parameters
        .iter()
        .map(|p| JsValue::from_str(p.as_ref()))
        .collect();
    Reflect::construct(constructor, &arguments)
        .map(JsCast::unchecked_into)
        .map_err(|e| describe(&e))
}

/// Model `model`'s `args` (a `CustomJS`'s, a formatter's, …): their names, in order, and
/// their values as the code sees them (models as their objects).
pub(super) fn args(page: Page, model: AnyId) -> Vec<(String, JsValue)> {
    let args = page.read(|d| d.get_attr(model, "args").unwrap_or(Value::Null));
    match args {
        Value::Map(entries) => entries
            .into_iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_owned(), proxy::value_to_js(page, &v))))
            .collect(),
        _ => Vec::new(),
    }
}

/// Model `model`'s string property `attr` (its code).
pub(super) fn text_of(page: Page, model: AnyId, attr: &str) -> String {
    page.read(|d| match d.get_attr(model, attr) {
        Ok(Value::Str(text)) => text,
        _ => String::new(),
    })
}

/// `value` as a JavaScript template writes it (`${value}`).
pub(super) fn to_text(value: &JsValue) -> Result<String, String> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    let written = global_function("String")?
        .call1(&JsValue::UNDEFINED, value)
        .map_err(|e| describe(&e))?;
    Ok(written.as_string().unwrap_or_default())
}

/// What code returned, as numbers: an array or a typed array, each item as `Number()`
/// reads it.
pub(super) fn numbers(out: &JsValue) -> Result<Vec<f64>, String> {
    let typed = js_sys::ArrayBuffer::is_view(out) && !out.is_instance_of::<js_sys::DataView>();
    if Array::is_array(out) || typed {
        return Ok(js_sys::Float64Array::new(out).to_vec());
    }
    Err(format!(
        "expected an array of numbers, got {}",
        to_text(out)?
    ))
}

/// What a thrown value says: an Error's name and message, else its text.
pub(super) fn describe(thrown: &JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.to_string()),
        None => thrown.as_string().unwrap_or_else(|| format!("{thrown:?}")),
    }
}
