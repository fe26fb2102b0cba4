//! Segment: a straight line from (x0, y0) to (x1, y1) per row.

use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::Numbers;
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{bounds_of, distance_to_segment, each_row, line_legend, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    Ok(Box::new(View {
        x0: s.coords("x0", input.x_factors)?,
        y0: s.coords("y0", input.y_factors)?,
        x1: s.coords("x1", input.x_factors)?,
        y1: s.coords("y1", input.y_factors)?,
        line: LineVisual::read(s, "")?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    x0: Numbers<'d>,
    y0: Numbers<'d>,
    x1: Numbers<'d>,
    y1: Numbers<'d>,
    line: LineVisual,
    len: usize,
}

impl View<'_> {
    fn ends(&self, maps: &Maps, i: usize) -> ((f64, f64), (f64, f64)) {
        (
            maps.point(self.x0.get(i), self.y0.get(i)),
            maps.point(self.x1.get(i), self.y1.get(i)),
        )
    }
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        (
            Bounds::union(bounds_of(&self.x0, self.len), bounds_of(&self.x1, self.len)),
            Bounds::union(bounds_of(&self.y0, self.len), bounds_of(&self.y1, self.len)),
        )
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            let Some(stroke) = self.line.stroke(i, p.maps.scale) else {
                continue;
            };
            let (a, b) = self.ends(&p.maps, i);
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
                let (a, b) = self.ends(maps, i);
                distance_to_segment(at, a, b) <= 2.0 * maps.scale
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.len
    }
}
