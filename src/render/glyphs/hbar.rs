//! HBar: Horizontal bars centred on y from left to right.

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
        y: Extent::Center(
            s.coords("y", input.y_factors)?,
            s.numbers("height")?,
            s.units("height")?,
        ),
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}
