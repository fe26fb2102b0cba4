//! Ray: from (x, y) at `angle`, `length` long; a length of 0 reaches past the frame.

use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::{Numbers, Units};
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{bounds_of, distance_to_segment, each_row, line_legend, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x: s.coords("x", input.x_factors)?,
        y: s.coords("y", input.y_factors)?,
        angle: s.angles("angle")?,
        length: s.numbers("length")?,
        units: s.units("length")?,
        line: LineVisual::read(s, "")?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    x: Numbers<'d>,
    y: Numbers<'d>,
    angle: Numbers<'static>,
    length: Numbers<'d>,
    units: Units,
    line: LineVisual,
    len: usize,
}

impl View<'_> {
    /// Row `i`'s ends in device pixels; `reach` is how far "to the edge" is.
    fn ends(&self, maps: &Maps, i: usize, reach: f64) -> ((f64, f64), (f64, f64)) {
        let (x, y) = (self.x.get(i), self.y.get(i));
        let start = maps.point(x, y);
        let length = self.length.get(i);
        let screen = match self.units {
            _ if length == 0.0 => reach,
            Units::Screen => length * maps.scale,
            Units::Data => maps.x.distance(x, 2.0 * length) / 2.0,
        };
        let a = self.angle.get(i);
        (
            start,
            (start.0 + screen * a.cos(), start.1 + screen * a.sin()),
        )
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (bounds_of(&self.x, self.len), bounds_of(&self.y, self.len))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let reach = 2.0 * (p.frame.width + p.frame.height);
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            let Some(stroke) = self.line.stroke(i, p.maps.scale) else {
                continue;
            };
            let (a, b) = self.ends(&p.maps, i, reach);
            if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
                continue;
            }
            path.clear();
            path.move_to(a.0, a.1);
            path.line_to(b.0, b.1);
            p.surface.stroke(&path, &stroke);
        }
        Ok(())
    }

    fn legend(&self, p: &mut Paint<'_>, rect: Rect, row: Option<usize>) {
        line_legend(&self.line, p, rect, row.unwrap_or(0));
    }

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.len)
            .filter(|&i| {
                let (a, b) = self.ends(maps, i, 1e5);
                distance_to_segment(at, a, b) <= 2.0 * maps.scale
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.len
    }
}
