//! `CustomJSTickFormatter`: tick labels written by JavaScript, as BokehJS writes them: its
//! code a function of `tick`, `index`, `ticks` and its `args`' names, called once per tick
//! of an axis, `this` an object the ticks of one labelling share, each result written as
//! text. Code that throws leaves the axis' labels a BasicTickFormatter's, with an error in
//! the console.

use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

use super::code::{self, Kind};
use crate::document::AnyId;
use crate::render::axis_parts::{AxisPart, Parts};
use crate::render::{
    format_basic, BasicFormat, FormatTicks, Formatter, Reader, RenderError, TickLabel,
};

/// `views::CUSTOM_JS_TICK_FORMATTER`.
pub(crate) const PARTS: Parts = &[("CustomJSTickFormatter", AxisPart::Formatter(read))];

struct Written {
    formatter: AnyId,
}

fn read(_: Reader<'_>, formatter: AnyId) -> Result<Formatter, RenderError> {
    Ok(Formatter::Viewed(Box::new(Written { formatter })))
}

impl FormatTicks for Written {
    fn format(&self, ticks: &[f64]) -> Vec<TickLabel> {
        match super::read_only(|| labels(self.formatter, ticks)) {
            Ok(labels) => labels,
            Err(e) => {
                let fallback = "its labels are a BasicTickFormatter's";
                super::report_once(self.formatter, &format!("{e}; {fallback}"));
                format_basic(ticks, &BasicFormat::default())
                    .into_iter()
                    .map(TickLabel::plain)
                    .collect()
            }
        }
    }
}

fn labels(formatter: AnyId, ticks: &[f64]) -> Result<Vec<TickLabel>, String> {
    let page = super::page()?;
    let args = code::args(page, formatter);
    let mut parameters = vec!["tick", "index", "ticks"];
    parameters.extend(args.iter().map(|(name, _)| name.as_str()));
    let source = code::text_of(page, formatter, "code");
    let function = code::function(formatter, "code", Kind::Function, &parameters, &source)?;
    let all: Array = ticks.iter().map(|&t| JsValue::from(t)).collect();
    let this = Object::new();
    ticks
        .iter()
        .enumerate()
        .map(|(index, &tick)| {
            let call = Array::of3(&tick.into(), &(index as f64).into(), &all);
            for (_, value) in &args {
                call.push(value);
            }
            let label = function
                .apply(&this, &call)
                .map_err(|e| code::describe(&e))?;
            code::to_text(&label).map(TickLabel::plain)
        })
        .collect()
}
