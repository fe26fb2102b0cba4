//! PanTool: a drag moves the ranges with the pointer, both in the frame, one over its
//! axis (BokehJS's `_interactive_dims`).

use crate::core::AnyId;
use crate::interact::{dimensions, pan, pan_dims, Motion, View};
use crate::models::Dimensions;

use super::{Drag, Plot, ToolView};

/// The view of PanTool.
#[derive(Debug)]
pub(crate) struct Pan;

impl ToolView for Pan {
    fn drag(&self, plot: &Plot, tool: AnyId, view: &View, at: (f64, f64)) -> Option<Box<dyn Drag>> {
        let dims = plot.page.read(|d| dimensions(d, tool));
        let started = pan_dims(view, dims, at)?;
        Some(Box::new(Panning {
            view: *view,
            from: at,
            dims,
            started,
        }))
    }
}

/// A pan under way: the view and pointer when it began, the dimensions it moves.
struct Panning {
    view: View,
    from: (f64, f64),
    dims: Dimensions,
    started: Dimensions,
}

impl Drag for Panning {
    fn to(&mut self, plot: &Plot, at: (f64, f64)) {
        let (dx, dy) = (at.0 - self.from.0, at.1 - self.from.1);
        let change = pan(&self.view, self.dims, self.started, dx, dy);
        let motion = Motion {
            panning: true,
            ..Motion::default()
        };
        plot.apply(&change, motion);
    }

    fn end(self: Box<Self>, plot: &Plot, _at: (f64, f64), dragged: bool) {
        // A click is no pan: BokehJS's RangesUpdate ends only a pan that began.
        if dragged {
            plot.ranges_update();
        }
    }
}
