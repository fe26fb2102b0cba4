//! VArea and VAreaStep: the area between y1 and y2 over x, straight or stepped.

use crate::render::RenderError;

use super::area::{area_view, Area};
use super::{GlyphInput, GlyphView};
use crate::render::visuals::{FillVisual, HatchVisual};

fn read<'d>(input: &GlyphInput<'_, 'd>, stepped: bool) -> Result<Area<'d>, RenderError> {
    let s = &input.specs;
    Ok(Area {
        along: s.coords("x", input.x_factors)?,
        first: s.coords("y1", input.y_factors)?,
        second: s.coords("y2", input.y_factors)?,
        vertical: true,
        step: if stepped {
            Some(s.r.get(s.model, "step_mode")?)
        } else {
            None
        },
        fill: FillVisual::read(s, "")?,
        hatch: HatchVisual::read(s, "")?,
        len: s.rows.len,
    })
}

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    Ok(Box::new(View(read(input, false)?)))
}

pub(crate) fn build_step<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    Ok(Box::new(View(read(input, true)?)))
}

struct View<'d>(Area<'d>);

area_view!(View);
