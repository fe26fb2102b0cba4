//! LabelSet: text at (x, y) for every row of `source`, offset in screen pixels.

use crate::document::AnyId;
use crate::render::read::Reader;
use crate::render::specs::{Rows, Specs};
use crate::render::visuals::TextVisual;
use crate::render::RenderError;

use super::{source_rows, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    l: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let rows = source_rows(r, l)?;
    Ok(Box::new(View {
        r,
        model: l,
        rows,
        visible: r.flag(l, "visible")?,
        x_range_name: r.string(l, "x_range_name")?,
        y_range_name: r.string(l, "y_range_name")?,
    }))
}

struct View<'d> {
    r: Reader<'d>,
    model: AnyId,
    rows: Rows,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

impl AnnotationView for View<'_> {
    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible {
            return Ok(());
        }
        let s = Specs {
            r: self.r,
            model: self.model,
            rows: &self.rows,
            overrides: &[],
        };
        let x = s.coords("x", (c.factors)(&self.x_range_name, true))?;
        let y = s.coords("y", (c.factors)(&self.y_range_name, false))?;
        let text = s.texts("text")?;
        let (dx, dy) = (s.numbers("x_offset")?, s.numbers("y_offset")?);
        let angle = s.angles("angle")?;
        let visual = TextVisual::read(&s, "")?;
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        for i in 0..self.rows.len {
            let Some(t) = text.get(i) else { continue };
            let Some(style) = visual.style(i, c.scale, angle.get(i)) else {
                continue;
            };
            let (sx, sy) = maps.point(x.get(i), y.get(i));
            if !(sx.is_finite() && sy.is_finite()) {
                continue;
            }
            let at = (sx + dx.get(i) * c.scale, sy - dy.get(i) * c.scale);
            c.surface.text(&t, at, &style);
        }
        Ok(())
    }
}
