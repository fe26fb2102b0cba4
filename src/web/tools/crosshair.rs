//! CrosshairTool: lines through the pointer across the frame, along its `dimensions`.

use crate::core::AnyId;
use crate::interact::{dimensions, View};

use super::super::canvas::device_pixel_ratio;
use super::{Inspection, Plot, ToolView};

/// The view of CrosshairTool.
#[derive(Debug)]
pub(crate) struct Crosshair;

impl ToolView for Crosshair {
    fn inspect(&self, plot: &Plot, tool: AnyId, _: &View, at: (f64, f64), shown: &mut Inspection) {
        // The first active crosshair draws.
        if shown.crosshair.is_none() {
            let dpr = device_pixel_ratio();
            let dims = plot.page.read(|d| dimensions(d, tool));
            shown.crosshair = Some(((at.0 / dpr, at.1 / dpr), dims));
        }
    }
}
