//! WheelZoomTool: the wheel (and a pinch, as BokehJS turns it into a wheel delta) zooms
//! about the pointer, keeping the focus within the ranges' bounds if it says so.

use crate::core::AnyId;
use crate::interact::{wheel_zoom, Motion, View, WheelZoom};
use crate::models::WheelZoomTool;

use super::{Plot, ToolView};

/// The view of WheelZoomTool.
#[derive(Debug)]
pub(crate) struct Wheel;

impl ToolView for Wheel {
    fn scroll(&self, plot: &Plot, tool: AnyId, view: &View, at: (f64, f64), delta: f64) -> bool {
        let Some(t) = plot.typed::<WheelZoomTool>(tool) else {
            return false;
        };
        let (settings, maintain_focus) = plot.page.read(|d| {
            let settings = WheelZoom {
                dimensions: d.get(t, WheelZoomTool::DIMENSIONS),
                zoom_on_axis: d.get(t, WheelZoomTool::ZOOM_ON_AXIS),
                speed: d.get(t, WheelZoomTool::SPEED),
            };
            let maintain_focus = d
                .get_attr(tool, "maintain_focus")
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(true);
            (settings, maintain_focus)
        });
        let Some(change) = wheel_zoom(view, &settings, at, delta) else {
            return false;
        };
        let motion = Motion {
            scrolling: true,
            maintain_focus,
            ..Motion::default()
        };
        plot.apply(&change, motion);
        true
    }
}
