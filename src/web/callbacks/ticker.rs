//! `CustomJSTicker`: an axis' ticks placed by JavaScript, as BokehJS places them: its
//! `major_code` and `minor_code` functions of `cb_data` and its `args`' names, `cb_data`
//! holding the range's `start` and `end` (and `range`, here an object of the two), the
//! minor code also the `major_ticks`. Numeric axes only: factors returned for a
//! categorical axis are refused. Code that throws or returns something else leaves the
//! axis a BasicTicker's ticks, said once in the console.

use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

use super::code::{self, Code, Kind};
use crate::document::AnyId;
use crate::render::axis_parts::{AxisPart, Parts};
use crate::render::{Adaptive, Reader, RenderError, Ticker, TickerView, Ticks};
use crate::web::js::put;

/// `views::CUSTOM_JS_TICKER`.
pub(crate) const PARTS: Parts = &[("CustomJSTicker", AxisPart::Ticker(read))];

struct Placed {
    ticker: AnyId,
}

fn read(_: Reader<'_>, ticker: AnyId) -> Result<Ticker, RenderError> {
    Ok(Ticker::Viewed(Box::new(Placed { ticker })))
}

impl TickerView for Placed {
    fn ticks(&self, low: f64, high: f64) -> Ticks {
        match super::read_only(|| ticks(self.ticker, low, high)) {
            Ok(ticks) => ticks,
            Err(e) => {
                let fallback = "its ticks are a BasicTicker's";
                super::report_once(self.ticker, &format!("{e}; {fallback}"));
                Adaptive::default().ticks(low, high)
            }
        }
    }
}

fn ticks(ticker: AnyId, start: f64, end: f64) -> Result<Ticks, String> {
    let page = super::page()?;
    let data = Object::new();
    let range = Object::new();
    for (name, v) in [("start", start), ("end", end)] {
        put(&data, name, &v.into());
        put(&range, name, &v.into());
    }
    put(&data, "range", &range);
    put(&data, "cross_loc", &f64::NAN.into());
    let run = |slot: &'static str| -> Result<Vec<f64>, String> {
        if code::text_of(page, ticker, slot).is_empty() {
            return Ok(Vec::new());
        }
        let code = Code::compile(page, ticker, slot, Kind::Function, (&["cb_data"], &[]))?;
        let out = code.call(&JsValue::UNDEFINED, &[data.clone().into()], &[])?;
        let (low, high) = (start.min(end), start.max(end));
        // As BokehJS's axes, which draw the ticks within the range alone.
        let mut ticks = code::numbers(&out)?;
        ticks.retain(|t| (low..=high).contains(t));
        Ok(ticks)
    };
    let major = run("major_code")?;
    let listed: Array = major.iter().map(|&t| JsValue::from(t)).collect();
    put(&data, "major_ticks", &listed);
    let minor = run("minor_code")?;
    Ok(Ticks { major, minor })
}
