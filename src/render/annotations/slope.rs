//! Slope: the line y = gradient · x + y_intercept across the frame, the frame above and
//! below it filled (BokehJS's Slope, hatches aside).

use crate::core::Rgba;
use crate::document::AnyId;
use crate::render::read::Reader;
use crate::render::surface::{FillRule, Path, Stroke};
use crate::render::RenderError;

use super::{AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    slope: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let number = |attr: &str| r.value(slope, attr).map(|v| v.as_f64());
    Ok(Box::new(View {
        gradient: number("gradient")?,
        y_intercept: number("y_intercept")?,
        line: r.stroke(slope, "", 1.0)?,
        above: r.fill(slope, "above_")?,
        below: r.fill(slope, "below_")?,
        visible: r.flag(slope, "visible")?,
        x_range_name: r.string(slope, "x_range_name")?,
        y_range_name: r.string(slope, "y_range_name")?,
    }))
}

struct View {
    gradient: Option<f64>,
    y_intercept: Option<f64>,
    line: Option<Stroke>,
    above: Option<Rgba>,
    below: Option<Rgba>,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

impl AnnotationView for View {
    // A line from its own two numbers and the ranges, not the data.
    fn reads_data(&self) -> bool {
        false
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        let (Some(gradient), Some(intercept), true) =
            (self.gradient, self.y_intercept, self.visible)
        else {
            return Ok(());
        };
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let f = c.frame;
        // From beyond the frame's left edge to beyond its right one, clipped to it.
        let reach = f.width + f.height;
        let end = |sx: f64| {
            let x = maps.x.invert(sx);
            (sx, maps.y.apply(gradient * x + intercept))
        };
        let (a, b) = (end(f.x - reach), end(f.right() + reach));
        if !(a.1.is_finite() && b.1.is_finite()) {
            return Ok(());
        }
        c.surface.push_clip(f);
        // Up the screen is up the data unless the y range is flipped.
        let up = if maps.y.map.factor < 0.0 { -1.0 } else { 1.0 };
        let far = 4.0 * (reach + (a.1 - b.1).abs());
        for (color, side) in [(self.above, up), (self.below, -up)] {
            let Some(color) = color else { continue };
            let mut path = Path::new();
            path.move_to(a.0, a.1);
            path.line_to(b.0, b.1);
            path.line_to(b.0, b.1 + side * far);
            path.line_to(a.0, a.1 + side * far);
            path.close();
            c.surface.fill(&path, color, FillRule::NonZero);
        }
        if let Some(line) = &self.line {
            let mut path = Path::new();
            path.move_to(a.0, a.1);
            path.line_to(b.0, b.1);
            let stroke = Stroke {
                width: line.width * c.scale,
                dash: line.dash.iter().map(|d| d * c.scale).collect(),
                ..line.clone()
            };
            c.surface.stroke(&path, &stroke);
        }
        c.surface.pop_clip();
        Ok(())
    }
}
