//! `CustomJSTickFormatter`: tick labels written by JavaScript, as BokehJS writes them: its
//! code a function of `tick`, `index`, `ticks` and its `args`' names, called once per tick
//! of an axis, `this` an object the ticks of one labelling share, each result written as
//! text. Code that throws leaves the axis' labels a BasicTickFormatter's, with an error in
//! the console.

use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

use super::code::{self, Code, Kind};
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
    let parameters = (&["tick", "index", "ticks"][..], &[][..]);
    let code = Code::compile(
        super::page()?,
        formatter,
        "code",
        Kind::Function,
        parameters,
    )?;
    let all: JsValue = ticks
        .iter()
        .map(|&t| JsValue::from(t))
        .collect::<Array>()
        .into();
    let this = Object::new().into();
    ticks
        .iter()
        .enumerate()
        .map(|(index, &tick)| {
            let before = [tick.into(), (index as f64).into(), all.clone()];
            let label = code.call(&this, &before, &[])?;
            code::to_text(&label).map(TickLabel::plain)
        })
        .collect()
}
