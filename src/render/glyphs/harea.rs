//! HArea and HAreaStep: the area between x1 and x2 over y, straight or stepped.

use crate::render::RenderError;

use super::area::{area_view, Area};
use super::{GlyphInput, GlyphView};
use crate::render::visuals::{FillVisual, HatchVisual};

fn read<'d>(input: &GlyphInput<'_, 'd>, stepped: bool) -> Result<Area<'d>, RenderError> {
    let s = &input.specs;
    Ok(Area {
        along: s.coords("y", input.y_factors)?,
        first: s.coords("x1", input.x_factors)?,
        second: s.coords("x2", input.x_factors)?,
        vertical: false,
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
