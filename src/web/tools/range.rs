//! RangeTool: a drag on its box moves or resizes the ranges it shows (as a rule another
//! plot's), whichever tool is active; the arithmetic is `crate::interact`'s.

use crate::core::AnyId;
use crate::interact::{set_ranges, RangeDrag, View};
use crate::render::{annotation_builder, BuildAnnotation};

use super::{log, Drag, Plot, ToolView};

/// Its box, as the figure draws it (found when the page is compiled).
const DRAWN: BuildAnnotation = annotation_builder("RangeTool");

/// The view of RangeTool.
#[derive(Debug)]
pub(crate) struct Range;

impl ToolView for Range {
    fn drag(&self, plot: &Plot, tool: AnyId, view: &View, at: (f64, f64)) -> Option<Box<dyn Drag>> {
        let drag = plot.page.read(|d| RangeDrag::start(d, tool, view, at))?;
        Some(Box::new(Ranging { drag, view: *view }))
    }

    fn drawn(&self) -> Option<BuildAnnotation> {
        Some(DRAWN)
    }
}

/// A RangeTool's drag under way, in the view of its press: this plot's ranges do not
/// move with the box.
struct Ranging {
    drag: RangeDrag,
    view: View,
}

impl Drag for Ranging {
    fn to(&mut self, plot: &Plot, at: (f64, f64)) {
        let moves = self.drag.to(&self.view, at);
        if let Err(e) = plot.page.update(|d| set_ranges(d, &moves)) {
            log("moving a RangeTool's ranges", e);
        }
    }

    fn end(self: Box<Self>, _plot: &Plot, _at: (f64, f64), _dragged: bool) {}
}
