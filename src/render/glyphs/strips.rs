//! HStrip and VStrip: a band across the frame from each row's y0 to y1 (or x0 to x1),
//! filled, hatched and outlined as a Quad is.

use crate::render::RenderError;

use super::bars::{Boxes, Extent};
use super::{AreaVisuals, GlyphInput, GlyphView};

pub(crate) fn build_h<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let y = Extent::Edges(
        s.coords("y0", input.y_factors)?,
        s.coords("y1", input.y_factors)?,
    );
    Ok(Box::new(Boxes {
        x: Extent::Across,
        y,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}

pub(crate) fn build_v<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let x = Extent::Edges(
        s.coords("x0", input.x_factors)?,
        s.coords("x1", input.x_factors)?,
    );
    Ok(Box::new(Boxes {
        x,
        y: Extent::Across,
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}
