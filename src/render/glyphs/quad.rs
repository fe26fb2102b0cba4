//! Quad: Boxes given by their four edges.

use crate::render::RenderError;

use super::bars::{Boxes, Extent};
use super::{AreaVisuals, GlyphInput, GlyphView};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(Boxes {
        x: Extent::Edges(
            s.coords("left", input.x_factors)?,
            s.coords("right", input.x_factors)?,
        ),
        y: Extent::Edges(
            s.coords("bottom", input.y_factors)?,
            s.coords("top", input.y_factors)?,
        ),
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}
