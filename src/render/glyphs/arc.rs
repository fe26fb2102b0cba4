//! Arc: the outline of a circle centred on (x, y), `radius` long, from `start_angle` to
//! `end_angle` (counter-clockwise unless `direction` says clock). Stroked only; like
//! BokehJS, nothing hit-tests an arc.

use crate::models::{Direction, RadiusDimension};
use crate::render::ranges::Bounds;
use crate::render::specs::{Numbers, Units};
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{bounds_of, each_row, line_legend, screen_radius, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        radius: s.numbers("radius")?,
        units: s.units("radius")?,
        start: s.angles("start_angle")?,
        end: s.angles("end_angle")?,
        anticlock: s.r.get::<Direction>(s.model, "direction")? == Direction::Anticlock,
        line: LineVisual::read(s, "")?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    radius: Numbers<'d>,
    units: Units,
    start: Numbers<'static>,
    end: Numbers<'static>,
    anticlock: bool,
    line: LineVisual,
    len: usize,
}

impl GlyphView for View<'_> {
    /// The centres', as BokehJS indexes an arc.
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (bounds_of(&self.x, self.len), bounds_of(&self.y, self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            let Some(stroke) = self.line.stroke(i, p.maps.scale) else {
                continue;
            };
            let (x, y) = (self.x.get(i), self.y.get(i));
            let c = p.maps.point(x, y);
            let r = screen_radius(
                &p.maps,
                self.units,
                RadiusDimension::X,
                (x, y),
                self.radius.get(i),
            );
            let (a0, a1) = (self.start.get(i), self.end.get(i));
            if ![c.0, c.1, r, a0, a1].iter().all(|v| v.is_finite()) {
                continue;
            }
            path.clear();
            path.ellipse_arc(c, (r, r), 0.0, (a0, a1), self.anticlock);
            p.surface.stroke(&path, &stroke);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        line_legend(&self.line, p, rect, row.unwrap_or(0));
    }

    fn len(&self) -> usize {
        self.len
    }
}
