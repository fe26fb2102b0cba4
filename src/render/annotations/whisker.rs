//! Whisker: error bars, a line from `lower` to `upper` at each `base`, with heads (a
//! TeeHead by default in Bokeh) at both ends.

use crate::document::AnyId;
use crate::models::Dimension;
use crate::render::read::Reader;
use crate::render::specs::{Rows, Specs};
use crate::render::surface::Path;
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::arrow::draw_head;
use super::{source_rows, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    w: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let rows = source_rows(r, w)?;
    Ok(Box::new(View {
        r,
        model: w,
        rows,
        dimension: r.get(w, "dimension")?,
        lower_head: r.reference(w, "lower_head")?,
        upper_head: r.reference(w, "upper_head")?,
        visible: r.flag(w, "visible")?,
        x_range_name: r.string(w, "x_range_name")?,
        y_range_name: r.string(w, "y_range_name")?,
    }))
}

struct View<'d> {
    r: Reader<'d>,
    model: AnyId,
    rows: Rows,
    dimension: Dimension,
    lower_head: Option<AnyId>,
    upper_head: Option<AnyId>,
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
        let vertical = self.dimension == Dimension::Height;
        let (bf, vf) = if vertical {
            (
                (c.factors)(&self.x_range_name, true),
                (c.factors)(&self.y_range_name, false),
            )
        } else {
            (
                (c.factors)(&self.y_range_name, false),
                (c.factors)(&self.x_range_name, true),
            )
        };
        let base = s.coords("base", bf)?;
        let lower = s.coords("lower", vf)?;
        let upper = s.coords("upper", vf)?;
        let line = LineVisual::read(&s, "")?;
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let point = |b: f64, v: f64| {
            if vertical {
                maps.point(b, v)
            } else {
                maps.point(v, b)
            }
        };
        for i in 0..self.rows.len {
            let lo = point(base.get(i), lower.get(i));
            let hi = point(base.get(i), upper.get(i));
            if !(lo.0.is_finite() && lo.1.is_finite() && hi.0.is_finite() && hi.1.is_finite()) {
                continue;
            }
            if let Some(stroke) = line.stroke(i, c.scale) {
                let mut path = Path::new();
                path.move_to(lo.0, lo.1);
                path.line_to(hi.0, hi.1);
                c.surface.stroke(&path, &stroke);
            }
            let angle = std::f64::consts::FRAC_PI_2 + (hi.1 - lo.1).atan2(hi.0 - lo.0);
            if let Some(head) = self.upper_head {
                draw_head(c.surface, self.r, head, &self.rows, i, (hi, angle), c.scale)?;
            }
            if let Some(head) = self.lower_head {
                let back = angle + std::f64::consts::PI;
                draw_head(c.surface, self.r, head, &self.rows, i, (lo, back), c.scale)?;
            }
        }
        Ok(())
    }
}
