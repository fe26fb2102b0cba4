//! BoxZoomTool: a drag in the frame outlines a box (drawn over the canvas) whose data
//! the ranges then show.

use leptos::prelude::Set;

use crate::core::AnyId;
use crate::interact::{box_limits, box_zoom, BoxZoom, Motion, Over, View};
use crate::models::BoxZoomTool;

use super::{outline, Drag, Draw, Layer, Plot, ToolView};

/// The view of BoxZoomTool.
#[derive(Debug)]
pub(crate) struct Zoom;

impl ToolView for Zoom {
    fn layer(&self) -> Option<(Layer, Draw)> {
        Some((Layer::Outline, outline))
    }

    fn drag(&self, plot: &Plot, tool: AnyId, view: &View, at: (f64, f64)) -> Option<Box<dyn Drag>> {
        let t = plot.typed::<BoxZoomTool>(tool)?;
        let shape = plot.page.read(|d| BoxZoom {
            dimensions: d.get(t, BoxZoomTool::DIMENSIONS),
            origin: d.get(t, BoxZoomTool::ORIGIN),
        });
        (view.over(at) == Over::Frame)
            .then(|| Box::new(Zooming { base: at, shape }) as Box<dyn Drag>)
    }
}

/// A box being outlined from `base`.
struct Zooming {
    base: (f64, f64),
    shape: BoxZoom,
}

impl Drag for Zooming {
    fn to(&mut self, plot: &Plot, at: (f64, f64)) {
        plot.outline(&self.shape, self.base, at);
    }

    fn end(self: Box<Self>, plot: &Plot, at: (f64, f64), dragged: bool) {
        plot.overlay.set(None);
        let Some(view) = plot.view().filter(|_| dragged) else {
            return;
        };
        if let Some(change) = box_zoom(&view, box_limits(&view, &self.shape, self.base, at)) {
            plot.apply(&change, Motion::default());
            plot.ranges_update();
        }
    }
}
