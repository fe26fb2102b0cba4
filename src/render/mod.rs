//! Draws a Figure of a document on any plotters DrawingBackend: the canvas in the page,
//! a bitmap natively.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::document::{Document, Id};
use crate::models::Figure;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("drawing failed: {0}")]
    Backend(String),
}

/// Draws `figure` filling `area`. `scale` is the device pixel ratio: the area is in device
/// pixels, and fonts, widths and margins are multiplied by it.
pub fn draw_figure<DB: DrawingBackend>(
    doc: &Document,
    figure: Id<Figure>,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), RenderError> {
    let _ = (doc, figure, area, scale);
    Ok(())
}
