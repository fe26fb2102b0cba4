//! Span: a line across the whole frame at `location`: horizontal (across the width) or
//! vertical (across the height).

use crate::document::{AnyId, Value};
use crate::models::Dimension;
use crate::render::read::Reader;
use crate::render::surface::{Path, Stroke};
use crate::render::RenderError;

use super::{coordinate, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    span: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    Ok(Box::new(View {
        location: r.value(span, "location")?,
        dimension: r.get(span, "dimension")?,
        line: r.stroke(span, "", 1.0)?,
        visible: r.flag(span, "visible")?,
        x_range_name: r.string(span, "x_range_name")?,
        y_range_name: r.string(span, "y_range_name")?,
    }))
}

struct View {
    location: Value,
    dimension: Dimension,
    line: Option<Stroke>,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

impl AnnotationView for View {
    // A line across the frame: drawn from the ranges, not the data.
    fn reads_data(&self) -> bool {
        false
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        let Some(line) = self.line.as_ref().filter(|_| self.visible) else {
            return Ok(());
        };
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let horizontal = self.dimension == Dimension::Width;
        let factors = if horizontal {
            (c.factors)(&self.y_range_name, false)
        } else {
            (c.factors)(&self.x_range_name, true)
        };
        let Some(v) = coordinate(&self.location, factors) else {
            return Ok(());
        };
        let f = c.frame;
        let mut path = Path::new();
        if horizontal {
            let y = maps.y.apply(v);
            path.move_to(f.x, y);
            path.line_to(f.right(), y);
        } else {
            let x = maps.x.apply(v);
            path.move_to(x, f.y);
            path.line_to(x, f.bottom());
        }
        let stroke = Stroke {
            width: line.width * c.scale,
            dash: line.dash.iter().map(|d| d * c.scale).collect(),
            ..line.clone()
        };
        c.surface.stroke(&path, &stroke);
        Ok(())
    }
}
