//! ZoomInTool and ZoomOutTool: a press zooms by the tool's `factor` about the frame's
//! centre (zoom out undoing a zoom in).

use crate::core::AnyId;
use crate::interact::{zoom_button, Motion};
use crate::models::{ZoomInTool, ZoomOutTool};

use super::{Plot, ToolView};

/// The view of ZoomInTool.
#[derive(Debug)]
pub(crate) struct In;

/// The view of ZoomOutTool.
#[derive(Debug)]
pub(crate) struct Out;

impl ToolView for In {
    fn press(&self, plot: &Plot, tool: AnyId) {
        let Some(t) = plot.typed::<ZoomInTool>(tool) else {
            return;
        };
        let (dims, factor) = plot.page.read(|d| {
            (
                d.get(t, ZoomInTool::DIMENSIONS),
                d.get(t, ZoomInTool::FACTOR),
            )
        });
        zoom(plot, dims, factor, true);
    }
}

impl ToolView for Out {
    fn press(&self, plot: &Plot, tool: AnyId) {
        let Some(t) = plot.typed::<ZoomOutTool>(tool) else {
            return;
        };
        let (dims, factor) = plot.page.read(|d| {
            (
                d.get(t, ZoomOutTool::DIMENSIONS),
                d.get(t, ZoomOutTool::FACTOR),
            )
        });
        zoom(plot, dims, factor, false);
    }
}

fn zoom(plot: &Plot, dims: crate::models::Dimensions, factor: f64, zoom_in: bool) {
    let Some(view) = plot.view() else { return };
    let change = zoom_button(&view, dims, factor, zoom_in);
    plot.apply(&change, Motion::default());
    plot.ranges_update();
}
