//! BoxZoomTool: a drag in the frame outlines a box (drawn over the canvas) whose data
//! the ranges then show.

use crate::core::AnyId;
use crate::interact::{box_zoom, BoxZoom, Motion, Over, View};
use crate::models::BoxZoomTool;

use super::{outline, Boxing, Drag, Draw, Layer, Plot, ToolView};

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
        let zooming = Boxing {
            base: at,
            shape,
            done: |plot: &Plot, view: &View, limits| {
                if let Some(change) = box_zoom(view, limits) {
                    plot.apply(&change, Motion::default());
                    plot.ranges_update();
                }
            },
        };
        (view.over(at) == Over::Frame).then(|| Box::new(zooming) as Box<dyn Drag>)
    }
}
