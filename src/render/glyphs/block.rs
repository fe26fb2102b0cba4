//! Block: Boxes from their bottom-left corner (x, y), width by height.

use crate::render::RenderError;

use super::bars::{Boxes, Extent};
use super::{AreaVisuals, GlyphInput, GlyphView};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(Boxes {
        x: Extent::Start(
            s.coords("x", input.x_factors)?,
            s.numbers("width")?,
            s.units("width")?,
        ),
        y: Extent::Start(
            s.coords("y", input.y_factors)?,
            s.numbers("height")?,
            s.units("height")?,
        ),
        visuals: AreaVisuals::read(s)?,
        len: s.rows.len,
    }))
}
