//! Quadratic: a quadratic Bézier curve from (x0, y0) to (x1, y1) bent towards the control
//! point (cx, cy), per row. Stroked only; like BokehJS, nothing hit-tests it.

use crate::render::ranges::Bounds;
use crate::render::specs::Numbers;
use crate::render::surface::{Path, Rect};
use crate::render::visuals::LineVisual;
use crate::render::RenderError;

use super::{each_row, extent_bounds, line_legend, GlyphInput, GlyphView, Paint};

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let (xf, yf) = (input.x_factors, input.y_factors);
    Ok(Box::new(View {
        x: [
            s.coords("x0", xf)?,
            s.coords("cx", xf)?,
            s.coords("x1", xf)?,
        ],
        y: [
            s.coords("y0", yf)?,
            s.coords("cy", yf)?,
            s.coords("y1", yf)?,
        ],
        line: LineVisual::read(s, "")?,
        len: s.rows.len,
    }))
}

struct View<'d> {
    /// The start, the control point and the end, along x and along y.
    x: [Numbers<'d>; 3],
    y: [Numbers<'d>; 3],
    line: LineVisual,
    len: usize,
}

/// The smallest and largest value a quadratic Bézier curve with these coordinates takes:
/// at its ends or where its derivative is zero.
fn extent([p0, p1, p2]: [f64; 3]) -> (f64, f64) {
    let (lo, hi) = (p0.min(p2), p0.max(p2));
    let t = (p0 - p1) / (p0 - 2.0 * p1 + p2);
    if t > 0.0 && t < 1.0 {
        let v = (1.0 - t) * (1.0 - t) * p0 + 2.0 * (1.0 - t) * t * p1 + t * t * p2;
        (lo.min(v), hi.max(v))
    } else {
        (lo, hi)
    }
}

impl View<'_> {
    fn along(values: &[Numbers<'_>; 3], i: usize) -> [f64; 3] {
        values.each_ref().map(|v| v.get(i))
    }
}

impl GlyphView for View<'_> {
    /// The curves' own extent, as BokehJS indexes them.
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let axis =
            |values: &[Numbers<'_>; 3]| extent_bounds(self.len, |i| extent(View::along(values, i)));
        (axis(&self.x), axis(&self.y))
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        let mut path = Path::new();
        for i in each_row(rows, self.len) {
            let Some(stroke) = self.line.stroke(i, p.maps.scale) else {
                continue;
            };
            let (x, y) = (View::along(&self.x, i), View::along(&self.y, i));
            let [a, c, b] = [0, 1, 2].map(|k| p.maps.point(x[k], y[k]));
            if ![a, c, b].iter().all(|q| q.0.is_finite() && q.1.is_finite()) {
                continue;
            }
            path.clear();
            path.move_to(a.0, a.1);
            path.quadratic_to(c, b);
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
